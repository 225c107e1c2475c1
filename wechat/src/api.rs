//! The playground's HTTP API as types: what the pages and the simulator send, and what the
//! server answers. Both sides (de)serialise these, so a field renamed on one side fails to
//! compile on the other. The rules that need no credential (how a `wx.error` is read, how
//! WeChat checks a `wx.config`) live here too.

use crate::page_url::{page_url_to_sign, without_fragment, SafeDomains};
use crate::signature::jsapi::jsapi_signature;
use crate::signature::pay::PaySignType;
use crate::user_agent;
use serde::{Deserialize, Serialize};

pub use crate::signature::jsapi::{JsConfig, SignedJsConfig};

/// `cardSign` and the values it signed, ready for `wx.chooseCard`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSignature {
    /// The signature.
    pub card_sign: String,
    /// Seconds since the epoch.
    pub timestamp: u64,
    /// The nonce signed.
    pub nonce_str: String,
    /// The card filter, as signed.
    pub card_id: String,
    /// The card type filter, as signed.
    pub card_type: String,
    /// The shop filter (`shopId` of `wx.chooseCard`), as signed.
    pub location_id: String,
}

/// A v2 `paySign` and the order fields it covers, ready for `wx.chooseWXPay`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaySignature {
    /// Seconds since the epoch, as a string (WeChat Pay wants a string).
    pub timestamp: String,
    /// The nonce signed.
    pub nonce_str: String,
    /// `prepay_id=…`.
    pub package: String,
    /// The digest used.
    pub sign_type: PaySignType,
    /// The signature.
    pub pay_sign: String,
}

/// A page's `wx.error`, reported so the server can tell a URL problem from a ticket one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigErrorReport {
    /// The URL the page had signed.
    pub signed_url: String,
    /// The page's `location.href`.
    pub href: String,
    /// `wx.error`'s errMsg.
    pub err_msg: String,
    /// The page's user agent (iOS WeChat signs the landing URL).
    pub user_agent: String,
    /// The `realAuthUrl` of the client's answer, when it gave one: the URL it verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_auth_url: Option<String>,
}

/// What a `wx.error` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfigErrorCause {
    /// The page signed another URL than the one it is on; no new ticket helps.
    UrlMismatch,
    /// The URL was right, so the jsapi_ticket may have been replaced.
    Ticket,
    /// Not `invalid signature`: a new ticket would not help.
    NotASignatureError,
}

impl ConfigErrorCause {
    /// Every cause, in declaration order: what a page that says them in words walks.
    pub const ALL: [ConfigErrorCause; 3] =
        [Self::UrlMismatch, Self::Ticket, Self::NotASignatureError];
}

impl ConfigErrorReport {
    /// Reads the report as WeChat's rules do: only `invalid signature` is a signature error;
    /// the URL the client says it verified (`realAuthUrl`) must be the signed one, and without
    /// it, outside iOS WeChat, the signed URL must be the page's own without its fragment.
    pub fn cause(&self) -> ConfigErrorCause {
        if !self.err_msg.contains("invalid signature") {
            ConfigErrorCause::NotASignatureError
        } else if let Some(real) = self.real_auth_url.as_deref().filter(|u| !u.is_empty()) {
            if without_fragment(real) == self.signed_url {
                ConfigErrorCause::Ticket
            } else {
                ConfigErrorCause::UrlMismatch
            }
        } else if !user_agent::is_ios_wechat(&self.user_agent)
            && without_fragment(&self.href) != self.signed_url
        {
            ConfigErrorCause::UrlMismatch
        } else {
            ConfigErrorCause::Ticket
        }
    }
}

/// What the server concluded about a `wx.error`, and whether the page should configure again.
///
/// Codes and values only, no sentence: the page says it in its own language from `cause`,
/// `refreshed` and the values the report was read with, e.g.
/// `{"cause":"url_mismatch","refreshed":false,"retry":false,"err_msg":"config:invalid signature",
/// "signed_url":"https://a.example/basic","page_url":"https://a.example/share"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigErrorVerdict {
    /// What the error means.
    pub cause: ConfigErrorCause,
    /// This report forced a new jsapi_ticket.
    pub refreshed: bool,
    /// Sign and configure again (a fresh ticket is in place).
    pub retry: bool,
    /// `wx.error`'s errMsg, as reported.
    pub err_msg: String,
    /// The URL the page had signed, as reported.
    pub signed_url: String,
    /// The URL it had to sign: its `location.href` without the `#fragment`.
    pub page_url: String,
    /// The URL the client verified (`realAuthUrl`), as reported, when it named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_auth_url: Option<String>,
}

