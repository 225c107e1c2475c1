//! The hydrate entry: the wasm bundle that makes the server-rendered pages interactive.

use wasm_bindgen::prelude::wasm_bindgen;

/// Called by the hydration script Leptos injects into every page.
///
/// Hydrates asynchronously (what `leptos::mount::hydrate_lazy` does) because lazy
/// routes fetch their wasm chunk first, then marks the page hydrated.
#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::tachys::dom::body();
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        app::mark_hydrated();
    });
}
