//! Credentials are renewed before they expire, without making requests wait.

mod common;

use common::{until_fetches, Rig, RENEWABLE, START};
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{CredentialKind, Phase};
use wechat::page_url::SafeDomains;

fn phase(service: &wechat::credentials::CredentialService, kind: CredentialKind) -> Option<Phase> {
    service
        .status()
        .into_iter()
        .find(|status| status.kind == kind)
        .and_then(|status| status.phase)
}

#[tokio::test]
async fn the_refresher_renews_before_expiry_so_requests_never_wait() {
    let rig = Rig::new().await;
    let old_ticket = rig.service.ticket(TicketKind::Jsapi).await.unwrap();
    let refresher = rig.service.spawn_refresher();

    rig.clock.set(RENEWABLE - 1);
    assert_eq!(rig.fake.calls(Endpoint::Token), 1, "nothing due yet");
    rig.clock.set(RENEWABLE);
    until_fetches(&rig.service, |service| {
        phase(service, CredentialKind::AccessToken) == Some(Phase::Fresh)
            && phase(service, CredentialKind::JsapiTicket) == Some(Phase::Fresh)
    })
    .await;
    assert_eq!(rig.fake.calls(Endpoint::Token), 2);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert_eq!(
        rig.fake.calls(Endpoint::WxCardTicket),
        0,
        "a ticket never asked for is not renewed"
    );

    let before = rig.service.stats();
    let config = rig
        .service
        .js_config(
            "https://example.com/",
            &SafeDomains::any(),
            vec![],
            vec![],
            false,
        )
        .await
        .unwrap();
    assert!(rig.fake.js_config_is_valid(&config));
    assert_ne!(
        rig.service.ticket(TicketKind::Jsapi).await.unwrap(),
        old_ticket
    );
    let after = rig.service.stats();
    assert_eq!(after.misses, before.misses, "no request waited");
    assert_eq!(
        after.stale_hits, before.stale_hits,
        "no request saw a credential due for renewal"
    );
    assert_eq!(after.hits, before.hits + 2);
    refresher.abort();
}

#[tokio::test]
async fn the_refresher_keeps_renewing_cycle_after_cycle() {
    let rig = Rig::new().await;
    rig.service.access_token().await.unwrap();
    let _refresher = rig.service.spawn_refresher();
    for cycle in 1..=3u64 {
        rig.clock.set(START + cycle * 6900);
        until_fetches(&rig.service, |_| {
            rig.fake.calls(Endpoint::Token) == cycle + 1
        })
        .await;
    }
    assert_eq!(
        phase(&rig.service, CredentialKind::AccessToken),
        Some(Phase::Fresh)
    );
}

#[tokio::test]
async fn a_renewable_credential_is_served_while_its_renewal_is_in_flight() {
    let rig = Rig::new().await;
    let old_ticket = rig.service.ticket(TicketKind::Jsapi).await.unwrap();
    let hold = rig.fake.hold(Endpoint::JsapiTicket);
    rig.clock.set(RENEWABLE);

    // The first request starts the renewal and is answered at once from the valid ticket.
    let first = rig
        .service
        .js_config(
            "https://example.com/a",
            &SafeDomains::any(),
            vec![],
            vec![],
            false,
        )
        .await
        .unwrap();
    hold.arrivals(1).await;
    for n in 0..20 {
        let config = rig
            .service
            .js_config(
                &format!("https://example.com/{n}"),
                &SafeDomains::any(),
                vec![],
                vec![],
                false,
            )
            .await
            .unwrap();
        assert!(rig.fake.js_config_is_valid(&config));
    }
    assert!(rig.fake.js_config_is_valid(&first));
    assert_eq!(
        rig.service.ticket(TicketKind::Jsapi).await.unwrap(),
        old_ticket
    );
    assert!(rig.service.status()[1].refreshing);
    assert_eq!(
        rig.fake.calls(Endpoint::JsapiTicket),
        2,
        "one renewal, however many requests"
    );

    hold.release();
    until_fetches(&rig.service, |service| {
        phase(service, CredentialKind::JsapiTicket) == Some(Phase::Fresh)
    })
    .await;
    assert_ne!(
        rig.service.ticket(TicketKind::Jsapi).await.unwrap(),
        old_ticket
    );
}

#[tokio::test]
async fn a_short_lifetime_from_stable_token_still_gets_a_positive_margin() {
    use wechat::client::TokenMode;
    let rig = Rig::with_client(|mut config| {
        config.token_mode = TokenMode::Stable;
        config
    })
    .await;
    // Another caller obtained the stable token long ago: we get what is left of it.
    rig.fake.rotate_token();
    rig.clock.advance(7200 - 400);
    rig.service.access_token().await.unwrap();
    let status = rig.service.status().into_iter().next().unwrap();
    assert_eq!(status.expires_at, Some(rig.clock_now() + 400));
    assert_eq!(status.refresh_at, Some(rig.clock_now() + 360));
    assert_eq!(rig.fake.calls(Endpoint::StableToken), 1);
}

trait ClockNow {
    fn clock_now(&self) -> u64;
}

impl ClockNow for Rig {
    fn clock_now(&self) -> u64 {
        use wechat::clock::Clock;
        self.clock.now()
    }
}

#[tokio::test]
async fn forced_refreshes_are_at_most_one_per_interval() {
    let rig = Rig::new().await;
    let force = || rig.service.force_refresh(CredentialKind::JsapiTicket);
    rig.service.ticket(TicketKind::Jsapi).await.unwrap();
    assert!(force().await.unwrap(), "the first forced refresh fetches");
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert!(
        !force().await.unwrap(),
        "a second one within the interval does not"
    );
    rig.clock.advance(59);
    assert!(!force().await.unwrap());
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    rig.clock.advance(1);
    assert!(
        force().await.unwrap(),
        "the interval is counted from the last forced refresh"
    );
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 3);
}

#[tokio::test]
async fn concurrent_forced_refreshes_fetch_once_and_only_one_says_so() {
    let rig = Rig::new().await;
    rig.service.ticket(TicketKind::Jsapi).await.unwrap();
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let service = rig.service.clone();
        set.spawn(async move { service.force_refresh(CredentialKind::JsapiTicket).await });
    }
    let answers: Vec<bool> = set
        .join_all()
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(answers.iter().filter(|a| **a).count(), 1, "{answers:?}");
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
}
