//! The fake speaks WeChat's API over real HTTP, with WeChat's rules, and takes orders on
//! its control endpoints.

mod common;

use common::{test_client_config, Rig, START};
use serde_json::{json, Value};
use std::sync::Arc;
use wechat::client::{Endpoint, TicketKind, TokenMode, UpstreamError, WechatClient};
use wechat::clock::ManualClock;
use wechat::credentials::{CredentialService, MemoryStore, ServiceOptions};
use wechat::fake::{encrypt_code, FakeConfig, FakeWechat, SANDBOX_APP_ID, SANDBOX_APP_SECRET};
use wechat::page_url::SafeDomains;
use wechat::Error;

async fn get(url: String) -> Value {
    reqwest::get(url).await.unwrap().json().await.unwrap()
}

async fn token(base: &str, appid: &str, secret: &str) -> Value {
    get(format!(
        "{base}/cgi-bin/token?grant_type=client_credential&appid={appid}&secret={secret}"
    ))
    .await
}

async fn ticket(base: &str, token: &str, kind: &str) -> Value {
    get(format!(
        "{base}/cgi-bin/ticket/getticket?access_token={token}&type={kind}"
    ))
    .await
}

#[tokio::test]
async fn each_token_call_issues_a_new_token_and_the_old_one_lives_five_more_minutes() {
    let rig = Rig::new().await;
    let base = &rig.fake.base_url;
    let first = token(base, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await;
    assert_eq!(first["expires_in"], 7200);
    let first = first["access_token"].as_str().unwrap().to_owned();
    let second = token(base, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(first, second);

    rig.clock.advance(299);
    assert_eq!(ticket(base, &first, "jsapi").await["errcode"], 0);
    rig.clock.advance(1);
    assert_eq!(ticket(base, &first, "jsapi").await["errcode"], 40001);
    let answer = ticket(base, &second, "jsapi").await;
    assert_eq!(
        (answer["errcode"].clone(), answer["errmsg"].clone()),
        (json!(0), json!("ok"))
    );
    assert!(!answer["ticket"].as_str().unwrap().is_empty());

    rig.clock.set(START + 7200);
    assert_eq!(ticket(base, &second, "jsapi").await["errcode"], 42001);
}

#[tokio::test]
async fn wrong_appid_secret_token_or_type_get_wechats_errcodes() {
    let rig = Rig::new().await;
    let base = &rig.fake.base_url;
    assert_eq!(
        token(base, "wx_other", SANDBOX_APP_SECRET).await["errcode"],
        40013
    );
    assert_eq!(token(base, SANDBOX_APP_ID, "wrong").await["errcode"], 40125);
    assert_eq!(ticket(base, "forged", "jsapi").await["errcode"], 40014);
    assert_eq!(
        get(format!("{base}/cgi-bin/ticket/getticket?type=jsapi")).await["errcode"],
        41001
    );
    let valid = token(base, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["access_token"].clone();
    assert_eq!(
        ticket(base, valid.as_str().unwrap(), "bogus").await["errcode"],
        40097
    );
    assert_eq!(rig.fake.stats().errors[&Endpoint::Token][&40125], 1);
}

#[tokio::test]
async fn the_daily_token_quota_answers_45009() {
    let clock = ManualClock::new(START);
    let mut config = FakeConfig::sandbox().with_clock(Arc::new(clock.clone()));
    config.daily_token_quota = 2;
    let fake = FakeWechat::spawn(config).await.unwrap();
    for _ in 0..2 {
        assert!(
            token(&fake.base_url, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["access_token"]
                .is_string()
        );
    }
    assert_eq!(
        token(&fake.base_url, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["errcode"],
        45009
    );
    clock.advance(86_400);
    assert!(
        token(&fake.base_url, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["access_token"].is_string()
    );
}

#[tokio::test]
async fn stable_token_keeps_the_token_unless_forced() {
    let rig = Rig::new().await;
    let http = reqwest::Client::new();
    let url = format!("{}/cgi-bin/stable_token", rig.fake.base_url);
    let body = |force: bool| json!({"grant_type": "client_credential", "appid": SANDBOX_APP_ID, "secret": SANDBOX_APP_SECRET, "force_refresh": force});
    let call = |force| {
        let request = http.post(&url).json(&body(force));
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let first = call(false).await;
    rig.clock.advance(1000);
    let again = call(false).await;
    assert_eq!(again["access_token"], first["access_token"]);
    assert_eq!(again["expires_in"], 6200);
    let forced = call(true).await;
    assert_ne!(forced["access_token"], first["access_token"]);
}

#[tokio::test]
async fn two_services_in_stable_mode_share_an_appid_without_invalidating_each_other() {
    let rig = Rig::with_client(|mut config| {
        config.token_mode = TokenMode::Stable;
        config
    })
    .await;
    let other = common::service_for(
        &rig.fake,
        &rig.clock,
        |mut config| {
            config.token_mode = TokenMode::Stable;
            config
        },
        Arc::new(MemoryStore::default()),
    );
    let ours = rig.service.access_token().await.unwrap();
    assert_eq!(other.access_token().await.unwrap(), ours);
    rig.clock.advance(600);
    rig.service
        .ticket(TicketKind::Jsapi)
        .await
        .expect("our token still works");
    assert_eq!(rig.fake.stats().tokens_issued, 1);
}

#[tokio::test]
async fn the_control_endpoints_queue_faults_report_counters_and_reset() {
    let rig = Rig::new().await;
    let http = reqwest::Client::new();
    let base = &rig.fake.base_url;
    let queued: Value = http
        .post(format!("{base}/__fake/faults"))
        .json(&json!([
            {"endpoint": "token", "kind": "errcode", "errcode": -1, "times": 1},
            {"endpoint": "token", "kind": "http_status", "status": 502}
        ]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(queued["queued"], 2);
    assert_eq!(
        token(base, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["errcode"],
        -1
    );
    let bad_gateway = reqwest::get(format!(
        "{base}/cgi-bin/token?grant_type=client_credential&appid={SANDBOX_APP_ID}&secret={SANDBOX_APP_SECRET}"
    ))
    .await
    .unwrap();
    assert_eq!(bad_gateway.status(), 502);

    let stats = get(format!("{base}/__fake/stats")).await;
    assert_eq!(stats["calls"]["token"], 2);
    assert_eq!(stats["errors"]["token"]["-1"], 1);

    let refused = http
        .post(format!("{base}/__fake/faults"))
        .body("nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);

    let valid = token(base, SANDBOX_APP_ID, SANDBOX_APP_SECRET).await["access_token"].clone();
    http.post(format!("{base}/__fake/reset"))
        .send()
        .await
        .unwrap();
    assert_eq!(rig.fake.calls(Endpoint::Token), 0);
    assert_eq!(
        ticket(base, valid.as_str().unwrap(), "jsapi").await["errcode"],
        40014,
        "tokens forgotten"
    );
}

#[tokio::test]
async fn card_codes_decrypt_through_the_service() {
    let rig = Rig::new().await;
    let code = rig
        .service
        .decrypt_card_code(&encrypt_code("1434008071"))
        .await
        .unwrap();
    assert_eq!(code, "1434008071");
    let error = rig.service.decrypt_card_code("0badc0de").await.unwrap_err();
    assert_eq!(error.errcode(), Some(40056));
    assert!(rig
        .service
        .decrypt_card_code("")
        .await
        .unwrap_err()
        .is_client_error());
    assert!(rig
        .service
        .decrypt_card_code("ab+cd ef")
        .await
        .unwrap_err()
        .is_client_error());
    assert_eq!(rig.fake.calls(Endpoint::DecryptCode), 2);
}

#[tokio::test]
async fn decrypt_renews_a_refused_token_once() {
    let rig = Rig::new().await;
    rig.service.access_token().await.unwrap();
    rig.fake.inject(
        Endpoint::DecryptCode,
        wechat::fake::Fault::Errcode {
            errcode: 42001,
            errmsg: None,
        },
        1,
    );
    assert_eq!(
        rig.service
            .decrypt_card_code(&encrypt_code("42"))
            .await
            .unwrap(),
        "42"
    );
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert_eq!(rig.fake.calls(Endpoint::DecryptCode), 2);
}

#[tokio::test]
async fn a_refused_page_url_costs_no_upstream_call() {
    let rig = Rig::new().await;
    let safe = SafeDomains::parse("example.com").unwrap();
    let error = rig
        .service
        .js_config("https://evil.example.net/", &safe, vec![], vec![], false)
        .await
        .unwrap_err();
    assert!(error.is_client_error());
    assert!(matches!(error, Error::PageUrl(_)));
    assert_eq!(rig.fake.calls(Endpoint::Token), 0);
    let config = rig
        .service
        .js_config(
            "https://m.example.com/a?b=c#frag",
            &safe,
            vec![],
            vec![],
            true,
        )
        .await
        .unwrap();
    assert_eq!(config.url, "https://m.example.com/a?b=c");
    assert!(config.config.debug);
}

#[tokio::test]
async fn card_signatures_use_the_wx_card_ticket() {
    let rig = Rig::new().await;
    let item = rig
        .service
        .card_ext("pCard", "", "", Default::default())
        .await
        .unwrap();
    let ticket = rig.fake.latest_ticket(TicketKind::WxCard).unwrap();
    let ext: Value = serde_json::from_str(&item.card_ext).unwrap();
    let timestamp = ext["timestamp"].as_str().unwrap();
    let nonce = ext["nonce_str"].as_str().unwrap();
    assert_eq!(
        ext["signature"],
        wechat::signature::sorted_values_signature(&[
            ticket.as_str(),
            timestamp,
            "pCard",
            "",
            "",
            nonce
        ])
    );
    let filter = wechat::credentials::ChooseCardFilter {
        shop_id: "1234".into(),
        ..Default::default()
    };
    let params = rig.service.card_sign(&filter).await.unwrap();
    let expected = wechat::signature::sorted_values_signature(&[
        ticket.as_str(),
        SANDBOX_APP_ID,
        "1234",
        &params.timestamp.to_string(),
        &params.nonce_str,
    ]);
    assert_eq!(params.card_sign, expected);
    assert_eq!(rig.fake.calls(Endpoint::WxCardTicket), 1);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 0);
    assert!(rig
        .service
        .card_ext("", "", "", Default::default())
        .await
        .unwrap_err()
        .is_client_error());
}

#[tokio::test]
async fn the_sandbox_setup_works_end_to_end_on_the_system_clock() {
    let fake = FakeWechat::spawn(FakeConfig::sandbox()).await.unwrap();
    let client = WechatClient::new(test_client_config(&fake.base_url)).unwrap();
    let service = CredentialService::with_options(
        client,
        Arc::new(MemoryStore::default()),
        ServiceOptions::default(),
    );
    let config = service
        .js_config(
            "http://127.0.0.1:3000/",
            &SafeDomains::any(),
            vec!["chooseImage".into()],
            vec![],
            false,
        )
        .await
        .unwrap();
    assert!(fake.js_config_is_valid(&config));
    assert_eq!(config.config.app_id, SANDBOX_APP_ID);
    let tampered = wechat::signature::jsapi::SignedJsConfig {
        url: "http://127.0.0.1:3000/other".into(),
        ..config
    };
    assert!(!fake.js_config_is_valid(&tampered));
}

#[tokio::test]
async fn the_client_parses_both_success_shapes_and_typed_errors() {
    let rig = Rig::new().await;
    let client = rig.service.client();
    let token = client.fetch_access_token().await.unwrap(); // {"access_token", "expires_in"}
    assert_eq!(token.expires_in, 7200);
    let ticket = client
        .fetch_ticket(&token.value, TicketKind::Jsapi)
        .await
        .unwrap(); // {"errcode":0,...}
    assert_eq!(ticket.expires_in, 7200);
    let error = client
        .fetch_ticket(&wechat::Secret::new("forged"), TicketKind::Jsapi)
        .await
        .unwrap_err();
    assert_eq!(
        error,
        UpstreamError::CredentialRejected {
            endpoint: Endpoint::JsapiTicket,
            errcode: 40014,
            errmsg: "invalid access_token".into()
        }
    );
    assert_eq!(client.stats().calls(Endpoint::JsapiTicket), 2);
}
