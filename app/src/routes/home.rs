//! The home page: what this is, a QR code to open it in WeChat, and the categories.

use crate::{catalog, components::qr::QrCode, i18n::use_i18n, strings};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/`: title, introduction, QR entry and the list of interface categories.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="intro">
            <h1>{i18n.t(strings::SITE_TITLE)}</h1>
            <p class="tagline">{i18n.t(strings::SITE_TAGLINE)}</p>
        </section>
        <div class="home_grid">
            <div>
                <h2 class="section_title">{i18n.t(strings::CATEGORIES_HEADING)}</h2>
                <ul class="label_box category_list" id="categories">
                    {catalog::CATEGORIES
                        .iter()
                        .map(|category| {
                            let count = catalog::apis_in(category.slug).count();
                            view! {
                                <li class="label_item">
                                    <A href=format!("/{}", category.slug) attr:class="label_inner category_link">
                                        <span class="category_title">{i18n.t(category.title.get())}</span>
                                        <span class="category_count">
                                            {count} " " {i18n.t(strings::APIS_COUNT)}
                                        </span>
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <ul class="label_box more_links">
                    <li class="label_item">
                        <a class="label_inner" href="/classic" id="classic-link">
                            {i18n.t(strings::CLASSIC_LINK)}
                        </a>
                    </li>
                    <li class="label_item">
                        <a class="label_inner" href="/setup" id="setup-link">
                            {i18n.t(strings::SETUP_HOME_LINK)}
                        </a>
                    </li>
                    <li class="label_item">
                        <a class="label_inner" href="/qa" id="qa-link">
                            {i18n.t(strings::QA_HOME_LINK)}
                        </a>
                    </li>
                    <li class="label_item">
                        <a class="label_inner" href="/live" id="live-link">
                            {i18n.t(strings::LIVE_HOME_LINK)}
                        </a>
                    </li>
                </ul>
            </div>
            <aside class="home_qr" id="home-qr">
                <h2>{i18n.t(strings::HOME_QR_TITLE)}</h2>
                <QrCode path="/" large=true />
                <p id="home-qr-steps">{i18n.t(strings::HOME_QR_STEPS)}</p>
            </aside>
        </div>
    }
}
