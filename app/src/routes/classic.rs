//! `/classic`: the official demo page itself — its index, sections, captions, green
//! buttons and `alert()` messages — rendered from the same catalog as every other page.

use crate::{
    catalog,
    components::result_log::ResultLog,
    demo::{self, session::provide_session},
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The official demo (V3/V4): 12 sections, 35 buttons, alerts on.
#[component]
pub fn ClassicPage() -> impl IntoView {
    view! {
        // The official page's own title and viewport (OFFICIAL-DEMO.md, S4).
        <Title text="微信JS-SDK Demo" />
        <Meta
            name="viewport"
            content="width=device-width, initial-scale=1, user-scalable=0"
        />
        <ClassicDemo />
    }
}

/// The whole classic page is one island, lazy: the category pages do not carry it.
#[island(lazy)]
fn ClassicDemo() -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let session = provide_session();
    session.alert_mode.set(true);
    let sections: Vec<&'static catalog::Category> = catalog::CATEGORIES
        .iter()
        .filter(|c| c.classic.is_some())
        .collect();
    let slugs: Vec<&'static str> = sections.iter().map(|c| c.slug).collect();
    Effect::new(move |_| demo::boot(session, slugs.clone()));
    view! {
        <div class="wxapi_container classic" id="classic">
            <div class="wxapi_index_container">
                <ul class="label_box lbox_close wxapi_index_list">
                    {sections
                        .iter()
                        .filter_map(|c| c.classic.as_ref())
                        .map(|section| {
                            view! {
                                <li class="label_item wxapi_index_item">
                                    <a class="label_inner" href=format!("#{}", section.anchor)>
                                        {section.index_text}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
            <div class="lbox_close wxapi_form">
                {sections
                    .iter()
                    .filter_map(|category| category.classic.as_ref().map(|s| (category, s)))
                    .map(|(category, section)| {
                        let apis: Vec<_> = catalog::classic_apis()
                            .filter(|api| api.category == category.slug)
                            .collect();
                        view! {
                            <h3 id=section.anchor>{section.heading}</h3>
                            {apis
                                .into_iter()
                                .map(|api| {
                                    let caption = (!api.caption.zh.is_empty() && api.id != "scanQRCode1")
                                        .then(|| view! { <span class="desc">{api.caption.zh}</span> });
                                    view! {
                                        {caption}
                                        <button
                                            class="btn btn_primary"
                                            id=api.id
                                            on:click=move |_| demo::press(session, api)
                                        >
                                            {api.label.zh}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        <ResultLog />
    }
}
