//! The demo's requests to the server, as plain `fetch`es: the server functions of
//! [`crate::api::signing`] and [`crate::api::doctor`] at their endpoints, with the arguments
//! they take (URL-encoded, a list as `name[0]=…&name[1]=…`) and their JSON answers. The
//! category runtime carries no server-function client, and the Leptos pages' runner uses
//! the same requests.

use crate::{
    api::{ApiError, ErrorKind},
    catalog::Lang,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wechat::api::{CardSignature, ConfigErrorVerdict, PaySignature, SignedJsConfig};

/// Signs `wx.config` for `url` with `apis` in `jsApiList` (`/api/js_config`).
pub async fn js_config(
    url: String,
    apis: Vec<String>,
    debug: bool,
) -> Result<SignedJsConfig, ApiError> {
    let mut form = Form::default().field("url", &url);
    for (index, api) in apis.iter().enumerate() {
        form = form.field(&format!("apis[{index}]"), api);
    }
    post(
        "js_config",
        form.field("debug", if debug { "true" } else { "false" }),
    )
    .await
}

/// Reports a `wx.error` (`/api/config_error`).
pub async fn report_config_error(
    signed_url: String,
    href: String,
    err_msg: String,
    user_agent: String,
    real_auth_url: String,
) -> Result<ConfigErrorVerdict, ApiError> {
    let form = Form::default()
        .field("signed_url", &signed_url)
        .field("href", &href)
        .field("err_msg", &err_msg)
        .field("user_agent", &user_agent)
        .field("real_auth_url", &real_auth_url);
    post("config_error", form).await
}

/// The `cardExt` of one card of `wx.addCard` (`/api/card_ext`).
pub async fn card_ext(card_id: String) -> Result<String, ApiError> {
    post("card_ext", Form::default().field("card_id", &card_id)).await
}

/// `cardSign` for `wx.chooseCard` (`/api/card_sign`); absent filters are not sent.
pub async fn card_sign(
    card_id: Option<String>,
    card_type: Option<String>,
    location_id: Option<String>,
) -> Result<CardSignature, ApiError> {
    let form = Form::default()
        .optional("card_id", card_id.as_deref())
        .optional("card_type", card_type.as_deref())
        .optional("location_id", location_id.as_deref());
    post("card_sign", form).await
}

/// A sandbox order's `paySign` (`/api/pay_sign`).
pub async fn pay_sign(sign_type: Option<String>) -> Result<PaySignature, ApiError> {
    post(
        "pay_sign",
        Form::default().optional("sign_type", sign_type.as_deref()),
    )
    .await
}

/// Decrypts chooseCard's `encrypt_code` (`/api/decrypt_code`).
pub async fn decrypt_card_code(encrypt_code: String) -> Result<String, ApiError> {
    post(
        "decrypt_code",
        Form::default().field("encrypt_code", &encrypt_code),
    )
    .await
}

/// What is wrong with a signed URL against the page's own, as the server's `<li>`s said in
/// `lang` (`/api/lint_url_html`).
pub async fn lint_signed_url_html(
    url: String,
    page_url: String,
    lang: Lang,
) -> Result<String, ApiError> {
    let form = Form::default()
        .field("url", &url)
        .field("page_url", &page_url)
        .field("lang", lang.code());
    post("lint_url_html", form).await
}

/// Percent-encodes a form or query value with the browser's `encodeURIComponent`.
pub fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// A URL-encoded request body.
#[derive(Default)]
struct Form(String);

impl Form {
    fn field(mut self, name: &str, value: &str) -> Self {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(&encode(name));
        self.0.push('=');
        self.0.push_str(&encode(value));
        self
    }

    fn optional(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.field(name, value),
            None => self,
        }
    }
}

/// POSTs `form` to `/api/<endpoint>`: its JSON answer, or the [`ApiError`] the server sent.
async fn post<T: DeserializeOwned>(endpoint: &str, form: Form) -> Result<T, ApiError> {
    let unreachable = |what: &str| {
        ApiError::new(
            ErrorKind::Internal,
            format!("the request did not reach the server: {what}"),
        )
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&form.0.into());
    let headers = web_sys::Headers::new().map_err(|_| unreachable("headers"))?;
    let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    let _ = headers.set("Accept", "application/json");
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| unreachable("no window"))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&format!("/api/{endpoint}"), &init))
            .await
            .map_err(|_| unreachable("the network failed"))?
            .unchecked_into();
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    if response.ok() {
        super::from_json(&text).map_err(|error| {
            ApiError::new(
                ErrorKind::Internal,
                format!("the server's answer is malformed: {error}"),
            )
        })
    } else {
        Err(super::from_json(&text).unwrap_or_else(|_| {
            ApiError::new(
                ErrorKind::Internal,
                format!("the server answered {}", response.status()),
            )
        }))
    }
}
