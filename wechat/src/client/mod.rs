//! The WeChat API calls behind the JS-SDK: access_token (classic or stable), the two tickets,
//! and card code decryption.
//!
//! Each call has a connect and a total timeout, retries `-1` and HTTP 5xx at most
//! [`ClientConfig::busy_retries`] times with exponential backoff, and returns a typed
//! [`UpstreamError`] otherwise. Refreshing a refused access_token is the cache's job
//! ([`crate::credentials`]), since only the cache knows whether the token is still current.

mod endpoint;
mod error;
mod stats;

pub use endpoint::{Endpoint, TicketKind};
pub use error::*;
pub use stats::{Outcome, UpstreamCount, UpstreamStats};

use crate::secret::Secret;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// WeChat's API host.
pub const DEFAULT_BASE_URL: &str = "https://api.weixin.qq.com";
/// Largest answer body read; WeChat's are a few hundred bytes.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// How the access_token is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TokenMode {
    /// `GET /cgi-bin/token`: every call issues a new token (the old one lives 5 more minutes).
    #[default]
    Classic,
    /// `POST /cgi-bin/stable_token` with `force_refresh:false`: returns the current token while
    /// it is valid, so several services can share an appId without invalidating each other.
    Stable,
}

/// Where and how to call WeChat. `Debug` shows the secret as `***`.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The Official Account's AppID.
    pub app_id: String,
    /// The AppSecret.
    pub app_secret: Secret,
    /// API base URL, [`DEFAULT_BASE_URL`] unless pointed at a fake.
    pub base_url: String,
    /// Time allowed to open the connection.
    pub connect_timeout: Duration,
    /// Time allowed for a whole call (one attempt).
    pub timeout: Duration,
    /// Classic token or stable_token.
    pub token_mode: TokenMode,
    /// Retries after a `-1` or HTTP 5xx answer.
    pub busy_retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub retry_backoff: Duration,
}

impl ClientConfig {
    /// The defaults for an account: WeChat's host, 3 s to connect, 5 s per call, 2 retries.
    pub fn new(app_id: impl Into<String>, app_secret: Secret) -> Self {
        Self {
            app_id: app_id.into(),
            app_secret,
            base_url: DEFAULT_BASE_URL.to_owned(),
            connect_timeout: Duration::from_secs(3),
            timeout: Duration::from_secs(5),
            token_mode: TokenMode::Classic,
            busy_retries: 2,
            retry_backoff: Duration::from_millis(200),
        }
    }

    /// The sandbox account of [`crate::fake`], at `base_url` (a [`crate::fake::FakeHandle`]'s).
    #[cfg(feature = "fake")]
    pub fn sandbox(base_url: &str) -> Self {
        Self::new(
            crate::fake::SANDBOX_APP_ID,
            Secret::new(crate::fake::SANDBOX_APP_SECRET),
        )
        .with_base_url(base_url)
    }

    /// Points the client at another API host (a fake, a proxy).
    pub fn with_base_url(mut self, base_url: &str) -> Self {
        self.base_url = base_url.trim_end_matches('/').to_owned();
        self
    }
}

/// Why a client could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ClientBuildError {
    /// The base URL is not http(s).
    #[error("WeChat API base URL {0:?} must start with http:// or https://")]
    BaseUrl(String),
    /// The appId or secret is empty.
    #[error("{0} is empty; set it or run in sandbox mode")]
    MissingCredential(&'static str),
    /// The HTTP stack could not start (TLS roots).
    #[error("could not build the HTTP client: {0}")]
    Http(String),
}

/// A success answer, of any of the endpoints.
#[derive(Debug, Default, Deserialize)]
struct Answer {
    #[serde(default)]
    errcode: Option<i64>,
    #[serde(default)]
    errmsg: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    ticket: Option<String>,
    #[serde(default)]
    expires_in: Option<i64>,
    #[serde(default)]
    code: Option<String>,
}

/// A token or ticket just fetched, with its lifetime in seconds as WeChat stated it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The token or ticket.
    pub value: Secret,
    /// Seconds it stays valid from now (for stable_token: what is left of it).
    pub expires_in: u64,
}

/// Calls the WeChat API. Cheap to clone; clones share connections and counters.
#[derive(Clone)]
pub struct WechatClient {
    http: reqwest::Client,
    config: Arc<ClientConfig>,
    stats: Arc<UpstreamStats>,
}

