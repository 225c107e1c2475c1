//! Facts about this deployment that every page shows: sandbox or live, which appId.

#[cfg(feature = "ssr")]
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

/// The facts of the server rendering the page, read from its state (no request of its own:
/// only server-rendered components show them). `None` in the browser build, where such
/// components never render, and when the state is missing.
pub fn site_info() -> Option<SiteInfo> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().map(|state| state.site_info())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
