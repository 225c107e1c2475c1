//! The signature doctor: recomputes a `wx.config` signature step by step from the
//! caller's own inputs and says what in the URL would make WeChat refuse it.
//! Public: it uses no credential of this server.

use super::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wechat::page_url::UrlLint;

/// What a finding is about, by its wire name: one of the core's URL lints, or the doctor's own.
/// Written, never read: a [`Finding`] is read by its code's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FindingCode {
    Lint(UrlLint),
    Doctor(DoctorCode),
}

/// The doctor's own findings, beyond the core's lints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

impl DoctorCode {
    /// Every code, in declaration order.
    pub const ALL: [DoctorCode; 7] = [
        Self::HostNotAllowed,
        Self::StillEncoded,
        Self::SchemeMismatch,
        Self::HostMismatch,
        Self::PortMismatch,
        Self::UrlMismatch,
        Self::SignatureMismatch,
    ];
}

impl FindingCode {
    /// Every code: the core's lints, then the doctor's own.
    pub fn all() -> impl Iterator<Item = FindingCode> {
        let lints = UrlLint::ALL.into_iter().map(FindingCode::Lint);
        lints.chain(DoctorCode::ALL.into_iter().map(FindingCode::Doctor))
    }

    /// The wire name (`host_not_allowed`, …), as pages put it in `data-code`.
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// Which part of an origin differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginPart {
    Scheme,
    Host,
    Port,
}

/// What a finding says: its code and the values its sentence names, never the sentence
/// itself (the page says it in its language: [`crate::diagnostics`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// One of the core's lints, with the signed URL's host (lower case) and port (explicit),
    /// which the host and port lints name.
    Lint {
        code: UrlLint,
        host: String,
        port: u16,
    },
    /// The host is outside `JS_SAFE_DOMAINS`: WeChat answers `config:invalid url domain`.
    HostNotAllowed { host: String, allowed: Vec<String> },
    /// The whole URL is still percent-encoded; `prefix` is how it starts.
    StillEncoded { prefix: String },
    /// The signed URL's scheme, host or port is not the page's; `signed` and `shown` are
    /// both origins (`scheme://host:port`).
    OriginMismatch {
        part: OriginPart,
        signed: String,
        shown: String,
    },
    /// The signed URL is not the page's `location.href` (`shown`, fragment cut).
    UrlMismatch { shown: String },
    /// The page's signature is not the one computed here.
    SignatureMismatch,
}

impl FindingKind {
    /// The code it travels under.
    pub fn code(&self) -> FindingCode {
        FindingCode::Doctor(match self {
            Self::Lint { code, .. } => return FindingCode::Lint(*code),
            Self::HostNotAllowed { .. } => DoctorCode::HostNotAllowed,
            Self::StillEncoded { .. } => DoctorCode::StillEncoded,
            Self::OriginMismatch { part, .. } => match part {
                OriginPart::Scheme => DoctorCode::SchemeMismatch,
                OriginPart::Host => DoctorCode::HostMismatch,
                OriginPart::Port => DoctorCode::PortMismatch,
            },
            Self::UrlMismatch { .. } => DoctorCode::UrlMismatch,
            Self::SignatureMismatch => DoctorCode::SignatureMismatch,
        })
    }

    /// True when the signature cannot verify as things stand.
    pub fn is_fatal(&self) -> bool {
        !matches!(self, Self::Lint { .. } | Self::UrlMismatch { .. })
    }
}

/// One finding about the URL: what it says, and whether the signature can verify.
///
/// On the wire its code and the values its code names side by side (the others absent), e.g.
/// `{"code":"non_standard_port","host":"localhost","port":8080,"fatal":false}` or
/// `{"code":"port_mismatch","signed":"http://a.example:8080","shown":"http://a.example:80","fatal":true}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "WireFinding", try_from = "Value")]
pub struct Finding {
    pub kind: FindingKind,
    /// True when the signature cannot verify as things stand.
    pub fatal: bool,
}

