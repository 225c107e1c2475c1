//! Three real server processes behind no proxy, one real redis-server, one fake WeChat API in
//! this process: across all instances one upstream fetch per credential, and an instance
//! killed (SIGKILL) while it holds the refresh lease is taken over once the lease expires,
//! with no failed request meanwhile.

#[path = "../../wechat/tests/common/redis_server.rs"]
mod redis_server;
#[path = "common/sse.rs"]
mod sse;
#[path = "../../wechat/tests/common/test_pki.rs"]
mod test_pki;

use redis_server::{RedisServer, Tls};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use test_pki::TestPki;
use tokio::sync::Semaphore;
use tokio::time::timeout;
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{CredentialKind, CredentialStore, RedisOptions, RedisStore};
use wechat::fake::{FakeConfig, FakeHandle, FakeWechat};
use wechat::signature::jsapi::jsapi_signature;

const APP_ID: &str = "wx00112233445566ab";
const APP_SECRET: &str = "0123456789abcdef0123456789abcdef";
/// Short, so the takeover after a kill costs about a second and a half.
const LEASE_MS: u64 = 1500;
const PATIENCE: Duration = Duration::from_secs(30);

struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

fn spawn_instance(fake: &FakeHandle, redis: &RedisServer, state_dir: &std::path::Path) -> Instance {
    spawn_instance_with(fake, redis, state_dir, &[])
}

