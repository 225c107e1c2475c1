//! What a phone fetches once: versioned assets and hashed `/pkg/` files cached for a year,
//! pages without an island free of wasm, the language chosen by a plain link.

mod common;

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

const YEAR: &str = "public, max-age=31536000, immutable";

/// A router over a site root holding `assets/sim/a.js` and a hashed wasm under `pkg/`.
struct Site {
    router: Router,
    version: String,
    root: tempfile::TempDir,
    _state_dir: tempfile::TempDir,
    _background: server::wechat_setup::Background,
}

async fn site(hash_files: bool) -> Site {
    let root = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(root.path().join("assets/sim")).unwrap();
    std::fs::create_dir_all(root.path().join("pkg")).unwrap();
    std::fs::write(root.path().join("assets/sim/a.js"), "console.log('a')").unwrap();
    std::fs::write(
        root.path().join("pkg/app.0123456789abcdefghijkl.wasm"),
        b"\0asm",
    )
    .unwrap();
    let state_dir = tempfile::tempdir().unwrap();
    let options = LeptosOptions::builder()
        .output_name("wechat-playground")
        .site_root(root.path().to_str().unwrap())
        .hash_files(hash_files)
        .build();
    let config = common::settings(state_dir.path(), &[]);
    let (state, background) = server::router::state_with_options(&config, options)
        .await
        .unwrap();
    let version = state.settings.asset_version.clone();
    Site {
        router: server::router::router(state),
        version,
        root,
        _state_dir: state_dir,
        _background: background,
    }
}

struct Got {
    status: StatusCode,
    cache: Option<String>,
    cookie: Option<String>,
    body: String,
}

async fn get(router: &Router, uri: &str) -> Got {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &header::HeaderValue| v.to_str().unwrap().to_owned())
    };
    let (status, cache, cookie) = (
        response.status(),
        header(header::CACHE_CONTROL),
        header(header::SET_COOKIE),
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Got {
        status,
        cache,
        cookie,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

#[tokio::test]
async fn an_asset_at_this_servers_version_is_cached_for_a_year_and_another_is_revalidated() {
    let site = site(true).await;
    assert_eq!(site.version.len(), 12);
    let current = get(
        &site.router,
        &format!("/assets/v/{}/sim/a.js", site.version),
    )
    .await;
    assert_eq!(current.status, StatusCode::OK);
    assert_eq!(current.body, "console.log('a')");
    assert_eq!(current.cache.as_deref(), Some(YEAR));
    let stale = get(&site.router, "/assets/v/000000000000/sim/a.js").await;
    assert_eq!(stale.status, StatusCode::OK);
    assert_eq!(stale.cache.as_deref(), Some("no-cache"));
    let missing = get(
        &site.router,
        &format!("/assets/v/{}/sim/b.js", site.version),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let outside = get(
        &site.router,
        &format!(
            "/assets/v/{}/../pkg/app.0123456789abcdefghijkl.wasm",
            site.version
        ),
    )
    .await;
    assert_ne!(
        outside.status,
        StatusCode::OK,
        "nothing outside assets/ through this route"
    );
}

#[tokio::test]
async fn the_version_changes_with_any_asset() {
    let site = site(true).await;
    let assets = site.root.path().join("assets");
    let extra = server::simulator_api::catalog_script_text();
    let before = server::static_assets::asset_version(&assets, extra).unwrap();
    assert_eq!(before, site.version);
    std::fs::write(assets.join("sim/a.js"), "console.log('b')").unwrap();
    let after = server::static_assets::asset_version(&assets, extra).unwrap();
    assert_ne!(before, after);
    assert_ne!(
        server::static_assets::asset_version(&assets, "another catalog").unwrap(),
        after
    );
}

#[tokio::test]
async fn pkg_files_are_cached_for_a_year_only_when_their_names_carry_their_hash() {
    let hashed = site(true).await;
    let got = get(&hashed.router, "/pkg/app.0123456789abcdefghijkl.wasm").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.cache.as_deref(), Some(YEAR));
    let plain = site(false).await;
    let got = get(&plain.router, "/pkg/app.0123456789abcdefghijkl.wasm").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.cache, None);
}

#[tokio::test]
async fn the_catalog_script_is_cached_for_a_year_at_the_pages_version() {
    let site = site(true).await;
    let versioned = get(
        &site.router,
        &format!("/api/sim/catalog.js?v={}", site.version),
    )
    .await;
    assert_eq!(versioned.cache.as_deref(), Some(YEAR));
    assert!(versioned.body.contains("__wxSimCatalog"));
    let plain = get(&site.router, "/api/sim/catalog.js").await;
    assert_eq!(plain.cache.as_deref(), Some("no-cache"));
}

/// Which wasm a page loads: none, the category runtime, or the Leptos bundle for its islands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wasm {
    None,
    Runtime,
    Islands,
}

#[tokio::test]
async fn each_page_loads_only_the_wasm_it_needs_and_names_the_asset_version() {
    let site = site(false).await;
    for (path, wasm) in [
        ("/", Wasm::None),
        ("/qa/reports", Wasm::None),
        ("/control", Wasm::None),
        ("/basic", Wasm::Runtime),
        ("/images?api=chooseImage&count=1", Wasm::Runtime),
        ("/doctor", Wasm::Islands),
        ("/classic", Wasm::Islands),
    ] {
        let page = get(&site.router, path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let islands = wasm == Wasm::Islands;
        assert_eq!(page.body.contains("<leptos-island"), islands, "{path}");
        assert_eq!(
            page.body.contains("/pkg/wechat-playground.js"),
            islands,
            "{path}: the Leptos bundle's glue"
        );
        let runtime = format!("/assets/v/{}/runtime/category_bg.wasm", site.version);
        assert_eq!(
            page.body.contains(&runtime),
            wasm == Wasm::Runtime,
            "{path}: the category runtime, at the asset version"
        );
        assert_eq!(
            page.body.contains("type=\"module\""),
            wasm != Wasm::None,
            "{path}: the wasm's module script"
        );
        assert_eq!(page.body.contains(".wasm"), wasm != Wasm::None, "{path}");
        assert!(
            page.body
                .contains(&format!("data-asset-version=\"{}\"", site.version)),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_language_is_chosen_by_the_query_and_remembered() {
    let site = site(false).await;
    let english = get(&site.router, "/qa/reports?lang=en").await;
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(english.body.contains("href=\"/qa/reports?lang=zh\""));
    let cookie = english.cookie.expect("the choice is remembered");
    assert!(
        cookie.starts_with("lang=en;") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );
    let unknown = get(&site.router, "/qa/reports?lang=fr").await;
    assert!(unknown.body.contains("<html lang=\"zh-CN\""));
    assert_eq!(unknown.cookie, None);
}
