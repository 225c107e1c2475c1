//! Which URL gets signed for `wx.config`, and which are refused.
//!
//! WeChat recomputes the signature over `location.href` without its `#fragment`, byte for byte.
//! So the URL is kept exactly as sent (no decoding, no re-encoding, no added `/`); only the
//! fragment is cut. URLs that can never verify, or that point outside this account's JS safe
//! domains, are refused with an error that says what to fix.

//! The parser is hand-written rather than the `url` crate's on purpose: WeChat signs the bytes
//! the page holds, and `url` normalises them (adds a `/`, lower-cases the host, re-encodes the
//! query), which would sign a different string; it would also add its IDNA tables to the
//! browser's wasm bundle, which runs this same code.

use crate::user_agent;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest page URL accepted (after the fragment is cut). Real page URLs are far shorter; the
/// bound keeps a public signing endpoint cheap.
pub const MAX_URL_BYTES: usize = 4096;

/// Why a page URL or a safe-domain entry was refused. Every message says what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Nothing to sign.
    #[error(
        "the page URL is empty; send location.href.split('#')[0] of the page that calls wx.config"
    )]
    Empty,
    /// Over [`MAX_URL_BYTES`].
    #[error("the page URL is {len} bytes long; at most {MAX_URL_BYTES} bytes are accepted")]
    TooLong {
        /// Length of the URL without its fragment.
        len: usize,
    },
    /// Whitespace or a control character: location.href never contains one.
    #[error("the page URL contains whitespace or a control character at byte {at}; send location.href exactly as the browser reports it")]
    ForbiddenCharacter {
        /// Byte offset of the first offending character.
        at: usize,
    },
    /// The whole URL is still percent-encoded (`https%3A%2F%2F…`).
    #[error("the page URL is still percent-encoded (it starts with {prefix:?}); decode it once before signing")]
    StillEncoded {
        /// The encoded scheme as sent.
        prefix: String,
    },
    /// Not `http://` or `https://`.
    #[error("the page URL must start with http:// or https:// (lowercase, as location.href does); it starts with {prefix:?}")]
    Scheme {
        /// The first characters of the URL.
        prefix: String,
    },
    /// `http://` followed by nothing usable as a host.
    #[error("the page URL has no host; send the full URL, e.g. https://example.com/page")]
    MissingHost,
    /// `user:password@host`: never part of a page URL WeChat can verify, and a credential leak.
    #[error("the page URL carries user credentials before the host (user@host); remove them")]
    UserInfo,
    /// A port that is not a number.
    #[error("the page URL's port {port:?} is not a number")]
    InvalidPort {
        /// The text after the host's `:`.
        port: String,
    },
    /// The host is not one of this account's JS interface safe domains.
    #[error("host {host} is not among the JS safe domains ({allowed}); add it to JS_SAFE_DOMAINS and to the Official Account's JS interface safe domains, or open the page on an allowed host")]
    HostNotAllowed {
        /// The refused host (lowercase).
        host: String,
        /// The configured domains, comma-separated.
        allowed: String,
    },
    /// A configured safe domain that is not a bare domain name.
    #[error("JS safe domain {entry:?} is not a domain name; write it like example.com (no port, path or wildcard other than a leading *.)")]
    InvalidSafeDomain {
        /// The entry as configured.
        entry: String,
    },
}

/// Something legal but suspicious about a URL that was accepted: the usual causes of
/// `invalid signature`, reported so a UI can show them next to the signature. Only a code:
/// the app says each one in the reader's language (its wire name is the snake_case one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrlLint {
    /// A `#fragment` was cut off (expected for SPA hash routes; WeChat ignores it too).
    FragmentRemoved,
    /// `&amp;` in the URL: it was HTML-escaped on its way to the server.
    EscapedAmpersand,
    /// `%25` in the URL: something may have percent-encoded it twice.
    DoubleEncoded,
    /// Nothing after the host (`https://example.com` or `https://example.com?x`); browsers
    /// always show a `/` there.
    NoPathAfterHost,
    /// Upper-case letters in the host; browsers lower-case it in location.href.
    UppercaseHost,
    /// `:80` on http or `:443` on https; browsers drop the default port from location.href.
    DefaultPort,
    /// A port other than 80 and 443: the newer document says WeChat's web pages only use those
    /// two (`仅支持80（http）和443（https）两个端口`), so a JS safe domain carries no port.
    NonStandardPort,
    /// `localhost` or an IP address: a JS safe domain must be a registered domain (with an
    /// ICP filing) that WeChat can reach; a phone cannot open the desk's loopback.
    LocalOrIpHost,
}

