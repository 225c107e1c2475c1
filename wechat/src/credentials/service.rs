//! The facade the web server uses: credentials on demand, and signatures made with them.

use super::credential::{CredentialKind, Phase, StoredCredential};
use super::quota::{quota_day, DailyLimits, QuotaCounter, QuotaStatus};
use super::slot::{Failure, Flight, FlightResult, Slot, SlotState};
use super::stats::{CacheStats, Counters};
use super::store::{CredentialStore, LeaseStats, RefreshPermit};
use crate::client::{TicketKind, UpstreamError, WechatClient};
use crate::clock::{Clock, SystemClock};
use crate::error::Error;
use crate::input::{check, Field, Presence::*};
use crate::nonce::nonce;
use crate::page_url::{page_url_to_sign, PageUrl, SafeDomains};
use crate::secret::Secret;
use crate::signature::card::{
    AddCardItem, CardExt, CardExtInput, CardExtUnsigned, ChooseCardInput, ChooseCardParams,
};
use crate::signature::jsapi::{JsConfigRequest, SignedJsConfig};
use serde::Serialize;
use std::future::Future;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::task::JoinHandle;

/// Tuning of a [`CredentialService`].
#[derive(Clone)]
pub struct ServiceOptions {
    /// The time source (a [`crate::clock::ManualClock`] in tests).
    pub clock: Arc<dyn Clock>,
    /// After a failed fetch, how long callers get the same error without a new upstream call;
    /// doubled after each consecutive failure. Zero disables it.
    pub failure_cooldown: Duration,
    /// Upper bound of the doubled cooldown.
    pub max_failure_cooldown: Duration,
    /// At most one [`CredentialService::force_refresh`] per credential in this interval, counted
    /// from the last one, so a burst of "invalid signature" reports cannot burn the daily quota.
    /// Zero: no limit.
    pub min_forced_refresh_interval: Duration,
    /// Upstream fetches allowed a day per credential: a forced refresh that would exceed them
    /// is refused with [`Error::DailyLimitReached`].
    pub daily_limits: DailyLimits,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            failure_cooldown: Duration::from_secs(5),
            max_failure_cooldown: Duration::from_secs(60),
            min_forced_refresh_interval: Duration::from_secs(60),
            daily_limits: DailyLimits::default(),
        }
    }
}

impl std::fmt::Debug for ServiceOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceOptions")
            .field("failure_cooldown", &self.failure_cooldown)
            .field("max_failure_cooldown", &self.max_failure_cooldown)
            .field(
                "min_forced_refresh_interval",
                &self.min_forced_refresh_interval,
            )
            .field("daily_limits", &self.daily_limits)
            .finish_non_exhaustive()
    }
}

/// The filters of a `wx.chooseCard` call (each may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChooseCardFilter {
    /// Store id (`shopId`).
    pub shop_id: String,
    /// Card type (`GROUPON`, `CASH`, …).
    pub card_type: String,
    /// A single card id.
    pub card_id: String,
}

/// What the cache holds for one credential, without its value: for a status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CredentialStatus {
    /// Which credential.
    pub kind: CredentialKind,
    /// Fresh, renewable or expired; `None` when nothing is held.
    pub phase: Option<Phase>,
    /// When the held value was fetched.
    pub fetched_at: Option<u64>,
    /// When renewal starts.
    pub refresh_at: Option<u64>,
    /// When it expires.
    pub expires_at: Option<u64>,
    /// Whether a fetch is in flight.
    pub refreshing: bool,
    /// The last fetch error, while it still blocks new fetches.
    pub last_error: Option<String>,
}

/// Cached access_token and tickets of one appId, and the signatures made with them.
///
/// Cheap to clone (clones share the cache). See the [module docs](super) for the guarantees.
#[derive(Clone)]
pub struct CredentialService {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for CredentialService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CredentialService")
            .field("app_id", &self.inner.client.app_id())
            .field("options", &self.inner.options)
            .finish_non_exhaustive()
    }
}

