//! `/setup`: from the sandbox to your own account. The documents' steps for this
//! deployment, each checked live on the server (credentials, the public URL and its
//! verification file, the jsapi_ticket and a sample signature), a QR code that opens
//! `/basic` on a phone with the phone's result appearing here as it happens, and the values
//! to enter in the Official Account's admin pages. Server HTML; the live list is a few lines
//! of plain JavaScript (`/assets/setup.js`) over server-sent events.

use leptos::prelude::*;

/// The `/setup` page: server HTML only, so the browser build carries none of it.
#[component]
pub fn SetupPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view::page().into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        ().into_any()
    }
}

#[cfg(feature = "ssr")]
mod view {
    use crate::{
        api::setup::setup_checks,
        catalog::Lang,
        components::qr::QrCode,
        i18n::use_i18n,
        setup::{text, Check, SetupReport, State, SESSION_PARAM},
        strings,
    };
    use leptos::prelude::*;

    /// The page's view (server only).
    pub fn page() -> impl IntoView {
        let i18n = use_i18n();
        let report = Resource::new_blocking(|| (), |_| setup_checks());
        view! {
            <section class="intro">
                <h1>{i18n.t(strings::SETUP_PAGE_TITLE)}</h1>
                <p class="tagline">{i18n.t(strings::SETUP_PAGE_INTRO)}</p>
            </section>
            <Suspense>
                {move || {
                    report
                        .get()
                        .map(|answer| match answer {
                            Ok(report) => view! { <SetupSteps report /> }.into_any(),
                            Err(error) => view! { <p class="error">{error.message}</p> }.into_any(),
                        })
                }}
            </Suspense>
        }
    }

    #[component]
    fn SetupSteps(report: SetupReport) -> impl IntoView {
        let i18n = use_i18n();
        let lang = i18n.lang;
        let phone_path = format!("/basic?{SESSION_PARAM}={}", report.session);
        view! {
            <p class="setup_mode" id="setup-mode" data-sandbox=report.sandbox.to_string()>
                {i18n.t(if report.sandbox { strings::SETUP_MODE_SANDBOX } else { strings::SETUP_MODE_LIVE })}
                " appId: " <code id="setup-app-id">{report.app_id.clone()}</code>
            </p>
            <Step number=1 title=strings::SETUP_STEP_CREDENTIALS checks=report.credentials.clone() lang />
            <Step number=2 title=strings::SETUP_STEP_PUBLIC_URL checks=report.public_url.clone() lang />
            <Step number=3 title=strings::SETUP_STEP_TICKET checks=report.ticket.clone() lang />
            <section class="panel setup_step" id="setup-step-4">
                <h2>"4. " {i18n.t(strings::SETUP_STEP_PHONE)}</h2>
                <div class="setup_phone">
                    <QrCode path=phone_path />
                    <div>
                        <p>{i18n.t(strings::SETUP_PHONE_HOW)}</p>
                        <ul
                            class="setup_phones"
                            id="setup-phones"
                            data-session=report.session.clone()
                            data-t-ready=i18n.t(strings::SETUP_PHONE_READY)
                            data-t-error=i18n.t(strings::SETUP_PHONE_ERROR)
                            data-t-url_mismatch=i18n.t(strings::SETUP_CAUSE_URL_MISMATCH)
                            data-t-ticket=i18n.t(strings::SETUP_CAUSE_TICKET)
                            data-t-not_a_signature_error=i18n.t(strings::SETUP_CAUSE_OTHER)
                            data-t-simulated=i18n.t(strings::SETUP_PHONE_SIMULATED)
                        >
                            <li class="setup_waiting" id="setup-phones-waiting">{i18n.t(strings::SETUP_PHONE_WAITING)}</li>
                        </ul>
                        <noscript><p>{i18n.t(strings::SETUP_PHONE_NOSCRIPT)}</p></noscript>
                    </div>
                </div>
            </section>
            <AdminSteps report=report.clone() />
            <script src=crate::site::asset_url(crate::site::asset_version().as_deref(), "setup.js") defer></script>
        }
    }

    /// One checked step: its overall state, then each check with what was found and what to do.
    #[component]
    fn Step(
        number: u8,
        title: crate::catalog::Text,
        checks: Vec<Check>,
        lang: Lang,
    ) -> impl IntoView {
        let state = State::worst(checks.iter().map(|c| c.state));
        view! {
            <section class="panel setup_step" id=format!("setup-step-{number}") data-state=state.code()>
                <h2>
                    {number} ". " {title.get(lang)} " "
                    <span class="setup_state" data-state=state.code()>{text::state_label(state).get(lang)}</span>
                </h2>
                <ul class="setup_checks">
                    {checks
                        .into_iter()
                        .map(|check| {
                            let code = serde_json::to_value(&check.finding)
                                .ok()
                                .and_then(|v| v["code"].as_str().map(str::to_owned))
                                .unwrap_or_default();
                            let todo = text::todo(&check.finding, check.state, lang);
                            view! {
                                <li class="setup_check" data-state=check.state.code() data-code=code>
                                    <span class="setup_state" data-state=check.state.code()>
                                        {text::state_label(check.state).get(lang)}
                                    </span>
                                    " "
                                    <span class="setup_found">{text::checked(&check.finding, check.state, lang)}</span>
                                    {todo.map(|todo| view! { <p class="setup_todo">{todo}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    }

    /// Step 5: what to enter where, with this deployment's values.
    #[component]
    fn AdminSteps(report: SetupReport) -> impl IntoView {
        let i18n = use_i18n();
        let unknown = i18n.t(strings::SETUP_UNKNOWN);
        let domain = report
            .admin
            .domain
            .clone()
            .unwrap_or_else(|| unknown.to_owned());
        let ip = report
            .admin
            .server_ip
            .clone()
            .unwrap_or_else(|| i18n.t(strings::SETUP_IP_UNKNOWN).to_owned());
        let files = if report.admin.verify_files.is_empty() {
            i18n.t(strings::SETUP_NO_VERIFY_FILE).to_owned()
        } else {
            report.admin.verify_files.join(", ")
        };
        view! {
            <section class="panel setup_step" id="setup-step-5">
                <h2>"5. " {i18n.t(strings::SETUP_STEP_ADMIN)}</h2>
                <h3>{i18n.t(strings::SETUP_TEST_ACCOUNT)}</h3>
                <dl class="setup_admin" id="setup-admin-test">
                    <dt>{i18n.t(strings::SETUP_ADMIN_TEST_DOMAIN)}</dt>
                    <dd><code data-admin="domain">{domain.clone()}</code></dd>
                    <dt>{i18n.t(strings::SETUP_ADMIN_TEST_FOLLOW)}</dt>
                    <dd>{i18n.t(strings::SETUP_ADMIN_TEST_FOLLOW_HOW)}</dd>
                </dl>
                <h3>{i18n.t(strings::SETUP_FORMAL_ACCOUNT)}</h3>
                <dl class="setup_admin" id="setup-admin-formal">
                    <dt>{i18n.t(strings::SETUP_ADMIN_FORMAL_DOMAIN)}</dt>
                    <dd><code data-admin="domain">{domain}</code></dd>
                    <dt>{i18n.t(strings::SETUP_ADMIN_VERIFY_FILE)}</dt>
                    <dd><code data-admin="verify-files">{files}</code></dd>
                    <dt>{i18n.t(strings::SETUP_ADMIN_IP_WHITELIST)}</dt>
                    <dd><code data-admin="server-ip" id="setup-server-ip">{ip}</code></dd>
                </dl>
            </section>
        }
    }
}
