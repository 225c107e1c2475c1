//! `/live`: a live session. `/live` starts one; `/live/:id/present` is the presenter's screen
//! (the join link and its QR code, the category pages' call editor for every API, Run on
//! phones, the results and their tally, large type and a keyboard for a projector);
//! `/live/:id` is a phone's page (join under a name, run what the presenter runs through its
//! own jweixin, follow the presenter between runs). Server HTML: what moves is two small plain
//! scripts over the session's event stream (`/assets/live.js`, `/assets/live-phone.js`), so
//! these pages load no wasm.

use leptos::prelude::*;

/// `/live`: what a session is, and the button that starts one.
#[component]
pub fn LiveStartPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view::start().into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        ().into_any()
    }
}

/// `/live/:id/present`: the presenter's screen.
#[component]
pub fn LivePresentPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view::present().into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        ().into_any()
    }
}

/// `/live/:id`: a phone's page.
#[component]
pub fn LivePhonePage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view::phone().into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        ().into_any()
    }
}

#[cfg(feature = "ssr")]
mod view {
    use crate::{
        catalog::{self, Text},
        components::qr::QrCode,
        i18n::use_i18n,
        live,
        routes::call_editor::CallEditor,
        routes::not_found::NotFound,
        site::{asset_url, asset_version},
        strings as s,
    };
    use leptos::prelude::*;
    use leptos_router::hooks::use_params_map;

    /// Status and tally words both scripts use.
    const SHARED: [(&str, Text); 14] = [
        ("waiting", s::LIVE_STATUS_WAITING),
        ("timeout", s::LIVE_STATUS_TIMEOUT),
        ("ok", s::LIVE_STATUS_OK),
        ("cancel", s::LIVE_STATUS_CANCEL),
        ("fail", s::LIVE_STATUS_FAIL),
        ("simulated", s::LIVE_SIMULATED),
        ("ended", s::LIVE_ENDED),
        ("gone", s::LIVE_GONE),
        ("connecting", s::LIVE_CONNECTING),
        ("reconnecting", s::LIVE_RECONNECTING),
        ("run_label", s::LIVE_RUN_LABEL),
        ("by_status", s::LIVE_BY_STATUS),
        ("by_client", s::LIVE_BY_CLIENT),
        ("phones", s::LIVE_PHONES),
    ];

    fn session_id() -> Option<String> {
        let id = use_params_map().with_untracked(|p| p.get("id"))?;
        live::valid_id(&id).then_some(id)
    }

    pub fn start() -> impl IntoView {
        let i18n = use_i18n();
        view! {
            <section class="intro">
                <h1>{i18n.t(s::LIVE_TITLE)}</h1>
                <p class="tagline">{i18n.t(s::LIVE_INTRO)}</p>
            </section>
            <form method="post" action="/live/start" class="panel live_start">
                <button type="submit" class="btn btn_primary" id="start-session">{i18n.t(s::LIVE_START)}</button>
                <p class="hint">{i18n.t(s::LIVE_START_HINT)}</p>
            </form>
        }
    }

