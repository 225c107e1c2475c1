//! Properties of the page-URL rules, over arbitrary and URL-shaped strings: no input panics,
//! an accepted URL is the input minus its fragment byte for byte (and signing it again gives
//! it back), and every refusal is a typed error whose message names the problem.

use proptest::prelude::*;
use wechat::page_url::{page_url_to_sign, SafeDomains, UrlError, UrlLint, MAX_URL_BYTES};

/// 256 cases, or `PROPTEST_CASES` (a longer hunt: `PROPTEST_CASES=20000`).
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A host name: 1–3 labels of letters, digits and inner hyphens, any case.
fn host() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Z0-9]([a-zA-Z0-9-]{0,8}[a-zA-Z0-9])?", 1..4)
        .prop_map(|labels| labels.join("."))
}

/// What location.href can hold after the host: printable ASCII and non-ASCII letters, no
/// whitespace, no `#` (the fragment is generated separately).
fn tail() -> impl Strategy<Value = String> {
    "(/[!$%&'()*+,./0-9:;=?@A-Z_a-z~\u{4e00}-\u{4e10}-]{0,40})?(\\?[!$%&'()*+,./0-9:;=?@A-Z_a-z~-]{0,40})?"
}

/// A well-formed page URL and its parts.
fn page_url() -> impl Strategy<Value = (String, String, Option<String>)> {
    (
        prop_oneof!["http", "https"],
        host(),
        prop::option::of(1u16..),
        tail(),
        prop::option::of("[ -~]{0,30}"),
    )
        .prop_map(|(scheme, host, port, tail, fragment)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let url = format!("{scheme}://{host}{port}{tail}");
            (url, host, fragment)
        })
}

/// Strings that look like URLs but may be broken anywhere: odd schemes, user info, ports,
/// brackets, encoded prefixes, spaces, control characters.
fn url_ish() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("https://".to_owned()),
        Just("http://".to_owned()),
        Just("HTTP://".to_owned()),
        Just("https%3A%2F%2F".to_owned()),
        Just("ftp://".to_owned()),
        Just("javascript:".to_owned()),
        Just(String::new()),
        "[a-z]{1,6}:/{0,3}",
    ];
    let authority = prop_oneof![
        host(),
        Just(String::new()),
        Just("[::1]".to_owned()),
        Just("[::1".to_owned()),
        Just("[]".to_owned()),
        host().prop_map(|h| format!("user:pw@{h}")),
        host().prop_map(|h| format!("{h}:")),
        (host(), "[0-9a-z]{1,7}").prop_map(|(h, p)| format!("{h}:{p}")),
    ];
    (
        scheme,
        authority,
        "[ -~\t\n\u{0}\u{7f}\u{a0}\u{4e00}]{0,24}",
    )
        .prop_map(|(scheme, authority, rest)| format!("{scheme}{authority}{rest}"))
}

