//! A category page's code panel, "code to take home": server HTML and a small plain script
//! (`/assets/code.js`) that asks the server (`POST /api/call_code`) for the call being edited
//! or last run in the stack the reader chose, remembers that stack and copies. The page's wasm
//! only says which call was sent (the panel's `data-sent`), so the panel costs it nothing.

use crate::{
    code::Stack,
    i18n::use_i18n,
    site::{asset_url, asset_version},
    strings,
};
use leptos::prelude::*;

use crate::demo::CODE_PANEL_ID;

/// The panel: the stacks to choose from, the code once there is a call, the way to the
/// server side.
#[component]
pub fn CodePanel() -> impl IntoView {
    let i18n = use_i18n();
    let texts = i18n.strings_json(&[("copy", strings::COPY), ("copied", strings::COPIED)]);
    view! {
        <section class="snippet" id=CODE_PANEL_ID data-lang=i18n.lang.code() data-stack=Stack::default().id()>
            <h2>{i18n.t(strings::SNIPPET_TITLE)}</h2>
            <div class="code_stacks" role="group" aria-label=i18n.t(strings::CODE_STACKS)>
                {Stack::ALL
                    .into_iter()
                    .map(|each| {
                        view! {
                            <button
                                type="button"
                                class="code_stack"
                                data-stack=each.id()
                                aria-pressed=(each == Stack::default()).to_string()
                            >
                                {each.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="hint" id="snippet-empty">{i18n.t(strings::SNIPPET_EMPTY)}</p>
            <p class="hint">
                {i18n.t(strings::CODE_SERVER_SIDE)}
                <a href=crate::routes::server_code::PATH>{i18n.t(strings::CODE_SERVER_LINK)}</a>
            </p>
            <script type="application/json" id="code-strings" inner_html=texts></script>
            <script src=asset_url(asset_version().as_deref(), "code.js") defer></script>
        </section>
    }
}
