//! The fake WeChat API as a process of its own, for a server started in live mode against it
//! (the secrets canary of `scripts/canary.sh`). It accepts the account in `FAKE_APP_ID` /
//! `FAKE_APP_SECRET`, prints `listening on http://127.0.0.1:<port>` once it serves, and adds
//! `GET /__canary/issued`: every access_token and ticket it handed out, one per line, so a
//! test can check none of them leaked.
//!
//! `FAKE_APP_ID=wx… FAKE_APP_SECRET=… cargo run -p wechat-jssdk --example fake_wechat -- [port]`

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use std::sync::{Arc, Mutex};
use wechat::fake::{FakeConfig, FakeWechat};

/// Longest answer of the fake that is inspected for issued values.
const MAX_ANSWER: usize = 64 * 1024;

type Issued = Arc<Mutex<Vec<String>>>;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::args()
        .nth(1)
        .map(|p| p.parse())
        .transpose()?
        .unwrap_or(0);
    let app_id = std::env::var("FAKE_APP_ID").map_err(|_| "FAKE_APP_ID is not set")?;
    let app_secret = std::env::var("FAKE_APP_SECRET").map_err(|_| "FAKE_APP_SECRET is not set")?;
    let fake = FakeWechat::new(FakeConfig::new(app_id, app_secret));
    let issued = Issued::default();
    let recorder = Arc::clone(&issued);
    let router = fake
        .router()
        .layer(axum::middleware::from_fn(move |request, next| {
            record(Arc::clone(&recorder), request, next)
        }))
        .route(
            "/__canary/issued",
            get(move || {
                let issued = Arc::clone(&issued);
                async move {
                    let issued = issued.lock().unwrap_or_else(|p| p.into_inner());
                    issued.join("\n")
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router).await?;
    Ok(())
}

/// Notes the `access_token` or `ticket` of every answer.
async fn record(issued: Issued, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, MAX_ANSWER).await.unwrap_or_default();
    if let Ok(answer) = serde_json::from_slice::<serde_json::Value>(&bytes) {
        for field in ["access_token", "ticket"] {
            if let Some(value) = answer[field].as_str().filter(|v| !v.is_empty()) {
                issued
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(value.to_owned());
            }
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
