//! Every class of WeChat failure, through the running server's HTTP API: the server in live
//! mode on a real socket, the fake WeChat API on another. For the access_token and each ticket
//! (jsapi, wx_card): the status and error shape a caller gets when no valid credential is held,
//! the number of upstream calls it cost, and that a still-valid credential keeps being served
//! while its renewal fails. (`wechat/tests/faults.rs` covers the same classes at the core.)

mod common;

use common::{assert_error_shape, Answer, Live, Seed, Upstream};
use serde_json::Value;
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::CredentialKind;
use wechat::fake::{encrypt_code, FakeConfig, Fault};
use wechat::signature::card::{card_sign, ChooseCardInput};
use wechat::signature::jsapi::jsapi_signature;

const PAGE: &str = "https://demo.example.com/basic";
const CARD_CODE: &str = "1434008071";

fn errcode(errcode: i64) -> Fault {
    Fault::Errcode {
        errcode,
        errmsg: None,
    }
}

/// Which credential a case is about, and the request that needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Token,
    Jsapi,
    WxCard,
}

impl Target {
    const ALL: [Target; 3] = [Self::Token, Self::Jsapi, Self::WxCard];

    fn endpoint(self) -> Endpoint {
        match self {
            Self::Token => Endpoint::Token,
            Self::Jsapi => Endpoint::JsapiTicket,
            Self::WxCard => Endpoint::WxCardTicket,
        }
    }

    fn kind(self) -> CredentialKind {
        match self {
            Self::Token => CredentialKind::AccessToken,
            Self::Jsapi => CredentialKind::JsapiTicket,
            Self::WxCard => CredentialKind::WxCardTicket,
        }
    }

    /// A request that needs this credential: decrypt_code uses the token itself, js_config
    /// the jsapi_ticket, card_sign the wx_card api_ticket.
    async fn request(self, live: &Live) -> Answer {
        match self {
            Self::Token => {
                live.form(
                    "/api/decrypt_code",
                    &[("encrypt_code", &encrypt_code(CARD_CODE))],
                )
                .await
            }
            Self::Jsapi => live.form("/api/js_config", &[("url", PAGE)]).await,
            Self::WxCard => live.form("/api/card_sign", &[("card_id", "pCard")]).await,
        }
    }
}

/// Checks a 200 answer was made with `held` (the ticket, or for the token, that the code
/// came back decrypted).
fn assert_made_with(target: Target, answer: &Answer, held: Option<&str>, context: &str) {
    assert_eq!(answer.status, 200, "{context}: {}", answer.text);
    let body = &answer.json;
    match target {
        Target::Token => assert_eq!(body, &Value::from(CARD_CODE), "{context}"),
        Target::Jsapi => {
            let config = &body["config"];
            if let Some(ticket) = held {
                let expected = jsapi_signature(
                    ticket,
                    config["nonceStr"].as_str().unwrap(),
                    config["timestamp"].as_u64().unwrap(),
                    PAGE,
                );
                assert_eq!(
                    config["signature"], expected,
                    "{context}: not the held ticket"
                );
            }
        }
        Target::WxCard => {
            if let Some(ticket) = held {
                let input = ChooseCardInput {
                    app_id: common::APP_ID.into(),
                    location_id: String::new(),
                    card_type: String::new(),
                    card_id: "pCard".into(),
                    timestamp: body["timestamp"].as_u64().unwrap(),
                    nonce_str: body["nonce_str"].as_str().unwrap().into(),
                };
                assert_eq!(
                    body["card_sign"],
                    card_sign(ticket, &input),
                    "{context}: not the held ticket"
                );
            }
        }
    }
}

/// What a caller should get when no valid credential is held.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Served after the client's own retries/renewal; `calls` upstream calls of the endpoint.
    Served { calls: u64 },
    /// An error: status, kind and errcode, after `calls` upstream calls.
    Refused {
        status: u16,
        kind: &'static str,
        errcode: Option<i64>,
        calls: u64,
    },
}

/// One fault class on a cold server (nothing held).
struct Cold {
    name: &'static str,
    fault: Fault,
    times: u32,
    /// For the token endpoint, then for a ticket endpoint.
    token: Expect,
    ticket: Expect,
}

fn refused(status: u16, kind: &'static str, errcode: Option<i64>, calls: u64) -> Expect {
    Expect::Refused {
        status,
        kind,
        errcode,
        calls,
    }
}

