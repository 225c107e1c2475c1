//! Builds the WeChat side of the server: the real API with credentials, or the
//! embedded fake on loopback (sandbox mode), behind the same client over real HTTP.

use crate::config::Config;
use app::wechat_gateway::WechatGateway;
use std::sync::Arc;
use thiserror::Error;
use wechat::{
    client::{ClientBuildError, ClientConfig, TokenMode, WechatClient},
    credentials::{
        CredentialService, CredentialStore, FileStore, RedisOptions, RedisStore, ServiceOptions,
        StoreError,
    },
    fake::{FakeConfig, FakeHandle, FakeWechat},
    Secret,
};

/// Why the WeChat side could not start.
#[derive(Debug, Error)]
pub enum SetupError {
    #[error("cannot start the sandbox's fake WeChat API on loopback: {0}")]
    Sandbox(std::io::Error),
    #[error("cannot build the WeChat API client: {0}")]
    Client(#[from] ClientBuildError),
    #[error("cannot use REDIS_URL: {0}")]
    Redis(StoreError),
}

/// What must live as long as the server: the sandbox's fake API and the refresher.
pub struct Background {
    /// The embedded fake WeChat API (sandbox mode only).
    pub sandbox: Option<Arc<FakeHandle>>,
    refresher: tokio::task::JoinHandle<()>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.refresher.abort();
    }
}

/// Starts the credential service for `config` and returns the gateway pages use.
pub async fn start(config: &Config) -> Result<(WechatGateway, Background), SetupError> {
    let (client_config, sandbox) = match &config.credentials {
        Some(credentials) => (
            ClientConfig::new(
                credentials.app_id.clone(),
                Secret::new(credentials.app_secret.clone()),
            )
            .with_base_url(&config.api_base),
            None,
        ),
        None => {
            let fake = FakeWechat::spawn(FakeConfig::sandbox())
                .await
                .map_err(SetupError::Sandbox)?;
            tracing::info!(base_url = %fake.base_url, "sandbox: fake WeChat API on loopback");
            let client = ClientConfig::sandbox(&fake.base_url);
            (client, Some(Arc::new(fake)))
        }
    };
    let mut client_config = client_config;
    client_config.timeout = config.upstream_timeout;
    if config.stable_token {
        client_config.token_mode = TokenMode::Stable;
    }
    let client = WechatClient::new(client_config)?;
    let store = credential_store(config)?;
    // The default options throttle forced refreshes (pages' wx.error reports) to one a minute.
    let service = CredentialService::with_options(client, store, ServiceOptions::default());
    let refresher = service.spawn_refresher();
    let safe_domains = config.js_safe_domains.clone();
    Ok((
        WechatGateway::new(service, safe_domains),
        Background { sandbox, refresher },
    ))
}

/// Where credentials are kept: Redis (shared by every instance) when `REDIS_URL` is set in
/// live mode, else a file under `STATE_DIR`. The sandbox's fake API lives in its process, so
/// its credentials are never shared.
fn credential_store(config: &Config) -> Result<Arc<dyn CredentialStore>, SetupError> {
    let Some(url) = config.redis_url.as_deref() else {
        return Ok(Arc::new(FileStore::new(config.state_dir.clone())));
    };
    if config.is_sandbox() {
        tracing::warn!(
            "REDIS_URL is ignored in sandbox mode: each instance has its own fake WeChat API"
        );
        return Ok(Arc::new(FileStore::new(config.state_dir.clone())));
    }
    if config.redis_lease <= config.upstream_timeout {
        tracing::warn!(
            lease_ms = config.redis_lease.as_millis() as u64,
            timeout_secs = config.upstream_timeout.as_secs(),
            "REDIS_LEASE_MS is not longer than WECHAT_TIMEOUT_SECS: a slow WeChat call can outlive its lease and be repeated by another instance"
        );
    }
    let options = RedisOptions {
        tls: config.redis_tls.clone(),
        ..RedisOptions::with_lease(config.redis_lease)
    };
    let store = RedisStore::connect(url, options).map_err(SetupError::Redis)?;
    tracing::info!(
        lease_ms = config.redis_lease.as_millis() as u64,
        tls = url.starts_with("rediss://"),
        instance = %store.options().instance,
        "credentials are shared in Redis"
    );
    Ok(Arc::new(store))
}