impl UrlLint {
    /// Every lint, in declaration order: what a page that says them in words walks.
    pub const ALL: [UrlLint; 8] = [
        Self::FragmentRemoved,
        Self::EscapedAmpersand,
        Self::DoubleEncoded,
        Self::NoPathAfterHost,
        Self::UppercaseHost,
        Self::DefaultPort,
        Self::NonStandardPort,
        Self::LocalOrIpHost,
    ];
}

/// Why a particular URL was chosen for signing, shown on the page next to the signed URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignedUrlRule {
    /// iOS WeChat: the URL the page was first opened with.
    IosLandingUrl,
    /// Android WeChat, desktop WeChat, any browser: the current URL.
    CurrentUrl,
}

/// The URL `wx.config` must be signed for, and the rule that chose it; the fragment is cut.
///
/// WeChat checks the signature against the URL *it* holds: on iOS the URL the page was entered
/// with (the landing URL) across client-side navigation, elsewhere the current one. Getting
/// this wrong is the commonest cause of `invalid signature`.
pub fn url_to_sign<'a>(
    user_agent: &str,
    landing_url: &'a str,
    current_url: &'a str,
) -> (&'a str, SignedUrlRule) {
    let (url, rule) = if user_agent::is_ios_wechat(user_agent) {
        (landing_url, SignedUrlRule::IosLandingUrl)
    } else {
        (current_url, SignedUrlRule::CurrentUrl)
    };
    (without_fragment(url), rule)
}

/// The URL up to (not including) its first `#`: what WeChat signs of `location.href`.
pub fn without_fragment(url: &str) -> &str {
    url.split_once('#').map_or(url, |(before, _)| before)
}

/// Scheme, host and port of a page URL, the port made explicit: what must match between the
/// URL signed and the page that calls `wx.config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// `http` or `https`.
    pub scheme: &'static str,
    /// The host, lower-cased.
    pub host: String,
    /// The port, 80 or 443 when the URL names none.
    pub port: u16,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}:{}", self.scheme, self.host, self.port)
    }
}

/// A page URL accepted for signing: the exact string to sign, and what was noticed about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    url: String,
    origin: Origin,
    lints: Vec<UrlLint>,
}

impl PageUrl {
    /// The string that goes into the signature: the input, minus its fragment.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The host, lower-cased, without port.
    pub fn host(&self) -> &str {
        &self.origin.host
    }

    /// Scheme, host and port.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Suspicious details found in an accepted URL.
    pub fn lints(&self) -> &[UrlLint] {
        &self.lints
    }

    /// The signed string, owned.
    pub fn into_string(self) -> String {
        self.url
    }

    /// The page's payment authorization directory (支付授权目录): scheme and host (and a
    /// port other than the default), then the path up to and including its last `/`, so
    /// `https://host/pay/index.html?x=1` is in `https://host/pay/`. WeChat Pay starts
    /// `chooseWXPay` only on a page whose directory, or whose bare origin `https://host/`,
    /// the merchant platform lists (case-sensitively); otherwise the client says
    /// `当前页面的URL未注册`.
    pub fn payment_directory(&self) -> String {
        let Origin { scheme, host, port } = &self.origin;
        let rest = &self.url[scheme.len() + "://".len()..];
        let path_start = rest.find(['/', '?']).unwrap_or(rest.len());
        let path = rest[path_start..].split('?').next().unwrap_or_default();
        let directory = path.rfind('/').map_or("/", |last| &path[..=last]);
        let default_port = if *scheme == "https" { 443 } else { 80 };
        if *port == default_port {
            format!("{scheme}://{host}{directory}")
        } else {
            format!("{scheme}://{host}:{port}{directory}")
        }
    }
}

