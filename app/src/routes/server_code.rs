//! `/code/server`: your page's signing endpoint in six languages, one shown at a time
//! (`?in=python`), with the contract every one follows and how to run it. Server HTML: the
//! language switch is a link, so the page loads no wasm.

use crate::{
    code::server::{server_snippet, SERVER_SNIPPETS},
    i18n::use_i18n,
    strings,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page's path.
pub const PATH: &str = "/code/server";

/// The chosen language's signer, the others as links.
#[component]
pub fn ServerCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let chosen = use_query_map().with_untracked(|query| query.get("in").unwrap_or_default());
    let shown = server_snippet(&chosen);
    view! {
        <section class="intro">
            <h1>{i18n.t(strings::SERVER_CODE_TITLE)}</h1>
            <p class="tagline">{i18n.t(strings::SERVER_CODE_INTRO)}</p>
        </section>
        <section class="panel server_code">
            <nav class="code_stacks" aria-label=i18n.t(strings::CODE_STACKS)>
                {SERVER_SNIPPETS
                    .iter()
                    .map(|snippet| {
                        let current = (snippet.id == shown.id).then_some("page");
                        view! {
                            <a
                                class="code_stack"
                                data-lang=snippet.id
                                aria-current=current
                                href=format!("{PATH}?in={}", snippet.id)
                            >
                                {snippet.label}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <ul class="server_contract">
                <li>{i18n.t(strings::SERVER_CODE_ENV)}</li>
                <li>{i18n.t(strings::SERVER_CODE_ANSWER)}</li>
                <li>{i18n.t(strings::SERVER_CODE_CACHE)}</li>
                <li>{i18n.t(strings::SERVER_CODE_TESTED)}</li>
            </ul>
            <p class="hint">
                <code>{shown.path}</code>
                " · "
                <code id="server-code-run">{shown.run}</code>
            </p>
            <pre id="server-code" data-lang=shown.id><code>{shown.source.get()}</code></pre>
        </section>
    }
}