struct Inner {
    client: WechatClient,
    store: Arc<dyn CredentialStore>,
    clock: Arc<dyn Clock>,
    options: ServiceOptions,
    slots: [Slot; 3],
    counters: Counters,
    quota: QuotaCounter,
    finished_fetches: watch::Sender<u64>,
    changed: Arc<Notify>,
}

impl CredentialService {
    /// A service for `client`'s appId, persisting in `store`, with default options.
    pub fn new(client: WechatClient, store: Arc<dyn CredentialStore>) -> Self {
        Self::with_options(client, store, ServiceOptions::default())
    }

    /// A service with explicit options (clock, cooldowns).
    pub fn with_options(
        client: WechatClient,
        store: Arc<dyn CredentialStore>,
        options: ServiceOptions,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                client,
                store,
                clock: Arc::clone(&options.clock),
                options,
                slots: Default::default(),
                counters: Counters::default(),
                quota: QuotaCounter::default(),
                finished_fetches: watch::Sender::new(0),
                changed: Arc::new(Notify::new()),
            }),
        }
    }

    /// The appId this service holds credentials for.
    pub fn app_id(&self) -> &str {
        self.inner.client.app_id()
    }

    /// The underlying client (its counters, its configuration).
    pub fn client(&self) -> &WechatClient {
        &self.inner.client
    }

    /// A valid access_token, from the cache or fetched.
    pub async fn access_token(&self) -> Result<Secret, Error> {
        Ok(self.inner.get(CredentialKind::AccessToken).await?.value)
    }

    /// A valid ticket of `kind`, from the cache or fetched.
    pub async fn ticket(&self, kind: TicketKind) -> Result<Secret, Error> {
        Ok(self.inner.get(kind.into()).await?.value)
    }

    /// The clear code of a card `encrypt_code` returned by `wx.chooseCard`.
    pub async fn decrypt_card_code(&self, encrypt_code: &str) -> Result<String, Error> {
        check(Field::EncryptCode, encrypt_code, Required)?;
        let client = self.inner.client.clone();
        let encrypt_code = encrypt_code.to_owned();
        self.inner
            .with_access_token(move |token| {
                let client = client.clone();
                let encrypt_code = encrypt_code.clone();
                async move { client.decrypt_card_code(&token, &encrypt_code).await }
            })
            .await
    }

    /// The `wx.config` object for the page at `url`: checks the URL (fragment cut, safe
    /// domains), then signs it with the cached jsapi_ticket, a fresh nonce and the current time.
    pub async fn js_config(
        &self,
        url: &str,
        safe_domains: &SafeDomains,
        js_api_list: Vec<String>,
        open_tag_list: Vec<String>,
        debug: bool,
    ) -> Result<SignedJsConfig, Error> {
        let page = page_url_to_sign(url, safe_domains)?;
        self.sign_page(&page, js_api_list, open_tag_list, debug)
            .await
    }

    /// [`Self::js_config`] for a URL already checked with [`page_url_to_sign`] (e.g. to show its lints).
    pub async fn sign_page(
        &self,
        page: &PageUrl,
        js_api_list: Vec<String>,
        open_tag_list: Vec<String>,
        debug: bool,
    ) -> Result<SignedJsConfig, Error> {
        let ticket = self.ticket(TicketKind::Jsapi).await?;
        Ok(JsConfigRequest {
            app_id: self.app_id().to_owned(),
            url: page.as_str().to_owned(),
            timestamp: self.inner.clock.now(),
            nonce_str: nonce(),
            js_api_list,
            open_tag_list,
            debug,
        }
        .sign(ticket.expose()))
    }

    /// One `wx.addCard` entry, `{cardId, cardExt}`, with `cardExt` signed by the wx_card ticket.
    /// `code` and `openid` may be empty; `unsigned` carries appendix 4's optional fields.
    pub async fn card_ext(
        &self,
        card_id: &str,
        code: &str,
        openid: &str,
        unsigned: CardExtUnsigned,
    ) -> Result<AddCardItem, Error> {
        check(Field::CardId, card_id, Required)?;
        check(Field::Code, code, Optional)?;
        check(Field::Openid, openid, Optional)?;
        check(
            Field::OuterStr,
            unsigned.outer_str.as_deref().unwrap_or(""),
            Optional,
        )?;
        let ticket = self.ticket(TicketKind::WxCard).await?;
        let input = CardExtInput {
            card_id: card_id.to_owned(),
            code: code.to_owned(),
            openid: openid.to_owned(),
            timestamp: self.inner.clock.now(),
            nonce_str: nonce(),
            unsigned,
        };
        Ok(AddCardItem {
            card_id: card_id.to_owned(),
            card_ext: CardExt::sign(ticket.expose(), &input).to_json(),
        })
    }

    /// The arguments of `wx.chooseCard` for `filter`, signed by the wx_card ticket.
    pub async fn card_sign(&self, filter: &ChooseCardFilter) -> Result<ChooseCardParams, Error> {
        check(Field::LocationId, &filter.shop_id, Optional)?;
        check(Field::CardType, &filter.card_type, Optional)?;
        check(Field::CardId, &filter.card_id, Optional)?;
        let ticket = self.ticket(TicketKind::WxCard).await?;
        let input = ChooseCardInput {
            app_id: self.app_id().to_owned(),
            location_id: filter.shop_id.clone(),
            card_type: filter.card_type.clone(),
            card_id: filter.card_id.clone(),
            timestamp: self.inner.clock.now(),
            nonce_str: nonce(),
        };
        Ok(ChooseCardParams::sign(ticket.expose(), &input))
    }

    /// Fetches `kind` anew although the cached one looks valid (e.g. pages report
    /// `invalid signature` with a URL that matches), and returns `true`. Within
    /// [`ServiceOptions::min_forced_refresh_interval`] of the last forced refresh it fetches
    /// nothing and returns `false`, once that refresh (if still running) has ended; returns the
    /// last error while a failure cooldown runs.
    pub async fn force_refresh(&self, kind: CredentialKind) -> Result<bool, Error> {
        let used = self.inner.quota_used(kind).await;
        let limit = self.inner.options.daily_limits.of(kind);
        if used.saturating_add(1) > limit {
            tracing::warn!(%kind, used, limit, "forced refresh refused: the daily fetch limit would be exceeded");
            return Err(Error::DailyLimitReached { kind, used, limit });
        }
        let now = self.inner.clock.now();
        let interval = self.inner.options.min_forced_refresh_interval.as_secs();
        let (flight, forced) = {
            let mut state = self.inner.slot(kind).lock();
            let throttled = state
                .last_forced
                .is_some_and(|at| now < at.saturating_add(interval));
            if throttled {
                match state.flight.clone() {
                    Some(flight) => (flight, false),
                    None => return Ok(false),
                }
            } else {
                let flight = match &state.flight {
                    Some(flight) => flight.clone(),
                    None => {
                        if let Some(failure) =
                            state.failure.as_ref().filter(|f| now < f.retry_after)
                        {
                            return Err(failure.error.clone());
                        }
                        self.inner.start_flight(kind, &mut state)
                    }
                };
                state.last_forced = Some(now);
                (flight, true)
            }
        };
        let result = Inner::wait(flight).await;
        if forced && result.is_err() {
            // A refresh that failed does not count: the next report may try again.
            self.inner.slot(kind).lock().last_forced = None;
        }
        result?;
        Ok(forced)
    }

    /// Starts the background renewal: each held credential is fetched again when it enters its
    /// renewal margin, so requests are served from the cache and never wait. Failed renewals
    /// are retried after the (growing) failure cooldown. The task ends when every clone of the
    /// service is dropped; abort the handle to stop it sooner. Start one per service.
    pub fn spawn_refresher(&self) -> JoinHandle<()> {
        let weak = Arc::downgrade(&self.inner);
        let clock = Arc::clone(&self.inner.clock);
        let changed = Arc::clone(&self.inner.changed);
        tokio::spawn(refresh_loop(weak, clock, changed))
    }

    /// A snapshot of the counters (cache and upstream).
    pub fn stats(&self) -> CacheStats {
        CacheStats::from_counters(&self.inner.counters, self.inner.client.stats().snapshot())
    }

    /// The lease counters of a shared store (`RedisStore`); `None` for local stores.
    pub fn lease_stats(&self) -> Option<LeaseStats> {
        self.inner.store.lease_stats()
    }

    /// Fetches of each credential counted today (by every instance when the store is shared),
    /// against the daily limits.
    pub async fn quota(&self) -> Vec<QuotaStatus> {
        let mut quota = Vec::with_capacity(CredentialKind::ALL.len());
        for kind in CredentialKind::ALL {
            quota.push(QuotaStatus {
                kind,
                used: self.inner.quota_used(kind).await,
                limit: self.inner.options.daily_limits.of(kind),
            });
        }
        quota
    }

    /// What is held for each credential (never the values).
    pub fn status(&self) -> Vec<CredentialStatus> {
        let now = self.inner.clock.now();
        CredentialKind::ALL
            .into_iter()
            .map(|kind| {
                let state = self.inner.slot(kind).lock();
                let current = state.current.as_ref();
                CredentialStatus {
                    kind,
                    phase: current.map(|c| c.phase(now)),
                    fetched_at: current.map(|c| c.fetched_at),
                    refresh_at: current.map(StoredCredential::refresh_at),
                    expires_at: current.map(|c| c.expires_at),
                    refreshing: state.flight.is_some(),
                    last_error: state
                        .failure
                        .as_ref()
                        .filter(|failure| now < failure.retry_after)
                        .map(|failure| failure.error.to_string()),
                }
            })
            .collect()
    }

    /// Counts finished fetches (successful or not); `changed()` on it wakes a test waiting for
    /// the refresher to have run (no sleeps). Only with the `testing` feature.
    #[cfg(feature = "testing")]
    pub fn fetch_events(&self) -> watch::Receiver<u64> {
        self.inner.finished_fetches.subscribe()
    }
}

