//! The error of the plain (non-Leptos) JSON routes, mapped to a status once.

use app::api::ApiError;
use axum::{
    extract::{FromRequest, Request},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::de::DeserializeOwned;

/// A JSON error answer: `{"kind", "message", "errcode", "hint"}` with a matching status.
#[derive(Debug)]
pub struct HttpError(pub ApiError);

impl HttpError {
    /// A 400 naming what to fix.
    pub fn bad_request(message: impl Into<String>) -> Self {
        HttpError(ApiError::bad_input(message))
    }
}

impl From<ApiError> for HttpError {
    fn from(error: ApiError) -> Self {
        HttpError(error)
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.0)).into_response()
    }
}

/// A JSON request body whose rejection is the JSON error too: malformed JSON, a missing or
/// mistyped field (named, with its path) or a wrong content type get a 4xx `{kind, message}`
/// instead of axum's plain-text answer.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonBody<T>(pub T);

impl<T, S> FromRequest<S> for JsonBody<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(rejection) => {
                let status = match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    _ => StatusCode::BAD_REQUEST,
                };
                let error = ApiError::bad_input(format!(
                    "the request body is not the JSON expected: {}",
                    rejection.body_text()
                ))
                .with_hint("send a JSON object with the fields documented in README.md, with Content-Type: application/json");
                Err((status, Json(error)).into_response())
            }
        }
    }
}

/// Turns the body cap's plain-text 413 into the JSON error every endpoint answers.
pub async fn json_payload_too_large(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE || is_json {
        return response;
    }
    let error = ApiError::bad_input(format!(
        "the request body is larger than {} bytes",
        crate::router::MAX_BODY_BYTES
    ))
    .with_hint("send only the page URL and the fields the endpoint takes");
    (StatusCode::PAYLOAD_TOO_LARGE, Json(error)).into_response()
}
