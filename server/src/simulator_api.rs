//! `POST /api/sim/verify_config`: the simulated WeChat client asks whether WeChat would
//! accept a `wx.config`, and replays the answer (`config:ok`, `config:invalid signature`…).

use crate::http_error::{HttpError, JsonBody};
use app::state::AppState;
use axum::{extract::State, Json};
use wechat::api::{VerifyAnswer, VerifyRequest};
use wechat::input::{check, Field, Presence::Optional};

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
