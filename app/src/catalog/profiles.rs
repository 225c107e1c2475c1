//! The simulator's profiles and scenarios, as data: which client version introduced which
//! function, which account kind may use which interface, how each device verifies the URL,
//! and the named presets that put the simulator into one documented failure.
//!
//! Written once, here; the simulator receives them in [`super::simulator_view::SimCatalog`]
//! (typed by the generated `app/bindings/*.ts`) and keeps no rule of its own.
//!
//! Versions the documents give: `checkJsApi` and the permission check (6.0.2, appendix 5 #6
//! and #17), the 1.4.0 share functions (6.7.2), `consumeAndShareCard` (6.3.6), Android's
//! `pushState` support (6.2, #19) and `getLocation`'s `gcj02` (6.2, #22). Where they give
//! none the version is ours, marked [`Source::Chosen`] (and listed in the README).

use super::{t, Text};
use serde::Serialize;

#[cfg(test)]
use ts_rs::TS;

/// Where a rule's version comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The documents say it.
    Documented,
    /// The documents are silent; the playground chose it.
    Chosen,
}

/// A function a client before `since` does not have (`<api>:function not exist`,
/// `checkJsApi` false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
pub struct ClientRule {
    pub function: &'static str,
    pub since: &'static str,
    pub source: Source,
}

const fn since(function: &'static str, since: &'static str, source: Source) -> ClientRule {
    ClientRule {
        function,
        since,
        source,
    }
}

use Source::{Chosen, Documented};

/// Every function newer than the first clients (6.0); the others exist on every client.
pub const CLIENT_RULES: &[ClientRule] = &[
    since("checkJsApi", "6.0.2", Documented),
    since("updateAppMessageShareData", "6.7.2", Documented),
    since("updateTimelineShareData", "6.7.2", Documented),
    since("consumeAndShareCard", "6.3.6", Documented),
    // "有的接口是6.0.2新引入的" (#17) without naming them: the cards and the shop.
    since("chooseCard", "6.0.2", Chosen),
    since("addCard", "6.0.2", Chosen),
    since("openCard", "6.0.2", Chosen),
    since("openProductSpecificView", "6.0.2", Chosen),
    // JS-SDK 1.1.0's additions.
    since("openAddress", "6.0.2", Chosen),
    since("startSearchBeacons", "6.2", Chosen),
    since("stopSearchBeacons", "6.2", Chosen),
    since("onSearchBeacons", "6.2", Chosen),
    // JS-SDK 1.2.0's addition.
    since("getLocalImgData", "6.5.0", Chosen),
];

/// Before this client nothing is checked: `config:ok` to any signature (#6), every API allowed.
pub const PERMISSION_CHECKS_SINCE: &str = "6.0.2";
/// Android clients before this fail to sign `pushState` pages (#19).
pub const ANDROID_PUSH_STATE_SINCE: &str = "6.2";
/// `getLocation` answers `gcj02` coordinates from this client on (#22); before, `wgs84`.
pub const GCJ02_SINCE: &str = "6.2";
/// The client the simulator is unless told otherwise.
pub const DEFAULT_CLIENT: &str = "8.0.50";
/// The clients the panel offers (any `?wechat=` version is accepted).
pub const OFFERED_CLIENTS: &[&str] = &["6.0.1", "6.1", "6.2", "6.7.1", "6.7.2", DEFAULT_CLIENT];
/// The most JS interface safe domains an account binds ("一个appid可以绑定三个有效域名", #1).
pub const MAX_BOUND_DOMAINS: usize = 3;
/// The longest client version `?wechat=` may name.
pub const MAX_CLIENT_VERSION_LEN: usize = 16;

/// How a device verifies `wx.config`'s URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SignedUrl {
    /// The URL the page was entered with, even after `pushState` (iOS).
    Landing,
    /// The current URL (Android from 6.2, desktop browsers).
    Current,
}

/// A device the simulator can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Device {
    pub id: &'static str,
    pub name: Text,
    /// The user agent's head (before `MicroMessenger/…`); `None`: the browser's own.
    pub user_agent: Option<&'static str>,
    /// `None`: by the browser's own user agent (iOS when it names an iPhone or iPad).
    pub signed_url: Option<SignedUrl>,
    /// Fails to sign a page whose address `pushState` changed, before [`ANDROID_PUSH_STATE_SINCE`].
    pub old_push_state: bool,
}

