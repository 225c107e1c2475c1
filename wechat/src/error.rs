//! The crate's error: what a caller (the web server) maps to an HTTP status and shows.

use crate::client::UpstreamError;
use crate::input::InputError;
use crate::page_url::UrlError;

/// Why a credential, a signature or a decryption could not be produced.
///
/// [`Error::is_client_error`] separates the caller's mistakes (4xx) from WeChat's or this
/// server's (5xx); every message says what to fix, and none contains a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The page URL cannot be signed.
    #[error(transparent)]
    PageUrl(#[from] UrlError),
    /// An argument is missing or out of bounds.
    #[error(transparent)]
    Input(#[from] InputError),
    /// WeChat refused or failed, and no still-valid credential could stand in.
    #[error(transparent)]
    Upstream(#[from] UpstreamError),
    /// A forced refresh was refused: it would exceed the credential's daily fetch limit.
    /// The credential in use (if any) stays in use.
    #[error("refused to fetch the {kind} again: {used} of the {limit} fetches allowed per day were already made today")]
    DailyLimitReached {
        /// Which credential.
        kind: crate::credentials::CredentialKind,
        /// Fetches counted today.
        used: u64,
        /// Fetches allowed a day.
        limit: u64,
    },
    /// The background refresh ended without a result (its task panicked or was cancelled).
    #[error("the credential refresh stopped unexpectedly; retry the request")]
    RefreshAborted,
}

impl Error {
    /// True when the request was at fault (answer 4xx); false when WeChat or this server was (5xx).
    pub fn is_client_error(&self) -> bool {
        matches!(self, Self::PageUrl(_) | Self::Input(_))
    }

    /// WeChat's errcode, when WeChat sent one.
    pub fn errcode(&self) -> Option<i64> {
        match self {
            Self::Upstream(upstream) => upstream.errcode(),
            _ => None,
        }
    }

    /// What happened, in plain words.
    pub fn explanation(&self) -> String {
        match self {
            Self::Upstream(upstream) => upstream.explanation(),
            other => other.to_string(),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::PageUrl(_) => "sign location.href.split('#')[0] of the page, on a JS safe domain",
            Self::Input(_) => "correct the argument and send the request again",
            Self::Upstream(upstream) => upstream.hint(),
            Self::DailyLimitReached { .. } => "the daily limit resets at midnight, Beijing time; find what forces so many refreshes (GET /metrics)",
            Self::RefreshAborted => "retry; if it repeats, check the server log",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Endpoint;

    #[test]
    fn caller_mistakes_are_client_errors_and_wechat_failures_are_not() {
        assert!(Error::from(UrlError::Empty).is_client_error());
        let missing = crate::input::check(
            crate::input::Field::CardId,
            "",
            crate::input::Presence::Required,
        );
        assert!(Error::from(missing.unwrap_err()).is_client_error());
        let quota = Error::from(UpstreamError::from_errcode(
            Endpoint::Token,
            45009,
            "reach max api daily quota limit",
        ));
        assert!(!quota.is_client_error());
        assert_eq!(quota.errcode(), Some(45009));
        assert!(quota.to_string().contains("quota"), "{quota}");
    }
}
