//! The WeChat JS-SDK's rules and its server side, with no web framework in it.
//!
//! With no features the crate is the **pure core**: [`signature`], [`page_url`], [`user_agent`] and [`secret`]
//! do no I/O and build for `wasm32-unknown-unknown`, so the browser and the server run the same
//! code for the same rule. Features add the rest: `client` (the WeChat API client, the clock,
//! nonces), `credentials` (default: the cache), `redis` (the shared store) and `fake` (the fake
//! WeChat API; not a default).
//!
//! - [`api`]: the playground's HTTP API as types, and the rules that need no credential.
//! - [`input`]: the limits on what a page sends, written once.
//! - [`signature`]: the `wx.config` signature, the card signatures (`cardExt`, `cardSign`) and
//!   the WeChat Pay v2 `paySign`, plus the generic tools behind them.
//! - [`page_url`]: which URL gets signed (the iOS landing-URL rule, the fragment cut), and which
//!   are refused (JS safe domains, size, syntax).
//! - [`user_agent`]: WeChat or not, its version, the OS.
//! - `client` (feature `client`): the WeChat API calls (token, stable_token, getticket, card code decrypt) with
//!   timeouts, bounded retries and typed errors that never carry the AppSecret or a token.
//! - `credentials` (feature `credentials`): the access_token and ticket cache: single-flight, refresh-ahead,
//!   compare-and-invalidate, persisted behind a `CredentialStore` trait.
//! - `fake` (feature `fake`): a stateful fake WeChat API with fault injection, for sandbox mode
//!   and tests.
//!
//! ```no_run
//! # #[cfg(all(feature = "credentials", feature = "fake"))]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use wechat::{client::{ClientConfig, WechatClient}, credentials::{CredentialService, MemoryStore},
//!              fake::{FakeConfig, FakeWechat}, page_url::SafeDomains};
//!
//! let fake = FakeWechat::spawn(FakeConfig::sandbox()).await?;
//! let client = WechatClient::new(ClientConfig::sandbox(&fake.base_url))?;
//! let service = CredentialService::new(client, Arc::new(MemoryStore::default()));
//! let config = service
//!     .js_config("https://example.com/page?a=1", &SafeDomains::any(), vec!["scanQRCode".into()], vec![], false)
//!     .await?;
//! println!("{}", serde_json::to_string(&config)?);
//! # Ok(()) }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
pub mod auth_url;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod clock;
pub mod config_lint;
#[cfg(feature = "credentials")]
pub mod credentials;
#[cfg(feature = "credentials")]
mod error;
#[cfg(feature = "fake")]
pub mod fake;
pub mod input;
#[cfg(feature = "client")]
pub mod nonce;
pub mod page_url;
pub mod secret;
pub mod signature;
pub mod user_agent;
pub mod verify_file;

#[cfg(feature = "credentials")]
pub use error::Error;
pub use secret::Secret;
