//! Settings from flags, environment and `.env`, checked before anything starts.

use crate::rate_limit::RateLimit;
use crate::telemetry::LogFormat;
use clap::Parser;
use std::{net::SocketAddr, path::PathBuf, time::Duration};
use thiserror::Error;
use wechat::credentials::{RedisTls, RedisTlsError};
use wechat::page_url::{SafeDomains, UrlError};

/// Every setting of the server. Each flag can also come from the environment
/// variable named beside it, or from a `.env` file in the working directory.
#[derive(Parser, Clone)]
#[command(
    name = "server",
    version,
    about = "WeChat JS-SDK playground server",
    long_about = "Serves the WeChat JS-SDK playground. Without WECHAT_APP_ID and \
                  WECHAT_APP_SECRET it runs in sandbox mode: an embedded fake WeChat \
                  API on loopback signs the pages, and the browser simulates WeChat."
)]
pub struct Settings {
    /// Official Account appId (`wx` + 16 characters). Unset (with the secret unset too) = sandbox mode.
    #[arg(long, env = "WECHAT_APP_ID")]
    pub app_id: Option<String>,

    /// Official Account AppSecret (32 characters). Never logged, never sent to a browser.
    #[arg(long, env = "WECHAT_APP_SECRET", hide_env_values = true)]
    pub app_secret: Option<String>,

    /// Base URL of the WeChat API (point it at a fake for tests).
    #[arg(
        long,
        env = "WECHAT_API_BASE",
        default_value = "https://api.weixin.qq.com"
    )]
    pub api_base: String,

    /// Public URL of this site, used for QR codes (else derived from Host / X-Forwarded-* headers).
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Comma-separated JS interface safe domains; pages on other hosts are refused a signature.
    /// Empty = any host (sandbox default).
    #[arg(long, env = "JS_SAFE_DOMAINS", value_delimiter = ',')]
    pub js_safe_domains: Vec<String>,

    /// Domain verification files of a formal Official Account (comma-separated): files named
    /// `MP_verify_<random>.txt` as downloaded from the admin page, or folders holding them.
    /// Each is served at `/<its name>`, byte for byte.
    #[arg(long, env = "WECHAT_VERIFY_FILES", value_delimiter = ',')]
    pub verify_files: Vec<PathBuf>,

    /// For tests: the origin `/setup` connects to when it fetches PUBLIC_URL's verification
    /// files (standing in for DNS and a TLS proxy); unset = PUBLIC_URL itself.
    #[arg(long, hide = true)]
    pub public_url_probe: Option<String>,

    /// Redis URL for sharing credentials between instances (e.g. redis://127.0.0.1:6379/0,
    /// or rediss:// for TLS).
    #[arg(long, env = "REDIS_URL")]
    pub redis_url: Option<String>,

    /// PEM file of the CA(s) to trust for a rediss:// server instead of the built-in web PKI
    /// roots (a private CA, a self-signed server certificate).
    #[arg(long, env = "REDIS_CA_FILE")]
    pub redis_ca_file: Option<PathBuf>,

    /// PEM file of the client certificate (chain) to present to a rediss:// server that asks
    /// for one (Redis's default, `tls-auth-clients yes`); with REDIS_CLIENT_KEY_FILE.
    #[arg(long, env = "REDIS_CLIENT_CERT_FILE")]
    pub redis_client_cert_file: Option<PathBuf>,

    /// PEM file of the client certificate's private key; with REDIS_CLIENT_CERT_FILE.
    #[arg(long, env = "REDIS_CLIENT_KEY_FILE")]
    pub redis_client_key_file: Option<PathBuf>,

    /// How long, in milliseconds, an instance's refresh lease in Redis lasts if it is never
    /// released (the instance died). Keep it longer than one WeChat call.
    #[arg(long, env = "REDIS_LEASE_MS", default_value_t = 10_000)]
    pub redis_lease_ms: u64,

    /// Directory for persistent state (credential cache).
    #[arg(long, env = "STATE_DIR", default_value = "state")]
    pub state_dir: PathBuf,

    /// Database for saved QA reports (`sqlite:` URL). Default: `qa-reports.sqlite` under STATE_DIR.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub site_addr: SocketAddr,

    /// Log format.
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Pretty)]
    pub log_format: LogFormat,

    /// Timeout, in seconds, for a whole call to the WeChat API.
    #[arg(long, env = "WECHAT_TIMEOUT_SECS", default_value_t = 5)]
    pub upstream_timeout_secs: u64,

    /// Use `/cgi-bin/stable_token` instead of `/cgi-bin/token` for the access_token.
    #[arg(long, env = "WECHAT_STABLE_TOKEN", default_value_t = false)]
    pub stable_token: bool,

    /// Signing requests (`/api/js_config`, card and pay signatures) allowed per second per
    /// client IP; 0 = no limit.
    #[arg(long, env = "SIGN_RATE_LIMIT", default_value_t = 0)]
    pub sign_rate_limit: u32,

    /// Signing requests a client may make at once (the token bucket's size).
    #[arg(long, env = "SIGN_RATE_BURST", default_value_t = 20)]
    pub sign_rate_burst: u32,

    /// Take the client IP from the first `X-Forwarded-For` hop (only behind a proxy that sets it).
    #[arg(long, env = "TRUST_FORWARDED", default_value_t = false)]
    pub trust_forwarded: bool,
}

