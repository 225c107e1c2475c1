//! A fake WeChat API that behaves like the real one where it matters to a JS-SDK server:
//! token rotation with the 5-minute overlap, 40001/42001 for old tokens, appid/secret checks,
//! the daily token quota, tickets that need a valid token, card code decryption, and queued
//! faults (errcodes, latency, HTTP 5xx, malformed JSON, empty credentials).
//!
//! It serves two uses: the playground's sandbox mode (no real account; the server points its
//! client at [`FakeWechat::spawn`]'s loopback URL) and tests and benchmarks over real HTTP.
//!
//! Control endpoints: `POST /__fake/faults` (a [`FaultSpec`] or an array of them),
//! `GET /__fake/stats` ([`FakeStats`]), `POST /__fake/reset`.

mod faults;
mod hold;
mod ledger;
mod routes;

pub use faults::{Fault, FaultSpec};
pub use hold::Hold;

use crate::client::{Endpoint, TicketKind};
use crate::clock::{Clock, SystemClock};
use crate::signature::jsapi::{jsapi_signature, SignedJsConfig};
use faults::FaultQueue;
use hold::Gate;
use ledger::Ledger;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::task::JoinHandle;

/// The sandbox account's appId: obviously not a real one (real ones are `wx` + 16 hex digits).
pub const SANDBOX_APP_ID: &str = "wx_sandbox_playground";
/// The sandbox account's AppSecret. Public on purpose: it only opens the in-process fake.
pub const SANDBOX_APP_SECRET: &str = "sandbox_secret_not_a_real_appsecret";

/// How the fake behaves.
#[derive(Clone)]
pub struct FakeConfig {
    /// The only appId it accepts (others get 40013).
    pub app_id: String,
    /// The only secret it accepts (others get 40125).
    pub app_secret: String,
    /// Lifetime of tokens and tickets, in seconds (WeChat: 7200).
    pub expires_in: u64,
    /// How long a replaced token keeps working (WeChat: 300 s).
    pub token_overlap: u64,
    /// Token fetches allowed per day before 45009 (WeChat: 2000).
    pub daily_token_quota: u64,
    /// Time source for lifetimes, overlap and quota (share a [`crate::clock::ManualClock`]
    /// with the service under test).
    pub clock: Arc<dyn Clock>,
}

impl FakeConfig {
    /// The fake for an account, with WeChat's numbers.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Self {
            app_id: app_id.into(),
            app_secret: app_secret.into(),
            expires_in: 7200,
            token_overlap: 300,
            daily_token_quota: 2000,
            clock: Arc::new(SystemClock),
        }
    }

    /// The sandbox account ([`SANDBOX_APP_ID`], [`SANDBOX_APP_SECRET`]).
    pub fn sandbox() -> Self {
        Self::new(SANDBOX_APP_ID, SANDBOX_APP_SECRET)
    }

    /// Uses `clock` instead of the system clock.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }
}

impl std::fmt::Debug for FakeConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeConfig")
            .field("app_id", &self.app_id)
            .field("expires_in", &self.expires_in)
            .field("token_overlap", &self.token_overlap)
            .field("daily_token_quota", &self.daily_token_quota)
            .finish_non_exhaustive()
    }
}

/// Counters of the fake, as served by `GET /__fake/stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FakeStats {
    /// Calls received per endpoint (faulted ones included).
    pub calls: BTreeMap<Endpoint, u64>,
    /// Error answers per endpoint and errcode.
    pub errors: BTreeMap<Endpoint, BTreeMap<i64, u64>>,
    /// Access tokens issued.
    pub tokens_issued: u64,
    /// Tickets issued.
    pub tickets_issued: u64,
    /// Token fetches counted against today's quota.
    pub token_fetches_today: u64,
    /// Faults still queued.
    pub pending_faults: Vec<FaultSpec>,
}

#[derive(Default)]
struct Book {
    ledger: Ledger,
    faults: FaultQueue,
    calls: BTreeMap<Endpoint, u64>,
    errors: BTreeMap<Endpoint, BTreeMap<i64, u64>>,
}

struct State {
    config: FakeConfig,
    book: Mutex<Book>,
    gates: Mutex<HashMap<Endpoint, Arc<Gate>>>,
}

impl State {
    fn book(&self) -> MutexGuard<'_, Book> {
        self.book
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    fn gates(&self) -> MutexGuard<'_, HashMap<Endpoint, Arc<Gate>>> {
        self.gates
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    fn now(&self) -> u64 {
        self.config.clock.now()
    }
}

/// The fake WeChat API: its state, and an axum [`Router`](axum::Router) over it.
/// Cheap to clone (clones share the state).
#[derive(Clone)]
pub struct FakeWechat {
    state: Arc<State>,
}

impl std::fmt::Debug for FakeWechat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeWechat")
            .field("config", &self.state.config)
            .finish_non_exhaustive()
    }
}

impl FakeWechat {
    /// A fake with fresh state.
    pub fn new(config: FakeConfig) -> Self {
        Self {
            state: Arc::new(State {
                config,
                book: Mutex::default(),
                gates: Mutex::default(),
            }),
        }
    }

    /// The routes (WeChat's and `/__fake/*`), to serve or to call with `oneshot`.
    pub fn router(&self) -> axum::Router {
        routes::router(Arc::clone(&self.state))
    }

