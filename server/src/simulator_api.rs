//! The simulated WeChat client's endpoints: `POST /api/sim/verify_config` asks whether
//! WeChat would accept a `wx.config` and replays the answer (`config:ok`, `config:invalid
//! signature`…); `GET /api/sim/catalog.js` hands it the catalog; `POST /api/sim/rehearse`
//! plays one of the fake WeChat API's faults against a private copy of the credential
//! service (its own fake, never the server's credentials) and says how the server coped.

use crate::http_error::{HttpError, JsonBody};
use app::catalog::profiles::{ServerFault, MAX_BOUND_DOMAINS};
use app::{catalog::simulator_view, state::AppState};
use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use wechat::api::{VerifyAnswer, VerifyRequest};
use wechat::client::{ClientConfig, Endpoint, TicketKind, WechatClient};
use wechat::credentials::{CredentialKind, CredentialService, MemoryStore};
use wechat::fake::{FakeConfig, FakeWechat, Fault};
use wechat::input::{check, Field, Presence::Optional};
use wechat::page_url::SafeDomains;
use wechat::signature::verify::{SignatureCheck, SignatureVerdict};

/// The simulator's question, and the account's bound domains when a scenario says which.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimVerifyRequest {
    #[serde(flatten)]
    request: VerifyRequest,
    /// The account's JS interface safe domains, instead of this server's (at most
    /// [`MAX_BOUND_DOMAINS`], host names).
    #[serde(default)]
    bound_domains: Vec<String>,
}

/// Checks the page's domain, appId and signature against this server's jsapi_ticket.
pub async fn verify_config(
    State(state): State<AppState>,
    JsonBody(SimVerifyRequest {
        request,
        bound_domains,
    }): JsonBody<SimVerifyRequest>,
) -> Result<Json<VerifyAnswer>, HttpError> {
    for (field, value) in [
        (Field::Url, &request.url),
        (Field::NonceStr, &request.nonce_str),
        (Field::Signature, &request.signature),
        (Field::AppId, &request.app_id),
    ] {
        check(field, value, Optional).map_err(|error| HttpError::bad_request(error.to_string()))?;
    }
    if bound_domains.is_empty() {
        return Ok(Json(state.wechat.verify_config(&request).await?));
    }
    if bound_domains.len() > MAX_BOUND_DOMAINS {
        return Err(HttpError::bad_request(format!(
            "boundDomains: at most {MAX_BOUND_DOMAINS} domains"
        )));
    }
    for domain in &bound_domains {
        check_text(Field::Url, domain)?;
    }
    let bound = SafeDomains::new(&bound_domains)
        .map_err(|error| HttpError::bad_request(format!("boundDomains: {error}")))?;
    Ok(Json(
        state
            .wechat
            .verify_config_bound(&request, Some(&bound))
            .await?,
    ))
}

/// `POST /api/sim/rehearse`'s body: which fault.
#[derive(serde::Deserialize)]
pub struct RehearseRequest {
    fault: ServerFault,
}

/// How the server coped with a fault: codes and counts, never a credential.
#[derive(Debug, serde::Serialize)]
pub struct Rehearsal {
    fault: ServerFault,
    /// `ok` (the ticket was fetched, after renewals if any) or `failed`.
    outcome: &'static str,
    /// What WeChat answered, per endpoint (`token`, `jsapi_ticket`), errcode and times.
    wechat_errors: Vec<(String, i64, u64)>,
    /// Calls the fake received during the fault (after the first, warm fetch).
    token_calls: u64,
    ticket_calls: u64,
    /// On failure: what a page asking for a signature would be answered, and its HTTP status.
    error: Option<app::api::ApiError>,
    http_status: Option<u16>,
}

/// Rehearsals running at once.
static REHEARSALS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// How long the rehearsal's client waits for WeChat (the timeout fault waits longer).
const REHEARSAL_TIMEOUT: Duration = Duration::from_millis(800);

