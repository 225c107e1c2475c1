//! One page per interface category, all fed by the catalog.

use crate::{
    api::doctor::LintSignedUrl,
    catalog::{self, Api, DocVersion},
    components::{qr::QrCode, result_log::ResultLog},
    demo::{
        self,
        session::{provide_carried_session, use_session, ConfigStatus},
    },
    diagnostics,
    i18n::use_i18n,
    routes::not_found::NotFound,
    strings,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
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
    view! {
        <section class="intro category_intro">
            <div class="intro_text">
                <h1>{i18n.t(category.title.get())}</h1>
                <p class="tagline">{i18n.t(category.intro.get())}</p>
            </div>
            <details class="page_qr">
                <summary>{i18n.t(strings::OPEN_ON_PHONE)}</summary>
                <QrCode path=path />
            </details>
        </section>
        <CategoryDemo slug=category.slug.to_owned()>
            {catalog::apis_in(category.slug).map(|api| view! { <ApiItem api /> }).collect_view()}
        </CategoryDemo>
        {(category.slug == MENU_PAGE).then(|| view! { <MenuItemsTable /> })}
    }
}

/// The category whose page lists appendix 3 (the menu items `hideMenuItems` takes).
const MENU_PAGE: &str = "menu";

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

/// The island of a category page: config status, the APIs (`children`: server HTML with
/// an [`ApiButton`] island each, which share this island's session), snippet and log.
/// Signs on hydration and again when debug is toggled.
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
    view! {
        <ConfigPanel />
        <div class="wxapi_form category_form" data-category=category.slug>
            {children()}
        </div>
        <Snippet />
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
            <WxErrorHelp />
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

/// One API: the official caption, the green button (an island), and its documentation
/// on demand, which stays server HTML.
#[component]
fn ApiItem(api: &'static Api) -> impl IntoView {
    let i18n = use_i18n();
    let badge = match api.since {
        DocVersion::NewerOnly => Some(strings::NEWER_DOC_ONLY),
        DocVersion::OlderOnly => Some(strings::OLDER_DOC_ONLY),
        DocVersion::Both => None,
    };
    view! {
        <div class="api_item" data-api=api.id>
            <span class="desc">
                {i18n.t(api.caption)}
                {badge.map(|b| view! { <em class="badge">{i18n.t(b)}</em> })}
                {api.deprecated.then(|| view! { <em class="badge badge_warn">{i18n.t(strings::DEPRECATED)}</em> })}
            </span>
            <ApiButton id=api.id.to_owned() />
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
            <ParamTable title=strings::PARAMETERS params=api.params.get() />
            <ParamTable title=strings::RETURNS params=api.returns.get() />
        </details>
    }
}

#[component]
fn ParamTable(title: catalog::Text, params: &'static [catalog::Param]) -> impl IntoView {
    let i18n = use_i18n();
    (!params.is_empty()).then(|| {
        view! {
            <table class="param_table">
                <caption>{i18n.t(title)}</caption>
                <tbody>
                    {params
                        .iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <td><code>{p.name}</code></td>
                                    <td class="param_type">{p.ty}{p.required.then_some(" *")}</td>
                                    <td>{i18n.t(p.doc)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    })
}

/// The JavaScript of the last call, with the values actually used.
#[component]
fn Snippet() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <section class="snippet">
            <h2>{i18n.t(strings::SNIPPET_TITLE)}</h2>
            {move || match session.snippet.get() {
                Some(code) => view! { <pre id="snippet"><code>{code}</code></pre> }.into_any(),
                None => view! { <p class="hint">{i18n.t(strings::SNIPPET_EMPTY)}</p> }.into_any(),
            }}
        </section>
    }
}

/// On `wx.error`: appendix 5's explanation of the errMsg, and what is wrong with the
/// signed URL compared with the page's own address.
#[component]
fn WxErrorHelp() -> impl IntoView {
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
    move || {
        let ConfigStatus::Failed(err_msg) = session.status.get() else {
            return ().into_any();
        };
        let known: Vec<_> = catalog::ERRORS
            .iter()
            .filter(|e| err_msg.contains(e.pattern))
            .collect();
        let doctor_link = session
            .signed
            .get()
            .map(|s| {
                format!(
                    "/doctor?url={}&page_url={}",
                    encode(&s.url),
                    encode(&current_href())
                )
            })
            .unwrap_or_else(|| "/doctor".to_owned());
        view! {
            <div class="wx_error_help" id="wx-error-help">
                {known
                    .into_iter()
                    .map(|e| {
                        view! {
                            <p class="error_cause" data-pattern=e.pattern>
                                <b>{e.pattern}</b> ": " {i18n.t(e.cause)}
                            </p>
                            <p class="error_fix">{i18n.t(e.fix)}</p>
                        }
                    })
                    .collect_view()}
                <ul class="findings">
                    {move || {
                        lint.value()
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|f| {
                                view! {
                                    <li class="finding" data-code=f.kind.code().as_str() data-fatal=f.fatal.to_string()>
                                        {diagnostics::finding(&f.kind, i18n.lang)}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <a href=doctor_link id="open-doctor">{i18n.t(strings::OPEN_DOCTOR)}</a>
            </div>
        }
        .into_any()
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
fn encode(value: &str) -> String {
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
