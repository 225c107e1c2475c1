//! A button that copies a text (a link, a snippet) to the clipboard.

use crate::{i18n::use_i18n, strings};
use leptos::prelude::*;

/// Copies `text`, whole URL included, to the clipboard; says so once done.
#[island]
pub fn CopyButton(text: String) -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let _ = &text;
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let absolute = window
                .location()
                .origin()
                .map(|origin| format!("{origin}{text}"))
                .unwrap_or_else(|_| text.clone());
            let _ = window.navigator().clipboard().write_text(&absolute);
        }
        copied.set(true);
    };
    view! {
        <button type="button" class="link_button copy_link" on:click=copy>
            {move || i18n.t(if copied.get() { strings::COPIED } else { strings::COPY_LINK })}
        </button>
    }
}
