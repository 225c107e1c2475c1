//! A per-client rate limit on the signing endpoints: governor's keyed GCRA limiter per client
//! IP, `SIGN_RATE_LIMIT` requests per second with bursts of `SIGN_RATE_BURST`. Over the limit a client gets
//! a 429 with `Retry-After` and the usual JSON error. Off (`0`) by default.
//!
//! The client is the peer address of the TCP connection; with `TRUST_FORWARDED` set (behind a
//! reverse proxy that sets it), the first hop of `X-Forwarded-For` instead.

use crate::http_error::HttpError;
use app::api::{signing, ApiError, ErrorKind};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, HeaderValue},
    middleware::Next,
    response::{IntoResponse, Response},
    Router,
};
use governor::{
    clock::{Clock, DefaultClock, Reference},
    middleware::NoOpMiddleware,
    state::keyed::DefaultKeyedStateStore,
    Quota, RateLimiter,
};
use leptos::server_fn::ServerFn;
use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    num::NonZeroU32,
    sync::{Arc, Mutex},
    time::Duration,
};

/// The endpoints that cost a credential lookup and a signature: the ones limited. Read from
/// the server functions themselves, so a renamed endpoint cannot slip out of the limit.
pub const SIGNING_PATHS: [&str; 6] = [
    <signing::JsConfig as ServerFn>::PATH,
    <signing::CardExt as ServerFn>::PATH,
    <signing::CardSign as ServerFn>::PATH,
    <signing::PaySign as ServerFn>::PATH,
    <signing::DecryptCardCode as ServerFn>::PATH,
    // Each rehearsal starts a private fake WeChat API (see simulator_api::rehearse).
    "/api/sim/rehearse",
];

/// How often idle clients are dropped.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// The limit's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Requests per second per client; `0` turns the limit off.
    pub per_second: u32,
    /// Requests a client may make at once after being idle (at least 1).
    pub burst: u32,
    /// Take the client from the first `X-Forwarded-For` hop instead of the socket.
    pub trust_forwarded: bool,
}

impl RateLimit {
    /// True when requests are limited at all.
    pub fn is_on(&self) -> bool {
        self.quota().is_some()
    }

    /// The quota of one client, when the limit is on.
    fn quota(&self) -> Option<Quota> {
        let rate = NonZeroU32::new(self.per_second)?;
        Some(
            Quota::per_second(rate)
                .allow_burst(NonZeroU32::new(self.burst).unwrap_or(NonZeroU32::MIN)),
        )
    }
}

/// Every client seen recently, each with its own GCRA state (governor's keyed limiter);
/// generic over the clock so tests can move time.
pub struct Limiter<C: Clock = DefaultClock> {
    limit: RateLimit,
    clients: RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, C, NoOpMiddleware<C::Instant>>,
    clock: C,
    pruned: Mutex<C::Instant>,
}

impl Limiter {
    /// A limiter on the system's monotonic clock. `None` when the limit is off.
    pub fn new(limit: RateLimit) -> Option<Self> {
        Self::with_clock(limit, DefaultClock::default())
    }
}

impl<C: Clock + Clone> Limiter<C> {
    /// A limiter on `clock`. `None` when the limit is off.
    pub fn with_clock(limit: RateLimit, clock: C) -> Option<Self> {
        let clients = RateLimiter::new(
            limit.quota()?,
            DefaultKeyedStateStore::default(),
            clock.clone(),
        );
        Some(Self {
            limit,
            clients,
            pruned: Mutex::new(clock.now()),
            clock,
        })
    }

    /// Takes one request of `client`'s quota; `Err(wait)` when it has none left.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        self.prune_now_and_then();
        self.clients
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// Clients currently tracked.
    pub fn tracked(&self) -> usize {
        self.clients.len()
    }