impl From<FindingKind> for Finding {
    fn from(kind: FindingKind) -> Self {
        let fatal = kind.is_fatal();
        Finding { kind, fatal }
    }
}

/// A [`Finding`] as the server writes it. The browser reads it back through a JSON value
/// (`TryFrom<Value>`): it reads JSON values anyway, while serde's derived readers for this
/// shape (a flattened tagged enum, or these optional fields) cost the main bundle several KB
/// gzipped, measured.
#[derive(Serialize)]
struct WireFinding {
    code: FindingCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    allowed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shown: Option<String>,
    fatal: bool,
}

impl From<Finding> for WireFinding {
    fn from(finding: Finding) -> Self {
        let mut wire = WireFinding {
            code: finding.kind.code(),
            host: None,
            port: None,
            allowed: None,
            prefix: None,
            signed: None,
            shown: None,
            fatal: finding.fatal,
        };
        match finding.kind {
            FindingKind::Lint { host, port, .. } => {
                (wire.host, wire.port) = (Some(host), Some(port))
            }
            FindingKind::HostNotAllowed { host, allowed } => {
                (wire.host, wire.allowed) = (Some(host), Some(allowed))
            }
            FindingKind::StillEncoded { prefix } => wire.prefix = Some(prefix),
            FindingKind::OriginMismatch { signed, shown, .. } => {
                (wire.signed, wire.shown) = (Some(signed), Some(shown))
            }
            FindingKind::UrlMismatch { shown } => wire.shown = Some(shown),
            FindingKind::SignatureMismatch => {}
        }
        wire
    }
}

impl TryFrom<Value> for Finding {
    type Error = String;

