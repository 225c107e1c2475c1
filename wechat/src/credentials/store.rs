//! Where credentials outlive the process, behind a small trait so a shared store (Redis, …)
//! can replace the file without touching callers.

use super::{CredentialKind, StoredCredential};
use crate::secret::Secret;
use async_trait::async_trait;
use std::collections::HashMap;
use std::sync::Mutex;

/// A store failure. The service logs it and carries on from memory: a broken store costs
/// upstream calls, never availability.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("credential store I/O failed: {0}")]
    Io(String),
    /// The appId cannot be part of a key (file name) safely.
    #[error("appId {0:?} may only contain letters, digits, '_' and '-' to be used as a store key")]
    InvalidAppId(String),
}

impl StoreError {
    /// `app_id` if it can be part of a store key or file name as it is: 1 to 64 ASCII
    /// letters, digits, '_' or '-'.
    pub fn check_app_id(app_id: &str) -> Result<&str, StoreError> {
        let safe = !app_id.is_empty()
            && app_id.len() <= 64
            && app_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if safe {
            Ok(app_id)
        } else {
            Err(StoreError::InvalidAppId(app_id.chars().take(64).collect()))
        }
    }
}

/// What a store answers before a refresh: go ahead, or use what another instance just fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshPermit {
    /// Fetch from WeChat.
    Proceed,
    /// Another holder of the lease refreshed it meanwhile: use this instead of fetching.
    Adopt(StoredCredential),
}

/// Counters of a shared store's refresh lease, for a metrics endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LeaseStats {
    /// Leases taken by this instance (each one upstream fetch, or an adoption found on taking it).
    pub acquired: u64,
    /// Refreshes that found another instance holding the lease and waited for it.
    pub waits: u64,
    /// Waits that ended by adopting what the holder wrote (no upstream call here).
    pub adopted: u64,
    /// Waits that ran out of time and fetched without the lease.
    pub timeouts: u64,
    /// Store operations that failed (the store was unreachable or answered garbage).
    pub errors: u64,
}

/// Persistence of credentials, keyed by appId and kind.
///
/// The service already single-flights within a process. The contract leaves room for a
/// distributed store to do the same across instances:
/// - [`save`](Self::save) is write-if-newer (by `fetched_at`), so a slow instance never
///   overwrites a newer token with an older one;
/// - [`invalidate`](Self::invalidate) is compare-and-delete, so a refused token is removed only
///   if no one has replaced it yet;
/// - [`begin_refresh`](Self::begin_refresh) / [`end_refresh`](Self::end_refresh) bracket every
///   upstream fetch: a distributed store takes a lease there, waits for another holder and
///   returns [`RefreshPermit::Adopt`] with its result. Local stores keep the defaults.
#[async_trait]
pub trait CredentialStore: Send + Sync + 'static {
    /// The stored credential of `kind` for `app_id`, if any (expired ones included; the caller
    /// decides).
    async fn load(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError>;

    /// Stores `credential` unless a newer one (later `fetched_at`) is already there.
    /// Returns whether it was written.
    async fn save(&self, app_id: &str, credential: &StoredCredential) -> Result<bool, StoreError>;

    /// Removes the stored credential of `kind` only if its value is still `value`.
    /// Returns whether something was removed.
    async fn invalidate(
        &self,
        app_id: &str,
        kind: CredentialKind,
        value: &Secret,
    ) -> Result<bool, StoreError>;

    /// Called before fetching `kind` from WeChat. The default lets the fetch proceed.
    async fn begin_refresh(
        &self,
        _app_id: &str,
        _kind: CredentialKind,
    ) -> Result<RefreshPermit, StoreError> {
        Ok(RefreshPermit::Proceed)
    }

    /// Called after the fetch (success or not), to release what `begin_refresh` took.
    async fn end_refresh(&self, _app_id: &str, _kind: CredentialKind) {}

    /// Counts one upstream fetch of `kind` on quota day `day` and returns the day's total over
    /// every instance sharing the store; `None` (the default) when the store is not shared.
    async fn count_fetch(
        &self,
        _app_id: &str,
        _kind: CredentialKind,
        _day: u64,
    ) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }

    /// The fetches of `kind` counted on quota day `day` by every instance; `None` when the
    /// store is not shared.
    async fn fetches_on(
        &self,
        _app_id: &str,
        _kind: CredentialKind,
        _day: u64,
    ) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }

    /// The lease counters of a shared store; `None` for local stores.
    fn lease_stats(&self) -> Option<LeaseStats> {
        None
    }
}

/// Credentials in process memory: nothing survives a restart. For tests and for deployments
/// that accept a fetch per start.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<(String, CredentialKind), StoredCredential>>,
}

impl MemoryStore {
    fn entries(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<(String, CredentialKind), StoredCredential>> {
        self.entries
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

#[async_trait]
impl CredentialStore for MemoryStore {
    async fn load(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        Ok(self.entries().get(&(app_id.to_owned(), kind)).cloned())
    }

    async fn save(&self, app_id: &str, credential: &StoredCredential) -> Result<bool, StoreError> {
        let mut entries = self.entries();
        let key = (app_id.to_owned(), credential.kind);
        if entries
            .get(&key)
            .is_some_and(|stored| stored.fetched_at > credential.fetched_at)
        {
            return Ok(false);
        }
        entries.insert(key, credential.clone());
        Ok(true)
    }

    async fn invalidate(
        &self,
        app_id: &str,
        kind: CredentialKind,
        value: &Secret,
    ) -> Result<bool, StoreError> {
        let mut entries = self.entries();
        let key = (app_id.to_owned(), kind);
        if entries
            .get(&key)
            .is_some_and(|stored| stored.value == *value)
        {
            entries.remove(&key);
            return Ok(true);
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(value: &str, fetched_at: u64) -> StoredCredential {
        StoredCredential::new(
            CredentialKind::AccessToken,
            Secret::new(value),
            fetched_at,
            7200,
        )
    }

    #[tokio::test]
    async fn an_older_credential_never_overwrites_a_newer_one() {
        let store = MemoryStore::default();
        assert!(store.save("wx1", &token("new", 200)).await.unwrap());
        assert!(!store.save("wx1", &token("old", 100)).await.unwrap());
        let kept = store
            .load("wx1", CredentialKind::AccessToken)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.value.expose(), "new");
    }

    #[tokio::test]
    async fn invalidate_removes_only_the_refused_value() {
        let store = MemoryStore::default();
        store.save("wx1", &token("current", 200)).await.unwrap();
        assert!(!store
            .invalidate("wx1", CredentialKind::AccessToken, &Secret::new("stale"))
            .await
            .unwrap());
        assert!(store
            .load("wx1", CredentialKind::AccessToken)
            .await
            .unwrap()
            .is_some());
        assert!(store
            .invalidate("wx1", CredentialKind::AccessToken, &Secret::new("current"))
            .await
            .unwrap());
        assert!(store
            .load("wx1", CredentialKind::AccessToken)
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn appids_do_not_share_entries() {
        let store = MemoryStore::default();
        store.save("wx1", &token("one", 1)).await.unwrap();
        assert!(store
            .load("wx2", CredentialKind::AccessToken)
            .await
            .unwrap()
            .is_none());
    }
}
