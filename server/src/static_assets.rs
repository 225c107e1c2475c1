//! Static files a phone fetches once: everything under `/pkg/` carries a content hash in its
//! name (cargo-leptos `hash-files`), everything under `public/assets` is served again under
//! `/assets/v/<version>/`, `<version>` a digest of all of them and of the simulator's
//! catalog. Both are cached for a year; a second visit transfers only the HTML.

use app::state::AppState;
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha1::{Digest, Sha1};
use std::path::{Path as FsPath, PathBuf};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The header for a file whose URL changes whenever its content does.
const FOREVER: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// The header for a file whose URL stays while its content changes.
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// A digest of every file under `assets` (names and contents, in name order) and of `extra`:
/// the version of the versioned asset URLs, 12 hex digits.
pub fn asset_version(assets: &FsPath, extra: &str) -> std::io::Result<String> {
    let mut files = Vec::new();
    collect_files(assets, &mut files)?;
    files.sort();
    let mut digest = Sha1::new();
    for file in &files {
        let name = file.strip_prefix(assets).unwrap_or(file);
        digest.update(name.to_string_lossy().as_bytes());
        digest.update([0]);
        digest.update(std::fs::read(file)?);
        digest.update([0]);
    }
    digest.update(extra.as_bytes());
    Ok(hex::encode(digest.finalize())[..12].to_owned())
}

fn collect_files(dir: &FsPath, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// `GET /assets/v/{version}/{*path}`: the file `assets/<path>` of the site root, cached for
/// a year when `version` is this server's (a page rendered before a deploy still gets the
/// file, revalidated every time).
pub async fn versioned(
    State(state): State<AppState>,
    Path((version, path)): Path<(String, String)>,
    request: Request,
) -> Response {
    let assets = FsPath::new(&*state.leptos_options.site_root).join("assets");
    let (mut parts, body) = request.into_parts();
    parts.uri = match format!("/{path}").parse() {
        Ok(uri) => uri,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let served = ServeDir::new(assets)
        .precompressed_gzip()
        .precompressed_br()
        .oneshot(Request::from_parts(parts, body))
        .await;
    let mut response = match served {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::OK {
        let cache = if version == state.settings.asset_version {
            FOREVER
        } else {
            REVALIDATE
        };
        response.headers_mut().insert(header::CACHE_CONTROL, cache);
    }
    response
}

/// Marks the site's `/pkg/` files as cacheable for a year when their names carry their hash.
pub async fn hashed_pkg_files(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let hashed = state.leptos_options.hash_files
        && request
            .uri()
            .path()
            .strip_prefix('/')
            .and_then(|path| path.strip_prefix(&*state.leptos_options.site_pkg_dir))
            .is_some_and(|rest| rest.starts_with('/'));
    let mut response = next.run(request).await;
    if hashed && response.status() == StatusCode::OK {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, FOREVER);
    }
    response
}

/// The cache header of the simulator's catalog script: a year when the page asked for this
/// server's version of it (`?v=`), else revalidated by its ETag.
pub fn catalog_cache(asked: Option<&str>, state: &AppState) -> HeaderValue {
    if asked == Some(state.settings.asset_version.as_str()) {
        FOREVER
    } else {
        REVALIDATE
    }
}
