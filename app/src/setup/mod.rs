//! `/setup`: the documents' steps for this deployment, each checked live, as codes and
//! values (the page says them in its language, [`text`]). The checks run on the server
//! ([`checks`]); a phone opened from the page's QR code reports its `wx.ready` / `wx.error`
//! back to the page as it happens ([`live`]).

#[cfg(feature = "ssr")]
pub mod checks;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod text;

use serde::{Deserialize, Serialize};

/// A step's or a check's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Checked, and right.
    Ok,
    /// Checked, and wrong: the check says what to do.
    Wrong,
    /// Not checked (sandbox mode, a setting unset, an earlier step wrong, a timeout).
    NotChecked,
}

impl State {
    /// `ok`, `wrong`, `not_checked`: the `data-state` of the page's rows.
    pub fn code(self) -> &'static str {
        match self {
            State::Ok => "ok",
            State::Wrong => "wrong",
            State::NotChecked => "not_checked",
        }
    }

    /// The worst of several states (wrong, then not checked, then ok).
    pub fn worst(states: impl IntoIterator<Item = State>) -> State {
        states
            .into_iter()
            .fold(State::Ok, |worst, s| match (worst, s) {
                (State::Wrong, _) | (_, State::Wrong) => State::Wrong,
                (State::NotChecked, _) | (_, State::NotChecked) => State::NotChecked,
                _ => State::Ok,
            })
    }
}

/// What one check looked at and found, with the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Finding {
    /// Step 1 in sandbox mode: no credentials, the built-in fake API signs.
    Sandbox,
    /// An access_token is held (cached or fetched just now).
    TokenHeld {
        /// It was in the cache (no call to WeChat).
        cached: bool,
    },
    /// `40013`: WeChat does not know the appId.
    InvalidAppId {
        /// The appId configured (public).
        app_id: String,
    },
    /// `40125`: the AppSecret is wrong (reset or mistyped).
    InvalidSecret,
    /// `40164`: the server's IP is not in the API IP whitelist.
    IpNotWhitelisted {
        /// The address WeChat refused, from its message.
        ip: Option<String>,
    },
    /// Another failure of the token or ticket fetch.
    FetchFailed {
        /// WeChat's errcode, if it answered one.
        errcode: Option<i64>,
        /// What went wrong, as the core says it (no secret, token or ticket).
        detail: String,
    },
    /// The check did not finish within its bound.
    TimedOut {
        /// The bound, in seconds.
        secs: u64,
    },
    /// Step 2: `PUBLIC_URL` is not set (QR codes use the request's host).
    PublicUrlUnset,
    /// `PUBLIC_URL` cannot be read as a page URL.
    PublicUrlUnreadable {
        /// The setting as given.
        url: String,
    },
    /// The scheme (WeChat wants `https` for a formal account; the newer document, 80/443).
    Scheme {
        /// `http` or `https`.
        scheme: String,
    },
    /// The host: a domain name, not `localhost` or an IP address.
    Host {
        /// The host.
        host: String,
    },
    /// The port: 80 or 443 only (the newer document).
    Port {
        /// The port, explicit or implied.
        port: u16,
    },
    /// The host among `JS_SAFE_DOMAINS`.
    SafeDomain {
        /// The host.
        host: String,
        /// `JS_SAFE_DOMAINS` (empty: any host is signed).
        allowed: Vec<String>,
    },
    /// No `WECHAT_VERIFY_FILES`: a test account needs none; a formal account does.
    NoVerifyFile,
    /// The verification file as fetched from `PUBLIC_URL`.
    VerifyFile {
        /// The URL fetched.
        url: String,
        /// What came back.
        fetched: Fetched,
    },
    /// Step 3: the jsapi_ticket is held.
    TicketHeld,
    /// A sample `wx.config` signed with it verifies as WeChat checks it.
    SampleSignature {
        /// The URL signed.
        url: String,
        /// The verification's errMsg (`config:ok` when right).
        err_msg: String,
    },
    /// Not run because an earlier check failed.
    NeedsEarlierStep,
}

