//! The frame around every page: top bar, language switch, mode banner.

use crate::{i18n::use_i18n, site::site_info, strings};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

/// The page shown as the official demo was: no site chrome but the mode banner.
const AS_OFFICIAL: &str = "/classic";

/// Wraps a page in the site's top bar and mode banner (the banner alone on `/classic`).
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let official = use_location().pathname.get_untracked() == AS_OFFICIAL;
    view! {
        {(!official).then(|| view! { <TopBar /> })}
        <ModeBanner />
        <main class="page">{children()}</main>
    }
}

/// The site's top bar: title, the main pages, the language switch.
#[component]
fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="topbar">
            <A href="/" attr:class="topbar_title">
                <SiteTitle />
            </A>
            <nav class="topbar_nav">
                <A href="/classic">{i18n.t(strings::CLASSIC_NAV)}</A>
                <A href="/doctor">{i18n.t(strings::DOCTOR_LINK)}</A>
                <A href="/qa" attr:id="qa-nav">{i18n.t(strings::QA_NAV)}</A>
            </nav>
            <LanguageSwitch />
        </header>
    }
}

#[component]
fn SiteTitle() -> impl IntoView {
    let i18n = use_i18n();
    i18n.t(strings::SITE_TITLE)
}

/// The 中文/English toggle, an island: the choice is remembered in a cookie and the page
/// reloads in the other language.
#[island]
pub fn LanguageSwitch() -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    view! {
        <button
            id="lang-switch"
            class="lang_switch"
            title=i18n.t(strings::LANG_SWITCH_TITLE)
            on:click=move |_| i18n.set(i18n.lang.other())
        >
            {i18n.t(strings::LANG_SWITCH)}
        </button>
    }
}

/// Says on every page whether the sandbox or the real WeChat API signs.
#[component]
fn ModeBanner() -> impl IntoView {
    let i18n = use_i18n();
    site_info().map(|info| {
        if info.sandbox {
            view! {
                <p class="mode_banner mode_sandbox" id="mode-banner" data-mode="sandbox">
                    {i18n.t(strings::SANDBOX_BANNER)}
                </p>
            }
            .into_any()
        } else {
            view! {
                <p class="mode_banner mode_live" id="mode-banner" data-mode="live">
                    {i18n.t(strings::LIVE_BANNER)}
                    " · appId "
                    <code>{info.app_id.clone()}</code>
                </p>
            }
            .into_any()
        }
    })
}
