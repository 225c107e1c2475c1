//! The signature doctor: recomputes a `wx.config` signature step by step from the
//! caller's own inputs and says what in the URL would make WeChat refuse it.
//! Public: it uses no credential of this server.

use super::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wechat::page_url::UrlLint;

/// What a finding is about: one of the core's URL lints, or what the doctor adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FindingCode {
    Lint(UrlLint),
    Doctor(DoctorCode),
}

/// The doctor's own findings, beyond the core's lints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoctorCode {
    HostNotAllowed,
    StillEncoded,
    SchemeMismatch,
    HostMismatch,
    PortMismatch,
    UrlMismatch,
    SignatureMismatch,
}

impl FindingCode {
    /// The wire name (`host_not_allowed`, …), as pages put it in `data-code`.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One finding about the URL, with a stable code for tests and styling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: FindingCode,
    pub message: String,
    /// True when the signature cannot verify as things stand.
    pub fatal: bool,
}

/// The signature, step by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// `key=value` pairs in the order they are joined (sorted by key).
    pub sorted: Vec<(String, String)>,
    /// The joined string that is hashed.
    pub string1: String,
    /// SHA-1 hex of string1.
    pub signature: String,
    /// The URL as signed (fragment removed).
    pub signed_url: String,
    /// Whether `expected` (if given) matches.
    pub matches: Option<bool>,
    pub findings: Vec<Finding>,
}

/// Recomputes string1 and the signature and lints the URL.
///
/// `page_url` is what `location.href` shows in the page (to catch scheme/host/port
/// mismatches); `expected` is the signature the page used, to compare.
#[server(prefix = "/api", endpoint = "doctor")]
pub async fn diagnose(
    url: String,
    jsapi_ticket: String,
    noncestr: String,
    timestamp: String,
    page_url: Option<String>,
    expected: Option<String>,
) -> Result<Diagnosis, ApiError> {
    use wechat::input::{check, Field, Presence::*};
    check(Field::JsapiTicket, &jsapi_ticket, Required)?;
    check(Field::NonceStr, &noncestr, Required)?;
    let timestamp_value = timestamp.trim().parse::<u64>().map_err(|_| {
        ApiError::bad_input(format!(
            "timestamp {:?} is not a whole number of seconds (e.g. 1414587457)",
            timestamp.chars().take(32).collect::<String>()
        ))
    });
    let timestamp_value = timestamp_value?;
    let safe_domains = expect_context::<crate::state::AppState>()
        .settings
        .js_safe_domains
        .clone();
    ssr::diagnose(
        &url,
        &jsapi_ticket,
        &noncestr,
        timestamp_value,
        page_url.as_deref().filter(|p| !p.is_empty()),
        expected.as_deref().filter(|e| !e.is_empty()),
        &safe_domains,
    )
}

