//! `/setup` and the verification file over HTTP: the server in live mode on a real socket,
//! the fake WeChat API on another. `/setup` fetches the verification file from `PUBLIC_URL`:
//! either the server's own loopback URL, or (for an `https://` domain, which a test cannot
//! resolve or terminate TLS for) the hidden `--public-url-probe` origin standing in for DNS
//! and a TLS proxy in front of the server.

mod common;

use common::{Live, Upstream, APP_SECRET};
use std::path::PathBuf;
use wechat::client::{Endpoint, TicketKind};
use wechat::fake::Fault;

const DOMAIN: &str = "setup.example.test";
const NAME: &str = "MP_verify_Ab12Cd34Ef56Gh78.txt";
/// Not UTF-8, ends with a newline: served byte for byte or not at all.
const CONTENTS: &[u8] = b"Ab12Cd34Ef56Gh78\xff\r\n";

/// A folder holding the verification file (and a file that must not be served).
fn verify_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(NAME), CONTENTS).unwrap();
    std::fs::write(dir.path().join("secret-notes.txt"), b"not for the web").unwrap();
    dir
}

fn path(dir: &tempfile::TempDir) -> String {
    dir.path().to_str().unwrap().to_owned()
}

/// A live server with a verification file and `args(own base URL)`.
async fn live(dir: &tempfile::TempDir, args: impl FnOnce(&str) -> Vec<String>) -> Live {
    let files = path(dir);
    Upstream::new(|c| c)
        .await
        .start_at(move |own| {
            let mut argv = vec!["--verify-files".to_owned(), files];
            argv.extend(args(own));
            argv
        })
        .await
}

/// `PUBLIC_URL=https://setup.example.test`, reached through the server's own loopback.
fn domain_args(own: &str, public: &str, safe: &str) -> Vec<String> {
    vec![
        "--public-url".into(),
        public.into(),
        "--js-safe-domains".into(),
        safe.into(),
        "--public-url-probe".into(),
        own.into(),
    ]
}

/// The page, in English.
async fn setup_page(live: &Live) -> String {
    let response = live
        .http
        .get(format!("{}/setup", live.base))
        .header("cookie", "lang=en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    html
}

/// `(code, state)` of every check row, in page order.
fn checks(html: &str) -> Vec<(String, String)> {
    let attr = |tag: &str, name: &str| {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_owned())
    };
    html.match_indices("<li ")
        .filter_map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>')?];
            (attr(tag, "class")? == "setup_check")
                .then(|| Some((attr(tag, "data-code")?, attr(tag, "data-state")?)))?
        })
        .collect()
}

fn state_of(html: &str, code: &str) -> Vec<String> {
    checks(html)
        .into_iter()
        .filter(|(c, _)| c == code)
        .map(|(_, s)| s)
        .collect()
}

#[tokio::test]
async fn the_verification_file_is_served_byte_for_byte_and_only_under_its_name() {
    let dir = verify_dir();
    let live = live(&dir, |_| Vec::new()).await;
    let response = live
        .http
        .get(format!("{}/{NAME}", live.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/plain");
    assert_eq!(response.bytes().await.unwrap().as_ref(), CONTENTS);
    for other in [
        "/secret-notes.txt",
        "/MP_verify_Other0000000000.txt",
        "/MP_verify_ab12cd34ef56gh78.txt",
        &format!("/assets/{NAME}"),
        &format!("/{NAME}/"),
    ] {
        let response = live
            .http
            .get(format!("{}{other}", live.base))
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body = response.bytes().await.unwrap();
        assert!(
            status != 200 || !body.windows(16).any(|w| w == &CONTENTS[..16]),
            "{other} answered {status} with the file"
        );
        assert!(
            !body.windows(15).any(|w| w == b"not for the web"),
            "{other}"
        );
    }
}

#[test]
fn a_bad_verification_file_name_is_refused_at_start_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let bad: PathBuf = dir.path().join("MP_verify_abc.html");
    std::fs::write(&bad, b"abc").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .env("WECHAT_VERIFY_FILES", &bad)
        .env("STATE_DIR", dir.path())
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "refused before starting");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("WECHAT_VERIFY_FILES"), "{stderr}");
    assert!(stderr.contains("MP_verify_abc.html"), "{stderr}");
}

