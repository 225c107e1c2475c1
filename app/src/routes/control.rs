//! `/control`: the floor the other pages are measured against, a page as light as the
//! official demo: the site's frame and stylesheet, one script of about its size (the JS-SDK,
//! served locally), a button, and no wasm.

use leptos::prelude::*;

/// The script the floor page loads: the official SDK, 27 KB (the official demo's own scripts
/// together, Zepto and demo.js, transfer about as much).
const FLOOR_SCRIPT: &str = "vendor/jweixin-1.6.0.js";

/// One heading, one counter button (plain HTML), the floor script; usable once it has run.
#[component]
pub fn ControlPage() -> impl IntoView {
    let script = crate::site::asset_url(crate::site::asset_version().as_deref(), FLOOR_SCRIPT);
    view! {
        <section class="intro">
            <h1>"control"</h1>
            <button id="control-button" onclick="this.textContent = Number(this.textContent) + 1">
                "0"
            </button>
        </section>
        <script src=script></script>
        <script>"document.body.dataset.hydrated = true"</script>
    }
}
