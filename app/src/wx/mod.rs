//! Talking to the `wx` object of the official JS-SDK (jweixin 1.6.0).
//!
//! Inside WeChat the real SDK is loaded from `res.wx.qq.com`; outside, the same SDK runs
//! on the simulated native bridge. Either way the pages call `wx` through [`bridge`],
//! and everything else here is plain data shared by server and browser (the `wx.config`
//! object itself is the core's [`wechat::api::JsConfig`]).

#[cfg(feature = "browser")]
pub mod bridge;

use serde::{Deserialize, Serialize};

/// Which callback of a `wx` call fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CallbackKind {
    Success,
    Fail,
    Cancel,
    Complete,
    Trigger,
}

impl CallbackKind {
    /// Every callback the JS-SDK may call, in the order they are attached.
    pub const ALL: [CallbackKind; 5] = [
        CallbackKind::Trigger,
        CallbackKind::Success,
        CallbackKind::Cancel,
        CallbackKind::Fail,
        CallbackKind::Complete,
    ];

    /// The property name on the options object.
    pub fn js_name(self) -> &'static str {
        match self {
            CallbackKind::Success => "success",
            CallbackKind::Fail => "fail",
            CallbackKind::Cancel => "cancel",
            CallbackKind::Complete => "complete",
            CallbackKind::Trigger => "trigger",
        }
    }
}

/// How a call ended, from its `errMsg` (`name:ok`, `name:cancel`, `name:fail …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Ok,
    Cancel,
    Fail,
}

impl Outcome {
    /// Reads the outcome out of an errMsg; anything not `:ok`/`:cancel` is a failure.
    pub fn from_err_msg(err_msg: &str) -> Outcome {
        let status = err_msg.split_once(':').map_or(err_msg, |(_, s)| s).trim();
        if status == "ok" || status.starts_with("ok") {
            Outcome::Ok
        } else if status.starts_with("cancel") {
            Outcome::Cancel
        } else {
            Outcome::Fail
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_is_read_from_err_msg() {
        assert_eq!(Outcome::from_err_msg("chooseImage:ok"), Outcome::Ok);
        assert_eq!(Outcome::from_err_msg("getLocation:cancel"), Outcome::Cancel);
        assert_eq!(
            Outcome::from_err_msg("config:invalid signature"),
            Outcome::Fail
        );
        assert_eq!(
            Outcome::from_err_msg("uploadImage:fail, the permission value is offline verifying"),
            Outcome::Fail
        );
    }
}