    pub fn present() -> impl IntoView {
        let i18n = use_i18n();
        let Some(id) = session_id() else {
            return view! { <NotFound /> }.into_any();
        };
        let join = format!("/live/{id}");
        let texts = i18n.strings_json(
            &[
                SHARED.as_slice(),
                &[
                    ("no_key", s::LIVE_NO_KEY),
                    ("saved", s::LIVE_SAVED),
                    ("compare", s::LIVE_COMPARE),
                ],
            ]
            .concat(),
        );
        let first = catalog::APIS
            .iter()
            .find(|a| live::not_runnable(a).is_none())
            .map(|a| a.id)
            .unwrap_or_default();
        view! {
            <section class="live_present" id="live-present" data-session=id.clone() data-first-api=first>
                <header class="live_head panel">
                    <div class="live_join">
                        <h1>{i18n.t(s::LIVE_TITLE)} " " <code id="live-session">{id.clone()}</code></h1>
                        <p>{i18n.t(s::LIVE_JOIN_HERE)} " " <a id="join-link" href=join.clone()>{join.clone()}</a></p>
                        <p class="live_count"><strong id="live-phone-count">"0"</strong> " " {i18n.t(s::LIVE_PHONES)}</p>
                        <p class="hint">{i18n.t(s::LIVE_KEYS)}</p>
                        <p class="live_actions">
                            <button type="button" class="btn btn_default" id="live-save">{i18n.t(s::LIVE_SAVE)}</button>
                            <button type="button" class="btn btn_default" id="live-end">{i18n.t(s::LIVE_END)}</button>
                        </p>
                        <p id="live-saved" class="live_saved"></p>
                        <p id="live-connection" class="hint" role="status"></p>
                    </div>
                    <QrCode path=join large=true />
                </header>
                <nav class="live_nav">
                    <button type="button" class="btn btn_default" id="live-prev">{i18n.t(s::LIVE_PREV)}</button>
                    <select id="live-api-select" aria-label="API">
                        {catalog::APIS
                            .iter()
                            .map(|api| view! { <option value=api.id>{api.id} " · " {i18n.t(api.caption)}</option> })
                            .collect_view()}
                    </select>
                    <button type="button" class="btn btn_default" id="live-next">{i18n.t(s::LIVE_NEXT)}</button>
                </nav>
                <div class="live_apis">
                    {catalog::APIS.iter().map(|api| view! { <PresenterApi api /> }).collect_view()}
                </div>
                <p class="live_run_row">
                    <button type="button" class="btn btn_primary live_run" id="run-on-phones">{i18n.t(s::LIVE_RUN)} " ⏎"</button>
                    <button type="button" class="btn btn_default" id="live-toggle-code" aria-pressed="true">{i18n.t(s::LIVE_CODE)} " (C)"</button>
                    <span class="field_error" id="live-refusal" role="alert"></span>
                </p>
                <pre id="live-code" class="live_code"><code></code></pre>
                <section class="live_results_panel">
                    <h2>{i18n.t(s::LIVE_RESULTS)} " " <span id="live-run-label"></span></h2>
                    <p class="hint" id="live-no-run">{i18n.t(s::LIVE_NO_RUN)}</p>
                    <table class="live_table">
                        <thead>
                            <tr>
                                <th>{i18n.t(s::LIVE_COL_NAME)}</th>
                                <th>{i18n.t(s::LIVE_COL_OS)}</th>
                                <th>{i18n.t(s::LIVE_COL_WECHAT)}</th>
                                <th>{i18n.t(s::LIVE_COL_STATUS)}</th>
                                <th>{i18n.t(s::LIVE_COL_ERR_MSG)}</th>
                                <th>{i18n.t(s::LIVE_COL_DATA)}</th>
                                <th>{i18n.t(s::LIVE_COL_DURATION)}</th>
                            </tr>
                        </thead>
                        <tbody id="live-results"></tbody>
                    </table>
                    <div class="live_tally" id="live-tally"></div>
                </section>
                <noscript><p class="field_error">{i18n.t(s::LIVE_NOSCRIPT)}</p></noscript>
            </section>
            <script type="application/json" id="live-strings" inner_html=texts></script>
            <script src=asset_url(asset_version().as_deref(), "live.js") defer></script>
        }
        .into_any()
    }

    /// One API on the presenter's screen: its caption, the call editor, why a room cannot run
    /// it if it cannot. Only the current one is shown (the script shows it).
    #[component]
    fn PresenterApi(api: &'static catalog::Api) -> impl IntoView {
        let i18n = use_i18n();
        let refusal = live::not_runnable(api);
        let no_params = !api.params.iter().any(|p| p.fill == catalog::Fill::User);
        view! {
            <section class="live_api" data-api=api.id data-function=api.function data-runnable=refusal.is_none().to_string() hidden>
                <h2 class="live_api_title">
                    <code>{format!("wx.{}", api.function)}</code> " " {i18n.t(api.caption)}
                </h2>
                {refusal.map(|why| view! { <p class="field_error" data-not-runnable="true">{i18n.t(s::LIVE_NOT_RUNNABLE)} {why}</p> })}
                {no_params.then(|| view! { <p class="hint">{i18n.t(s::LIVE_NO_PARAMS)}</p> })}
                <CallEditor api link=None />
            </section>
        }
    }

