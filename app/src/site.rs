//! Facts about this deployment that every page shows: sandbox or live, which appId.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the pages need to know about the server they run on. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// True when no WeChat credentials are configured: the embedded fake API signs.
    pub sandbox: bool,
    /// The appId pages pass to `wx.config` (public by design).
    pub app_id: String,
}

/// Returns the deployment facts; read once per page load.
#[server(prefix = "/api", endpoint = "site_info")]
pub async fn load_site_info() -> Result<SiteInfo, ServerFnError> {
    let state = expect_context::<crate::state::AppState>();
    Ok(state.site_info())
}

/// The site facts as a resource resolved during server rendering.
pub type SiteResource = OnceResource<Result<SiteInfo, ServerFnError>>;

/// Starts loading the site facts and shares the resource through context.
pub fn provide_site_info() {
    provide_context::<SiteResource>(OnceResource::new_blocking(load_site_info()));
}

/// The site-facts resource in context.
pub fn use_site_info() -> SiteResource {
    expect_context::<SiteResource>()
}