    /// Serves a new fake on `127.0.0.1:<free port>` over real TCP until the handle is dropped.
    pub async fn spawn(config: FakeConfig) -> std::io::Result<FakeHandle> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let address = listener.local_addr()?;
        let wechat = Self::new(config);
        let router = wechat.router();
        let server = tokio::spawn(async move {
            if let Err(error) = axum::serve(listener, router).await {
                tracing::error!(%error, "fake WeChat server stopped");
            }
        });
        Ok(FakeHandle {
            base_url: format!("http://{address}"),
            wechat,
            server,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &FakeConfig {
        &self.state.config
    }

    /// Calls received by `endpoint`.
    pub fn calls(&self, endpoint: Endpoint) -> u64 {
        self.state
            .book()
            .calls
            .get(&endpoint)
            .copied()
            .unwrap_or_default()
    }

    /// All counters.
    pub fn stats(&self) -> FakeStats {
        let book = self.state.book();
        FakeStats {
            calls: book.calls.clone(),
            errors: book.errors.clone(),
            tokens_issued: book.ledger.tokens_issued,
            tickets_issued: book.ledger.tickets_issued,
            token_fetches_today: book.ledger.token_fetches_today(),
            pending_faults: book.faults.pending(),
        }
    }

    /// Makes the next `times` calls of `endpoint` misbehave as `fault`.
    pub fn inject(&self, endpoint: Endpoint, fault: Fault, times: u32) {
        self.inject_spec(FaultSpec {
            endpoint,
            fault,
            times,
        });
    }

    /// [`Self::inject`] from a [`FaultSpec`].
    pub fn inject_spec(&self, spec: FaultSpec) {
        self.state.book().faults.push(spec);
    }

    /// Drops every queued fault.
    pub fn reset_faults(&self) {
        self.state.book().faults = FaultQueue::default();
    }

    /// Back to a fresh start: counters, faults, quota and every issued token and ticket are gone.
    pub fn reset(&self) {
        *self.state.book() = Book::default();
    }

    /// Holds every call of `endpoint` (after counting it) until the [`Hold`] is released or
    /// dropped: tests use it to keep a fetch in flight deterministically.
    pub fn hold(&self, endpoint: Endpoint) -> Hold {
        let gate = Arc::new(Gate::default());
        self.state.gates().insert(endpoint, Arc::clone(&gate));
        Hold::new(endpoint, gate, Arc::downgrade(&self.state))
    }

    /// Issues a token as if another server had fetched one with the same appId: the current
    /// token is superseded and stops working after the overlap. Not counted as a call.
    pub fn rotate_token(&self) -> String {
        let now = self.state.now();
        let config = &self.state.config;
        self.state
            .book()
            .ledger
            .issue_token(now, config.expires_in, config.token_overlap)
    }

    /// The last ticket of `kind` the fake issued.
    pub fn latest_ticket(&self, kind: TicketKind) -> Option<String> {
        self.state.book().ledger.latest_ticket(kind)
    }

    /// Checks a `wx.config` object as WeChat would: the appId, and the signature against a
    /// jsapi_ticket this fake issued and that is still valid. The sandbox uses it to tell a
    /// simulated page whether its config would pass.
    pub fn js_config_is_valid(&self, signed: &SignedJsConfig) -> bool {
        let config = &signed.config;
        if config.app_id != self.state.config.app_id {
            return false;
        }
        let now = self.state.now();
        self.state
            .book()
            .ledger
            .valid_tickets(TicketKind::Jsapi, now)
            .iter()
            .any(|ticket| {
                jsapi_signature(ticket, &config.nonce_str, config.timestamp, &signed.url)
                    == config.signature
            })
    }
}

/// The encrypt_code the fake's `/card/code/decrypt` turns back into `code`, to simulate what
/// `wx.chooseCard` returns in the sandbox.
pub fn encrypt_code(code: &str) -> String {
    hex::encode(code.bytes().map(|byte| byte ^ 0x5a).collect::<Vec<u8>>())
}

pub(crate) fn decrypt_code(encrypted: &str) -> Option<String> {
    let bytes = hex::decode(encrypted).ok()?;
    String::from_utf8(bytes.into_iter().map(|byte| byte ^ 0x5a).collect())
        .ok()
        .filter(|code| !code.is_empty())
}

/// A fake served over TCP. Dereferences to [`FakeWechat`] for counters, faults and holds.
#[derive(Debug)]
pub struct FakeHandle {
    /// `http://127.0.0.1:<port>`: the base URL to give the client.
    pub base_url: String,
    wechat: FakeWechat,
    server: JoinHandle<()>,
}

impl FakeHandle {
    /// The fake behind the socket.
    pub fn wechat(&self) -> &FakeWechat {
        &self.wechat
    }
}

impl std::ops::Deref for FakeHandle {
    type Target = FakeWechat;

    fn deref(&self) -> &FakeWechat {
        &self.wechat
    }
}

impl Drop for FakeHandle {
    fn drop(&mut self) {
        self.server.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypted_codes_decrypt_and_garbage_does_not() {
        assert_eq!(
            decrypt_code(&encrypt_code("1434008071")).as_deref(),
            Some("1434008071")
        );
        assert_eq!(decrypt_code("not hex"), None);
        assert_eq!(decrypt_code(""), None);
    }
}
