//! The access_token and ticket cache.
//!
//! - **Single-flight**: however many requests find a credential missing or expired, one
//!   upstream fetch runs per credential and every waiter gets its result (success or error).
//! - **Refresh-ahead**: a credential is renewed once it enters the last
//!   [`StoredCredential::refresh_margin`] of its life, while the still-valid one keeps being
//!   served; [`CredentialService::spawn_refresher`] does it in the background so requests never wait.
//! - **Compare-and-invalidate**: an access_token refused with 40001/40014/42001 is dropped only
//!   if it is still the cached one, so concurrent failures cause a single new fetch.
//! - **Persistence** behind [`CredentialStore`] ([`MemoryStore`], [`FileStore`]): a restart
//!   within validity costs no upstream call.
//! - **Shared** (`RedisStore`, feature `redis`): several instances share one cache and one
//!   upstream fetch per credential (a lease in Redis).
//! - **Daily budget**: forced refreshes are refused once a credential's documented daily fetch
//!   limit would be exceeded ([`DailyLimits`]).
//! - **Negative caching**: after a failed fetch, callers get the same error for a short,
//!   growing cooldown instead of hammering WeChat (and its daily quota).

mod credential;
mod file_store;
mod quota;
#[cfg(feature = "redis")]
mod redis_store;
mod service;
mod slot;
mod stats;
mod store;

pub use credential::{CredentialKind, Phase, StoredCredential, MAX_REFRESH_MARGIN};
pub use file_store::FileStore;
pub use quota::{quota_day, DailyLimits, QuotaStatus};
#[cfg(feature = "redis")]
pub use redis_store::{RedisOptions, RedisStore, RedisTls, RedisTlsError};
pub use service::{ChooseCardFilter, CredentialService, CredentialStatus, ServiceOptions};
pub use stats::CacheStats;
pub use store::{CredentialStore, LeaseStats, MemoryStore, RefreshPermit, StoreError};
