//! `POST /api/sim/verify_config`: the simulated WeChat client asks whether WeChat would
//! accept a `wx.config`, and replays the answer (`config:ok`, `config:invalid signature`…).

use crate::http_error::{HttpError, JsonBody};
use app::{state::AppState, wechat_gateway::VerifyRequest};
use axum::{extract::State, Json};

/// Checks the page's domain, appId and signature against this server's jsapi_ticket.
pub async fn verify_config(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<VerifyRequest>,
) -> Result<Json<app::wechat_gateway::VerifyAnswer>, HttpError> {
    if request.url.len() > 4096 || request.nonce_str.len() > 64 || request.signature.len() > 64 {
        return Err(HttpError::bad_request(
            "url, nonceStr or signature is too long",
        ));
    }
    Ok(Json(state.wechat.verify_config(&request).await?))
}