#[tokio::test]
async fn setup_is_all_ok_for_a_right_deployment_and_asks_wechat_no_more_than_the_cache() {
    let dir = verify_dir();
    let live = live(&dir, |own| {
        domain_args(own, &format!("https://{DOMAIN}"), DOMAIN)
    })
    .await;
    let html = setup_page(&live).await;
    let found = checks(&html);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "token_held",
            "scheme",
            "host",
            "port",
            "safe_domain",
            "verify_file",
            "ticket_held",
            "sample_signature"
        ]
    );
    assert!(found.iter().all(|(_, s)| s == "ok"), "{found:?}");
    assert!(html.contains(&format!(
        "https://{DOMAIN}/{NAME} answers the verification file, byte for byte"
    )));
    assert!(html.contains("config:ok"));
    assert!(
        html.contains("/basic?setup="),
        "the QR code opens /basic with the session"
    );
    // No secret, token or ticket on the page.
    let ticket = live
        .fake
        .latest_ticket(TicketKind::Jsapi)
        .expect("a ticket was issued");
    assert!(!html.contains(APP_SECRET));
    assert!(!html.contains(&ticket));
    assert!(!html.contains("FAKE_TOKEN_"));
    // A second load is served from the cache.
    let again = setup_page(&live).await;
    assert_eq!(state_of(&again, "token_held"), ["ok"]);
    assert!(again.contains("in the cache"));
    assert_eq!(live.calls(Endpoint::Token), 1);
    assert_eq!(live.calls(Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn a_40164_names_the_refused_ip_and_stops_before_the_ticket() {
    let dir = verify_dir();
    let upstream = Upstream::new(|c| c).await;
    upstream.fake.inject(
        Endpoint::Token,
        Fault::Errcode {
            errcode: 40164,
            errmsg: None,
        },
        10,
    );
    let files = path(&dir);
    let live = upstream
        .start_at(move |own| {
            let mut argv = domain_args(own, &format!("https://{DOMAIN}"), DOMAIN);
            argv.extend(["--verify-files".to_owned(), files]);
            argv
        })
        .await;
    let html = setup_page(&live).await;
    assert_eq!(state_of(&html, "ip_not_whitelisted"), ["wrong"]);
    assert!(
        html.contains(
            "this server&#x27;s IP 203.0.113.7 is not in the account&#x27;s IP whitelist"
        ) || html.contains("this server's IP 203.0.113.7 is not in the account's IP whitelist"),
        "{html}"
    );
    assert!(html.contains("Add 203.0.113.7 under"));
    assert!(
        html.contains(">203.0.113.7</code>"),
        "step 5 gives the IP to whitelist"
    );
    assert_eq!(state_of(&html, "needs_earlier_step"), ["not_checked"]);
    // The failure's cooldown holds: a reload asks WeChat no more.
    let calls = live.calls(Endpoint::Token);
    setup_page(&live).await;
    assert_eq!(live.calls(Endpoint::Token), calls);
}

#[tokio::test]
async fn a_wrong_appid_or_secret_is_named() {
    for (errcode, code) in [(40013, "invalid_app_id"), (40125, "invalid_secret")] {
        let upstream = Upstream::new(|c| c).await;
        upstream.fake.inject(
            Endpoint::Token,
            Fault::Errcode {
                errcode,
                errmsg: None,
            },
            10,
        );
        let live = upstream.start(&[]).await;
        let html = setup_page(&live).await;
        assert_eq!(state_of(&html, code), ["wrong"], "{errcode}");
    }
}

#[tokio::test]
async fn the_servers_own_loopback_url_is_wrong_on_scheme_host_and_port_but_serves_the_file() {
    let dir = verify_dir();
    let live = live(&dir, |own| vec!["--public-url".into(), own.into()]).await;
    let html = setup_page(&live).await;
    assert_eq!(state_of(&html, "scheme"), ["wrong"]);
    assert_eq!(state_of(&html, "host"), ["wrong"]);
    assert_eq!(state_of(&html, "port"), ["wrong"]);
    assert_eq!(
        state_of(&html, "safe_domain"),
        ["not_checked"],
        "JS_SAFE_DOMAINS unset"
    );
    assert_eq!(
        state_of(&html, "verify_file"),
        ["ok"],
        "fetched from itself"
    );
    assert_eq!(state_of(&html, "token_held"), ["ok"]);
}

#[tokio::test]
async fn a_port_an_ip_http_and_a_host_outside_the_safe_domains_are_each_wrong() {
    let cases = [
        (format!("https://{DOMAIN}:8080"), DOMAIN, "port"),
        ("https://203.0.113.9".to_owned(), "203.0.113.9", "host"),
        (format!("http://{DOMAIN}"), DOMAIN, "scheme"),
        (format!("https://{DOMAIN}"), "other.example", "safe_domain"),
    ];
    for (public, safe, wrong) in cases {
        let dir = verify_dir();
        let public_for = public.clone();
        let live = live(&dir, move |own| domain_args(own, &public_for, safe)).await;
        let html = setup_page(&live).await;
        let found = checks(&html);
        let wrongs: Vec<&str> = found
            .iter()
            .filter(|(_, s)| s == "wrong")
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(
            wrongs,
            [wrong],
            "{public} with JS_SAFE_DOMAINS={safe}: {found:?}"
        );
    }
}

#[tokio::test]
async fn a_verification_file_missing_or_different_at_the_public_url_is_wrong() {
    // Another server answers at the public URL: with another file under the name, then with none.
    let other = axum::Router::new().route(
        &format!("/{NAME}"),
        axum::routing::get(|| async { "someone else's file" }),
    );
    let (other_base, _task) = common::serve(other).await;
    let dir = verify_dir();
    let probe = other_base.clone();
    let different = live(&dir, move |_| {
        domain_args(&probe, &format!("https://{DOMAIN}"), DOMAIN)
    })
    .await;
    let html = setup_page(&different).await;
    assert_eq!(state_of(&html, "verify_file"), ["wrong"]);
    assert!(html.contains("answers other bytes (19 bytes)"), "{html}");

    let empty = axum::Router::new();
    let (empty_base, _task) = common::serve(empty).await;
    let dir = verify_dir();
    let missing = live(&dir, move |_| {
        domain_args(&empty_base, &format!("https://{DOMAIN}"), DOMAIN)
    })
    .await;
    let html = setup_page(&missing).await;
    assert_eq!(state_of(&html, "verify_file"), ["wrong"]);
    assert!(html.contains("answers HTTP 404"), "{html}");
}

#[tokio::test]
async fn a_phones_ready_reaches_the_setup_pages_event_stream_of_its_session_only() {
    let live = Upstream::new(|c| c).await.start(&[]).await;
    let bad = live
        .http
        .get(format!("{}/api/setup/events?session=%3Cx%3E", live.base))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let mut stream = live
        .http
        .get(format!(
            "{}/api/setup/events?session=abcdEFGH1234",
            live.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let ua = "Mozilla/5.0 (Linux; Android 14; Pixel 8) MicroMessenger/8.0.47.2560(0x28002F30)";
    // Another session's phone, then this one's.
    for session in ["zzzzZZZZ9999", "abcdEFGH1234"] {
        let answer = live
            .form(
                "/api/config_ready",
                &[
                    ("href", &format!("https://a.example/basic?setup={session}")),
                    ("user_agent", ua),
                ],
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
    }
    let mut received = String::new();
    while !received.contains("\n\n") || !received.contains("event: phone") {
        let chunk = tokio::time::timeout(common::PATIENCE, stream.chunk())
            .await
            .expect("an event")
            .unwrap()
            .expect("the stream is open");
        received.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(received.contains("\"outcome\":\"ready\""), "{received}");
    assert!(
        received.contains("\"wechat_version\":\"8.0.47.2560\""),
        "{received}"
    );
    assert!(received.contains("Android 14"), "{received}");
    assert_eq!(
        received.matches("event: phone").count(),
        1,
        "only this session's: {received}"
    );
}