/// The devices, the default first.
pub const DEVICES: &[Device] = &[
    Device {
        id: "browser",
        name: t("本浏览器", "this browser"),
        user_agent: None,
        signed_url: None,
        old_push_state: false,
    },
    Device {
        id: "ios",
        name: t("iPhone（iOS）", "iPhone (iOS)"),
        user_agent: Some("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"),
        signed_url: Some(SignedUrl::Landing),
        old_push_state: false,
    },
    Device {
        id: "android",
        name: t("Android", "Android"),
        user_agent: Some("Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36"),
        signed_url: Some(SignedUrl::Current),
        old_push_state: true,
    },
];

/// What an interface asks of the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Every account may call it.
    Any,
    /// The share permission: verified accounts only (#7).
    Share,
    /// A verified account (#4: "部分接口需要认证之后才能使用").
    Verified,
}

/// The interfaces that need more than any account has; the others are [`Need::Any`].
pub const ACCOUNT_NEEDS: &[(&str, Need)] = &[
    ("updateAppMessageShareData", Need::Share),
    ("updateTimelineShareData", Need::Share),
    ("onMenuShareTimeline", Need::Share),
    ("onMenuShareAppMessage", Need::Share),
    ("onMenuShareQQ", Need::Share),
    ("onMenuShareWeibo", Need::Share),
    ("onMenuShareQZone", Need::Share),
    // Which interfaces need verification the documents do not list: pay, cards, the shop,
    // the address and the beacons (each needs a merchant or shake-around registration).
    ("chooseWXPay", Need::Verified),
    ("chooseCard", Need::Verified),
    ("addCard", Need::Verified),
    ("openCard", Need::Verified),
    ("consumeAndShareCard", Need::Verified),
    ("openProductSpecificView", Need::Verified),
    ("openAddress", Need::Verified),
    ("startSearchBeacons", Need::Verified),
    ("stopSearchBeacons", Need::Verified),
    ("onSearchBeacons", Need::Verified),
];

/// What `function` asks of the account.
pub fn need_of(function: &str) -> Need {
    ACCOUNT_NEEDS
        .iter()
        .find(|(name, _)| *name == function)
        .map_or(Need::Any, |(_, need)| *need)
}

/// The client version that introduced `function` (`None`: every client has it).
pub fn since_of(function: &str) -> Option<&'static str> {
    CLIENT_RULES
        .iter()
        .find(|rule| rule.function == function)
        .map(|rule| rule.since)
}

/// A kind of account the page's appId may belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub id: &'static str,
    pub name: Text,
    /// What it may call beyond [`Need::Any`].
    pub grants: &'static [Need],
    /// The config's answer whatever the signature, when it cannot configure at all.
    pub config_refusal: Option<&'static str>,
    /// The appendix 5 item its refusals are.
    pub appendix: Option<u8>,
}

/// The accounts, the default first.
pub const ACCOUNTS: &[Account] = &[
    Account {
        id: "verified",
        name: t("已认证服务号", "verified service account"),
        grants: &[Need::Share, Need::Verified],
        config_refusal: None,
        appendix: None,
    },
    Account {
        id: "unverified",
        name: t("未认证订阅号", "unverified subscription account"),
        grants: &[],
        config_refusal: None,
        appendix: Some(7),
    },
    Account {
        id: "test",
        name: t("测试号（已关注）", "test account (followed)"),
        grants: &[Need::Share, Need::Verified],
        config_refusal: None,
        appendix: None,
    },
    Account {
        id: "test_unfollowed",
        name: t("测试号（未关注）", "test account (not followed)"),
        grants: &[Need::Share, Need::Verified],
        config_refusal: Some("config:require subscribe"),
        appendix: Some(21),
    },
];

