//! The AppSecret and the access_token appear in no error, no Debug output and no log line.

mod common;

use common::{test_client_config, Captured, START};
use std::sync::Arc;
use std::time::Duration;
use wechat::client::{ClientConfig, Endpoint, TicketKind, WechatClient};
use wechat::clock::ManualClock;
use wechat::credentials::{CredentialService, MemoryStore, ServiceOptions};
use wechat::fake::{FakeConfig, FakeWechat, Fault};
use wechat::Secret;

const CANARY: &str = "CANARY_SECRET_4f1c9e";
const APP_ID: &str = "wx_canary_account";

fn assert_clean(text: &str, secrets: &[&str], context: &str) {
    for secret in secrets {
        assert!(!text.contains(secret), "{context} leaks a secret: {text}");
    }
}

#[tokio::test]
async fn the_secret_and_the_token_leak_into_no_error_debug_or_log() {
    let logs = Captured::default();
    let _guard = logs.install();
    let clock = ManualClock::new(START);
    let fake =
        FakeWechat::spawn(FakeConfig::new(APP_ID, CANARY).with_clock(Arc::new(clock.clone())))
            .await
            .unwrap();
    let config = ClientConfig {
        app_id: APP_ID.into(),
        app_secret: Secret::new(CANARY),
        timeout: Duration::from_millis(300),
        ..test_client_config(&fake.base_url)
    };
    let service = CredentialService::with_options(
        WechatClient::new(config.clone()).unwrap(),
        Arc::new(MemoryStore::default()),
        ServiceOptions {
            clock: Arc::new(clock.clone()),
            failure_cooldown: Duration::ZERO,
            ..ServiceOptions::default()
        },
    );
    let token = service.access_token().await.unwrap();
    let token = token.expose().to_owned();
    let secrets = [CANARY, token.as_str()];

    let mut shown = Vec::new();
    let faults = [
        Fault::Latency { ms: 5_000 },
        Fault::Errcode {
            errcode: -1,
            errmsg: None,
        },
        Fault::Errcode {
            errcode: 40125,
            errmsg: None,
        },
        Fault::Errcode {
            errcode: 45009,
            errmsg: None,
        },
        Fault::EmptyCredential,
        Fault::MalformedJson,
        Fault::HttpStatus { status: 500 },
    ];
    for fault in faults {
        // Ticket calls carry the token in their URL; token calls carry the secret.
        for endpoint in [Endpoint::JsapiTicket, Endpoint::Token] {
            fake.inject(endpoint, fault.clone(), 3);
            let error = if endpoint == Endpoint::Token {
                WechatClient::new(config.clone())
                    .unwrap()
                    .fetch_access_token()
                    .await
                    .unwrap_err()
                    .into()
            } else {
                service.ticket(TicketKind::Jsapi).await.unwrap_err()
            };
            shown.push(format!(
                "{error}\n{error:?}\n{}\n{}",
                error.explanation(),
                error.hint()
            ));
            fake.reset_faults();
        }
    }
    // A transport error: reqwest puts the full URL (with the secret) in its message.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = closed.local_addr().unwrap();
    drop(closed);
    let unreachable =
        WechatClient::new(config.clone().with_base_url(&format!("http://{address}"))).unwrap();
    let error = unreachable.fetch_access_token().await.unwrap_err();
    assert!(
        matches!(error, wechat::client::UpstreamError::Transport { .. }),
        "{error:?}"
    );
    shown.push(format!("{error}\n{error:?}"));
    // The same failure straight from reqwest does carry the secret: the check above has teeth.
    let raw = reqwest::get(format!("http://{address}/cgi-bin/token?secret={CANARY}"))
        .await
        .unwrap_err();
    assert!(raw.to_string().contains(CANARY), "{raw}");
    let error = unreachable
        .fetch_ticket(&Secret::new(token.clone()), TicketKind::WxCard)
        .await
        .unwrap_err();
    shown.push(format!("{error}\n{error:?}"));

    for text in &shown {
        assert_clean(text, &secrets, "an error");
    }
    assert_clean(
        &format!("{service:?} {config:?} {unreachable:?}"),
        &secrets,
        "Debug",
    );
    assert_clean(
        &serde_json::to_string(&service.stats()).unwrap(),
        &secrets,
        "stats",
    );
    assert_clean(
        &serde_json::to_string(&service.status()).unwrap(),
        &secrets,
        "status",
    );
    let logs = logs.text();
    assert!(
        logs.contains("credential fetch failed"),
        "the failures were logged: {logs}"
    );
    assert_clean(&logs, &secrets, "the log");
}
