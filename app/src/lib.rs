//! The WeChat JS-SDK playground: an isomorphic Leptos application.
//!
//! Server-rendered with the `ssr` feature (linked into `server`), hydrated in the
//! browser with the `hydrate` feature (linked into `frontend`).

#![recursion_limit = "512"]

pub mod api;
pub mod catalog;
pub mod components;
pub mod demo;
pub mod i18n;
pub mod qa;
pub mod routes;
pub mod signed_url;
pub mod site;
pub mod strings;
pub mod wx;

#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod wechat_gateway;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, SsrMode,
};

/// The HTML document the server streams for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="zh-CN">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: language, site facts, and the router.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    i18n::provide_i18n();
    site::provide_site_info();
    demo::record_boot();

    view! {
        <Stylesheet id="leptos" href="/pkg/wechat-playground.css" />
        <Title text="微信 JS-SDK Playground" />
        <Router>
            <components::layout::Layout>
                <Routes fallback=routes::not_found::NotFound>
                    <Route path=path!("/") ssr=SsrMode::Async view=routes::home::HomePage />
                    <Route path=path!("/classic") ssr=SsrMode::Async view=routes::classic::ClassicPage />
                    <Route path=path!("/doctor") ssr=SsrMode::Async view={Lazy::<routes::lazy::DoctorRoute>::new()} />
                    <Route path=path!("/control") ssr=SsrMode::Async view=routes::control::ControlPage />
                    <Route path=path!("/qa") ssr=SsrMode::Async view={Lazy::<routes::lazy::QaRoute>::new()} />
                    <Route path=path!("/qa/reports") ssr=SsrMode::Async view={Lazy::<routes::lazy::QaReportsRoute>::new()} />
                    <Route path=path!("/qa/reports/:id") ssr=SsrMode::Async view={Lazy::<routes::lazy::QaReportRoute>::new()} />
                    <Route path=path!("/qa/compare") ssr=SsrMode::Async view={Lazy::<routes::lazy::QaCompareRoute>::new()} />
                    <Route path=path!("/:category") ssr=SsrMode::Async view=routes::category::CategoryPage />
                </Routes>
            </components::layout::Layout>
        </Router>
    }
}

/// Marks `<body data-hydrated="true">`; the hydrate entry calls it once the whole page,
/// lazy-loaded route included, has been hydrated, so tests and people can tell a live
/// page from a server-rendered one.
#[cfg(feature = "hydrate")]
pub fn mark_hydrated() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
        // An empty touchstart handler makes iOS apply :active styles to buttons,
        // as on the official demo.
        let _ = body.set_attribute("ontouchstart", "");
    }
}
