//! Appendix 5's items as server HTML: all of them on the doctor page, those an errMsg shows
//! in the `wx.error` help, those about a category's APIs on its page; and the link to an
//! item, which islands show next to an errMsg or a finding.

use crate::{
    catalog::{self, Clue, ErrorHelp, Recognised},
    i18n::use_i18n,
    strings,
};
use leptos::prelude::*;

pub use catalog::{item_anchor, item_href};

/// A link to an item of the doctor page's list.
#[component]
pub fn AppendixLink(number: u8, #[prop(optional)] on_doctor: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="appendix_link" data-item=number href=item_href(number, on_doctor)>
            {i18n.t(strings::APPENDIX_5_ITEM)}
            {number}
        </a>
    }
}

/// Every item, in the document's order, with how a page recognises it.
#[component]
pub fn AppendixFive() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel appendix_5" id="appendix-5">
            <h2>{i18n.t(strings::DOCTOR_ERRORS)}</h2>
            <p class="hint">{i18n.t(strings::APPENDIX_5_INTRO)}</p>
            <ol class="error_list">
                {catalog::ERRORS
                    .iter()
                    .map(|error| {
                        view! {
                            <li class="error_item" id=item_anchor(error.number) data-item=error.number>
                                <ErrorItem error on_doctor=true />
                                <Recognition error />
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The items about a category's APIs (none for most categories).
#[component]
pub fn CategoryErrors(slug: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let errors: Vec<_> = catalog::errors_about(slug).collect();
    (!errors.is_empty()).then(|| {
        view! {
            <section class="panel category_errors" id="category-errors">
                <h2>{i18n.t(strings::CATEGORY_ERRORS)}</h2>
                <ol class="error_list">
                    {errors
                        .into_iter()
                        .map(|error| {
                            view! {
                                <li class="error_item" data-item=error.number>
                                    <ErrorItem error />
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

/// The items an errMsg shows, for the `wx.error` help: each is hidden until the errMsg the
/// help sets as `data-err-msg` contains its text. The rules that reveal them are CSS made
/// here from the catalog, so the wasm carries neither appendix 5's texts nor the matching.
#[component]
pub fn ErrMsgItems() -> impl IntoView {
    let items: Vec<_> = catalog::ERRORS
        .iter()
        .filter_map(|error| error.err_msg().map(|pattern| (error, pattern)))
        .collect();
    let reveal: String = items
        .iter()
        .map(|(_, pattern)| {
            format!(
                ".wx_error_help[data-err-msg*=\"{pattern}\"] .error_item[data-pattern=\"{pattern}\"]{{display:block}}"
            )
        })
        .collect();
    view! {
        <style inner_html=reveal></style>
        {items
            .into_iter()
            .map(|(error, pattern)| {
                view! {
                    <div class="error_item" data-pattern=pattern>
                        <ErrorItem error />
                    </div>
                }
            })
            .collect_view()}
    }
}

/// An item's number (a link to the doctor's list), symptom, cause and fix.
#[component]
pub fn ErrorItem(error: &'static ErrorHelp, #[prop(optional)] on_doctor: bool) -> impl IntoView {
    let i18n = use_i18n();
    let symptom = match (error.err_msg(), error.symptom.get()) {
        (Some(err_msg), _) => view! { <code>{err_msg}</code> }.into_any(),
        (None, Some(symptom)) => i18n.t(symptom).into_any(),
        (None, None) => ().into_any(),
    };
    let fix = match error.fix.get() {
        [step] => i18n.t(*step).into_any(),
        steps => view! {
            {i18n.t(strings::ERROR_STEPS)}
            <ol class="error_steps">
                {steps.iter().map(|step| view! { <li>{i18n.t(*step)}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
    };
    view! {
        <p class="error_symptom">
            <a class="error_number" href=item_href(error.number, on_doctor)>
                {error.number}"."
            </a>
            " "
            {symptom}
        </p>
        <p class="error_cause">
            <span class="error_label">{i18n.t(strings::ERROR_CAUSE)}</span>
            {i18n.t(error.cause.get())}
        </p>
        <div class="error_fix">
            <span class="error_label">{i18n.t(strings::ERROR_FIX)}</span>
            {fix}
        </div>
    }
}

/// How a page recognises the item: its clues, or that it is not recognised automatically.
#[component]
fn Recognition(error: &'static ErrorHelp) -> impl IntoView {
    let i18n = use_i18n();
    let (kind, clues) = match error.recognised {
        Recognised::By(clues) => (
            "by",
            clues
                .iter()
                .map(|clue| view! { <span class="error_clue">{clue_view(*clue)}</span> })
                .collect_view()
                .into_any(),
        ),
        Recognised::NotAutomatic => (
            "not_automatic",
            i18n.t(strings::ERROR_NOT_AUTOMATIC).into_any(),
        ),
    };
    view! {
        <p class="error_recognised hint" data-recognised=kind>
            {i18n.t(strings::ERROR_RECOGNISED)}
            {clues}
        </p>
    }
}

/// One clue, said in the page's language, with a link to where it is shown.
fn clue_view(clue: Clue) -> AnyView {
    let i18n = use_i18n();
    let page = |slug: &str| format!("/{slug}");
    match clue {
        Clue::ErrMsg(text) => {
            view! { {i18n.t(strings::CLUE_ERR_MSG)} " " <code>{text}</code> }.into_any()
        }
        Clue::Finding(code) => {
            view! { {i18n.t(strings::CLUE_FINDING)} " " <code>{code.as_str()}</code> }.into_any()
        }
        Clue::Api(id) => {
            let href = catalog::api(id)
                .map(|api| page(api.category))
                .unwrap_or_default();
            view! { {i18n.t(strings::CLUE_API)} " " <a href=href><code>{id}</code></a> }.into_any()
        }
        Clue::Category(slug) => {
            view! { {i18n.t(strings::CLUE_CATEGORY)} " " <a href=page(slug)>{page(slug)}</a> }
                .into_any()
        }
        Clue::MenuItem(id) => {
            let href = format!("{}#menu-items", page(catalog::MENU_PAGE));
            view! { {i18n.t(strings::CLUE_MENU_ITEM)} " " <a href=href><code>{id}</code></a> }
                .into_any()
        }
    }
}