impl ConfigErrorReport {
    /// The verdict on this report, the cause given and the values it was read with.
    pub fn verdict(
        &self,
        cause: ConfigErrorCause,
        refreshed: bool,
        retry: bool,
    ) -> ConfigErrorVerdict {
        ConfigErrorVerdict {
            cause,
            refreshed,
            retry,
            err_msg: self.err_msg.clone(),
            signed_url: self.signed_url.clone(),
            page_url: without_fragment(&self.href).to_owned(),
            real_auth_url: self.real_auth_url.clone(),
        }
    }
}

/// The simulator's question: would WeChat accept this `wx.config`?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyRequest {
    /// The config's appId.
    pub app_id: String,
    /// The config's timestamp, as the page passed it.
    pub timestamp: String,
    /// The config's nonceStr.
    pub nonce_str: String,
    /// The config's signature.
    pub signature: String,
    /// The page's `location.href`.
    pub url: String,
}

/// The errMsg WeChat's client answers a `wx.config` with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConfigErrMsg {
    /// Verified.
    #[serde(rename = "config:ok")]
    Ok,
    /// The signature (or the appId) does not verify.
    #[serde(rename = "config:invalid signature")]
    InvalidSignature,
    /// The page is not on a JS interface safe domain.
    #[serde(rename = "config:invalid url domain")]
    InvalidUrlDomain,
}

/// WeChat's answer to `preVerifyJSAPI`, as the simulator replays it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyAnswer {
    /// What WeChat says.
    pub err_msg: ConfigErrMsg,
    /// Why, in plain words (WeChat itself says no more than `errMsg`).
    pub detail: String,
    /// On `invalid signature`: the URL the client verified against, as real clients add to
    /// their answer (undocumented by WeChat, but what every `invalid signature` carries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_auth_url: Option<String>,
}

