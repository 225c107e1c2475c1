//! Running the demo in the browser: load the JS-SDK (real or simulated), sign and
//! configure it, then make the calls buttons ask for and report what came back.
//!
//! Browser-only; the server build renders the same pages without any of this. The runner
//! shows what happens through a [`Host`]: the Leptos pages' reactive [`super::session::Session`]
//! (the classic page, QA mode) or the category pages' runtime, which writes the DOM itself.

use super::{
    messages::{event_of, message, progress},
    plan::{plan, sample_args, Plan, Signed},
    requests,
    session::{ConfigStatus, LogEntry, SetupShown, SignedUrlInfo},
    state::{encrypted_card_codes, DemoState},
};
use crate::{
    catalog::{self, Api, Event, Lang},
    wx::{bridge, CallbackKind, Outcome},
};
use serde_json::{json, Value};
use std::{cell::OnceCell, rc::Rc};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::spawn_local;
use wechat::{page_url, user_agent};

/// The page the runner runs on: where it shows the config status, the signed URL and the
/// setup, where it logs, and what the demo remembers. Every method is cheap and may be
/// called after the page has gone (then it does nothing).
pub trait Host: Copy + 'static {
    /// The page's language.
    fn lang(self) -> Lang;
    /// Where `wx.config` stands; `None` once the page has gone.
    fn status(self) -> Option<ConfigStatus>;
    /// Sets the status; false once the page has gone.
    fn set_status(self, status: ConfigStatus) -> bool;
    /// The URL signed, and why.
    fn set_signed(self, signed: SignedUrlInfo);
    /// The URL the client says it verified (`realAuthUrl`).
    fn set_real_auth_url(self, real_auth_url: String);
    /// The setup as it was done.
    fn set_setup(self, setup: SetupShown);
    /// Whether the page runs on the simulated bridge.
    fn set_simulated(self, simulated: bool);
    /// What the demo remembers.
    fn demo_state(self) -> DemoState;
    /// Changes what the demo remembers.
    fn update_demo_state(self, change: impl FnOnce(&mut DemoState));
    /// Whether the official demo's `alert()` boxes are wanted.
    fn alert_mode(self) -> bool;
    /// Whether `wx.config` gets `debug: true`.
    fn debug(self) -> bool;
    /// Marks the page as configured once more after a renewal; false if it already was.
    fn mark_reconfigured(self) -> bool;
    /// Adds a line at the top of the log.
    fn push(self, entry: LogEntry);
    /// Runs a press once the SDK is ready ([`press_ready`], after loading it if it is lazy).
    fn press_ready(self, api: &'static Api);
    /// Loads the press code before the first tap, where it is lazy (a page that is ready
    /// will be pressed).
    fn preload_press(self) {}
}

use super::WECHAT_SDK;

/// The simulated SDK's scripts at the page's asset version.
fn simulated_sdk() -> [String; 3] {
    let version = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|body| body.get_attribute(crate::site::ASSET_VERSION_ATTRIBUTE));
    super::simulated_sdk(version.as_deref())
}

/// Facts recorded once, when the wasm first starts: they must not change when the
/// simulator later dresses the user agent up as WeChat, or when the address changes
/// in place (`pushState`).
struct Boot {
    user_agent: String,
    landing_url: String,
    simulated: bool,
    /// The simulated SDK's scripts at the page's asset version.
    simulated_sdk: [String; 3],
}

thread_local! {
    static BOOT: OnceCell<Boot> = const { OnceCell::new() };
}

/// Records the landing URL and whether this is real WeChat. Call once, at start.
pub fn record_boot() {
    BOOT.with(|boot| {
        boot.get_or_init(|| {
            let window = web_sys::window().expect("a browser window");
            let user_agent = window.navigator().user_agent().unwrap_or_default();
            let landing_url = window.location().href().unwrap_or_default();
            let forced = window
                .location()
                .search()
                .unwrap_or_default()
                .split(['?', '&'])
                .any(|pair| pair == "sim=1");
            let simulated = forced || !user_agent::is_wechat(&user_agent);
            Boot {
                user_agent,
                landing_url,
                simulated,
                simulated_sdk: simulated_sdk(),
            }
        });
    });
}

fn with_boot<T>(f: impl FnOnce(&Boot) -> T) -> T {
    record_boot();
    BOOT.with(|boot| f(boot.get().expect("recorded above")))
}

