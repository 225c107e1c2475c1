//! Counters of the cache, for a metrics endpoint and for tests that prove single-flight.

use crate::client::UpstreamCount;
use serde::Serialize;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub hits: AtomicU64,
    pub stale_hits: AtomicU64,
    pub misses: AtomicU64,
    pub refreshes: AtomicU64,
    pub refresh_failures: AtomicU64,
    pub store_hits: AtomicU64,
    pub invalidations: AtomicU64,
}

impl Counters {
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// A snapshot of the cache's counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Requests served from a fresh credential.
    pub hits: u64,
    /// Requests served from a valid credential that was due for renewal.
    pub stale_hits: u64,
    /// Requests that found no usable credential and waited for a fetch.
    pub misses: u64,
    /// Fetches started (each may have several waiters).
    pub refreshes: u64,
    /// Fetches that failed.
    pub refresh_failures: u64,
    /// Fetches answered by the store (a restart, another instance) without calling WeChat.
    pub store_hits: u64,
    /// Access tokens dropped after WeChat refused them.
    pub invalidations: u64,
    /// HTTP attempts to WeChat by endpoint and outcome.
    pub upstream: Vec<UpstreamCount>,
}

impl CacheStats {
    pub(crate) fn from_counters(counters: &Counters, upstream: Vec<UpstreamCount>) -> Self {
        let read = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        Self {
            hits: read(&counters.hits),
            stale_hits: read(&counters.stale_hits),
            misses: read(&counters.misses),
            refreshes: read(&counters.refreshes),
            refresh_failures: read(&counters.refresh_failures),
            store_hits: read(&counters.store_hits),
            invalidations: read(&counters.invalidations),
            upstream,
        }
    }
}
