//! How many calls went to WeChat, by endpoint and outcome: the numbers that tell whether the
//! cache works and how close the account is to its quotas.

use super::{Endpoint, UpstreamError};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;

/// The result of one HTTP attempt, as counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// A usable answer.
    Ok,
    /// `{"errcode": N}` with N ≠ 0.
    Errcode(i64),
    /// Timed out.
    Timeout,
    /// Non-2xx HTTP status.
    HttpStatus(u16),
    /// Not the expected JSON.
    MalformedJson,
    /// Success with an empty token/ticket/code.
    EmptyCredential,
    /// No HTTP answer.
    Transport,
}

impl Outcome {
    /// The outcome of an attempt.
    pub fn of<T>(result: &Result<T, UpstreamError>) -> Self {
        match result {
            Ok(_) => Self::Ok,
            Err(error) => match error {
                UpstreamError::Timeout { .. } => Self::Timeout,
                UpstreamError::HttpStatus { status, .. } => Self::HttpStatus(*status),
                UpstreamError::MalformedJson { .. } => Self::MalformedJson,
                UpstreamError::EmptyCredential { .. } => Self::EmptyCredential,
                UpstreamError::Transport { .. } => Self::Transport,
                other => Self::Errcode(other.errcode().unwrap_or_default()),
            },
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ok => f.write_str("ok"),
            Self::Errcode(code) => write!(f, "errcode {code}"),
            Self::Timeout => f.write_str("timeout"),
            Self::HttpStatus(status) => write!(f, "http {status}"),
            Self::MalformedJson => f.write_str("malformed json"),
            Self::EmptyCredential => f.write_str("empty credential"),
            Self::Transport => f.write_str("transport"),
        }
    }
}

/// Serialised as its [`Display`](fmt::Display) text: `ok`, `errcode 45009`, `http 503`, …
impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One row of [`UpstreamStats::snapshot`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpstreamCount {
    /// The call.
    pub endpoint: Endpoint,
    /// How the attempts ended.
    pub outcome: Outcome,
    /// How many attempts ended so.
    pub count: u64,
}

/// Counters of HTTP attempts (retries count separately), shared by clones of a client.
#[derive(Debug, Default)]
pub struct UpstreamStats {
    counts: Mutex<BTreeMap<(Endpoint, Outcome), u64>>,
}

impl UpstreamStats {
    pub(crate) fn record(&self, endpoint: Endpoint, outcome: Outcome) {
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *counts.entry((endpoint, outcome)).or_default() += 1;
    }

    /// Attempts made to `endpoint`, whatever their outcome.
    pub fn calls(&self, endpoint: Endpoint) -> u64 {
        let counts = self
            .counts
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        counts
            .iter()
            .filter(|((counted, _), _)| *counted == endpoint)
            .map(|(_, count)| count)
            .sum()
    }

    /// Attempts made to `endpoint` that ended with `outcome`.
    pub fn count(&self, endpoint: Endpoint, outcome: Outcome) -> u64 {
        let counts = self
            .counts
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        counts
            .get(&(endpoint, outcome))
            .copied()
            .unwrap_or_default()
    }

    /// Every non-zero counter, sorted by endpoint then outcome.
    pub fn snapshot(&self) -> Vec<UpstreamCount> {
        let counts = self
            .counts
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        counts
            .iter()
            .map(|((endpoint, outcome), count)| UpstreamCount {
                endpoint: *endpoint,
                outcome: *outcome,
                count: *count,
            })
            .collect()
    }
}