    fn try_from(json: Value) -> Result<Self, String> {
        let text = |name: &str| json[name].as_str().unwrap_or_default().to_owned();
        let code = FindingCode::all()
            .find(|code| json["code"] == code.as_str())
            .ok_or_else(|| format!("unknown finding code {}", json["code"]))?;
        let mismatch = |part| FindingKind::OriginMismatch {
            part,
            signed: text("signed"),
            shown: text("shown"),
        };
        let kind = match code {
            FindingCode::Lint(code) => FindingKind::Lint {
                code,
                host: text("host"),
                port: json["port"]
                    .as_u64()
                    .and_then(|port| u16::try_from(port).ok())
                    .unwrap_or_default(),
            },
            FindingCode::Doctor(code) => match code {
                DoctorCode::HostNotAllowed => FindingKind::HostNotAllowed {
                    host: text("host"),
                    allowed: json["allowed"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|domain| Some(domain.as_str()?.to_owned()))
                        .collect(),
                },
                DoctorCode::StillEncoded => FindingKind::StillEncoded {
                    prefix: text("prefix"),
                },
                DoctorCode::SchemeMismatch => mismatch(OriginPart::Scheme),
                DoctorCode::HostMismatch => mismatch(OriginPart::Host),
                DoctorCode::PortMismatch => mismatch(OriginPart::Port),
                DoctorCode::UrlMismatch => FindingKind::UrlMismatch {
                    shown: text("shown"),
                },
                DoctorCode::SignatureMismatch => FindingKind::SignatureMismatch,
            },
        };
        let fatal = json["fatal"].as_bool().unwrap_or_else(|| kind.is_fatal());
        Ok(Finding { kind, fatal })
    }
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

/// [`lint_signed_url`]'s findings as the `<li>`s of the help beside `wx.error`, each said in
/// `lang` (`zh` or `en`, the page's) with its appendix 5 item: server HTML the category runtime
/// puts in place, so the page's wasm carries neither the sentences nor the findings' types.
#[server(prefix = "/api", endpoint = "lint_url_html")]
pub async fn lint_signed_url_html(
    url: String,
    page_url: String,
    lang: String,
) -> Result<String, ApiError> {
    let lang = crate::catalog::Lang::from_code(&lang);
    let findings = lint_signed_url(url, page_url).await?;
    Ok(findings
        .iter()
        .map(|finding| ssr::finding_html(finding, lang))
        .collect())
}

/// One finding of every code, each with the values its code names.
#[cfg(test)]
pub(crate) fn every_kind() -> Vec<FindingKind> {
    FindingCode::all()
        .map(|code| {
            let json = serde_json::json!({
                "code": code.as_str(),
                "host": "localhost",
                "port": 8080,
                "allowed": ["a.example", "b.example"],
                "prefix": "https%3A%2F%2F",
                "signed": "http://localhost:8080",
                "shown": "https://a.example:443",
            });
            Finding::try_from(json).unwrap().kind
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_doctor_code_once_in_order() {
        // A new code fails to compile here until it has its place in ALL.
        let position = |code: DoctorCode| match code {
            DoctorCode::HostNotAllowed => 0,
            DoctorCode::StillEncoded => 1,
            DoctorCode::SchemeMismatch => 2,
            DoctorCode::HostMismatch => 3,
            DoctorCode::PortMismatch => 4,
            DoctorCode::UrlMismatch => 5,
            DoctorCode::SignatureMismatch => 6,
        };
        for (i, code) in DoctorCode::ALL.into_iter().enumerate() {
            assert_eq!(position(code), i, "{code:?}");
        }
    }

    #[test]
    fn findings_travel_as_a_code_beside_their_values() {
        let port = Finding::from(FindingKind::Lint {
            code: UrlLint::NonStandardPort,
            host: "localhost".into(),
            port: 8080,
        });
        assert_eq!(
            serde_json::to_value(&port).unwrap(),
            serde_json::json!({"code": "non_standard_port", "host": "localhost", "port": 8080, "fatal": false})
        );
        let mismatch = Finding::from(FindingKind::OriginMismatch {
            part: OriginPart::Port,
            signed: "http://a.example:8080".into(),
            shown: "http://a.example:80".into(),
        });
        assert_eq!(
            serde_json::to_value(&mismatch).unwrap(),
            serde_json::json!({"code": "port_mismatch", "signed": "http://a.example:8080", "shown": "http://a.example:80", "fatal": true})
        );
        assert_eq!(
            serde_json::to_value(Finding::from(FindingKind::SignatureMismatch)).unwrap(),
            serde_json::json!({"code": "signature_mismatch", "fatal": true})
        );
    }

    #[test]
    fn every_code_round_trips_with_its_values() {
        let kinds = every_kind();
        assert_eq!(kinds.len(), UrlLint::ALL.len() + DoctorCode::ALL.len());
        for (code, kind) in FindingCode::all().zip(kinds) {
            assert_eq!(kind.code(), code);
            let finding = Finding::from(kind);
            let json = serde_json::to_value(&finding).unwrap();
            assert_eq!(json["code"], code.as_str());
            assert_eq!(
                serde_json::from_value::<Finding>(json.clone()).unwrap(),
                finding,
                "{json}"
            );
        }
        let unknown = serde_json::json!({"code": "no_such_code", "fatal": false});
        assert!(serde_json::from_value::<Finding>(unknown).is_err());
        assert_eq!(
            FindingCode::Lint(UrlLint::DefaultPort).as_str(),
            "default_port"
        );
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    /// One finding as the `<li>` the help beside `wx.error` shows (see `lint_signed_url_html`).
    pub fn finding_html(finding: &Finding, lang: crate::catalog::Lang) -> String {
        let code = finding.kind.code();
        let item = crate::catalog::error_for_finding(code).map(|error| {
            format!(
                " <a class=\"appendix_link\" data-item=\"{number}\" href=\"{href}\">{label}{number}</a>",
                number = error.number,
                href = crate::catalog::item_href(error.number, false),
                label = escape(crate::strings::APPENDIX_5_ITEM.get(lang)),
            )
        });
        format!(
            "<li class=\"finding\" data-code=\"{}\" data-fatal=\"{}\">{}{}</li>",
            escape(&code.as_str()),
            finding.fatal,
            escape(&crate::diagnostics::finding(&finding.kind, lang)),
            item.unwrap_or_default()
        )
    }

    /// `text` safe inside HTML text and double-quoted attributes.
    fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    use super::{Diagnosis, Finding, FindingKind, OriginPart};
    use crate::api::ApiError;
    use wechat::{
        page_url::{page_url_to_sign, without_fragment, Origin, SafeDomains, UrlError},
        signature::jsapi::jsapi_string1,
    };

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
        let mut findings: Vec<Finding> = Vec::new();
        let signed_url = match page_url_to_sign(url, domains) {
            Ok(page) => {
                for &code in page.lints() {
                    findings.push(
                        FindingKind::Lint {
                            code,
                            host: page.host().to_owned(),
                            port: page.origin().port,
                        }
                        .into(),
                    );
                }
                page.into_string()
            }
            Err(UrlError::HostNotAllowed { host, .. }) => {
                findings.push(
                    FindingKind::HostNotAllowed {
                        host,
                        allowed: domains.domains().to_vec(),
                    }
                    .into(),
                );
                without_fragment(url).to_owned()
            }
            Err(UrlError::StillEncoded { prefix }) => {
                findings.push(FindingKind::StillEncoded { prefix }.into());
                without_fragment(url).to_owned()
            }
            Err(error) => return Err(ApiError::bad_input(error.to_string())),
        };
        if let Some(page) = page_url {
            match (origin(&signed_url), origin(page)) {
                (Some(signed), Some(shown)) if signed != shown => {
                    let part = if signed.scheme != shown.scheme {
                        OriginPart::Scheme
                    } else if signed.host != shown.host {
                        OriginPart::Host
                    } else {
                        OriginPart::Port
                    };
                    let kind = FindingKind::OriginMismatch {
                        part,
                        signed: signed.to_string(),
                        shown: shown.to_string(),
                    };
                    findings.push(kind.into());
                }
                _ => {}
            }
            let shown = without_fragment(page);
            if shown != signed_url && !findings.iter().any(|f| f.fatal) {
                findings.push(
                    FindingKind::UrlMismatch {
                        shown: shown.to_owned(),
                    }
                    .into(),
                );
            }
        }
        let string1 = jsapi_string1(ticket, noncestr, timestamp, &signed_url);
        let signature = wechat::signature::sha1_hex(&string1);
        let matches = expected.map(|e| e.trim().eq_ignore_ascii_case(&signature));
        if matches == Some(false) {
            findings.push(FindingKind::SignatureMismatch.into());
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
            d.findings.iter().map(|f| f.kind.code().as_str()).collect()
        }

        #[test]
        fn a_finding_as_html_is_said_in_the_language_with_its_item_and_its_values_as_text() {
            let finding = Finding::from(FindingKind::StillEncoded {
                prefix: "<b>&\"".into(),
            });
            let en = finding_html(&finding, crate::catalog::Lang::En);
            assert!(
                en.starts_with("<li class=\"finding\" data-code=\"still_encoded\" data-fatal="),
                "{en}"
            );
            assert!(en.contains("&lt;b&gt;&amp;&quot;"), "{en}");
            assert!(!en.contains("<b>"), "{en}");
            assert!(en.contains("percent-encoded"), "{en}");
            let zh = finding_html(&finding, crate::catalog::Lang::Zh);
            assert!(zh.contains("编码"), "{zh}");
            if let Some(error) = crate::catalog::error_for_finding(finding.kind.code()) {
                let href = crate::catalog::item_href(error.number, false);
                assert!(
                    en.contains(&format!("href=\"{href}\">Appendix 5 #")),
                    "{en}"
                );
                assert!(zh.contains(&format!("href=\"{href}\">附录5 #")), "{zh}");
            }
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
            assert_eq!(
                d.findings,
                [Finding {
                    kind: FindingKind::HostNotAllowed {
                        host: "evil.com".into(),
                        allowed: vec!["example.com".into()],
                    },
                    fatal: true,
                }]
            );
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
