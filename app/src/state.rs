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
    /// Phones' results on their way to `/setup`.
    pub setup_hub: crate::setup::live::SetupHub,
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
    /// The domain verification files served at the root (`WECHAT_VERIFY_FILES`): public by
    /// design, WeChat fetches them.
    pub verify_files: Arc<Vec<VerifyFile>>,
    /// Where `/setup` fetches `PUBLIC_URL`'s files from, when not `PUBLIC_URL` itself (tests
    /// stand a loopback server in for DNS and a TLS proxy); `None` = `PUBLIC_URL`.
    pub public_url_probe: Option<String>,
}

/// A domain verification file, `MP_verify_<random>.txt`, and its exact bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyFile {
    /// Its name, checked by [`wechat::verify_file::check_name`].
    pub name: String,
    /// Its contents, served byte for byte.
    pub contents: Vec<u8>,
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
