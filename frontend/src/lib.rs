//! The hydrate entry: the wasm bundle that makes the server-rendered pages interactive.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script Leptos injects into every page.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
