//! `/qa/reports`, `/qa/reports/:id` and `/qa/compare?a=&b=`: saved QA runs, one run,
//! and two runs side by side.

use crate::{
    api::qa::{compare_reports, get_report, list_reports},
    components::qr::QrCode,
    i18n::use_i18n,
    qa::{
        compare::Change,
        markdown::to_markdown,
        report::{ReportSummary, SavedReport},
    },
    routes::{
        not_found::NotFound,
        qa::{qa_path, status_text},
    },
    strings,
};
use leptos::prelude::*;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

fn wechat_label(summary: &ReportSummary) -> String {
    summary
        .wechat_version
        .clone()
        .unwrap_or_else(|| "—".to_owned())
}

/// A form choosing two runs for `/qa/compare` (a plain GET form: works without wasm).
#[component]
fn CompareForm(reports: Vec<ReportSummary>, #[prop(optional)] a: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let option = |r: &ReportSummary, selected: bool| {
        view! {
            <option value=r.id.to_string() selected=selected>
                {format!("#{} · {} · {} · {}", r.id, r.device, wechat_label(r), r.created_at)}
            </option>
        }
    };
    let first = a.or_else(|| reports.get(1).map(|r| r.id));
    let second = reports.iter().map(|r| r.id).find(|id| Some(*id) != first);
    view! {
        <form class="qa_compare_form" id="qa-compare-form" action="/qa/compare" method="get">
            <select name="a" id="qa-compare-a">
                {reports.iter().map(|r| option(r, Some(r.id) == first)).collect_view()}
            </select>
            " → "
            <select name="b" id="qa-compare-b">
                {reports.iter().map(|r| option(r, Some(r.id) == second)).collect_view()}
            </select>
            <button class="btn btn_mini" type="submit" id="qa-compare-submit">
                {i18n.t(strings::QA_COMPARE)}
            </button>
        </form>
    }
}