impl Inner {
    fn slot(&self, kind: CredentialKind) -> &Slot {
        &self.slots[kind.index()]
    }

    /// Today's fetches of `kind`: the shared count if the store has one, else this instance's.
    async fn quota_used(&self, kind: CredentialKind) -> u64 {
        let now = self.clock.now();
        match self
            .store
            .fetches_on(self.client.app_id(), kind, quota_day(now))
            .await
        {
            Ok(Some(total)) => self.quota.observe(kind, now, total),
            Ok(None) => self.quota.used(kind, now),
            Err(error) => {
                // The store logs its outage once; a metrics scrape must not repeat it.
                tracing::debug!(%kind, %error, "cannot read the shared fetch count; using this instance's");
                self.quota.used(kind, now)
            }
        }
    }

    /// Counts one upstream fetch of `kind` here and, if shared, in the store.
    async fn count_fetch(&self, kind: CredentialKind) {
        let now = self.clock.now();
        self.quota.record(kind, now);
        match self
            .store
            .count_fetch(self.client.app_id(), kind, quota_day(now))
            .await
        {
            Ok(Some(total)) => {
                self.quota.observe(kind, now, total);
            }
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(%kind, %error, "cannot count the fetch in the store");
            }
        }
    }

    /// The credential of `kind`: served if fresh; served and renewed in the background if
    /// renewable; otherwise fetched once for all concurrent callers.
    async fn get(self: &Arc<Self>, kind: CredentialKind) -> Result<StoredCredential, Error> {
        let now = self.clock.now();
        let flight = {
            let mut state = self.slot(kind).lock();
            if let Some(current) = state.current.clone() {
                match current.phase(now) {
                    Phase::Fresh => {
                        Counters::bump(&self.counters.hits);
                        return Ok(current);
                    }
                    Phase::Renewable => {
                        Counters::bump(&self.counters.stale_hits);
                        if state.flight.is_none() && !state.cooling_down(now) {
                            self.start_flight(kind, &mut state);
                        }
                        return Ok(current);
                    }
                    Phase::Expired => {}
                }
            }
            Counters::bump(&self.counters.misses);
            match &state.flight {
                Some(flight) => flight.clone(),
                None => {
                    if let Some(failure) = state.failure.as_ref().filter(|f| now < f.retry_after) {
                        return Err(failure.error.clone());
                    }
                    self.start_flight(kind, &mut state)
                }
            }
        };
        Self::wait(flight).await
    }

    async fn wait(mut flight: Flight) -> FlightResult {
        match flight.wait_for(Option::is_some).await {
            Ok(result) => result.clone().unwrap_or(Err(Error::RefreshAborted)),
            Err(_) => Err(Error::RefreshAborted),
        }
    }

    /// Starts the one fetch of `kind`; the caller holds the slot's lock and saw no flight.
    fn start_flight(self: &Arc<Self>, kind: CredentialKind, state: &mut SlotState) -> Flight {
        let (done, flight) = watch::channel(None);
        state.flight = Some(flight.clone());
        Counters::bump(&self.counters.refreshes);
        let inner = Arc::clone(self);
        tokio::spawn(async move {
            // The fetch runs in its own task so a panic in it still ends the flight.
            let fetcher = Arc::clone(&inner);
            let result = tokio::spawn(async move { fetcher.fetch(kind).await })
                .await
                .unwrap_or(Err(Error::RefreshAborted));
            inner.finish_flight(kind, &result);
            done.send_replace(Some(result));
            inner.finished_fetches.send_modify(|count| *count += 1);
            inner.changed.notify_one();
        });
        flight
    }

    fn finish_flight(&self, kind: CredentialKind, result: &FlightResult) {
        let now = self.clock.now();
        let mut state = self.slot(kind).lock();
        state.flight = None;
        match result {
            Ok(credential) => {
                let newer = state
                    .current
                    .as_ref()
                    .is_none_or(|current| credential.fetched_at >= current.fetched_at);
                if newer {
                    state.current = Some(credential.clone());
                }
                state.failure = None;
                state.consecutive_failures = 0;
                tracing::info!(%kind, expires_at = credential.expires_at, "credential ready");
            }
            Err(error) => {
                Counters::bump(&self.counters.refresh_failures);
                state.consecutive_failures = state.consecutive_failures.saturating_add(1);
                let base = self.options.failure_cooldown.as_secs();
                let cooldown = base
                    .saturating_mul(1 << (state.consecutive_failures - 1).min(16))
                    .min(self.options.max_failure_cooldown.as_secs().max(base));
                state.failure = Some(Failure {
                    error: error.clone(),
                    retry_after: now.saturating_add(cooldown),
                });
                let serving = state
                    .current
                    .as_ref()
                    .is_some_and(|c| c.phase(now) != Phase::Expired);
                tracing::warn!(%kind, %error, errcode = ?error.errcode(), cooldown_secs = cooldown, serving_previous = serving, "credential fetch failed");
            }
        }
    }

    /// One fetch: the store first (a restart, another instance), then WeChat; the result is saved.
    async fn fetch(self: &Arc<Self>, kind: CredentialKind) -> FlightResult {
        let app_id = self.client.app_id();
        match self.store.load(app_id, kind).await {
            Ok(Some(stored)) if self.adoptable(&stored, kind) => {
                Counters::bump(&self.counters.store_hits);
                return Ok(stored);
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%kind, %error, "credential store load failed; fetching from WeChat")
            }
        }
        match self.store.begin_refresh(app_id, kind).await {
            Ok(RefreshPermit::Adopt(stored)) if self.adoptable(&stored, kind) => {
                Counters::bump(&self.counters.store_hits);
                self.store.end_refresh(app_id, kind).await;
                return Ok(stored);
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%kind, %error, "credential store refresh lease failed; fetching anyway")
            }
        }
        let fetched = match kind {
            CredentialKind::AccessToken => {
                self.count_fetch(kind).await;
                self.client.fetch_access_token().await.map_err(Error::from)
            }
            CredentialKind::JsapiTicket | CredentialKind::WxCardTicket => {
                let ticket = if kind == CredentialKind::JsapiTicket {
                    TicketKind::Jsapi
                } else {
                    TicketKind::WxCard
                };
                let client = self.client.clone();
                let counter = Arc::clone(self);
                self.with_access_token(move |token| {
                    let client = client.clone();
                    let counter = Arc::clone(&counter);
                    async move {
                        counter.count_fetch(kind).await;
                        client.fetch_ticket(&token, ticket).await
                    }
                })
                .await
            }
        };
        let result = fetched.map(|fetched| {
            StoredCredential::new(kind, fetched.value, self.clock.now(), fetched.expires_in)
        });
        if let Ok(credential) = &result {
            if let Err(error) = self.store.save(app_id, credential).await {
                tracing::warn!(%kind, %error, "credential store save failed; keeping it in memory only");
            }
        }
        self.store.end_refresh(app_id, kind).await;
        result
    }

    /// Whether a stored credential may be used instead of fetching: not the refused value,
    /// still valid, and (if one is held) newer and fresh.
    fn adoptable(&self, stored: &StoredCredential, kind: CredentialKind) -> bool {
        let now = self.clock.now();
        let state = self.slot(kind).lock();
        if stored.kind != kind
            || stored.value.is_empty()
            || state.rejected.as_ref() == Some(&stored.value)
        {
            return false;
        }
        match &state.current {
            None => stored.phase(now) != Phase::Expired,
            Some(current) => {
                stored.fetched_at > current.fetched_at && stored.phase(now) == Phase::Fresh
            }
        }
    }

    /// Runs `call` with the access_token. If WeChat refuses the token (40001/40014/42001), the
    /// token is dropped only if it is still the cached one, a new one is obtained (single-flight)
    /// and the call is retried once.
    async fn with_access_token<T, F, Fut>(self: &Arc<Self>, call: F) -> Result<T, Error>
    where
        F: Fn(Secret) -> Fut,
        Fut: Future<Output = Result<T, UpstreamError>>,
    {
        let token = self.get(CredentialKind::AccessToken).await?;
        match call(token.value.clone()).await {
            Err(error) if error.is_credential_rejected() => {
                tracing::warn!(endpoint = %error.endpoint(), errcode = ?error.errcode(), "access_token refused; renewing it and retrying once");
                self.invalidate_access_token(&token.value).await;
                let renewed = self.get(CredentialKind::AccessToken).await?;
                Ok(call(renewed.value).await?)
            }
            other => Ok(other?),
        }
    }

    /// Compare-and-invalidate: drops the cached access_token only if it is `refused`.
    async fn invalidate_access_token(&self, refused: &Secret) {
        let dropped = {
            let mut state = self.slot(CredentialKind::AccessToken).lock();
            if state
                .current
                .as_ref()
                .is_some_and(|current| current.value == *refused)
            {
                state.current = None;
                state.rejected = Some(refused.clone());
                true
            } else {
                false
            }
        };
        if dropped {
            Counters::bump(&self.counters.invalidations);
            if let Err(error) = self
                .store
                .invalidate(self.client.app_id(), CredentialKind::AccessToken, refused)
                .await
            {
                tracing::warn!(%error, "could not drop the refused access_token from the store");
            }
        }
    }
}

