//! Talking to the `wx` object of the official JS-SDK (jweixin 1.6.0).
//!
//! Inside WeChat the real SDK is loaded from `res.wx.qq.com`; outside, the same SDK runs
//! on the simulated native bridge. Either way the pages call `wx` through [`bridge`],
//! and everything else here is plain data shared by server and browser.

#[cfg(feature = "hydrate")]
pub mod bridge;

use serde::{Deserialize, Serialize};

/// The object passed to `wx.config`, exactly as WeChat wants it (camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WxConfig {
    pub debug: bool,
    pub app_id: String,
    pub timestamp: u64,
    pub nonce_str: String,
    pub signature: String,
    pub js_api_list: Vec<String>,
    pub open_tag_list: Vec<String>,
}

/// A signed configuration together with the URL it was signed for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedConfig {
    pub config: WxConfig,
    /// The exact URL the server signed (fragment removed, query kept byte for byte).
    pub url: String,
}

/// What the server concluded, and whether the page should configure once more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigErrorVerdict {
    /// `url_mismatch`, `ticket` or `not_a_signature_error`.
    pub cause: String,
    /// This report forced a new jsapi_ticket.
    pub refreshed: bool,
    /// Sign and configure again (a fresh ticket is in place).
    pub retry: bool,
    pub explanation: String,
}

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
    fn config_serialises_in_camel_case_as_wx_config_expects() {
        let config = WxConfig {
            debug: false,
            app_id: "wx1".into(),
            timestamp: 1414587457,
            nonce_str: "n".into(),
            signature: "s".into(),
            js_api_list: vec!["chooseImage".into()],
            open_tag_list: vec![],
        };
        let json = serde_json::to_value(&config).unwrap();
        assert_eq!(json["appId"], "wx1");
        assert_eq!(json["nonceStr"], "n");
        assert_eq!(json["timestamp"], 1414587457);
        assert_eq!(json["jsApiList"][0], "chooseImage");
        assert!(json.get("openTagList").is_some());
    }

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
