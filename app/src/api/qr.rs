//! QR codes that open a page on a phone, rendered as SVG on the server (the wasm
//! carries no QR encoder).

use super::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A QR code for a URL of this site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrImage {
    /// The absolute URL encoded.
    pub url: String,
    /// An `<svg>` element.
    pub svg: String,
}

/// The QR code of `path` on this site's public URL (see [`page_url`]).
#[server(prefix = "/api", endpoint = "qr")]
pub async fn page_qr(path: String) -> Result<QrImage, ApiError> {
    let url = ssr::public_url(&path)?;
    let svg = ssr::svg_for(&url)?;
    Ok(QrImage { url, svg })
}

/// The absolute URL of `path` on this site as a phone opens it: `PUBLIC_URL`, else the
/// request's `X-Forwarded-Proto`/`X-Forwarded-Host`/`Host`.
#[server(prefix = "/api", endpoint = "page_url")]
pub async fn page_url(path: String) -> Result<String, ApiError> {
    ssr::public_url(&path)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::ApiError;
    use http::HeaderMap;
    use leptos::prelude::{expect_context, use_context};

    /// `path` on this site's public URL (`PUBLIC_URL`, else the request's headers).
    pub fn public_url(path: &str) -> Result<String, ApiError> {
        let path = checked_path(path)?;
        let state = expect_context::<crate::state::AppState>();
        let parts = use_context::<http::request::Parts>();
        let base = state
            .settings
            .public_url
            .clone()
            .or_else(|| parts.as_ref().and_then(|p| base_from_headers(&p.headers)))
            .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned());
        Ok(format!("{base}{path}"))
    }

    /// Longest path a QR code is made for.
    pub const MAX_PATH: usize = 1024;

    /// A site path: starts with `/`, no scheme or host, printable, bounded.
    pub fn checked_path(path: &str) -> Result<&str, ApiError> {
        if !path.starts_with('/') || path.starts_with("//") {
            return Err(ApiError::bad_input(format!(
                "path {path:?} must start with a single `/` (a path on this site, e.g. /images)"
            )));
        }
        if path.len() > MAX_PATH {
            return Err(ApiError::bad_input(format!(
                "path is {} bytes long; at most {MAX_PATH} are encoded",
                path.len()
            )));
        }
        if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(ApiError::bad_input(
                "path contains spaces or control characters: percent-encode them",
            ));
        }
        Ok(path)
    }

    /// `scheme://host` as the client sees it, behind a proxy or not.
    pub fn base_from_headers(headers: &HeaderMap) -> Option<String> {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.split(',').next().unwrap_or(v).trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let host = header("x-forwarded-host").or_else(|| header("host"))?;
        if !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        {
            return None;
        }
        let scheme = match header("x-forwarded-proto").as_deref() {
            Some("https") => "https",
            _ => "http",
        };
        Some(format!("{scheme}://{host}"))
    }

    /// Renders a URL as an SVG QR code.
    pub fn svg_for(url: &str) -> Result<String, ApiError> {
        let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| {
            ApiError::bad_input(format!("cannot encode this URL as a QR code: {e}"))
        })?;
        Ok(code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(180, 180)
            .quiet_zone(true)
            .build())
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn forwarded_headers_win_over_host() {
            let mut headers = HeaderMap::new();
            headers.insert("host", "10.0.0.1:3000".parse().unwrap());
            headers.insert("x-forwarded-host", "demo.example.com".parse().unwrap());
            headers.insert("x-forwarded-proto", "https".parse().unwrap());
            assert_eq!(
                base_from_headers(&headers).as_deref(),
                Some("https://demo.example.com")
            );
        }

        #[test]
        fn plain_host_is_http() {
            let mut headers = HeaderMap::new();
            headers.insert("host", "127.0.0.1:3000".parse().unwrap());
            assert_eq!(
                base_from_headers(&headers).as_deref(),
                Some("http://127.0.0.1:3000")
            );
        }

        #[test]
        fn hostile_host_header_is_ignored() {
            let mut headers = HeaderMap::new();
            headers.insert("host", "evil.com/<script>".parse().unwrap());
            assert_eq!(base_from_headers(&headers), None);
        }

        #[test]
        fn paths_must_be_local_and_bounded() {
            assert!(checked_path("/images?x=1").is_ok());
            assert!(checked_path("images").is_err());
            assert!(checked_path("//evil.com/").is_err());
            assert!(checked_path(&format!("/{}", "a".repeat(MAX_PATH))).is_err());
            assert!(checked_path("/a b").is_err());
        }

        #[test]
        fn svg_is_rendered() {
            let svg = svg_for("http://127.0.0.1:3000/images").unwrap();
            assert!(svg.contains("<svg"));
        }
    }
}
