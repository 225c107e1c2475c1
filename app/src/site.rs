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

/// Where the versioned copies of `public/assets` are served: `/assets/v/<version>/<path>`,
/// cached for a year (the version changes whenever any asset does).
pub const VERSIONED_ASSETS: &str = "/assets/v";

/// The `<body>` attribute that carries the asset version to the pages' scripts.
pub const ASSET_VERSION_ATTRIBUTE: &str = "data-asset-version";

/// The URL of an asset (`sim/simulator.js`) under `version`, or its plain `/assets/` URL
/// when the page carries no version.
pub fn asset_url(version: Option<&str>, path: &str) -> String {
    match version {
        Some(version) => format!("{VERSIONED_ASSETS}/{version}/{path}"),
        None => format!("/assets/{path}"),
    }
}

/// The asset version of the server rendering the page (`None` in the browser build).
pub fn asset_version() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>().map(|state| state.settings.asset_version.clone())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// What a query value keeps unescaped: RFC 3986's unreserved characters.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query value.
pub fn encode_query_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(
            encode_query_value("https://a.example/p?x=1&y=你 ~-_."),
            "https%3A%2F%2Fa.example%2Fp%3Fx%3D1%26y%3D%E4%BD%A0%20~-_."
        );
    }
}
