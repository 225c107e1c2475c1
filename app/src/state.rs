//! Server-side state shared by routes and server functions.

use crate::site::SiteInfo;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

/// Everything a request may need, cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub settings: Arc<PublicSettings>,
    pub wechat: crate::wechat_gateway::WechatGateway,
    /// Saved QA reports.
    pub qa_reports: Arc<dyn crate::qa::repository::ReportRepository>,
}

/// Settings that may be shown to users: no secret lives here.
#[derive(Debug, Clone)]
pub struct PublicSettings {
    pub sandbox: bool,
    pub app_id: String,
    pub public_url: Option<String>,
    pub js_safe_domains: wechat::page_url::SafeDomains,
    /// A digest of `public/assets` and the simulator's catalog: the `<version>` of
    /// [`crate::site::VERSIONED_ASSETS`] URLs.
    pub asset_version: String,
}

impl AppState {
    /// The facts every page shows.
    pub fn site_info(&self) -> SiteInfo {
        SiteInfo {
            sandbox: self.settings.sandbox,
            app_id: self.settings.app_id.clone(),
        }
    }
}
