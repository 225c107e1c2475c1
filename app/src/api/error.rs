//! The one error type every server function returns: what failed, WeChat's errcode if
//! there was one, and what to do about it. Serialised as JSON so pages can show it.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Broad class of a failure; decides the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The request itself is wrong (bad URL, unknown API, value too long): 400.
    BadInput,
    /// The page's host is not a JS interface safe domain: 403.
    Forbidden,
    /// Too many requests from this client, or WeChat's daily quota: 429.
    RateLimited,
    /// The server's WeChat settings are wrong (appid, secret, IP whitelist): 503.
    Configuration,
    /// WeChat failed or could not be reached: 502.
    Upstream,
    /// Anything else: 500.
    Internal,
}

impl ErrorKind {
    /// The HTTP status this class maps to.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::BadInput => 400,
            ErrorKind::Forbidden => 403,
            ErrorKind::RateLimited => 429,
            ErrorKind::Configuration => 503,
            ErrorKind::Upstream => 502,
            ErrorKind::Internal => 500,
        }
    }
}

/// A failure a page can explain to its user. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub kind: ErrorKind,
    /// What failed, in a sentence.
    pub message: String,
    /// WeChat's errcode, when WeChat answered with one.
    pub errcode: Option<i64>,
    /// What to do about it.
    pub hint: Option<String>,
    /// The body was cut off at the size limit: still the caller's mistake (`bad_input`), but
    /// answered 413 rather than 400. Server side only.
    #[serde(skip)]
    too_large: bool,
}

impl ApiError {
    /// A failure of the given class with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
            errcode: None,
            hint: None,
            too_large: false,
        }
    }

    /// The HTTP status of this error: the one mapping, applied to every server function's
    /// answer when it is serialised (see [`FromServerFnError::ser`] below).
    pub fn status(&self) -> u16 {
        if self.too_large {
            413
        } else {
            self.kind.status()
        }
    }

    /// A 400: the input named in the message must be fixed.
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadInput, message)
    }

    /// Adds what to do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds WeChat's errcode.
    pub fn with_errcode(mut self, errcode: i64) -> Self {
        self.errcode = Some(errcode);
        self
    }
}

impl From<wechat::input::InputError> for ApiError {
    fn from(error: wechat::input::InputError) -> Self {
        ApiError::bad_input(error.to_string())
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // The body cap cut the body off while it was read (no Content-Length): http-body's
        // `LengthLimitError` says so in these words.
        let too_large = matches!(&value, ServerFnErrorErr::Args(m) | ServerFnErrorErr::Deserialization(m) if m.contains("length limit exceeded"));
        match value {
            _ if too_large => ApiError {
                too_large: true,
                ..ApiError::bad_input(
                    "the request body is over the server's size limit of 65536 bytes",
                )
                .with_hint("send only the page URL and the fields the endpoint takes")
            },
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::Deserialization(message) => {
                ApiError::bad_input(format!("the request's arguments are malformed: {message}"))
            }
            ServerFnErrorErr::Request(message) => ApiError::new(
                ErrorKind::Internal,
                format!("the request did not reach the server: {message}"),
            ),
            other => ApiError::new(ErrorKind::Internal, other.to_string()),
        }
    }

    /// Serialises the error and, on the server, sets the response's status from it: every
    /// server function answers its errors with their own status without calling anything.
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(
                http::StatusCode::from_u16(self.status())
                    .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
        // As the trait's default: an error that cannot be encoded is reported as that.
        let encode = <JsonEncoding as leptos::server_fn::Encodes<Self>>::encode;
        encode(self).unwrap_or_else(|error| {
            let fallback =
                Self::from_server_fn_error(ServerFnErrorErr::Serialization(error.to_string()));
            encode(&fallback).unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_arguments_are_a_client_error() {
        let error =
            ApiError::from_server_fn_error(ServerFnErrorErr::Args("missing field `url`".into()));
        assert_eq!(error.kind, ErrorKind::BadInput);
        assert_eq!(error.kind.status(), 400);
        assert!(error.message.contains("missing field `url`"));
    }

    #[test]
    fn errors_round_trip_as_json() {
        let error = ApiError::bad_input("url is empty")
            .with_hint("pass location.href")
            .with_errcode(40013);
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(serde_json::from_str::<ApiError>(&json).unwrap(), error);
    }
}
