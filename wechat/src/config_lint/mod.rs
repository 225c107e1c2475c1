//! Lints a pasted `wx.config({...})`, and the page code beside it, for what the documents and
//! appendix 5 say makes it fail: keys misspelled or in the wrong case, missing fields
//! (`config:fail`), a timestamp in milliseconds or made in the page, `debug: true` left on, an
//! API called but not in `jsApiList`, `openTagList` with an SDK older than 1.6.0, share links
//! and icons without a scheme or off the JS safe domain.
//!
//! The lints are codes and values ([`ConfigLint`]); pages say them in their language.

mod literal;

pub use literal::{Literal, LiteralError};

use crate::{input::AppId, page_url, page_url::SafeDomains};
use serde::{Deserialize, Serialize};

/// `wx.config`'s keys as the documents spell them; a test holds it to
/// [`crate::signature::jsapi::JsConfig`]'s serialised names.
pub const CONFIG_KEYS: [&str; 7] = [
    "debug",
    "appId",
    "timestamp",
    "nonceStr",
    "signature",
    "jsApiList",
    "openTagList",
];

/// The keys the documents mark 必填 (required): without one, `config:fail`.
pub const REQUIRED_KEYS: [&str; 5] = ["appId", "timestamp", "nonceStr", "signature", "jsApiList"];

/// The first jweixin release with open tags (`openTagList`).
pub const OPEN_TAG_SDK: (u32, u32, u32) = (1, 6, 0);

/// What the linter knows besides the text: the JS interfaces there are, which of them take
/// share content (`link`, `imgUrl`), and the page's JS safe domains if the user gave them.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Every JS interface a `jsApiList` may name.
    pub apis: &'a [&'a str],
    /// The interfaces whose argument carries `link` and `imgUrl`.
    pub share_apis: &'a [&'a str],
    /// The account's JS safe domains; `None` when unknown (then only the scheme is checked).
    pub safe_domains: Option<&'a SafeDomains>,
}

/// One problem found, with the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[allow(missing_docs)] // each variant's doc names its fields
pub enum ConfigLint {
    /// No `{...}` could be read; `at` counts characters from the start.
    Unreadable { at: usize, expected: String },
    /// A known key in the wrong case (`appid`, `noncestr`, `timeStamp`): WeChat reads it as missing.
    WrongCase { found: String, expected: String },
    /// A key one or two letters off a known one (`signatrue`, `jsApiLis`).
    Misspelled { found: String, expected: String },
    /// A key `wx.config` does not take.
    UnknownKey { found: String },
    /// A required key is absent or empty: `config:fail`.
    Missing { key: String },
    /// `timestamp` has 13 digits: milliseconds (`Date.now()`), where WeChat signs seconds.
    TimestampMilliseconds { value: String },
    /// `timestamp` is computed in the page (`Date.now()`, `new Date()`): it cannot be the one
    /// the server signed.
    TimestampMadeInPage { value: String },
    /// `timestamp` is a quoted string; pass the number the server signed.
    TimestampQuoted { value: String },
    /// `appId` is not `wx` and 16 letters or digits.
    AppIdMalformed { value: String },
    /// `signature` is not 40 hexadecimal characters (SHA-1).
    SignatureMalformed { value: String },
    /// `jsApiList` is not an array.
    JsApiListNotArray,
    /// A `jsApiList` entry that is no JS interface; `suggestion` is the nearest one.
    UnknownApi {
        name: String,
        suggestion: Option<String>,
    },
    /// The code calls `wx.<api>` but `jsApiList` does not name it: WeChat refuses the call.
    ApiNotListed { api: String },
    /// `debug: true`: every call's result pops up as an alert on the phone.
    DebugOn,
    /// `openTagList` with a jweixin older than 1.6.0 (`version` as the code names it).
    OpenTagsNeedNewerSdk { version: String },
    /// A share call's `link` or `imgUrl` without `http://` or `https://`.
    ShareUrlWithoutScheme {
        api: String,
        field: String,
        value: String,
    },
    /// A share call's `link` off the JS safe domains.
    ShareLinkOffDomain {
        api: String,
        host: String,
        allowed: Vec<String>,
    },
}

impl ConfigLint {
    /// True when WeChat will refuse the config or the call as written.
    pub fn is_fatal(&self) -> bool {
        !matches!(
            self,
            Self::DebugOn | Self::TimestampQuoted { .. } | Self::UnknownKey { .. }
        )
    }
}

