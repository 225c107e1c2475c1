//! The HTTP surface: Leptos pages and server functions, the JSON tools, health check,
//! static files.

use crate::{
    catalog_api,
    config::Config,
    metrics, qa_api,
    qa_store::{ReportStore, StoreError},
    simulator_api, tools_api,
    wechat_setup::{self, Background, SetupError},
};
use app::{
    shell,
    state::{AppState, PublicSettings},
    App,
};
use axum::{
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::{Arc, OnceLock};
use thiserror::Error;
use tower_http::{compression::CompressionLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};

/// Largest request body accepted anywhere (server-function calls are small).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Why the server could not be assembled.
#[derive(Debug, Error)]
pub enum StartError {
    #[error("cannot read the Leptos configuration: {0}")]
    Leptos(String),
    #[error(transparent)]
    Wechat(#[from] SetupError),
    #[error(transparent)]
    Reports(#[from] StoreError),
    #[error("cannot use REDIS_URL for live sessions: {0}")]
    Live(String),
    #[error("cannot read the site's assets (LEPTOS_SITE_ROOT/assets): {0}")]
    Assets(String),
}

/// Builds the shared state from a validated configuration and cargo-leptos' settings.
pub async fn build_state(config: &Config) -> Result<(AppState, Background), StartError> {
    let mut leptos_options = get_configuration(None)
        .map_err(|e| StartError::Leptos(e.to_string()))?
        .leptos_options;
    // cargo-leptos (`hash-files`) leaves hash.txt beside the binary it built; however the
    // server is started, the pages then name the hashed files.
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        leptos_options.hash_files = std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.join(&*leptos_options.hash_file)))
            .is_some_and(|file| file.exists());
    }
    state_with_options(config, leptos_options).await
}

/// Builds the state with explicit Leptos options (tests build their own).
pub async fn state_with_options(
    config: &Config,
    leptos_options: LeptosOptions,
) -> Result<(AppState, Background), StartError> {
    let (wechat, background) = wechat_setup::start(config).await?;
    let qa_reports = Arc::new(ReportStore::open(&config.database_url).await?);
    let asset_version = crate::static_assets::asset_version(
        &std::path::Path::new(&*leptos_options.site_root).join("assets"),
        crate::simulator_api::catalog_script_text(),
    )
    .map_err(|e| StartError::Assets(e.to_string()))?;
    let state = AppState {
        leptos_options,
        settings: Arc::new(PublicSettings {
            sandbox: config.is_sandbox(),
            app_id: wechat.app_id().to_owned(),
            public_url: config.public_url.clone(),
            js_safe_domains: config.js_safe_domains.clone(),
            asset_version,
            verify_files: Arc::new(config.verify_files.clone()),
            public_url_probe: config.public_url_probe.clone(),
        }),
        wechat,
        qa_reports,
        setup_hub: Default::default(),
    };
    Ok((state, background))
}

/// The whole application router, with live sessions in this process.
pub fn router(state: AppState) -> Router {
    router_with(state, crate::live::LiveHub::default())
}

/// Where live sessions live for `config`: in Redis with `REDIS_URL` (shared by every
/// instance), else in this process.
pub fn live_hub(config: &Config) -> Result<crate::live::LiveHub, StartError> {
    crate::live::LiveHub::new(config.redis_url.as_deref())
        .map_err(|e| StartError::Live(e.to_string()))
}

/// The whole application router, with live sessions in `live`.
pub fn router_with(state: AppState, live: crate::live::LiveHub) -> Router {
    let routes = route_list();
    let leptos_options = state.leptos_options.clone();
    let context_state = state.clone();
    let verify_files = crate::verify_files::routes(&state.settings.verify_files);
    let live = crate::live::api::routes(crate::live::api::LiveState {
        hub: live,
        reports: state.qa_reports.clone(),
    });
    Router::new()
        .merge(verify_files)
        .merge(live)
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::metrics))
        .route("/api/catalog", get(catalog_api::catalog_json))
        .route("/api/sim/verify_config", post(simulator_api::verify_config))
        .route("/api/setup/events", get(crate::setup_events::events))
        .route(
            "/api/sim/verify_signature",
            post(simulator_api::verify_signature),
        )
        .route("/api/sim/catalog.js", get(simulator_api::catalog_script))
        .route("/api/sim/rehearse", post(simulator_api::rehearse))
        .route(
            "/assets/v/{version}/{*path}",
            get(crate::static_assets::versioned),
        )
        .route(
            "/api/tools/jsapi-signature",
            post(tools_api::jsapi_signature),
        )
        .route("/api/tools/card-signature", post(tools_api::card_signature))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // Added after the 64 KB limit: a report may be larger; the handler caps it itself
        // (`app::qa::report::MAX_REPORT_BYTES`) and answers 413 in JSON.
        .route("/api/qa/reports", post(qa_api::save).get(qa_api::list))
        .route("/api/qa/reports/{file}", get(qa_api::export))
        .layer(axum::middleware::map_response(
            crate::http_error::json_payload_too_large,
        ))
        .layer(axum::middleware::from_fn(
            crate::language::remember_language,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::static_assets::hashed_pkg_files,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The app's routes, generated once per process. Generating them runs the app with resource
/// loading suspended process-wide (`leptos_server::SuppressResourceLoad`, a global flag): a
/// page that starts rendering on another thread meanwhile waits forever (leptos issue #4773).
/// Once per process, and before any router exists to render, no page can start in that window
/// (several routers in one process, as in the tests, hung about one run in six before).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

async fn healthz() -> &'static str {
    "ok"
}
