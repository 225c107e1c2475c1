//! Credentials survive a restart through the state file; a bad state file never stops the service.

mod common;

use common::{Captured, Rig, START};
use std::sync::Arc;
use wechat::client::{Endpoint, TicketKind};
use wechat::credentials::{
    CredentialKind, CredentialStore, FileStore, RefreshPermit, StoreError, StoredCredential,
};
use wechat::fake::SANDBOX_APP_ID;
use wechat::page_url::SafeDomains;
use wechat::Secret;

async fn sign(
    service: &wechat::credentials::CredentialService,
) -> wechat::signature::jsapi::SignedJsConfig {
    service
        .js_config(
            "https://example.com/",
            &SafeDomains::any(),
            vec![],
            vec![],
            false,
        )
        .await
        .expect("js_config")
}

#[tokio::test]
async fn a_restart_within_validity_costs_no_upstream_call() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::with_store(Arc::new(FileStore::new(dir.path()))).await;
    sign(&rig.service).await;
    assert_eq!(
        (
            rig.fake.calls(Endpoint::Token),
            rig.fake.calls(Endpoint::JsapiTicket)
        ),
        (1, 1)
    );

    rig.clock.advance(3600);
    let restarted = rig.restart(Arc::new(FileStore::new(dir.path())));
    let config = sign(&restarted).await;
    assert!(rig.fake.js_config_is_valid(&config));
    assert_eq!(
        restarted.access_token().await.unwrap(),
        rig.service.access_token().await.unwrap()
    );
    assert_eq!(
        (
            rig.fake.calls(Endpoint::Token),
            rig.fake.calls(Endpoint::JsapiTicket)
        ),
        (1, 1)
    );
    assert_eq!(restarted.stats().store_hits, 2);
}

#[tokio::test]
async fn a_restart_after_expiry_fetches_again() {
    let dir = tempfile::tempdir().unwrap();
    let rig = Rig::with_store(Arc::new(FileStore::new(dir.path()))).await;
    sign(&rig.service).await;
    rig.clock.advance(7200);
    let restarted = rig.restart(Arc::new(FileStore::new(dir.path())));
    assert!(rig.fake.js_config_is_valid(&sign(&restarted).await));
    assert_eq!(
        (
            rig.fake.calls(Endpoint::Token),
            rig.fake.calls(Endpoint::JsapiTicket)
        ),
        (2, 2)
    );
    assert_eq!(restarted.stats().store_hits, 0);
}

#[tokio::test]
async fn a_corrupt_state_file_is_ignored_with_a_warning() {
    let logs = Captured::default();
    let _guard = logs.install();
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join(format!("credentials-{SANDBOX_APP_ID}.json"));
    std::fs::write(&path, b"{\"version\":1,\"app_id\":").unwrap();

    let rig = Rig::with_store(Arc::new(FileStore::new(dir.path()))).await;
    assert!(rig.fake.js_config_is_valid(&sign(&rig.service).await));
    assert!(
        logs.text().contains("ignoring credential state file"),
        "{}",
        logs.text()
    );
    assert!(
        logs.text().contains("not a credential file"),
        "{}",
        logs.text()
    );

    // The file was rewritten, and now serves a restart.
    let restarted = rig.restart(Arc::new(FileStore::new(dir.path())));
    sign(&restarted).await;
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn a_state_file_of_another_appid_is_ignored_with_a_warning() {
    let logs = Captured::default();
    let _guard = logs.install();
    let dir = tempfile::tempdir().unwrap();
    let foreign = serde_json::json!({
        "version": 1,
        "app_id": "wx_somebody_else",
        "credentials": [{
            "kind": "jsapi_ticket",
            "value": "FOREIGN_TICKET",
            "fetched_at": START,
            "expires_at": START + 7200
        }]
    });
    let path = dir
        .path()
        .join(format!("credentials-{SANDBOX_APP_ID}.json"));
    std::fs::write(&path, foreign.to_string()).unwrap();

    let rig = Rig::with_store(Arc::new(FileStore::new(dir.path()))).await;
    let config = sign(&rig.service).await;
    assert!(
        rig.fake.js_config_is_valid(&config),
        "signed with the fake's ticket, not the foreign one"
    );
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 1);
    assert!(logs.text().contains("belongs to appId"), "{}", logs.text());
}

/// A store whose every operation fails: the service must work from memory.
struct BrokenStore;

#[async_trait::async_trait]
impl CredentialStore for BrokenStore {
    async fn load(
        &self,
        _: &str,
        _: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        Err(StoreError::Io("disk on fire".into()))
    }
    async fn save(&self, _: &str, _: &StoredCredential) -> Result<bool, StoreError> {
        Err(StoreError::Io("disk on fire".into()))
    }
    async fn invalidate(&self, _: &str, _: CredentialKind, _: &Secret) -> Result<bool, StoreError> {
        Err(StoreError::Io("disk on fire".into()))
    }
}

#[tokio::test]
async fn a_failing_store_costs_fetches_not_availability() {
    let rig = Rig::with_store(Arc::new(BrokenStore)).await;
    assert!(rig.fake.js_config_is_valid(&sign(&rig.service).await));
    sign(&rig.service).await;
    assert_eq!(
        rig.fake.calls(Endpoint::JsapiTicket),
        1,
        "memory still caches"
    );
}

/// A store standing for a shared one where another instance holds the refresh lease and
/// hands over its fresh result.
struct LeasedElsewhere;

#[async_trait::async_trait]
impl CredentialStore for LeasedElsewhere {
    async fn load(
        &self,
        _: &str,
        _: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        Ok(None)
    }
    async fn save(&self, _: &str, _: &StoredCredential) -> Result<bool, StoreError> {
        Ok(true)
    }
    async fn invalidate(&self, _: &str, _: CredentialKind, _: &Secret) -> Result<bool, StoreError> {
        Ok(false)
    }
    async fn begin_refresh(
        &self,
        _: &str,
        kind: CredentialKind,
    ) -> Result<RefreshPermit, StoreError> {
        Ok(RefreshPermit::Adopt(StoredCredential::new(
            kind,
            Secret::new(format!("shared-{kind}")),
            START,
            7200,
        )))
    }
}

#[tokio::test]
async fn a_credential_refreshed_by_another_instance_is_adopted_without_fetching() {
    let rig = Rig::with_store(Arc::new(LeasedElsewhere)).await;
    let ticket = rig.service.ticket(TicketKind::Jsapi).await.unwrap();
    assert_eq!(ticket.expose(), "shared-jsapi_ticket");
    assert_eq!(rig.fake.calls(Endpoint::JsapiTicket), 0);
    assert_eq!(rig.fake.calls(Endpoint::Token), 0);
}
