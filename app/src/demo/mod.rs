//! The demo's behaviour: what each button calls with which arguments, what it
//! remembers, what it reports. Pure logic in `plan`, `state`, `messages`; the
//! browser-only part in `runner`. Pages and the QA runner use it.

pub mod messages;
pub mod plan;
#[cfg(feature = "hydrate")]
pub mod runner;
pub mod session;
pub mod state;

use crate::{catalog::Api, i18n::I18n};
use session::Session;

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

/// Signs and configures the JS-SDK for the page (browser only; no-op on the server).
/// `categories` decides the `jsApiList` and which listeners are registered at ready.
pub fn boot(session: Session, categories: Vec<&'static str>, i18n: I18n) {
    #[cfg(feature = "hydrate")]
    runner::boot(session, categories, i18n);
    #[cfg(not(feature = "hydrate"))]
    let _ = (session, categories, i18n);
}

/// Runs the API behind a button (browser only; no-op on the server).
pub fn press(session: Session, api: &'static Api, i18n: I18n) {
    #[cfg(feature = "hydrate")]
    runner::press(session, api, i18n);
    #[cfg(not(feature = "hydrate"))]
    let _ = (session, api, i18n);
}

/// Records the landing URL (iOS signs it) before the address can change. Browser only.
pub fn record_boot() {
    #[cfg(feature = "hydrate")]
    runner::record_boot();
}
