//! What `realAuthUrl` says. A real client's `config:invalid signature` carries `realAuthUrl`,
//! the URL it verified the signature against (WeChat's documents never mention it). Set
//! beside the URL the page signed, the difference names the cause.

use crate::page_url::without_fragment;
use serde::{Deserialize, Serialize};

/// One way the signed URL differs from the verified one, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthUrlCause {
    /// The same URL: the URL is not at fault (a stale ticket, nonceStr/timestamp, appId).
    Identical,
    /// The signed URL kept its `#fragment` (appendix 5 #2.3).
    Fragment,
    /// The signed URL has `&amp;` where the verified one has `&` (an HTML-escaped URL).
    EscapedAmpersand,
    /// The signed URL is the verified one percent-encoded (or decoded once too often).
    Encoded,
    /// `http` against `https`: a TLS-terminating proxy, or a hard-coded scheme.
    Scheme,
    /// Another host: a proxy's or a load balancer's, or a hard-coded one.
    Host,
    /// Another port: a port the page's server sees but the phone does not (or the reverse).
    Port,
    /// Only OAuth's `code` / `state` differ: the page signed the authorization link, or the
    /// link before the redirect added them (appendix 5 #11, A→B).
    OauthCode,
    /// Another path: on iOS the client verifies the landing URL (the first page entered, even
    /// after `pushState`), elsewhere the current one; or the page signed the A link of A→B.
    OtherPage,
    /// The same page with another query (a parameter WeChat added when the link was shared,
    /// or one the page dropped).
    OtherQuery,
}

impl AuthUrlCause {
    /// Every cause, in the order [`auth_url_causes`] reports them.
    pub const ALL: [AuthUrlCause; 10] = [
        Self::Identical,
        Self::Fragment,
        Self::EscapedAmpersand,
        Self::Encoded,
        Self::Scheme,
        Self::Host,
        Self::Port,
        Self::OauthCode,
        Self::OtherPage,
        Self::OtherQuery,
    ];

    /// The wire name (`oauth_code`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Identical => "identical",
            Self::Fragment => "fragment",
            Self::EscapedAmpersand => "escaped_ampersand",
            Self::Encoded => "encoded",
            Self::Scheme => "scheme",
            Self::Host => "host",
            Self::Port => "port",
            Self::OauthCode => "oauth_code",
            Self::OtherPage => "other_page",
            Self::OtherQuery => "other_query",
        }
    }
}

/// Why a signature over `signed` failed for a client that verified `real` (`realAuthUrl`):
/// every difference found, most specific first; `[Identical]` when there is none.
pub fn auth_url_causes(signed: &str, real: &str) -> Vec<AuthUrlCause> {
    use AuthUrlCause as C;
    let (signed, real) = (signed.trim(), real.trim());
    if signed == real {
        return vec![C::Identical];
    }
    if signed.contains('#') && without_fragment(signed) == real {
        return vec![C::Fragment];
    }
    if signed.contains("&amp;") && signed.replace("&amp;", "&") == real {
        return vec![C::EscapedAmpersand];
    }
    if signed.contains('%') && percent_decode(signed) == real
        || real.contains('%') && percent_decode(real) == signed
    {
        return vec![C::Encoded];
    }
    let (a, b) = (Parts::of(signed), Parts::of(real));
    let mut causes = Vec::new();
    if a.scheme != b.scheme {
        causes.push(C::Scheme);
    }
    if a.host != b.host {
        causes.push(C::Host);
    }
    if a.port() != b.port() {
        causes.push(C::Port);
    }
    if a.path != b.path {
        causes.push(C::OtherPage);
    }
    if a.query != b.query {
        let without_oauth = |p: &Parts<'_>| -> Vec<String> {
            p.params()
                .filter(|(k, _)| !OAUTH_PARAMS.contains(k))
                .map(|(k, v)| format!("{k}={v}"))
                .collect()
        };
        let oauth = |p: &Parts<'_>| p.params().any(|(k, _)| k == "code");
        if without_oauth(&a) == without_oauth(&b) && (oauth(&a) || oauth(&b)) {
            causes.push(C::OauthCode);
        } else if a.path == b.path {
            causes.push(C::OtherQuery);
        }
    }
    if causes.is_empty() {
        // WeChat compares strings: an upper-case host or a written default port differs too.
        if a.host_raw != b.host_raw {
            causes.push(C::Host);
        }
        if a.port != b.port {
            causes.push(C::Port);
        }
    }
    if a.fragment && causes.is_empty() {
        causes.push(C::Fragment);
    }
    if causes.is_empty() {
        causes.push(C::OtherQuery);
    }
    causes
}

