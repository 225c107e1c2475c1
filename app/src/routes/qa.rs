//! `/qa`: QA mode. Device facts, every interface as a row, "Run all safe ones", save.

use crate::{
    catalog::{self, Api, Safety, APIS},
    components::qr::QrCode,
    demo::{
        self,
        session::{provide_session, ConfigStatus},
    },
    i18n::{use_i18n, I18n},
    qa::{
        report::{QaStatus, MAX_NOTE},
        run::{QaRun, Row},
    },
    strings,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};
use wechat::user_agent::os_label;

/// The text of a status.
pub fn status_text(status: QaStatus) -> catalog::Text {
    match status {
        QaStatus::NotRun => strings::QA_NOT_RUN,
        QaStatus::Ok => strings::QA_OK,
        QaStatus::Cancel => strings::QA_CANCEL,
        QaStatus::Fail => strings::QA_FAIL,
    }
}

fn safety_text(safety: Safety) -> (&'static str, catalog::Text) {
    match safety {
        Safety::Safe => ("safe", strings::QA_SAFE),
        Safety::NeedsUser => ("needs_user", strings::QA_NEEDS_USER),
        Safety::Irreversible => ("irreversible", strings::QA_IRREVERSIBLE),
    }
}

/// The path of `/qa`, carrying the saved run a new run is to be compared with, if any.
pub fn qa_path(against: Option<i64>) -> String {
    match against {
        Some(id) => format!("/qa?against={id}"),
        None => "/qa".to_owned(),
    }
}

/// `/qa`: run every interface on this device and save the record. The introduction and
/// QR code are server HTML; the run is an island. With `?against=<id>` (the link a report
/// page offers), the run is to be compared with saved run `id`: the QR code carries it on to
/// other phones, and once saved the run links to the comparison.
#[component]
pub fn QaPage() -> impl IntoView {
    let i18n = use_i18n();
    let against = use_query_map().with_untracked(|q| {
        q.get("against")
            .and_then(|id| id.parse::<i64>().ok())
            .filter(|id| *id > 0)
    });
    view! {
        <section class="intro category_intro">
            <div class="intro_text">
                <h1>{i18n.t(strings::QA_TITLE)}</h1>
                <p class="tagline">{i18n.t(strings::QA_TAGLINE)}</p>
                {against.map(|id| view! {
                    <p class="qa_against" id="qa-against" data-id=id.to_string()>
                        {i18n.t(strings::QA_AGAINST)}
                        <a href=format!("/qa/reports/{id}")>{format!("#{id}")}</a>
                    </p>
                })}
                <p><A href="/qa/reports" attr:id="qa-reports-link">{i18n.t(strings::QA_REPORTS)}</A></p>
            </div>
            <details class="page_qr" id="qa-qr">
                <summary>{i18n.t(strings::QA_QR)}</summary>
                <QrCode path=qa_path(against) />
                <p class="hint">{i18n.t(strings::QA_QR_HINT)}</p>
            </details>
        </section>
        <QaRunPanel against />
    }
}