impl std::fmt::Debug for WechatClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WechatClient")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl WechatClient {
    /// A client for `config`; fails on an unusable base URL or empty credentials.
    pub fn new(config: ClientConfig) -> Result<Self, ClientBuildError> {
        let base = config.base_url.to_ascii_lowercase();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(ClientBuildError::BaseUrl(config.base_url));
        }
        if config.app_id.trim().is_empty() {
            return Err(ClientBuildError::MissingCredential("the appId"));
        }
        if config.app_secret.is_empty() {
            return Err(ClientBuildError::MissingCredential("the AppSecret"));
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            // A redirect would resend the secret in the query to another place; WeChat never redirects.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("wechat-rs/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| ClientBuildError::Http(error.without_url().to_string()))?;
        let config = ClientConfig {
            base_url: config.base_url.trim_end_matches('/').to_owned(),
            ..config
        };
        Ok(Self {
            http,
            config: Arc::new(config),
            stats: Arc::default(),
        })
    }

    /// The configuration (its `Debug` hides the secret).
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The AppID this client calls for.
    pub fn app_id(&self) -> &str {
        &self.config.app_id
    }

    /// Counters of every attempt made by this client and its clones.
    pub fn stats(&self) -> &UpstreamStats {
        &self.stats
    }

    /// A new access_token, from `/cgi-bin/token` or `/cgi-bin/stable_token` per the config.
    pub async fn fetch_access_token(&self) -> Result<Fetched, UpstreamError> {
        let secret = self.config.app_secret.expose();
        match self.config.token_mode {
            TokenMode::Classic => {
                let url = self.url("/cgi-bin/token");
                self.call(
                    Endpoint::Token,
                    || {
                        self.http.get(&url).query(&[
                            ("grant_type", "client_credential"),
                            ("appid", self.config.app_id.as_str()),
                            ("secret", secret),
                        ])
                    },
                    |answer| {
                        fetched(
                            Endpoint::Token,
                            answer.access_token,
                            answer.expires_in,
                            "access_token",
                        )
                    },
                    &[],
                )
                .await
            }
            TokenMode::Stable => {
                let url = self.url("/cgi-bin/stable_token");
                let body = serde_json::json!({
                    "grant_type": "client_credential",
                    "appid": self.config.app_id,
                    "secret": secret,
                    "force_refresh": false,
                });
                self.call(
                    Endpoint::StableToken,
                    || self.http.post(&url).json(&body),
                    |answer| {
                        fetched(
                            Endpoint::StableToken,
                            answer.access_token,
                            answer.expires_in,
                            "access_token",
                        )
                    },
                    &[],
                )
                .await
            }
        }
    }

    /// A new ticket of `kind`, fetched with `access_token`.
    pub async fn fetch_ticket(
        &self,
        access_token: &Secret,
        kind: TicketKind,
    ) -> Result<Fetched, UpstreamError> {
        let url = self.url("/cgi-bin/ticket/getticket");
        let endpoint = kind.endpoint();
        self.call(
            endpoint,
            || {
                self.http.get(&url).query(&[
                    ("access_token", access_token.expose()),
                    ("type", kind.type_param()),
                ])
            },
            |answer| fetched(endpoint, answer.ticket, answer.expires_in, "ticket"),
            &[access_token],
        )
        .await
    }

    /// The clear code of a card `encrypt_code` (from `wx.chooseCard`), via `/card/code/decrypt`.
    pub async fn decrypt_card_code(
        &self,
        access_token: &Secret,
        encrypt_code: &str,
    ) -> Result<String, UpstreamError> {
        let url = self.url("/card/code/decrypt");
        let body = serde_json::json!({ "encrypt_code": encrypt_code });
        self.call(
            Endpoint::DecryptCode,
            || {
                self.http
                    .post(&url)
                    .query(&[("access_token", access_token.expose())])
                    .json(&body)
            },
            |answer| match answer.code {
                Some(code) if !code.is_empty() => Ok(code),
                _ => Err(UpstreamError::EmptyCredential {
                    endpoint: Endpoint::DecryptCode,
                    field: "code",
                }),
            },
            &[access_token],
        )
        .await
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    /// One call with its retries: attempts, counts each, retries transient failures.
    async fn call<T>(
        &self,
        endpoint: Endpoint,
        request: impl Fn() -> reqwest::RequestBuilder,
        extract: impl Fn(Answer) -> Result<T, UpstreamError>,
        secrets: &[&Secret],
    ) -> Result<T, UpstreamError> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let result = match self.attempt(endpoint, request(), secrets).await {
                Ok(answer) => extract(answer),
                Err(error) => Err(error),
            };
            self.stats.record(endpoint, Outcome::of(&result));
            match result {
                Err(error) if error.is_transient() && attempts <= self.config.busy_retries => {
                    let backoff = self.config.retry_backoff * 2u32.saturating_pow(attempts - 1);
                    tracing::debug!(%endpoint, attempts, ?backoff, %error, "retrying WeChat call");
                    tokio::time::sleep(backoff).await;
                }
                Err(UpstreamError::Busy {
                    endpoint, errmsg, ..
                }) => {
                    return Err(UpstreamError::Busy {
                        endpoint,
                        errmsg,
                        attempts,
                    })
                }
                other => return other,
            }
        }
    }

    /// One HTTP exchange, up to a parsed answer without errcode.
    async fn attempt(
        &self,
        endpoint: Endpoint,
        request: reqwest::RequestBuilder,
        secrets: &[&Secret],
    ) -> Result<Answer, UpstreamError> {
        let transport = |error: reqwest::Error| {
            if error.is_timeout() {
                UpstreamError::Timeout {
                    endpoint,
                    timeout_ms: u64::try_from(self.config.timeout.as_millis()).unwrap_or(u64::MAX),
                }
            } else {
                UpstreamError::Transport {
                    endpoint,
                    detail: self.describe(error, secrets),
                }
            }
        };
        let mut response = request.send().await.map_err(transport)?;
        let status = response.status();
        if !status.is_success() {
            return Err(UpstreamError::HttpStatus {
                endpoint,
                status: status.as_u16(),
            });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(UpstreamError::MalformedJson {
                    endpoint,
                    detail: format!("answer larger than {MAX_BODY_BYTES} bytes"),
                });
            }
            body.extend_from_slice(&chunk);
        }
        let answer: Answer =
            serde_json::from_slice(&body).map_err(|error| UpstreamError::MalformedJson {
                endpoint,
                detail: error.to_string(),
            })?;
        match answer.errcode {
            Some(errcode) if errcode != 0 => Err(UpstreamError::from_errcode(
                endpoint,
                errcode,
                answer.errmsg.as_deref().unwrap_or_default(),
            )),
            _ => Ok(answer),
        }
    }

    /// A transport error as text: the URL (which holds the secret or a token) removed, the
    /// causes appended, and any secret value masked in case a cause quotes it.
    fn describe(&self, error: reqwest::Error, secrets: &[&Secret]) -> String {
        let error = error.without_url();
        let mut text = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        for secret in secrets.iter().copied().chain([&self.config.app_secret]) {
            if !secret.is_empty() {
                text = text.replace(secret.expose(), "***");
            }
        }
        text
    }
}