/// What fetching the verification file at the public URL gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Fetched {
    /// The same bytes as the configured file.
    Same,
    /// Other bytes (another account's file, a page of a proxy).
    Different {
        /// Bytes received (at most one more than the file may hold).
        len: usize,
    },
    /// An HTTP status other than 200.
    Status {
        /// The status.
        status: u16,
    },
    /// A redirect to another host, not followed (WeChat does not follow it either).
    RedirectOffHost {
        /// Where it pointed.
        location: String,
    },
    /// No answer: DNS, connection, TLS or the time bound.
    Unreachable {
        /// The transport's reason.
        reason: String,
    },
}

/// One check: its state and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// Ok, wrong or not checked.
    pub state: State,
    /// What was looked at, with its values.
    pub finding: Finding,
}

impl Check {
    /// A check in `state` finding `finding`.
    pub fn new(state: State, finding: Finding) -> Self {
        Check { state, finding }
    }
}

/// The values to enter in the Official Account's admin pages (step 5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminValues {
    /// The JS interface safe domain: `PUBLIC_URL`'s host.
    pub domain: Option<String>,
    /// The server's IP as WeChat saw it (from a 40164), for the API IP whitelist.
    pub server_ip: Option<String>,
    /// The verification files served at the root.
    pub verify_files: Vec<String>,
}

/// Everything `/setup` shows; no secret, token or ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupReport {
    /// Sandbox mode.
    pub sandbox: bool,
    /// The appId (public by design).
    pub app_id: String,
    /// Step 1: credentials.
    pub credentials: Vec<Check>,
    /// Step 2: the public URL.
    pub public_url: Vec<Check>,
    /// Step 3: the jsapi_ticket and a sample signature.
    pub ticket: Vec<Check>,
    /// Step 5: what to set in the admin pages.
    pub admin: AdminValues,
    /// Step 4: the session the phone opened from the QR code reports to.
    pub session: String,
}

/// The query parameter that ties a phone's page to the `/setup` page it was opened from.
pub const SESSION_PARAM: &str = "setup";

/// A setup session id: 8 to 32 ASCII letters or digits (a nonce made by the server).
pub fn valid_session(id: &str) -> bool {
    (8..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The setup session named in a page URL's query (`…?setup=<id>`), if well formed.
pub fn session_in_url(href: &str) -> Option<&str> {
    let query = wechat::page_url::without_fragment(href).split_once('?')?.1;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == SESSION_PARAM)
        .map(|(_, value)| value)
        .filter(|value| valid_session(value))
}

/// What a phone opened from `/setup` reports, as the page receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneResult {
    /// `ready` or `error`.
    pub outcome: PhoneOutcome,
    /// `config:ok`, or wx.error's errMsg (bounded, shown as text).
    pub err_msg: String,
    /// For an error, what the server concluded.
    pub cause: Option<wechat::api::ConfigErrorCause>,
    /// `iOS 17.4.1`, `Android 14`…
    pub os: String,
    /// WeChat's version, `None` outside WeChat (the simulator).
    pub wechat_version: Option<String>,
    /// The page's path (`/basic`).
    pub path: String,
}

/// How the phone's `wx.config` ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneOutcome {
    /// `wx.ready` without an error.
    Ready,
    /// `wx.error`.
    Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_is_read_from_the_query_only_when_well_formed() {
        assert_eq!(
            session_in_url("https://a.example/basic?x=1&setup=abcdEFGH1234#frag"),
            Some("abcdEFGH1234")
        );
        assert_eq!(session_in_url("https://a.example/basic?setup=short"), None);
        assert_eq!(
            session_in_url("https://a.example/basic?setup=<script>aa"),
            None
        );
        assert_eq!(
            session_in_url("https://a.example/basic#setup=abcdEFGH1234"),
            None
        );
    }

    #[test]
    fn the_worst_state_wins() {
        assert_eq!(
            State::worst([State::Ok, State::NotChecked]),
            State::NotChecked
        );
        assert_eq!(
            State::worst([State::NotChecked, State::Wrong, State::Ok]),
            State::Wrong
        );
        assert_eq!(State::worst([]), State::Ok);
    }
}