/// A setting that cannot be used, with what to do about it.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("WECHAT_APP_ID is set but WECHAT_APP_SECRET is not: set both for live mode, or neither for sandbox mode")]
    SecretMissing,
    #[error("WECHAT_APP_SECRET is set but WECHAT_APP_ID is not: set both for live mode, or neither for sandbox mode")]
    AppIdMissing,
    #[error("WECHAT_APP_ID {0:?} is malformed: an appId is `wx` followed by 16 letters or digits (see the Official Account's basic configuration page)")]
    AppIdMalformed(String),
    #[error(
        "WECHAT_APP_SECRET is malformed: an AppSecret is 32 letters or digits (value not shown)"
    )]
    SecretMalformed,
    #[error("WECHAT_API_BASE {0:?} is not an http(s) URL: use e.g. https://api.weixin.qq.com")]
    ApiBaseMalformed(String),
    #[error("PUBLIC_URL {0:?} is not an http(s) URL: use e.g. https://demo.example.com")]
    PublicUrlMalformed(String),
    #[error("JS_SAFE_DOMAINS entry {0:?} is not a host name: list hosts like `example.com,demo.example.org`, without port or path")]
    SafeDomainMalformed(String),
    #[error("REDIS_URL is not a redis:// or rediss:// URL: use redis://[user:password@]host[:port][/db], or rediss:// for TLS")]
    RedisUrlMalformed,
    #[error("{0} is set but REDIS_URL is not a rediss:// URL: certificates are for TLS connections; use rediss://, or unset {0}")]
    RedisTlsWithoutRediss(&'static str),
    #[error("REDIS_CLIENT_CERT_FILE and REDIS_CLIENT_KEY_FILE go together: set both (the client certificate and its private key) or neither")]
    RedisClientCertIncomplete,
    #[error("{setting} {path:?} cannot be read: {reason}")]
    RedisTlsFileUnreadable {
        setting: &'static str,
        path: PathBuf,
        reason: String,
    },
    #[error(
        "{setting} {path:?}: {problem}: give the PEM file, not DER or a bundle of another format"
    )]
    RedisTlsFileNotPem {
        setting: &'static str,
        path: PathBuf,
        problem: RedisTlsError,
    },
    #[error("REDIS_LEASE_MS must be between 100 and 600000, got {0}")]
    RedisLeaseOutOfRange(u64),
    #[error("DATABASE_URL {0:?} is not a sqlite: URL: use e.g. sqlite://state/qa-reports.sqlite, or leave it unset")]
    DatabaseUrlMalformed(String),
    #[error("WECHAT_TIMEOUT_SECS must be between 1 and 60, got {0}")]
    TimeoutOutOfRange(u64),
    #[error("SIGN_RATE_BURST must be at least 1 when SIGN_RATE_LIMIT is set")]
    RateBurstZero,
    #[error(transparent)]
    VerifyFiles(#[from] crate::verify_files::VerifyFilesError),
}

