//! The live sessions' endpoints. Who may do what: anyone may start a session (the instance
//! holds at most `MAX_SESSIONS`) and watch one whose id they have (the join link); only the
//! presenter's key selects, runs, ends and saves; a phone answers with its own key, for
//! itself. Every refusal is a JSON `{kind, message}` with a 4xx naming what to fix.

use super::{
    hub::{plain, AnswerRequest, CallRequest, JoinRequest, SessionState},
    LiveError, LiveHub,
};
use crate::http_error::JsonBody;
use app::{
    live::{Happening, Phone, Snapshot, Status},
    qa::{
        report::{bounded_data, validate, DeviceFacts, QaReport, QaResult, QaStatus},
        repository::ReportRepository,
    },
};
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Redirect, Response,
    },
    routing::{get, post},
    Json, Router,
};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use serde_json::json;
use std::{convert::Infallible, sync::Arc, time::Duration};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

/// What the live endpoints need.
#[derive(Clone)]
pub struct LiveState {
    pub hub: LiveHub,
    pub reports: Arc<dyn ReportRepository>,
}

/// How soon a disconnected `EventSource` tries again.
const RETRY: Duration = Duration::from_secs(2);

/// The live routes, with their own state.
pub fn routes<S>(state: LiveState) -> Router<S> {
    Router::new()
        .route("/live/start", post(start_form))
        .route("/api/live", post(start))
        .route("/api/live/{id}/join", post(join))
        .route("/api/live/{id}/select", post(select))
        .route("/api/live/{id}/run", post(run))
        .route("/api/live/{id}/answer", post(answer))
        .route("/api/live/{id}/end", post(end))
        .route("/api/live/{id}/save", post(save))
        .route("/api/live/{id}/events", get(events))
        .with_state(state)
}

/// The presenter's page of a session; its key rides in the fragment, which no request carries.
fn presenter_url(id: &str, key: &str) -> String {
    format!("/live/{id}/present#key={key}")
}

/// `POST /api/live`: a new session → 201 `{session, key, presenter, join}`.
async fn start(State(state): State<LiveState>) -> Result<Response, LiveError> {
    let (id, key) = state.hub.create().await?;
    let body = json!({
        "session": id,
        "presenter": presenter_url(&id, &key),
        "join": format!("/live/{id}"),
        "key": key,
    });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `POST /live/start` (the `/live` page's button, no script needed): to the presenter's page.
async fn start_form(State(state): State<LiveState>) -> Result<Redirect, LiveError> {
    let (id, key) = state.hub.create().await?;
    Ok(Redirect::to(&presenter_url(&id, &key)))
}

/// `POST /api/live/{id}/join` `{name, ask_first, simulated}` → 201 `{phone, key}`; the device
/// facts come from the request's `User-Agent`.
async fn join(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    JsonBody(mut request): JsonBody<JoinRequest>,
) -> Result<Response, LiveError> {
    request.user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (phone, key): (Phone, String) = state
        .hub
        .change(&id, |session| {
            let (seq, happening, key) = session.join(request)?;
            let Happening::Joined(phone) = &happening else {
                unreachable!("join announces the phone")
            };
            let phone = phone.clone();
            Ok((seq, happening, (phone, key)))
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "phone": phone, "key": key })),
    )
        .into_response())
}

/// A presenter's request: the key and the call.
#[derive(Deserialize)]
struct Drive {
    key: String,
    #[serde(flatten)]
    call: CallRequest,
}

/// `POST /api/live/{id}/select` `{key, api, params}`: the phones follow this API → its call.
async fn select(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    JsonBody(drive): JsonBody<Drive>,
) -> Result<Response, LiveError> {
    let current = state
        .hub
        .change(&id, |session| {
            let (seq, happening) = session.select(&drive.key, drive.call)?;
            let Happening::Api(current) = &happening else {
                unreachable!("select announces the API")
            };
            let current = current.clone();
            Ok((seq, happening, current))
        })
        .await?;
    Ok(Json(current).into_response())
}

/// `POST /api/live/{id}/run` `{key, api, params}`: every phone runs it → 201 the run.
async fn run(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    JsonBody(drive): JsonBody<Drive>,
) -> Result<Response, LiveError> {
    let run = state
        .hub
        .change(&id, |session| {
            let (seq, happening) = session.run(&drive.key, drive.call)?;
            let Happening::Run(run) = &happening else {
                unreachable!("run announces the run")
            };
            let run = run.clone();
            Ok((seq, happening, run))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(run)).into_response())
}