/// What a scenario does beyond setting a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Effect {
    /// The profile alone shows it.
    Profile,
    /// The account bound only `domain` as its JS interface safe domain.
    UnboundDomain { domain: &'static str },
    /// The page's router changes the address (`pushState`) before it signs.
    PushState { query: &'static str },
    /// The page was opened by OAuth's redirect (`code`, `state` in the URL) and removes them
    /// from the address (`replaceState`) before it signs.
    OauthRedirect,
    /// The jsapi_ticket the page was signed with was replaced: the first verification fails.
    StaleTicket,
    /// The page calls the probe at load, not in `wx.ready`.
    BeforeReady,
    /// The page's `wx.config` lacks its signature.
    MissingSignature,
    /// A fake WeChat API misbehaves, in a rehearsal of how the server copes (`POST
    /// /api/sim/rehearse`: a private fake and credential service, never the server's own).
    ServerFault { fault: ServerFault },
}

/// The fake WeChat API's faults a scenario rehearses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum ServerFault {
    /// Another server fetched a token with the same appId: ours gets 40001.
    TokenRotated,
    /// 45009: the daily quota is used up.
    Quota,
    /// -1: WeChat is busy (three times: the server retries twice).
    Busy,
    /// WeChat does not answer in time.
    Timeout,
}

impl ServerFault {
    /// Every fault, as `POST /api/sim/rehearse` names them.
    pub const ALL: [ServerFault; 4] = [
        ServerFault::TokenRotated,
        ServerFault::Quota,
        ServerFault::Busy,
        ServerFault::Timeout,
    ];
}

/// One named preset: a profile and an effect that show one documented failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    /// `?scenario=<id>`.
    pub id: &'static str,
    pub name: Text,
    /// What it demonstrates.
    pub explains: Text,
    /// The appendix 5 item it is (`None`: none, e.g. the user's own cancel).
    pub appendix: Option<u8>,
    pub device: Option<&'static str>,
    pub wechat: Option<&'static str>,
    pub account: Option<&'static str>,
    /// The presenter's answer to user-driven calls.
    pub outcome: Option<&'static str>,
    pub effect: Effect,
    /// The function the simulator calls (through jweixin, as a page would) to show it.
    pub probe: Option<&'static str>,
    /// The probe's arguments, as JSON.
    pub probe_args: &'static str,
    /// What the page is shown: the errMsg (or its tail), or the server's errcode.
    pub expect: &'static str,
}

const PLAIN: Scenario = Scenario {
    id: "",
    name: t("", ""),
    explains: t("", ""),
    appendix: None,
    device: None,
    wechat: None,
    account: None,
    outcome: None,
    effect: Effect::Profile,
    probe: None,
    probe_args: "{}",
    expect: "",
};