/// WeChat credentials for live mode. The secret has no `Debug` output.
#[derive(Clone)]
pub struct LiveCredentials {
    pub app_id: String,
    pub app_secret: String,
}

impl std::fmt::Debug for LiveCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveCredentials")
            .field("app_id", &self.app_id)
            .field("app_secret", &"***")
            .finish()
    }
}

/// Validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// `None` = sandbox mode.
    pub credentials: Option<LiveCredentials>,
    pub api_base: String,
    pub public_url: Option<String>,
    /// Parsed by the core, as the signing code and the doctor read them.
    pub js_safe_domains: SafeDomains,
    /// The domain verification files, read and checked.
    pub verify_files: Vec<app::state::VerifyFile>,
    /// Where `/setup` fetches PUBLIC_URL's files from (tests only); `None` = PUBLIC_URL.
    pub public_url_probe: Option<String>,
    pub redis_url: Option<String>,
    /// Certificates for a `rediss://` Redis (no `Debug` output of their contents).
    pub redis_tls: Option<RedisTls>,
    /// Lifetime of an unreleased refresh lease in Redis.
    pub redis_lease: Duration,
    pub state_dir: PathBuf,
    /// Where QA reports are stored (a `sqlite:` URL).
    pub database_url: String,
    pub site_addr: SocketAddr,
    pub upstream_timeout: Duration,
    pub stable_token: bool,
    /// Per-client limit on the signing endpoints.
    pub sign_rate_limit: RateLimit,
}

impl Config {
    /// True when no credentials are configured.
    pub fn is_sandbox(&self) -> bool {
        self.credentials.is_none()
    }
}

