//! A WeChat JS-SDK signing endpoint with this crate: `GET /sign?url=<page URL>` answers
//! `{appId, timestamp, nonceStr, signature, url}`, the contract of `snippets/server/README.md`.
//! `CredentialService` caches the access_token and the jsapi_ticket (single-flight, renewed
//! `refresh_margin` before expiry, a refused token renewed once); `js_config` cuts the
//! `#fragment` and refuses what cannot be signed.
//! `WECHAT_APP_ID=… WECHAT_APP_SECRET=… cargo run -p wechat-jssdk --example axum_signer`, then
//! `curl 'http://127.0.0.1:8080/sign?url=https://example.com/a'`.

use axum::{
    extract::{Query, State},
    http::StatusCode,
    routing::get,
    Json, Router,
};
use serde_json::{json, Value};
use std::{collections::HashMap, sync::Arc};
use wechat::client::{ClientConfig, WechatClient, DEFAULT_BASE_URL};
use wechat::credentials::{CredentialService, MemoryStore};
use wechat::{page_url::SafeDomains, Secret};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    let (Some(app_id), Some(secret)) = (var("WECHAT_APP_ID"), var("WECHAT_APP_SECRET")) else {
        return Err("set WECHAT_APP_ID and WECHAT_APP_SECRET".into());
    };
    let base_url = var("WECHAT_API_BASE").unwrap_or_else(|| DEFAULT_BASE_URL.into());
    let address = format!("127.0.0.1:{}", var("PORT").as_deref().unwrap_or("8080"));
    let config = ClientConfig::new(app_id, Secret::new(secret)).with_base_url(&base_url);
    let service =
        CredentialService::new(WechatClient::new(config)?, Arc::new(MemoryStore::default()));
    let app = Router::new()
        .route("/sign", get(sign))
        .with_state(Arc::new(service));
    println!("signing on http://{address}/sign");
    axum::serve(tokio::net::TcpListener::bind(&address).await?, app).await?;
    Ok(())
}

async fn sign(
    State(service): State<Arc<CredentialService>>,
    Query(query): Query<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    let url = query.get("url").map_or("", String::as_str);
    match service
        .js_config(url, &SafeDomains::any(), vec![], vec![], false)
        .await
    {
        Ok(signed) => {
            let config = signed.config;
            let answer = json!({"appId": config.app_id, "timestamp": config.timestamp,
                "nonceStr": config.nonce_str, "signature": config.signature, "url": signed.url});
            (StatusCode::OK, Json(answer))
        }
        // The messages say what to fix and never contain the secret, the token or the ticket.
        Err(error) if error.is_client_error() => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": error.to_string()})),
        ),
        Err(error) => {
            let message = match error.errcode() {
                Some(errcode) => format!("WeChat errcode {errcode}: {error}"),
                None => error.to_string(),
            };
            (StatusCode::BAD_GATEWAY, Json(json!({"error": message})))
        }
    }
}
