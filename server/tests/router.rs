//! The router, driven in-process with `oneshot`: pages render, errors map to statuses.

mod common;

use axum::{
    body::Body,
    http::{Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The router plus what keeps its sandbox alive; state goes to a fresh temp dir.
struct TestApp {
    router: Router,
    _background: server::wechat_setup::Background,
    _state_dir: tempfile::TempDir,
}

async fn app(args: &[&str]) -> TestApp {
    let state_dir = tempfile::tempdir().unwrap();
    let (router, background) = common::router(state_dir.path(), args).await;
    TestApp {
        router,
        _background: background,
        _state_dir: state_dir,
    }
}

async fn get(app: TestApp, uri: &str) -> (StatusCode, String) {
    let response = app
        .router
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_check_answers_ok() {
    let (status, body) = get(app(&[]).await, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "ok");
}

#[tokio::test]
async fn home_is_server_rendered_with_categories_and_sandbox_banner() {
    let (status, body) = get(app(&[]).await, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("id=\"categories\""), "{body}");
    assert!(body.contains("href=\"/images\""));
    assert!(body.contains("data-mode=\"sandbox\""));
    // Nothing on it is interactive: no wasm glue (tests/static_assets.rs has the pages that do).
    assert!(!body.contains("/pkg/wechat-playground.js"));
}

#[tokio::test]
async fn english_cookie_renders_english_on_the_server() {
    let response = app(&[])
        .await
        .router
        .oneshot(
            Request::get("/")
                .header("cookie", "lang=en")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("WeChat JS-SDK Playground"));
}

#[tokio::test]
async fn live_mode_shows_the_app_id_and_never_the_secret() {
    let secret = "CANARYsecret0123456789abcdefABCD";
    let (_, body) = get(
        app(&["--app-id", "wx1234567890abcdef", "--app-secret", secret]).await,
        "/",
    )
    .await;
    assert!(body.contains("data-mode=\"live\""));
    assert!(body.contains("wx1234567890abcdef"));
    assert!(!body.contains(secret));
}

#[tokio::test]
async fn unknown_page_is_404() {
    let (status, _) = get(app(&[]).await, "/no-such-category").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn category_page_renders_its_buttons() {
    let (status, body) = get(app(&[]).await, "/images").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("id=\"chooseImage\""));
}

/// Building a router while another thread renders a page must not stall that page: Leptos
/// suspends resource loading process-wide while it generates a route list (leptos #4773), so
/// the server generates it once per process. Each side runs on a runtime of its own, as
/// parallel tests do.
#[test]
fn pages_render_while_other_routers_are_built() {
    let builder = std::thread::spawn(|| {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        for _ in 0..30 {
            let app = runtime.block_on(app(&[]));
            drop(app);
        }
    });
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for round in 0..30 {
        let (status, body) = runtime
            .block_on(async {
                tokio::time::timeout(std::time::Duration::from_secs(15), async {
                    get(app(&[]).await, "/").await
                })
                .await
            })
            .unwrap_or_else(|_| panic!("round {round}: the home page never finished rendering"));
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("data-mode=\"sandbox\""), "round {round}");
    }
    builder.join().unwrap();
}