fn cold_cases() -> Vec<Cold> {
    let upstream = |errcode, calls| refused(502, "upstream", errcode, calls);
    vec![
        Cold {
            name: "timeout",
            fault: Fault::Latency { ms: 2_500 },
            times: 1,
            token: upstream(None, 1),
            ticket: upstream(None, 1),
        },
        Cold {
            name: "errcode -1 twice, then ok",
            fault: errcode(-1),
            times: 2,
            token: Expect::Served { calls: 3 },
            ticket: Expect::Served { calls: 3 },
        },
        Cold {
            name: "errcode -1 three times",
            fault: errcode(-1),
            times: 3,
            token: upstream(Some(-1), 3),
            ticket: upstream(Some(-1), 3),
        },
        Cold {
            // On a ticket call: the token is renewed once and the ticket fetched again.
            // On the token call itself no token was used: nothing to renew.
            name: "errcode 42001",
            fault: errcode(42001),
            times: 1,
            token: upstream(Some(42001), 1),
            ticket: Expect::Served { calls: 2 },
        },
        Cold {
            name: "errcode 40001",
            fault: errcode(40001),
            times: 1,
            token: upstream(Some(40001), 1),
            ticket: Expect::Served { calls: 2 },
        },
        Cold {
            name: "errcode 42001 twice",
            fault: errcode(42001),
            times: 2,
            token: upstream(Some(42001), 1),
            ticket: upstream(Some(42001), 2),
        },
        Cold {
            name: "errcode 45009",
            fault: errcode(45009),
            times: 1,
            token: refused(429, "rate_limited", Some(45009), 1),
            ticket: refused(429, "rate_limited", Some(45009), 1),
        },
        Cold {
            name: "empty credential",
            fault: Fault::EmptyCredential,
            times: 1,
            token: upstream(None, 1),
            ticket: upstream(None, 1),
        },
        Cold {
            name: "malformed JSON",
            fault: Fault::MalformedJson,
            times: 1,
            token: upstream(None, 1),
            ticket: upstream(None, 1),
        },
        Cold {
            name: "HTTP 503 once, then ok",
            fault: Fault::HttpStatus { status: 503 },
            times: 1,
            token: Expect::Served { calls: 2 },
            ticket: Expect::Served { calls: 2 },
        },
        Cold {
            name: "HTTP 502 three times",
            fault: Fault::HttpStatus { status: 502 },
            times: 3,
            token: upstream(None, 3),
            ticket: upstream(None, 3),
        },
        Cold {
            name: "errcode 40125 (wrong secret)",
            fault: errcode(40125),
            times: 1,
            token: refused(503, "configuration", Some(40125), 1),
            ticket: refused(503, "configuration", Some(40125), 1),
        },
    ]
}

async fn run_cold(target: Target, case: Cold) {
    let context = format!("{target:?} / {}", case.name);
    let upstream = Upstream::new(|config| config).await;
    upstream
        .fake
        .inject(target.endpoint(), case.fault.clone(), case.times);
    let live = upstream.start(&[]).await;
    let expect = if target == Target::Token {
        case.token
    } else {
        case.ticket
    };
    let answer = target.request(&live).await;
    match expect {
        Expect::Served { calls } => {
            assert_made_with(target, &answer, None, &context);
            assert_eq!(live.calls(target.endpoint()), calls, "{context}: calls");
        }
        Expect::Refused {
            status,
            kind,
            errcode,
            calls,
        } => {
            assert_eq!(answer.status, status, "{context}: {}", answer.text);
            assert_error_shape(&answer, kind, &context);
            assert_eq!(answer.json["errcode"], Value::from(errcode), "{context}");
            assert_eq!(live.calls(target.endpoint()), calls, "{context}: calls");
            // Asked again within the cooldown: the same answer, no new upstream call.
            let again = target.request(&live).await;
            assert_eq!(again.status, status, "{context}: again: {}", again.text);
            assert_eq!(again.json["kind"], kind, "{context}: again");
            assert_eq!(
                live.calls(target.endpoint()),
                calls,
                "{context}: no retry storm"
            );
        }
    }
    if target != Target::Token {
        // A ticket fault never costs more than the token fetches it needs.
        let token_calls = live.calls(Endpoint::Token);
        assert!(
            (1..=2).contains(&token_calls),
            "{context}: {token_calls} token calls"
        );
    }
}

#[tokio::test]
async fn with_nothing_held_every_fault_class_answers_its_status_and_costs_bounded_calls() {
    let mut tasks = Vec::new();
    for target in Target::ALL {
        for case in cold_cases() {
            tasks.push(tokio::spawn(run_cold(target, case)));
        }
    }
    for task in tasks {
        task.await.expect("case passed");
    }
}

