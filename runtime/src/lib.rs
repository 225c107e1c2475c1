//! The category pages' runtime: the wasm a category page loads instead of Leptos.
//!
//! The page is server HTML (`app::routes::category`); this signs it, runs its buttons
//! through the demo's runner (`app::demo::runner`, the one the Leptos pages use) and writes
//! what happens into the elements the server rendered, found by their ids. Leptos' reactive
//! view layer is not compiled in: the page is small enough to be written by hand, and a
//! phone in a full room fetches less than half the wasm.

mod dom;
mod log;
mod page;

use app::{catalog, demo::runner};
use wasm_bindgen::prelude::*;

// SAFETY: wasm32 without the atomics feature runs one thread: the allocator is never
// entered from two at once.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// Starts the page once its module has loaded: the landing URL first (iOS signs it), then
/// the page's state and controls, then signing.
#[wasm_bindgen(start)]
pub fn start() {
    runner::record_boot();
    let Some(slug) = dom::query("[data-runtime]")
        .and_then(|root| root.get_attribute("data-runtime"))
        .and_then(|slug| catalog::category(&slug))
        .map(|category| category.slug)
    else {
        return;
    };
    page::Page::start(slug);
}
