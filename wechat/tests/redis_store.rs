//! The Redis store against a real redis-server: write-if-newer, compare-and-delete, the
//! refresh lease (exclusive, released only by its holder, taken over when it expires), several
//! services sharing one fetch, and a Redis that dies and comes back.

mod common;

use common::redis_server::RedisServer;
use common::{jsapi_ticket, service_for, sign_page, Rig, PATIENCE};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::time::timeout;
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{
    CredentialKind, CredentialService, CredentialStore, DailyLimits, RedisOptions, RedisStore,
    RefreshPermit,
};
use wechat::fake::SANDBOX_APP_ID;
use wechat::{Error, Secret};

const APP: &str = "wx_test_app";

fn options(instance: &str, lease_ms: u64, wait_ms: u64) -> RedisOptions {
    RedisOptions {
        instance: instance.to_owned(),
        lease: Duration::from_millis(lease_ms),
        wait: Duration::from_millis(wait_ms),
        poll: Duration::from_millis(10),
        ..RedisOptions::default()
    }
}

fn store(redis: &RedisServer, instance: &str) -> Arc<RedisStore> {
    Arc::new(RedisStore::connect(&redis.url(), options(instance, 5_000, 10_000)).unwrap())
}

#[tokio::test]
async fn an_older_credential_never_overwrites_a_newer_one() {
    let redis = RedisServer::start();
    let store = store(&redis, "a");
    assert!(store.save(APP, &jsapi_ticket("new", 200)).await.unwrap());
    assert!(!store.save(APP, &jsapi_ticket("old", 100)).await.unwrap());
    assert!(store.save(APP, &jsapi_ticket("newer", 300)).await.unwrap());
    let kept = store.load(APP, CredentialKind::JsapiTicket).await.unwrap();
    assert_eq!(kept, Some(jsapi_ticket("newer", 300)));
    // Another instance reads the same.
    let other = self::store(&redis, "b");
    assert_eq!(
        other.load(APP, CredentialKind::JsapiTicket).await.unwrap(),
        Some(jsapi_ticket("newer", 300))
    );
}

#[tokio::test]
async fn invalidate_deletes_only_the_refused_value() {
    let redis = RedisServer::start();
    let store = store(&redis, "a");
    store.save(APP, &jsapi_ticket("current", 10)).await.unwrap();
    let stale = Secret::new("stale");
    assert!(!store
        .invalidate(APP, CredentialKind::JsapiTicket, &stale)
        .await
        .unwrap());
    assert!(store
        .load(APP, CredentialKind::JsapiTicket)
        .await
        .unwrap()
        .is_some());
    let current = Secret::new("current");
    assert!(store
        .invalidate(APP, CredentialKind::JsapiTicket, &current)
        .await
        .unwrap());
    assert_eq!(
        store.load(APP, CredentialKind::JsapiTicket).await.unwrap(),
        None
    );
}

#[tokio::test]
async fn apps_and_kinds_have_their_own_keys() {
    let redis = RedisServer::start();
    let store = store(&redis, "a");
    store.save(APP, &jsapi_ticket("mine", 10)).await.unwrap();
    assert_eq!(
        store
            .load("wx_other_app", CredentialKind::JsapiTicket)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store.load(APP, CredentialKind::AccessToken).await.unwrap(),
        None
    );
    let client = redis::Client::open(redis.url()).unwrap();
    let mut connection = client.get_multiplexed_async_connection().await.unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut connection)
        .await
        .unwrap();
    assert_eq!(keys, [format!("wxpg:{APP}:jsapi_ticket")]);
    let ttl: i64 = redis::cmd("TTL")
        .arg(&keys[0])
        .query_async(&mut connection)
        .await
        .unwrap();
    assert!(
        (7000..=7260).contains(&ttl),
        "expires with the credential: {ttl}"
    );
    assert!(matches!(
        store.load("../x", CredentialKind::JsapiTicket).await,
        Err(wechat::credentials::StoreError::InvalidAppId(_))
    ));
}

#[tokio::test]
async fn while_one_instance_holds_the_lease_another_waits_and_adopts_its_result() {
    let redis = RedisServer::start();
    let (a, b) = (store(&redis, "host-a:1"), store(&redis, "host-b:2"));
    assert_eq!(
        a.begin_refresh(APP, CredentialKind::JsapiTicket)
            .await
            .unwrap(),
        RefreshPermit::Proceed
    );
    assert_eq!(
        b.lease_holder(APP, CredentialKind::JsapiTicket)
            .await
            .unwrap()
            .as_deref(),
        Some("host-a:1")
    );
    let waiter = tokio::spawn({
        let b = Arc::clone(&b);
        async move { b.begin_refresh(APP, CredentialKind::JsapiTicket).await }
    });
    common::until(|| b.lease_stats().unwrap().waits == 1).await;
    assert!(!waiter.is_finished(), "b must wait while a holds the lease");
    a.save(APP, &jsapi_ticket("fetched-by-a", 50))
        .await
        .unwrap();
    a.end_refresh(APP, CredentialKind::JsapiTicket).await;
    let permit = timeout(PATIENCE, waiter).await.unwrap().unwrap().unwrap();
    assert_eq!(
        permit,
        RefreshPermit::Adopt(jsapi_ticket("fetched-by-a", 50))
    );
    let stats = b.lease_stats().unwrap();
    assert_eq!((stats.waits, stats.adopted, stats.acquired), (1, 1, 0));
    assert_eq!(
        a.lease_holder(APP, CredentialKind::JsapiTicket)
            .await
            .unwrap(),
        None,
        "the holder released its lease"
    );
}

