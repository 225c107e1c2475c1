//! One page per interface category, all fed by the catalog. The page is server HTML with no
//! island: its runtime (`runtime/`, a small wasm without Leptos' view layer) signs, runs the
//! buttons and writes what happens into the elements rendered here, found by their ids.

use crate::{
    catalog::{self, Api, DocVersion},
    components::{
        code_panel::CodePanel,
        error_help::{CategoryErrors, ErrMsgItems},
        pay_directory::PayDirectory,
        qr::QrCode,
    },
    i18n::use_i18n,
    routes::call_editor::{CallEditor, DeepLink, PAGE_KEYS},
    routes::not_found::NotFound,
    site::{asset_url, asset_version},
    strings,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/:category`: the category's introduction and QR code (server HTML), then its island.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("category").unwrap_or_default();
    move || match catalog::category(&slug()) {
        Some(category) => view! { <CategoryView category /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn CategoryView(category: &'static catalog::Category) -> impl IntoView {
    let i18n = use_i18n();
    let path = format!("/{}", category.slug);
    let link = use_query_map().with_untracked(|query| {
        query.get("api").map(|api| DeepLink {
            api,
            pairs: query
                .clone()
                .into_iter()
                .filter(|(key, _)| !PAGE_KEYS.contains(&key.as_ref()))
                .map(|(key, value)| (key.to_string(), value))
                .collect(),
        })
    });
    // Opened from /setup's QR code: a few lines of plain JS report wx.ready back to it.
    let from_setup =
        use_query_map().with_untracked(|query| query.get(crate::setup::SESSION_PARAM).is_some());
    let foreign_api = link
        .as_ref()
        .filter(|l| !catalog::apis_in(category.slug).any(|a| a.id == l.api))
        .map(|l| l.api.clone());
    view! {
        {from_setup.then(|| view! { <script src=crate::site::asset_url(crate::site::asset_version().as_deref(), "setup-phone.js") defer></script> })}
        <section class="intro category_intro">
            <div class="intro_text">
                <h1>{i18n.t(category.title.get())}</h1>
                <p class="tagline">{i18n.t(category.intro.get())}</p>
            </div>
            <details class="page_qr">
                <summary>{i18n.t(strings::OPEN_ON_PHONE)}</summary>
                <QrCode path=path.clone() />
            </details>
        </section>
        {foreign_api
            .map(|api| {
                view! {
                    <p class="field_error link_notice" id="link-notice">
                        {i18n.t(strings::LINK_API_UNKNOWN)}
                        <code>{api}</code>
                    </p>
                }
            })}
        <div class="category_demo" data-runtime=category.slug>
            <ConfigPanel />
            <WxErrorHelp />
            <div class="wxapi_form category_form" data-category=category.slug>
                {catalog::apis_in(category.slug)
                    .map(|api| {
                        let link = link.clone().filter(|l| l.api == api.id);
                        view! { <ApiItem api link /> }
                    })
                    .collect_view()}
            </div>
            <CodePanel />
            <ResultLog />
        </div>
        <RuntimeScript />
        {(category.slug == PAY_PAGE).then(|| view! { <PayDirectory path /> })}
        {(category.slug == catalog::MENU_PAGE).then(|| view! { <MenuItemsTable /> })}
        <CategoryErrors slug=category.slug />
    }
}

/// The category whose page states the payment authorization directory rule (`chooseWXPay`).
const PAY_PAGE: &str = "pay";

/// Appendix 3: every top-right menu item by class, with the id `hideMenuItems` /
/// `showMenuItems` take (server HTML only).
#[component]
fn MenuItemsTable() -> impl IntoView {
    let i18n = use_i18n();
    let classes = [
        (catalog::MenuClass::Basic, strings::MENU_CLASS_BASIC),
        (
            catalog::MenuClass::Propagation,
            strings::MENU_CLASS_PROPAGATION,
        ),
        (
            catalog::MenuClass::Protection,
            strings::MENU_CLASS_PROTECTION,
        ),
    ];
    view! {
        <section class="menu_items" id="menu-items">
            <h2>{i18n.t(strings::MENU_ITEMS_TITLE)}</h2>
            <p class="hint">{i18n.t(strings::MENU_ITEMS_HINT)}</p>
            {classes
                .into_iter()
                .map(|(class, title)| {
                    view! {
                        <table class="param_table menu_item_table">
                            <caption>{i18n.t(title)}</caption>
                            <tbody>
                                {catalog::MENU_ITEMS
                                    .iter()
                                    .filter(|item| item.class == class)
                                    .map(|item| {
                                        view! {
                                            <tr data-menu-item=item.id>
                                                <td><code>{item.id}</code></td>
                                                <td>{i18n.t(item.name)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// Loads the page's runtime: its glue as a module, which fetches the wasm beside it.
#[component]
fn RuntimeScript() -> impl IntoView {
    let version = asset_version();
    let glue = asset_url(version.as_deref(), RUNTIME_GLUE);
    let wasm = asset_url(version.as_deref(), RUNTIME_WASM);
    // The URLs as JSON strings, which are JavaScript string literals.
    let literal = |url: &str| serde_json::Value::from(url).to_string();
    let start = format!(
        "import init from {};init({{module_or_path:{}}});",
        literal(&glue),
        literal(&wasm)
    );
    view! {
        <link rel="modulepreload" href=glue.clone() />
        <link rel="preload" href=wasm.clone() r#as="fetch" type="application/wasm" crossorigin="anonymous" />
        <script type="module" inner_html=start></script>
    }
}

/// The runtime's glue and wasm under the site's assets (`scripts/build-runtime.sh`).
const RUNTIME_GLUE: &str = "runtime/category.js";
const RUNTIME_WASM: &str = "runtime/category_bg.wasm";

/// Config status, the signed URL and why it was chosen, and the presenter's switches: as the
/// server renders them before the runtime starts (it fills them in by id).
#[component]
fn ConfigPanel() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="config_panel">
            <p class="config_status" id="config-status" data-status="waiting">
                <span class="status_dot"></span>
                <span class="status_text">{i18n.t(strings::STATUS_WAITING)}</span>
            </p>
            <p class="signed_url" id="signed-url-line" hidden>
                <span class="label">{i18n.t(strings::SIGNED_URL)}</span>
                <code id="signed-url"></code>
                <span class="hint" id="signed-rule"></span>
            </p>
            <SetupSteps />
            <div class="switches">
                <span class="env_badge" id="env-badge"></span>
                <label class="switch">
                    <input type="checkbox" id="alert-mode" />
                    {i18n.t(strings::ALERT_MODE)}
                </label>
                <label class="switch">
                    <input type="checkbox" id="debug-mode" />
                    {i18n.t(strings::DEBUG_MODE)}
                </label>
            </div>
        </section>
    }
}

/// The documents' five steps with this page's live state: the host signed for, the
/// jweixin loaded, the exact `wx.config` object and string1 (ticket masked), and which of
/// ready / error fired.
#[component]
fn SetupSteps() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="setup_steps" id="setup-steps">
            <summary>{i18n.t(strings::SETUP_TITLE)}</summary>
            <ol>
                <li data-step="1">
                    <b>{i18n.t(strings::SETUP_STEP1)}</b>
                    <code id="setup-host"></code>
                    <span class="hint" id="setup-host-state">{i18n.t(strings::SETUP_HOST_PENDING)}</span>
                </li>
                <li data-step="2">
                    <b>{i18n.t(strings::SETUP_STEP2)}</b>
                    <code id="setup-sdk"></code>
                </li>
                <li data-step="3">
                    <b>{i18n.t(strings::SETUP_STEP3)}</b>
                    <pre id="setup-config"><code></code></pre>
                    <span class="hint">{i18n.t(strings::SETUP_STRING1)}</span>
                    <pre id="setup-string1"><code></code></pre>
                </li>
                <li data-step="4" data-fired="false">
                    <b>{i18n.t(strings::SETUP_STEP4)}</b>
                    <span class="setup_fired">{i18n.t(strings::SETUP_NOT_FIRED)}</span>
                </li>
                <li data-step="5" data-fired="false">
                    <b>{i18n.t(strings::SETUP_STEP5)}</b>
                    <span class="setup_fired">{i18n.t(strings::SETUP_NOT_FIRED)}</span>
                </li>
            </ol>
        </details>
    }
}

/// The result log, empty until the runtime writes to it (newest first, copyable).
#[component]
fn ResultLog() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="result_log" id="result-log">
            <header class="result_log_head">
                <h2>{i18n.t(strings::LOG_TITLE)}</h2>
                <div class="result_log_actions">
                    <button type="button" class="link_button" id="copy-log">{i18n.t(strings::COPY)}</button>
                    <button type="button" class="link_button" id="clear-log">{i18n.t(strings::CLEAR)}</button>
                </div>
            </header>
            <p class="result_log_empty">{i18n.t(strings::LOG_EMPTY)}</p>
            <ol class="result_log_list" hidden></ol>
        </section>
    }
}

/// One API: the official caption, the green button (the runtime runs it), its call editor
/// and its documentation on demand.
#[component]
fn ApiItem(api: &'static Api, link: Option<DeepLink>) -> impl IntoView {
    let i18n = use_i18n();
    let linked = link.is_some();
    let badge = match api.since {
        DocVersion::NewerOnly => Some(strings::NEWER_DOC_ONLY),
        DocVersion::OlderOnly => Some(strings::OLDER_DOC_ONLY),
        DocVersion::NewerLinksToPay => Some(strings::PAY_DOCS_ONLY),
        DocVersion::Both => None,
    };
    view! {
        <div class="api_item" class:linked=linked data-api=api.id>
            <span class="desc">
                {i18n.t(api.caption)}
                {badge.map(|b| view! { <em class="badge">{i18n.t(b)}</em> })}
                {api.deprecated.then(|| view! { <em class="badge badge_warn">{i18n.t(strings::DEPRECATED)}</em> })}
            </span>
            <button type="button" class="btn btn_primary" id=api.id>{i18n.t(api.label)}</button>
            {api
                .params
                .iter()
                .any(|p| p.name == "link")
                .then(|| view! { <p class="hint share_rule">{i18n.t(strings::SHARE_LINK_RULE)}</p> })}
            <CallEditor api link />
            <ApiDoc api />
        </div>
    }
}

/// The documentation of an API: server HTML (the browser build has none of it).
#[component]
fn ApiDoc(api: &'static Api) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="api_doc">
            <summary>{i18n.t(api.summary.get())}</summary>
            <ParamTable
                title=strings::PARAMETERS
                rows=api
                    .params
                    .iter()
                    .map(|p| (p.name, p.ty.doc_name(), p.required, p.doc.get()))
                    .collect()
            />
            <ParamTable
                title=strings::RETURNS
                rows=api.returns.get().iter().map(|r| (r.name, r.ty, false, r.doc)).collect()
            />
        </details>
    }
}

/// A parameter or result row: name, type, required, documentation.
type DocRow = (&'static str, &'static str, bool, catalog::Text);

#[component]
fn ParamTable(title: catalog::Text, rows: Vec<DocRow>) -> impl IntoView {
    let i18n = use_i18n();
    (!rows.is_empty()).then(|| {
        view! {
            <table class="param_table">
                <caption>{i18n.t(title)}</caption>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(name, ty, required, doc)| {
                            view! {
                                <tr>
                                    <td><code>{name}</code></td>
                                    <td class="param_type">{ty}{required.then_some(" *")}</td>
                                    <td>{i18n.t(doc)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    })
}

/// On `wx.error`: appendix 5's explanation of the errMsg (see [`ErrMsgItems`], revealed by
/// the errMsg the runtime sets as `data-err-msg`), what is wrong with the signed URL compared
/// with the page's own address (`.findings`), and the doctor's link.
#[component]
fn WxErrorHelp() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="wx_error_help" id="wx-error-help" hidden>
            <ErrMsgItems />
            <ul class="findings"></ul>
            <a href="/doctor" id="open-doctor">{i18n.t(strings::OPEN_DOCTOR)}</a>
        </div>
    }
}
