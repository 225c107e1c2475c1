//! A QA run inside the page: one row per catalog API, filled from what the demo session
//! logs. The buttons go through `demo::press` like every other page; this module only
//! watches the log, times each call and gathers the device facts.

use super::report::{bounded_data, DeviceFacts, QaReport, QaResult, QaStatus};
use crate::{
    catalog::{Api, Kind, APIS},
    demo::session::LogEntry,
    wx::{CallbackKind, Outcome},
};
use leptos::prelude::*;
use serde_json::Value;

/// How long "Run all safe ones" waits for one interface before calling it failed.
pub const SAFE_RUN_TIMEOUT_MS: f64 = 10_000.0;

/// One interface's row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub status: QaStatus,
    /// Tapped, no answer yet.
    pub running: bool,
    /// A listener registered and waiting for its event (the user shares, the recording
    /// ends): still running, and nothing to count until the event fires.
    pub waiting: bool,
    pub err_msg: String,
    pub data: Value,
    pub duration_ms: Option<u64>,
    pub at: String,
    /// The log's newest seq at the tap: later entries belong to this call.
    pub seq_before: u64,
    /// `Date.now()` at the tap.
    pub started_ms: f64,
}

/// The page's run, in context.
#[derive(Clone, Copy)]
pub struct QaRun {
    /// One per [`APIS`] entry, same index.
    pub rows: RwSignal<Vec<Row>>,
    pub device: RwSignal<DeviceFacts>,
    /// checkJsApi and getNetworkType have answered (or the page is not configured).
    pub facts_ready: RwSignal<bool>,
    pub running_all: RwSignal<bool>,
    /// The saved report's id, or why saving failed.
    pub saved: RwSignal<Option<Result<i64, String>>>,
    /// The tester's free-text note, saved with the report.
    pub note: RwSignal<String>,
}

impl QaRun {
    /// A run with every row not run yet.
    pub fn new() -> Self {
        QaRun {
            rows: RwSignal::new(vec![Row::default(); APIS.len()]),
            device: RwSignal::new(DeviceFacts::default()),
            facts_ready: RwSignal::new(false),
            running_all: RwSignal::new(false),
            saved: RwSignal::new(None),
            note: RwSignal::new(String::new()),
        }
    }

    /// The run as a report: every row, the data bounded.
    pub fn report(&self) -> QaReport {
        let rows = self.rows.get_untracked();
        QaReport {
            device: self.device.get_untracked(),
            results: APIS
                .iter()
                .zip(rows)
                .map(|(api, row)| QaResult {
                    api: api.id.to_owned(),
                    // A listener whose event never came did not happen.
                    status: if row.running {
                        QaStatus::NotRun
                    } else {
                        row.status
                    },
                    err_msg: row.err_msg,
                    data: bounded_data(&row.data),
                    duration_ms: row.duration_ms,
                    at: row.at,
                })
                .collect(),
            note: self.note.get_untracked().trim().to_owned(),
        }
    }
}

impl Default for QaRun {
    fn default() -> Self {
        Self::new()
    }
}

/// What a log entry says about the call that caused it, if it settles it: the callback's
/// outcome (a listener's `complete` too: its event came); for a note (no callback), a
/// failure with the note as errMsg (ordering rule, not configured, the SDK refused),
/// except a listener's registration, which settles nothing (see [`is_registration`]).
pub fn verdict(api: &Api, entry: &LogEntry) -> Option<(QaStatus, String)> {
    match entry.callback {
        Some(CallbackKind::Complete) if api.kind == Kind::Listener => {
            let status = match Outcome::from_err_msg(&entry.err_msg) {
                Outcome::Ok => QaStatus::Ok,
                Outcome::Cancel => QaStatus::Cancel,
                _ => QaStatus::Fail,
            };
            Some((status, entry.err_msg.clone()))
        }
        Some(CallbackKind::Success) => Some((QaStatus::Ok, entry.err_msg.clone())),
        Some(CallbackKind::Cancel) => Some((QaStatus::Cancel, entry.err_msg.clone())),
        Some(CallbackKind::Fail) => {
            let status = match Outcome::from_err_msg(&entry.err_msg) {
                Outcome::Cancel => QaStatus::Cancel,
                _ => QaStatus::Fail,
            };
            Some((status, entry.err_msg.clone()))
        }
        Some(CallbackKind::Complete | CallbackKind::Trigger) => None,
        None if is_registration(api, entry) => None,
        None => Some((QaStatus::Fail, entry.message.clone())),
    }
}

