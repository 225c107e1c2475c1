//! Your page's signing endpoint in about 20 lines: `GET /sign?url=<location.href>` answers
//! `{config, url}`, `config` ready for `wx.config`. With `WECHAT_APP_ID` and
//! `WECHAT_APP_SECRET` it asks WeChat; without, the fake WeChat API.
//! `cargo run -p wechat --features fake --example axum_signer`, then
//! `curl 'http://127.0.0.1:8080/sign?url=https://example.com/a'`.

use axum::{
    extract::{Query, State},
    http::StatusCode,
    routing::get,
    Json, Router,
};
use std::{collections::HashMap, sync::Arc};
use wechat::{client::*, credentials::*, page_url::SafeDomains, signature::jsapi::SignedJsConfig};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake; // the fake WeChat API, kept running while there are no credentials
    let config = match (
        std::env::var("WECHAT_APP_ID"),
        std::env::var("WECHAT_APP_SECRET"),
    ) {
        (Ok(id), Ok(secret)) => ClientConfig::new(id, wechat::Secret::new(secret)),
        _ => {
            fake = wechat::fake::FakeWechat::spawn(wechat::fake::FakeConfig::sandbox()).await?;
            ClientConfig::sandbox(&fake.base_url)
        }
    };
    let service =
        CredentialService::new(WechatClient::new(config)?, Arc::new(MemoryStore::default()));
    let app = Router::new()
        .route("/sign", get(sign))
        .with_state(Arc::new(service));
    axum::serve(tokio::net::TcpListener::bind("127.0.0.1:8080").await?, app).await?;
    Ok(())
}

async fn sign(
    State(service): State<Arc<CredentialService>>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<SignedJsConfig>, (StatusCode, String)> {
    let url = query
        .get("url")
        .ok_or((StatusCode::BAD_REQUEST, "?url= is required".into()))?;
    let apis = vec!["chooseImage".into(), "updateAppMessageShareData".into()];
    let signed = service
        .js_config(url, &SafeDomains::any(), apis, vec![], false)
        .await;
    signed
        .map(Json)
        .map_err(|error| (StatusCode::BAD_REQUEST, error.to_string()))
}
