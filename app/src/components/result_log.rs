//! The result log: every callback with its errMsg and data, newest first, copyable.

use crate::{
    catalog, components::error_help::AppendixLink, demo::session::use_session, i18n::use_i18n,
    strings,
};
use leptos::prelude::*;

/// The page's result log.
#[component]
pub fn ResultLog() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    #[cfg(feature = "hydrate")]
    {
        // The language switch reloads the page: the log goes along, once. Restored after
        // hydration, which must see the server's (empty) log.
        use crate::demo::carry;
        Effect::new(move |_| {
            if let Some(log) = carry::take_log() {
                session.log.set(log);
            }
        });
        crate::i18n::before_language_reload(move || carry::stash_log(&session.log.get_untracked()));
    }
    let copy_all = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let text =
                serde_json::to_string_pretty(&session.log.get_untracked()).unwrap_or_default();
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&text);
            }
        }
    };
    view! {
        <section class="result_log" id="result-log">
            <header class="result_log_head">
                <h2>{i18n.t(strings::LOG_TITLE)}</h2>
                <div class="result_log_actions">
                    <button class="link_button" id="copy-log" on:click=copy_all>
                        {i18n.t(strings::COPY)}
                    </button>
                    <button class="link_button" id="clear-log" on:click=move |_| session.log.set(Vec::new())>
                        {i18n.t(strings::CLEAR)}
                    </button>
                </div>
            </header>
            <Show
                when=move || !session.log.read().is_empty()
                fallback=move || view! { <p class="result_log_empty">{i18n.t(strings::LOG_EMPTY)}</p> }
            >
                <ol class="result_log_list">
                    <For each=move || session.log.get() key=|entry| entry.seq let:entry>
                        <li
                            class="log_entry"
                            data-api=entry.api.clone()
                            data-callback=entry.callback.map(|c| c.js_name()).unwrap_or("note")
                        >
                            <div class="log_line">
                                <span class="log_time">{entry.at.clone()}</span>
                                <span class="log_api">{entry.api.clone()}</span>
                                <span class="log_callback">
                                    {entry.callback.map(|c| c.js_name()).unwrap_or("")}
                                </span>
                                <code class="log_errmsg">{entry.err_msg.clone()}</code>
                                {catalog::error_for_err_msg(&entry.err_msg)
                                    .or_else(|| catalog::error_for_err_msg(&entry.message))
                                    .map(|error| view! { <AppendixLink number=error.number /> })}
                            </div>
                            {(!entry.message.is_empty())
                                .then(|| view! { <p class="log_message">{entry.message.clone()}</p> })}
                            {(!entry.data.is_null())
                                .then(|| {
                                    view! {
                                        <pre class="log_data">
                                            {serde_json::to_string_pretty(&entry.data).unwrap_or_default()}
                                        </pre>
                                    }
                                })}
                        </li>
                    </For>
                </ol>
            </Show>
        </section>
    }
}
