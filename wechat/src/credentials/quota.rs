//! How many times each credential was fetched today, against WeChat's daily limits.
//!
//! WeChat counts per appId and resets at midnight, Beijing time (UTC+8). The access_token is
//! documented at 2000 fetches a day; the tickets only as "very limited", so the same number is
//! assumed for them. A shared store ([`super::RedisStore`]) counts across instances; otherwise
//! each instance counts its own fetches.

use super::CredentialKind;
use serde::Serialize;
use std::sync::Mutex;

/// Beijing is UTC+8, with no daylight saving time.
const BEIJING_OFFSET_SECS: u64 = 8 * 3600;

/// The quota day of a Unix time: days since the epoch, counted from Beijing midnight.
pub fn quota_day(now: u64) -> u64 {
    now.saturating_add(BEIJING_OFFSET_SECS) / 86_400
}

/// Upstream fetches allowed per credential and quota day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyLimits {
    /// `/cgi-bin/token` (documented: 2000 a day).
    pub access_token: u64,
    /// `getticket?type=jsapi`.
    pub jsapi_ticket: u64,
    /// `getticket?type=wx_card`.
    pub wx_card_ticket: u64,
}

impl Default for DailyLimits {
    fn default() -> Self {
        Self {
            access_token: 2000,
            jsapi_ticket: 2000,
            wx_card_ticket: 2000,
        }
    }
}

impl DailyLimits {
    /// The limit of `kind`.
    pub fn of(&self, kind: CredentialKind) -> u64 {
        match kind {
            CredentialKind::AccessToken => self.access_token,
            CredentialKind::JsapiTicket => self.jsapi_ticket,
            CredentialKind::WxCardTicket => self.wx_card_ticket,
        }
    }
}

/// Today's count of one credential, for a status page or metrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotaStatus {
    /// Which credential.
    pub kind: CredentialKind,
    /// Fetches counted today (by every instance, when the store is shared).
    pub used: u64,
    /// Fetches allowed a day.
    pub limit: u64,
}

/// Per-kind `(day, count)`, the count being the largest known: this instance's own, or the
/// shared total last read from the store.
#[derive(Debug, Default)]
pub(crate) struct QuotaCounter {
    days: Mutex<[(u64, u64); 3]>,
}

impl QuotaCounter {
    fn with<T>(&self, kind: CredentialKind, now: u64, f: impl FnOnce(&mut u64) -> T) -> T {
        let day = quota_day(now);
        let mut days = self
            .days
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let entry = &mut days[kind.index()];
        if entry.0 != day {
            *entry = (day, 0);
        }
        f(&mut entry.1)
    }

    /// Counts one fetch of `kind` at `now`; returns the count.
    pub fn record(&self, kind: CredentialKind, now: u64) -> u64 {
        self.with(kind, now, |count| {
            *count += 1;
            *count
        })
    }

    /// Takes a shared total into account; returns the count.
    pub fn observe(&self, kind: CredentialKind, now: u64, total: u64) -> u64 {
        self.with(kind, now, |count| {
            *count = (*count).max(total);
            *count
        })
    }

    /// Today's count of `kind`.
    pub fn used(&self, kind: CredentialKind, now: u64) -> u64 {
        self.with(kind, now, |count| *count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_day_turns_at_beijing_midnight() {
        // 2023-11-14T15:59:59Z is 23:59:59 in Beijing; one second later is the next day there.
        let before = 1_699_977_599;
        assert_eq!(quota_day(before) + 1, quota_day(before + 1));
        assert_eq!(quota_day(before + 1), quota_day(before + 86_399));
    }

    #[test]
    fn counts_reset_with_the_day_and_keep_the_largest_known() {
        let counter = QuotaCounter::default();
        let now = 1_700_000_000;
        assert_eq!(counter.record(CredentialKind::AccessToken, now), 1);
        assert_eq!(counter.record(CredentialKind::AccessToken, now), 2);
        assert_eq!(counter.used(CredentialKind::JsapiTicket, now), 0);
        assert_eq!(counter.observe(CredentialKind::AccessToken, now, 7), 7);
        assert_eq!(counter.observe(CredentialKind::AccessToken, now, 3), 7);
        assert_eq!(counter.used(CredentialKind::AccessToken, now + 86_400), 0);
    }
}
