//! The in-memory state of one credential: the value, the fetch in flight, the last failure.

use super::StoredCredential;
use crate::error::Error;
use crate::secret::Secret;
use std::sync::{Mutex, MutexGuard};
use tokio::sync::watch;

/// The result every waiter of one fetch receives.
pub(crate) type FlightResult = Result<StoredCredential, Error>;
/// Subscription to a fetch in flight; holds `None` until the fetch ends.
pub(crate) type Flight = watch::Receiver<Option<FlightResult>>;

/// A failed fetch, remembered so callers get the error without a new upstream call until
/// `retry_after`.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub error: Error,
    pub retry_after: u64,
}

#[derive(Debug, Default)]
pub(crate) struct SlotState {
    pub current: Option<StoredCredential>,
    pub flight: Option<Flight>,
    pub failure: Option<Failure>,
    pub consecutive_failures: u32,
    /// The last value WeChat refused: never taken back from the store.
    pub rejected: Option<Secret>,
    /// When the last forced refresh began (service clock, seconds).
    pub last_forced: Option<u64>,
}

impl SlotState {
    /// Whether a failure still forbids a new fetch at `now`.
    pub fn cooling_down(&self, now: u64) -> bool {
        self.failure
            .as_ref()
            .is_some_and(|failure| now < failure.retry_after)
    }
}

/// One credential's state. A plain mutex: it is held for a few field reads, never across an await.
#[derive(Debug, Default)]
pub(crate) struct Slot {
    state: Mutex<SlotState>,
}

impl Slot {
    pub fn lock(&self) -> MutexGuard<'_, SlotState> {
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}
