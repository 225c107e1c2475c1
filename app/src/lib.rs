//! The WeChat JS-SDK playground: an isomorphic Leptos application.
//!
//! Server-rendered with the `ssr` feature (linked into `server`). The pages are plain
//! server HTML except their islands (`#[island]`): the interactive parts, built with the
//! `hydrate` feature (linked into `frontend`). The category pages have no island: their
//! runtime (`runtime/`) builds on the feature `browser` alone, which compiles the catalog,
//! the demo and its runner but no page, so no island is exported into it.

#![recursion_limit = "512"]

pub mod api;
pub mod catalog;
pub mod code;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod components;
pub mod demo;
pub mod diagnostics;
pub mod hydration;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod live;
pub mod qa;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod routes;
pub mod setup;
pub mod site;
pub mod strings;
pub mod wx;

#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod wechat_gateway;

#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub use pages::*;

/// The document and the router: only in the builds that render or hydrate pages.
#[cfg(any(feature = "ssr", feature = "hydrate"))]
mod pages {
    use super::*;
    use leptos::prelude::*;
    use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
    use leptos_router::{
        components::{Route, Router, Routes},
        path, SsrMode,
    };

    /// The HTML document the server streams for every page. The wasm's scripts come last and
    /// only where an island rendered: a page of server HTML loads no wasm at all.
    pub fn shell(options: LeptosOptions) -> impl IntoView {
        let islands = hydration::PageIslands::provide();
        let assets = site::asset_version();
        let favicon = site::asset_url(assets.as_deref(), "favicon.svg");
        view! {
            <!DOCTYPE html>
            <html lang=i18n::initial_lang().html_lang()>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <link rel="icon" href=favicon type="image/svg+xml" />
                    <HashedStylesheet options=options.clone() id="leptos" />
                    <AutoReload options=options.clone() />
                    <MetaTags />
                </head>
                <body data-asset-version=assets>
                    <App />
                    {move || islands.any().then(|| view! { <HydrationScripts options=options.clone() islands=true /> })}
                </body>
            </html>
        }
    }

    /// The application: language, site facts, and the router (which runs on the server only:
    /// every link is a page load, and each page hydrates just its islands).
    #[component]
    pub fn App() -> impl IntoView {
        provide_meta_context();
        i18n::provide_i18n();

        view! {
            <Title text="微信 JS-SDK Playground" />
            <Router>
                <components::layout::Layout>
                    <Routes fallback=routes::not_found::NotFound>
                        <Route path=path!("/") ssr=SsrMode::Async view=routes::home::HomePage />
                        <Route path=path!("/classic") ssr=SsrMode::Async view=routes::classic::ClassicPage />
                        <Route path=path!("/doctor") ssr=SsrMode::Async view=routes::doctor::DoctorPage />
                        <Route path=path!("/control") ssr=SsrMode::Async view=routes::control::ControlPage />
                        <Route path=path!("/setup") ssr=SsrMode::Async view=routes::setup::SetupPage />
                        <Route path=path!("/qa") ssr=SsrMode::Async view=routes::qa::QaPage />
                        <Route path=path!("/qa/reports") ssr=SsrMode::Async view=routes::qa_reports::QaReportsPage />
                        <Route path=path!("/qa/reports/:id") ssr=SsrMode::Async view=routes::qa_reports::QaReportPage />
                        <Route path=path!("/qa/compare") ssr=SsrMode::Async view=routes::qa_reports::QaComparePage />
                        <Route path=path!("/code/server") ssr=SsrMode::Async view=routes::server_code::ServerCodePage />
                        <Route path=path!("/live") ssr=SsrMode::Async view=routes::live::LiveStartPage />
                        <Route path=path!("/live/:id") ssr=SsrMode::Async view=routes::live::LivePhonePage />
                        <Route path=path!("/live/:id/present") ssr=SsrMode::Async view=routes::live::LivePresentPage />
                        <Route path=path!("/:category") ssr=SsrMode::Async view=routes::category::CategoryPage />
                    </Routes>
                </components::layout::Layout>
            </Router>
        }
    }
}
