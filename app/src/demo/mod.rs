//! The demo's behaviour: what each button calls with which arguments, what it
//! remembers, what it reports. Pure logic in `plan`, `state`, `messages`; the
//! browser-only part in `runner`. Pages and the QA runner use it.

#[cfg(feature = "browser")]
pub mod carry;
pub mod messages;
pub mod plan;
#[cfg(feature = "browser")]
pub mod requests;
#[cfg(feature = "browser")]
pub mod runner;
pub mod session;
pub mod state;

use crate::catalog::Api;
use session::Session;

/// Reads JSON text into `T` through a [`serde_json::Value`]: every type then shares the one
/// text parser, where `serde_json::from_str::<T>` compiles a parser of its own per type into
/// the wasm (a few KB each).
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_value(serde_json::from_str(text)?)
}

/// The element the code panel is (`/assets/code.js`), whose `data-sent` the runner sets to
/// the call it sent (`{"api": id, "args": {…}}`).
pub const CODE_PANEL_ID: &str = "code";

/// The official SDK, and its mirror for when the first host is unreachable.
pub const WECHAT_SDK: [&str; 2] = [
    "https://res.wx.qq.com/open/js/jweixin-1.6.0.js",
    "https://res2.wx.qq.com/open/js/jweixin-1.6.0.js",
];

/// The catalog the simulator reads, the simulated native bridge, then the same official
/// SDK served locally: at the page's asset `version`, so that a phone fetches them once.
pub fn simulated_sdk(version: Option<&str>) -> [String; 3] {
    let catalog = match version {
        Some(version) => format!("/api/sim/catalog.js?v={version}"),
        None => "/api/sim/catalog.js".to_owned(),
    };
    [
        catalog,
        crate::site::asset_url(version, "sim/simulator.js"),
        crate::site::asset_url(version, "vendor/jweixin-1.6.0.js"),
    ]
}

/// Signs and configures the JS-SDK for a Leptos page (hydrated only; no-op on the server).
/// `categories` decides the `jsApiList` and which listeners are registered at ready.
pub fn boot(session: Session, categories: Vec<&'static str>) {
    #[cfg(feature = "hydrate")]
    runner::boot(session, categories);
    #[cfg(not(feature = "hydrate"))]
    let _ = (session, categories);
}

/// Runs the API behind a Leptos page's button (hydrated only; no-op on the server).
pub fn press(session: Session, api: &'static Api) {
    #[cfg(feature = "hydrate")]
    runner::press(session, api);
    #[cfg(not(feature = "hydrate"))]
    let _ = (session, api);
}

/// Records the landing URL (iOS signs it) before the address can change. Browser only.
pub fn record_boot() {
    #[cfg(feature = "browser")]
    runner::record_boot();
}
