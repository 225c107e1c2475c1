//! Typed bindings to the global `wx` object, for the browser build only.
//!
//! The raw `extern` items stay private; the safe functions below are what pages use.
//! Callbacks are Rust closures; results come back as `serde_json::Value`.

use super::CallbackKind;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{prelude::*, JsCast};
use wechat::api::JsConfig;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = wx, js_name = config)]
    fn wx_config(config: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = wx, js_name = ready)]
    fn wx_ready(callback: &Function) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = wx, js_name = error)]
    fn wx_error(callback: &Function) -> Result<(), JsValue>;
}

/// Errors talking to the SDK.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BridgeError {
    #[error("the JS-SDK (wx) is not loaded")]
    NotLoaded,
    #[error("wx.{0} does not exist in this JS-SDK")]
    NoSuchFunction(String),
    #[error("wx.{function} threw: {message}")]
    Threw { function: String, message: String },
    #[error("cannot convert the arguments: {0}")]
    Arguments(String),
}

fn wx() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let wx = Reflect::get(&window, &"wx".into()).ok()?;
    (!wx.is_undefined() && !wx.is_null()).then_some(wx)
}

/// True once `window.wx` exists.
pub fn is_loaded() -> bool {
    wx().is_some()
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Converts JSON into a plain JS object, through its text (`JSON.parse`): the browser's own
/// parser, so the wasm carries no converter of its own.
pub fn to_js(value: &serde_json::Value) -> Result<JsValue, BridgeError> {
    parse_json(&value.to_string())
}

fn parse_json(text: &str) -> Result<JsValue, BridgeError> {
    js_sys::JSON::parse(text).map_err(|e| BridgeError::Arguments(describe(&e)))
}

/// Converts whatever the SDK returned into JSON for display and logic (`JSON.stringify`:
/// what has no JSON form, a function or `undefined`, is left out); `null` if nothing is left.
pub fn to_json(value: &JsValue) -> serde_json::Value {
    if value.is_undefined() {
        return serde_json::Value::Null;
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// `wx.config(config)`.
pub fn config(config: &JsConfig) -> Result<(), BridgeError> {
    if !is_loaded() {
        return Err(BridgeError::NotLoaded);
    }
    let text = serde_json::to_string(config).map_err(|e| BridgeError::Arguments(e.to_string()))?;
    wx_config(&parse_json(&text)?).map_err(|e| BridgeError::Threw {
        function: "config".into(),
        message: describe(&e),
    })
}

/// `wx.ready(callback)`; the callback lives as long as the page.
pub fn on_ready(callback: impl FnMut() + 'static) -> Result<(), BridgeError> {
    let closure = Closure::<dyn FnMut()>::new(callback).into_js_value();
    wx_ready(closure.unchecked_ref()).map_err(|e| BridgeError::Threw {
        function: "ready".into(),
        message: describe(&e),
    })
}

/// `wx.error(callback)`; receives `{errMsg}` when verification fails.
pub fn on_error(callback: impl FnMut(serde_json::Value) + 'static) -> Result<(), BridgeError> {
    let mut callback = callback;
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |res: JsValue| callback(to_json(&res)))
        .into_js_value();
    wx_error(closure.unchecked_ref()).map_err(|e| BridgeError::Threw {
        function: "error".into(),
        message: describe(&e),
    })
}

/// Calls `wx.<function>(args)` with every callback wired to `on_callback`.
///
/// The closures are handed to JS for good: listeners such as `onMenuShareAppMessage`
/// may fire any number of times, long after the call.
pub fn call(
    function: &str,
    args: &serde_json::Value,
    on_callback: impl Fn(CallbackKind, serde_json::Value) + 'static,
) -> Result<(), BridgeError> {
    let wx = wx().ok_or(BridgeError::NotLoaded)?;
    let target = Reflect::get(&wx, &function.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| BridgeError::NoSuchFunction(function.to_owned()))?;
    let options = match args {
        serde_json::Value::Null => Object::new().into(),
        other => to_js(other)?,
    };
    let on_callback = std::rc::Rc::new(on_callback);
    for kind in CallbackKind::ALL {
        let handler = on_callback.clone();
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |res: JsValue| {
            handler(kind, to_json(&res));
        })
        .into_js_value();
        let _ = Reflect::set(&options, &kind.js_name().into(), &closure);
    }
    target
        .call1(&wx, &options)
        .map(|_| ())
        .map_err(|e| BridgeError::Threw {
            function: function.to_owned(),
            message: describe(&e),
        })
}
