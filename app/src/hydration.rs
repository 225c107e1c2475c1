//! Telling a live page from server HTML: `<body data-hydrated="true">` appears once every
//! island on the page has hydrated, so tests, benchmarks and people can wait for it.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
thread_local! {
    static HYDRATED_ISLANDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Called by the hydrate entry before the islands hydrate: a page without islands is
/// live at once.
pub fn start() {
    #[cfg(feature = "hydrate")]
    mark_if_complete();
}

/// Whether the page being rendered on the server has an island, set by the islands
/// themselves ([`island_hydrated`]): a page without one gets no wasm and no wasm glue.
#[derive(Clone, Copy)]
pub struct PageIslands(RwSignal<bool>);

impl PageIslands {
    /// Puts a fresh "no island yet" marker in context for the page about to render.
    pub fn provide() -> Self {
        let islands = PageIslands(RwSignal::new(false));
        provide_context(islands);
        islands
    }

    /// True once an island has rendered on this page.
    pub fn any(self) -> bool {
        self.0.get_untracked()
    }
}

/// Counts the calling island as hydrated once its first effect runs, which is after its
/// view has been hydrated; on the server, marks the page as needing the wasm. Every
/// `#[island]` calls this first.
pub fn island_hydrated() {
    if let Some(islands) = use_context::<PageIslands>() {
        islands.0.set(true);
    }
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            HYDRATED_ISLANDS.with(|n| n.set(n.get() + 1));
            mark_if_complete();
        }
    });
}

#[cfg(feature = "hydrate")]
fn mark_if_complete() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let islands = document
        .query_selector_all("leptos-island")
        .map(|list| list.length())
        .unwrap_or(0);
    if HYDRATED_ISLANDS.with(|n| n.get()) < islands {
        return;
    }
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-hydrated", "true");
        // An empty touchstart handler makes iOS apply :active styles to buttons,
        // as on the official demo.
        let _ = body.set_attribute("ontouchstart", "");
    }
}