/// How many payment authorization directories one merchant account may list (WeChat Pay's
/// rule); a parent directory such as the bare origin covers the pages below it.
pub const MAX_PAYMENT_DIRECTORIES: usize = 5;

impl fmt::Display for PageUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// The JS interface safe domains of the account: a page host must be one of them or a
/// subdomain of one, as WeChat itself checks. Empty means "any host" (the sandbox default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafeDomains {
    domains: Vec<String>,
}

impl SafeDomains {
    /// No restriction: every host is signed. For the sandbox and for local development.
    pub fn any() -> Self {
        Self::default()
    }

    /// The given domains, normalised (lower case; `https://`, a trailing `/` and a leading
    /// `*.` are tolerated and dropped). Blank entries are skipped.
    pub fn new<I, S>(domains: I) -> Result<Self, UrlError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut normalised = Vec::new();
        for entry in domains {
            let entry = entry.as_ref().trim();
            if entry.is_empty() {
                continue;
            }
            let domain = normalise_domain(entry).ok_or_else(|| UrlError::InvalidSafeDomain {
                entry: entry.to_owned(),
            })?;
            if !normalised.contains(&domain) {
                normalised.push(domain);
            }
        }
        Ok(Self {
            domains: normalised,
        })
    }

    /// A comma-separated list, as in the `JS_SAFE_DOMAINS` setting.
    pub fn parse(list: &str) -> Result<Self, UrlError> {
        Self::new(list.split(','))
    }

    /// True when no domain is configured, i.e. every host is allowed.
    pub fn allows_any_host(&self) -> bool {
        self.domains.is_empty()
    }

    /// The configured domains.
    pub fn domains(&self) -> &[String] {
        &self.domains
    }

    /// Whether `host` (no port) is a listed domain or a subdomain of one.
    pub fn allows(&self, host: &str) -> bool {
        if self.domains.is_empty() {
            return true;
        }
        let host = host.to_ascii_lowercase();
        self.domains.iter().any(|domain| {
            host == *domain
                || (host.len() > domain.len()
                    && host.ends_with(domain.as_str())
                    && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
        })
    }
}

/// A safe-domain entry as WeChat's admin page takes it (`https://`, a trailing `/` and a
/// leading `*.` tolerated), checked against the DNS rules: at most 253 bytes, labels of 1 to 63
/// letters, digits or `-`, none starting or ending with `-`.
fn normalise_domain(entry: &str) -> Option<String> {
    let mut domain = entry.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = domain.strip_prefix(scheme) {
            domain = rest.to_owned();
        }
    }
    let domain = domain.trim_end_matches('/');
    let domain = domain.strip_prefix("*.").unwrap_or(domain);
    let well_formed = !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    well_formed.then(|| domain.to_owned())
}

