//! The `wx.config` signature, and the object handed to `wx.config`.

use super::sha1_hex;
use serde::{Deserialize, Serialize};

/// string1 of the JS-SDK documentation (appendix 1): the four lowercase keys in ASCII order,
/// `key=value` joined with `&`, values raw (the URL is not escaped).
pub fn jsapi_string1(jsapi_ticket: &str, noncestr: &str, timestamp: u64, url: &str) -> String {
    format!("jsapi_ticket={jsapi_ticket}&noncestr={noncestr}&timestamp={timestamp}&url={url}")
}

/// The `wx.config` signature: SHA-1 of [`jsapi_string1`], lowercase hex.
pub fn jsapi_signature(jsapi_ticket: &str, noncestr: &str, timestamp: u64, url: &str) -> String {
    sha1_hex(&jsapi_string1(jsapi_ticket, noncestr, timestamp, url))
}

/// Everything `wx.config` takes, ready to pass as-is (`{appId, timestamp, nonceStr, signature,
/// jsApiList, openTagList, debug}`). Never contains the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsConfig {
    /// `wx.config`'s debug flag: WeChat alerts every call's result when true.
    pub debug: bool,
    /// The Official Account's appId; must be the one the ticket was fetched for.
    pub app_id: String,
    /// Seconds since the epoch, as a number.
    pub timestamp: u64,
    /// The nonce that was signed (camel-case `nonceStr` here, `noncestr` in string1).
    pub nonce_str: String,
    /// SHA-1 hex of string1.
    pub signature: String,
    /// JS interfaces the page will call.
    pub js_api_list: Vec<String>,
    /// Open tags (`wx-open-launch-weapp`, …) the page will use.
    pub open_tag_list: Vec<String>,
}

/// A signed `wx.config` and the URL it was signed for, so a page can compare that URL with its
/// own `location.href`: `{"config": {...}, "url": "..."}`, as the signing endpoint answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedJsConfig {
    /// What to pass to `wx.config`.
    pub config: JsConfig,
    /// The exact URL that was signed (the page URL without its fragment).
    pub url: String,
}

/// The inputs of a `wx.config` signature other than the ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsConfigRequest {
    /// The Official Account's appId.
    pub app_id: String,
    /// The URL to sign, already checked (see [`crate::page_url::page_url_to_sign`]).
    pub url: String,
    /// Seconds since the epoch.
    pub timestamp: u64,
    /// A fresh nonce.
    pub nonce_str: String,
    /// JS interfaces the page will call.
    pub js_api_list: Vec<String>,
    /// Open tags the page will use.
    pub open_tag_list: Vec<String>,
    /// `wx.config`'s debug flag.
    pub debug: bool,
}

impl JsConfigRequest {
    /// Signs the request with `jsapi_ticket`.
    pub fn sign(self, jsapi_ticket: &str) -> SignedJsConfig {
        let signature = jsapi_signature(jsapi_ticket, &self.nonce_str, self.timestamp, &self.url);
        SignedJsConfig {
            config: JsConfig {
                debug: self.debug,
                app_id: self.app_id,
                timestamp: self.timestamp,
                nonce_str: self.nonce_str,
                signature,
                js_api_list: self.js_api_list,
                open_tag_list: self.open_tag_list,
            },
            url: self.url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TICKET: &str =
        "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    #[test]
    fn official_example_string1_and_signature() {
        let url = "http://mp.weixin.qq.com?params=value";
        assert_eq!(
            jsapi_string1(TICKET, "Wm3WZYTPz0wzccnW", 1414587457, url),
            format!("jsapi_ticket={TICKET}&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value")
        );
        assert_eq!(
            jsapi_signature(TICKET, "Wm3WZYTPz0wzccnW", 1414587457, url),
            "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        );
    }

    #[test]
    fn easywechat_vector() {
        assert_eq!(
            jsapi_signature(
                "mock-ticket",
                "mock-nonce",
                1601234567,
                "https://www.easywechat.com/"
            ),
            "22772d2fb393ab9f7f6a5a54168a566fbf1ab767"
        );
    }

    #[test]
    fn the_url_is_signed_raw_not_escaped() {
        let raw = jsapi_signature("t", "n", 1, "https://example.com/?a=1&b=%20");
        let escaped = jsapi_signature(
            "t",
            "n",
            1,
            "https%3A%2F%2Fexample.com%2F%3Fa%3D1%26b%3D%2520",
        );
        assert_ne!(raw, escaped);
        assert_eq!(
            raw,
            sha1_hex("jsapi_ticket=t&noncestr=n&timestamp=1&url=https://example.com/?a=1&b=%20")
        );
    }

    #[test]
    fn config_serialises_camel_case_with_a_numeric_timestamp() {
        let config = JsConfigRequest {
            app_id: "wx123".into(),
            url: "http://mp.weixin.qq.com?params=value".into(),
            timestamp: 1414587457,
            nonce_str: "Wm3WZYTPz0wzccnW".into(),
            js_api_list: vec!["scanQRCode".into()],
            open_tag_list: vec!["wx-open-launch-weapp".into()],
            debug: false,
        }
        .sign(TICKET);
        let json = serde_json::to_value(&config).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "config": {
                    "debug": false,
                    "appId": "wx123",
                    "timestamp": 1414587457,
                    "nonceStr": "Wm3WZYTPz0wzccnW",
                    "signature": "0f9de62fce790f9a083d5c99e95740ceb90c27ed",
                    "jsApiList": ["scanQRCode"],
                    "openTagList": ["wx-open-launch-weapp"]
                },
                "url": "http://mp.weixin.qq.com?params=value"
            })
        );
        assert!(!serde_json::to_string(&config).unwrap().contains(TICKET));
    }
}