/// An instance with more environment (e.g. the Redis TLS files).
fn spawn_instance_with(
    fake: &FakeHandle,
    redis: &RedisServer,
    state_dir: &std::path::Path,
    extra_env: &[(&str, &std::path::Path)],
) -> Instance {
    let addr = format!("127.0.0.1:{}", free_port());
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .envs(extra_env.iter().copied())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("WECHAT_APP_ID", APP_ID)
        .env("WECHAT_APP_SECRET", APP_SECRET)
        .env("WECHAT_API_BASE", &fake.base_url)
        .env("REDIS_URL", redis.url())
        .env("REDIS_LEASE_MS", LEASE_MS.to_string())
        .env("STATE_DIR", state_dir)
        .env("LEPTOS_SITE_ADDR", &addr)
        .env("LEPTOS_OUTPUT_NAME", "wechat-playground")
        .env("RUST_LOG", "warn")
        .current_dir(state_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts");
    Instance {
        child,
        base: format!("http://{addr}"),
    }
}

async fn until_healthy(http: &reqwest::Client, instance: &Instance) {
    timeout(PATIENCE, async {
        loop {
            let healthy = http
                .get(format!("{}/healthz", instance.base))
                .send()
                .await
                .is_ok_and(|response| response.status().is_success());
            if healthy {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the instance starts listening");
}

async fn js_config(http: &reqwest::Client, base: &str, url: &str) -> (u16, Value) {
    match http
        .post(format!("{base}/api/js_config"))
        .form(&[("url", url)])
        .send()
        .await
    {
        Ok(response) => {
            let status = response.status().as_u16();
            (status, response.json().await.unwrap_or(Value::Null))
        }
        Err(error) => (0, Value::String(error.to_string())),
    }
}

/// Asks `base` to renew the jsapi_ticket the way a page's `wx.error` does.
async fn force_ticket_refresh(http: reqwest::Client, base: String) -> (u16, Value) {
    let page = "http://127.0.0.1/forced";
    let sent = http
        .post(format!("{base}/api/config_error"))
        .form(&[
            ("signed_url", page),
            ("href", page),
            ("err_msg", "config:invalid signature"),
            ("user_agent", "multi-instance test"),
        ])
        .send()
        .await;
    match sent {
        Ok(response) => {
            let status = response.status().as_u16();
            (status, response.json().await.unwrap_or(Value::Null))
        }
        // The killed instance's request ends so.
        Err(error) => (0, Value::String(error.to_string())),
    }
}

/// `name{labels}` → value, from a Prometheus text exposition.
async fn metric(http: &reqwest::Client, base: &str, name: &str) -> u64 {
    let text = http
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in\n{text}"))
}

/// Whether a signed config verifies against the ticket the fake issued last.
fn signed_with_latest_ticket(fake: &FakeWechat, body: &Value) -> bool {
    let ticket = fake.latest_ticket(TicketKind::Jsapi).unwrap();
    let config = &body["config"];
    jsapi_signature(
        &ticket,
        config["nonceStr"].as_str().unwrap(),
        config["timestamp"].as_u64().unwrap(),
        body["url"].as_str().unwrap(),
    ) == config["signature"].as_str().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_share_one_fetch_and_survive_the_lease_holder_being_killed() {
    let started = Instant::now();
    let redis = RedisServer::start();
    let fake = FakeWechat::spawn(FakeConfig::new(APP_ID, APP_SECRET))
        .await
        .unwrap();
    let state = tempfile::tempdir().unwrap();
    let mut instances: Vec<Instance> = (0..3)
        .map(|n| {
            let dir = state.path().join(format!("instance-{n}"));
            std::fs::create_dir_all(&dir).unwrap();
            spawn_instance(&fake, &redis, &dir)
        })
        .collect();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(100)
        .build()
        .unwrap();
    for instance in &instances {
        until_healthy(&http, instance).await;
    }

    // 5,000 concurrent cold requests spread over the three: one token, one ticket fetch.
    let bases: Vec<String> = instances.iter().map(|i| i.base.clone()).collect();
    let limit = Arc::new(Semaphore::new(200));
    let requests: Vec<_> = (0..5000)
        .map(|n| {
            let (http, base, limit) = (http.clone(), bases[n % 3].clone(), Arc::clone(&limit));
            tokio::spawn(async move {
                let _permit = limit.acquire_owned().await.unwrap();
                js_config(&http, &base, &format!("http://127.0.0.1/page/{n}")).await
            })
        })
        .collect();
    for request in requests {
        let (status, body) = request.await.unwrap();
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(fake.calls(Endpoint::Token), 1, "{:?}", fake.stats());
    assert_eq!(fake.calls(Endpoint::JsapiTicket), 1, "{:?}", fake.stats());
    let phase_one = started.elapsed();
    let mut waits_before = Vec::new();
    for base in &bases {
        waits_before.push(metric(&http, base, "wechat_lease_waits_total").await);
    }

    // Every instance is asked to renew the ticket; WeChat is held, so the one that took the
    // lease is stuck mid-fetch and the other two wait on its lease.
    let hold = fake.hold(Endpoint::JsapiTicket);
    let forced: Vec<_> = bases
        .iter()
        .map(|base| tokio::spawn(force_ticket_refresh(http.clone(), base.clone())))
        .collect();
    timeout(PATIENCE, hold.arrivals(1))
        .await
        .expect("one instance fetches the ticket");
    let observer = RedisStore::connect(&redis.url(), RedisOptions::default()).unwrap();
    let holder = observer
        .lease_holder(APP_ID, CredentialKind::JsapiTicket)
        .await
        .unwrap()
        .expect("the fetching instance holds the lease");
    let holder_pid: u32 = holder
        .rsplit(':')
        .next()
        .and_then(|pid| pid.parse().ok())
        .unwrap_or_else(|| panic!("lease holder {holder:?} names a pid"));
    let victim = instances
        .iter()
        .position(|instance| instance.child.id() == holder_pid)
        .expect("the lease holder is one of the three");
    assert_eq!(hold.arrived(), 1, "only the lease holder called WeChat");
    // Kill it only once both others are waiting on its lease.
    for n in (0..3).filter(|n| *n != victim) {
        timeout(PATIENCE, async {
            while metric(&http, &bases[n], "wechat_lease_waits_total").await <= waits_before[n] {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("the survivor waits on the holder's lease");
    }

    // Meanwhile the survivors keep serving pages.
    let survivors: Vec<String> = (0..3)
        .filter(|n| *n != victim)
        .map(|n| bases[n].clone())
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let served = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let load: Vec<_> = survivors
        .iter()
        .map(|base| {
            let (http, base) = (http.clone(), base.clone());
            let (stop, failures, served) = (
                Arc::clone(&stop),
                Arc::clone(&failures),
                Arc::clone(&served),
            );
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let (status, body) =
                        js_config(&http, &base, &format!("http://127.0.0.1/during/{n}")).await;
                    if status == 200 {
                        served.fetch_add(1, Ordering::Relaxed);
                    } else {
                        failures.lock().unwrap().push(format!("{status} {body}"));
                    }
                }
            })
        })
        .collect();

    let mut killed = instances.remove(victim);
    killed.child.kill().expect("SIGKILL the lease holder");
    killed.child.wait().unwrap();
    let killed_at = Instant::now();
    drop(hold); // WeChat answers again; the dead instance's call has no one to answer to

    // The survivors' forced refreshes end once one of them took the expired lease over.
    let mut verdicts = Vec::new();
    for (n, request) in forced.into_iter().enumerate() {
        let result = timeout(PATIENCE, request).await.expect("refresh ends");
        if n != victim {
            verdicts.push(result.expect("survivor answered"));
        }
    }
    let takeover = killed_at.elapsed();
    stop.store(true, Ordering::Relaxed);
    for task in load {
        task.await.unwrap();
    }
    for (status, verdict) in &verdicts {
        assert_eq!(*status, 200, "{verdict}");
        assert_eq!(verdict["cause"], "ticket", "{verdict}");
        assert_eq!(verdict["refreshed"], true, "{verdict}");
    }
    let failures = failures.lock().unwrap().clone();
    assert!(
        failures.is_empty(),
        "requests failed meanwhile: {failures:?}"
    );
    assert!(served.load(Ordering::Relaxed) > 0);
    // The dead instance's call, then exactly one takeover fetch; the token was never renewed.
    assert_eq!(fake.calls(Endpoint::JsapiTicket), 3, "{:?}", fake.stats());
    assert_eq!(fake.calls(Endpoint::Token), 1, "{:?}", fake.stats());
    assert!(
        takeover < Duration::from_millis(LEASE_MS * 2 + 2000),
        "takeover took {takeover:?}"
    );

    // Both survivors now sign with the new ticket; one of them took the lease over.
    let mut acquired = 0;
    for base in &survivors {
        let (status, body) = js_config(&http, base, "http://127.0.0.1/after").await;
        assert_eq!(status, 200, "{body}");
        assert!(signed_with_latest_ticket(&fake, &body), "{body}");
        acquired += metric(&http, base, "wechat_lease_acquired_total").await;
    }
    assert!(acquired >= 1);
    eprintln!(
        "5,000 requests over 3 instances: {phase_one:?}; takeover after the kill: {takeover:?}; whole test: {:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?} (5,000 requests: {phase_one:?})",
        started.elapsed()
    );
}

/// The same sharing over TLS, against a redis-server that speaks only TLS and asks for client
/// certificates (its default): the instances trust the test CA and present a client
/// certificate, as `REDIS_CA_FILE`, `REDIS_CLIENT_CERT_FILE` and `REDIS_CLIENT_KEY_FILE` say.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_one_fetch_through_a_tls_redis() {
    let pki = TestPki::new();
    let redis = RedisServer::start_tls(Tls {
        cert: pki.path("server.pem"),
        key: pki.path("server-key.pem"),
        ca: pki.path("ca.pem"),
        require_client_cert: true,
    });
    assert!(redis.url().starts_with("rediss://"));
    let fake = FakeWechat::spawn(FakeConfig::new(APP_ID, APP_SECRET))
        .await
        .unwrap();
    let state = tempfile::tempdir().unwrap();
    let (ca, cert, key) = (
        pki.path("ca.pem"),
        pki.path("client.pem"),
        pki.path("client-key.pem"),
    );
    let tls_env = [
        ("REDIS_CA_FILE", ca.as_path()),
        ("REDIS_CLIENT_CERT_FILE", cert.as_path()),
        ("REDIS_CLIENT_KEY_FILE", key.as_path()),
    ];
    let instances: Vec<Instance> = (0..2)
        .map(|n| {
            let dir = state.path().join(format!("instance-{n}"));
            std::fs::create_dir_all(&dir).unwrap();
            spawn_instance_with(&fake, &redis, &dir, &tls_env)
        })
        .collect();
    let http = reqwest::Client::new();
    for instance in &instances {
        until_healthy(&http, instance).await;
    }
    let requests: Vec<_> = (0..200)
        .map(|n| {
            let (http, base) = (http.clone(), instances[n % 2].base.clone());
            tokio::spawn(async move {
                js_config(&http, &base, &format!("http://127.0.0.1/tls/{n}")).await
            })
        })
        .collect();
    for request in requests {
        let (status, body) = request.await.unwrap();
        assert_eq!(status, 200, "{body}");
        assert!(signed_with_latest_ticket(&fake, &body), "{body}");
    }
    assert_eq!(fake.calls(Endpoint::Token), 1, "{:?}", fake.stats());
    assert_eq!(fake.calls(Endpoint::JsapiTicket), 1, "{:?}", fake.stats());
    // The credentials are in that Redis, where a third client with the same certificates reads them.
    let store = RedisStore::connect(
        &redis.url(),
        RedisOptions {
            tls: Some(
                wechat::credentials::RedisTls::new(
                    Some(pki.read("ca.pem")),
                    Some((pki.read("client.pem"), pki.read("client-key.pem"))),
                )
                .unwrap(),
            ),
            ..RedisOptions::default()
        },
    )
    .unwrap();
    let ticket = store
        .load(APP_ID, CredentialKind::JsapiTicket)
        .await
        .unwrap()
        .expect("the ticket is shared in Redis");
    assert_eq!(
        Some(ticket.value.expose().to_owned()),
        fake.latest_ticket(TicketKind::Jsapi)
    );
}

/// `POST base + path` with a JSON body: status and JSON answer.
async fn post_json(http: &reqwest::Client, base: &str, path: &str, body: Value) -> (u16, Value) {
    let response = http
        .post(format!("{base}{path}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_session_spans_two_instances_and_survives_a_restart() {
    let redis = RedisServer::start();
    let fake = FakeWechat::spawn(FakeConfig::new(APP_ID, APP_SECRET))
        .await
        .unwrap();
    let state = tempfile::tempdir().unwrap();
    let dir = |n: &str| {
        let dir = state.path().join(n);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    };
    let presenter_side = spawn_instance(&fake, &redis, &dir("a"));
    let phone_side = spawn_instance(&fake, &redis, &dir("b"));
    let http = reqwest::Client::new();
    until_healthy(&http, &presenter_side).await;
    until_healthy(&http, &phone_side).await;
    let events = |base: &str, session: &str| format!("{base}/api/live/{session}/events");

    // The presenter starts on A; a phone joins and listens on B.
    let (status, started) = post_json(&http, &presenter_side.base, "/api/live", json!({})).await;
    assert_eq!(status, 201, "{started}");
    let session = started["session"].as_str().unwrap().to_owned();
    let key = started["key"].clone();
    let mut phone_stream = sse::Stream::open(&http, &events(&phone_side.base, &session)).await;
    assert_eq!(phone_stream.expect("snapshot").await["session"], session);
    let mut presenter = sse::Stream::open(&http, &events(&presenter_side.base, &session)).await;
    presenter.expect("snapshot").await;
    let (status, phone) = post_json(
        &http,
        &phone_side.base,
        &format!("/api/live/{session}/join"),
        json!({"name": "on B"}),
    )
    .await;
    assert_eq!(status, 201, "{phone}");
    assert_eq!(presenter.expect("joined").await["name"], "on B");
    assert_eq!(phone_stream.expect("joined").await["name"], "on B");

    // A run on A reaches the phone on B; its answer on B reaches the presenter on A.
    let run = |base: String, count: &'static str| {
        let http = http.clone();
        let (session, key) = (session.clone(), key.clone());
        async move {
            post_json(
                &http,
                &base,
                &format!("/api/live/{session}/run"),
                json!({"key": key, "api": "chooseImage", "params": [["count", count]]}),
            )
            .await
        }
    };
    assert_eq!(run(presenter_side.base.clone(), "3").await.0, 201);
    let got = phone_stream.expect("run").await;
    assert_eq!(got["args"]["count"], 3);
    assert_eq!(presenter.expect("run").await["run"], 1);
    let answer = json!({"phone": phone["phone"]["id"], "key": phone["key"], "run": 1,
        "status": "ok", "err_msg": "chooseImage:ok", "data": {}, "duration_ms": 12});
    let (status, body) = post_json(
        &http,
        &phone_side.base,
        &format!("/api/live/{session}/answer"),
        answer.clone(),
    )
    .await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(
        presenter.expect("answer").await["err_msg"],
        "chooseImage:ok"
    );
    phone_stream.expect("answer").await;
    // The same answer again, through the other instance: still one per phone and run.
    let (status, _) = post_json(
        &http,
        &presenter_side.base,
        &format!("/api/live/{session}/answer"),
        answer,
    )
    .await;
    assert_eq!(status, 409);

    // A is restarted mid-session: the session goes on.
    drop(presenter);
    drop(presenter_side);
    let restarted = spawn_instance(&fake, &redis, &dir("a"));
    until_healthy(&http, &restarted).await;
    let mut presenter = sse::Stream::open(&http, &events(&restarted.base, &session)).await;
    let snapshot = presenter.expect("snapshot").await;
    assert_eq!(snapshot["phones"][0]["name"], "on B");
    assert_eq!(snapshot["runs"].as_array().unwrap().len(), 1);
    assert_eq!(snapshot["answers"].as_array().unwrap().len(), 1);
    assert_eq!(run(restarted.base.clone(), "4").await.0, 201);
    let got = phone_stream.expect("run").await;
    assert_eq!(
        (got["run"].clone(), got["args"]["count"].clone()),
        (json!(2), json!(4))
    );
    assert_eq!(presenter.expect("run").await["run"], 2);

    // And B restarted: its phone comes back (here, to A) and finds run 2 waiting for it.
    drop(phone_stream);
    drop(phone_side);
    let mut phone_stream = sse::Stream::open(&http, &events(&restarted.base, &session)).await;
    let snapshot = phone_stream.expect("snapshot").await;
    assert_eq!(snapshot["runs"][1]["args"]["count"], 4);
    let (status, _) = post_json(
        &http,
        &restarted.base,
        &format!("/api/live/{session}/end"),
        json!({"key": key}),
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(phone_stream.expect("ended").await, Value::Null);
}
