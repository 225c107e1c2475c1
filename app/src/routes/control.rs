//! `/control`: a minimal page with one island from the same bundle, the baseline
//! hydration is measured against.

use leptos::prelude::*;

/// One heading and one counter button: the least a hydrated page can be.
#[component]
pub fn ControlPage() -> impl IntoView {
    view! {
        <section class="intro">
            <h1>"control"</h1>
            <ControlCounter />
        </section>
    }
}

/// The control page's island: a counter.
#[island]
fn ControlCounter() -> impl IntoView {
    crate::hydration::island_hydrated();
    let count = RwSignal::new(0);
    view! {
        <button id="control-button" on:click=move |_| count.update(|c| *c += 1)>
            {move || count.get()}
        </button>
    }
}
