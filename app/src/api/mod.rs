//! Server functions: the browser's only way to the server's WeChat credentials.

pub mod code;
pub mod config_lint;
pub mod doctor;
pub mod error;
pub mod qa;
pub mod qr;
#[cfg(feature = "ssr")]
pub mod setup;
pub mod signing;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use error::{ApiError, ErrorKind};

/// Does nothing through the same server-function machinery as `js_config`: the
/// benchmark's baseline.
#[leptos::server(prefix = "/api", endpoint = "noop")]
pub async fn noop() -> Result<(), ApiError> {
    Ok(())
}
