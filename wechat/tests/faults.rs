//! Each class of WeChat failure, for the access_token and both tickets: what the caller gets,
//! how many upstream calls it costs, and that a still-valid credential keeps being served.

mod common;

use common::{last_error, until_fetches, Rig, Target, RENEWABLE, START};
use std::time::Duration;
use wechat::client::{Endpoint, UpstreamError};
use wechat::credentials::Phase;
use wechat::fake::Fault;
use wechat::Error;

fn errcode(errcode: i64) -> Fault {
    Fault::Errcode {
        errcode,
        errmsg: None,
    }
}

fn phase(service: &wechat::credentials::CredentialService, target: Target) -> Option<Phase> {
    service
        .status()
        .into_iter()
        .find(|status| status.kind == target.kind())
        .and_then(|status| status.phase)
}

fn upstream(result: Result<wechat::Secret, Error>) -> UpstreamError {
    match result {
        Err(Error::Upstream(error)) => error,
        other => panic!("expected an upstream error, got {other:?}"),
    }
}

#[tokio::test]
async fn busy_twice_then_ok_succeeds_after_two_retries() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake.inject(target.endpoint(), errcode(-1), 2);
        target
            .fetch(&rig.service)
            .await
            .expect("third attempt succeeds");
        assert_eq!(rig.fake.calls(target.endpoint()), 3, "{target:?}");
    }
}

#[tokio::test]
async fn busy_three_times_gives_up_after_two_retries() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake.inject(target.endpoint(), errcode(-1), 3);
        let error = upstream(target.fetch(&rig.service).await);
        assert!(
            matches!(error, UpstreamError::Busy { attempts: 3, .. }),
            "{target:?}: {error:?}"
        );
        assert_eq!(rig.fake.calls(target.endpoint()), 3, "{target:?}");
    }
}

#[tokio::test]
async fn a_timeout_is_reported_without_retry() {
    for target in Target::ALL {
        let rig = Rig::with_client(|mut config| {
            config.timeout = Duration::from_millis(300);
            config
        })
        .await;
        rig.fake
            .inject(target.endpoint(), Fault::Latency { ms: 5_000 }, 1);
        let error = upstream(target.fetch(&rig.service).await);
        assert!(
            matches!(
                error,
                UpstreamError::Timeout {
                    timeout_ms: 300,
                    ..
                }
            ),
            "{target:?}: {error:?}"
        );
        assert_eq!(rig.fake.calls(target.endpoint()), 1, "{target:?}");
    }
}

#[tokio::test]
async fn quota_exhausted_is_surfaced_once_and_not_retried() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake.inject(target.endpoint(), errcode(45009), 1);
        let error = upstream(target.fetch(&rig.service).await);
        assert!(
            matches!(error, UpstreamError::QuotaExhausted { .. }),
            "{target:?}: {error:?}"
        );
        assert!(error.to_string().contains("quota"), "{error}");
        // Asking again within the cooldown costs nothing upstream.
        let again = upstream(target.fetch(&rig.service).await);
        assert_eq!(again, error);
        assert_eq!(rig.fake.calls(target.endpoint()), 1, "{target:?}");
    }
}

#[tokio::test]
async fn an_empty_credential_is_an_error_and_never_cached() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake
            .inject(target.endpoint(), Fault::EmptyCredential, 1);
        let error = upstream(target.fetch(&rig.service).await);
        assert!(
            matches!(error, UpstreamError::EmptyCredential { .. }),
            "{target:?}: {error:?}"
        );
        rig.clock.advance(5); // past the failure cooldown
        let value = target.fetch(&rig.service).await.expect("fetched again");
        assert!(!value.is_empty());
        assert_eq!(rig.fake.calls(target.endpoint()), 2, "{target:?}");
    }
}

#[tokio::test]
async fn malformed_json_is_reported_without_retry() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake.inject(target.endpoint(), Fault::MalformedJson, 1);
        let error = upstream(target.fetch(&rig.service).await);
        assert!(
            matches!(error, UpstreamError::MalformedJson { .. }),
            "{target:?}: {error:?}"
        );
        assert_eq!(rig.fake.calls(target.endpoint()), 1, "{target:?}");
    }
}

#[tokio::test]
async fn http_5xx_is_retried_like_busy() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        rig.fake
            .inject(target.endpoint(), Fault::HttpStatus { status: 503 }, 1);
        target
            .fetch(&rig.service)
            .await
            .expect("second attempt succeeds");
        assert_eq!(rig.fake.calls(target.endpoint()), 2, "{target:?}");

        let rig = Rig::new().await;
        rig.fake
            .inject(target.endpoint(), Fault::HttpStatus { status: 502 }, 3);
        let error = upstream(target.fetch(&rig.service).await);
        assert_eq!(
            error,
            UpstreamError::HttpStatus {
                endpoint: target.endpoint(),
                status: 502
            }
        );
        assert_eq!(rig.fake.calls(target.endpoint()), 3, "{target:?}");
    }
}

#[tokio::test]
async fn a_token_refused_while_fetching_a_ticket_is_renewed_once() {
    for code in [40001, 40014, 42001] {
        for target in [Target::Jsapi, Target::WxCard] {
            let rig = Rig::new().await;
            rig.fake.inject(target.endpoint(), errcode(code), 1);
            target
                .fetch(&rig.service)
                .await
                .expect("retried with a new token");
            assert_eq!(rig.fake.calls(Endpoint::Token), 2, "{code} {target:?}");
            assert_eq!(rig.fake.calls(target.endpoint()), 2, "{code} {target:?}");
        }
    }
}

