//! Live sessions: the presenter drives, the phones in the room run the real call.
//!
//! The rules every side shares: the limits, what a session, a phone and an answer look like
//! on the wire, which APIs a room may run and for how long the presenter waits. The store and
//! the HTTP surface are the server's (`server::live`); the pages are server HTML
//! (`routes::live`) with two small plain scripts (`public/assets/live.js` for the presenter,
//! `live-phone.js` for the phones), so the wasm carries none of it (server build only).

use crate::catalog::{self, Api, Fill, Kind, Safety};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Phones one session takes. A training room holds 20 to 200 people; 1,000 leaves room for a
/// lecture hall, and keeps one run's fan-out (one event per phone) and its answers (at most
/// [`MAX_ANSWER_BYTES`] each) within a few megabytes.
pub const MAX_PARTICIPANTS: usize = 1000;
/// Live sessions one instance holds at once: a handful of trainers at a time per deployment;
/// each session is bounded by [`MAX_SESSION_BYTES`], so all of them by 16 × 8 MB.
pub const MAX_SESSIONS: usize = 16;
/// A session nobody drove, joined or answered for this long is ended (a training block).
pub const IDLE_EXPIRY_SECS: u64 = 2 * 60 * 60;
/// Runs one session keeps (a day's training does not reach it).
pub const MAX_RUNS: usize = 200;
/// Answers' bytes one session keeps in all; then it answers 413 (save it, start another).
pub const MAX_SESSION_BYTES: usize = 8 * 1024 * 1024;
/// Largest answer of one phone (its errMsg and returned data as JSON).
pub const MAX_ANSWER_BYTES: usize = 16 * 1024;
/// Longest name a phone may give (characters).
pub const MAX_NAME: usize = 32;
/// Longest errMsg kept (characters).
pub const MAX_ERR_MSG: usize = 256;
/// Length of a session id (a server nonce).
pub const SESSION_ID_LEN: usize = wechat::nonce::NONCE_LEN;

/// True when `id` has the shape of a session id (the server's nonce: ASCII letters and digits).
pub fn valid_id(id: &str) -> bool {
    id.len() == SESSION_ID_LEN && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A new unguessable id (about 95 bits from the OS-seeded CSPRNG).
pub fn new_id() -> String {
    wechat::nonce::nonce()
}

/// A new key (about 190 bits): the presenter's, or a phone's own.
pub fn new_key() -> String {
    format!("{}{}", wechat::nonce::nonce(), wechat::nonce::nonce())
}

/// A phone's name once checked: trimmed, 1 to [`MAX_NAME`] characters, no control characters.
pub fn checked_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("name is empty: give the phone a name the room will recognise".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("name is longer than {MAX_NAME} characters"));
    }
    if name.chars().any(char::is_control) {
        return Err("name contains control characters".into());
    }
    Ok(name.to_owned())
}

/// Why a room may not run an API, when it may not.
pub fn not_runnable(api: &Api) -> Option<&'static str> {
    if api.safety == Safety::Irreversible {
        return Some(
            "it closes the page, pays or adds to the wallet: run it on its own category page",
        );
    }
    if api.guard.is_some() || api.params.iter().any(|p| p.fill != Fill::User) {
        return Some("it needs what each phone remembers or the server signs for that phone (an earlier call's ids, a card or pay signature): run it on its own category page");
    }
    None
}

/// How long the presenter waits for a phone's answer: a call without the user answers in
/// seconds; one that waits for the phone's holder (a picker, a scan) or a listener (an event
/// that happens later) gets two minutes.
pub fn timeout_ms(api: &Api) -> u64 {
    if api.kind == Kind::Listener || api.safety == Safety::NeedsUser {
        120_000
    } else {
        15_000
    }
}

/// The call's arguments from the editor's raw `(name, value)` pairs, checked as the category
/// pages check them; `Err` names every refused value (in English, for the 400).
pub fn parse_args(api: &Api, pairs: &[(String, String)]) -> Result<Value, String> {
    if let Some((name, _)) = pairs.iter().find(|(name, _)| {
        !api.params
            .iter()
            .any(|p| p.name == name && p.fill == Fill::User)
    }) {
        return Err(format!("{} takes no parameter {name:?}", api.id));
    }
    let mut args = serde_json::Map::new();
    let mut refused = Vec::new();
    for param in api.params.iter().filter(|p| p.fill == Fill::User) {
        let raw: Vec<String> = pairs
            .iter()
            .filter(|(name, _)| name == param.name)
            .map(|(_, value)| value.clone())
            .collect();
        match catalog::parse(param, &catalog::split_items(param.ty, &raw)) {
            Ok(Some(value)) => {
                args.insert(param.name.to_owned(), value);
            }
            Ok(None) => {}
            Err(why) => refused.push(why.describe(param.name, catalog::Lang::En)),
        }
    }
    if refused.is_empty() {
        Ok(Value::Object(args))
    } else {
        Err(refused.join("; "))
    }
}

