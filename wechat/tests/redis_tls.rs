//! The Redis store over TLS (`rediss://`) against a real TLS-only redis-server with
//! certificates made per test: instances share one fetch as over plain TCP, a server whose
//! certificate is not trusted is refused (nothing read from it), a server that asks for a
//! client certificate gets one, and unusable certificate settings fail at connect with what
//! to fix.

mod common;

use common::redis_server::{RedisServer, Tls};
use common::test_pki::TestPki;
use common::{jsapi_ticket, service_for, sign_page, Rig};
use std::sync::Arc;
use std::time::Duration;
use wechat::client::Endpoint;
use wechat::credentials::{
    CredentialKind, CredentialStore, RedisOptions, RedisStore, RedisTls, RedisTlsError,
};

const APP: &str = "wx_tls_app";

fn tls_redis(pki: &TestPki, require_client_cert: bool) -> RedisServer {
    RedisServer::start_tls(Tls {
        cert: pki.path("server.pem"),
        key: pki.path("server-key.pem"),
        ca: pki.path("ca.pem"),
        require_client_cert,
    })
}

/// Trusts `ca` (a file of `pki`), and presents the client certificate if `with_client_cert`.
fn tls(pki: &TestPki, ca: &str, with_client_cert: bool) -> RedisTls {
    RedisTls::new(
        Some(pki.read(ca)),
        with_client_cert.then(|| (pki.read("client.pem"), pki.read("client-key.pem"))),
    )
    .expect("the test PKI is PEM")
}

fn store(redis: &RedisServer, instance: &str, tls: Option<RedisTls>) -> RedisStore {
    RedisStore::connect(
        &redis.url(),
        RedisOptions {
            instance: instance.to_owned(),
            poll: Duration::from_millis(10),
            tls,
            ..RedisOptions::default()
        },
    )
    .expect("the store is set up")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_tls_three_instances_fetch_one_token_and_one_ticket() {
    let pki = TestPki::new();
    let redis = tls_redis(&pki, false);
    let rig = Rig::new().await;
    let services: Vec<_> = (0..3)
        .map(|n| {
            let store: Arc<dyn CredentialStore> = Arc::new(store(
                &redis,
                &format!("instance:{n}"),
                Some(tls(&pki, "ca.pem", false)),
            ));
            service_for(&rig.fake, &rig.clock, |config| config, store)
        })
        .collect();
    let calls: Vec<_> = (0..150)
        .map(|n| {
            let service = services[n % 3].clone();
            tokio::spawn(async move { sign_page(&service, n).await })
        })
        .collect();
    for call in calls {
        let config = call.await.unwrap().expect("signed");
        assert!(rig.fake.js_config_is_valid(&config), "{config:?}");
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn a_server_certificate_the_store_does_not_trust_is_refused() {
    let pki = TestPki::new();
    let redis = tls_redis(&pki, false);
    // Another CA than the one that signed the server's certificate, then the built-in web PKI
    // roots: the handshake fails, so nothing is written or read.
    for tls in [Some(tls(&pki, "other-ca.pem", false)), None] {
        let store = store(&redis, "doubting", tls);
        let error = store
            .save(APP, &jsapi_ticket("never-sent", 10))
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains("certificate"), "{error}");
        assert!(!error.contains("never-sent"), "{error}");
    }
    let trusting = store(&redis, "trusting", Some(tls(&pki, "ca.pem", false)));
    assert_eq!(
        trusting
            .load(APP, CredentialKind::JsapiTicket)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn a_server_asking_for_a_client_certificate_gets_one() {
    let pki = TestPki::new();
    let redis = tls_redis(&pki, true);
    let anonymous = store(&redis, "anonymous", Some(tls(&pki, "ca.pem", false)));
    assert!(anonymous.save(APP, &jsapi_ticket("t1", 10)).await.is_err());
    let known = store(&redis, "known", Some(tls(&pki, "ca.pem", true)));
    assert!(known.save(APP, &jsapi_ticket("t1", 10)).await.unwrap());
    assert_eq!(
        known.load(APP, CredentialKind::JsapiTicket).await.unwrap(),
        Some(jsapi_ticket("t1", 10))
    );
}

#[test]
fn unusable_tls_settings_are_refused_saying_what_to_fix() {
    let pki = TestPki::new();
    // Certificates are checked when made, before any connection.
    let not_pem = RedisTls::new(Some(b"just some text".to_vec()), None)
        .unwrap_err()
        .to_string();
    assert!(
        not_pem.contains("CA") && not_pem.contains("BEGIN CERTIFICATE"),
        "{not_pem}"
    );
    let cert_not_pem =
        RedisTls::new(None, Some((b"text".to_vec(), pki.read("client-key.pem")))).unwrap_err();
    assert_eq!(cert_not_pem, RedisTlsError::ClientCertNotPem);
    let no_key = RedisTls::new(None, Some((pki.read("client.pem"), b"not a key".to_vec())))
        .unwrap_err()
        .to_string();
    assert!(no_key.contains("key"), "{no_key}");
    assert!(!no_key.contains("not a key"), "{no_key}");
    // A certificate where the key should be.
    let swapped = RedisTls::new(None, Some((pki.read("client.pem"), pki.read("client.pem"))));
    assert_eq!(swapped.unwrap_err(), RedisTlsError::ClientKeyNotPem);
    // Certificates for a plain redis:// URL fail at connect.
    let plain = RedisStore::connect(
        "redis://127.0.0.1:6390/0",
        RedisOptions {
            tls: Some(tls(&pki, "ca.pem", false)),
            ..RedisOptions::default()
        },
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(plain.contains("rediss://"), "{plain}");
}

#[test]
fn certificates_never_appear_in_debug_output() {
    let pki = TestPki::new();
    let options = RedisOptions {
        tls: Some(tls(&pki, "ca.pem", true)),
        ..RedisOptions::default()
    };
    let shown = format!("{options:?}");
    assert!(shown.contains("RedisTls"), "{shown}");
    assert!(!shown.contains("BEGIN"), "{shown}");
}
