//! Forced refreshes stop at the daily fetch limit (this instance's count, with a local store).

mod common;

use common::{service_for, Rig};
use std::sync::Arc;
use std::time::Duration;
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{
    CredentialKind, CredentialService, DailyLimits, MemoryStore, ServiceOptions,
};
use wechat::Error;

fn limited(rig: &Rig, limits: DailyLimits) -> CredentialService {
    let client = wechat::client::WechatClient::new(common::test_client_config(&rig.fake.base_url))
        .expect("client");
    let options = ServiceOptions {
        clock: Arc::new(rig.clock.clone()),
        min_forced_refresh_interval: Duration::ZERO,
        daily_limits: limits,
        ..ServiceOptions::default()
    };
    CredentialService::with_options(client, Arc::new(MemoryStore::default()), options)
}

#[tokio::test]
async fn a_forced_ticket_refresh_beyond_the_daily_limit_is_refused_and_the_ticket_kept() {
    let rig = Rig::new().await;
    let service = limited(
        &rig,
        DailyLimits {
            jsapi_ticket: 2,
            ..DailyLimits::default()
        },
    );
    let first = service.ticket(TicketKind::Jsapi).await.unwrap();
    rig.clock.advance(1);
    assert!(service
        .force_refresh(CredentialKind::JsapiTicket)
        .await
        .unwrap());
    let second = service.ticket(TicketKind::Jsapi).await.unwrap();
    assert_ne!(first, second);
    rig.clock.advance(1);
    let refused = service
        .force_refresh(CredentialKind::JsapiTicket)
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        Error::DailyLimitReached {
            kind: CredentialKind::JsapiTicket,
            used: 2,
            limit: 2
        }
    ));
    assert!(!refused.is_client_error());
    assert!(refused.hint().contains("midnight"), "{}", refused.hint());
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 2);
    assert_eq!(service.ticket(TicketKind::Jsapi).await.unwrap(), second);
    let quota = service.quota().await;
    assert_eq!((quota[1].used, quota[1].limit), (2, 2));
    // The access_token has its own budget.
    assert!(service
        .force_refresh(CredentialKind::AccessToken)
        .await
        .unwrap());
}

#[tokio::test]
async fn the_default_limits_are_the_documented_2000_a_day() {
    let rig = Rig::new().await;
    let service = service_for(
        &rig.fake,
        &rig.clock,
        |config| config,
        Arc::new(MemoryStore::default()),
    );
    service.access_token().await.unwrap();
    let quota = service.quota().await;
    assert_eq!(quota[0].kind, CredentialKind::AccessToken);
    assert_eq!((quota[0].used, quota[0].limit), (1, 2000));
    assert_eq!(
        DailyLimits::default().of(CredentialKind::WxCardTicket),
        2000
    );
}