/// The refresher: wakes at the earliest renewal time (or when a fetch ends), renews what is due.
async fn refresh_loop(weak: Weak<Inner>, clock: Arc<dyn Clock>, changed: Arc<Notify>) {
    loop {
        let next_wake = {
            let Some(inner) = weak.upgrade() else { return };
            let now = clock.now();
            let mut due = Vec::new();
            let mut next_wake: Option<u64> = None;
            for kind in CredentialKind::ALL {
                let mut state = inner.slot(kind).lock();
                let Some(current) = &state.current else {
                    continue;
                };
                if state.flight.is_some() {
                    continue; // its end will notify us
                }
                let at = current.refresh_at().max(
                    state
                        .failure
                        .as_ref()
                        .map_or(0, |failure| failure.retry_after),
                );
                if at <= now {
                    due.push(inner.start_flight(kind, &mut state));
                } else {
                    next_wake = Some(next_wake.map_or(at, |wake| wake.min(at)));
                }
            }
            if !due.is_empty() {
                drop(inner);
                for flight in due {
                    let _ = Inner::wait(flight).await;
                }
                continue;
            }
            next_wake
        };
        match next_wake {
            Some(deadline) => {
                tokio::select! {
                    () = clock.sleep_until(deadline) => {}
                    () = changed.notified() => {}
                }
            }
            None => changed.notified().await,
        }
    }
}