/// The QA run, an island fetched only by this page: device facts, "run all safe ones",
/// save, and a row per interface.
#[island(lazy)]
fn QaRunPanel(against: Option<i64>) -> impl IntoView {
    crate::hydration::island_hydrated();
    crate::i18n::provide_i18n();
    let i18n = use_i18n();
    let session = provide_session();
    let run = QaRun::new();
    provide_context(run);
    let categories: Vec<&'static str> = catalog::CATEGORIES.iter().map(|c| c.slug).collect();
    // Every category's functions in one jsApiList: the whole catalog on one page.
    Effect::new(move |_| demo::boot(session, categories.clone()));
    #[cfg(feature = "hydrate")]
    {
        crate::qa::run::follow_log(run, session);
        Effect::new(move |_| crate::qa::run::gather_facts(run, session));
    }
    // Results or a note not saved yet: the language switch (a reload) asks first.
    Effect::new(move |_| {
        let unsaved = run.saved.with(Option::is_none)
            && (run
                .rows
                .with(|rows| rows.iter().any(|r| r.status != QaStatus::NotRun))
                || !run.note.with(String::is_empty));
        crate::i18n::set_unsaved_work(unsaved.then_some(strings::QA_UNSAVED_RELOAD));
    });
    let ready = move || session.status.get() == ConfigStatus::Ready;
    let count = move |status: QaStatus| {
        run.rows
            .with(|rows| rows.iter().filter(|r| r.status == status).count())
    };
    view! {
        <DeviceFacts />
        <section class="qa_actions">
            <button
                class="btn btn_primary"
                id="qa-run-safe"
                prop:disabled=move || !ready() || run.running_all.get()
                on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    crate::qa::run::run_safe(run, session);
                }
            >
                {i18n.t(strings::QA_RUN_SAFE)}
            </button>
            <button
                class="btn btn_default"
                id="qa-save"
                prop:disabled=move || !run.facts_ready.get() || run.running_all.get()
                on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    crate::qa::run::save(run);
                }
            >
                {i18n.t(strings::QA_SAVE)}
            </button>
            <label class="qa_note">
                <span>{i18n.t(strings::QA_NOTE)}</span>
                <textarea
                    id="qa-note"
                    rows="2"
                    maxlength=MAX_NOTE.to_string()
                    placeholder=i18n.t(strings::QA_NOTE_PLACEHOLDER)
                    prop:value=move || run.note.get()
                    on:input=move |ev| run.note.set(event_target_value(&ev))
                ></textarea>
            </label>
            <p class="hint">{i18n.t(strings::QA_RUN_SAFE_HINT)}</p>
            <p class="qa_counts" id="qa-counts">
                {QaStatus::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <span class="qa_status" data-status=s.as_str()>
                                {i18n.t(status_text(s))} " " {move || count(s)}
                            </span>
                        }
                    })
                    .collect_view()}
            </p>
            {move || {
                run.saved
                    .get()
                    .map(|saved| match saved {
                        Ok(id) => {
                            view! {
                                <p class="qa_saved" id="qa-saved" data-id=id.to_string()>
                                    {i18n.t(strings::QA_SAVED)}
                                    <a href=format!("/qa/reports/{id}")>{format!("#{id}")}</a>
                                    {against.map(|a| view! {
                                        " · "
                                        <a id="qa-compare-against" href=format!("/qa/compare?a={a}&b={id}")>
                                            {i18n.t(strings::QA_COMPARE_WITH)} {format!("#{a}")}
                                        </a>
                                    })}
                                </p>
                            }
                                .into_any()
                        }
                        Err(why) => view! { <p class="qa_save_error" id="qa-save-error">{why}</p> }.into_any(),
                    })
            }}
        </section>
        <ol class="qa_rows" id="qa-rows">
            {APIS.iter().enumerate().map(|(index, api)| view! { <QaRowView index api /> }).collect_view()}
        </ol>
    }
}

