//! One upstream fetch per credential, however many requests wait for it.

mod common;

use common::{until, Rig};
use std::sync::Arc;
use wechat::client::{Endpoint, TicketKind};
use wechat::fake::Fault;
use wechat::page_url::SafeDomains;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_cold_js_config_calls_fetch_one_token_and_one_ticket() {
    let rig = Arc::new(Rig::new().await);
    let token_hold = rig.fake.hold(Endpoint::Token);
    let calls: Vec<_> = (0..500)
        .map(|n| {
            let rig = Arc::clone(&rig);
            tokio::spawn(async move {
                rig.service
                    .js_config(
                        &format!("https://example.com/page?n={n}"),
                        &SafeDomains::any(),
                        vec!["scanQRCode".into()],
                        vec![],
                        false,
                    )
                    .await
            })
        })
        .collect();
    // The token fetch is held: all 500 requests (plus the ticket fetch waiting for the token)
    // are now queued behind fetches in flight.
    token_hold.arrivals(1).await;
    until(|| rig.service.stats().misses >= 501).await;
    token_hold.release();

    for call in calls {
        let config = call.await.unwrap().expect("every waiter gets the result");
        assert!(rig.fake.js_config_is_valid(&config), "{config:?}");
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
    let stats = rig.service.stats();
    assert_eq!(stats.misses, 501);
    assert_eq!(stats.refreshes, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_waiter_gets_the_error_of_the_one_failed_fetch() {
    let rig = Arc::new(Rig::new().await);
    rig.fake.inject(
        Endpoint::Token,
        Fault::Errcode {
            errcode: 45009,
            errmsg: None,
        },
        1,
    );
    let hold = rig.fake.hold(Endpoint::Token);
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let rig = Arc::clone(&rig);
            tokio::spawn(async move { rig.service.access_token().await })
        })
        .collect();
    hold.arrivals(1).await;
    until(|| rig.service.stats().misses >= 50).await;
    hold.release();
    for call in calls {
        assert_eq!(call.await.unwrap().unwrap_err().errcode(), Some(45009));
    }
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
}

#[tokio::test]
async fn second_refresh_waits_for_the_first() {
    let rig = Rig::new().await;
    let hold = rig.fake.hold(Endpoint::Token);
    let first = tokio::spawn({
        let service = rig.service.clone();
        async move { service.access_token().await }
    });
    hold.arrivals(1).await;
    let second = tokio::spawn({
        let service = rig.service.clone();
        async move { service.access_token().await }
    });
    until(|| rig.service.stats().misses == 2).await;
    assert!(
        !second.is_finished(),
        "the second caller must wait for the first fetch"
    );
    hold.release();
    let (first, second) = (
        first.await.unwrap().unwrap(),
        second.await.unwrap().unwrap(),
    );
    assert_eq!(first, second);
    assert_eq!(rig.fake.calls(Endpoint::Token), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_rejections_of_the_same_token_fetch_one_new_token() {
    let rig = Rig::new().await;
    let stale = rig.service.access_token().await.unwrap();
    // Both ticket fetches reach WeChat with the same token, then both are refused.
    let jsapi_hold = rig.fake.hold(Endpoint::JsapiTicket);
    let card_hold = rig.fake.hold(Endpoint::WxCardTicket);
    let jsapi = tokio::spawn({
        let service = rig.service.clone();
        async move { service.ticket(TicketKind::Jsapi).await }
    });
    let card = tokio::spawn({
        let service = rig.service.clone();
        async move { service.ticket(TicketKind::WxCard).await }
    });
    jsapi_hold.arrivals(1).await;
    card_hold.arrivals(1).await;
    let refused = Fault::Errcode {
        errcode: 40001,
        errmsg: None,
    };
    rig.fake.inject(Endpoint::JsapiTicket, refused.clone(), 1);
    rig.fake.inject(Endpoint::WxCardTicket, refused, 1);
    jsapi_hold.release();
    card_hold.release();

    jsapi.await.unwrap().expect("jsapi ticket after one retry");
    card.await.unwrap().expect("wx_card ticket after one retry");
    assert_eq!(
        rig.fake.calls(Endpoint::Token),
        2,
        "one initial token, exactly one new"
    );
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert_eq!(rig.fake.calls(Endpoint::WxCardTicket), 2);
    assert_eq!(rig.service.stats().invalidations, 1);
    assert_ne!(rig.service.access_token().await.unwrap(), stale);
}