/// The parameters WeChat's OAuth redirect adds to the page's link.
const OAUTH_PARAMS: [&str; 2] = ["code", "state"];

/// A URL cut into what the comparison needs, without a URL parser (the core stays small).
struct Parts<'a> {
    scheme: String,
    host: String,
    host_raw: &'a str,
    port: Option<&'a str>,
    path: &'a str,
    query: &'a str,
    fragment: bool,
}

impl<'a> Parts<'a> {
    fn of(url: &'a str) -> Self {
        let fragment = url.contains('#');
        let url = without_fragment(url);
        let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(end);
        let authority = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => (host, Some(port)),
            _ => (authority, None),
        };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        Parts {
            scheme: scheme.to_ascii_lowercase(),
            host: host.to_ascii_lowercase(),
            host_raw: host,
            port: port.filter(|p| !p.is_empty()),
            path: if path.is_empty() { "/" } else { path },
            query,
            fragment,
        }
    }

    /// The port, made explicit.
    fn port(&self) -> Option<u16> {
        match self.port {
            Some(port) => port.parse().ok(),
            None => match self.scheme.as_str() {
                "https" => Some(443),
                "http" => Some(80),
                _ => None,
            },
        }
    }

    fn params(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
    }
}

/// `%XX` decoded once (bytes that do not form UTF-8 are kept as they were).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use AuthUrlCause as C;

    #[test]
    fn each_documented_cause_is_named() {
        let real = "https://a.example/pay/index.html?x=1";
        for (signed, expected) in [
            (real, vec![C::Identical]),
            (
                "https://a.example/pay/index.html?x=1#top",
                vec![C::Fragment],
            ),
            (
                "https://a.example/pay/index.html?x=1&amp;y=2",
                vec![C::OtherQuery],
            ),
            (
                "https%3A%2F%2Fa.example%2Fpay%2Findex.html%3Fx%3D1",
                vec![C::Encoded],
            ),
            (
                "http://a.example/pay/index.html?x=1",
                vec![C::Scheme, C::Port],
            ),
            ("https://proxy.internal/pay/index.html?x=1", vec![C::Host]),
            ("https://a.example:8443/pay/index.html?x=1", vec![C::Port]),
            (
                "https://a.example/pay/index.html?x=1&code=0a1&state=s",
                vec![C::OauthCode],
            ),
            ("https://a.example/shop/?x=1", vec![C::OtherPage]),
            ("https://a.example/pay/index.html", vec![C::OtherQuery]),
        ] {
            assert_eq!(auth_url_causes(signed, real), expected, "{signed}");
        }
        assert_eq!(
            auth_url_causes(
                "https://a.example/p?x=1&amp;y=2",
                "https://a.example/p?x=1&y=2"
            ),
            vec![C::EscapedAmpersand]
        );
        // WeChat compares the strings: a written default port or an upper-case host differs.
        assert_eq!(
            auth_url_causes("https://A.example:443/p", "https://a.example/p"),
            vec![C::Host, C::Port]
        );
    }

    #[test]
    fn every_cause_has_its_wire_name() {
        for cause in AuthUrlCause::ALL {
            assert_eq!(
                serde_json::to_value(cause).unwrap(),
                serde_json::json!(cause.as_str())
            );
        }
    }
}
