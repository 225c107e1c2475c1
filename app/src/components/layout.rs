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

/// The 中文/English toggle: a plain link to this page in the other language, which the
/// server renders in it and remembers (cookie). Islands with something to keep hook into
/// its click (`i18n::before_language_reload`); without JavaScript it works the same.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let href = crate::i18n::switch_href(
        &location.pathname.get_untracked(),
        &location.search.get_untracked(),
        i18n.lang.other(),
    );
    view! {
        <a
            id=crate::i18n::SWITCH_ID
            class="lang_switch"
            href=href
            hreflang=i18n.lang.other().html_lang()
            title=i18n.t(strings::LANG_SWITCH_TITLE)
        >
            {i18n.t(strings::LANG_SWITCH)}
        </a>
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
