//! What can go wrong in one WeChat API call, classified by what the caller should do.

use super::Endpoint;

/// `-1`: system busy; worth retrying.
pub const ERRCODE_BUSY: i64 = -1;
/// `40001`: the access_token is invalid or not the latest.
pub const ERRCODE_INVALID_CREDENTIAL: i64 = 40001;
/// `40014`: the access_token is not a valid token.
pub const ERRCODE_INVALID_ACCESS_TOKEN: i64 = 40014;
/// `42001`: the access_token expired.
pub const ERRCODE_ACCESS_TOKEN_EXPIRED: i64 = 42001;
/// `45009`: daily quota of the API reached.
pub const ERRCODE_QUOTA: i64 = 45009;
/// `40013`: invalid appid.
pub const ERRCODE_INVALID_APPID: i64 = 40013;
/// `40125`: invalid appsecret.
pub const ERRCODE_INVALID_SECRET: i64 = 40125;
/// `40164`: the caller's IP is not whitelisted.
pub const ERRCODE_IP_NOT_WHITELISTED: i64 = 40164;
/// `40097`: invalid argument (e.g. getticket `type`).
pub const ERRCODE_INVALID_ARGUMENT: i64 = 40097;

/// Longest errmsg kept from an answer.
const MAX_ERRMSG: usize = 300;

/// A failed WeChat API call. Never contains the AppSecret or a token (URLs are stripped from
/// transport errors), so it can be logged and shown as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpstreamError {
    /// `-1` (system busy), still there after the allowed retries.
    #[error("{} ({endpoint}: errcode -1 {errmsg:?} after {attempts} attempts)", self.explanation())]
    Busy {
        /// The call.
        endpoint: Endpoint,
        /// WeChat's message.
        errmsg: String,
        /// Calls made, retries included.
        attempts: u32,
    },
    /// `40001`/`40014`/`42001`: the access_token used was refused.
    #[error("{} ({endpoint}: errcode {errcode} {errmsg:?})", self.explanation())]
    CredentialRejected {
        /// The call.
        endpoint: Endpoint,
        /// 40001, 40014 or 42001.
        errcode: i64,
        /// WeChat's message.
        errmsg: String,
    },
    /// `45009`: the daily quota is used up; retrying only makes it worse.
    #[error("{} ({endpoint}: errcode 45009 {errmsg:?})", self.explanation())]
    QuotaExhausted {
        /// The call.
        endpoint: Endpoint,
        /// WeChat's message.
        errmsg: String,
    },
    /// `40013`/`40125`/`40164`: this server is misconfigured; no retry can help.
    #[error("{} ({endpoint}: errcode {errcode} {errmsg:?})", self.explanation())]
    Configuration {
        /// The call.
        endpoint: Endpoint,
        /// 40013, 40125 or 40164.
        errcode: i64,
        /// WeChat's message (for 40164 it names the refused IP).
        errmsg: String,
    },
    /// Any other errcode.
    #[error("{} ({endpoint}: errcode {errcode} {errmsg:?})", self.explanation())]
    Api {
        /// The call.
        endpoint: Endpoint,
        /// WeChat's errcode.
        errcode: i64,
        /// WeChat's message.
        errmsg: String,
    },
    /// No complete answer within the configured timeout.
    #[error("WeChat did not answer {endpoint} within {timeout_ms} ms")]
    Timeout {
        /// The call.
        endpoint: Endpoint,
        /// The configured total timeout.
        timeout_ms: u64,
    },
    /// A non-2xx HTTP status (5xx ones are retried like `-1`).
    #[error("WeChat answered {endpoint} with HTTP status {status}")]
    HttpStatus {
        /// The call.
        endpoint: Endpoint,
        /// The HTTP status.
        status: u16,
    },
    /// The body was not the JSON WeChat sends.
    #[error("WeChat's answer to {endpoint} is not the expected JSON ({detail})")]
    MalformedJson {
        /// The call.
        endpoint: Endpoint,
        /// What was wrong with it (never the body itself).
        detail: String,
    },
    /// A success answer whose token, ticket or code is empty; it is never cached.
    #[error("WeChat answered {endpoint} with success but an empty {field}; it was not cached")]
    EmptyCredential {
        /// The call.
        endpoint: Endpoint,
        /// The empty field.
        field: &'static str,
    },
    /// No HTTP answer at all (DNS, connection refused, TLS).
    #[error("could not reach WeChat for {endpoint}: {detail}")]
    Transport {
        /// The call.
        endpoint: Endpoint,
        /// The transport error, with the request URL removed.
        detail: String,
    },
}

impl UpstreamError {
    /// For `40164`, the IP WeChat refused, as its errmsg names it (`invalid ip 203.0.113.7
    /// ipv6 ::ffff:203.0.113.7, not in whitelist`): the address to add to the API IP whitelist.
    pub fn refused_ip(&self) -> Option<std::net::IpAddr> {
        match self {
            Self::Configuration {
                errcode: ERRCODE_IP_NOT_WHITELISTED,
                errmsg,
                ..
            } => refused_ip_in(errmsg),
            _ => None,
        }
    }

