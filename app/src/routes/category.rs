//! One page per interface category, all fed by the catalog.

use crate::{
    api::doctor::LintSignedUrl,
    catalog::{self, Api, DocVersion},
    components::{
        code_panel::CodePanel,
        error_help::{AppendixLink, CategoryErrors, ErrMsgItems},
        pay_directory::PayDirectory,
        qr::QrCode,
        result_log::ResultLog,
    },
    demo::{
        self,
        session::{provide_carried_session, use_session, ConfigStatus},
    },
    diagnostics,
    i18n::use_i18n,
    routes::call_editor::{CallEditor, DeepLink, PAGE_KEYS},
    routes::not_found::NotFound,
    strings,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use wechat::page_url::SignedUrlRule;

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
        <CategoryDemo slug=category.slug.to_owned()>
            <WxErrorHelp>
                <ErrMsgItems />
            </WxErrorHelp>
            <div class="wxapi_form category_form" data-category=category.slug>
                {catalog::apis_in(category.slug)
                    .map(|api| {
                        let link = link.clone().filter(|l| l.api == api.id);
                        view! { <ApiItem api link /> }
                    })
                    .collect_view()}
            </div>
            <CodePanel />
        </CategoryDemo>
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

/// The island of a category page: config status, then `children` (server HTML: the
/// `wx.error` help and the APIs, with islands that share this island's session), snippet
/// and log. Signs on hydration and again when debug is toggled.
#[island]
fn CategoryDemo(slug: String, children: Children) -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    let session = provide_carried_session();
    let Some(category) = catalog::category(&slug) else {
        return ().into_any();
    };
    Effect::new(move |_| {
        session.debug.track();
        demo::boot(session, vec![category.slug], i18n);
    });
    // A deep link's call is brought into view (it is never run by itself).
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(linked) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".api_item.linked").ok().flatten())
        {
            linked.scroll_into_view();
        }
    });
    view! {
        <ConfigPanel />
        {children()}
        <ResultLog />
    }
    .into_any()
}

/// Config status, the signed URL and why it was chosen, and the presenter's switches.
#[component]
fn ConfigPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status_text = move || match session.status.get() {
        ConfigStatus::Waiting => i18n.t(strings::STATUS_WAITING).to_owned(),
        ConfigStatus::Signing => i18n.t(strings::STATUS_SIGNING).to_owned(),
        ConfigStatus::Verifying => i18n.t(strings::STATUS_VERIFYING).to_owned(),
        ConfigStatus::Ready => i18n.t(strings::STATUS_READY).to_owned(),
        ConfigStatus::Failed(why) => format!("{}{why}", i18n.t(strings::STATUS_FAILED)),
    };
    let status_key = move || match session.status.get() {
        ConfigStatus::Waiting => "waiting",
        ConfigStatus::Signing => "signing",
        ConfigStatus::Verifying => "verifying",
        ConfigStatus::Ready => "ready",
        ConfigStatus::Failed(_) => "failed",
    };
    view! {
        <section class="config_panel">
            <p class="config_status" id="config-status" data-status=status_key>
                <span class="status_dot"></span>
                {status_text}
            </p>
            {move || {
                session
                    .signed
                    .get()
                    .map(|signed| {
                        let rule = match signed.rule {
                            SignedUrlRule::IosLandingUrl => strings::RULE_IOS,
                            SignedUrlRule::CurrentUrl => strings::RULE_CURRENT,
                        };
                        view! {
                            <p class="signed_url">
                                <span class="label">{i18n.t(strings::SIGNED_URL)}</span>
                                <code id="signed-url">{signed.url.clone()}</code>
                                <span class="hint">{i18n.t(rule)}</span>
                            </p>
                        }
                    })
            }}
            <SetupSteps />
            <div class="switches">
                <span class="env_badge" id="env-badge">
                    {move || {
                        if session.simulated.get() {
                            i18n.t(strings::SIMULATED)
                        } else {
                            i18n.t(strings::REAL_WECHAT)
                        }
                    }}
                </span>
                <label class="switch">
                    <input
                        type="checkbox"
                        id="alert-mode"
                        prop:checked=move || session.alert_mode.get()
                        on:change=move |ev| session.alert_mode.set(event_target_checked(&ev))
                    />
                    {i18n.t(strings::ALERT_MODE)}
                </label>
                <label class="switch">
                    <input
                        type="checkbox"
                        id="debug-mode"
                        prop:checked=move || session.debug.get()
                        on:change=move |ev| session.debug.set(event_target_checked(&ev))
                    />
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
    let session = use_session();
    let setup = move || session.setup.get();
    let host = move || {
        session
            .signed
            .get()
            .and_then(|s| {
                s.url
                    .split("://")
                    .nth(1)
                    .map(|rest| rest.split(['/', '?']).next().unwrap_or("").to_owned())
            })
            .unwrap_or_default()
    };
    let configured = move || !setup().config.is_empty();
    let fired = move |which: &str| {
        let status = session.status.get();
        let yes = match which {
            "ready" => status == ConfigStatus::Ready,
            _ => matches!(status, ConfigStatus::Failed(_)),
        };
        (
            if yes { "true" } else { "false" },
            i18n.t(if yes {
                strings::SETUP_FIRED
            } else {
                strings::SETUP_NOT_FIRED
            }),
        )
    };
    view! {
        <details class="setup_steps" id="setup-steps">
            <summary>{i18n.t(strings::SETUP_TITLE)}</summary>
            <ol>
                <li data-step="1">
                    <b>{i18n.t(strings::SETUP_STEP1)}</b>
                    <code id="setup-host">{host}</code>
                    <span class="hint">
                        {move || i18n.t(if configured() { strings::SETUP_HOST_SIGNED } else { strings::SETUP_HOST_PENDING })}
                    </span>
                </li>
                <li data-step="2">
                    <b>{i18n.t(strings::SETUP_STEP2)}</b>
                    <code id="setup-sdk">{move || setup().sdk}</code>
                </li>
                <li data-step="3">
                    <b>{i18n.t(strings::SETUP_STEP3)}</b>
                    <pre id="setup-config"><code>{move || setup().config}</code></pre>
                    <span class="hint">{i18n.t(strings::SETUP_STRING1)}</span>
                    <pre id="setup-string1"><code>{move || setup().string1}</code></pre>
                </li>
                <li data-step="4" data-fired=move || fired("ready").0>
                    <b>{i18n.t(strings::SETUP_STEP4)}</b>
                    <span class="setup_fired">{move || fired("ready").1}</span>
                </li>
                <li data-step="5" data-fired=move || fired("error").0>
                    <b>{i18n.t(strings::SETUP_STEP5)}</b>
                    <span class="setup_fired">
                        {move || fired("error").1}
                        {move || match session.status.get() {
                            ConfigStatus::Failed(why) => format!(" — {why}"),
                            _ => String::new(),
                        }}
                    </span>
                </li>
            </ol>
        </details>
    }
}