/// Checks a page URL and returns the exact string to sign (fragment cut, everything else
/// byte for byte), or says why WeChat could never accept it.
///
/// Written by hand rather than with the `url` crate, on purpose: WeChat signs the string the
/// page sent, and `url::Url` re-serialises it (lowercases the host, adds a `/` path, percent-
/// encodes non-ASCII, drops a default port), so the signature would be over another string;
/// the lints below exist to name exactly those differences. This runs in the browser build
/// too, where `url` and its IDNA tables would cost tens of KB of the 250 KB wasm budget.
pub fn page_url_to_sign(raw: &str, safe_domains: &SafeDomains) -> Result<PageUrl, UrlError> {
    let url = without_fragment(raw);
    let fragment_removed = url.len() < raw.len();
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    if url.len() > MAX_URL_BYTES {
        return Err(UrlError::TooLong { len: url.len() });
    }
    if let Some((at, _)) = url
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        return Err(UrlError::ForbiddenCharacter { at });
    }
    let (scheme, rest) = if let Some(rest) = url.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        ("http", rest)
    } else {
        let prefix: String = url.chars().take(12).collect();
        let lower = prefix.to_ascii_lowercase();
        return Err(
            if lower.starts_with("http%3a") || lower.starts_with("https%3a") {
                UrlError::StillEncoded { prefix }
            } else {
                UrlError::Scheme { prefix }
            },
        );
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let (host, port) = split_host_port(authority)?;
    if host.is_empty() || host == "[]" {
        return Err(UrlError::MissingHost);
    }
    let host_lower = host.to_ascii_lowercase();
    if !safe_domains.allows(&host_lower) {
        return Err(UrlError::HostNotAllowed {
            host: host_lower,
            allowed: safe_domains.domains.join(", "),
        });
    }

    let mut lints = Vec::new();
    if fragment_removed {
        lints.push(UrlLint::FragmentRemoved);
    }
    if url.contains("&amp;") {
        lints.push(UrlLint::EscapedAmpersand);
    }
    if url.contains("%25") {
        lints.push(UrlLint::DoubleEncoded);
    }
    if !rest[authority_end..].starts_with('/') {
        lints.push(UrlLint::NoPathAfterHost);
    }
    if host != host_lower {
        lints.push(UrlLint::UppercaseHost);
    }
    let default_port = if scheme == "https" { 443 } else { 80 };
    if port == Some(default_port) {
        lints.push(UrlLint::DefaultPort);
    }
    if port.is_some_and(|port| port != 80 && port != 443) {
        lints.push(UrlLint::NonStandardPort);
    }
    if is_local_or_ip(&host_lower) {
        lints.push(UrlLint::LocalOrIpHost);
    }
    Ok(PageUrl {
        url: url.to_owned(),
        origin: Origin {
            scheme,
            host: host_lower,
            port: port.unwrap_or(default_port),
        },
        lints,
    })
}