    /// Classifies an `{"errcode":N,"errmsg":".."}` answer (N ≠ 0).
    pub fn from_errcode(endpoint: Endpoint, errcode: i64, errmsg: &str) -> Self {
        let errmsg: String = errmsg.chars().take(MAX_ERRMSG).collect();
        match errcode {
            ERRCODE_BUSY => Self::Busy {
                endpoint,
                errmsg,
                attempts: 1,
            },
            ERRCODE_INVALID_CREDENTIAL
            | ERRCODE_INVALID_ACCESS_TOKEN
            | ERRCODE_ACCESS_TOKEN_EXPIRED => Self::CredentialRejected {
                endpoint,
                errcode,
                errmsg,
            },
            ERRCODE_QUOTA => Self::QuotaExhausted { endpoint, errmsg },
            ERRCODE_INVALID_APPID | ERRCODE_INVALID_SECRET | ERRCODE_IP_NOT_WHITELISTED => {
                Self::Configuration {
                    endpoint,
                    errcode,
                    errmsg,
                }
            }
            _ => Self::Api {
                endpoint,
                errcode,
                errmsg,
            },
        }
    }

    /// The call that failed.
    pub fn endpoint(&self) -> Endpoint {
        match self {
            Self::Busy { endpoint, .. }
            | Self::CredentialRejected { endpoint, .. }
            | Self::QuotaExhausted { endpoint, .. }
            | Self::Configuration { endpoint, .. }
            | Self::Api { endpoint, .. }
            | Self::Timeout { endpoint, .. }
            | Self::HttpStatus { endpoint, .. }
            | Self::MalformedJson { endpoint, .. }
            | Self::EmptyCredential { endpoint, .. }
            | Self::Transport { endpoint, .. } => *endpoint,
        }
    }

    /// WeChat's errcode, when WeChat answered with one.
    pub fn errcode(&self) -> Option<i64> {
        match self {
            Self::Busy { .. } => Some(ERRCODE_BUSY),
            Self::QuotaExhausted { .. } => Some(ERRCODE_QUOTA),
            Self::CredentialRejected { errcode, .. }
            | Self::Configuration { errcode, .. }
            | Self::Api { errcode, .. } => Some(*errcode),
            _ => None,
        }
    }

    /// WeChat's errmsg, when WeChat answered with one.
    pub fn errmsg(&self) -> Option<&str> {
        match self {
            Self::Busy { errmsg, .. }
            | Self::QuotaExhausted { errmsg, .. }
            | Self::CredentialRejected { errmsg, .. }
            | Self::Configuration { errmsg, .. }
            | Self::Api { errmsg, .. } => Some(errmsg),
            _ => None,
        }
    }

    /// Worth retrying at once: `-1` and HTTP 5xx.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Busy { .. })
            || matches!(self, Self::HttpStatus { status, .. } if *status >= 500)
    }

    /// The access_token used was refused: drop it (if still current) and retry with a new one.
    pub fn is_credential_rejected(&self) -> bool {
        matches!(self, Self::CredentialRejected { .. })
    }

    /// What happened, in words a person can act on.
    pub fn explanation(&self) -> String {
        match self {
            Self::Busy { .. } => "WeChat is busy (system error -1)".into(),
            Self::CredentialRejected { errcode, .. } => match *errcode {
                ERRCODE_INVALID_CREDENTIAL => "WeChat refused the access_token: it is invalid or no longer the latest (another server or tool fetched a newer one for the same appId)".into(),
                ERRCODE_ACCESS_TOKEN_EXPIRED => "WeChat refused the access_token: it has expired".into(),
                _ => "WeChat refused the access_token: it is not a valid token".into(),
            },
            Self::QuotaExhausted { .. } => "the daily call quota of this WeChat API is used up (the access_token allows 2000 fetches a day)".into(),
            Self::Configuration { errcode, .. } => match *errcode {
                ERRCODE_INVALID_APPID => "WeChat does not know this appId".into(),
                ERRCODE_INVALID_SECRET => "the AppSecret is wrong for this appId".into(),
                _ => "this server's IP address is not on the account's API IP whitelist".into(),
            },
            Self::Api { errcode, .. } => match *errcode {
                ERRCODE_INVALID_ARGUMENT => "WeChat refused an argument of the call (invalid type)".into(),
                40056 => "WeChat could not decrypt this card code".into(),
                48001 => "this account is not authorised for this API".into(),
                _ => format!("WeChat refused the call with errcode {errcode}"),
            },
            Self::Timeout { timeout_ms, .. } => format!("WeChat did not answer within {timeout_ms} ms"),
            Self::HttpStatus { status, .. } => format!("WeChat answered with HTTP status {status}"),
            Self::MalformedJson { .. } => "WeChat's answer was not the JSON it normally sends".into(),
            Self::EmptyCredential { field, .. } => format!("WeChat reported success but sent an empty {field}"),
            Self::Transport { .. } => "WeChat could not be reached".into(),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::Busy { .. } => "retry in a few seconds",
            Self::CredentialRejected { .. } => "make sure only this service fetches access tokens for this appId (or share its credential store), or use stable_token mode",
            Self::QuotaExhausted { .. } => "find what else fetches tokens for this appId; the quota resets at midnight (Beijing time) or can be reset once a month in the Official Account admin console",
            Self::Configuration { errcode, .. } => match *errcode {
                ERRCODE_INVALID_APPID => "check the configured appId: it is the Official Account's AppID (wx followed by 16 characters)",
                ERRCODE_INVALID_SECRET => "copy the AppSecret again from the Official Account admin console (Settings and Development, Basic configuration)",
                _ => "add this server's public IP address to the API IP whitelist in the Official Account admin console",
            },
            Self::Api { .. } => "look the errcode up in WeChat's global error code list",
            Self::Timeout { .. } => "check this server's outbound access to the WeChat API, or raise the timeout",
            Self::HttpStatus { .. } => "usually transient; retry later, and check any proxy between this server and WeChat",
            Self::MalformedJson { .. } => "check that the API base URL points to the WeChat API and not to a proxy or login page",
            Self::EmptyCredential { .. } => "retry; if it persists, check that the account has JS-SDK permission",
            Self::Transport { .. } => "check DNS, firewall and proxy settings for the WeChat API host",
        }
    }
}