#[tokio::test]
async fn a_dead_holders_lease_expires_and_another_instance_takes_over() {
    let redis = RedisServer::start();
    let dead = Arc::new(RedisStore::connect(&redis.url(), options("dead:1", 300, 600)).unwrap());
    let alive =
        Arc::new(RedisStore::connect(&redis.url(), options("alive:2", 300, 5_000)).unwrap());
    assert_eq!(
        dead.begin_refresh(APP, CredentialKind::AccessToken)
            .await
            .unwrap(),
        RefreshPermit::Proceed
    );
    // `dead` never ends its refresh.
    let started = Instant::now();
    let permit = alive
        .begin_refresh(APP, CredentialKind::AccessToken)
        .await
        .unwrap();
    assert_eq!(permit, RefreshPermit::Proceed);
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "taken only once the lease expired: {:?}",
        started.elapsed()
    );
    let stats = alive.lease_stats().unwrap();
    assert_eq!((stats.waits, stats.acquired, stats.timeouts), (1, 1, 0));
    assert_eq!(
        alive
            .lease_holder(APP, CredentialKind::AccessToken)
            .await
            .unwrap()
            .as_deref(),
        Some("alive:2")
    );
    // The late holder's release must not remove the new holder's lease.
    dead.end_refresh(APP, CredentialKind::AccessToken).await;
    assert_eq!(
        alive
            .lease_holder(APP, CredentialKind::AccessToken)
            .await
            .unwrap()
            .as_deref(),
        Some("alive:2")
    );
    alive.end_refresh(APP, CredentialKind::AccessToken).await;
    assert_eq!(
        alive
            .lease_holder(APP, CredentialKind::AccessToken)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn a_wait_that_runs_out_fetches_without_the_lease() {
    let redis = RedisServer::start();
    let holder = store(&redis, "holder:1");
    let impatient =
        Arc::new(RedisStore::connect(&redis.url(), options("impatient:2", 5_000, 100)).unwrap());
    holder
        .begin_refresh(APP, CredentialKind::JsapiTicket)
        .await
        .unwrap();
    assert_eq!(
        impatient
            .begin_refresh(APP, CredentialKind::JsapiTicket)
            .await
            .unwrap(),
        RefreshPermit::Proceed
    );
    assert_eq!(impatient.lease_stats().unwrap().timeouts, 1);
}

/// Services over one fake WeChat, each with its own Redis store (as separate instances).
fn services(
    rig: &Rig,
    redis: &RedisServer,
    count: usize,
) -> Vec<(CredentialService, Arc<RedisStore>)> {
    (0..count)
        .map(|n| {
            let store = store(redis, &format!("instance:{n}"));
            let shared: Arc<dyn CredentialStore> = store.clone();
            (
                service_for(&rig.fake, &rig.clock, |config| config, shared),
                store,
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_services_on_one_redis_fetch_one_token_and_one_ticket() {
    let redis = RedisServer::start();
    let rig = Rig::new().await;
    let services = services(&rig, &redis, 3);
    let calls: Vec<_> = (0..300)
        .map(|n| {
            let service = services[n % 3].0.clone();
            tokio::spawn(async move { sign_page(&service, n).await })
        })
        .collect();
    for call in calls {
        let config = call.await.unwrap().expect("signed");
        assert!(rig.fake.js_config_is_valid(&config), "{config:?}");
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
    let adopted: u64 = services
        .iter()
        .map(|(service, _)| service.stats().store_hits)
        .sum();
    assert!(adopted >= 2, "the other two services adopted: {adopted}");
    // The fetch is counted once, in Redis, and every instance reports it.
    for (service, _) in &services {
        let quota = service.quota().await;
        assert_eq!(quota[0].kind, CredentialKind::AccessToken);
        assert_eq!(quota[0].used, 1);
        assert_eq!(quota[1].used, 1);
        assert_eq!(quota[2].used, 0);
    }
}

/// Polls (bounded) until `store` answers again after Redis came back.
async fn until_reachable(store: &RedisStore) {
    timeout(PATIENCE, async {
        while store.load(APP, CredentialKind::AccessToken).await.is_err() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the store reconnects once Redis is back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_redis_down_requests_are_served_from_memory_and_a_cold_service_fetches_once() {
    let mut redis = RedisServer::start();
    let rig = Rig::new().await;
    let services = services(&rig, &redis, 2);
    let (warm, cold) = (&services[0].0, &services[1].0);
    sign_page(warm, 0).await.unwrap();
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);

    redis.kill();
    // The warm service keeps signing from memory: no upstream call.
    for n in 0..200 {
        let config = sign_page(warm, n).await.expect("served from memory");
        assert!(rig.fake.js_config_is_valid(&config));
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
    // The cold one cannot share: it fetches, once for all its concurrent requests.
    let calls: Vec<_> = (0..100)
        .map(|n| {
            let service = cold.clone();
            tokio::spawn(async move { sign_page(&service, n).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().expect("signed without Redis");
    }
    for n in 0..100 {
        sign_page(cold, n).await.unwrap();
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert!(services[1].1.lease_stats().unwrap().errors >= 1);

    // Redis comes back (empty): the next renewal is written there again.
    redis.restart();
    until_reachable(&services[0].1).await;
    rig.clock.advance(7200 - 300 + 1); // due for renewal
    warm.ticket(TicketKind::Jsapi).await.unwrap();
    let reader = store(&redis, "reader");
    let stored = timeout(PATIENCE, async {
        loop {
            if let Ok(Some(stored)) = reader
                .load(SANDBOX_APP_ID, CredentialKind::JsapiTicket)
                .await
            {
                return stored;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the renewed ticket reached Redis");
    assert_eq!(
        Some(stored.value.expose().to_owned()),
        rig.fake.latest_ticket(TicketKind::Jsapi)
    );
}

#[tokio::test]
async fn forced_refreshes_stop_at_the_daily_limit_counted_across_instances() {
    let redis = RedisServer::start();
    let rig = Rig::new().await;
    let limited = |n: usize| {
        let store: Arc<dyn CredentialStore> = store(&redis, &format!("instance:{n}"));
        let client =
            wechat::client::WechatClient::new(common::test_client_config(&rig.fake.base_url))
                .unwrap();
        let options = wechat::credentials::ServiceOptions {
            clock: Arc::new(rig.clock.clone()),
            min_forced_refresh_interval: Duration::ZERO,
            daily_limits: DailyLimits {
                access_token: 3,
                ..DailyLimits::default()
            },
            ..Default::default()
        };
        CredentialService::with_options(client, store, options)
    };
    let (a, b) = (limited(0), limited(1));
    a.access_token().await.unwrap(); // fetch 1
    rig.clock.advance(1);
    assert!(a.force_refresh(CredentialKind::AccessToken).await.unwrap()); // fetch 2
    rig.clock.advance(1);
    b.access_token().await.unwrap(); // adopted from Redis, no fetch
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert!(b.force_refresh(CredentialKind::AccessToken).await.unwrap()); // fetch 3
    rig.clock.advance(1);
    let refused = a
        .force_refresh(CredentialKind::AccessToken)
        .await
        .unwrap_err();
    assert_eq!(
        refused,
        Error::DailyLimitReached {
            kind: CredentialKind::AccessToken,
            used: 3,
            limit: 3
        }
    );
    assert!(refused.to_string().contains("3 of the 3"), "{refused}");
    assert_eq!(rig.fake.calls(Endpoint::Token), 3);
    // The token in use stays in use.
    a.access_token().await.unwrap();
    assert_eq!(rig.fake.calls(Endpoint::Token), 3);
    // The next (Beijing) day the budget is back.
    rig.clock.advance(86_400);
    assert!(a.force_refresh(CredentialKind::AccessToken).await.unwrap());
    assert_eq!(rig.fake.calls(Endpoint::Token), 4);
}

#[tokio::test(flavor = "current_thread")]
async fn an_outage_is_logged_once_without_secrets_and_so_is_the_recovery() {
    let captured = common::Captured::default();
    let _guard = captured.install();
    let mut redis = RedisServer::start();
    let store = store(&redis, "a");
    redis.kill();
    let canary = jsapi_ticket("canary-ticket-value", 10);
    assert!(store.save(APP, &canary).await.is_err());
    assert!(store.load(APP, CredentialKind::JsapiTicket).await.is_err());
    assert!(store
        .begin_refresh(APP, CredentialKind::JsapiTicket)
        .await
        .is_err());
    let logs = captured.text();
    assert_eq!(logs.matches("Redis is unreachable").count(), 1, "{logs}");
    assert!(logs.contains("ERROR"), "{logs}");
    assert!(!logs.contains("canary-ticket-value"), "{logs}");
    assert_eq!(store.lease_stats().unwrap().errors, 3);

    redis.restart();
    until_reachable(&store).await;
    assert!(store.save(APP, &canary).await.unwrap());
    let logs = captured.text();
    assert_eq!(logs.matches("Redis answers again").count(), 1, "{logs}");
    assert!(!logs.contains("canary-ticket-value"), "{logs}");
}