/// Lints the `wx.config` call (or bare object) in `config` and the page code in `code`.
pub fn lint(config: &str, code: &str, known: Known<'_>) -> Vec<ConfigLint> {
    let start = config
        .find("wx.config")
        .and_then(|at| config[at..].find('{').map(|brace| at + brace))
        .or_else(|| config.find('{'));
    let entries = match start.map(|start| literal::object_at(config, start)) {
        Some(Ok(entries)) => entries,
        Some(Err(LiteralError { at, expected })) => {
            return vec![ConfigLint::Unreadable {
                at,
                expected: expected.to_owned(),
            }];
        }
        None => {
            return vec![ConfigLint::Unreadable {
                at: 0,
                expected: "{".to_owned(),
            }];
        }
    };
    let mut lints = Vec::new();
    let mut named: Vec<&str> = Vec::new();
    for (key, value) in &entries {
        if key.is_empty() {
            continue; // a spread (`...rest`)
        }
        let Some(config_key) = config_key(key) else {
            lints.push(ConfigLint::UnknownKey { found: key.clone() });
            continue;
        };
        if config_key != key {
            // WeChat reads it as missing; the misspelling says so, `Missing` would repeat it.
            let (found, expected) = (key.clone(), config_key.to_owned());
            lints.push(if config_key.eq_ignore_ascii_case(key) {
                ConfigLint::WrongCase { found, expected }
            } else {
                ConfigLint::Misspelled { found, expected }
            });
            named.push(config_key);
            continue;
        }
        if !is_empty(value) {
            named.push(config_key);
        }
        lints.extend(value_lints(config_key, value, known));
    }
    for key in REQUIRED_KEYS {
        if !named.contains(&key) {
            lints.push(ConfigLint::Missing {
                key: key.to_owned(),
            });
        }
    }
    let page = format!("{config}\n{code}");
    let js_api_list = entries.iter().find(|(key, _)| key == "jsApiList");
    if let Some((_, Literal::Array(items))) = js_api_list {
        let listed: Vec<&str> = items.iter().filter_map(as_str).collect();
        for api in called_apis(&page) {
            if known.apis.contains(&api) && !listed.contains(&api) {
                lints.push(ConfigLint::ApiNotListed {
                    api: api.to_owned(),
                });
            }
        }
    }
    let open_tags = entries.iter().any(|(key, value)| {
        key == "openTagList" && matches!(value, Literal::Array(items) if !items.is_empty())
    });
    if open_tags {
        if let Some(version) = sdk_version(&page).filter(|v| v.1 < OPEN_TAG_SDK) {
            lints.push(ConfigLint::OpenTagsNeedNewerSdk { version: version.0 });
        }
    }
    lints.extend(share_lints(&page, known));
    lints
}

fn as_str(value: &Literal) -> Option<&str> {
    match value {
        Literal::Str(text) => Some(text),
        _ => None,
    }
}

fn is_empty(value: &Literal) -> bool {
    matches!(value, Literal::Str(text) if text.trim().is_empty())
}

/// The one of [`CONFIG_KEYS`] that `key` is, as written, in another case, or one or two
/// letters off (or its start, from four letters: `nonce`, `sign`); `None` for any other key.
fn config_key(key: &str) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    let exact = CONFIG_KEYS.iter().find(|k| **k == key);
    let case = || CONFIG_KEYS.iter().find(|k| k.eq_ignore_ascii_case(key));
    let near = || {
        CONFIG_KEYS.iter().find(|k| {
            let k = k.to_ascii_lowercase();
            distance(&k, &lower) <= 2 || (lower.len() >= 4 && k.starts_with(&lower))
        })
    };
    exact.or_else(case).or_else(near).copied()
}

