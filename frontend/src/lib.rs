//! The hydrate entry: the wasm that wakes the islands of the server-rendered pages up.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the island script Leptos injects into every page, before it hydrates the
/// page's islands one by one (lazy ones after fetching their chunk).
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The landing URL and user agent, before anything can change them.
    app::demo::record_boot();
    leptos::mount::hydrate_islands();
    app::hydration::start();
}