/// Every refusal's message names what to fix.
fn assert_explains(error: &UrlError) {
    let message = error.to_string();
    let named = match error {
        UrlError::Empty => message.contains("empty"),
        UrlError::TooLong { len } => message.contains(&len.to_string()),
        UrlError::ForbiddenCharacter { at } => message.contains(&format!("byte {at}")),
        UrlError::StillEncoded { .. } => message.contains("percent-encoded"),
        UrlError::Scheme { .. } => message.contains("http://"),
        UrlError::MissingHost => message.contains("no host"),
        UrlError::UserInfo => message.contains("user"),
        UrlError::InvalidPort { port } => message.contains(&format!("{port:?}")),
        UrlError::HostNotAllowed { host, .. } => message.contains(host.as_str()),
        UrlError::InvalidSafeDomain { entry } => message.contains(&format!("{entry:?}")),
    };
    assert!(named, "{error:?} → {message}");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string_is_accepted_as_its_prefix_or_refused_with_a_reason(raw in any::<String>()) {
        check_any(&raw);
    }

    #[test]
    fn url_ish_strings_are_accepted_as_their_prefix_or_refused_with_a_reason(raw in url_ish()) {
        check_any(&raw);
    }

    #[test]
    fn valid_urls_round_trip_byte_for_byte((url, host, fragment) in page_url()) {
        let raw = match &fragment {
            Some(fragment) => format!("{url}#{fragment}"),
            None => url.clone(),
        };
        let page = page_url_to_sign(&raw, &SafeDomains::any()).expect("a well-formed URL");
        prop_assert_eq!(page.as_str(), url.as_str());
        prop_assert_eq!(page.host(), host.to_ascii_lowercase());
        prop_assert_eq!(fragment.is_some(), page.lints().contains(&UrlLint::FragmentRemoved));
        prop_assert_eq!(host != host.to_ascii_lowercase(), page.lints().contains(&UrlLint::UppercaseHost));
        // Signing the signed URL again changes nothing.
        let again = page_url_to_sign(page.as_str(), &SafeDomains::any()).unwrap();
        prop_assert_eq!(again.as_str(), page.as_str());
        let lints: Vec<_> = page.lints().iter().filter(|l| **l != UrlLint::FragmentRemoved).collect();
        prop_assert_eq!(again.lints().iter().collect::<Vec<_>>(), lints);
    }

    #[test]
    fn whitespace_anywhere_before_the_fragment_is_refused_at_its_byte(
        (url, _, _) in page_url(),
        position in any::<prop::sample::Index>(),
        space in prop_oneof![Just(' '), Just('\t'), Just('\n'), Just('\u{3000}'), Just('\u{0}')],
    ) {
        let at = position.index(url.len() + 1);
        let at = (0..=at).rev().find(|i| url.is_char_boundary(*i)).unwrap_or(0);
        let raw = format!("{}{space}{}", &url[..at], &url[at..]);
        prop_assert_eq!(
            page_url_to_sign(&raw, &SafeDomains::any()),
            Err(UrlError::ForbiddenCharacter { at })
        );
    }

    #[test]
    fn only_safe_domains_and_their_subdomains_are_signed(
        (url, host, _) in page_url(),
        domain in host(),
    ) {
        let domains = SafeDomains::new([domain.as_str()]).expect("a host is a domain");
        let lower = host.to_ascii_lowercase();
        let domain = domain.to_ascii_lowercase();
        let allowed = lower == domain || lower.ends_with(&format!(".{domain}"));
        match page_url_to_sign(&url, &domains) {
            Ok(page) => prop_assert!(allowed, "{} signed outside {}", page, domain),
            Err(error) => {
                prop_assert!(!allowed, "{} refused: {}", url, error);
                let refused_host = matches!(&error, UrlError::HostNotAllowed { host, .. } if *host == lower);
                prop_assert!(refused_host, "{:?}", error);
                assert_explains(&error);
            }
        }
        // The same URL on a subdomain of the allowed one is signed.
        let after_scheme = url.find("://").unwrap() + 3;
        let sub = format!(
            "{}www.{domain}{}",
            &url[..after_scheme],
            &url[after_scheme + host.len()..]
        );
        prop_assert!(page_url_to_sign(&sub, &domains).is_ok(), "{}", sub);
    }

    #[test]
    fn safe_domain_lists_never_panic_and_name_the_bad_entry(list in "[ -~]{0,40}") {
        match SafeDomains::parse(&list) {
            Ok(domains) => prop_assert!(domains.domains().iter().all(|d| !d.is_empty())),
            Err(error) => {
                let typed = matches!(error, UrlError::InvalidSafeDomain { .. });
                prop_assert!(typed, "{:?}", error);
                assert_explains(&error);
            }
        }
    }
}

fn check_any(raw: &str) {
    let before_fragment = raw.split('#').next().unwrap_or(raw);
    match page_url_to_sign(raw, &SafeDomains::any()) {
        Ok(page) => {
            assert_eq!(page.as_str(), before_fragment);
            assert!(page.as_str().len() <= MAX_URL_BYTES);
            assert!(page.as_str().starts_with("http://") || page.as_str().starts_with("https://"));
            assert!(!page.as_str().contains(char::is_whitespace));
        }
        Err(error) => assert_explains(&error),
    }
}