/// The first address after `invalid ip` in a 40164 errmsg.
fn refused_ip_in(errmsg: &str) -> Option<std::net::IpAddr> {
    let (_, rest) = errmsg.split_once("invalid ip")?;
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .find(|word| !word.is_empty())?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errcodes_are_classified_by_what_to_do() {
        let classify = |code| UpstreamError::from_errcode(Endpoint::Token, code, "msg");
        assert!(classify(-1).is_transient());
        for code in [40001, 40014, 42001] {
            assert!(classify(code).is_credential_rejected(), "{code}");
        }
        assert!(matches!(
            classify(45009),
            UpstreamError::QuotaExhausted { .. }
        ));
        for code in [40013, 40125, 40164] {
            assert!(
                matches!(classify(code), UpstreamError::Configuration { .. }),
                "{code}"
            );
        }
        assert!(matches!(classify(40097), UpstreamError::Api { .. }));
        for code in [-1, 40001, 45009, 40125, 40097] {
            assert_eq!(classify(code).errcode(), Some(code));
        }
    }

    #[test]
    fn the_refused_ip_is_read_from_the_40164_message() {
        let ip = UpstreamError::from_errcode(
            Endpoint::Token,
            40164,
            "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 1-2-3",
        );
        assert_eq!(ip.refused_ip(), Some("203.0.113.7".parse().unwrap()));
        let bare =
            UpstreamError::from_errcode(Endpoint::Token, 40164, "invalid ip, not in whitelist");
        assert_eq!(bare.refused_ip(), None);
        let v6 = UpstreamError::from_errcode(
            Endpoint::Token,
            40164,
            "invalid ip 2001:db8::1, not in whitelist",
        );
        assert_eq!(v6.refused_ip(), Some("2001:db8::1".parse().unwrap()));
        let other = UpstreamError::from_errcode(Endpoint::Token, 40125, "invalid ip 1.2.3.4");
        assert_eq!(other.refused_ip(), None);
    }

    #[test]
    fn configuration_errors_explain_themselves() {
        let wrong_secret = UpstreamError::from_errcode(Endpoint::Token, 40125, "invalid appsecret");
        assert!(
            wrong_secret.to_string().contains("AppSecret is wrong"),
            "{wrong_secret}"
        );
        assert!(wrong_secret.hint().contains("AppSecret"));
        let ip = UpstreamError::from_errcode(
            Endpoint::Token,
            40164,
            "invalid ip 1.2.3.4, not in whitelist",
        );
        assert!(ip.to_string().contains("whitelist"), "{ip}");
        assert!(ip.to_string().contains("1.2.3.4"), "{ip}");
        let appid = UpstreamError::from_errcode(Endpoint::Token, 40013, "invalid appid");
        assert!(appid.explanation().contains("appId"));
    }

    #[test]
    fn only_busy_and_5xx_are_transient() {
        let status = |status| UpstreamError::HttpStatus {
            endpoint: Endpoint::Token,
            status,
        };
        assert!(status(502).is_transient());
        assert!(!status(404).is_transient());
        assert!(!UpstreamError::Timeout {
            endpoint: Endpoint::Token,
            timeout_ms: 1
        }
        .is_transient());
    }

    #[test]
    fn long_errmsgs_are_truncated() {
        let error = UpstreamError::from_errcode(Endpoint::Token, 1, &"x".repeat(5000));
        assert_eq!(error.errmsg().unwrap().len(), MAX_ERRMSG);
    }
}
