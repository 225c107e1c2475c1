//! The fake's HTTP surface: WeChat's four endpoints and the `/__fake` control endpoints.

use super::faults::{errmsg_for, Fault, FaultSpec};
use super::ledger::TokenRefusal;
use super::{decrypt_code, Book, State};
use crate::client::{Endpoint, TicketKind};
use axum::body::Bytes;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

type Params = Query<HashMap<String, String>>;

pub(super) fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/cgi-bin/token", get(token))
        .route("/cgi-bin/stable_token", post(stable_token))
        .route("/cgi-bin/ticket/getticket", get(ticket))
        .route("/card/code/decrypt", post(decrypt))
        .route("/__fake/faults", post(add_faults))
        .route("/__fake/stats", get(stats))
        .route("/__fake/reset", post(reset))
        .with_state(state)
}

/// An answer before faults are applied.
enum Answer {
    Success(Value),
    Error(i64),
}

fn error_json(errcode: i64, errmsg: &str) -> Value {
    json!({ "errcode": errcode, "errmsg": errmsg })
}

/// Counts the call, waits at a hold, applies a queued fault or computes the real answer.
async fn serve(
    state: &State,
    endpoint: Endpoint,
    empty: Value,
    answer: impl FnOnce(&State, &mut Book) -> Answer,
) -> Response {
    *state.book().calls.entry(endpoint).or_default() += 1;
    let gate = state.gates().get(&endpoint).cloned();
    if let Some(gate) = gate {
        gate.pass().await;
    }
    let fault = state.book().faults.take(endpoint);
    if let Some(Fault::Latency { ms }) = fault {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let mut book = state.book();
    let answer = match fault {
        Some(Fault::Errcode { errcode, errmsg }) => {
            let errmsg = errmsg.unwrap_or_else(|| errmsg_for(errcode).to_owned());
            *book
                .errors
                .entry(endpoint)
                .or_default()
                .entry(errcode)
                .or_default() += 1;
            return Json(error_json(errcode, &errmsg)).into_response();
        }
        Some(Fault::HttpStatus { status }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            return (status, "fake upstream failure").into_response();
        }
        Some(Fault::MalformedJson) => {
            return (
                [("content-type", "text/html")],
                "<html><body>502 Bad Gateway</body></html>",
            )
                .into_response();
        }
        Some(Fault::EmptyCredential) => return Json(empty).into_response(),
        Some(Fault::Latency { .. }) | None => answer(state, &mut book),
    };
    match answer {
        Answer::Success(value) => Json(value).into_response(),
        Answer::Error(errcode) => {
            *book
                .errors
                .entry(endpoint)
                .or_default()
                .entry(errcode)
                .or_default() += 1;
            Json(error_json(errcode, errmsg_for(errcode))).into_response()
        }
    }
}

/// appid/secret checks shared by both token endpoints.
fn check_account(state: &State, appid: Option<&str>, secret: Option<&str>) -> Result<(), i64> {
    if appid != Some(state.config.app_id.as_str()) {
        return Err(40013);
    }
    if secret != Some(state.config.app_secret.as_str()) {
        return Err(40125);
    }
    Ok(())
}

async fn token(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Response {
    let empty = json!({ "access_token": "", "expires_in": state.config.expires_in });
    serve(&state, Endpoint::Token, empty, |state, book| {
        if params.get("grant_type").map(String::as_str) != Some("client_credential") {
            return Answer::Error(40002);
        }
        if let Err(errcode) = check_account(
            state,
            params.get("appid").map(String::as_str),
            params.get("secret").map(String::as_str),
        ) {
            return Answer::Error(errcode);
        }
        let now = state.now();
        if !book
            .ledger
            .take_token_quota(now, state.config.daily_token_quota)
        {
            return Answer::Error(45009);
        }
        let token =
            book.ledger
                .issue_token(now, state.config.expires_in, state.config.token_overlap);
        Answer::Success(json!({ "access_token": token, "expires_in": state.config.expires_in }))
    })
    .await
}

#[derive(Deserialize)]
struct StableTokenRequest {
    grant_type: String,
    appid: Option<String>,
    secret: Option<String>,
    #[serde(default)]
    force_refresh: bool,
}

async fn stable_token(Shared(state): Shared<Arc<State>>, body: Bytes) -> Response {
    let empty = json!({ "access_token": "", "expires_in": state.config.expires_in });
    serve(&state, Endpoint::StableToken, empty, |state, book| {
        let Ok(request) = serde_json::from_slice::<StableTokenRequest>(&body) else {
            return Answer::Error(47001);
        };
        if request.grant_type != "client_credential" {
            return Answer::Error(40002);
        }
        if let Err(errcode) =
            check_account(state, request.appid.as_deref(), request.secret.as_deref())
        {
            return Answer::Error(errcode);
        }
        let now = state.now();
        // Normal mode hands out the current token with what is left of its life.
        if !request.force_refresh {
            if let Some((token, remaining)) = book.ledger.latest_valid_token(now) {
                return Answer::Success(json!({ "access_token": token, "expires_in": remaining }));
            }
        }
        let token =
            book.ledger
                .issue_token(now, state.config.expires_in, state.config.token_overlap);
        Answer::Success(json!({ "access_token": token, "expires_in": state.config.expires_in }))
    })
    .await
}

fn token_refusal(refusal: TokenRefusal) -> Answer {
    Answer::Error(refusal.errcode())
}

async fn ticket(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Response {
    let kind = match params.get("type").map(String::as_str) {
        Some("jsapi") => TicketKind::Jsapi,
        Some("wx_card") => TicketKind::WxCard,
        _ => return Json(error_json(40097, errmsg_for(40097))).into_response(),
    };
    let empty = json!({ "errcode": 0, "errmsg": "ok", "ticket": "", "expires_in": state.config.expires_in });
    serve(&state, kind.endpoint(), empty, |state, book| {
        let token = params
            .get("access_token")
            .map(String::as_str)
            .unwrap_or_default();
        let now = state.now();
        if let Err(refusal) = book
            .ledger
            .check_token(token, now, state.config.token_overlap)
        {
            return token_refusal(refusal);
        }
        let ticket = book.ledger.issue_ticket(kind, now, state.config.expires_in);
        Answer::Success(json!({
            "errcode": 0,
            "errmsg": "ok",
            "ticket": ticket,
            "expires_in": state.config.expires_in,
        }))
    })
    .await
}

async fn decrypt(
    Shared(state): Shared<Arc<State>>,
    Query(params): Params,
    body: Bytes,
) -> Response {
    let empty = json!({ "errcode": 0, "errmsg": "ok", "code": "" });
    serve(&state, Endpoint::DecryptCode, empty, |state, book| {
        let token = params
            .get("access_token")
            .map(String::as_str)
            .unwrap_or_default();
        if let Err(refusal) =
            book.ledger
                .check_token(token, state.now(), state.config.token_overlap)
        {
            return token_refusal(refusal);
        }
        let encrypted = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|body| body.get("encrypt_code")?.as_str().map(str::to_owned));
        match encrypted.as_deref().and_then(decrypt_code) {
            Some(code) => Answer::Success(json!({ "errcode": 0, "errmsg": "ok", "code": code })),
            None => Answer::Error(40056),
        }
    })
    .await
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FaultsBody {
    One(FaultSpec),
    Many(Vec<FaultSpec>),
}

async fn add_faults(Shared(state): Shared<Arc<State>>, body: Bytes) -> Response {
    let specs =
        match serde_json::from_slice::<FaultsBody>(&body) {
            Ok(FaultsBody::One(spec)) => vec![spec],
            Ok(FaultsBody::Many(specs)) => specs,
            Err(error) => return (
                StatusCode::BAD_REQUEST,
                Json(
                    json!({ "error": format!("expected a fault or an array of faults: {error}") }),
                ),
            )
                .into_response(),
        };
    let queued = specs.len();
    let mut book = state.book();
    for spec in specs {
        book.faults.push(spec);
    }
    Json(json!({ "queued": queued })).into_response()
}

async fn stats(Shared(state): Shared<Arc<State>>) -> Response {
    Json(super::FakeWechat { state }.stats()).into_response()
}

async fn reset(Shared(state): Shared<Arc<State>>) -> Response {
    super::FakeWechat { state }.reset();
    Json(json!({ "reset": true })).into_response()
}