/// Every fault class, hitting the renewal of a credential that is still valid.
fn renewal_faults() -> Vec<(&'static str, Fault, u32)> {
    vec![
        ("timeout", Fault::Latency { ms: 2_500 }, 1),
        ("errcode -1 x3", errcode(-1), 3),
        ("errcode 45009", errcode(45009), 1),
        ("empty credential", Fault::EmptyCredential, 1),
        ("malformed JSON", Fault::MalformedJson, 1),
        ("HTTP 503 x3", Fault::HttpStatus { status: 503 }, 3),
        ("errcode 40125", errcode(40125), 1),
    ]
}

/// The server starts holding credentials from its state file: `target`'s is in its renewal
/// margin (valid for 200 s more), the others fresh. Returns the server and the held value.
async fn holding_renewable(target: Target, fault: Fault, times: u32) -> (Live, String, u64) {
    let upstream = Upstream::new(|config| config).await;
    let token = upstream.issue_token().await;
    let jsapi = upstream.issue_ticket(&token, TicketKind::Jsapi).await;
    let wx_card = upstream.issue_ticket(&token, TicketKind::WxCard).await;
    for (kind, value) in [
        (CredentialKind::AccessToken, &token),
        (CredentialKind::JsapiTicket, &jsapi),
        (CredentialKind::WxCardTicket, &wx_card),
    ] {
        let seed = if kind == target.kind() {
            Seed::Renewable
        } else {
            Seed::Fresh
        };
        upstream.seed(kind, value, seed).await;
    }
    let held = match target {
        Target::Token => token,
        Target::Jsapi => jsapi,
        Target::WxCard => wx_card,
    };
    let before = upstream.fake.calls(target.endpoint());
    upstream.fake.inject(target.endpoint(), fault, times);
    (upstream.start(&[]).await, held, before)
}

async fn run_renewal(target: Target, name: &'static str, fault: Fault, times: u32) {
    let context = format!("{target:?} / {name}");
    let (live, held, before) = holding_renewable(target, fault, times).await;

    let first = target.request(&live).await;
    assert_made_with(target, &first, Some(&held), &context);
    // The renewal runs behind the request and fails.
    live.until_fetches(|_| live.failed(target.kind())).await;
    let second = target.request(&live).await;
    assert_made_with(target, &second, Some(&held), &context);

    assert_eq!(
        live.calls(target.endpoint()) - before,
        u64::from(times),
        "{context}: one renewal, no retry storm"
    );
    assert_eq!(live.service.stats().refresh_failures, 1, "{context}");
    if target != Target::Token {
        assert_eq!(live.calls(Endpoint::Token), 1, "{context}: token untouched");
    }
}

#[tokio::test]
async fn a_failing_renewal_keeps_serving_the_still_valid_credential() {
    let mut tasks = Vec::new();
    for target in Target::ALL {
        for (name, fault, times) in renewal_faults() {
            tasks.push(tokio::spawn(run_renewal(target, name, fault, times)));
        }
    }
    for task in tasks {
        task.await.expect("case passed");
    }
}

#[tokio::test]
async fn a_token_rotated_by_another_server_is_renewed_once_and_tickets_keep_working() {
    // No overlap: the old token answers 40001 as soon as another server fetched a new one.
    let upstream = Upstream::new(|config: FakeConfig| FakeConfig {
        token_overlap: 0,
        ..config
    })
    .await;
    let live = upstream.start(&[]).await;
    let signed = Target::Jsapi.request(&live).await;
    assert_eq!(signed.status, 200, "{}", signed.text);
    live.fake.rotate_token();

    // The jsapi_ticket does not depend on the token once issued: still served, no call.
    let again = Target::Jsapi.request(&live).await;
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(live.calls(Endpoint::JsapiTicket), 1);

    // The wx_card ticket needs the token: 40001, one renewal, one retry.
    let card = Target::WxCard.request(&live).await;
    assert_eq!(card.status, 200, "{}", card.text);
    assert_eq!(live.fake.stats().errors[&Endpoint::WxCardTicket][&40001], 1);
    assert_eq!(live.calls(Endpoint::Token), 2);
    assert_eq!(live.calls(Endpoint::WxCardTicket), 2);

    // Rotated again: the token's own use (card code decryption) is renewed the same way.
    live.fake.rotate_token();
    let code = Target::Token.request(&live).await;
    assert_made_with(Target::Token, &code, None, "decrypt after rotation");
    assert_eq!(live.fake.stats().errors[&Endpoint::DecryptCode][&40001], 1);
    assert_eq!(live.calls(Endpoint::Token), 3);
    assert_eq!(live.calls(Endpoint::DecryptCode), 2);
}
