//! How the integration tests build and serve the server: [`settings`] + [`state`] give
//! the router's state as `main` builds it, [`serve`] puts a router on a loopback socket;
//! [`Upstream`]/[`Live`] run a server in live mode against the fake WeChat API on another
//! real socket, which the fault and rate-limit tests drive over HTTP.
#![allow(dead_code)] // each test binary uses part of it

pub mod sse;

use clap::Parser;
use leptos::prelude::LeptosOptions;
use serde_json::Value;
use server::{config::Settings, rate_limit, router};
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{
    CredentialKind, CredentialService, CredentialStore, FileStore, StoredCredential,
};
use wechat::fake::{FakeConfig, FakeHandle, FakeWechat};
use wechat::Secret;

/// A well-formed appId and AppSecret for live mode (the fake accepts exactly these).
pub const APP_ID: &str = "wx0123456789abcdef";
pub const APP_SECRET: &str = "CANARY0secret0123456789abcdefXYZ";
/// Bound on any wait: reaching it means the behaviour under test is broken.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The configuration `server --state-dir <state_dir> <args>` runs with.
pub fn settings(state_dir: &Path, args: &[&str]) -> server::config::Config {
    let dir = state_dir.to_str().expect("UTF-8 temp dir").to_owned();
    let mut argv = vec!["server", "--state-dir", &dir];
    argv.extend_from_slice(args);
    Settings::try_parse_from(argv)
        .expect("valid flags")
        .validate()
        .expect("valid settings")
}

/// The router's state for `config` and the background tasks it needs (keep them alive).
pub async fn state(
    config: &server::config::Config,
) -> (app::state::AppState, server::wechat_setup::Background) {
    let options = LeptosOptions::builder()
        .output_name("wechat-playground")
        .build();
    router::state_with_options(config, options)
        .await
        .expect("state builds")
}

/// The sandbox-mode router for `server --state-dir <state_dir> <args>`.
pub async fn router(
    state_dir: &Path,
    args: &[&str],
) -> (axum::Router, server::wechat_setup::Background) {
    let (state, background) = state(&settings(state_dir, args)).await;
    (router::router(state), background)
}

/// Serves `app` on a loopback port, with the peer address known to the handlers; returns
/// its base URL and the serving task.
pub async fn serve(app: axum::Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("bound address"));
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("serve");
    });
    (base, task)
}

/// A server in sandbox mode (its own embedded fake WeChat API) on a loopback socket.
pub struct Sandbox {
    pub base: String,
    pub http: reqwest::Client,
    pub background: server::wechat_setup::Background,
    _state_dir: tempfile::TempDir,
}

impl Sandbox {
    /// `server <args>` in a fresh state directory, serving.
    pub async fn start(args: &[&str]) -> Self {
        let state_dir = tempfile::tempdir().expect("temp dir");
        let (router, background) = router(state_dir.path(), args).await;
        let (base, _task) = serve(router).await;
        Sandbox {
            base,
            http: reqwest::Client::new(),
            background,
            _state_dir: state_dir,
        }
    }

    /// The embedded fake WeChat API the server talks to.
    pub fn fake(&self) -> &FakeHandle {
        self.background.sandbox.as_ref().expect("sandbox mode")
    }
}

/// The fake WeChat API, before a server is started against it.
pub struct Upstream {
    pub fake: FakeHandle,
    pub http: reqwest::Client,
    pub state_dir: tempfile::TempDir,
}