impl Settings {
    /// Checks every setting; the first problem found is returned, naming the setting.
    pub fn validate(&self) -> Result<Config, ConfigError> {
        let app_id = non_empty(&self.app_id);
        let app_secret = non_empty(&self.app_secret);
        let credentials = match (app_id, app_secret) {
            (None, None) => None,
            (Some(_), None) => return Err(ConfigError::SecretMissing),
            (None, Some(_)) => return Err(ConfigError::AppIdMissing),
            (Some(id), Some(secret)) => {
                if wechat::input::AppId::parse(id).is_err() {
                    return Err(ConfigError::AppIdMalformed(id.to_owned()));
                }
                if secret.len() != 32 || !secret.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(ConfigError::SecretMalformed);
                }
                Some(LiveCredentials {
                    app_id: id.to_owned(),
                    app_secret: secret.to_owned(),
                })
            }
        };
        if !is_http_url(&self.api_base) {
            return Err(ConfigError::ApiBaseMalformed(self.api_base.clone()));
        }
        let public_url = non_empty(&self.public_url).map(str::to_owned);
        if let Some(url) = &public_url {
            if !is_http_url(url) {
                return Err(ConfigError::PublicUrlMalformed(url.clone()));
            }
        }
        let js_safe_domains =
            SafeDomains::new(&self.js_safe_domains).map_err(|error| match error {
                UrlError::InvalidSafeDomain { entry } => ConfigError::SafeDomainMalformed(entry),
                other => ConfigError::SafeDomainMalformed(other.to_string()),
            })?;
        let verify_files = crate::verify_files::load(&self.verify_files)?;
        let redis_url = non_empty(&self.redis_url).map(str::to_owned);
        if let Some(url) = &redis_url {
            // The URL may carry a password: the error does not repeat it.
            if !url.starts_with("redis://") && !url.starts_with("rediss://") {
                return Err(ConfigError::RedisUrlMalformed);
            }
        }
        let redis_tls = self.redis_tls(redis_url.as_deref())?;
        if !(100..=600_000).contains(&self.redis_lease_ms) {
            return Err(ConfigError::RedisLeaseOutOfRange(self.redis_lease_ms));
        }
        let database_url = match non_empty(&self.database_url) {
            Some(url) if url.starts_with("sqlite:") => url.to_owned(),
            Some(url) => return Err(ConfigError::DatabaseUrlMalformed(url.to_owned())),
            None => crate::qa_store::default_url(&self.state_dir),
        };
        if !(1..=60).contains(&self.upstream_timeout_secs) {
            return Err(ConfigError::TimeoutOutOfRange(self.upstream_timeout_secs));
        }
        let sign_rate_limit = self.rate_limit()?;
        Ok(Config {
            credentials,
            api_base: self.api_base.trim_end_matches('/').to_owned(),
            public_url: public_url.map(|u| u.trim_end_matches('/').to_owned()),
            js_safe_domains,
            verify_files,
            public_url_probe: non_empty(&self.public_url_probe)
                .map(|u| u.trim_end_matches('/').to_owned()),
            redis_url,
            redis_tls,
            redis_lease: Duration::from_millis(self.redis_lease_ms),
            state_dir: self.state_dir.clone(),
            database_url,
            site_addr: self.site_addr,
            upstream_timeout: Duration::from_secs(self.upstream_timeout_secs),
            stable_token: self.stable_token,
            sign_rate_limit,
        })
    }

    /// The certificates named by the REDIS_*_FILE settings, read and checked; `None` when
    /// none is set.
    fn redis_tls(&self, redis_url: Option<&str>) -> Result<Option<RedisTls>, ConfigError> {
        let ca = self.redis_ca_file.as_ref().map(|p| ("REDIS_CA_FILE", p));
        let cert = self
            .redis_client_cert_file
            .as_ref()
            .map(|p| ("REDIS_CLIENT_CERT_FILE", p));
        let key = self
            .redis_client_key_file
            .as_ref()
            .map(|p| ("REDIS_CLIENT_KEY_FILE", p));
        let Some((first, _)) = ca.or(cert).or(key) else {
            return Ok(None);
        };
        if !redis_url.is_some_and(|url| url.starts_with("rediss://")) {
            return Err(ConfigError::RedisTlsWithoutRediss(first));
        }
        if cert.is_some() != key.is_some() {
            return Err(ConfigError::RedisClientCertIncomplete);
        }
        let ca_pem = ca.map(read_file).transpose()?;
        let client = match cert.zip(key) {
            Some((cert, key)) => Some((read_file(cert)?, read_file(key)?)),
            None => None,
        };
        RedisTls::new(ca_pem, client).map(Some).map_err(|problem| {
            let (setting, path) = match problem {
                RedisTlsError::CaNotPem => ca,
                RedisTlsError::ClientCertNotPem => cert,
                RedisTlsError::ClientKeyNotPem => key,
            }
            .expect("the file the problem is in was given");
            ConfigError::RedisTlsFileNotPem {
                setting,
                path: path.clone(),
                problem,
            }
        })
    }

    fn rate_limit(&self) -> Result<RateLimit, ConfigError> {
        if self.sign_rate_limit > 0 && self.sign_rate_burst == 0 {
            return Err(ConfigError::RateBurstZero);
        }
        Ok(RateLimit {
            per_second: self.sign_rate_limit,
            burst: self.sign_rate_burst,
            trust_forwarded: self.trust_forwarded,
        })
    }
}

