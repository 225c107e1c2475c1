//! The sessions of this instance: their state behind one lock, and one broadcast channel
//! per session for its event stream. Every operation checks who asks (the presenter's key,
//! a phone's own key) and the bounds of `app::live` before it changes anything.

use super::LiveError;
use app::live::{
    self, Answer, Current, Happening, Phone, Run, Snapshot, Status, IDLE_EXPIRY_SECS,
    MAX_ANSWER_BYTES, MAX_ERR_MSG, MAX_PARTICIPANTS, MAX_RUNS, MAX_SESSIONS, MAX_SESSION_BYTES,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, SystemTime, UNIX_EPOCH},
};
use tokio::sync::broadcast;

/// Events kept for a slow stream before it is sent a fresh snapshot instead.
const BACKLOG: usize = 256;

/// One happening and its sequence number in the session (the SSE `id`).
pub type Numbered = Arc<(u64, Happening)>;

/// A session's whole state, as it is kept (in this process, or as JSON in Redis).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionState {
    pub id: String,
    pub key: String,
    /// Each phone with its own key.
    pub phones: Vec<(Phone, String)>,
    pub current: Option<Current>,
    pub runs: Vec<Run>,
    pub answers: Vec<Answer>,
    /// Bytes of the answers kept.
    pub bytes: usize,
    /// The last happening's number.
    pub seq: u64,
    /// Seconds since the epoch of the last change.
    pub active_at: u64,
}

impl SessionState {
    /// A new session with fresh id and key.
    pub fn new() -> SessionState {
        SessionState {
            id: live::new_id(),
            key: live::new_key(),
            phones: Vec::new(),
            current: None,
            runs: Vec::new(),
            answers: Vec::new(),
            bytes: 0,
            seq: 0,
            active_at: now_secs(),
        }
    }

    /// What everyone may see.
    pub fn snapshot(&self, ended: bool) -> Snapshot {
        Snapshot {
            session: self.id.clone(),
            phones: self.phones.iter().map(|(p, _)| p.clone()).collect(),
            current: self.current.clone(),
            runs: self.runs.clone(),
            answers: self.answers.clone(),
            ended,
        }
    }

    /// True once nobody touched it for [`IDLE_EXPIRY_SECS`].
    pub fn expired(&self) -> bool {
        now_secs().saturating_sub(self.active_at) > IDLE_EXPIRY_SECS
    }

    fn presenter(&self, key: &str) -> Result<(), LiveError> {
        if constant_time_eq(key, &self.key) {
            Ok(())
        } else {
            Err(LiveError::forbidden(
                "only the presenter's key drives, ends or saves this session (a phone answers with its own key)",
            ))
        }
    }

    fn touch(&mut self) -> u64 {
        self.active_at = now_secs();
        self.seq += 1;
        self.seq
    }

    /// Adds a phone; its key is returned once, to it alone.
    pub fn join(&mut self, phone: JoinRequest) -> Result<(u64, Happening, String), LiveError> {
        if self.phones.len() >= MAX_PARTICIPANTS {
            return Err(LiveError::conflict(format!(
                "this session has {MAX_PARTICIPANTS} phones, its limit: start a second session for the others"
            )));
        }
        let name = live::checked_name(&phone.name).map_err(LiveError::bad_request)?;
        let facts = wechat::user_agent::parse(&phone.user_agent);
        let entry = Phone {
            id: live::new_id(),
            name,
            os: facts.os_label(),
            wechat_version: facts.wechat_version,
            user_agent: phone.user_agent.chars().take(512).collect(),
            simulated: phone.simulated,
            ask_first: phone.ask_first,
        };
        let key = live::new_key();
        self.phones.push((entry.clone(), key.clone()));
        Ok((self.touch(), Happening::Joined(entry), key))
    }

    /// The presenter moves to an API (the phones follow).
    pub fn select(&mut self, key: &str, call: CallRequest) -> Result<(u64, Happening), LiveError> {
        self.presenter(key)?;
        let current = checked_call(&call)?;
        self.current = Some(current.clone());
        Ok((self.touch(), Happening::Api(current)))
    }