fn fetched(
    endpoint: Endpoint,
    value: Option<String>,
    expires_in: Option<i64>,
    field: &'static str,
) -> Result<Fetched, UpstreamError> {
    let value = value.unwrap_or_default();
    if value.is_empty() {
        return Err(UpstreamError::EmptyCredential { endpoint, field });
    }
    match expires_in {
        Some(seconds) if seconds > 0 => Ok(Fetched {
            value: Secret::new(value),
            expires_in: seconds.unsigned_abs(),
        }),
        Some(seconds) => Err(UpstreamError::MalformedJson {
            endpoint,
            detail: format!("expires_in is {seconds}"),
        }),
        None => Err(UpstreamError::MalformedJson {
            endpoint,
            detail: "expires_in is missing".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_debug_hides_the_secret() {
        let config = ClientConfig::new("wx1", Secret::new("canary-secret"));
        let shown = format!("{config:?}");
        assert!(!shown.contains("canary"), "{shown}");
        let client = WechatClient::new(config).unwrap();
        assert!(!format!("{client:?}").contains("canary"));
    }

    #[test]
    fn empty_credentials_and_odd_base_urls_are_refused() {
        assert!(matches!(
            WechatClient::new(ClientConfig::new("", Secret::new("s"))),
            Err(ClientBuildError::MissingCredential(_))
        ));
        assert!(matches!(
            WechatClient::new(ClientConfig::new("wx", Secret::default())),
            Err(ClientBuildError::MissingCredential(_))
        ));
        assert!(matches!(
            WechatClient::new(ClientConfig::new("wx", Secret::new("s")).with_base_url("ftp://x")),
            Err(ClientBuildError::BaseUrl(_))
        ));
    }

    #[test]
    fn both_answer_shapes_parse() {
        let plain: Answer =
            serde_json::from_str(r#"{"access_token":"T","expires_in":7200}"#).unwrap();
        assert!(fetched(
            Endpoint::Token,
            plain.access_token,
            plain.expires_in,
            "access_token"
        )
        .is_ok());
        let ok: Answer =
            serde_json::from_str(r#"{"errcode":0,"errmsg":"ok","ticket":"X","expires_in":7200}"#)
                .unwrap();
        assert_eq!(ok.errcode, Some(0));
        let ticket = fetched(Endpoint::JsapiTicket, ok.ticket, ok.expires_in, "ticket").unwrap();
        assert_eq!((ticket.value.expose(), ticket.expires_in), ("X", 7200));
    }

    #[test]
    fn an_empty_value_is_an_error_not_a_credential() {
        assert_eq!(
            fetched(
                Endpoint::JsapiTicket,
                Some(String::new()),
                Some(7200),
                "ticket"
            ),
            Err(UpstreamError::EmptyCredential {
                endpoint: Endpoint::JsapiTicket,
                field: "ticket"
            })
        );
        assert!(matches!(
            fetched(Endpoint::Token, Some("T".into()), None, "access_token"),
            Err(UpstreamError::MalformedJson { .. })
        ));
    }
}