/// User agent, WeChat version, OS, screen, network and checkJsApi.
#[component]
fn DeviceFacts() -> impl IntoView {
    let i18n = use_i18n();
    let run = expect_context::<QaRun>();
    let device = run.device;
    let support = move || device.with(|d| d.js_api_support.clone());
    view! {
        <section class="qa_device" id="qa-device">
            <h2>{i18n.t(strings::QA_DEVICE)}</h2>
            <dl class="qa_facts">
                <dt>"User-Agent"</dt>
                <dd><code id="qa-ua">{move || device.with(|d| d.user_agent.clone())}</code></dd>
                <dt>{i18n.t(strings::QA_WECHAT)}</dt>
                <dd id="qa-wechat-version">
                    {move || device.with(|d| d.wechat_version.clone()).unwrap_or_else(|| i18n.t(strings::QA_NOT_IN_WECHAT).to_owned())}
                </dd>
                <dt>{i18n.t(strings::QA_OS)}</dt>
                <dd id="qa-os">
                    {move || device.with(|d| os_label(d.os, d.os_version.as_deref()))}
                </dd>
                <dt>{i18n.t(strings::QA_SCREEN)}</dt>
                <dd id="qa-screen">{move || device.with(|d| d.screen.clone())}</dd>
                <dt>{i18n.t(strings::QA_NETWORK)}</dt>
                <dd id="qa-network">{move || device.with(|d| d.network_type.clone())}</dd>
                <dt>{i18n.t(strings::QA_ENV)}</dt>
                <dd id="qa-env">
                    {move || if device.with(|d| d.simulated) { i18n.t(strings::SIMULATED) } else { i18n.t(strings::REAL_WECHAT) }}
                </dd>
                <dt>"checkJsApi"</dt>
                <dd>
                    {move || {
                        if run.facts_ready.get() {
                            let s = support();
                            let yes = s.values().filter(|v| **v).count();
                            format!("{} {yes} · {} {}", i18n.t(strings::QA_SUPPORTED), i18n.t(strings::QA_UNSUPPORTED), s.len() - yes)
                        } else {
                            i18n.t(strings::QA_WAITING).to_owned()
                        }
                    }}
                </dd>
            </dl>
            <details class="qa_support">
                <summary>"checkJsApi"</summary>
                <ul class="qa_support_list" id="qa-support">
                    {move || {
                        support()
                            .into_iter()
                            .map(|(name, ok)| {
                                view! {
                                    <li data-function=name.clone() data-supported=ok.to_string()>
                                        <code>{name.clone()}</code>
                                        " "
                                        {move || if ok { i18n.t(strings::QA_SUPPORTED) } else { i18n.t(strings::QA_UNSUPPORTED) }}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </section>
    }
}

fn status_key(row: &Row) -> &'static str {
    if row.waiting {
        "waiting"
    } else if row.running {
        "running"
    } else {
        row.status.as_str()
    }
}

/// One interface: name, status, errMsg, duration, time, data; a Run button; the hint.
#[component]
fn QaRowView(index: usize, api: &'static Api) -> impl IntoView {
    let i18n: I18n = use_i18n();
    let run = expect_context::<QaRun>();
    #[cfg(feature = "hydrate")]
    let session = crate::demo::session::use_session();
    let row = move || run.rows.with(|rows| rows[index].clone());
    let (safety_key, safety_label) = safety_text(api.safety);
    let has_hint = !api.tester_hint.zh.is_empty();
    view! {
        <li class="qa_row" data-api=api.id data-safety=safety_key data-status=move || status_key(&row())>
            <div class="qa_row_head">
                <span class="qa_name">
                    <code>{api.function}</code>
                    {(api.function != api.id).then(|| view! { <small>" (" {api.id} ")"</small> })}
                    <span class="qa_caption">{i18n.t(api.caption)}</span>
                </span>
                <span class="qa_safety" data-safety=safety_key>{i18n.t(safety_label)}</span>
                <span class="qa_status qa_row_status" data-status=move || status_key(&row())>
                    {move || {
                        let r = row();
                        if r.waiting {
                            i18n.t(strings::QA_WAITING_EVENT)
                        } else if r.running {
                            i18n.t(strings::QA_RUNNING)
                        } else {
                            i18n.t(status_text(r.status))
                        }
                    }}
                </span>
                <button
                    class="btn btn_mini"
                    id=format!("qa-run-{}", api.id)
                    on:click=move |_| {
                        #[cfg(feature = "hydrate")]
                        crate::qa::run::tap(run, session, index);
                        #[cfg(not(feature = "hydrate"))]
                        let _ = (index, i18n);
                    }
                >
                    {i18n.t(strings::QA_RUN)}
                </button>
            </div>
            {(has_hint && api.safety != Safety::Safe)
                .then(|| view! { <p class="qa_hint hint">{i18n.t(api.tester_hint)}</p> })}
            {move || {
                let r = row();
                (r.status != QaStatus::NotRun || r.duration_ms.is_some())
                    .then(|| {
                        view! {
                            <div class="qa_row_result">
                                <code class="qa_errmsg">{r.err_msg.clone()}</code>
                                <span class="qa_duration">{r.duration_ms.map(|d| format!("{d} ms"))}</span>
                                <span class="qa_time">{r.at.clone()}</span>
                            </div>
                            {(!r.data.is_null())
                                .then(|| {
                                    view! {
                                        <details class="qa_data">
                                            <summary>{i18n.t(strings::QA_DATA)}</summary>
                                            <pre>{serde_json::to_string_pretty(&r.data).unwrap_or_default()}</pre>
                                        </details>
                                    }
                                })}
                        }
                    })
            }}
        </li>
    }
}