    /// The presenter runs an API on every phone.
    pub fn run(&mut self, key: &str, call: CallRequest) -> Result<(u64, Happening), LiveError> {
        self.presenter(key)?;
        if self.runs.len() >= MAX_RUNS {
            return Err(LiveError::conflict(format!(
                "this session ran {MAX_RUNS} calls, its limit: save it and start another"
            )));
        }
        let current = checked_call(&call)?;
        let api = app::catalog::api(&current.api).expect("checked above");
        if let Some(why) = live::not_runnable(api) {
            return Err(LiveError::bad_request(format!(
                "{} cannot run on a room's phones: {why}",
                api.id
            )));
        }
        let run = Run {
            run: self.runs.len() as u64 + 1,
            call: current.clone(),
            started_at: now_millis(),
            timeout_ms: live::timeout_ms(api),
            needs_user: api.safety == app::catalog::Safety::NeedsUser,
        };
        self.current = Some(current);
        self.runs.push(run.clone());
        Ok((self.touch(), Happening::Run(run)))
    }

    /// A phone's answer to a run: once per phone and run, with the phone's own key.
    pub fn answer(&mut self, answer: AnswerRequest) -> Result<(u64, Happening), LiveError> {
        let Some((phone, key)) = self.phones.iter().find(|(p, _)| p.id == answer.phone) else {
            return Err(LiveError::not_found(
                "phone is not in this session: join it first",
            ));
        };
        if !constant_time_eq(&answer.key, key) {
            return Err(LiveError::forbidden(
                "a phone answers only for itself: key must be the one its join returned",
            ));
        }
        let phone = phone.id.clone();
        if !self.runs.iter().any(|r| r.run == answer.run) {
            return Err(LiveError::not_found(format!(
                "run {} was not started in this session",
                answer.run
            )));
        }
        if self
            .answers
            .iter()
            .any(|a| a.run == answer.run && a.phone == phone)
        {
            return Err(LiveError::conflict(format!(
                "this phone already answered run {}",
                answer.run
            )));
        }
        let err_msg: String = answer.err_msg.chars().take(MAX_ERR_MSG).collect();
        let size = err_msg.len() + serde_json::to_string(&answer.data).map_or(0, |t| t.len());
        if size > MAX_ANSWER_BYTES {
            return Err(LiveError::too_large(format!(
                "the answer is {size} bytes; at most {MAX_ANSWER_BYTES} are kept per phone and run"
            )));
        }
        if self.bytes + size > MAX_SESSION_BYTES {
            return Err(LiveError::too_large(format!(
                "this session keeps at most {MAX_SESSION_BYTES} bytes of answers: save it and start another"
            )));
        }
        self.bytes += size;
        let answer = Answer {
            run: answer.run,
            phone,
            status: answer.status,
            err_msg,
            data: answer.data,
            duration_ms: answer.duration_ms.min(24 * 3600 * 1000),
        };
        self.answers.push(answer.clone());
        Ok((self.touch(), Happening::Answer(answer)))
    }

    /// Checks the presenter's key for ending or saving.
    pub fn check_presenter(&self, key: &str) -> Result<(), LiveError> {
        self.presenter(key)
    }
}

impl Default for SessionState {
    fn default() -> Self {
        SessionState::new()
    }
}

/// A phone asking to join.
#[derive(Debug, Clone, Deserialize)]
pub struct JoinRequest {
    pub name: String,
    #[serde(default)]
    pub ask_first: bool,
    #[serde(default)]
    pub simulated: bool,
    /// Set by the handler from the request's `User-Agent`.
    #[serde(skip)]
    pub user_agent: String,
}

/// An API and the call editor's raw fields.
#[derive(Debug, Clone, Deserialize)]
pub struct CallRequest {
    pub api: String,
    /// `[name, value]` pairs as the editor's form holds them.
    #[serde(default)]
    pub params: Vec<(String, String)>,
}

/// A phone's answer.
#[derive(Debug, Clone, Deserialize)]
pub struct AnswerRequest {
    pub phone: String,
    pub key: String,
    pub run: u64,
    pub status: Status,
    #[serde(default)]
    pub err_msg: String,
    #[serde(default)]
    pub data: Value,
    #[serde(default)]
    pub duration_ms: u64,
}