/// `POST /api/live/{id}/answer` `{phone, key, run, status, err_msg, data, duration_ms}` → 204.
async fn answer(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    JsonBody(answer): JsonBody<AnswerRequest>,
) -> Result<StatusCode, LiveError> {
    state
        .hub
        .change(&id, |session| session.answer(answer).map(plain))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The presenter's key alone.
#[derive(Deserialize)]
struct Key {
    key: String,
}

/// `POST /api/live/{id}/end` `{key}` → 204; every stream gets `ended`.
async fn end(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    JsonBody(Key { key }): JsonBody<Key>,
) -> Result<StatusCode, LiveError> {
    state.hub.end(&id, &key).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/live/{id}/save` `{key}` → 201 `{reports: [{id, url, phone, name}]}`: one QA report
/// per phone that answered, listed and comparable like any other.
async fn save(
    State(state): State<LiveState>,
    Path(id): Path<String>,
    JsonBody(Key { key }): JsonBody<Key>,
) -> Result<Response, LiveError> {
    let session = state.hub.read(&id).await?;
    session.check_presenter(&key)?;
    let mut saved = Vec::new();
    for (report, phone) in reports_of(&session) {
        validate(&report).map_err(|e| LiveError::bad_request(e.to_string()))?;
        let stored = state.reports.save(report).await.map_err(|e| LiveError {
            status: StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            message: e.message,
        })?;
        saved.push(json!({
            "id": stored.id,
            "url": format!("/qa/reports/{}", stored.id),
            "phone": phone.id,
            "name": phone.name,
        }));
    }
    Ok((StatusCode::CREATED, Json(json!({ "reports": saved }))).into_response())
}

/// One QA report per phone that answered: for each API its latest answer on that phone.
pub fn reports_of(session: &SessionState) -> Vec<(QaReport, Phone)> {
    let mut out = Vec::new();
    for (phone, _) in &session.phones {
        let mut results: Vec<QaResult> = Vec::new();
        for answer in session.answers.iter().filter(|a| a.phone == phone.id) {
            let Some(run) = session.runs.iter().find(|r| r.run == answer.run) else {
                continue;
            };
            let result = QaResult {
                api: run.call.api.clone(),
                status: match answer.status {
                    Status::Ok => QaStatus::Ok,
                    Status::Cancel => QaStatus::Cancel,
                    Status::Fail => QaStatus::Fail,
                },
                err_msg: answer.err_msg.clone(),
                data: bounded_data(&answer.data),
                duration_ms: Some(answer.duration_ms),
                at: hms(run.started_at + answer.duration_ms),
            };
            results.retain(|r| r.api != result.api);
            results.push(result);
        }
        if results.is_empty() {
            continue;
        }
        let facts = wechat::user_agent::parse(&phone.user_agent);
        let report = QaReport {
            device: DeviceFacts {
                user_agent: phone.user_agent.clone(),
                wechat_version: facts.wechat_version,
                os: facts.os,
                os_version: facts.os_version,
                screen: String::new(),
                network_type: String::new(),
                js_api_support: Default::default(),
                simulated: phone.simulated,
            },
            results,
            note: format!("live session {} · {}", session.id, phone.name),
        };
        out.push((report, phone.clone()));
    }
    out
}

/// `HH:MM:SS` (UTC) of a time in milliseconds since the epoch.
fn hms(millis: u64) -> String {
    let secs = millis / 1000 % 86_400;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// `GET /api/live/{id}/events`: a `snapshot` first (on every connection, so a page that comes
/// back redraws from it and a phone sees which runs it answered), then `joined`, `api`, `run`,
/// `answer`, `ended` as they happen; each with the session's sequence number as its `id`.
async fn events(
    State(state): State<LiveState>,
    Path(id): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, LiveError> {
    let (seq, snapshot, receiver) = state.hub.listen(&id).await?;
    let deadline = Instant::now() + crate::setup_events::STREAM_LIFETIME;
    let first = snapshot_event(seq, &snapshot).retry(RETRY);
    let hub = state.hub.clone();
    let rest = stream::unfold(
        (receiver, hub, id, false),
        move |(mut receiver, hub, id, done)| async move {
            if done {
                return None;
            }
            loop {
                let next = tokio::time::timeout_at(deadline, receiver.recv()).await;
                let event = match next {
                    Err(_) | Ok(Err(RecvError::Closed)) => return None,
                    // Too slow to follow: a fresh snapshot stands for what it missed.
                    Ok(Err(RecvError::Lagged(_))) => match hub.read(&id).await {
                        Ok(state) => snapshot_event(state.seq, &state.snapshot(false)),
                        Err(_) => return None,
                    },
                    // Already in the snapshot this stream began with.
                    Ok(Ok(numbered)) if numbered.0 <= seq => continue,
                    Ok(Ok(numbered)) => {
                        let (seq, happening) = &*numbered;
                        let ended = matches!(happening, Happening::Ended);
                        let event = happening_event(*seq, happening);
                        if ended {
                            return Some((Ok(event), (receiver, hub, id, true)));
                        }
                        event
                    }
                };
                return Some((Ok(event), (receiver, hub, id, false)));
            }
        },
    );
    let stream = futures_util::StreamExt::chain(stream::once(async move { Ok(first) }), rest);
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

fn snapshot_event(seq: u64, snapshot: &Snapshot) -> Event {
    Event::default()
        .event("snapshot")
        .id(seq.to_string())
        .data(serde_json::to_string(snapshot).unwrap_or_default())
}

fn happening_event(seq: u64, happening: &Happening) -> Event {
    let data = serde_json::to_value(happening)
        .ok()
        .and_then(|mut v| v.get_mut("data").map(serde_json::Value::take))
        .unwrap_or(serde_json::Value::Null);
    Event::default()
        .event(happening.name())
        .id(seq.to_string())
        .data(data.to_string())
}
