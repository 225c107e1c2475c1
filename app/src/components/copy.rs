//! A button that copies a site link to the clipboard: server HTML, run by the category
//! runtime (`data-copy-path`; it says "Copied" once done).

use crate::{i18n::use_i18n, strings};
use leptos::prelude::*;

/// Copies `text` (a path of this site), whole URL included.
#[component]
pub fn CopyButton(text: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="link_button copy_link" data-copy-path=text>
            {i18n.t(strings::COPY_LINK)}
        </button>
    }
}
