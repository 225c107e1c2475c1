//! A category page's live session: config status, the result log, the demo's memory,
//! and the presenter's switches. Shared through context; all state is reactive.

use super::state::DemoState;
use crate::wx::CallbackKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where `wx.config` stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConfigStatus {
    /// Server rendering, or the wasm has not started yet.
    Waiting,
    /// Loading the JS-SDK and asking the server for a signature.
    Signing,
    /// Signed and passed to `wx.config`; waiting for `wx.ready`.
    Verifying,
    /// `wx.ready` fired: every button works.
    Ready,
    /// `wx.error` fired, or signing failed; the message says why.
    Failed(String),
}

/// One line of the result log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub seq: u64,
    /// Local time, `HH:MM:SS`.
    pub at: String,
    /// The button (API id) that caused it.
    pub api: String,
    /// Which callback fired; `None` for notes (guards, registrations, errors).
    pub callback: Option<CallbackKind>,
    /// The SDK's errMsg, when it sent one.
    pub err_msg: String,
    /// The official demo's message for this event, if it has one.
    pub message: String,
    /// Everything the SDK returned.
    pub data: Value,
}

/// The signed URL and why it was the one signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUrlInfo {
    pub url: String,
    pub rule: wechat::page_url::SignedUrlRule,
    /// The URL the client says it verified (`realAuthUrl` of an `invalid signature`), empty
    /// until it names one.
    pub real_auth_url: String,
}

/// What the page did to set the JS-SDK up, as the documents' steps 2 and 3 show it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetupShown {
    /// Where jweixin was loaded from.
    pub sdk: String,
    /// The exact `wx.config({...})` call, as code.
    pub config: String,
    /// string1 as signed, the ticket masked.
    pub string1: String,
}

/// A page's session, in context.
#[derive(Clone, Copy)]
pub struct Session {
    pub status: RwSignal<ConfigStatus>,
    pub signed: RwSignal<Option<SignedUrlInfo>>,
    pub log: RwSignal<Vec<LogEntry>>,
    pub state: RwSignal<DemoState>,
    /// Reproduce the official demo's `alert()` boxes.
    pub alert_mode: RwSignal<bool>,
    /// Pass `debug: true` to `wx.config`.
    pub debug: RwSignal<bool>,
    /// True when running on the simulated WeChat bridge.
    pub simulated: RwSignal<bool>,
    /// Set once the page configured again after the server renewed the ticket.
    pub reconfigured: RwSignal<bool>,
    /// The setup as it was done, once the page has configured.
    pub setup: RwSignal<SetupShown>,
}

impl Session {
    /// A fresh session.
    pub fn new() -> Self {
        Session {
            status: RwSignal::new(ConfigStatus::Waiting),
            signed: RwSignal::new(None),
            log: RwSignal::new(Vec::new()),
            state: RwSignal::new(DemoState::default()),
            alert_mode: RwSignal::new(false),
            debug: RwSignal::new(false),
            simulated: RwSignal::new(false),
            reconfigured: RwSignal::new(false),
            setup: RwSignal::new(SetupShown::default()),
        }
    }

    /// Adds a line at the top of the log (newest first).
    pub fn push(&self, mut entry: LogEntry) {
        self.log.update(|log| {
            entry.seq = log.first().map_or(1, |e| e.seq + 1);
            log.insert(0, entry);
            log.truncate(MAX_LOG_ENTRIES);
        });
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

/// Oldest lines are dropped beyond this.
pub const MAX_LOG_ENTRIES: usize = 200;

/// Creates a fresh session and shares it with the page's components (the classic page and QA
/// mode start from nothing, as the official demo did on each load).
pub fn provide_session() -> Session {
    let session = Session::new();
    provide_context(session);
    session
}

/// Like [`provide_session`], for the category pages: in the browser the demo's memory
/// (localIds, serverIds, card codes) is carried across the tab's category pages, as WeChat
/// keeps them for the web view: a voice recorded on /voice can be translated on /smart.
pub fn provide_carried_session() -> Session {
    let session = provide_session();
    #[cfg(feature = "hydrate")]
    carry::follow(session.state);
    session
}

/// The demo state in the tab's `sessionStorage`, restored at start and saved on each change.
#[cfg(feature = "hydrate")]
pub mod carry {
    use super::DemoState;
    use leptos::prelude::*;

    const KEY: &str = "wxpg:demo-state";

    /// The tab's `sessionStorage`, where the page keeps what it carries across loads.
    pub fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    /// Restores `state` from the tab, then keeps the tab's copy up to date.
    pub fn follow(state: RwSignal<DemoState>) {
        let saved = storage()
            .and_then(|storage| storage.get_item(KEY).ok().flatten())
            .and_then(|json| serde_json::from_str::<DemoState>(&json).ok());
        if let Some(saved) = saved {
            state.set(saved);
        }
        Effect::new(move |_| {
            let current = state.get();
            if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&current)) {
                let _ = storage.set_item(KEY, &json);
            }
        });
    }
}

/// The page's session.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