/// Every scenario, in the panel's order.
pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "invalid-url-domain",
        name: t("域名未绑定", "Domain not bound"),
        explains: t(
            "公众号只绑定了 bound.example.com，本页的域名不在 JS 接口安全域名里：config:invalid url domain。",
            "The account bound only bound.example.com; this page's host is not a JS interface safe domain: config:invalid url domain.",
        ),
        appendix: Some(1),
        effect: Effect::UnboundDomain {
            domain: "bound.example.com",
        },
        expect: "config:invalid url domain",
        ..PLAIN
    },
    Scenario {
        id: "ios-landing-url",
        name: t("iOS：签了当前 URL", "iOS: the current URL signed"),
        explains: t(
            "页面用 pushState 改了地址后按当前 URL 签名，iOS 微信却验证进入页面时的 URL：invalid signature，realAuthUrl 是落地 URL。",
            "The page changed its address with pushState and signed the current URL; iOS WeChat verifies the URL the page was entered with: invalid signature, realAuthUrl is the landing URL.",
        ),
        appendix: Some(2),
        device: Some("ios"),
        effect: Effect::PushState { query: "step=2" },
        expect: "config:invalid signature",
        ..PLAIN
    },
    Scenario {
        id: "oauth-a-to-b",
        name: t("OAuth 跳转：A 链接 → B 链接", "OAuth redirect: link A → link B"),
        explains: t(
            "网页授权跳转回来的地址带 code 和 state，页面去掉它们再签名；微信验证的是带 code 的那个：invalid signature。",
            "The OAuth redirect's address carries code and state; the page removed them before signing, WeChat verifies the one with code: invalid signature.",
        ),
        appendix: Some(11),
        device: Some("ios"),
        effect: Effect::OauthRedirect,
        expect: "config:invalid signature",
        ..PLAIN
    },
    Scenario {
        id: "android-push-state",
        name: t("Android 6.1 与 pushState", "Android 6.1 and pushState"),
        explains: t(
            "Android 微信 6.2 以前不支持 pushState：地址被 pushState 改过的页面签名失败。",
            "Android WeChat before 6.2 does not support pushState: a page whose address pushState changed fails to sign.",
        ),
        appendix: Some(19),
        device: Some("android"),
        wechat: Some("6.1"),
        effect: Effect::PushState { query: "step=2" },
        expect: "config:invalid signature",
        ..PLAIN
    },
    Scenario {
        id: "stale-ticket",
        name: t("过期的 jsapi_ticket", "A stale jsapi_ticket"),
        explains: t(
            "签名用的 jsapi_ticket 已被替换：第一次 invalid signature，URL 无误，服务器重新获取 ticket（一分钟最多一次），页面再次 config 后通过。",
            "The jsapi_ticket the page was signed with was replaced: a first invalid signature, the URL was right, the server renews the ticket (once a minute at most) and the page's second config passes.",
        ),
        appendix: Some(2),
        effect: Effect::StaleTicket,
        expect: "config:invalid signature",
        ..PLAIN
    },
    Scenario {
        id: "before-ready",
        name: t("在 ready 之前调用", "Called before ready"),
        explains: t(
            "页面加载时就调用接口，没有放在 wx.ready 里：config 还在验证，接口答 the permission value is offline verifying。",
            "The page calls an interface at load instead of in wx.ready: the config is still being verified, the interface answers the permission value is offline verifying.",
        ),
        appendix: Some(3),
        effect: Effect::BeforeReady,
        probe: Some("hideOptionMenu"),
        expect: "hideOptionMenu:the permission value is offline verifying",
        ..PLAIN
    },
    Scenario {
        id: "permission-denied",
        name: t("未认证：需认证的接口", "Unverified: an interface that needs verification"),
        explains: t(
            "未认证的公众号没有需要认证的接口（此处：openAddress）的权限：permission denied。",
            "An unverified account has no permission for interfaces that need verification (here openAddress): permission denied.",
        ),
        appendix: Some(4),
        account: Some("unverified"),
        probe: Some("openAddress"),
        expect: "openAddress:permission denied",
        ..PLAIN
    },
    Scenario {
        id: "no-share-permission",
        name: t("未认证：不能分享", "Unverified: no sharing"),
        explains: t(
            "只有认证的公众号才有分享接口的权限：updateAppMessageShareData 答 permission denied，分享的只是页面本身。",
            "Only verified accounts may use the share interfaces: updateAppMessageShareData answers permission denied, a share is only the page itself.",
        ),
        appendix: Some(7),
        account: Some("unverified"),
        probe: Some("updateAppMessageShareData"),
        probe_args: r#"{"title":"WeChat JS-SDK Playground","desc":"","imgUrl":""}"#,
        expect: "updateAppMessageShareData:permission denied",
        ..PLAIN
    },
    Scenario {
        id: "function-not-exist",
        name: t("客户端太旧：function not exist", "Client too old: function not exist"),
        explains: t(
            "1.4.0 的分享接口要求微信 6.7.2；6.7.1 答 function not exist，checkJsApi 说 false。",
            "The 1.4.0 share interfaces need WeChat 6.7.2; 6.7.1 answers function not exist and checkJsApi says false.",
        ),
        appendix: Some(5),
        wechat: Some("6.7.1"),
        probe: Some("updateAppMessageShareData"),
        probe_args: r#"{"title":"WeChat JS-SDK Playground","desc":"","imgUrl":""}"#,
        expect: "updateAppMessageShareData:function not exist",
        ..PLAIN
    },
    Scenario {
        id: "old-client-no-check",
        name: t("微信 6.0.1：不验证签名", "WeChat 6.0.1: no signature check"),
        explains: t(
            "6.0.2 以前没有权限验证：config 总是 ok，但签名不一定对，请在新版本上检验。",
            "Before 6.0.2 nothing is checked: config is always ok, which does not mean the signature is right; check it on a newer client.",
        ),
        appendix: Some(6),
        wechat: Some("6.0.1"),
        expect: "config:ok",
        ..PLAIN
    },
    Scenario {
        id: "config-fail",
        name: t("config 缺少参数", "A config missing a field"),
        explains: t(
            "页面的 wx.config 没有传 signature：参数不全，config:fail。",
            "The page's wx.config lacks signature: an incomplete config gets config:fail.",
        ),
        appendix: Some(12),
        effect: Effect::MissingSignature,
        expect: "config:fail",
        ..PLAIN
    },
    Scenario {
        id: "require-subscribe",
        name: t("测试号未关注", "Test account not followed"),
        explains: t(
            "用户没有关注这个测试号：config:require subscribe（只有测试号会出现）。",
            "The user does not follow this test account: config:require subscribe (test accounts only).",
        ),
        appendix: Some(21),
        account: Some("test_unfollowed"),
        expect: "config:require subscribe",
        ..PLAIN
    },
    Scenario {
        id: "user-cancel",
        name: t("用户取消", "The user cancels"),
        explains: t(
            "用户在微信的界面上取消：接口答 :cancel，走 cancel 回调；这不是错误，也不在附录 5 里。",
            "The user cancels in WeChat's own sheet: the interface answers :cancel and the cancel callback runs; not an error, and not in appendix 5.",
        ),
        outcome: Some("cancel"),
        probe: Some("chooseImage"),
        probe_args: r#"{"count":1}"#,
        expect: "chooseImage:cancel",
        ..PLAIN
    },
    Scenario {
        id: "old-client-wgs84",
        name: t("微信 6.1：没有火星坐标", "WeChat 6.1: no gcj02"),
        explains: t(
            "6.2 以前 getLocation 只返回 GPS 坐标（wgs84），即使要了 gcj02；openLocation 的腾讯地图用火星坐标，位置会偏。",
            "Before 6.2 getLocation answers GPS coordinates (wgs84) even when asked for gcj02; openLocation's Tencent map uses gcj02, so the pin is off.",
        ),
        appendix: Some(22),
        wechat: Some("6.1"),
        probe: Some("getLocation"),
        probe_args: r#"{"type":"gcj02"}"#,
        expect: "getLocation:ok",
        ..PLAIN
    },
    Scenario {
        id: "token-40001",
        name: t("40001：token 被另一台服务器换掉", "40001: the token replaced by another server"),
        explains: t(
            "另一台服务器用同一个 appId 取了新的 access_token：我们的得到 40001，服务器更新一次 token 后取到 ticket。",
            "Another server fetched a new access_token with the same appId: ours gets 40001; the server renews the token once and gets the ticket.",
        ),
        appendix: Some(8),
        effect: Effect::ServerFault {
            fault: ServerFault::TokenRotated,
        },
        expect: "40001",
        ..PLAIN
    },
    Scenario {
        id: "quota-45009",
        name: t("45009：当日调用量已用完", "45009: the daily quota used up"),
        explains: t(
            "没有缓存 access_token 和 jsapi_ticket 的服务器很快用完当日调用量：45009，不重试，等到明天。",
            "A server that does not cache access_token and jsapi_ticket soon uses up the daily quota: 45009, not retried, wait for tomorrow.",
        ),
        appendix: Some(8),
        effect: Effect::ServerFault {
            fault: ServerFault::Quota,
        },
        expect: "45009",
        ..PLAIN
    },
    Scenario {
        id: "busy",
        name: t("-1：系统繁忙", "-1: WeChat busy"),
        explains: t(
            "微信答 -1（系统繁忙）三次：服务器重试两次后放弃，页面得到 502；缓存的凭证在有效期内照常使用。",
            "WeChat answers -1 (system busy) three times: the server retries twice, then gives up and the page gets a 502; cached credentials keep working while valid.",
        ),
        appendix: None,
        effect: Effect::ServerFault {
            fault: ServerFault::Busy,
        },
        expect: "-1",
        ..PLAIN
    },
    Scenario {
        id: "timeout",
        name: t("微信超时", "WeChat times out"),
        explains: t(
            "微信没有按时回答：服务器不重试（请求可能已生效），页面得到 502。",
            "WeChat does not answer in time: the server does not retry (the request may have taken effect) and the page gets a 502.",
        ),
        appendix: None,
        effect: Effect::ServerFault {
            fault: ServerFault::Timeout,
        },
        expect: "timeout",
        ..PLAIN
    },
];

