//! The rig shared by the integration tests: a fake WeChat on a real socket, a manual clock
//! shared by the fake and the service, and a service pointed at the fake.
#![allow(dead_code)] // each test binary uses part of it

pub mod redis_server;
pub mod test_pki;

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::timeout;
use wechat::client::{ClientConfig, Endpoint, TicketKind, WechatClient};
use wechat::clock::ManualClock;
use wechat::credentials::{
    CredentialKind, CredentialService, CredentialStore, MemoryStore, ServiceOptions,
};
use wechat::fake::{FakeConfig, FakeHandle, FakeWechat};
use wechat::{Error, Secret};

/// 2023-11-14T22:13:20Z: any fixed moment works.
pub const START: u64 = 1_700_000_000;
/// When a credential fetched at START with the usual 7200 s enters its renewal margin.
pub const RENEWABLE: u64 = START + 7200 - 300;
/// Bound on any wait in a test: reaching it means the behaviour under test is broken.
pub const PATIENCE: Duration = Duration::from_secs(10);

pub struct Rig {
    pub clock: ManualClock,
    pub fake: FakeHandle,
    pub service: CredentialService,
    pub store: Arc<dyn CredentialStore>,
}

impl Rig {
    pub async fn new() -> Self {
        Self::build(|config| config, Arc::new(MemoryStore::default())).await
    }

    pub async fn with_client(adjust: impl FnOnce(ClientConfig) -> ClientConfig) -> Self {
        Self::build(adjust, Arc::new(MemoryStore::default())).await
    }

    pub async fn with_store(store: Arc<dyn CredentialStore>) -> Self {
        Self::build(|config| config, store).await
    }

    pub async fn build(
        adjust: impl FnOnce(ClientConfig) -> ClientConfig,
        store: Arc<dyn CredentialStore>,
    ) -> Self {
        let clock = ManualClock::new(START);
        let fake = FakeWechat::spawn(FakeConfig::sandbox().with_clock(Arc::new(clock.clone())))
            .await
            .expect("bind the fake");
        let service = service_for(&fake, &clock, adjust, Arc::clone(&store));
        Self {
            clock,
            fake,
            service,
            store,
        }
    }

    /// Another service instance (a restart) against the same fake, clock and `store`.
    pub fn restart(&self, store: Arc<dyn CredentialStore>) -> CredentialService {
        service_for(&self.fake, &self.clock, |config| config, store)
    }
}

pub fn test_client_config(base_url: &str) -> ClientConfig {
    let mut config = ClientConfig::sandbox(base_url);
    config.retry_backoff = Duration::from_millis(1);
    config.timeout = Duration::from_secs(5);
    config
}

pub fn service_for(
    fake: &FakeHandle,
    clock: &ManualClock,
    adjust: impl FnOnce(ClientConfig) -> ClientConfig,
    store: Arc<dyn CredentialStore>,
) -> CredentialService {
    let client = WechatClient::new(adjust(test_client_config(&fake.base_url))).expect("client");
    let options = ServiceOptions {
        clock: Arc::new(clock.clone()),
        ..ServiceOptions::default()
    };
    CredentialService::with_options(client, store, options)
}

/// The three things a caller can ask the cache for, to run one scenario against each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Token,
    Jsapi,
    WxCard,
}

impl Target {
    pub const ALL: [Target; 3] = [Self::Token, Self::Jsapi, Self::WxCard];

    pub fn endpoint(self) -> Endpoint {
        match self {
            Self::Token => Endpoint::Token,
            Self::Jsapi => Endpoint::JsapiTicket,
            Self::WxCard => Endpoint::WxCardTicket,
        }
    }

    pub fn kind(self) -> CredentialKind {
        match self {
            Self::Token => CredentialKind::AccessToken,
            Self::Jsapi => CredentialKind::JsapiTicket,
            Self::WxCard => CredentialKind::WxCardTicket,
        }
    }

    pub async fn fetch(self, service: &CredentialService) -> Result<Secret, Error> {
        match self {
            Self::Token => service.access_token().await,
            Self::Jsapi => service.ticket(TicketKind::Jsapi).await,
            Self::WxCard => service.ticket(TicketKind::WxCard).await,
        }
    }
}

/// Waits (event-driven, bounded) until `done` holds, re-checking after every finished fetch.
pub async fn until_fetches(service: &CredentialService, done: impl Fn(&CredentialService) -> bool) {
    let mut events = service.fetch_events();
    while !done(service) {
        timeout(PATIENCE, events.changed())
            .await
            .expect("the awaited fetch never finished")
            .expect("service dropped");
    }
}

/// Waits (bounded) until `done` holds, yielding to other tasks in between. For conditions
/// that no event announces (e.g. how many requests are queued).
pub async fn until(mut done: impl FnMut() -> bool) {
    timeout(PATIENCE, async {
        while !done() {
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("condition never reached");
}

/// The last fetch error held for `kind`, if any.
pub fn last_error(service: &CredentialService, kind: CredentialKind) -> Option<String> {
    service
        .status()
        .into_iter()
        .find(|status| status.kind == kind)
        .and_then(|status| status.last_error)
}

/// Log output captured from `tracing`, for asserting warnings and the absence of secrets.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Installs a subscriber writing here, for the current thread (use a current-thread runtime).
    pub fn install(&self) -> tracing::subscriber::DefaultGuard {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(self.clone())
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_default(subscriber)
    }
}

impl io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// A jsapi_ticket as a store holds it, living the usual 7200 s.
pub fn jsapi_ticket(value: &str, fetched_at: u64) -> wechat::credentials::StoredCredential {
    wechat::credentials::StoredCredential::new(
        CredentialKind::JsapiTicket,
        Secret::new(value),
        fetched_at,
        7200,
    )
}

/// `wx.config` for page `n` of example.com, with one API.
pub async fn sign_page(
    service: &CredentialService,
    n: usize,
) -> Result<wechat::signature::jsapi::SignedJsConfig, Error> {
    service
        .js_config(
            &format!("https://example.com/page?n={n}"),
            &wechat::page_url::SafeDomains::any(),
            vec!["scanQRCode".into()],
            vec![],
            false,
        )
        .await
}