/// One API: the official caption, the green button (an island), and its documentation
/// on demand, which stays server HTML.
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
            <ApiButton id=api.id.to_owned() />
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

/// The button that runs one API, in the session of the page's [`CategoryDemo`].
#[island]
fn ApiButton(id: String) -> impl IntoView {
    crate::hydration::island_hydrated();
    let i18n = use_i18n();
    let session = use_session();
    let Some(api) = catalog::api(&id) else {
        return ().into_any();
    };
    view! {
        <button class="btn btn_primary" id=api.id on:click=move |_| demo::press(session, api, i18n)>
            {i18n.t(api.label)}
        </button>
    }
    .into_any()
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

/// On `wx.error`: appendix 5's explanation of the errMsg (`children`: server HTML, see
/// [`ErrMsgItems`], revealed by the errMsg this sets as `data-err-msg`), what is wrong with
/// the signed URL compared with the page's own address, and the doctor's link.
#[island]
fn WxErrorHelp(children: Children) -> impl IntoView {
    crate::hydration::island_hydrated();
    let i18n = use_i18n();
    let session = use_session();
    let lint = ServerAction::<LintSignedUrl>::new();
    Effect::new(move |_| {
        if let (ConfigStatus::Failed(_), Some(signed)) =
            (session.status.get(), session.signed.get())
        {
            lint.dispatch(LintSignedUrl {
                url: signed.url,
                page_url: current_href(),
            });
        }
    });
    let err_msg = move || match session.status.get() {
        ConfigStatus::Failed(err_msg) => Some(err_msg),
        _ => None,
    };
    let doctor_link = move || {
        session
            .signed
            .get()
            .map(|s| {
                let real = if s.real_auth_url.is_empty() {
                    String::new()
                } else {
                    format!("&real_auth_url={}", encode(&s.real_auth_url))
                };
                format!(
                    "/doctor?url={}&page_url={}{real}",
                    encode(&s.url),
                    encode(&current_href())
                )
            })
            .unwrap_or_else(|| "/doctor".to_owned())
    };
    view! {
        <div class="wx_error_help" id="wx-error-help" hidden=move || err_msg().is_none() data-err-msg=err_msg>
            {children()}
            <ul class="findings">
                {move || {
                    lint.value()
                        .get()
                        .and_then(Result::ok)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|f| {
                            let item = catalog::error_for_finding(f.kind.code()).map(|error| error.number);
                            view! {
                                <li class="finding" data-code=f.kind.code().as_str() data-fatal=f.fatal.to_string()>
                                    {diagnostics::finding(&f.kind, i18n.lang)}
                                    {item.map(|number| view! { " " <AppendixLink number /> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <a href=doctor_link id="open-doctor">{i18n.t(strings::OPEN_DOCTOR)}</a>
        </div>
    }
}

/// The page's `location.href` (empty on the server).
fn current_href() -> String {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// What a query value keeps unescaped: RFC 3986's unreserved characters.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query value.
pub(super) fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(
            encode("https://a.example/p?x=1&y=你 ~-_."),
            "https%3A%2F%2Fa.example%2Fp%3Fx%3D1%26y%3D%E4%BD%A0%20~-_."
        );
    }
}