/// The profile data the simulator receives.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct SimProfiles {
    pub devices: &'static [Device],
    pub accounts: &'static [Account],
    pub clients: &'static [&'static str],
    pub default_client: &'static str,
    pub max_client_version_len: usize,
    pub permission_checks_since: &'static str,
    pub android_push_state_since: &'static str,
    pub gcj02_since: &'static str,
    pub scenarios: &'static [Scenario],
    /// The token after which a simulated user agent names its profile.
    pub ua_token: &'static str,
}

impl SimProfiles {
    pub const fn build() -> Self {
        SimProfiles {
            devices: DEVICES,
            accounts: ACCOUNTS,
            clients: OFFERED_CLIENTS,
            default_client: DEFAULT_CLIENT,
            max_client_version_len: MAX_CLIENT_VERSION_LEN,
            permission_checks_since: PERMISSION_CHECKS_SINCE,
            android_push_state_since: ANDROID_PUSH_STATE_SINCE,
            gcj02_since: GCJ02_SINCE,
            scenarios: SCENARIOS,
            ua_token: UA_TOKEN,
        }
    }
}

/// `a` is `b` or newer (numeric parts; a missing part is 0): `6.2` ≥ `6.1.9`.
pub fn at_least(a: &str, b: &str) -> bool {
    let parts = |v: &str| -> Vec<u32> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    let (a, b) = (parts(a), parts(b));
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (
            a.get(i).copied().unwrap_or(0),
            b.get(i).copied().unwrap_or(0),
        );
        if x != y {
            return x > y;
        }
    }
    true
}

