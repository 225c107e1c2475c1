//! What a page keeps in the tab's `sessionStorage`: the demo's memory (localIds, serverIds,
//! card codes), carried across the tab's pages as WeChat keeps them for the web view, and a
//! page's log, carried once across the language switch's reload. Browser only; the Leptos
//! pages and the category runtime share these keys.

use super::{session::LogEntry, state::DemoState};

const STATE_KEY: &str = "wxpg:demo-state";
const LOG_KEY: &str = "wxpg:log-across-reload";

/// The tab's `sessionStorage`.
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The demo's memory as the tab's last page left it.
pub fn load_state() -> Option<DemoState> {
    let json = storage()?.get_item(STATE_KEY).ok()??;
    super::from_json(&json).ok()
}

/// Keeps the demo's memory for the tab's next page.
pub fn save_state(state: &DemoState) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(state)) {
        let _ = storage.set_item(STATE_KEY, &json);
    }
}

fn path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Keeps `log` for the next load of this page.
pub fn stash_log(log: &[LogEntry]) {
    if log.is_empty() {
        return;
    }
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&(path(), log))) {
        let _ = storage.set_item(LOG_KEY, &json);
    }
}

/// The log stashed for this page, if any; it is taken, so a later reload starts empty.
pub fn take_log() -> Option<Vec<LogEntry>> {
    let storage = storage()?;
    let json = storage.get_item(LOG_KEY).ok()??;
    let _ = storage.remove_item(LOG_KEY);
    let (stashed_for, log): (String, Vec<LogEntry>) = super::from_json(&json).ok()?;
    (stashed_for == path()).then_some(log)
}