/// How a credential is put in the state file before the server starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    /// Fetched just now.
    Fresh,
    /// Fetched 7000 s ago: inside its renewal margin, valid for 200 s more.
    Renewable,
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl Upstream {
    /// The fake for [`APP_ID`], with WeChat's numbers except `adjust`'s.
    pub async fn new(adjust: impl FnOnce(FakeConfig) -> FakeConfig) -> Self {
        let fake = FakeWechat::spawn(adjust(FakeConfig::new(APP_ID, APP_SECRET)))
            .await
            .expect("bind the fake");
        Self {
            fake,
            http: reqwest::Client::new(),
            state_dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A token from the fake over HTTP, as another process of ours would have fetched it.
    pub async fn issue_token(&self) -> String {
        let answer: Value = self
            .http
            .get(format!("{}/cgi-bin/token", self.fake.base_url))
            .query(&[
                ("grant_type", "client_credential"),
                ("appid", APP_ID),
                ("secret", APP_SECRET),
            ])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        answer["access_token"].as_str().unwrap().to_owned()
    }

    /// A ticket from the fake over HTTP.
    pub async fn issue_ticket(&self, token: &str, kind: TicketKind) -> String {
        let answer: Value = self
            .http
            .get(format!("{}/cgi-bin/ticket/getticket", self.fake.base_url))
            .query(&[("access_token", token), ("type", kind.type_param())])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        answer["ticket"].as_str().unwrap().to_owned()
    }

    /// Writes `value` as `kind` into the state file the server will load.
    pub async fn seed(&self, kind: CredentialKind, value: &str, seed: Seed) {
        let fetched_at = match seed {
            Seed::Fresh => now(),
            Seed::Renewable => now() - 7000,
        };
        let credential = StoredCredential::new(kind, Secret::new(value), fetched_at, 7200);
        FileStore::new(self.state_dir.path())
            .save(APP_ID, &credential)
            .await
            .expect("seed the state file");
    }

    /// Starts the server in live mode against this fake, with extra flags made from the
    /// base URL it will listen on (e.g. a `PUBLIC_URL` that is the server itself).
    pub async fn start_at(self, args: impl FnOnce(&str) -> Vec<String>) -> Live {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let own = format!("http://{}", listener.local_addr().expect("bound address"));
        let extra = args(&own);
        let fake_base = self.fake.base_url.clone();
        let mut argv = vec![
            "--app-id",
            APP_ID,
            "--app-secret",
            APP_SECRET,
            "--api-base",
            &fake_base,
            "--upstream-timeout-secs",
            "1",
        ];
        argv.extend(extra.iter().map(String::as_str));
        let config = settings(self.state_dir.path(), &argv);
        let (state, background) = state(&config).await;
        let service = state.wechat.service().clone();
        let app = rate_limit::apply(router::router(state), config.sign_rate_limit);
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .expect("serve");
        });
        Live {
            base: own,
            http: self.http,
            fake: self.fake,
            service,
            _background: background,
            _state_dir: self.state_dir,
        }
    }

    /// Starts the server in live mode against this fake, with extra flags.
    pub async fn start(self, args: &[&str]) -> Live {
        let base = self.fake.base_url.clone();
        let mut argv = vec![
            "--app-id",
            APP_ID,
            "--app-secret",
            APP_SECRET,
            "--api-base",
            &base,
            "--upstream-timeout-secs",
            "1",
        ];
        argv.extend_from_slice(args);
        let config = settings(self.state_dir.path(), &argv);
        let (state, background) = state(&config).await;
        let service = state.wechat.service().clone();
        let app = rate_limit::apply(router::router(state), config.sign_rate_limit);
        let (base, _task) = serve(app).await;
        Live {
            base,
            http: self.http,
            fake: self.fake,
            service,
            _background: background,
            _state_dir: self.state_dir,
        }
    }
}

/// A running server and the fake it talks to.
pub struct Live {
    pub base: String,
    pub http: reqwest::Client,
    pub fake: FakeHandle,
    /// The server's credential cache (to wait for a renewal to finish, never to serve).
    pub service: CredentialService,
    _background: server::wechat_setup::Background,
    _state_dir: tempfile::TempDir,
}

/// A response: status, headers and body as JSON (`Null` when it is not JSON).
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub json: Value,
}

impl Live {
    /// `POST path` with a form body.
    pub async fn form(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap();
        answer(response).await
    }

    /// `POST path` with a raw body of the given content type.
    pub async fn raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Answer {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        answer(response).await
    }

    pub fn calls(&self, endpoint: Endpoint) -> u64 {
        self.fake.calls(endpoint)
    }

    /// Waits (event-driven, bounded) until `done` holds, re-checking after every finished fetch.
    pub async fn until_fetches(&self, done: impl Fn(&CredentialService) -> bool) {
        let mut events = self.service.fetch_events();
        while !done(&self.service) {
            tokio::time::timeout(PATIENCE, events.changed())
                .await
                .expect("the awaited fetch never finished")
                .expect("service dropped");
        }
    }

    /// True once a fetch of `kind` has failed (and its cooldown runs).
    pub fn failed(&self, kind: CredentialKind) -> bool {
        self.service
            .status()
            .into_iter()
            .any(|status| status.kind == kind && status.last_error.is_some())
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap_or_default();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        text,
        json,
    }
}

/// Asserts the error shape `{kind, message, errcode, hint}`: `kind` as given, a message and a
/// hint that say something, and nothing secret.
pub fn assert_error_shape(answer: &Answer, kind: &str, context: &str) {
    let body = &answer.json;
    assert_eq!(body["kind"], kind, "{context}: {}", answer.text);
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{context}: message: {}",
        answer.text
    );
    assert!(
        body.get("errcode").is_some(),
        "{context}: errcode: {}",
        answer.text
    );
    assert!(
        body["hint"].as_str().is_some_and(|h| !h.is_empty()),
        "{context}: hint: {}",
        answer.text
    );
    assert!(
        !answer.text.contains(APP_SECRET),
        "{context}: secret leaked"
    );
    assert!(
        !answer.text.contains("FAKE_TOKEN_"),
        "{context}: token leaked"
    );
}