/// A simulator profile as its user agent states it (`WeChatPlaygroundSimulator/<device>/<account>`
/// after `MicroMessenger/<client>`): how a QA report recorded in the simulator says which
/// profile it ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedProfile {
    pub device: &'static str,
    pub wechat: Option<String>,
    pub account: &'static str,
}

impl RecordedProfile {
    /// `iPhone (iOS) · WeChat 6.7.1 · unverified subscription account`, in `lang`.
    pub fn describe(&self, lang: super::Lang) -> String {
        let device = DEVICES
            .iter()
            .find(|d| d.id == self.device)
            .map(|d| d.name.get(lang));
        let account = ACCOUNTS
            .iter()
            .find(|a| a.id == self.account)
            .map(|a| a.name.get(lang));
        format!(
            "{} · WeChat {} · {}",
            device.unwrap_or(self.device),
            self.wechat.as_deref().unwrap_or("—"),
            account.unwrap_or(self.account)
        )
    }
}

/// The token the simulator adds to its user agent.
pub const UA_TOKEN: &str = "WeChatPlaygroundSimulator";

/// The profile a simulated user agent names, if it names a known one.
pub fn recorded_profile(user_agent: &str) -> Option<RecordedProfile> {
    let at = user_agent.find(UA_TOKEN)?;
    let rest = user_agent[at + UA_TOKEN.len()..].strip_prefix('/')?;
    let token = rest.split_whitespace().next().unwrap_or("");
    let mut parts = token.split('/');
    let device = parts.next()?;
    let account = parts.next()?;
    let device = DEVICES.iter().find(|d| d.id == device)?.id;
    let account = ACCOUNTS.iter().find(|a| a.id == account)?.id;
    Some(RecordedProfile {
        device,
        wechat: wechat::user_agent::parse(user_agent).wechat_version,
        account,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{all_functions, error_for_err_msg, ERRORS};

    #[test]
    fn versions_compare_by_number() {
        assert!(at_least("6.7.2", "6.7.2"));
        assert!(!at_least("6.7.1", "6.7.2"));
        assert!(at_least("6.10", "6.9.9"));
        assert!(at_least("6.2", "6.1.9"));
        assert!(!at_least("6.0.1", PERMISSION_CHECKS_SINCE));
        assert!(at_least("8.0.50", "6.7.2"));
    }

    #[test]
    fn every_rule_names_a_catalog_function_once() {
        let functions = all_functions();
        let mut seen = Vec::new();
        for name in CLIENT_RULES
            .iter()
            .map(|r| r.function)
            .chain(ACCOUNT_NEEDS.iter().map(|(f, _)| *f))
        {
            assert!(functions.contains(&name), "{name} is not in the catalog");
            seen.push(name);
        }
        for rule in CLIENT_RULES {
            assert_eq!(
                CLIENT_RULES
                    .iter()
                    .filter(|r| r.function == rule.function)
                    .count(),
                1
            );
            assert!(at_least(rule.since, "6.0"), "{}", rule.since);
        }
        for (name, _) in ACCOUNT_NEEDS {
            assert_eq!(ACCOUNT_NEEDS.iter().filter(|(f, _)| f == name).count(), 1);
        }
    }

    #[test]
    fn the_documented_versions_are_the_documents() {
        assert_eq!(since_of("updateAppMessageShareData"), Some("6.7.2"));
        assert_eq!(since_of("updateTimelineShareData"), Some("6.7.2"));
        assert_eq!(since_of("checkJsApi"), Some("6.0.2"));
        assert_eq!(since_of("chooseImage"), None);
        assert!(!at_least(
            "6.7.1",
            since_of("updateAppMessageShareData").unwrap()
        ));
        assert_eq!(need_of("updateAppMessageShareData"), Need::Share);
        assert_eq!(need_of("getNetworkType"), Need::Any);
        assert_eq!(ANDROID_PUSH_STATE_SINCE, "6.2");
        assert_eq!(GCJ02_SINCE, "6.2");
        assert!(OFFERED_CLIENTS
            .iter()
            .all(|v| v.len() <= MAX_CLIENT_VERSION_LEN));
        assert!(OFFERED_CLIENTS.contains(&DEFAULT_CLIENT));
    }

    #[test]
    fn only_the_unverified_account_lacks_share_and_only_the_unfollowed_test_account_is_refused() {
        let account = |id: &str| ACCOUNTS.iter().find(|a| a.id == id).unwrap();
        assert_eq!(ACCOUNTS[0].id, "verified");
        assert!(!account("unverified").grants.contains(&Need::Share));
        assert!(account("verified").grants.contains(&Need::Share));
        let refusal = account("test_unfollowed").config_refusal.unwrap();
        assert_eq!(refusal, "config:require subscribe");
        assert!(error_for_err_msg(refusal).is_some());
        assert_eq!(DEVICES[0].id, "browser");
    }

    #[test]
    fn every_scenario_is_whole_and_names_real_things() {
        let mut ids = Vec::new();
        for s in SCENARIOS {
            assert!(!ids.contains(&s.id), "{} twice", s.id);
            ids.push(s.id);
            assert!(
                s.id.len() <= 32
                    && s.id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
            for text in [s.name, s.explains] {
                assert!(!text.zh.is_empty() && !text.en.is_empty(), "{}", s.id);
            }
            assert!(!s.expect.is_empty());
            if let Some(item) = s.appendix {
                assert!(
                    usize::from(item) >= 1 && usize::from(item) <= ERRORS.len(),
                    "{}",
                    s.id
                );
            }
            assert!(s.device.is_none_or(|d| DEVICES.iter().any(|x| x.id == d)));
            assert!(s.account.is_none_or(|a| ACCOUNTS.iter().any(|x| x.id == a)));
            assert!(s.wechat.is_none_or(|v| OFFERED_CLIENTS.contains(&v)));
            assert!(s.probe.is_none_or(|p| all_functions().contains(&p)));
            assert!(s
                .outcome
                .is_none_or(|o| ["ok", "cancel", "fail"].contains(&o)));
            assert!(serde_json::from_str::<serde_json::Value>(s.probe_args)
                .is_ok_and(|v| v.is_object()));
            // An errMsg the page is shown is one appendix 5 explains (a cancel is not an error).
            if s.expect.contains(':') && s.appendix.is_some() && !s.expect.ends_with(":ok") {
                assert!(
                    error_for_err_msg(s.expect).is_some(),
                    "{}: {}",
                    s.id,
                    s.expect
                );
            }
        }
        for fault in ServerFault::ALL {
            assert!(SCENARIOS
                .iter()
                .any(|s| s.effect == Effect::ServerFault { fault }));
        }
    }

    #[test]
    fn a_simulated_user_agent_names_its_profile() {
        let ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/6.7.1 WeChatPlaygroundSimulator/ios/unverified";
        assert_eq!(
            recorded_profile(ua),
            Some(RecordedProfile {
                device: "ios",
                wechat: Some("6.7.1".into()),
                account: "unverified"
            })
        );
        assert_eq!(
            recorded_profile("Mozilla/5.0 MicroMessenger/8.0.50 WeChatPlaygroundSimulator"),
            None
        );
        assert_eq!(
            recorded_profile("x WeChatPlaygroundSimulator/pc/verified"),
            None
        );
    }
}
