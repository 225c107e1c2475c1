//! How `jweixin-1.6.0.js` talks to WeChat's native bridge (`WeixinJSBridge`): the native
//! name behind each `wx.*` function where it differs, the event a listener waits for, and
//! the `err_msg` a client answers with. Read from jweixin's source; the simulator answers
//! by these names.

use super::BridgeName;

/// Defaults every entry starts from: the native name is the function's own.
const SAME: BridgeName = BridgeName {
    function: "",
    native: "",
    event: None,
    invoke: None,
    answer_prefix: None,
    ok_word: None,
    needs_permission: true,
};

const fn renamed(function: &'static str, native: &'static str) -> BridgeName {
    BridgeName {
        function,
        native,
        ..SAME
    }
}

/// A share listener: jweixin listens for the menu's event, then invokes the share.
const fn share(
    function: &'static str,
    event: &'static str,
    invoke: &'static str,
    answer_prefix: Option<&'static str>,
) -> BridgeName {
    BridgeName {
        function,
        native: event,
        event: Some(event),
        invoke: Some(invoke),
        answer_prefix,
        ..SAME
    }
}

/// A listener for an event the client fires by itself.
const fn event(function: &'static str, event: &'static str) -> BridgeName {
    BridgeName {
        function,
        native: event,
        event: Some(event),
        ..SAME
    }
}

/// Every function whose bridge side is not simply its own name; the others are called by
/// their `wx.*` name and answer `<name>:ok`.
pub static BRIDGE_NAMES: &[BridgeName] = &[
    renamed("config", "preVerifyJSAPI"),
    BridgeName {
        needs_permission: false,
        ..renamed("checkJsApi", "checkJsApi")
    },
    share(
        "onMenuShareTimeline",
        "menu:share:timeline",
        "shareTimeline",
        Some("share_timeline"),
    ),
    BridgeName {
        ok_word: Some("confirm"),
        ..share(
            "onMenuShareAppMessage",
            "menu:share:appmessage",
            "sendAppMessage",
            Some("send_app_msg"),
        )
    },
    share("onMenuShareQQ", "menu:share:qq", "shareQQ", None),
    share(
        "onMenuShareWeibo",
        "menu:share:weiboApp",
        "shareWeiboApp",
        None,
    ),
    share("onMenuShareQZone", "menu:share:QZone", "shareQZone", None),
    event("onVoiceRecordEnd", "onVoiceRecordEnd"),
    event("onVoicePlayEnd", "onVoicePlayEnd"),
    event("onSearchBeacons", "onBeaconsInRange"),
    renamed("previewImage", "imagePreview"),
    renamed("getLocation", "geoLocation"),
    BridgeName {
        answer_prefix: Some("network_type"),
        ..renamed("getNetworkType", "getNetworkType")
    },
    renamed("openProductSpecificView", "openProductViewWithPid"),
    renamed("addCard", "batchAddCard"),
    BridgeName {
        answer_prefix: Some("choose_card"),
        ..renamed("chooseCard", "chooseCard")
    },
    renamed("openCard", "batchViewCard"),
    renamed("consumeAndShareCard", "consumedShareCard"),
    BridgeName {
        answer_prefix: Some("get_brand_wcpay_request"),
        ..renamed("chooseWXPay", "getBrandWCPayRequest")
    },
    BridgeName {
        answer_prefix: Some("edit_address"),
        ..renamed("openAddress", "editAddress")
    },
    renamed("startSearchBeacons", "startMonitoringBeacons"),
    renamed("stopSearchBeacons", "stopMonitoringBeacons"),
];

/// The bridge's side of `function`: its entry, or the default (its own name).
pub fn bridge_name(function: &'static str) -> BridgeName {
    BRIDGE_NAMES
        .iter()
        .find(|entry| entry.function == function)
        .copied()
        .unwrap_or(BridgeName {
            function,
            native: function,
            ..SAME
        })
}

/// The `err_msg`s the bridge refuses a call with, before any handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The client does not have the function.
    NotExist,
    /// `wx.config` has not been verified yet.
    Offline,
    /// `wx.config` failed, or the function is not in its `jsApiList`.
    Denied,
}

impl Refusal {
    /// The raw `err_msg` the native bridge sends (jweixin turns `_` into spaces and `access
    /// denied` into `permission denied`: appendix 5's wording).
    pub fn raw(self) -> &'static str {
        match self {
            Refusal::NotExist => "system:function_not_exist",
            Refusal::Offline => "system:the permission value is offline verifying",
            Refusal::Denied => "system:access_denied",
        }
    }
}
