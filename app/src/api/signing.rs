//! Signatures the pages need: `wx.config` for the page's URL, `cardExt`/`cardSign` for
//! the card calls, a sandboxed `paySign`, and the card-code decryption openCard needs.
//! Secrets and tickets stay on the server; only signatures leave it. The request and answer
//! types are the core's ([`wechat::api`]), shared with the browser build.

use super::error::ApiError;
use leptos::prelude::*;
use wechat::api::{CardSignature, ConfigErrorVerdict, PaySignature, SignedJsConfig};

/// Longest `jsApiList` accepted.
pub const MAX_APIS: usize = 64;

/// Signs `wx.config` for `url` (the page's URL; any `#fragment` is dropped) with
/// the given APIs in `jsApiList`.
#[server(prefix = "/api", endpoint = "js_config")]
pub async fn js_config(
    url: String,
    apis: Option<Vec<String>>,
    debug: Option<bool>,
) -> Result<SignedJsConfig, ApiError> {
    use super::ssr::*;
    let apis = checked_apis(apis.unwrap_or_default())?;
    gateway()?
        .js_config(&url, apis, debug.unwrap_or(false))
        .await
}

/// The `cardExt` JSON string for one card of `wx.addCard`, with appendix 4's optional
/// unsigned fields when given (`outer_str`; `fixed_begintimestamp`; the older `outer_id`).
#[server(prefix = "/api", endpoint = "card_ext")]
pub async fn card_ext(
    card_id: String,
    code: Option<String>,
    openid: Option<String>,
    outer_str: Option<String>,
    fixed_begintimestamp: Option<u64>,
    outer_id: Option<u64>,
) -> Result<String, ApiError> {
    use super::ssr::*;
    use wechat::input::{check, Field, Presence::*};
    let card_id = check(Field::CardId, &card_id, Required)?;
    let code = check(Field::Code, code.as_deref().unwrap_or(""), Optional)?;
    let openid = check(Field::Openid, openid.as_deref().unwrap_or(""), Optional)?;
    let outer_str = outer_str.filter(|value| !value.is_empty());
    if let Some(value) = &outer_str {
        check(Field::OuterStr, value, Optional)?;
    }
    let unsigned = wechat::signature::card::CardExtUnsigned {
        outer_str,
        fixed_begintimestamp,
        outer_id,
    };
    gateway()?.card_ext(card_id, code, openid, unsigned).await
}

/// `cardSign` for `wx.chooseCard` (all filters optional, as in the docs).
#[server(prefix = "/api", endpoint = "card_sign")]
pub async fn card_sign(
    card_id: Option<String>,
    card_type: Option<String>,
    location_id: Option<String>,
) -> Result<CardSignature, ApiError> {
    use super::ssr::*;
    use wechat::input::{check, Field, Presence::*};
    let card_id = check(Field::CardId, card_id.as_deref().unwrap_or(""), Optional)?;
    let card_type = check(
        Field::CardType,
        card_type.as_deref().unwrap_or(""),
        Optional,
    )?;
    let location_id = check(
        Field::LocationId,
        location_id.as_deref().unwrap_or(""),
        Optional,
    )?;
    gateway()?.card_sign(card_id, card_type, location_id).await
}

/// A sandbox order signed with the v2 `paySign` (`MD5`, default, or `HMAC-SHA256`).
#[server(prefix = "/api", endpoint = "pay_sign")]
pub async fn pay_sign(sign_type: Option<String>) -> Result<PaySignature, ApiError> {
    use super::ssr::*;
    let sign_type = match sign_type.as_deref() {
        None => wechat::signature::pay::PaySignType::Md5,
        Some(name) => name
            .parse()
            .map_err(|error: wechat::signature::pay::UnknownSignType| {
                ApiError::bad_input(error.to_string())
            })?,
    };
    gateway()?.pay_sign(sign_type)
}

/// Decrypts the `encrypt_code` chooseCard returned (WeChat's `/card/code/decrypt`).
#[server(prefix = "/api", endpoint = "decrypt_code")]
pub async fn decrypt_card_code(encrypt_code: String) -> Result<String, ApiError> {
    use super::ssr::*;
    use wechat::input::{check, Field, Presence::*};
    let encrypt_code = check(Field::EncryptCode, &encrypt_code, Required)?;
    gateway()?.decrypt_card_code(encrypt_code).await
}

/// Reports a `wx.error` so the server can diagnose it (and renew the ticket when the
/// URL was right); the answer says whether to configure once more. `real_auth_url` is the
/// URL the client says it verified, when its answer named one (empty otherwise; a plain
/// string, so the main wasm needs no new encoder).
#[server(prefix = "/api", endpoint = "config_error")]
pub async fn report_config_error(
    signed_url: String,
    href: String,
    err_msg: String,
    user_agent: String,
    #[server(default)] real_auth_url: String,
) -> Result<ConfigErrorVerdict, ApiError> {
    use super::ssr::*;
    use wechat::input::{check, Field, Presence::*};
    check(Field::SignedUrl, &signed_url, Optional)?;
    check(Field::Href, &href, Optional)?;
    check(Field::ErrMsg, &err_msg, Required)?;
    check(Field::UserAgent, &user_agent, Optional)?;
    check(Field::RealAuthUrl, &real_auth_url, Optional)?;
    let real_auth_url = Some(real_auth_url).filter(|url| !url.is_empty());
    let report = wechat::api::ConfigErrorReport {
        signed_url,
        href,
        err_msg,
        user_agent,
        real_auth_url,
    };
    let verdict = gateway()?.report_config_error(&report).await?;
    // A phone opened from `/setup` shows its error there too.
    state()?.setup_hub.publish(
        &report.href,
        &report.user_agent,
        crate::setup::PhoneOutcome::Error,
        &report.err_msg,
        Some(verdict.cause),
    );
    Ok(verdict)
}