impl VerifyRequest {
    /// Checks the config as WeChat's client does: the page's domain, the appId, then the
    /// signature over `jsapi_ticket` (the one the account holds now).
    pub fn verify(&self, app_id: &str, jsapi_ticket: &str, safe: &SafeDomains) -> VerifyAnswer {
        let page = match page_url_to_sign(&self.url, safe) {
            Ok(page) => page,
            Err(error) => {
                return VerifyAnswer {
                    err_msg: ConfigErrMsg::InvalidUrlDomain,
                    detail: error.to_string(),
                    real_auth_url: None,
                }
            }
        };
        let answer = |err_msg, detail: String| VerifyAnswer {
            real_auth_url: (err_msg == ConfigErrMsg::InvalidSignature)
                .then(|| page.as_str().to_owned()),
            err_msg,
            detail,
        };
        if self.app_id != app_id {
            let shown: String = self.app_id.chars().take(40).collect();
            return answer(
                ConfigErrMsg::InvalidSignature,
                format!("appId {shown:?} is not this server's appId {app_id:?}"),
            );
        }
        let Ok(timestamp) = self.timestamp.parse::<u64>() else {
            return answer(
                ConfigErrMsg::InvalidSignature,
                "timestamp is not a number of seconds".to_owned(),
            );
        };
        let expected = jsapi_signature(jsapi_ticket, &self.nonce_str, timestamp, page.as_str());
        if expected.eq_ignore_ascii_case(&self.signature) {
            answer(
                ConfigErrMsg::Ok,
                format!("signature matches {}", page.as_str()),
            )
        } else {
            answer(
                ConfigErrMsg::InvalidSignature,
                format!(
                    "the signature does not match the current jsapi_ticket for url {} (was the page signed for another URL, or with an old ticket?)",
                    page.as_str()
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50(0x1800323c)";

    fn report(signed_url: &str, href: &str, err_msg: &str, user_agent: &str) -> ConfigErrorReport {
        ConfigErrorReport {
            signed_url: signed_url.into(),
            href: href.into(),
            err_msg: err_msg.into(),
            user_agent: user_agent.into(),
            real_auth_url: None,
        }
    }

    #[test]
    fn a_wx_error_is_read_by_the_signed_url_rule() {
        let page = "https://a.example/basic";
        let bad = "config:invalid signature";
        let cause = |r: ConfigErrorReport| r.cause();
        assert_eq!(
            cause(report(page, "https://a.example/basic#x", bad, "")),
            ConfigErrorCause::Ticket
        );
        assert_eq!(
            cause(report(page, "https://a.example/share", bad, "")),
            ConfigErrorCause::UrlMismatch
        );
        // iOS WeChat signs the landing URL, so another current URL proves nothing.
        assert_eq!(
            cause(report(page, "https://a.example/share", bad, IPHONE)),
            ConfigErrorCause::Ticket
        );
        assert_eq!(
            cause(report(
                page,
                "https://a.example/share",
                "config:invalid url domain",
                ""
            )),
            ConfigErrorCause::NotASignatureError
        );
    }

    #[test]
    fn real_auth_url_decides_when_the_client_names_it() {
        let bad = "config:invalid signature";
        let with_real = |signed: &str, real: &str| ConfigErrorReport {
            real_auth_url: Some(real.into()),
            ..report(signed, "https://a.example/share", bad, IPHONE)
        };
        // On iOS the landing URL was verified: the page signed the current one.
        assert_eq!(
            with_real("https://a.example/share", "https://a.example/basic").cause(),
            ConfigErrorCause::UrlMismatch
        );
        assert_eq!(
            with_real("https://a.example/basic", "https://a.example/basic").cause(),
            ConfigErrorCause::Ticket
        );
    }

    #[test]
    fn all_causes_are_listed_once_in_order() {
        // A new cause fails to compile here until it has its place in ALL.
        let position = |cause: ConfigErrorCause| match cause {
            ConfigErrorCause::UrlMismatch => 0,
            ConfigErrorCause::Ticket => 1,
            ConfigErrorCause::NotASignatureError => 2,
        };
        for (i, cause) in ConfigErrorCause::ALL.into_iter().enumerate() {
            assert_eq!(position(cause), i, "{cause:?}");
        }
    }

    #[test]
    fn a_verdict_carries_the_values_it_was_read_with() {
        let r = report(
            "https://a.example/basic",
            "https://a.example/share#top",
            "config:invalid signature",
            "",
        );
        let verdict = r.verdict(r.cause(), false, false);
        assert_eq!(
            serde_json::to_value(&verdict).unwrap(),
            serde_json::json!({
                "cause": "url_mismatch",
                "refreshed": false,
                "retry": false,
                "err_msg": "config:invalid signature",
                "signed_url": "https://a.example/basic",
                "page_url": "https://a.example/share",
            })
        );
    }

    #[test]
    fn wire_names_are_the_documented_ones() {
        fn json<T: Serialize>(value: &T) -> String {
            serde_json::to_string(value).unwrap()
        }
        assert_eq!(json(&ConfigErrorCause::UrlMismatch), "\"url_mismatch\"");
        assert_eq!(
            json(&ConfigErrorCause::NotASignatureError),
            "\"not_a_signature_error\""
        );
        assert_eq!(json(&ConfigErrMsg::Ok), "\"config:ok\"");
        assert_eq!(
            json(&ConfigErrMsg::InvalidUrlDomain),
            "\"config:invalid url domain\""
        );
        assert_eq!(json(&PaySignType::HmacSha256), "\"HMAC-SHA256\"");
    }

    #[test]
    fn verify_checks_domain_then_app_id_then_signature() {
        let url = "https://a.example/p?x=1";
        let good = VerifyRequest {
            app_id: "wxapp".into(),
            timestamp: "1414587457".into(),
            nonce_str: "n".into(),
            signature: jsapi_signature("ticket", "n", 1414587457, url),
            url: format!("{url}#frag"),
        };
        let any = SafeDomains::any();
        assert_eq!(
            good.verify("wxapp", "ticket", &any).err_msg,
            ConfigErrMsg::Ok
        );
        let only_b = SafeDomains::parse("b.example").unwrap();
        assert_eq!(
            good.verify("wxapp", "ticket", &only_b).err_msg,
            ConfigErrMsg::InvalidUrlDomain
        );
        assert_eq!(
            good.verify("wxother", "ticket", &any).err_msg,
            ConfigErrMsg::InvalidSignature
        );
        let stale = good.verify("wxapp", "renewed", &any);
        assert_eq!(stale.err_msg, ConfigErrMsg::InvalidSignature);
        // The URL the client checked, without the fragment, as real clients report it.
        assert_eq!(stale.real_auth_url.as_deref(), Some(url));
        assert_eq!(good.verify("wxapp", "ticket", &any).real_auth_url, None);
        let bad_time = VerifyRequest {
            timestamp: "soon".into(),
            ..good.clone()
        };
        assert!(bad_time
            .verify("wxapp", "ticket", &any)
            .detail
            .contains("timestamp"));
    }
}
