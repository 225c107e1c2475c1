//! The simulated WeChat client's endpoints: `POST /api/sim/verify_config` asks whether
//! WeChat would accept a `wx.config` and replays the answer (`config:ok`, `config:invalid
//! signature`…); `GET /api/sim/catalog.js` hands it the catalog.

use crate::http_error::{HttpError, JsonBody};
use app::{catalog::simulator_view, state::AppState};
use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use std::sync::LazyLock;
use wechat::api::{VerifyAnswer, VerifyRequest};
use wechat::input::{check, Field, Presence::Optional};
use wechat::signature::verify::{SignatureCheck, SignatureVerdict};

/// Checks the page's domain, appId and signature against this server's jsapi_ticket.
pub async fn verify_config(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<VerifyRequest>,
) -> Result<Json<VerifyAnswer>, HttpError> {
    for (field, value) in [
        (Field::Url, &request.url),
        (Field::NonceStr, &request.nonce_str),
        (Field::Signature, &request.signature),
        (Field::AppId, &request.app_id),
    ] {
        check(field, value, Optional).map_err(|error| HttpError::bad_request(error.to_string()))?;
    }
    Ok(Json(state.wechat.verify_config(&request).await?))
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