/// Lints a signed URL against the page's own `location.href` (no signature involved):
/// what a page shows next to `wx.error`.
#[server(prefix = "/api", endpoint = "lint_url")]
pub async fn lint_signed_url(url: String, page_url: String) -> Result<Vec<Finding>, ApiError> {
    use wechat::input::{check, Field, Presence::*};
    check(Field::Url, &url, Required)?;
    check(Field::PageUrl, &page_url, Optional)?;
    let safe_domains = expect_context::<crate::state::AppState>()
        .settings
        .js_safe_domains
        .clone();
    ssr::diagnose(&url, "-", "-", 0, Some(&page_url), None, &safe_domains).map(|d| d.findings)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::{Diagnosis, DoctorCode, Finding, FindingCode};
    use crate::api::ApiError;
    use wechat::{
        page_url::{page_url_to_sign, without_fragment, Origin, SafeDomains, UrlError},
        signature::jsapi::jsapi_string1,
    };

    fn finding(code: FindingCode, message: impl Into<String>, fatal: bool) -> Finding {
        Finding {
            code,
            message: message.into(),
            fatal,
        }
    }

    /// Scheme, host and port of a URL, by the core's parser (any host allowed).
    fn origin(url: &str) -> Option<Origin> {
        page_url_to_sign(url, &SafeDomains::any())
            .ok()
            .map(|page| page.origin().clone())
    }

    /// The diagnosis, given parsed inputs and the configured safe domains.
    pub fn diagnose(
        url: &str,
        ticket: &str,
        noncestr: &str,
        timestamp: u64,
        page_url: Option<&str>,
        expected: Option<&str>,
        domains: &SafeDomains,
    ) -> Result<Diagnosis, ApiError> {
        let mut findings = Vec::new();
        let signed_url = match page_url_to_sign(url, domains) {
            Ok(page) => {
                for lint in page.lints() {
                    findings.push(finding(FindingCode::Lint(*lint), lint.message(), false));
                }
                page.into_string()
            }
            Err(UrlError::HostNotAllowed { host, allowed }) => {
                findings.push(finding(
                    FindingCode::Doctor(DoctorCode::HostNotAllowed),
                    format!("host {host} is not among the JS safe domains ({allowed}): WeChat answers config:invalid url domain"),
                    true,
                ));
                without_fragment(url).to_owned()
            }
            Err(error @ UrlError::StillEncoded { .. }) => {
                findings.push(finding(
                    FindingCode::Doctor(DoctorCode::StillEncoded),
                    error.to_string(),
                    true,
                ));
                without_fragment(url).to_owned()
            }
            Err(error) => return Err(ApiError::bad_input(error.to_string())),
        };
        if let Some(page) = page_url {
            match (origin(&signed_url), origin(page)) {
                (Some(signed), Some(shown)) if signed != shown => {
                    let (what, code) = if signed.scheme != shown.scheme {
                        ("scheme", FindingCode::Doctor(DoctorCode::SchemeMismatch))
                    } else if signed.host != shown.host {
                        ("host", FindingCode::Doctor(DoctorCode::HostMismatch))
                    } else {
                        ("port", FindingCode::Doctor(DoctorCode::PortMismatch))
                    };
                    findings.push(finding(
                        code,
                        format!(
                            "the signed URL's {what} ({signed}) differs from the page's ({shown}): behind a proxy, honour X-Forwarded-Proto/Host"
                        ),
                        true,
                    ));
                }
                _ => {}
            }
            let shown = without_fragment(page);
            if shown != signed_url && !findings.iter().any(|f| f.fatal) {
                findings.push(finding(
                    FindingCode::Doctor(DoctorCode::UrlMismatch),
                    format!("the signed URL differs from the page's location.href ({shown}); on iOS WeChat this is expected only when it is the landing URL"),
                    false,
                ));
            }
        }
        let string1 = jsapi_string1(ticket, noncestr, timestamp, &signed_url);
        let signature = wechat::signature::sha1_hex(&string1);
        let matches = expected.map(|e| e.trim().eq_ignore_ascii_case(&signature));
        if matches == Some(false) {
            findings.push(finding(
                FindingCode::Doctor(DoctorCode::SignatureMismatch),
                "the page's signature differs from the one computed here: compare string1 byte by byte (ticket, nonce, timestamp, URL)",
                true,
            ));
        }
        Ok(Diagnosis {
            sorted: vec![
                ("jsapi_ticket".into(), ticket.into()),
                ("noncestr".into(), noncestr.into()),
                ("timestamp".into(), timestamp.to_string()),
                ("url".into(), signed_url.clone()),
            ],
            string1,
            signature,
            signed_url,
            matches,
            findings,
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const TICKET: &str = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

        fn codes(d: &Diagnosis) -> Vec<String> {
            d.findings.iter().map(|f| f.code.as_str()).collect()
        }

        #[test]
        fn finding_codes_round_trip_by_their_wire_names() {
            for code in [
                FindingCode::Lint(wechat::page_url::UrlLint::DefaultPort),
                FindingCode::Doctor(DoctorCode::PortMismatch),
            ] {
                let json = serde_json::to_string(&code).unwrap();
                assert_eq!(json, format!("\"{}\"", code.as_str()));
                assert_eq!(serde_json::from_str::<FindingCode>(&json).unwrap(), code);
            }
            assert_eq!(
                FindingCode::Lint(wechat::page_url::UrlLint::DefaultPort).as_str(),
                "default_port"
            );
        }

        #[test]
        fn reproduces_the_documented_vector_step_by_step() {
            let d = diagnose(
                "http://mp.weixin.qq.com?params=value",
                TICKET,
                "Wm3WZYTPz0wzccnW",
                1414587457,
                None,
                Some("0f9de62fce790f9a083d5c99e95740ceb90c27ed"),
                &SafeDomains::any(),
            )
            .unwrap();
            assert_eq!(d.signature, "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
            assert_eq!(d.matches, Some(true));
            assert_eq!(d.sorted[0].0, "jsapi_ticket");
        }

        #[test]
        fn fragment_and_escaped_ampersand_are_reported() {
            let d = diagnose(
                "https://a.example/p?x=1&amp;y=2#top",
                TICKET,
                "n",
                1,
                None,
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert_eq!(d.signed_url, "https://a.example/p?x=1&amp;y=2");
            assert!(codes(&d).contains(&"fragment_removed".to_owned()));
            assert!(codes(&d).contains(&"escaped_ampersand".to_owned()));
        }

        #[test]
        fn double_encoding_and_encoded_urls_are_reported() {
            let d = diagnose(
                "https://a.example/p?u=%2520",
                TICKET,
                "n",
                1,
                None,
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert!(codes(&d).contains(&"double_encoded".to_owned()));
            let d = diagnose(
                "https%3A%2F%2Fa.example%2Fp",
                TICKET,
                "n",
                1,
                None,
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert!(codes(&d).contains(&"still_encoded".to_owned()));
        }

        #[test]
        fn scheme_behind_a_proxy_is_caught() {
            let d = diagnose(
                "http://a.example/p",
                TICKET,
                "n",
                1,
                Some("https://a.example/p"),
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert!(codes(&d).contains(&"scheme_mismatch".to_owned()));
            let d = diagnose(
                "http://a.example:8080/p",
                TICKET,
                "n",
                1,
                Some("http://a.example/p"),
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert!(codes(&d).contains(&"port_mismatch".to_owned()));
        }

        #[test]
        fn a_desk_url_is_flagged_for_its_port_and_its_host_but_still_signed() {
            let d = diagnose(
                "http://localhost:8080/p",
                TICKET,
                "n",
                1,
                None,
                None,
                &SafeDomains::any(),
            )
            .unwrap();
            assert!(codes(&d).contains(&"non_standard_port".to_owned()));
            assert!(codes(&d).contains(&"local_or_ip_host".to_owned()));
            assert!(d.findings.iter().all(|f| !f.fatal));
            assert_eq!(d.signature.len(), 40);
        }

        #[test]
        fn hosts_outside_the_safe_domains_are_fatal() {
            let d = diagnose(
                "https://evil.com/p",
                TICKET,
                "n",
                1,
                None,
                None,
                &SafeDomains::parse("example.com").unwrap(),
            )
            .unwrap();
            assert!(d
                .findings
                .iter()
                .any(|f| f.code == FindingCode::Doctor(DoctorCode::HostNotAllowed) && f.fatal));
        }

        #[test]
        fn a_wrong_signature_is_fatal() {
            let d = diagnose(
                "https://a.example/p",
                TICKET,
                "n",
                1,
                None,
                Some("abc"),
                &SafeDomains::any(),
            )
            .unwrap();
            assert_eq!(d.matches, Some(false));
            assert!(codes(&d).contains(&"signature_mismatch".to_owned()));
        }
    }
}