/// What a call ended with on a phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Cancel,
    Fail,
}

/// One phone of the room, as everyone may see it (its key is not here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// Public id (the room sees it; answering takes the phone's key as well).
    pub id: String,
    pub name: String,
    /// `iOS 17.4.1`, `Android 14`, … from the user agent of its join.
    pub os: String,
    /// `8.0.47` inside WeChat; `None` in a plain browser.
    pub wechat_version: Option<String>,
    /// The user agent of its join (bounded).
    pub user_agent: String,
    /// Runs on the simulator, not in WeChat.
    pub simulated: bool,
    /// Waits for its holder's tap before each run.
    pub ask_first: bool,
}

/// The API the presenter is on and its arguments (what the phones follow).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Current {
    pub api: String,
    pub function: String,
    pub args: Value,
    /// The JavaScript of the call, as the category pages show it.
    pub code: String,
}

/// One run the presenter started: every phone runs `current` once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// 1, 2, … within the session.
    pub run: u64,
    #[serde(flatten)]
    pub call: Current,
    /// Milliseconds since the Unix epoch, on the server.
    pub started_at: u64,
    /// After this long a phone without an answer shows as not answering.
    pub timeout_ms: u64,
    /// The API needs the phone's holder (a picker, a scan): the phone says so.
    pub needs_user: bool,
}

/// A phone's answer to a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub run: u64,
    pub phone: String,
    pub status: Status,
    pub err_msg: String,
    pub data: Value,
    pub duration_ms: u64,
}

/// Everything a page needs to draw a session: sent first on every (re)connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub session: String,
    pub phones: Vec<Phone>,
    pub current: Option<Current>,
    pub runs: Vec<Run>,
    pub answers: Vec<Answer>,
    pub ended: bool,
}

/// What happens in a session, as its event stream carries it (`event:` is the variant's name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum Happening {
    Joined(Phone),
    Api(Current),
    Run(Run),
    Answer(Answer),
    Ended,
}

impl Happening {
    /// The SSE event name.
    pub fn name(&self) -> &'static str {
        match self {
            Happening::Joined(_) => "joined",
            Happening::Api(_) => "api",
            Happening::Run(_) => "run",
            Happening::Answer(_) => "answer",
            Happening::Ended => "ended",
        }
    }
}

/// Every `wx.*` function a room may run: a phone's `jsApiList`.
pub fn js_api_list() -> Vec<&'static str> {
    let mut list: Vec<&'static str> = Vec::new();
    for api in catalog::APIS.iter().filter(|a| not_runnable(a).is_none()) {
        if !list.contains(&api.function) {
            list.push(api.function);
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_editor_values_become_the_call_arguments_or_a_named_refusal() {
        let api = catalog::api("chooseImage").unwrap();
        let args = parse_args(
            api,
            &pairs(&[
                ("count", "2"),
                ("sourceType", "camera"),
                ("sizeType", "compressed"),
            ]),
        )
        .unwrap();
        assert_eq!(
            args,
            serde_json::json!({"count": 2, "sourceType": ["camera"], "sizeType": ["compressed"]})
        );
        let refused = parse_args(api, &pairs(&[("count", "99")])).unwrap_err();
        assert!(refused.contains("count"), "{refused}");
        let unknown = parse_args(api, &pairs(&[("extInfo", "1")])).unwrap_err();
        assert!(unknown.contains("extInfo"), "{unknown}");
    }

    #[test]
    fn rooms_run_neither_irreversible_calls_nor_calls_that_need_a_phones_memory() {
        assert!(not_runnable(catalog::api("closeWindow").unwrap()).is_some());
        assert!(not_runnable(catalog::api("uploadImage").unwrap()).is_some());
        assert!(not_runnable(catalog::api("chooseWXPay").unwrap()).is_some());
        assert!(not_runnable(catalog::api("getNetworkType").unwrap()).is_none());
        assert!(js_api_list().len() <= crate::api::signing::MAX_APIS);
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(checked_name("  Ana ").unwrap(), "Ana");
        assert!(checked_name("").is_err());
        assert!(checked_name(&"x".repeat(MAX_NAME + 1)).is_err());
        assert!(checked_name("a\u{7}b").is_err());
        assert_eq!(
            checked_name("<img src=x onerror=alert(1)>").unwrap().len(),
            28
        );
    }

    #[test]
    fn session_ids_are_nonces() {
        assert!(valid_id("abcdEFGH12345678"));
        assert!(!valid_id("abcdEFGH1234567"));
        assert!(!valid_id("abcdEFGH1234567!"));
    }
}