/// What is wrong with the value of a known key.
fn value_lints(key: &str, value: &Literal, known: Known<'_>) -> Vec<ConfigLint> {
    let mut lints = Vec::new();
    match (key, value) {
        ("debug", Literal::Bool(true)) => lints.push(ConfigLint::DebugOn),
        ("appId", Literal::Str(id)) if !id.is_empty() && AppId::parse(id).is_err() => {
            lints.push(ConfigLint::AppIdMalformed { value: id.clone() })
        }
        ("timestamp", Literal::Number(n)) if n.len() >= 13 || n.contains('.') => {
            lints.push(ConfigLint::TimestampMilliseconds { value: n.clone() })
        }
        ("timestamp", Literal::Str(n)) if !n.is_empty() => {
            let digits = n.trim();
            if digits.len() >= 13 && digits.bytes().all(|b| b.is_ascii_digit()) {
                lints.push(ConfigLint::TimestampMilliseconds { value: n.clone() });
            } else {
                lints.push(ConfigLint::TimestampQuoted { value: n.clone() });
            }
        }
        ("timestamp", Literal::Other(expr)) if expr.contains("Date") => {
            lints.push(ConfigLint::TimestampMadeInPage {
                value: expr.clone(),
            })
        }
        ("signature", Literal::Str(sig)) if !sig.is_empty() && !is_sha1_hex(sig) => {
            lints.push(ConfigLint::SignatureMalformed { value: sig.clone() })
        }
        ("jsApiList", Literal::Array(items)) => {
            for name in items.iter().filter_map(as_str) {
                if !known.apis.contains(&name) {
                    lints.push(ConfigLint::UnknownApi {
                        name: name.to_owned(),
                        suggestion: nearest(name, known.apis).map(str::to_owned),
                    });
                }
            }
        }
        (
            "jsApiList",
            Literal::Str(_) | Literal::Number(_) | Literal::Bool(_) | Literal::Object(_),
        ) => lints.push(ConfigLint::JsApiListNotArray),
        _ => {}
    }
    lints
}

fn is_sha1_hex(text: &str) -> bool {
    text.len() == 40 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The nearest name within three edits, ignoring case.
fn nearest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_ascii_lowercase();
    names
        .iter()
        .map(|candidate| {
            (
                distance(&candidate.to_ascii_lowercase(), &lower),
                *candidate,
            )
        })
        .filter(|(d, _)| *d <= 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Each `wx.<name>(` in the code, once, in order (not `wx.config`, `wx.ready`, `wx.error`).
fn called_apis(code: &str) -> Vec<&str> {
    let mut apis = Vec::new();
    for (at, _) in code.match_indices("wx.") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.') {
            continue;
        }
        let rest = &code[at + 3..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = &rest[..len];
        let called = rest[len..].trim_start().starts_with('(');
        if called
            && !name.is_empty()
            && !["config", "ready", "error"].contains(&name)
            && !apis.contains(&name)
        {
            apis.push(name);
        }
    }
    apis
}

/// The jweixin version a `<script src=".../jweixin-1.x.y.js">` (or an import) names.
fn sdk_version(code: &str) -> Option<(String, (u32, u32, u32))> {
    let at = code.find("jweixin-")? + "jweixin-".len();
    let rest = &code[at..];
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let written = rest[..len].trim_end_matches('.');
    let mut parts = written.split('.').map(|p| p.parse::<u32>().ok());
    let version = (
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
        parts.next().flatten().unwrap_or(0),
    );
    Some((written.to_owned(), version))
}

/// `link` and `imgUrl` of each share call's argument in the code.
fn share_lints(code: &str, known: Known<'_>) -> Vec<ConfigLint> {
    let mut lints = Vec::new();
    for api in known.share_apis {
        let call = format!("wx.{api}(");
        for (at, _) in code.match_indices(&call) {
            let after = at + call.len();
            let Some(brace) = code[after..]
                .find(|c: char| !c.is_whitespace())
                .map(|i| after + i)
            else {
                continue;
            };
            if !code[brace..].starts_with('{') {
                continue;
            }
            let Ok(entries) = literal::object_at(code, brace) else {
                continue;
            };
            for (field, value) in &entries {
                let (field, Literal::Str(url)) = (field.as_str(), value) else {
                    continue;
                };
                if !["link", "imgUrl"].contains(&field) || url.is_empty() {
                    continue;
                }
                let lower = url.to_ascii_lowercase();
                if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                    lints.push(ConfigLint::ShareUrlWithoutScheme {
                        api: (*api).to_owned(),
                        field: field.to_owned(),
                        value: url.clone(),
                    });
                    continue;
                }
                let Some(safe) = known.safe_domains.filter(|s| !s.allows_any_host()) else {
                    continue;
                };
                if field == "link" {
                    if let Ok(page) = page_url::page_url_to_sign(url, &SafeDomains::any()) {
                        if !safe.allows(page.host()) {
                            lints.push(ConfigLint::ShareLinkOffDomain {
                                api: (*api).to_owned(),
                                host: page.host().to_owned(),
                                allowed: safe.domains().to_vec(),
                            });
                        }
                    }
                }
            }
        }
    }
    lints
}

#[cfg(test)]
mod tests;