/// `/qa/reports`: every saved run, by device, WeChat version and date.
#[component]
pub fn QaReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="intro">
            <h1>{i18n.t(strings::QA_REPORTS)}</h1>
            <p><A href="/qa" attr:id="qa-new-run">{i18n.t(strings::QA_NEW_RUN)}</A></p>
        </section>
        <Suspense>
            {Suspend::new(async move {
                match list_reports().await {
                        Err(error) => view! { <p class="qa_save_error">{error.message}</p> }.into_any(),
                        Ok(list) if list.is_empty() => {
                            view! { <p class="hint" id="qa-reports-empty">{i18n.t(strings::QA_REPORTS_EMPTY)}</p> }
                                .into_any()
                        }
                        Ok(mut list) => {
                            let for_form = list.clone();
                            list.sort_by(|x, y| {
                                (&x.device, &x.wechat_version)
                                    .cmp(&(&y.device, &y.wechat_version))
                                    .then(y.created_at.cmp(&x.created_at))
                                    .then(y.id.cmp(&x.id))
                            });
                            view! {
                                <CompareForm reports=for_form />
                                <div class="qa_table_wrap">
                                    <table class="qa_table" id="qa-reports">
                                        <thead>
                                            <tr>
                                                <th>{i18n.t(strings::QA_DEVICE)}</th>
                                                <th>{i18n.t(strings::QA_WECHAT)}</th>
                                                <th>{i18n.t(strings::QA_DATE)}</th>
                                                <th>"#"</th>
                                                <th>{i18n.t(strings::QA_RESULTS)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .into_iter()
                                                .map(|r| {
                                                    let href = format!("/qa/reports/{}", r.id);
                                                    view! {
                                                        <tr class="qa_report_row" data-id=r.id.to_string()>
                                                            <td>
                                                                {r.device.clone()}
                                                                {r.simulated.then(|| view! { " " <em class="badge">{i18n.t(strings::QA_SIMULATOR)}</em> })}
                                                            </td>
                                                            <td>{wechat_label(&r)}</td>
                                                            <td>{r.created_at.replace('T', " ").replace('Z', "")}</td>
                                                            <td><A href=href>{format!("#{}", r.id)}</A></td>
                                                            <td class="qa_totals">
                                                                <Totals summary=r.clone() />
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Totals(summary: ReportSummary) -> impl IntoView {
    let i18n = use_i18n();
    use crate::qa::report::QaStatus;
    [
        (QaStatus::Ok, summary.ok),
        (QaStatus::Cancel, summary.cancel),
        (QaStatus::Fail, summary.fail),
        (QaStatus::NotRun, summary.not_run),
    ]
    .into_iter()
    .map(|(s, n)| {
        view! {
            <span class="qa_status" data-status=s.as_str() data-count=n.to_string()>
                {i18n.t(status_text(s))} " " {n}
            </span>
        }
    })
    .collect_view()
}

/// `/qa/reports/:id`: one run, its exports, and a comparison with another.
#[component]
pub fn QaReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    view! {
        <Suspense>
            {Suspend::new(async move {
                match get_report(id()).await {
                        Err(error) => {
                            view! {
                                <section class="intro">
                                    <h1>{i18n.t(strings::QA_REPORTS)}</h1>
                                    <p class="qa_save_error" id="qa-report-error">{error.message}</p>
                                    <A href="/qa/reports">{i18n.t(strings::QA_ALL_REPORTS)}</A>
                                </section>
                            }
                                .into_any()
                        }
                        Ok(Some(saved)) => view! { <ReportView saved /> }.into_any(),
                        Ok(None) => view! { <NotFound /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReportView(saved: SavedReport) -> impl IntoView {
    let i18n = use_i18n();
    let id = saved.id;
    let summary = saved.report.summary(saved.id, &saved.created_at);
    let device = saved.report.device.clone();
    let simulated = device.simulated;
    let profile = simulated
        .then(|| crate::catalog::profiles::recorded_profile(&device.user_agent))
        .flatten();
    let markdown = to_markdown(&saved);
    let unsupported: Vec<String> = device
        .js_api_support
        .iter()
        .filter(|(_, ok)| !**ok)
        .map(|(name, _)| name.clone())
        .collect();
    view! {
        <section class="intro">
            <h1 id="qa-report-title">{format!("QA #{id}")} " · " {summary.device.clone()} " · WeChat " {wechat_label(&summary)}</h1>
            <p class="tagline">{summary.created_at.clone()}</p>
            {(!saved.report.note.is_empty())
                .then(|| view! { <p class="qa_report_note" id="qa-report-note">{saved.report.note.clone()}</p> })}
            <p class="qa_links">
                <A href="/qa/reports">{i18n.t(strings::QA_ALL_REPORTS)}</A>
                " · "
                <a href=format!("/api/qa/reports/{id}.json") id="qa-export-json" rel="external">{i18n.t(strings::QA_EXPORT_JSON)}</a>
                " · "
                <a href=format!("/api/qa/reports/{id}.md") id="qa-export-md" rel="external">{i18n.t(strings::QA_EXPORT_MD)}</a>
            </p>
            <details class="page_qr" id="qa-against-qr">
                <summary>{i18n.t(strings::QA_AGAINST_QR)}</summary>
                <QrCode path=qa_path(Some(id)) />
                <p class="hint">
                    {i18n.t(strings::QA_AGAINST_QR_HINT)} " "
                    <a href=qa_path(Some(id)) id="qa-against-link">{i18n.t(strings::QA_AGAINST_HERE)}</a>
                </p>
            </details>
        </section>
        <section class="qa_device">
            <dl class="qa_facts">
                <dt>"User-Agent"</dt>
                <dd><code>{device.user_agent.clone()}</code></dd>
                <dt>{i18n.t(strings::QA_SCREEN)}</dt>
                <dd>{device.screen.clone()}</dd>
                <dt>{i18n.t(strings::QA_NETWORK)}</dt>
                <dd>{device.network_type.clone()}</dd>
                <dt>{i18n.t(strings::QA_ENV)}</dt>
                <dd id="qa-report-env" data-simulated=simulated.to_string()>
                    {move || if simulated { i18n.t(strings::SIMULATED) } else { i18n.t(strings::REAL_WECHAT) }}
                    {profile.map(|p| view! { " · " <span id="qa-report-profile">{p.describe(i18n.lang)}</span> })}
                </dd>
                <dt>"checkJsApi"</dt>
                <dd>
                    {format!("{} / {}", device.js_api_support.len() - unsupported.len(), device.js_api_support.len())}
                    {(!unsupported.is_empty()).then(|| view! { " · " {i18n.t(strings::QA_UNSUPPORTED)} ": " <code>{unsupported.join(", ")}</code> })}
                </dd>
            </dl>
            <p class="qa_counts"><Totals summary=summary.clone() /></p>
        </section>
        <Suspense>
            {Suspend::new(async move {
                list_reports()
                    .await
                    .ok()
                    .filter(|list| list.len() > 1)
                    .map(|list| view! { <CompareForm reports=list a=id /> })
            })}
        </Suspense>
        <div class="qa_table_wrap">
            <table class="qa_table" id="qa-report">
                <thead>
                    <tr>
                        <th>"API"</th>
                        <th>{i18n.t(strings::QA_RESULTS)}</th>
                        <th>"errMsg"</th>
                        <th>{i18n.t(strings::QA_DURATION)}</th>
                        <th>{i18n.t(strings::QA_TIME)}</th>
                    </tr>
                </thead>
                <tbody>
                    {saved
                        .report
                        .results
                        .iter()
                        .map(|r| {
                            let data = (!r.data.is_null())
                                .then(|| serde_json::to_string_pretty(&r.data).unwrap_or_default());
                            let status = r.status;
                            view! {
                                <tr class="qa_result" data-api=r.api.clone() data-status=status.as_str()>
                                    <td><code>{r.api.clone()}</code></td>
                                    <td><span class="qa_status" data-status=status.as_str()>{i18n.t(status_text(status))}</span></td>
                                    <td class="qa_errmsg_cell">
                                        <code class="qa_errmsg">{r.err_msg.clone()}</code>
                                        {data.map(|d| view! {
                                            <details class="qa_data">
                                                <summary>{i18n.t(strings::QA_DATA)}</summary>
                                                <pre>{d}</pre>
                                            </details>
                                        })}
                                    </td>
                                    <td class="qa_duration">{r.duration_ms.map(|d| d.to_string())}</td>
                                    <td class="qa_time">{r.at.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <details class="qa_markdown">
            <summary>{i18n.t(strings::QA_MARKDOWN)}</summary>
            <pre id="qa-markdown">{markdown}</pre>
        </details>
    }
}

fn change_text(change: Change) -> (&'static str, crate::catalog::Text) {
    match change {
        Change::Same => ("same", strings::QA_SAME),
        Change::NewlyFailing => ("newly_failing", strings::QA_NEWLY_FAILING),
        Change::Fixed => ("fixed", strings::QA_FIXED),
        Change::StatusChanged => ("status_changed", strings::QA_STATUS_CHANGED),
        Change::MessageChanged => ("message_changed", strings::QA_MESSAGE_CHANGED),
    }
}

/// `/qa/compare?a=&b=`: two runs side by side, changes first counted, then every row.
#[component]
pub fn QaComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let ids = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        (get("a"), get("b"))
    };
    view! {
        <section class="intro">
            <h1>{i18n.t(strings::QA_COMPARE_TITLE)}</h1>
            <p><A href="/qa/reports">{i18n.t(strings::QA_ALL_REPORTS)}</A></p>
        </section>
        <Suspense>
            {Suspend::new(async move {
                match compare_reports(ids().0, ids().1).await {
                        Err(error) => view! { <p class="qa_save_error" id="qa-compare-error">{error.message}</p> }.into_any(),
                        Ok(c) => {
                            let changed: Vec<_> = [Change::NewlyFailing, Change::Fixed, Change::StatusChanged, Change::MessageChanged]
                                .into_iter()
                                .map(|ch| (ch, c.rows.iter().filter(|r| r.change == ch).count()))
                                .filter(|(_, n)| *n > 0)
                                .collect();
                            let head = |s: &ReportSummary| {
                                view! {
                                    <A href=format!("/qa/reports/{}", s.id)>{format!("#{}", s.id)}</A>
                                    <br />
                                    <small>{format!("{} · {} · {}", s.device, wechat_label(s), s.created_at)}</small>
                                }
                            };
                            view! {
                                <p class="qa_counts" id="qa-compare-summary">
                                    {changed
                                        .into_iter()
                                        .map(|(ch, n)| {
                                            let (key, text) = change_text(ch);
                                            view! { <span class="qa_change" data-change=key data-count=n.to_string()>{i18n.t(text)} " " {n}</span> }
                                        })
                                        .collect_view()}
                                </p>
                                <div class="qa_table_wrap">
                                    <table class="qa_table qa_compare" id="qa-compare">
                                        <thead>
                                            <tr>
                                                <th>"API"</th>
                                                <th>{head(&c.a)}</th>
                                                <th>{head(&c.b)}</th>
                                                <th>{i18n.t(strings::QA_COMPARE)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {c.rows
                                                .into_iter()
                                                .map(|r| {
                                                    let (key, text) = change_text(r.change);
                                                    let (sa, sb) = (r.a, r.b);
                                                    view! {
                                                        <tr class="qa_compare_row" data-api=r.api.clone() data-change=key>
                                                            <td><code>{r.api.clone()}</code></td>
                                                            <td data-side="a" data-status=sa.as_str()>
                                                                <span class="qa_status" data-status=sa.as_str()>{i18n.t(status_text(sa))}</span>
                                                                " " <code class="qa_errmsg">{r.a_err_msg.clone()}</code>
                                                            </td>
                                                            <td data-side="b" data-status=sb.as_str()>
                                                                <span class="qa_status" data-status=sb.as_str()>{i18n.t(status_text(sb))}</span>
                                                                " " <code class="qa_errmsg">{r.b_err_msg.clone()}</code>
                                                            </td>
                                                            <td><span class="qa_change" data-change=key>{i18n.t(text)}</span></td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }
                }
            })}
        </Suspense>
    }
}
