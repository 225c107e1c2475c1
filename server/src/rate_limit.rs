//! A per-client rate limit on the signing endpoints: a token bucket per client IP, refilled at
//! `SIGN_RATE_LIMIT` requests per second up to `SIGN_RATE_BURST`. Over the limit a client gets
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
use leptos::server_fn::ServerFn;
use std::{
    collections::HashMap,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// The endpoints that cost a credential lookup and a signature: the ones limited. Read from
/// the server functions themselves, so a renamed endpoint cannot slip out of the limit.
pub const SIGNING_PATHS: [&str; 5] = [
    <signing::JsConfig as ServerFn>::PATH,
    <signing::CardExt as ServerFn>::PATH,
    <signing::CardSign as ServerFn>::PATH,
    <signing::PaySign as ServerFn>::PATH,
    <signing::DecryptCardCode as ServerFn>::PATH,
];

/// How often idle buckets are dropped.
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
        self.per_second > 0
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// The buckets of every client seen recently.
#[derive(Debug)]
pub struct Limiter {
    limit: RateLimit,
    state: Mutex<Buckets>,
}

#[derive(Debug)]
struct Buckets {
    clients: HashMap<IpAddr, Bucket>,
    pruned: Instant,
}

impl Limiter {
    /// A limiter with no client seen yet.
    pub fn new(limit: RateLimit) -> Self {
        Self {
            limit,
            state: Mutex::new(Buckets {
                clients: HashMap::new(),
                pruned: Instant::now(),
            }),
        }
    }

    /// Takes one token for `client` at `now`; `Err(wait)` when its bucket is empty.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        let rate = f64::from(self.limit.per_second);
        let burst = f64::from(self.limit.burst.max(1));
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if now.saturating_duration_since(state.pruned) >= PRUNE_EVERY {
            // A bucket that has refilled completely is the same as no bucket.
            state.clients.retain(|_, bucket| {
                bucket.tokens + now.saturating_duration_since(bucket.updated).as_secs_f64() * rate
                    < burst
            });
            state.pruned = now;
        }
        let bucket = state.clients.entry(client).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / rate))
        }
    }

    /// Clients currently tracked.
    pub fn tracked(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .clients
            .len()
    }
}

/// Adds the limit to `router` when it is on (a no-op otherwise).
pub fn apply(router: Router, limit: RateLimit) -> Router {
    if !limit.is_on() {
        return router;
    }
    let limiter = Arc::new(Limiter::new(limit));
    router.layer(axum::middleware::from_fn_with_state(limiter, enforce))
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
    match limiter.check(client, Instant::now()) {
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

    fn limiter(per_second: u32, burst: u32) -> Limiter {
        Limiter::new(RateLimit {
            per_second,
            burst,
            trust_forwarded: false,
        })
    }

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn a_burst_passes_then_the_rate_refills_it() {
        let limiter = limiter(2, 3);
        let start = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check(A, start).is_ok());
        }
        let wait = limiter.check(A, start).unwrap_err();
        assert_eq!(wait, Duration::from_millis(500));
        assert!(limiter.check(B, start).is_ok(), "clients are independent");
        assert!(limiter.check(A, start + Duration::from_millis(500)).is_ok());
        assert!(limiter
            .check(A, start + Duration::from_millis(500))
            .is_err());
    }

    #[test]
    fn idle_clients_are_pruned() {
        let limiter = limiter(10, 5);
        let start = Instant::now();
        limiter.check(A, start).unwrap();
        assert_eq!(limiter.tracked(), 1);
        limiter.check(B, start + PRUNE_EVERY).unwrap();
        assert_eq!(limiter.tracked(), 1, "A refilled long ago and was dropped");
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
