//! A cached token or ticket, and when it must be renewed.

use crate::client::TicketKind;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The three credentials the JS-SDK server side needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// The access_token, needed to fetch the tickets.
    AccessToken,
    /// The jsapi_ticket, which signs `wx.config`.
    JsapiTicket,
    /// The cards api_ticket, which signs `cardExt` and `cardSign`.
    WxCardTicket,
}

impl CredentialKind {
    /// All kinds, in dependency order (the token first).
    pub const ALL: [CredentialKind; 3] = [Self::AccessToken, Self::JsapiTicket, Self::WxCardTicket];

    /// The snake_case name used in files, JSON and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccessToken => "access_token",
            Self::JsapiTicket => "jsapi_ticket",
            Self::WxCardTicket => "wx_card_ticket",
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Self::AccessToken => 0,
            Self::JsapiTicket => 1,
            Self::WxCardTicket => 2,
        }
    }
}

impl From<TicketKind> for CredentialKind {
    fn from(kind: TicketKind) -> Self {
        match kind {
            TicketKind::Jsapi => Self::JsapiTicket,
            TicketKind::WxCard => Self::WxCardTicket,
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a credential is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Served as is.
    Fresh,
    /// Still valid and served, but due for renewal.
    Renewable,
    /// Must not be used.
    Expired,
}

/// A token or ticket with the times a store needs to decide freshness and "newer wins":
/// absolute Unix seconds, so they mean the same after a restart or on another instance.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCredential {
    /// Which credential.
    pub kind: CredentialKind,
    /// The token or ticket.
    #[serde(with = "crate::secret::exposed")]
    pub value: Secret,
    /// When it was fetched from WeChat.
    pub fetched_at: u64,
    /// When WeChat stops accepting it.
    pub expires_at: u64,
}

/// Longest renewal margin: renew at most 5 minutes before expiry (the overlap WeChat grants
/// an old token after a new one is issued).
pub const MAX_REFRESH_MARGIN: u64 = 300;

impl StoredCredential {
    /// A credential fetched at `fetched_at` that WeChat said lives `expires_in` seconds.
    pub fn new(kind: CredentialKind, value: Secret, fetched_at: u64, expires_in: u64) -> Self {
        Self {
            kind,
            value,
            fetched_at,
            expires_at: fetched_at.saturating_add(expires_in),
        }
    }

    /// Seconds between fetch and expiry.
    pub fn lifetime(&self) -> u64 {
        self.expires_at.saturating_sub(self.fetched_at)
    }

    /// How long before expiry renewal starts: a tenth of the lifetime, at most
    /// [`MAX_REFRESH_MARGIN`]. Relative, so a short lifetime (stable_token answers with what is
    /// left of the token) still leaves most of it usable and never goes negative.
    pub fn refresh_margin(&self) -> u64 {
        (self.lifetime() / 10).min(MAX_REFRESH_MARGIN)
    }

    /// When renewal starts.
    pub fn refresh_at(&self) -> u64 {
        self.expires_at - self.refresh_margin()
    }

    /// Where the credential is in its life at `now`.
    pub fn phase(&self, now: u64) -> Phase {
        if now >= self.expires_at {
            Phase::Expired
        } else if now >= self.refresh_at() {
            Phase::Renewable
        } else {
            Phase::Fresh
        }
    }
}

impl fmt::Debug for StoredCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredCredential")
            .field("kind", &self.kind)
            .field("value", &self.value)
            .field("fetched_at", &self.fetched_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credential(fetched_at: u64, expires_in: u64) -> StoredCredential {
        StoredCredential::new(
            CredentialKind::AccessToken,
            Secret::new("t"),
            fetched_at,
            expires_in,
        )
    }

    #[test]
    fn a_two_hour_token_is_renewed_five_minutes_before_expiry() {
        let token = credential(1000, 7200);
        assert_eq!(token.refresh_margin(), 300);
        assert_eq!(token.phase(1000 + 6899), Phase::Fresh);
        assert_eq!(token.phase(1000 + 6900), Phase::Renewable);
        assert_eq!(token.phase(1000 + 7199), Phase::Renewable);
        assert_eq!(token.phase(1000 + 7200), Phase::Expired);
    }

    #[test]
    fn a_short_lifetime_gets_a_proportional_margin() {
        // stable_token may answer with the remaining lifetime, e.g. 400 s.
        let token = credential(0, 400);
        assert_eq!(token.refresh_margin(), 40);
        assert_eq!(token.phase(359), Phase::Fresh);
        assert_eq!(token.phase(360), Phase::Renewable);
    }

    #[test]
    fn the_margin_is_never_negative_even_for_tiny_lifetimes() {
        for lifetime in [0, 1, 5, 9] {
            let token = credential(100, lifetime);
            assert!(token.refresh_at() >= token.fetched_at);
            assert!(token.refresh_at() <= token.expires_at);
        }
        assert_eq!(credential(100, 0).phase(100), Phase::Expired);
    }

    #[test]
    fn a_clock_that_went_backwards_sees_a_fresh_credential() {
        assert_eq!(credential(1000, 7200).phase(10), Phase::Fresh);
    }

    #[test]
    fn debug_hides_the_value_but_the_store_format_keeps_it() {
        let token = StoredCredential::new(CredentialKind::JsapiTicket, Secret::new("canary"), 1, 2);
        assert!(!format!("{token:?}").contains("canary"));
        let json = serde_json::to_string(&token).unwrap();
        assert!(json.contains("\"value\":\"canary\""), "{json}");
        assert_eq!(
            serde_json::from_str::<StoredCredential>(&json).unwrap(),
            token
        );
    }
}
