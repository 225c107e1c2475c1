//! The server side of the WeChat JS-SDK, with no web framework in it.
//!
//! - [`signature`]: the `wx.config` signature, the card signatures (`cardExt`, `cardSign`) and
//!   the WeChat Pay v2 `paySign`, plus the generic tools behind them.
//! - [`page_url`]: which URL gets signed, and which are refused (JS safe domains, size, syntax).
//! - [`client`]: the WeChat API calls (token, stable_token, getticket, card code decrypt) with
//!   timeouts, bounded retries and typed errors that never carry the AppSecret or a token.
//! - [`credentials`]: the access_token and ticket cache: single-flight, refresh-ahead,
//!   compare-and-invalidate, persisted behind a [`credentials::CredentialStore`] trait.
//! - [`fake`] (feature `fake`): a stateful fake WeChat API with fault injection, for sandbox mode
//!   and tests.
//!
//! ```no_run
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

pub mod client;
pub mod clock;
pub mod credentials;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
pub mod nonce;
pub mod page_url;
pub mod secret;
pub mod signature;

pub use error::Error;
pub use secret::Secret;