/// True when the page runs on the simulated bridge.
pub fn is_simulated() -> bool {
    with_boot(|boot| boot.simulated)
}

fn now_hms() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

fn note(host: impl Host, api: &str, text: impl Into<String>, data: Value) {
    let text = text.into();
    host.push(LogEntry {
        seq: 0,
        at: now_hms(),
        api: api.to_owned(),
        callback: None,
        err_msg: String::new(),
        message: text,
        data,
    });
}

fn alert_if_wanted(host: impl Host, text: &str) {
    if host.alert_mode() && !text.is_empty() {
        if let Some(window) = web_sys::window() {
            let _ = window.alert_with_message(text);
        }
    }
}

/// Loads a script and waits for it; `Err` when it fails to load.
async fn load_script(src: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let script = document
        .create_element("script")?
        .dyn_into::<web_sys::HtmlScriptElement>()?;
    script.set_src(src);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or_else(|| JsValue::from_str("no <head>"))?
        .append_child(&script)?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
}

/// Loads jweixin (once) and says where from.
async fn ensure_sdk(simulated: bool) -> Result<String, String> {
    if simulated {
        let scripts = with_boot(|boot| boot.simulated_sdk.clone());
        if !bridge::is_loaded() {
            for src in &scripts {
                load_script(src)
                    .await
                    .map_err(|_| format!("cannot load {src}"))?;
            }
        }
        return Ok(scripts.join(" + "));
    }
    if bridge::is_loaded() {
        return Ok(session_sdk());
    }
    for src in WECHAT_SDK {
        if load_script(src).await.is_ok() && bridge::is_loaded() {
            LOADED_FROM.with(|from| from.set(src));
            return Ok(src.to_owned());
        }
    }
    Err("cannot load jweixin-1.6.0.js from res.wx.qq.com or res2.wx.qq.com".into())
}