    /// Drops, once a minute, the clients whose quota has refilled (the same as never seen).
    fn prune_now_and_then(&self) {
        let now = self.clock.now();
        let mut pruned = self
            .pruned
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if Duration::from(now.duration_since(*pruned)) >= PRUNE_EVERY {
            self.clients.retain_recent();
            *pruned = now;
        }
    }
}

/// Adds the limit to `router` when it is on (a no-op otherwise).
pub fn apply(router: Router, limit: RateLimit) -> Router {
    match Limiter::new(limit) {
        Some(limiter) => router.layer(axum::middleware::from_fn_with_state(
            Arc::new(limiter),
            enforce,
        )),
        None => router,
    }
}

/// The client of a request: the socket's peer, or the first `X-Forwarded-For` hop when trusted.
/// Requests with neither (in-process tests) share one bucket.
pub fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, trust_forwarded: bool) -> IpAddr {
    let forwarded = trust_forwarded
        .then(|| headers.get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|value| value.split(',').next())
        .and_then(|hop| hop.trim().parse::<IpAddr>().ok());
    forwarded
        .or(peer.map(|peer| peer.ip()))
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

async fn enforce(State(limiter): State<Arc<Limiter>>, request: Request, next: Next) -> Response {
    if !SIGNING_PATHS.contains(&request.uri().path()) {
        return next.run(request).await;
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0);
    let client = client_ip(request.headers(), peer, limiter.limit.trust_forwarded);
    match limiter.check(client) {
        Ok(()) => next.run(request).await,
        Err(wait) => too_many(limiter.limit, wait),
    }
}

fn too_many(limit: RateLimit, wait: Duration) -> Response {
    let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
    let error = ApiError::new(
        ErrorKind::RateLimited,
        format!(
            "too many signing requests from this client: at most {} per second (bursts of {})",
            limit.per_second,
            limit.burst.max(1)
        ),
    )
    .with_hint(format!(
        "retry after {seconds} s; a page needs one wx.config per load (the limit is SIGN_RATE_LIMIT / SIGN_RATE_BURST)"
    ));
    let mut response = HttpError(error).into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    fn limiter(per_second: u32, burst: u32) -> (Limiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        let limit = RateLimit {
            per_second,
            burst,
            trust_forwarded: false,
        };
        (Limiter::with_clock(limit, clock.clone()).unwrap(), clock)
    }

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn a_burst_passes_then_the_rate_refills_it() {
        let (limiter, clock) = limiter(2, 3);
        for _ in 0..3 {
            assert!(limiter.check(A).is_ok());
        }
        let wait = limiter.check(A).unwrap_err();
        assert_eq!(wait, Duration::from_millis(500));
        assert!(limiter.check(B).is_ok(), "clients are independent");
        clock.advance(Duration::from_millis(500));
        assert!(limiter.check(A).is_ok());
        assert!(limiter.check(A).is_err());
    }

    #[test]
    fn idle_clients_are_pruned() {
        let (limiter, clock) = limiter(10, 5);
        limiter.check(A).unwrap();
        assert_eq!(limiter.tracked(), 1);
        clock.advance(PRUNE_EVERY);
        limiter.check(B).unwrap();
        assert_eq!(limiter.tracked(), 1, "A refilled long ago and was dropped");
    }

    #[test]
    fn no_limiter_when_the_limit_is_off() {
        let off = RateLimit {
            per_second: 0,
            burst: 10,
            trust_forwarded: false,
        };
        assert!(Limiter::new(off).is_none());
    }

    #[test]
    fn the_forwarded_hop_counts_only_when_trusted() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.7, 10.0.0.9".parse().unwrap());
        let peer = Some(SocketAddr::from((A, 4000)));
        assert_eq!(client_ip(&headers, peer, false), A);
        assert_eq!(
            client_ip(&headers, peer, true),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        headers.insert("x-forwarded-for", "garbage".parse().unwrap());
        assert_eq!(client_ip(&headers, peer, true), A);
    }
}