/// `localhost` (or a name under it), an IPv4 address or a bracketed IPv6 literal.
fn is_local_or_ip(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<std::net::Ipv4Addr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .is_some_and(|inner| inner.parse::<std::net::Ipv6Addr>().is_ok())
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), UrlError> {
    let (host, port) = if authority.starts_with('[') {
        // IPv6 literal: the port, if any, follows the closing bracket.
        match authority.find(']') {
            Some(close) => {
                let after = &authority[close + 1..];
                match after.strip_prefix(':') {
                    Some(port) => (&authority[..=close], Some(port)),
                    None if after.is_empty() => (&authority[..=close], None),
                    None => {
                        return Err(UrlError::InvalidPort {
                            port: after.to_owned(),
                        })
                    }
                }
            }
            None => return Err(UrlError::MissingHost),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(digits) => Some(
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse::<u16>().ok())
                .flatten()
                .ok_or_else(|| UrlError::InvalidPort {
                    port: digits.to_owned(),
                })?,
        ),
    };
    Ok((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign_any(url: &str) -> Result<PageUrl, UrlError> {
        page_url_to_sign(url, &SafeDomains::any())
    }

    fn domains(list: &str) -> SafeDomains {
        SafeDomains::parse(list).unwrap()
    }

    #[test]
    fn the_payment_directory_is_the_path_up_to_its_last_slash() {
        let directory = |url: &str| sign_any(url).unwrap().payment_directory();
        assert_eq!(
            directory("https://host.example/pay/index.html"),
            "https://host.example/pay/"
        );
        assert_eq!(
            directory("https://host.example/pay"),
            "https://host.example/"
        );
        assert_eq!(
            directory("https://host.example/a/b/?next=/c/d#/e/f"),
            "https://host.example/a/b/"
        );
        assert_eq!(
            directory("https://host.example?x=/y"),
            "https://host.example/"
        );
        assert_eq!(directory("https://host.example"), "https://host.example/");
    }

    #[test]
    fn the_payment_directory_keeps_only_a_port_location_href_would_show() {
        let directory = |url: &str| sign_any(url).unwrap().payment_directory();
        assert_eq!(
            directory("https://Host.Example:443/pay/x.php"),
            "https://host.example/pay/"
        );
        assert_eq!(
            directory("http://127.0.0.1:3000/pay?api=chooseWXPay"),
            "http://127.0.0.1:3000/"
        );
        assert_eq!(directory("http://[::1]:8080/p/q"), "http://[::1]:8080/p/");
    }

    #[test]
    fn the_fragment_is_cut_and_flagged() {
        let url = sign_any("https://example.com/app/?from=timeline#/cart?x=1").unwrap();
        assert_eq!(url.as_str(), "https://example.com/app/?from=timeline");
        assert_eq!(url.lints(), [UrlLint::FragmentRemoved]);
    }

    #[test]
    fn the_query_is_kept_byte_for_byte() {
        let raw = "https://example.com/p?q=%E4%BD%A0%20x&b=a+b&c=%2F&&d=&e=%7e&Z=1";
        assert_eq!(sign_any(raw).unwrap().as_str(), raw);
    }

    #[test]
    fn non_ascii_query_is_kept_as_sent() {
        let raw = "https://example.com/p?name=你好";
        assert_eq!(sign_any(raw).unwrap().as_str(), raw);
    }

    #[test]
    fn the_official_example_without_slash_is_signed_as_given_and_flagged() {
        let url = sign_any("http://mp.weixin.qq.com?params=value").unwrap();
        assert_eq!(url.as_str(), "http://mp.weixin.qq.com?params=value");
        assert_eq!(url.lints(), [UrlLint::NoPathAfterHost]);
    }

    #[test]
    fn empty_url_is_refused() {
        assert_eq!(sign_any(""), Err(UrlError::Empty));
        assert_eq!(sign_any("#only-a-fragment"), Err(UrlError::Empty));
    }

    #[test]
    fn url_over_four_kilobytes_is_refused() {
        let base = "https://example.com/?q=";
        let at_limit = format!("{base}{}", "a".repeat(MAX_URL_BYTES - base.len()));
        assert!(sign_any(&at_limit).is_ok());
        let over = format!("{at_limit}a");
        assert_eq!(
            sign_any(&over),
            Err(UrlError::TooLong {
                len: MAX_URL_BYTES + 1
            })
        );
    }

    #[test]
    fn a_long_fragment_does_not_count_against_the_limit() {
        let url = format!("https://example.com/#{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(sign_any(&url).unwrap().as_str(), "https://example.com/");
    }

    #[test]
    fn non_http_schemes_are_refused() {
        for url in [
            "ftp://example.com/",
            "javascript:alert(1)",
            "//example.com/",
            "example.com/",
            "HTTPS://example.com/",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(sign_any(url), Err(UrlError::Scheme { .. })),
                "{url}: {:?}",
                sign_any(url)
            );
        }
    }

    #[test]
    fn a_still_encoded_url_is_refused_with_its_own_message() {
        let err = sign_any("https%3A%2F%2Fexample.com%2F").unwrap_err();
        assert!(matches!(err, UrlError::StillEncoded { .. }));
        assert!(err.to_string().contains("decode it once"), "{err}");
    }

    #[test]
    fn whitespace_and_control_characters_are_refused() {
        for (url, at) in [
            ("https://example.com/a b", 21),
            ("https://example.com/\t", 20),
            ("https://example.com/\n", 20),
            (" https://example.com/", 0),
            ("https://example.com/\u{7f}", 20),
            ("https://example.com/\u{3000}", 20),
        ] {
            assert_eq!(
                sign_any(url),
                Err(UrlError::ForbiddenCharacter { at }),
                "{url:?}"
            );
        }
    }

    #[test]
    fn a_missing_host_is_refused() {
        for url in [
            "https://",
            "https:///path",
            "http://?q=1",
            "http://:8080/",
            "http://[]/",
        ] {
            assert_eq!(sign_any(url), Err(UrlError::MissingHost), "{url}");
        }
    }

    #[test]
    fn user_credentials_in_the_url_are_refused() {
        assert_eq!(
            sign_any("https://user:pw@example.com/"),
            Err(UrlError::UserInfo)
        );
    }

    #[test]
    fn ports_must_be_numbers() {
        assert!(sign_any("http://example.com:8080/").is_ok());
        for url in [
            "http://example.com:x/",
            "http://example.com:/",
            "http://example.com:123456/",
            "http://example.com:99999/",
            "http://example.com:+80/",
        ] {
            assert!(
                matches!(sign_any(url), Err(UrlError::InvalidPort { .. })),
                "{url}"
            );
        }
    }

    #[test]
    fn ipv6_hosts_are_understood() {
        let url = sign_any("http://[::1]:3000/x").unwrap();
        assert_eq!(url.host(), "[::1]");
        assert!(sign_any("http://[::1]/").is_ok());
    }

    #[test]
    fn hosts_outside_the_safe_domains_are_refused() {
        let safe = domains("example.com");
        let err = page_url_to_sign("https://evil.com/", &safe).unwrap_err();
        assert_eq!(
            err,
            UrlError::HostNotAllowed {
                host: "evil.com".into(),
                allowed: "example.com".into()
            }
        );
        assert!(err.to_string().contains("JS_SAFE_DOMAINS"));
    }

    #[test]
    fn subdomains_of_a_safe_domain_are_allowed() {
        let safe = domains("example.com");
        assert!(page_url_to_sign("https://example.com/", &safe).is_ok());
        assert!(page_url_to_sign("https://m.example.com/", &safe).is_ok());
        assert!(page_url_to_sign("https://a.b.example.com/", &safe).is_ok());
    }

    #[test]
    fn a_lookalike_suffix_is_not_a_subdomain() {
        let safe = domains("example.com");
        for url in [
            "https://badexample.com/",
            "https://example.com.evil.net/",
            "https://example.co/",
        ] {
            assert!(
                matches!(
                    page_url_to_sign(url, &safe),
                    Err(UrlError::HostNotAllowed { .. })
                ),
                "{url}"
            );
        }
    }

    #[test]
    fn ports_are_ignored_when_matching_domains() {
        let safe = domains("example.com");
        assert!(page_url_to_sign("http://example.com:3000/x", &safe).is_ok());
    }

    #[test]
    fn host_matching_is_case_insensitive_and_the_case_is_flagged() {
        let safe = domains("Example.COM");
        let url = page_url_to_sign("https://WWW.Example.com/", &safe).unwrap();
        assert_eq!(url.as_str(), "https://WWW.Example.com/");
        assert_eq!(url.host(), "www.example.com");
        assert_eq!(url.lints(), [UrlLint::UppercaseHost]);
    }

    #[test]
    fn an_empty_safe_domain_list_allows_any_host() {
        let safe = domains(" , ");
        assert!(safe.allows_any_host());
        assert!(page_url_to_sign("https://anything.example/", &safe).is_ok());
    }

    #[test]
    fn safe_domains_tolerate_scheme_slash_and_wildcard() {
        let safe = domains("https://a.example.com/, *.b.example.org ,c.example.net,c.example.net");
        assert_eq!(
            safe.domains(),
            ["a.example.com", "b.example.org", "c.example.net"]
        );
    }

    #[test]
    fn malformed_safe_domains_are_refused() {
        for entry in [
            "example.com:8080",
            "example.com/path",
            "*",
            ".example.com",
            "exa mple.com",
            "a..b",
            "-a.example.com",
            "a-.example.com",
            "example.com.",
        ] {
            assert!(
                matches!(
                    SafeDomains::parse(entry),
                    Err(UrlError::InvalidSafeDomain { .. })
                ),
                "{entry}"
            );
        }
    }

    #[test]
    fn escaping_mistakes_are_flagged() {
        let url = sign_any("https://example.com/?a=1&amp;b=%252F").unwrap();
        assert_eq!(
            url.lints(),
            [UrlLint::EscapedAmpersand, UrlLint::DoubleEncoded]
        );
    }

    #[test]
    fn labels_follow_dns_rules() {
        let label = "a".repeat(63);
        assert!(SafeDomains::parse(&format!("{label}.example.com")).is_ok());
        assert!(SafeDomains::parse(&format!("a{label}.example.com")).is_err());
        let long = vec!["abcdefghi"; 26].join(".");
        assert!(long.len() > 253);
        assert!(SafeDomains::parse(&long).is_err());
        assert!(SafeDomains::parse("my-site.example.com").is_ok());
    }

    #[test]
    fn the_signed_url_rule_follows_the_client() {
        const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50(0x1800323c)";
        const ANDROID: &str =
            "Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.49.2600(0x28003133)";
        const SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1";
        let landing = "https://a.example/basic?x=1#top";
        let current = "https://a.example/images?a=%20b#frag";
        assert_eq!(
            url_to_sign(IPHONE, landing, current),
            ("https://a.example/basic?x=1", SignedUrlRule::IosLandingUrl)
        );
        for ua in [ANDROID, SAFARI, ""] {
            assert_eq!(
                url_to_sign(ua, landing, current),
                ("https://a.example/images?a=%20b", SignedUrlRule::CurrentUrl),
                "{ua}"
            );
        }
    }

    #[test]
    fn only_the_first_hash_starts_the_fragment() {
        assert_eq!(
            without_fragment("https://a.example/p?q=1#a#b"),
            "https://a.example/p?q=1"
        );
        assert_eq!(
            without_fragment("https://a.example/p"),
            "https://a.example/p"
        );
        assert_eq!(without_fragment("#"), "");
        assert_eq!(
            sign_any("https://a.example/p#a#b").unwrap().as_str(),
            "https://a.example/p"
        );
    }

    #[test]
    fn the_origin_makes_the_default_port_explicit() {
        let origin = |url: &str| sign_any(url).unwrap().origin().to_string();
        assert_eq!(origin("https://A.Example/p"), "https://a.example:443");
        assert_eq!(origin("http://a.example?x"), "http://a.example:80");
        assert_eq!(origin("http://a.example:8080/"), "http://a.example:8080");
        assert_eq!(origin("https://[::1]:3000/"), "https://[::1]:3000");
        assert_ne!(origin("https://a.example/"), origin("http://a.example/"));
    }

    #[test]
    fn ports_other_than_80_and_443_and_local_hosts_are_flagged() {
        let url = sign_any("http://localhost:8080/p").unwrap();
        assert_eq!(
            url.lints(),
            [UrlLint::NonStandardPort, UrlLint::LocalOrIpHost]
        );
        assert_eq!(
            sign_any("https://192.168.1.10/").unwrap().lints(),
            [UrlLint::LocalOrIpHost]
        );
        assert_eq!(
            sign_any("https://[::1]/").unwrap().lints(),
            [UrlLint::LocalOrIpHost]
        );
        assert_eq!(
            sign_any("https://a.example:8443/").unwrap().lints(),
            [UrlLint::NonStandardPort]
        );
        assert!(sign_any("https://a.example/").unwrap().lints().is_empty());
        assert!(sign_any("https://localhost.example.com/")
            .unwrap()
            .lints()
            .is_empty());
    }

    #[test]
    fn all_lists_every_lint_once_in_order() {
        // A new variant fails to compile here until it has its place in ALL.
        let position = |lint: UrlLint| match lint {
            UrlLint::FragmentRemoved => 0,
            UrlLint::EscapedAmpersand => 1,
            UrlLint::DoubleEncoded => 2,
            UrlLint::NoPathAfterHost => 3,
            UrlLint::UppercaseHost => 4,
            UrlLint::DefaultPort => 5,
            UrlLint::NonStandardPort => 6,
            UrlLint::LocalOrIpHost => 7,
        };
        for (i, lint) in UrlLint::ALL.into_iter().enumerate() {
            assert_eq!(position(lint), i, "{lint:?}");
        }
    }

    #[test]
    fn default_ports_are_flagged() {
        assert_eq!(
            sign_any("https://example.com:443/").unwrap().lints(),
            [UrlLint::DefaultPort]
        );
        // Another port is not the default one (it has a lint of its own, NonStandardPort).
        assert!(!sign_any("https://example.com:8443/")
            .unwrap()
            .lints()
            .contains(&UrlLint::DefaultPort));
    }
}