thread_local! {
    /// The official SDK's address that loaded, once one did.
    static LOADED_FROM: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

fn session_sdk() -> String {
    LOADED_FROM.with(|from| from.get()).to_owned()
}

/// Signs and configures the SDK for the current page, then registers the demo's
/// listeners at ready. Runs again when debug mode is toggled.
pub fn boot<H: Host>(host: H, categories: Vec<&'static str>) {
    let simulated = is_simulated();
    host.set_simulated(simulated);
    host.set_status(ConfigStatus::Signing);
    spawn_local(async move {
        let sdk = match ensure_sdk(simulated).await {
            Ok(sdk) => sdk,
            Err(error) => {
                host.set_status(ConfigStatus::Failed(error));
                return;
            }
        };
        let current = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let (url, rule) = with_boot(|boot| {
            let (url, rule) = page_url::url_to_sign(&boot.user_agent, &boot.landing_url, &current);
            (url.to_owned(), rule)
        });
        host.set_signed(SignedUrlInfo {
            url: url.clone(),
            rule,
            real_auth_url: String::new(),
        });
        let mut apis: Vec<String> = Vec::new();
        for slug in &categories {
            for function in catalog::js_api_list(slug) {
                if !apis.iter().any(|a| a == function) {
                    apis.push(function.to_owned());
                }
            }
        }
        let signed = match requests::js_config(url, apis, host.debug()).await {
            Ok(signed) => signed,
            Err(error) => {
                let text = match &error.hint {
                    Some(hint) => format!("{} — {hint}", error.message),
                    None => error.message.clone(),
                };
                host.set_status(ConfigStatus::Failed(text.clone()));
                note(
                    host,
                    "config",
                    text,
                    serde_json::to_value(&error).unwrap_or(Value::Null),
                );
                return;
            }
        };
        // What WeChat checks is the URL the signature covers: show and report the one
        // the server says it signed, which is not always the one asked for.
        let signed_url = signed.url.clone();
        host.set_signed(SignedUrlInfo {
            url: signed.url.clone(),
            rule,
            real_auth_url: String::new(),
        });
        let config = &signed.config;
        host.set_setup(SetupShown {
            sdk,
            config: super::plan::config_snippet(config),
            string1: wechat::signature::jsapi::jsapi_string1(
                "***",
                &config.nonce_str,
                config.timestamp,
                &signed.url,
            ),
        });
        if let Err(error) = bridge::config(&signed.config) {
            host.set_status(ConfigStatus::Failed(error.to_string()));
            return;
        }
        host.set_status(ConfigStatus::Verifying);
        let retry_categories = categories.clone();
        let _ = bridge::on_error(move |res| {
            let err_msg = res
                .get("errMsg")
                .and_then(Value::as_str)
                .unwrap_or("config:fail")
                .to_owned();
            // Real clients name the URL they verified; WeChat's documents never mention it.
            let real_auth_url = res
                .get("realAuthUrl")
                .and_then(Value::as_str)
                .map(str::to_owned);
            if let Some(real) = &real_auth_url {
                host.set_real_auth_url(real.clone());
            }
            report_error(
                host,
                retry_categories.clone(),
                signed_url.clone(),
                ConfigError {
                    err_msg: err_msg.clone(),
                    real_auth_url,
                },
            );
            if host.set_status(ConfigStatus::Failed(err_msg.clone())) {
                alert_if_wanted(host, &err_msg);
                note(host, "config", err_msg, res);
            }
        });
        // jweixin calls ready callbacks after verification whatever its outcome (as
        // WeChat does), so ready never overrides an error already reported.
        let _ = bridge::on_ready(move || {
            let failed = matches!(host.status(), Some(ConfigStatus::Failed(_)) | None);
            if !failed && host.set_status(ConfigStatus::Ready) {
                register_ready_listeners(host, &categories);
                host.preload_press();
            }
        });
    });
}

/// What `wx.error` handed the page.
struct ConfigError {
    err_msg: String,
    real_auth_url: Option<String>,
}

/// Tells the server about a `wx.error`; when it renewed the ticket for a page whose URL
/// was right, configures once more (only once per page).
fn report_error<H: Host>(
    host: H,
    categories: Vec<&'static str>,
    signed_url: String,
    error: ConfigError,
) {
    let ConfigError {
        err_msg,
        real_auth_url,
    } = error;
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let user_agent = with_boot(|boot| boot.user_agent.clone());
    spawn_local(async move {
        match requests::report_config_error(
            signed_url,
            href,
            err_msg,
            user_agent,
            real_auth_url.unwrap_or_default(),
        )
        .await
        {
            Ok(verdict) => {
                note(
                    host,
                    "config",
                    crate::diagnostics::verdict(&verdict, host.lang()),
                    serde_json::to_value(&verdict).unwrap_or(Value::Null),
                );
                if verdict.retry && host.mark_reconfigured() {
                    boot(host, categories);
                }
            }
            Err(error) => note(host, "config", error.message.clone(), Value::Null),
        }
    });
}

/// Share content with an empty `link` shares this page (the link must be on a JS safe
/// domain, and this page's URL is).
fn fill_page_link(args: &mut Value) {
    if args.get("link").and_then(Value::as_str) == Some("") {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            args["link"] = json!(page_url::without_fragment(&href));
        }
    }
}

/// What runs inside `wx.ready` without a click: the official demo's voice listeners, and
/// the default share content, set as the newer document says ("需在用户可能点击分享按钮前就先
/// 调用", through [`catalog::EVERY_PAGE`]) rather than by the deprecated `onMenuShare*`.
fn register_ready_listeners(host: impl Host, categories: &[&'static str]) {
    for id in ["onVoiceRecordEnd", "onVoicePlayEnd"] {
        if let Some(api) = catalog::api(id).filter(|api| categories.contains(&api.category)) {
            invoke(host, api, json!({}), false);
        }
    }
    let share = &catalog::DEFAULT_SHARE;
    let link = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| page_url::without_fragment(&href).to_owned())
        .unwrap_or_default();
    let data = json!({
        "title": share.title,
        "desc": share.desc,
        "link": link,
        "imgUrl": share.img_url,
    });
    for function in catalog::EVERY_PAGE {
        let _ = bridge::call(function, &data, |_, _| {});
    }
}

/// Handles a button press: checks the ordering rule, then has the host run it.
pub fn press(host: impl Host, api: &'static Api) {
    match host.status() {
        Some(ConfigStatus::Ready) => host.press_ready(api),
        None => {}
        Some(other) => {
            let text = match (host.lang(), other) {
                (Lang::Zh, ConfigStatus::Failed(why)) => format!("wx.config 未通过验证：{why}"),
                (Lang::En, ConfigStatus::Failed(why)) => {
                    format!("wx.config was not verified: {why}")
                }
                (Lang::Zh, _) => "wx.config 尚未就绪，请稍候".to_owned(),
                (Lang::En, _) => "wx.config is not ready yet; wait a moment".to_owned(),
            };
            note(host, api.id, text, Value::Null);
        }
    }
}