    pub fn phone() -> impl IntoView {
        let i18n = use_i18n();
        let Some(id) = session_id() else {
            return view! { <NotFound /> }.into_any();
        };
        let version = asset_version();
        let sim_sdk = crate::demo::simulated_sdk(version.as_deref()).join(" ");
        let texts = i18n.strings_json(
            &[
                SHARED.as_slice(),
                &[
                    ("not_joined", s::LIVE_NOT_JOINED),
                    ("joined", s::LIVE_JOINED),
                    ("as", s::LIVE_AS),
                    ("following", s::LIVE_FOLLOWING),
                    ("ask", s::LIVE_ASK),
                    ("needs_user", s::LIVE_NEEDS_USER),
                    ("mine", s::LIVE_MINE),
                    ("config", s::LIVE_CONFIG),
                ],
            ]
            .concat(),
        );
        let apis = live::js_api_list().join(" ");
        let shown_id = id.clone();
        view! {
            <section
                class="live_phone"
                id="live-phone"
                data-session=id.clone()
                data-apis=apis
                data-sim-sdk=sim_sdk
                data-wechat-sdk=crate::demo::WECHAT_SDK.join(" ")
            >
                <h1>{i18n.t(s::LIVE_TITLE)}</h1>
                <p>{i18n.t(s::LIVE_SESSION)} " " <code id="live-session">{shown_id}</code></p>
                <p class="live_status" id="live-status" data-state="not_joined">{i18n.t(s::LIVE_NOT_JOINED)}</p>
                <form class="panel live_join_form" id="live-join-form">
                    <label class="field">
                        <span class="field_name">{i18n.t(s::LIVE_NAME)}</span>
                        <input type="text" id="live-name" name="name" maxlength=live::MAX_NAME.to_string() required />
                    </label>
                    <label class="switch">
                        <input type="checkbox" id="live-ask-first" name="ask_first" />
                        {i18n.t(s::LIVE_ASK_FIRST)}
                    </label>
                    <button type="submit" class="btn btn_primary" id="live-join">{i18n.t(s::LIVE_JOIN)}</button>
                    <p class="hint">{i18n.t(s::LIVE_JOIN_HINT)}</p>
                </form>
                <p class="hint" id="live-config" data-status="waiting"></p>
                <p id="live-connection" class="hint" role="status"></p>
                <section class="live_follow" id="live-follow" hidden>
                    <h2>{i18n.t(s::LIVE_FOLLOWING)} <code id="live-api"></code></h2>
                    <div class="live_ask" id="live-ask" hidden>
                        <p>{i18n.t(s::LIVE_ASK)} <code id="live-ask-api"></code></p>
                        <button type="button" class="btn btn_primary" id="live-run-now">{i18n.t(s::LIVE_RUN_NOW)}</button>
                    </div>
                    <p class="hint" id="live-needs-user" hidden>{i18n.t(s::LIVE_NEEDS_USER)}</p>
                    <pre class="live_code" id="live-code"><code></code></pre>
                    <button type="button" class="btn btn_default" id="live-run-again">{i18n.t(s::LIVE_RUN_AGAIN)}</button>
                    <p class="live_mine" id="live-mine"></p>
                    <h3>{i18n.t(s::LIVE_ROOM)} " " <span id="live-run-label"></span></h3>
                    <table class="live_table live_table_small">
                        <thead>
                            <tr>
                                <th>{i18n.t(s::LIVE_COL_NAME)}</th>
                                <th>{i18n.t(s::LIVE_COL_OS)}</th>
                                <th>{i18n.t(s::LIVE_COL_STATUS)}</th>
                                <th>{i18n.t(s::LIVE_COL_ERR_MSG)}</th>
                            </tr>
                        </thead>
                        <tbody id="live-room"></tbody>
                    </table>
                </section>
                <noscript><p class="field_error">{i18n.t(s::LIVE_NOSCRIPT)}</p></noscript>
            </section>
            <script type="application/json" id="live-strings" inner_html=texts></script>
            <script src=asset_url(version.as_deref(), "live-phone.js") defer></script>
        }
        .into_any()
    }
}
