//! `/control`: a minimal page in the same bundle, the baseline hydration is measured against.

use leptos::prelude::*;

/// One heading and one counter button: the least a hydrated page can be.
#[component]
pub fn ControlPage() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <section class="intro">
            <h1>"control"</h1>
            <button id="control-button" on:click=move |_| count.update(|c| *c += 1)>
                {move || count.get()}
            </button>
        </section>
    }
}
