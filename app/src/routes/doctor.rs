//! `/doctor`: like WeChat's own signature checker, but explaining each step and what
//! in the URL would make `wx.config` fail. Inputs travel in a POST body, never in a URL,
//! so a ticket pasted here reaches no access log.

use crate::{
    api::{config_lint::LintConfig, doctor::Diagnose},
    catalog,
    components::auth_url_diff::AuthUrlDiff,
    components::error_help::{AppendixFive, AppendixLink},
    diagnostics,
    i18n::use_i18n,
    strings,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// What a page linking here pre-fills the form with (`?url=…&noncestr=…`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoctorPrefill {
    pub url: String,
    pub jsapi_ticket: String,
    pub noncestr: String,
    pub timestamp: String,
    pub page_url: String,
    pub expected: String,
}

/// The signature doctor page: the form is an island, appendix 5 (all its items) server HTML.
#[component]
pub fn DoctorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let prefill = query.with_untracked(|q| {
        let get = |key: &str| q.get(key).unwrap_or_default();
        DoctorPrefill {
            url: get("url"),
            jsapi_ticket: get("jsapi_ticket"),
            noncestr: get("noncestr"),
            timestamp: get("timestamp"),
            page_url: get("page_url"),
            expected: get("expected"),
        }
    });
    let (signed, real) = crate::components::auth_url_diff::query_urls();
    view! {
        <section class="intro">
            <h1>{i18n.t(strings::DOCTOR_TITLE)}</h1>
            <p class="tagline">{i18n.t(strings::DOCTOR_INTRO)}</p>
        </section>
        <AuthUrlDiff signed real />
        <DoctorForm prefill />
        <ConfigLinter />
        <AppendixFive />
    }
}

/// The doctor's form and its step-by-step answer; lazy, so only this page fetches it.
#[island(lazy)]
fn DoctorForm(prefill: DoctorPrefill) -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    let action = ServerAction::<Diagnose>::new();
    view! {
        <ActionForm action=action attr:class="panel doctor_form" attr:id="doctor-form">
            <label>"url"<input name="url" id="doctor-url" required value=prefill.url /></label>
            <label>"jsapi_ticket"<input name="jsapi_ticket" id="doctor-ticket" required value=prefill.jsapi_ticket /></label>
            <label>"noncestr"<input name="noncestr" id="doctor-noncestr" required value=prefill.noncestr /></label>
            <label>"timestamp"<input name="timestamp" id="doctor-timestamp" required value=prefill.timestamp /></label>
            <label>
                {i18n.t(strings::DOCTOR_PAGE_URL)}
                <input name="page_url" id="doctor-page-url" value=prefill.page_url />
            </label>
            <label>
                {i18n.t(strings::DOCTOR_EXPECTED)}
                <input name="expected" id="doctor-expected" value=prefill.expected />
            </label>
            <button class="btn btn_primary" type="submit" id="doctor-run">
                {i18n.t(strings::DOCTOR_RUN)}
            </button>
        </ActionForm>
        <section class="panel doctor_result" id="doctor-result">
            {move || match action.value().get() {
                None => ().into_any(),
                Some(Err(error)) => view! { <p class="error" id="doctor-error">{error.message}</p> }.into_any(),
                Some(Ok(d)) => {
                    view! {
                        <h2>"1. " {i18n.t(strings::DOCTOR_STEP_SORT)}</h2>
                        <ol class="doctor_fields">
                            {d.sorted
                                .iter()
                                .map(|(k, v)| view! { <li><code>{k.clone()} "=" {v.clone()}</code></li> })
                                .collect_view()}
                        </ol>
                        <h2>"2. " {i18n.t(strings::DOCTOR_STEP_JOIN)}</h2>
                        <pre id="doctor-string1">{d.string1.clone()}</pre>
                        <h2>"3. SHA-1"</h2>
                        <pre id="doctor-signature">{d.signature.clone()}</pre>
                        {d.matches.map(|ok| {
                            let text = if ok { strings::DOCTOR_MATCH } else { strings::DOCTOR_NO_MATCH };
                            view! { <p class="verdict" data-match=ok.to_string()>{i18n.t(text)}</p> }
                        })}
                        <ul class="findings" id="doctor-findings">
                            {d.findings
                                .iter()
                                .map(|f| {
                                    let item = catalog::error_for_finding(f.kind.code()).map(|error| error.number);
                                    view! {
                                        <li class="finding" data-code=f.kind.code().as_str() data-fatal=f.fatal.to_string()>
                                            {diagnostics::finding(&f.kind, i18n.lang)}
                                            {item.map(|number| view! { " " <AppendixLink number on_doctor=true /> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The `wx.config` linter: paste a config and the code calling it, get each problem and its
/// fix. Lazy, so only this page fetches it.
#[island(lazy)]
fn ConfigLinter() -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    let action = ServerAction::<LintConfig>::new();
    view! {
        <section class="intro" id="lint">
            <h2>{i18n.t(strings::LINT_TITLE)}</h2>
            <p>{i18n.t(strings::LINT_INTRO)}</p>
        </section>
        <ActionForm action=action attr:class="panel doctor_form lint_form" attr:id="lint-form">
            <label>
                {i18n.t(strings::LINT_CONFIG)}
                <textarea name="config" id="lint-config" required rows="9" spellcheck="false"></textarea>
            </label>
            <label>
                {i18n.t(strings::LINT_CODE)}
                <textarea name="code" id="lint-code" rows="6" spellcheck="false"></textarea>
            </label>
            <label>
                {i18n.t(strings::LINT_SAFE_DOMAINS)}
                <input name="safe_domains" id="lint-safe-domains" placeholder="example.com" />
            </label>
            <button class="btn btn_primary" type="submit" id="lint-run">
                {i18n.t(strings::LINT_RUN)}
            </button>
        </ActionForm>
        <section class="panel doctor_result" id="lint-result">
            {move || match action.value().get() {
                None => ().into_any(),
                Some(Err(error)) => view! { <p class="error" id="lint-error">{error.message}</p> }.into_any(),
                Some(Ok(lints)) if lints.is_empty() => {
                    view! { <p class="verdict" id="lint-clean" data-match="true">{i18n.t(strings::LINT_CLEAN)}</p> }.into_any()
                }
                Some(Ok(lints)) => {
                    view! {
                        <ul class="findings" id="lint-findings">
                            {lints
                                .iter()
                                .map(|lint| {
                                    let code = serde_json::to_value(lint)
                                        .ok()
                                        .and_then(|v| v["code"].as_str().map(str::to_owned))
                                        .unwrap_or_default();
                                    view! {
                                        <li class="finding" data-code=code data-fatal=lint.is_fatal().to_string()>
                                            {diagnostics::config_lint(lint, i18n.lang)}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