/// Plays `fault` against a fresh fake WeChat API and a fresh credential service built as the
/// server's own (same retries, same renewal on a refused token), so the server's cache and
/// throttle, shared by every page, are left alone. In live mode too: the rehearsal uses the
/// fake's public sandbox account, never the server's credentials.
pub async fn rehearse(
    JsonBody(RehearseRequest { fault }): JsonBody<RehearseRequest>,
) -> Result<Json<Rehearsal>, HttpError> {
    // At most a few at once, however many clients ask (each binds a loopback port).
    let Ok(_permit) = REHEARSALS.try_acquire() else {
        return Err(HttpError(app::api::ApiError::new(
            app::api::ErrorKind::RateLimited,
            "too many rehearsals at once; try again in a moment".to_owned(),
        )));
    };
    let internal = |error: String| {
        HttpError(app::api::ApiError::new(
            app::api::ErrorKind::Internal,
            error,
        ))
    };
    let mut config = FakeConfig::sandbox();
    config.token_overlap = 0;
    let fake = FakeWechat::spawn(config)
        .await
        .map_err(|error| internal(format!("cannot start a fake WeChat API: {error}")))?;
    let mut client = ClientConfig::sandbox(&fake.base_url);
    client.timeout = REHEARSAL_TIMEOUT;
    client.retry_backoff = Duration::from_millis(20);
    let client = WechatClient::new(client).map_err(|error| internal(error.to_string()))?;
    let service = CredentialService::new(client, Arc::new(MemoryStore::default()));
    service
        .ticket(TicketKind::Jsapi)
        .await
        .map_err(|error| internal(error.to_string()))?;
    let (tokens, tickets) = (
        fake.calls(Endpoint::Token),
        fake.calls(Endpoint::JsapiTicket),
    );
    match fault {
        ServerFault::TokenRotated => {
            fake.rotate_token();
        }
        ServerFault::Quota => fake.inject(Endpoint::JsapiTicket, errcode(45009), 1),
        ServerFault::Busy => fake.inject(Endpoint::JsapiTicket, errcode(-1), 3),
        ServerFault::Timeout => fake.inject(
            Endpoint::JsapiTicket,
            Fault::Latency {
                ms: REHEARSAL_TIMEOUT.as_millis() as u64 * 4,
            },
            1,
        ),
    }
    let result = service.force_refresh(CredentialKind::JsapiTicket).await;
    let stats = fake.stats();
    let mut wechat_errors: Vec<(String, i64, u64)> = stats
        .errors
        .iter()
        .flat_map(|(endpoint, codes)| {
            codes
                .iter()
                .map(move |(code, times)| (endpoint.to_string(), *code, *times))
        })
        .collect();
    wechat_errors.sort();
    let error = result
        .as_ref()
        .err()
        .cloned()
        .map(app::wechat_gateway::api_error);
    Ok(Json(Rehearsal {
        fault,
        outcome: if result.is_ok() { "ok" } else { "failed" },
        wechat_errors,
        token_calls: fake.calls(Endpoint::Token) - tokens,
        ticket_calls: fake.calls(Endpoint::JsapiTicket) - tickets,
        http_status: error.as_ref().map(app::api::ApiError::status),
        error,
    }))
}

fn errcode(errcode: i64) -> Fault {
    Fault::Errcode {
        errcode,
        errmsg: None,
    }
}

/// `POST /api/sim/verify_signature`: checks a `cardSign`, a `cardExt` or a `paySign` the
/// simulated client was handed, with the values the call carries; every value is bounded
/// first (400 naming the field).
pub async fn verify_signature(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<SignatureCheck>,
) -> Result<Json<SignatureVerdict>, HttpError> {
    let fields: Vec<(Field, &String)> = match &request {
        SignatureCheck::CardSign {
            app_id,
            location_id,
            card_type,
            card_id,
            time_stamp,
            nonce_str,
            sign_type,
            card_sign,
        } => vec![
            (Field::AppId, app_id),
            (Field::LocationId, location_id),
            (Field::CardType, card_type),
            (Field::CardId, card_id),
            (Field::Timestamp, time_stamp),
            (Field::NonceStr, nonce_str),
            (Field::SignType, sign_type),
            (Field::Signature, card_sign),
        ],
        SignatureCheck::CardExt { card_id, card_ext } => {
            vec![(Field::CardId, card_id), (Field::CardExt, card_ext)]
        }
        SignatureCheck::PaySign {
            app_id,
            time_stamp,
            nonce_str,
            package,
            sign_type,
            pay_sign,
        } => vec![
            (Field::AppId, app_id),
            (Field::Timestamp, time_stamp),
            (Field::NonceStr, nonce_str),
            (Field::Package, package),
            (Field::SignType, sign_type),
            (Field::Signature, pay_sign),
        ],
    };
    for (field, value) in fields {
        check_text(field, value)?;
    }
    Ok(Json(state.wechat.verify_signature(&request).await?))
}

fn check_text(field: Field, value: &str) -> Result<(), HttpError> {
    check(field, value, Optional)
        .map(|_| ())
        .map_err(|error| HttpError::bad_request(error.to_string()))
}

/// The catalog script, made once per process, and its ETag.
static SCRIPT: LazyLock<(String, String)> = LazyLock::new(|| {
    let script = simulator_view::catalog_script();
    let etag = format!("\"{}\"", wechat::signature::sha1_hex(&script));
    (script, etag)
});

/// The catalog script's text (part of the asset version).
pub fn catalog_script_text() -> &'static str {
    &SCRIPT.0
}

/// What `GET /api/sim/catalog.js` may be asked with: `v`, the asset version of the page.
#[derive(serde::Deserialize)]
pub struct CatalogQuery {
    v: Option<String>,
}

/// `GET /api/sim/catalog.js`: the catalog as the simulator reads it, a classic script that
/// sets `window.__wxSimCatalog`; pages load it right before `simulator.js`, with their
/// asset version (`?v=`), which makes it cacheable for a year.
pub async fn catalog_script(
    State(state): State<AppState>,
    Query(query): Query<CatalogQuery>,
    headers: HeaderMap,
) -> Response {
    let (script, etag) = &*SCRIPT;
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tag| tag.as_bytes() == etag.as_bytes());
    let cache = [
        (
            header::CACHE_CONTROL,
            crate::static_assets::catalog_cache(query.v.as_deref(), &state),
        ),
        (header::ETAG, etag.parse().expect("a hex digest in quotes")),
    ];
    if fresh {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    (
        cache,
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        script.as_str(),
    )
        .into_response()
}
