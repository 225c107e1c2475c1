//! Live sessions (`/live`): the sessions' store ([`hub`]) and their HTTP surface ([`api`]):
//! JSON POSTs up (start, join, select, run, answer, end, save) and one server-sent event
//! stream down per page.

pub mod api;
pub mod hub;
pub mod shared;

use app::live::{Happening, Snapshot};
use hub::{LocalHub, Numbered, SessionState};
use shared::SharedHub;
use tokio::sync::broadcast;

use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};

/// A refusal: a 4xx (or 503 when the instance is full) naming what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveError {
    pub status: StatusCode,
    pub message: String,
}

impl LiveError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        LiveError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::FORBIDDEN, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::CONFLICT, message)
    }

    pub fn too_large(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::PAYLOAD_TOO_LARGE, message)
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        LiveError::new(StatusCode::SERVICE_UNAVAILABLE, message)
    }

    /// The session is unknown, ended or expired.
    pub fn no_session() -> Self {
        LiveError::not_found(
            "no such live session (it ended, expired or never existed): start a new one at /live",
        )
    }

    fn kind(&self) -> &'static str {
        match self.status {
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::CONFLICT => "conflict",
            StatusCode::PAYLOAD_TOO_LARGE => "too_large",
            StatusCode::SERVICE_UNAVAILABLE => "full",
            _ => "bad_input",
        }
    }
}

impl IntoResponse for LiveError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "kind": self.kind(), "message": self.message });
        (self.status, Json(body)).into_response()
    }
}

/// Where the sessions live: this process, or Redis (shared by every instance).
#[derive(Clone)]
pub enum LiveHub {
    Local(LocalHub),
    Shared(Box<SharedHub>),
}

impl Default for LiveHub {
    fn default() -> Self {
        LiveHub::Local(LocalHub::default())
    }
}

impl LiveHub {
    /// Sessions in Redis at `url` when given, else in this process.
    pub fn new(redis_url: Option<&str>) -> Result<LiveHub, redis::RedisError> {
        Ok(match redis_url {
            Some(url) => LiveHub::Shared(Box::new(SharedHub::new(url)?)),
            None => LiveHub::default(),
        })
    }

    /// Starts a session: `(id, presenter key)`.
    pub async fn create(&self) -> Result<(String, String), LiveError> {
        match self {
            LiveHub::Local(hub) => hub.create(),
            LiveHub::Shared(hub) => hub.create().await,
        }
    }

    /// Changes a session with `change` (which checks who asks) and publishes its happening.
    pub async fn change<T: Send>(
        &self,
        id: &str,
        change: impl FnOnce(&mut SessionState) -> Result<(u64, Happening, T), LiveError> + Send,
    ) -> Result<T, LiveError> {
        match self {
            LiveHub::Local(hub) => hub.change(id, change),
            LiveHub::Shared(hub) => hub.change(id, change).await,
        }
    }

    /// A copy of a session's state.
    pub async fn read(&self, id: &str) -> Result<SessionState, LiveError> {
        match self {
            LiveHub::Local(hub) => hub.read(id),
            LiveHub::Shared(hub) => hub.read(id).await,
        }
    }

    /// Ends a session (the presenter's key only).
    pub async fn end(&self, id: &str, key: &str) -> Result<(), LiveError> {
        match self {
            LiveHub::Local(hub) => hub.end(id, key),
            LiveHub::Shared(hub) => hub.end(id, key).await,
        }
    }

    /// The session's snapshot and its happenings from now on.
    pub async fn listen(
        &self,
        id: &str,
    ) -> Result<(u64, Snapshot, broadcast::Receiver<Numbered>), LiveError> {
        match self {
            LiveHub::Local(hub) => hub.listen(id),
            LiveHub::Shared(hub) => hub.listen(id).await,
        }
    }
}