fn checked_call(call: &CallRequest) -> Result<Current, LiveError> {
    let Some(api) = app::catalog::api(&call.api) else {
        let shown: String = call.api.chars().take(64).collect();
        return Err(LiveError::bad_request(format!(
            "api: {shown:?} is not an API of the catalog (GET /api/catalog lists them)"
        )));
    };
    let args = live::parse_args(api, &call.params).map_err(LiveError::bad_request)?;
    Ok(Current {
        api: api.id.to_owned(),
        function: api.function.to_owned(),
        code: app::code::call_only(api, &args),
        args,
    })
}

/// Compares two keys in time independent of where they differ.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs()
}

fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_millis() as u64
}

struct Entry {
    state: SessionState,
    sender: broadcast::Sender<Numbered>,
}

/// The sessions held by this process. Cheap to clone.
#[derive(Clone, Default)]
pub struct LocalHub {
    sessions: Arc<Mutex<HashMap<String, Entry>>>,
}

impl LocalHub {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts a session (after dropping expired ones); `(id, key)`.
    pub fn create(&self) -> Result<(String, String), LiveError> {
        let mut sessions = self.lock();
        sessions.retain(|_, entry| !entry.state.expired());
        if sessions.len() >= MAX_SESSIONS {
            return Err(LiveError::unavailable(format!(
                "this instance holds {MAX_SESSIONS} live sessions, its limit: end one (or wait for one idle for {} hours to expire)",
                IDLE_EXPIRY_SECS / 3600
            )));
        }
        let state = SessionState::new();
        let ids = (state.id.clone(), state.key.clone());
        sessions.insert(
            state.id.clone(),
            Entry {
                state,
                sender: broadcast::channel(BACKLOG).0,
            },
        );
        Ok(ids)
    }

    /// Changes a session with `change` and publishes what it returns.
    pub fn change<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut SessionState) -> Result<(u64, Happening, T), LiveError>,
    ) -> Result<T, LiveError> {
        let mut sessions = self.lock();
        let entry = live_entry(&mut sessions, id)?;
        let (seq, happening, out) = change(&mut entry.state)?;
        let _ = entry.sender.send(Arc::new((seq, happening)));
        Ok(out)
    }

    /// A copy of a session's state.
    pub fn read(&self, id: &str) -> Result<SessionState, LiveError> {
        let mut sessions = self.lock();
        Ok(live_entry(&mut sessions, id)?.state.clone())
    }

    /// Ends a session: its streams get `ended`, and it is gone.
    pub fn end(&self, id: &str, key: &str) -> Result<(), LiveError> {
        let mut sessions = self.lock();
        let entry = live_entry(&mut sessions, id)?;
        entry.state.check_presenter(key)?;
        let seq = entry.state.seq + 1;
        let _ = entry.sender.send(Arc::new((seq, Happening::Ended)));
        sessions.remove(id);
        Ok(())
    }

    /// The session's snapshot and its happenings from now on (subscribed first, so none is
    /// missed between the two).
    pub fn listen(
        &self,
        id: &str,
    ) -> Result<(u64, Snapshot, broadcast::Receiver<Numbered>), LiveError> {
        let mut sessions = self.lock();
        let entry = live_entry(&mut sessions, id)?;
        let receiver = entry.sender.subscribe();
        Ok((entry.state.seq, entry.state.snapshot(false), receiver))
    }

    /// How many sessions this instance holds.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn live_entry<'a>(
    sessions: &'a mut HashMap<String, Entry>,
    id: &str,
) -> Result<&'a mut Entry, LiveError> {
    check_id(id)?;
    if sessions.get(id).is_some_and(|entry| entry.state.expired()) {
        sessions.remove(id);
    }
    sessions.get_mut(id).ok_or_else(LiveError::no_session)
}

/// A 400 unless `id` has the shape of a session id.
pub fn check_id(id: &str) -> Result<(), LiveError> {
    if live::valid_id(id) {
        Ok(())
    } else {
        Err(LiveError::bad_request(format!(
            "session must be the {} letters or digits of a live session's id",
            live::SESSION_ID_LEN
        )))
    }
}

/// The outcome helpers give `change`: a sequence number, the happening, nothing else.
pub fn plain((seq, happening): (u64, Happening)) -> (u64, Happening, ()) {
    (seq, happening, ())
}