/// The press once the SDK is ready: the editor's values, then the call(s).
pub fn press_ready(host: impl Host, api: &'static Api) {
    match edited_args(api, host.lang()) {
        Ok(args) => run(host, api, args),
        Err(refused) => {
            alert_if_wanted(host, &refused);
            note(host, api.id, refused, Value::Null);
        }
    }
}

/// Makes the call(s) `args` ask for, once the ordering rule is met.
fn run<H: Host>(host: H, api: &'static Api, args: Value) {
    let lang = host.lang();
    match plan(api, &host.demo_state(), args) {
        Err(guard) => {
            let text = guard.get(lang);
            alert_if_wanted(host, text);
            note(host, api.id, text, Value::Null);
        }
        Ok(Plan::Single(mut args)) => {
            fill_page_link(&mut args);
            invoke(host, api, args, true)
        }
        Ok(Plan::Sequence(calls)) => {
            host.update_demo_state(|s| s.before_call(api.function));
            invoke_chain(host, api, Rc::new(calls), 0);
        }
        Ok(Plan::NeedsSignature(kind, args)) => {
            spawn_local(async move {
                match sign(kind, args).await {
                    Ok(args) => invoke(host, api, args, true),
                    Err(error) => note(
                        host,
                        api.id,
                        error.message.clone(),
                        serde_json::to_value(&error).unwrap_or(Value::Null),
                    ),
                }
            });
        }
    }
}

/// Says to the code panel (`/assets/code.js`) that `api` was sent with `args`.
fn show(api: &'static Api, args: &Value) {
    let panel = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(super::CODE_PANEL_ID));
    if let Some(panel) = panel {
        let sent = json!({ "api": api.id, "args": args }).to_string();
        let _ = panel.set_attribute("data-sent", &sent);
    }
}
/// What the page's call editor of `api_id` holds, as the call's arguments (the catalog's
/// sample on a page without editors: /classic, QA). `Err` says which values were refused;
/// their fields are marked `aria-invalid`.
fn edited_args(api: &Api, lang: Lang) -> Result<Value, String> {
    let form = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("form[data-editor=\"{}\"]", api.id))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok());
    let Some(data) = form
        .as_ref()
        .and_then(|f| web_sys::FormData::new_with_form(f).ok())
    else {
        return Ok(sample_args(api));
    };
    let mut args = serde_json::Map::new();
    let mut refused = Vec::new();
    for param in api.params.iter().filter(|p| p.fill == catalog::Fill::User) {
        let raw: Vec<String> = data
            .get_all(param.name)
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        let result = catalog::parse(param, &catalog::split_items(param.ty, &raw));
        if let Some(form) = &form {
            mark_invalid(form, param.name, result.is_err());
        }
        match result {
            Ok(Some(value)) => {
                args.insert(param.name.to_owned(), value);
            }
            Ok(None) => {}
            Err(why) => refused.push(why.describe(param.name, lang)),
        }
    }
    if refused.is_empty() {
        Ok(Value::Object(args))
    } else {
        Err(refused.join("；"))
    }
}

fn mark_invalid(form: &web_sys::HtmlFormElement, name: &str, invalid: bool) {
    let Ok(fields) = form.query_selector_all(&format!("[name=\"{name}\"]")) else {
        return;
    };
    for index in 0..fields.length() {
        if let Some(field) = fields
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = if invalid {
                field.set_attribute("aria-invalid", "true")
            } else {
                field.remove_attribute("aria-invalid")
            };
        }
    }
}

