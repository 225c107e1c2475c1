//! The playground's HTTP server: configuration, state, routes and lifecycle.
//!
//! `main.rs` only wires these together, so tests can build the same router.

pub mod catalog_api;
pub mod config;
pub mod http_error;
pub mod language;
pub mod live;
pub mod metrics;
pub mod qa_api;
pub mod qa_store;
pub mod rate_limit;
pub mod router;
pub mod setup_events;
pub mod shutdown;
pub mod simulator_api;
pub mod static_assets;
pub mod telemetry;
pub mod tools_api;
pub mod verify_files;
pub mod wechat_setup;
