//! The error of the plain (non-Leptos) JSON routes, mapped to a status once.

use app::api::ApiError;
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};

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
            StatusCode::from_u16(self.0.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self.0)).into_response()
    }
}
