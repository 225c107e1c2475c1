//! A category page's live session: config status, the result log, the demo's memory,
//! and the presenter's switches. Shared through context; all state is reactive.

use super::state::DemoState;
use crate::{catalog::Lang, wx::CallbackKind};
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
    /// The page's language.
    pub lang: Lang,
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
            lang: crate::i18n::initial_lang(),
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

/// The page's session.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The Leptos pages' session runs the demo (signals for every state; the press code lazy).
#[cfg(feature = "hydrate")]
mod host {
    use super::*;
    use crate::{catalog::Api, demo::runner};
    use std::{
        cell::{Cell, RefCell},
        collections::VecDeque,
    };

    impl runner::Host for Session {
        fn lang(self) -> Lang {
            self.lang
        }
        fn status(self) -> Option<ConfigStatus> {
            self.status.try_get_untracked()
        }
        fn set_status(self, status: ConfigStatus) -> bool {
            self.status.try_set(status).is_none()
        }
        fn set_signed(self, signed: SignedUrlInfo) {
            let _ = self.signed.try_set(Some(signed));
        }
        fn set_real_auth_url(self, real_auth_url: String) {
            self.signed.try_update(|signed| {
                if let Some(signed) = signed {
                    signed.real_auth_url = real_auth_url;
                }
            });
        }
        fn set_setup(self, setup: SetupShown) {
            let _ = self.setup.try_set(setup);
        }
        fn set_simulated(self, simulated: bool) {
            let _ = self.simulated.try_set(simulated);
        }
        fn demo_state(self) -> DemoState {
            self.state.try_get_untracked().unwrap_or_default()
        }
        fn update_demo_state(self, change: impl FnOnce(&mut DemoState)) {
            let _ = self.state.try_update(change);
        }
        fn alert_mode(self) -> bool {
            self.alert_mode.try_get_untracked() == Some(true)
        }
        fn debug(self) -> bool {
            self.debug.try_get_untracked() == Some(true)
        }
        fn mark_reconfigured(self) -> bool {
            self.reconfigured.try_get_untracked() == Some(false)
                && self.reconfigured.try_set(true).is_none()
        }
        fn push(self, entry: LogEntry) {
            Session::push(&self, entry);
        }
        fn press_ready(self, api: &'static Api) {
            queue_press(self, api.id);
        }
        fn preload_press(self) {
            queue_press(self, "");
        }
    }

    thread_local! {
        /// Presses waiting for the lazy press code, oldest first, and whether they are run.
        static PRESSES: RefCell<VecDeque<(Session, &'static str)>> = const { RefCell::new(VecDeque::new()) };
        static DRAINING: Cell<bool> = const { Cell::new(false) };
    }

    /// Runs presses in the order they were made, even while the press code is still loading
    /// (`startRecord` then `stopRecord`, tapped in quick succession).
    fn queue_press(session: Session, api_id: &'static str) {
        PRESSES.with(|queue| queue.borrow_mut().push_back((session, api_id)));
        if DRAINING.with(|draining| draining.replace(true)) {
            return;
        }
        leptos::task::spawn_local(async {
            while let Some((session, api_id)) = PRESSES.with(|queue| queue.borrow_mut().pop_front())
            {
                press_ready(session, api_id.to_owned()).await;
            }
            DRAINING.with(|draining| draining.set(false));
        });
    }

    /// The press once the SDK is ready. Lazy: what only a press needs (the editor's checks,
    /// plans, signing) loads with the first press; an empty `api_id` only loads it.
    #[leptos::lazy]
    fn press_ready(session: Session, api_id: String) {
        if let Some(api) = crate::catalog::api(&api_id) {
            runner::press_ready(session, api);
        }
    }
}