async fn sign(kind: Signed, mut args: Value) -> Result<Value, crate::api::ApiError> {
    match kind {
        Signed::AddCard { card_ids } => {
            let mut cards = Vec::new();
            for card_id in card_ids {
                let card_ext = requests::card_ext(card_id.clone()).await?;
                cards.push(json!({ "cardId": card_id, "cardExt": card_ext }));
            }
            args["cardList"] = Value::Array(cards);
        }
        Signed::ChooseCard {
            shop_id,
            card_type,
            card_id,
        } => {
            let signed = requests::card_sign(card_id, card_type, shop_id).await?;
            args["cardSign"] = json!(signed.card_sign);
            args["timestamp"] = json!(signed.timestamp);
            args["nonceStr"] = json!(signed.nonce_str);
            args["signType"] = json!("SHA1");
        }
        Signed::Pay { sign_type } => {
            let signed = requests::pay_sign(sign_type).await?;
            args["timestamp"] = json!(signed.timestamp);
            args["nonceStr"] = json!(signed.nonce_str);
            args["package"] = json!(signed.package);
            args["signType"] = json!(signed.sign_type);
            args["paySign"] = json!(signed.pay_sign);
        }
    }
    Ok(args)
}

fn invoke_chain<H: Host>(host: H, api: &'static Api, calls: Rc<Vec<Value>>, index: usize) {
    let Some(args) = calls.get(index).cloned() else {
        return;
    };
    show(api, &args);
    let total = calls.len();
    let result = bridge::call(api.function, &args, move |kind, res| {
        report(host, api, kind, &res);
        if kind == CallbackKind::Success {
            note(
                host,
                api.id,
                progress(api, index + 1, total, host.lang()),
                Value::Null,
            );
            invoke_chain(host, api, calls.clone(), index + 1);
        }
    });
    if let Err(error) = result {
        note(host, api.id, error.to_string(), Value::Null);
    }
}

fn invoke<H: Host>(host: H, api: &'static Api, args: Value, show_snippet: bool) {
    if show_snippet {
        show(api, &args);
    }
    let result = bridge::call(api.function, &args, move |kind, res| {
        report(host, api, kind, &res);
        if kind == CallbackKind::Success && api.function == "chooseCard" {
            decrypt_chosen_cards(host, api, &res);
        }
    });
    match result {
        Err(error) => note(host, api.id, error.to_string(), Value::Null),
        Ok(()) => {
            let lang = host.lang();
            if let Some(text) = message(api, Event::Registered, &Value::Null, lang) {
                alert_if_wanted(host, &text);
                note(host, api.id, text, Value::Null);
            } else if api.kind == catalog::Kind::Listener && show_snippet {
                // A listener answers only when its event happens: say it is waiting.
                let text = match lang {
                    Lang::Zh => format!("已注册 {}，事件发生时回调", api.function),
                    Lang::En => format!(
                        "{} registered; it is called when the event happens",
                        api.function
                    ),
                };
                note(host, api.id, text, Value::Null);
            }
        }
    }
}

/// Logs one callback, updates the demo's memory, and shows the official message.
fn report(host: impl Host, api: &'static Api, kind: CallbackKind, res: &Value) {
    let err_msg = res
        .get("errMsg")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if kind == CallbackKind::Success {
        host.update_demo_state(|s| s.record_success(api.function, res));
    }
    let text = message(api, event_of(kind), res, host.lang()).unwrap_or_default();
    // The SDK calls `complete` after every outcome, and listeners' `trigger` before it:
    // log those only when the demo says something.
    if matches!(kind, CallbackKind::Complete | CallbackKind::Trigger) && text.is_empty() {
        return;
    }
    if kind == CallbackKind::Fail
        && text.is_empty()
        && Outcome::from_err_msg(&err_msg) == Outcome::Fail
    {
        alert_if_wanted(host, &err_msg);
    } else {
        alert_if_wanted(host, &text);
    }
    host.push(LogEntry {
        seq: 0,
        at: now_hms(),
        api: api.id.to_owned(),
        callback: Some(kind),
        err_msg,
        message: text,
        data: res.clone(),
    });
}

fn decrypt_chosen_cards(host: impl Host, api: &'static Api, res: &Value) {
    let codes = encrypted_card_codes(res.get("cardList").unwrap_or(&Value::Null));
    for encrypted in codes {
        spawn_local(async move {
            match requests::decrypt_card_code(encrypted).await {
                Ok(code) => {
                    host.update_demo_state(|s| s.add_card_code(code.clone()));
                    note(host, api.id, format!("code: {code}"), Value::Null);
                }
                Err(error) => note(
                    host,
                    api.id,
                    error.message.clone(),
                    serde_json::to_value(&error).unwrap_or(Value::Null),
                ),
            }
        });
    }
}
