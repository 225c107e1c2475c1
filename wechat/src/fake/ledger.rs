//! The fake's memory of what it issued: tokens with WeChat's rotation rules, tickets, quota.

use crate::client::TicketKind;
use crate::nonce::nonce;
use std::collections::HashMap;

/// One issued access_token.
#[derive(Debug, Clone)]
struct TokenRecord {
    expires_at: u64,
    /// When a newer token was issued; the old one keeps working for the overlap after that.
    superseded_at: Option<u64>,
}

/// Why a token is refused, as WeChat's errcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenRefusal {
    /// 41001.
    Missing,
    /// 40014: never issued.
    Unknown,
    /// 40001: replaced by a newer token more than the overlap ago.
    NotLatest,
    /// 42001.
    Expired,
}

impl TokenRefusal {
    pub fn errcode(self) -> i64 {
        match self {
            Self::Missing => 41001,
            Self::Unknown => 40014,
            Self::NotLatest => 40001,
            Self::Expired => 42001,
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Ledger {
    tokens: HashMap<String, TokenRecord>,
    latest: Option<String>,
    tickets: HashMap<String, (TicketKind, u64)>,
    latest_ticket: HashMap<TicketKind, String>,
    quota_day: u64,
    token_fetches_today: u64,
    pub tokens_issued: u64,
    pub tickets_issued: u64,
}

impl Ledger {
    /// Counts a token fetch against the day's quota; false once the quota is used up.
    pub fn take_token_quota(&mut self, now: u64, daily_quota: u64) -> bool {
        let day = now / 86_400;
        if day != self.quota_day {
            self.quota_day = day;
            self.token_fetches_today = 0;
        }
        if self.token_fetches_today >= daily_quota {
            return false;
        }
        self.token_fetches_today += 1;
        true
    }

    pub fn token_fetches_today(&self) -> u64 {
        self.token_fetches_today
    }

    /// A new token; the previous one is superseded (valid for `overlap` more seconds).
    pub fn issue_token(&mut self, now: u64, expires_in: u64, overlap: u64) -> String {
        self.tokens.retain(|_, record| {
            record.expires_at > now && record.superseded_at.is_none_or(|at| at + overlap > now)
        });
        if let Some(previous) = self
            .latest
            .as_ref()
            .and_then(|latest| self.tokens.get_mut(latest))
        {
            previous.superseded_at = Some(now);
        }
        let token = format!("FAKE_TOKEN_{}{}", nonce(), nonce());
        self.tokens.insert(
            token.clone(),
            TokenRecord {
                expires_at: now + expires_in,
                superseded_at: None,
            },
        );
        self.latest = Some(token.clone());
        self.tokens_issued += 1;
        token
    }

    /// The latest token and its remaining lifetime, if it is still valid (stable_token reuse).
    pub fn latest_valid_token(&self, now: u64) -> Option<(String, u64)> {
        let latest = self.latest.as_ref()?;
        let record = self.tokens.get(latest)?;
        (record.expires_at > now).then(|| (latest.clone(), record.expires_at - now))
    }

    /// Whether `token` is accepted at `now`, by WeChat's rules.
    pub fn check_token(&self, token: &str, now: u64, overlap: u64) -> Result<(), TokenRefusal> {
        if token.is_empty() {
            return Err(TokenRefusal::Missing);
        }
        let record = self.tokens.get(token).ok_or(TokenRefusal::Unknown)?;
        if now >= record.expires_at {
            return Err(TokenRefusal::Expired);
        }
        match record.superseded_at {
            Some(at) if now >= at + overlap => Err(TokenRefusal::NotLatest),
            _ => Ok(()),
        }
    }

    pub fn issue_ticket(&mut self, kind: TicketKind, now: u64, expires_in: u64) -> String {
        self.tickets.retain(|_, (_, expires_at)| *expires_at > now);
        let ticket = format!(
            "FAKE_{}_TICKET_{}{}",
            kind.type_param().to_uppercase(),
            nonce(),
            nonce()
        );
        self.tickets
            .insert(ticket.clone(), (kind, now + expires_in));
        self.latest_ticket.insert(kind, ticket.clone());
        self.tickets_issued += 1;
        ticket
    }

    pub fn latest_ticket(&self, kind: TicketKind) -> Option<String> {
        self.latest_ticket.get(&kind).cloned()
    }

    /// Tickets of `kind` still valid at `now`.
    pub fn valid_tickets(&self, kind: TicketKind, now: u64) -> Vec<String> {
        self.tickets
            .iter()
            .filter(|(_, (issued_kind, expires_at))| *issued_kind == kind && *expires_at > now)
            .map(|(ticket, _)| ticket.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_token_works_for_the_overlap_then_is_not_latest() {
        let mut ledger = Ledger::default();
        let first = ledger.issue_token(0, 7200, 300);
        let second = ledger.issue_token(100, 7200, 300);
        assert_eq!(ledger.check_token(&first, 399, 300), Ok(()));
        assert_eq!(
            ledger.check_token(&first, 400, 300),
            Err(TokenRefusal::NotLatest)
        );
        assert_eq!(ledger.check_token(&second, 400, 300), Ok(()));
    }

    #[test]
    fn tokens_expire_and_strangers_are_unknown() {
        let mut ledger = Ledger::default();
        let token = ledger.issue_token(0, 7200, 300);
        assert_eq!(
            ledger.check_token(&token, 7200, 300),
            Err(TokenRefusal::Expired)
        );
        assert_eq!(
            ledger.check_token("forged", 0, 300),
            Err(TokenRefusal::Unknown)
        );
        assert_eq!(ledger.check_token("", 0, 300), Err(TokenRefusal::Missing));
    }

    #[test]
    fn the_daily_quota_resets_the_next_day() {
        let mut ledger = Ledger::default();
        assert!(ledger.take_token_quota(10, 2));
        assert!(ledger.take_token_quota(20, 2));
        assert!(!ledger.take_token_quota(30, 2));
        assert!(ledger.take_token_quota(86_400 + 1, 2));
    }
}
