//! The 404 page.

use crate::{i18n::use_i18n, strings};
use leptos::prelude::*;

/// Shown for any URL that is not a page; answers HTTP 404 on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <section class="panel not_found">
            <h1>"404"</h1>
            <p>{i18n.t(strings::NOT_FOUND)}</p>
            <a href="/">{i18n.t(strings::HOME_LINK)}</a>
        </section>
    }
}