/// True when the note says a listener was registered (not refused): its row waits.
pub fn is_registration(api: &Api, entry: &LogEntry) -> bool {
    let text = entry.message.as_str();
    let refused = text.starts_with("wx.")
        || text.contains("JS-SDK")
        || text.starts_with("cannot convert")
        || api
            .guard
            .is_some_and(|g| g.message.zh == text || g.message.en == text);
    api.kind == Kind::Listener && entry.callback.is_none() && !refused
}

/// Settles running rows from the log (newest first): the oldest entry after a row's tap
/// that says how its call ended. `now_ms` times it.
pub fn settle(rows: &mut [Row], log: &[LogEntry], now_ms: f64) -> bool {
    let mut changed = false;
    for (api, row) in APIS.iter().zip(rows.iter_mut()) {
        if !row.running {
            continue;
        }
        let found = log
            .iter()
            .rev()
            .filter(|e| e.seq > row.seq_before && e.api == api.id)
            .find_map(|e| verdict(api, e).map(|v| (v, e)));
        if found.is_none() && !row.waiting {
            row.waiting = log
                .iter()
                .any(|e| e.seq > row.seq_before && e.api == api.id && is_registration(api, e));
            changed |= row.waiting;
        }
        if let Some(((status, err_msg), entry)) = found {
            row.running = false;
            row.waiting = false;
            row.status = status;
            row.err_msg = err_msg;
            row.data = entry.data.clone();
            row.at = entry.at.clone();
            row.duration_ms = Some((now_ms - row.started_ms).max(0.0) as u64);
            changed = true;
        }
    }
    changed
}

#[cfg(feature = "hydrate")]
pub use browser::*;

