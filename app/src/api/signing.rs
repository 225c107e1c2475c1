//! Signatures the pages need: `wx.config` for the page's URL, `cardExt`/`cardSign` for
//! the card calls, a sandboxed `paySign`, and the card-code decryption openCard needs.
//! Secrets and tickets stay on the server; only signatures leave it.

use super::error::ApiError;
use crate::wx::SignedConfig;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Longest `jsApiList` accepted.
pub const MAX_APIS: usize = 64;

/// `cardSign` and the values it signed, ready for `wx.chooseCard`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSignature {
    pub card_sign: String,
    pub timestamp: u64,
    pub nonce_str: String,
    pub card_id: String,
    pub card_type: String,
    pub location_id: String,
}

/// A v2 `paySign` and the order fields it covers, ready for `wx.chooseWXPay`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaySignature {
    pub timestamp: String,
    pub nonce_str: String,
    pub package: String,
    pub sign_type: String,
    pub pay_sign: String,
}

/// Signs `wx.config` for `url` (the page's URL; any `#fragment` is dropped) with
/// the given APIs in `jsApiList`.
#[server(prefix = "/api", endpoint = "js_config")]
pub async fn js_config(
    url: String,
    apis: Option<Vec<String>>,
    debug: Option<bool>,
) -> Result<SignedConfig, ApiError> {
    use super::ssr::*;
    let apis = checked_apis(apis.unwrap_or_default())?;
    respond(
        gateway()?
            .js_config(&url, apis, debug.unwrap_or(false))
            .await,
    )
}

/// The `cardExt` JSON string for one card of `wx.addCard`.
#[server(prefix = "/api", endpoint = "card_ext")]
pub async fn card_ext(
    card_id: String,
    code: Option<String>,
    openid: Option<String>,
) -> Result<String, ApiError> {
    use super::ssr::*;
    let card_id = checked_field("card_id", &card_id, true)?;
    let code = checked_field("code", code.as_deref().unwrap_or(""), false)?;
    let openid = checked_field("openid", openid.as_deref().unwrap_or(""), false)?;
    respond(gateway()?.card_ext(card_id, code, openid).await)
}

/// `cardSign` for `wx.chooseCard` (all filters optional, as in the docs).
#[server(prefix = "/api", endpoint = "card_sign")]
pub async fn card_sign(
    card_id: Option<String>,
    card_type: Option<String>,
    location_id: Option<String>,
) -> Result<CardSignature, ApiError> {
    use super::ssr::*;
    let card_id = checked_field("card_id", card_id.as_deref().unwrap_or(""), false)?;
    let card_type = checked_field("card_type", card_type.as_deref().unwrap_or(""), false)?;
    let location_id = checked_field("location_id", location_id.as_deref().unwrap_or(""), false)?;
    respond(gateway()?.card_sign(card_id, card_type, location_id).await)
}

/// A sandbox order signed with the v2 `paySign` (`MD5`, default, or `HMAC-SHA256`).
#[server(prefix = "/api", endpoint = "pay_sign")]
pub async fn pay_sign(sign_type: Option<String>) -> Result<PaySignature, ApiError> {
    use super::ssr::*;
    let sign_type = sign_type.unwrap_or_else(|| "MD5".to_owned());
    respond(gateway()?.pay_sign(&sign_type))
}

/// Decrypts the `encrypt_code` chooseCard returned (WeChat's `/card/code/decrypt`).
#[server(prefix = "/api", endpoint = "decrypt_code")]
pub async fn decrypt_card_code(encrypt_code: String) -> Result<String, ApiError> {
    use super::ssr::*;
    let encrypt_code = checked_field("encrypt_code", &encrypt_code, true)?;
    respond(gateway()?.decrypt_card_code(encrypt_code).await)
}

/// Reports a `wx.error` so the server can diagnose it (and renew the ticket when the
/// URL was right); the answer says whether to configure once more.
#[server(prefix = "/api", endpoint = "config_error")]
pub async fn report_config_error(
    signed_url: String,
    href: String,
    err_msg: String,
    user_agent: String,
) -> Result<crate::wx::ConfigErrorVerdict, ApiError> {
    use super::ssr::*;
    for (name, value) in [("signed_url", &signed_url), ("href", &href)] {
        if value.len() > 4096 {
            return respond(Err(ApiError::bad_input(format!(
                "{name} is longer than 4096 bytes"
            ))));
        }
    }
    let err_msg = checked_field("err_msg", &err_msg, true)?;
    let user_agent: String = user_agent.chars().take(512).collect();
    let report = crate::wechat_gateway::ConfigErrorReport {
        signed_url,
        href,
        err_msg: err_msg.to_owned(),
        user_agent,
    };
    respond(gateway()?.report_config_error(&report).await)
}