#[tokio::test]
async fn a_token_refused_twice_is_not_retried_again() {
    let rig = Rig::new().await;
    rig.fake.inject(Endpoint::JsapiTicket, errcode(42001), 2);
    let error = upstream(Target::Jsapi.fetch(&rig.service).await);
    assert_eq!(error.errcode(), Some(42001));
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
}

#[tokio::test]
async fn the_token_endpoint_refusing_is_not_a_token_problem() {
    // 40001 on /cgi-bin/token itself used no token: nothing to renew, no retry.
    let rig = Rig::new().await;
    rig.fake.inject(Endpoint::Token, errcode(40001), 1);
    let error = upstream(Target::Token.fetch(&rig.service).await);
    assert!(error.is_credential_rejected());
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
}

#[tokio::test]
async fn a_token_replaced_by_another_server_gets_40001_and_is_renewed() {
    let rig = Rig::new().await;
    let ours = rig.service.access_token().await.unwrap();
    rig.fake.rotate_token(); // another server fetched a token with our appId
    rig.clock.advance(301); // past WeChat's 5-minute overlap: ours now answers 40001
    let config = rig
        .service
        .js_config(
            "https://example.com/",
            &Default::default(),
            vec![],
            vec![],
            false,
        )
        .await
        .expect("renewed and retried");
    assert!(rig.fake.js_config_is_valid(&config));
    assert_eq!(rig.fake.stats().errors[&Endpoint::JsapiTicket][&40001], 1);
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert_ne!(rig.service.access_token().await.unwrap(), ours);
}

#[tokio::test]
async fn configuration_errors_explain_what_to_fix() {
    for (code, words) in [(40013, "appId"), (40125, "AppSecret"), (40164, "whitelist")] {
        let rig = Rig::new().await;
        rig.fake.inject(Endpoint::Token, errcode(code), 1);
        let error = rig.service.access_token().await.unwrap_err();
        assert_eq!(error.errcode(), Some(code));
        assert!(!error.is_client_error());
        assert!(error.to_string().contains(words), "{error}");
        assert!(!error.hint().is_empty());
        assert_eq!(rig.fake.calls(Endpoint::Token), 1);
    }
}

/// Every fault class, hitting the renewal of a credential that is still valid.
fn renewal_faults() -> Vec<(&'static str, Fault, u32)> {
    vec![
        ("timeout", Fault::Latency { ms: 5_000 }, 1),
        ("busy x3", errcode(-1), 3),
        ("quota", errcode(45009), 1),
        ("empty", Fault::EmptyCredential, 1),
        ("malformed", Fault::MalformedJson, 1),
        ("http 503 x3", Fault::HttpStatus { status: 503 }, 3),
        ("wrong secret", errcode(40125), 1),
    ]
}

#[tokio::test]
async fn a_failed_renewal_keeps_serving_the_valid_credential() {
    for target in Target::ALL {
        for (name, fault, times) in renewal_faults() {
            let rig = Rig::with_client(|mut config| {
                config.timeout = Duration::from_millis(300);
                config
            })
            .await;
            let valid = target.fetch(&rig.service).await.unwrap();
            let calls_before = rig.fake.calls(target.endpoint());
            rig.clock.set(RENEWABLE);
            rig.fake.inject(target.endpoint(), fault, times);

            assert_eq!(
                target.fetch(&rig.service).await.unwrap(),
                valid,
                "{target:?} {name}"
            );
            until_fetches(&rig.service, |service| {
                last_error(service, target.kind()).is_some()
            })
            .await;
            assert_eq!(
                target.fetch(&rig.service).await.unwrap(),
                valid,
                "{target:?} {name}"
            );
            assert_eq!(
                rig.fake.calls(target.endpoint()) - calls_before,
                u64::from(times),
                "{target:?} {name}: one renewal, no retry storm"
            );
            assert_eq!(rig.service.stats().refresh_failures, 1, "{target:?} {name}");
        }
    }
}

#[tokio::test]
async fn a_renewal_is_retried_after_the_cooldown_and_then_replaces_the_credential() {
    for target in Target::ALL {
        let rig = Rig::new().await;
        let old = target.fetch(&rig.service).await.unwrap();
        rig.clock.set(RENEWABLE);
        rig.fake.inject(target.endpoint(), errcode(45009), 1);
        assert_eq!(target.fetch(&rig.service).await.unwrap(), old);
        until_fetches(&rig.service, |service| {
            last_error(service, target.kind()).is_some()
        })
        .await;

        rig.clock.advance(5);
        assert_eq!(
            target.fetch(&rig.service).await.unwrap(),
            old,
            "served while renewing"
        );
        until_fetches(&rig.service, |service| {
            phase(service, target) == Some(Phase::Fresh)
        })
        .await;
        let new = target.fetch(&rig.service).await.unwrap();
        assert_ne!(new, old, "{target:?}");
        assert_eq!(rig.fake.calls(target.endpoint()), 3, "{target:?}");
    }
}

#[tokio::test]
async fn an_expired_credential_is_never_served() {
    let rig = Rig::new().await;
    let old = rig.service.access_token().await.unwrap();
    rig.clock.set(START + 7200);
    rig.fake.inject(Endpoint::Token, errcode(-1), 3);
    assert!(rig.service.access_token().await.is_err());
    rig.clock.advance(5);
    let new = rig.service.access_token().await.unwrap();
    assert_ne!(new, old);
}