#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::{
        catalog,
        demo::{self, session::ConfigStatus, session::Session},
        qa::order::safe_run_order,
        wx::bridge,
    };
    use js_sys::{Function, Object, Promise, Reflect};
    use leptos::task::spawn_local;
    use serde_json::json;
    use std::collections::BTreeMap;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    /// Resolves after `ms` milliseconds.
    async fn sleep(ms: i32) {
        let promise = Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Keeps the rows in step with the session's log.
    pub fn follow_log(run: QaRun, session: Session) {
        Effect::new(move |_| {
            let log = session.log.get();
            let mut rows = run.rows.get_untracked();
            if settle(&mut rows, &log, now_ms()) {
                run.rows.set(rows);
            }
        });
    }

    /// Taps the row's button: marks it running, then presses through the demo.
    pub fn tap(run: QaRun, session: Session, index: usize) {
        let Some(api) = APIS.get(index) else { return };
        let seq_before = session
            .log
            .with_untracked(|log| log.first().map_or(0, |e| e.seq));
        run.rows.update(|rows| {
            rows[index] = Row {
                running: true,
                seq_before,
                started_ms: now_ms(),
                ..Row::default()
            };
        });
        demo::press(session, api);
        // A guard or refusal is logged synchronously: settle right away.
        let log = session.log.get_untracked();
        run.rows.update(|rows| {
            settle(rows, &log, now_ms());
        });
    }

    async fn wait_ready(session: Session) -> bool {
        let deadline = now_ms() + 20_000.0;
        loop {
            match session.status.try_get_untracked() {
                Some(ConfigStatus::Ready) => return true,
                Some(ConfigStatus::Failed(_)) | None => return false,
                _ if now_ms() > deadline => return false,
                _ => sleep(50).await,
            }
        }
    }

    /// Runs every safe interface one after the other, each until it answers or times out.
    pub fn run_safe(run: QaRun, session: Session) {
        if run.running_all.get_untracked() {
            return;
        }
        run.running_all.set(true);
        spawn_local(async move {
            let ready = wait_ready(session).await;
            for api in safe_run_order(APIS) {
                let Some(index) = APIS.iter().position(|a| a.id == api.id) else {
                    continue;
                };
                if !ready {
                    break;
                }
                tap(run, session, index);
                let deadline = now_ms() + SAFE_RUN_TIMEOUT_MS;
                // A listener waits for its event without holding the run up.
                while run
                    .rows
                    .try_with_untracked(|rows| rows[index].running && !rows[index].waiting)
                    .unwrap_or(false)
                {
                    if now_ms() > deadline {
                        let _ = run.rows.try_update(|rows| {
                            let row = &mut rows[index];
                            row.running = false;
                            row.status = QaStatus::Fail;
                            row.err_msg =
                                format!("qa: no answer within {} s", SAFE_RUN_TIMEOUT_MS / 1000.0);
                            row.duration_ms = Some(SAFE_RUN_TIMEOUT_MS as u64);
                        });
                        break;
                    }
                    sleep(25).await;
                }
            }
            let _ = run.running_all.try_set(false);
        });
    }

    fn number(target: &JsValue, key: &str) -> f64 {
        Reflect::get(target, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    }

    /// Reads the user agent and screen now, then checkJsApi and the network type once
    /// `wx.ready` fired.
    pub fn gather_facts(run: QaRun, session: Session) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let screen = Reflect::get(&window, &"screen".into()).unwrap_or(JsValue::NULL);
        let ratio = number(&window, "devicePixelRatio");
        let screen = format!(
            "{}×{} @{}x",
            number(&screen, "width"),
            number(&screen, "height"),
            (ratio * 100.0).round() / 100.0
        );
        spawn_local(async move {
            let ready = wait_ready(session).await;
            let user_agent = web_sys::window()
                .and_then(|w| w.navigator().user_agent().ok())
                .unwrap_or_default();
            let facts = wechat::user_agent::parse(&user_agent);
            let _ = run.device.try_update(|d| {
                d.user_agent = user_agent
                    .chars()
                    .take(super::super::report::MAX_USER_AGENT)
                    .collect();
                d.wechat_version = facts.wechat_version;
                d.os = facts.os;
                d.os_version = facts.os_version;
                d.screen = screen;
                d.simulated = session.simulated.get_untracked();
            });
            if !ready {
                let _ = run.facts_ready.try_set(true);
                return;
            }
            let functions = catalog::all_functions();
            let _ = bridge::call(
                "checkJsApi",
                &json!({ "jsApiList": functions }),
                move |kind, res| {
                    if kind != CallbackKind::Success {
                        return;
                    }
                    let result = match res.get("checkResult") {
                        Some(Value::String(text)) => {
                            serde_json::from_str(text).unwrap_or(Value::Null)
                        }
                        Some(other) => other.clone(),
                        None => Value::Null,
                    };
                    let support: BTreeMap<String, bool> = catalog::all_functions()
                        .into_iter()
                        .map(|f| {
                            (
                                f.to_owned(),
                                result.get(f).and_then(Value::as_bool).unwrap_or(false),
                            )
                        })
                        .collect();
                    let _ = run.device.try_update(|d| d.js_api_support = support);
                },
            );
            let _ = bridge::call("getNetworkType", &json!({}), move |kind, res| {
                if matches!(kind, CallbackKind::Success | CallbackKind::Fail) {
                    let network = res
                        .get("networkType")
                        .and_then(Value::as_str)
                        .unwrap_or("—")
                        .to_owned();
                    let _ = run.device.try_update(|d| d.network_type = network);
                    let _ = run.facts_ready.try_set(true);
                }
            });
        });
    }

    /// `fetch(url, {method: POST, body})` → (status, JSON body).
    async fn post_json(url: &str, body: String) -> Result<(u16, Value), String> {
        let window = web_sys::window().ok_or("no window")?;
        let js = |e: JsValue| format!("{e:?}");
        let init = Object::new();
        let headers = Object::new();
        Reflect::set(&headers, &"content-type".into(), &"application/json".into()).map_err(js)?;
        Reflect::set(&init, &"method".into(), &"POST".into()).map_err(js)?;
        Reflect::set(&init, &"headers".into(), &headers).map_err(js)?;
        Reflect::set(&init, &"body".into(), &body.into()).map_err(js)?;
        let fetch: Function = Reflect::get(&window, &"fetch".into())
            .map_err(js)?
            .dyn_into()
            .map_err(js)?;
        let promise: Promise = fetch
            .call2(&window, &url.into(), &init)
            .map_err(js)?
            .dyn_into()
            .map_err(js)?;
        let response = JsFuture::from(promise).await.map_err(js)?;
        let status = number(&response, "status") as u16;
        let text: Function = Reflect::get(&response, &"text".into())
            .map_err(js)?
            .dyn_into()
            .map_err(js)?;
        let text: Promise = text.call0(&response).map_err(js)?.dyn_into().map_err(js)?;
        let text = JsFuture::from(text)
            .await
            .map_err(js)?
            .as_string()
            .unwrap_or_default();
        Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    /// Sends the run to `POST /api/qa/reports`.
    pub fn save(run: QaRun) {
        let Ok(body) = serde_json::to_string(&run.report()) else {
            return;
        };
        spawn_local(async move {
            let outcome = match post_json("/api/qa/reports", body).await {
                Ok((201, answer)) => answer
                    .get("id")
                    .and_then(Value::as_i64)
                    .ok_or_else(|| "the server answered without an id".to_owned()),
                Ok((status, answer)) => Err(format!(
                    "{status}: {}",
                    answer
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or("refused")
                )),
                Err(error) => Err(error),
            };
            let _ = run.saved.try_set(Some(outcome));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use serde_json::json;

    fn entry(
        seq: u64,
        api: &str,
        callback: Option<CallbackKind>,
        err_msg: &str,
        message: &str,
    ) -> LogEntry {
        LogEntry {
            seq,
            at: format!("10:00:{seq:02}"),
            api: api.into(),
            callback,
            err_msg: err_msg.into(),
            message: message.into(),
            data: json!({ "errMsg": err_msg }),
        }
    }

    fn index(id: &str) -> usize {
        APIS.iter().position(|a| a.id == id).unwrap()
    }

    #[test]
    fn callbacks_and_notes_settle_rows() {
        let api = catalog::api("getLocation").unwrap();
        let ok = entry(
            1,
            "getLocation",
            Some(CallbackKind::Success),
            "getLocation:ok",
            "",
        );
        assert_eq!(
            verdict(api, &ok),
            Some((QaStatus::Ok, "getLocation:ok".into()))
        );
        let cancel_as_fail = entry(
            2,
            "getLocation",
            Some(CallbackKind::Fail),
            "getLocation:cancel",
            "",
        );
        assert_eq!(verdict(api, &cancel_as_fail).unwrap().0, QaStatus::Cancel);
        assert_eq!(
            verdict(
                api,
                &entry(3, "getLocation", Some(CallbackKind::Complete), "x:ok", "")
            ),
            None
        );
        let upload = catalog::api("uploadImage").unwrap();
        let guard = entry(4, "uploadImage", None, "", upload.guard.unwrap().message.zh);
        assert_eq!(verdict(upload, &guard).unwrap().0, QaStatus::Fail);
        let listener = catalog::api("onMenuShareTimeline").unwrap();
        let registered = entry(5, "onMenuShareTimeline", None, "", "已注册");
        assert_eq!(verdict(listener, &registered), None);
        assert!(is_registration(listener, &registered));
        let ended = catalog::api("onVoiceRecordEnd").unwrap();
        let complete = entry(
            6,
            "onVoiceRecordEnd",
            Some(CallbackKind::Complete),
            "onVoiceRecordEnd:ok",
            "",
        );
        assert_eq!(verdict(ended, &complete).unwrap().0, QaStatus::Ok);
        let refused = entry(
            6,
            "onMenuShareTimeline",
            None,
            "",
            "wx.onMenuShareTimeline does not exist in this JS-SDK",
        );
        assert_eq!(verdict(listener, &refused).unwrap().0, QaStatus::Fail);
    }

    #[test]
    fn only_entries_after_the_tap_count_and_the_oldest_decides() {
        let i = index("getNetworkType");
        let mut rows = vec![Row::default(); APIS.len()];
        rows[i] = Row {
            running: true,
            seq_before: 5,
            started_ms: 1000.0,
            ..Row::default()
        };
        // Newest first, as the session keeps it.
        let log = vec![
            entry(
                8,
                "getNetworkType",
                Some(CallbackKind::Fail),
                "getNetworkType:fail",
                "",
            ),
            entry(
                7,
                "getNetworkType",
                Some(CallbackKind::Success),
                "getNetworkType:ok",
                "",
            ),
            entry(
                5,
                "getNetworkType",
                Some(CallbackKind::Fail),
                "getNetworkType:fail old",
                "",
            ),
        ];
        assert!(settle(&mut rows, &log, 1250.0));
        assert_eq!(rows[i].status, QaStatus::Ok);
        assert_eq!(rows[i].duration_ms, Some(250));
        assert_eq!(rows[i].at, "10:00:07");
        assert!(!rows[i].running);
        // Nothing running: nothing changes.
        assert!(!settle(&mut rows, &log, 2000.0));
    }

    #[test]
    fn a_listener_waits_after_registration_and_is_ok_only_when_its_event_fires() {
        let i = index("onMenuShareTimeline");
        let mut rows = vec![Row::default(); APIS.len()];
        rows[i] = Row {
            running: true,
            seq_before: 1,
            started_ms: 1000.0,
            ..Row::default()
        };
        let mut log = vec![entry(
            2,
            "onMenuShareTimeline",
            None,
            "",
            "已注册获取“分享到朋友圈”状态事件",
        )];
        assert!(settle(&mut rows, &log, 1100.0));
        assert!(rows[i].running && rows[i].waiting);
        assert_eq!(rows[i].status, QaStatus::NotRun);
        let report = Owner::new().with(|| {
            let run = QaRun::new();
            run.rows.set(rows.clone());
            run.report()
        });
        assert_eq!(report.results[i].status, QaStatus::NotRun);
        // The user shares: trigger settles nothing, success does.
        log.insert(
            0,
            entry(
                3,
                "onMenuShareTimeline",
                Some(CallbackKind::Trigger),
                "",
                "用户点击分享到朋友圈",
            ),
        );
        assert!(!settle(&mut rows, &log, 1200.0));
        log.insert(
            0,
            entry(
                4,
                "onMenuShareTimeline",
                Some(CallbackKind::Success),
                "shareTimeline:ok",
                "已分享",
            ),
        );
        assert!(settle(&mut rows, &log, 1500.0));
        assert_eq!(rows[i].status, QaStatus::Ok);
        assert!(!rows[i].running && !rows[i].waiting);
        assert_eq!(rows[i].duration_ms, Some(500));
    }

    #[test]
    fn a_report_has_every_catalog_api_once() {
        let report = Owner::new().with(|| QaRun::new().report());
        assert_eq!(report.results.len(), APIS.len());
        assert!(super::super::report::validate(&report).is_ok());
    }
}