/// The contents of the file given in `setting`.
fn read_file((setting, path): (&'static str, &PathBuf)) -> Result<Vec<u8>, ConfigError> {
    std::fs::read(path).map_err(|error| ConfigError::RedisTlsFileUnreadable {
        setting,
        path: path.clone(),
        reason: error.to_string(),
    })
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    matches!(rest, Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !rest.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &[&str]) -> Settings {
        let mut argv = vec!["server"];
        argv.extend_from_slice(args);
        Settings::try_parse_from(argv).expect("arguments parse")
    }

    const ID: &str = "wx1234567890abcdef";
    const SECRET: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn no_credentials_means_sandbox() {
        let config = settings(&[]).validate().unwrap();
        assert!(config.is_sandbox());
    }

    #[test]
    fn both_credentials_mean_live_mode() {
        let config = settings(&["--app-id", ID, "--app-secret", SECRET])
            .validate()
            .unwrap();
        assert_eq!(config.credentials.unwrap().app_id, ID);
    }

    #[test]
    fn only_one_credential_is_refused_naming_the_missing_one() {
        let err = settings(&["--app-id", ID]).validate().unwrap_err();
        assert_eq!(err, ConfigError::SecretMissing);
        assert!(err.to_string().contains("WECHAT_APP_SECRET"));
        let err = settings(&["--app-secret", SECRET]).validate().unwrap_err();
        assert_eq!(err, ConfigError::AppIdMissing);
        assert!(err.to_string().contains("WECHAT_APP_ID"));
    }

    #[test]
    fn malformed_app_id_is_named() {
        let err = settings(&["--app-id", "1234", "--app-secret", SECRET])
            .validate()
            .unwrap_err();
        assert_eq!(err, ConfigError::AppIdMalformed("1234".into()));
    }

    #[test]
    fn malformed_secret_message_does_not_echo_the_secret() {
        let bad = "not-a-secret-but-a-canary-value!";
        let err = settings(&["--app-id", ID, "--app-secret", bad])
            .validate()
            .unwrap_err();
        assert_eq!(err, ConfigError::SecretMalformed);
        assert!(!err.to_string().contains(bad));
    }

    #[test]
    fn secret_is_hidden_from_debug_output() {
        let config = settings(&["--app-id", ID, "--app-secret", SECRET])
            .validate()
            .unwrap();
        assert!(!format!("{config:?}").contains(SECRET));
    }

    #[test]
    fn safe_domains_are_split_trimmed_and_checked() {
        let config = settings(&["--js-safe-domains", "Example.com, demo.example.org"])
            .validate()
            .unwrap();
        assert_eq!(
            config.js_safe_domains.domains(),
            ["example.com", "demo.example.org"]
        );
        // As WeChat's admin page takes it, and as the core documents: the scheme is dropped.
        let config = settings(&["--js-safe-domains", "https://example.com/"])
            .validate()
            .unwrap();
        assert_eq!(config.js_safe_domains.domains(), ["example.com"]);
        let err = settings(&["--js-safe-domains", "example.com:8080"])
            .validate()
            .unwrap_err();
        assert!(matches!(err, ConfigError::SafeDomainMalformed(_)));
    }

    #[test]
    fn the_sign_rate_limit_is_off_by_default_and_needs_a_burst() {
        let config = settings(&[]).validate().unwrap();
        assert!(!config.sign_rate_limit.is_on());
        let config = settings(&["--sign-rate-limit", "5", "--trust-forwarded"])
            .validate()
            .unwrap();
        assert_eq!(config.sign_rate_limit.per_second, 5);
        assert_eq!(config.sign_rate_limit.burst, 20);
        assert!(config.sign_rate_limit.trust_forwarded);
        let err = settings(&["--sign-rate-limit", "5", "--sign-rate-burst", "0"])
            .validate()
            .unwrap_err();
        assert_eq!(err, ConfigError::RateBurstZero);
    }

    #[test]
    fn urls_must_be_http() {
        let err = settings(&["--public-url", "ftp://x"])
            .validate()
            .unwrap_err();
        assert!(matches!(err, ConfigError::PublicUrlMalformed(_)));
        let err = settings(&["--api-base", "localhost:1"])
            .validate()
            .unwrap_err();
        assert!(matches!(err, ConfigError::ApiBaseMalformed(_)));
        let err = settings(&["--redis-url", "http://user:hunter2@x"])
            .validate()
            .unwrap_err();
        assert_eq!(err, ConfigError::RedisUrlMalformed);
        assert!(err.to_string().contains("rediss://"), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
        let config = settings(&["--redis-url", "rediss://cache.internal:6380"])
            .validate()
            .unwrap();
        assert_eq!(
            config.redis_url.as_deref(),
            Some("rediss://cache.internal:6380")
        );
        assert!(config.redis_tls.is_none());
    }

    /// PEM-shaped files (config checks the blocks are there; the TLS layer parses them).
    fn pem_files() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "ca.pem",
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        );
        write(
            "client.pem",
            "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n",
        );
        write(
            "client-key.pem",
            "-----BEGIN EC PRIVATE KEY-----\nkey-canary\n-----END EC PRIVATE KEY-----\n",
        );
        write("ca.der", "\u{30}\u{82} binary");
        dir
    }

    #[test]
    fn redis_tls_files_are_read_and_checked() {
        let dir = pem_files();
        let file = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
        let (ca, cert, key) = (file("ca.pem"), file("client.pem"), file("client-key.pem"));
        let tls_url = ["--redis-url", "rediss://cache.internal:6380/0"];

        let config = settings(
            &[
                &tls_url[..],
                &[
                    "--redis-ca-file",
                    &ca,
                    "--redis-client-cert-file",
                    &cert,
                    "--redis-client-key-file",
                    &key,
                ],
            ]
            .concat(),
        )
        .validate()
        .unwrap();
        let tls = config.redis_tls.as_ref().expect("TLS settings");
        assert!(tls.ca_pem().unwrap().starts_with(b"-----BEGIN CERTIFICATE"));
        let (client_cert, client_key) = tls.client().unwrap();
        assert!(client_cert.starts_with(b"-----BEGIN CERTIFICATE"));
        assert!(client_key.expose().contains("key-canary"));
        assert!(!format!("{config:?}").contains("key-canary"));

        // The CA alone is enough (a server that asks for no client certificate).
        let config = settings(&[&tls_url[..], &["--redis-ca-file", &ca]].concat())
            .validate()
            .unwrap();
        assert!(config.redis_tls.unwrap().client().is_none());

        let refused = |args: &[&str]| settings(args).validate().unwrap_err();
        assert_eq!(
            refused(&["--redis-url", "redis://cache:6379", "--redis-ca-file", &ca]),
            ConfigError::RedisTlsWithoutRediss("REDIS_CA_FILE")
        );
        assert_eq!(
            refused(&["--redis-client-key-file", &key]),
            ConfigError::RedisTlsWithoutRediss("REDIS_CLIENT_KEY_FILE")
        );
        assert_eq!(
            refused(&[&tls_url[..], &["--redis-client-cert-file", &cert]].concat()),
            ConfigError::RedisClientCertIncomplete
        );
        let missing =
            refused(&[&tls_url[..], &["--redis-ca-file", "/nonexistent/ca.pem"]].concat());
        assert!(matches!(
            missing,
            ConfigError::RedisTlsFileUnreadable {
                setting: "REDIS_CA_FILE",
                ..
            }
        ));
        assert!(
            missing.to_string().contains("/nonexistent/ca.pem"),
            "{missing}"
        );
        let der = refused(&[&tls_url[..], &["--redis-ca-file", &file("ca.der")]].concat());
        assert!(
            der.to_string().contains("REDIS_CA_FILE")
                && der.to_string().contains("BEGIN CERTIFICATE"),
            "{der}"
        );
        // A certificate where the key should be.
        let swapped = refused(
            &[
                &tls_url[..],
                &[
                    "--redis-client-cert-file",
                    &cert,
                    "--redis-client-key-file",
                    &cert,
                ],
            ]
            .concat(),
        );
        assert!(
            matches!(
                swapped,
                ConfigError::RedisTlsFileNotPem {
                    setting: "REDIS_CLIENT_KEY_FILE",
                    ..
                }
            ),
            "{swapped}"
        );
        assert!(swapped.to_string().contains("private key"), "{swapped}");
    }

    #[test]
    fn the_redis_lease_is_bounded() {
        assert_eq!(
            settings(&[]).validate().unwrap().redis_lease,
            Duration::from_secs(10)
        );
        let err = settings(&["--redis-lease-ms", "5"]).validate().unwrap_err();
        assert_eq!(err, ConfigError::RedisLeaseOutOfRange(5));
        assert!(err.to_string().contains("REDIS_LEASE_MS"));
    }

    #[test]
    fn database_url_defaults_under_the_state_dir_and_must_be_sqlite() {
        let config = settings(&["--state-dir", "some/dir"]).validate().unwrap();
        assert_eq!(config.database_url, "sqlite://some/dir/qa-reports.sqlite");
        let config = settings(&["--database-url", "sqlite://elsewhere.db"])
            .validate()
            .unwrap();
        assert_eq!(config.database_url, "sqlite://elsewhere.db");
        let err = settings(&["--database-url", "postgres://db"])
            .validate()
            .unwrap_err();
        assert_eq!(
            err,
            ConfigError::DatabaseUrlMalformed("postgres://db".into())
        );
    }
}
