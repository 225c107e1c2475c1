//! The category page as the runner's [`Host`]: its state in one place, each change written
//! into the server's HTML at once, and its controls (the buttons, the switches, the log's
//! copy and clear, the call editor's copy-link buttons).

use crate::{dom, log};
use app::{
    catalog::{self, Api, Lang},
    demo::{
        carry,
        requests::{encode, lint_signed_url_html},
        runner::{self, Host},
        session::{ConfigStatus, LogEntry, SetupShown, SignedUrlInfo, MAX_LOG_ENTRIES},
        state::DemoState,
    },
    strings,
};
use std::cell::RefCell;
use wasm_bindgen_futures::spawn_local;
use wechat::page_url::SignedUrlRule;

/// The page's state: what the runner reported, and what the demo remembers.
struct State {
    lang: Lang,
    status: ConfigStatus,
    signed: Option<SignedUrlInfo>,
    log: Vec<LogEntry>,
    demo: DemoState,
    reconfigured: bool,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// The page, a handle to its state (there is one page per wasm instance).
#[derive(Clone, Copy)]
pub struct Page;

impl Page {
    /// Takes the page over: restores what the tab carried, binds the controls, signs.
    pub fn start(slug: &'static str) {
        let lang = app::i18n::initial_lang();
        let log = carry::take_log().unwrap_or_default();
        log::render(&log, lang);
        STATE.with(|state| {
            *state.borrow_mut() = Some(State {
                lang,
                status: ConfigStatus::Waiting,
                signed: None,
                log,
                demo: carry::load_state().unwrap_or_default(),
                reconfigured: false,
            })
        });
        bind_controls(slug);
        // A deep link's call is brought into view (it is never run by itself).
        if let Some(linked) = dom::query(".api_item.linked") {
            linked.scroll_into_view();
        }
        runner::boot(Page, vec![slug]);
        if let Some(body) = dom::document().and_then(|d| d.body()) {
            dom::set_attribute(&body, "data-hydrated", Some("true"));
            // An empty touchstart handler makes iOS apply :active styles to buttons, as on
            // the official demo.
            dom::set_attribute(&body, "ontouchstart", Some(""));
        }
    }

    fn with<T>(self, f: impl FnOnce(&mut State) -> T) -> Option<T> {
        STATE.with(|state| state.borrow_mut().as_mut().map(f))
    }
}

impl Host for Page {
    fn lang(self) -> Lang {
        self.with(|s| s.lang).unwrap_or_default()
    }

    fn status(self) -> Option<ConfigStatus> {
        self.with(|s| s.status.clone())
    }

    fn set_status(self, status: ConfigStatus) -> bool {
        let Some((lang, signed)) = self.with(|s| {
            s.status = status.clone();
            (s.lang, s.signed.clone())
        }) else {
            return false;
        };
        show_status(&status, lang);
        if let (ConfigStatus::Failed(_), Some(signed)) = (&status, signed) {
            lint(signed.url, lang);
        }
        true
    }

    fn set_signed(self, signed: SignedUrlInfo) {
        let Some(lang) = self.with(|s| {
            s.signed = Some(signed.clone());
            s.lang
        }) else {
            return;
        };
        if let Some(line) = dom::by_id("signed-url-line") {
            dom::set_hidden(&line, false);
        }
        dom::set_text("signed-url", &signed.url);
        let rule = match signed.rule {
            SignedUrlRule::IosLandingUrl => strings::RULE_IOS,
            SignedUrlRule::CurrentUrl => strings::RULE_CURRENT,
        };
        dom::set_text("signed-rule", rule.get(lang));
        let host = signed
            .url
            .split("://")
            .nth(1)
            .map(|rest| rest.split(['/', '?']).next().unwrap_or(""))
            .unwrap_or_default();
        dom::set_text("setup-host", host);
        show_doctor_link(&signed);
    }

    fn set_real_auth_url(self, real_auth_url: String) {
        let signed = self
            .with(|s| {
                s.signed.as_mut().map(|signed| {
                    signed.real_auth_url = real_auth_url;
                    signed.clone()
                })
            })
            .flatten();
        if let Some(signed) = signed {
            show_doctor_link(&signed);
        }
    }

    fn set_setup(self, setup: SetupShown) {
        let lang = self.lang();
        dom::set_text("setup-sdk", &setup.sdk);
        for (id, text) in [
            ("setup-config", &setup.config),
            ("setup-string1", &setup.string1),
        ] {
            if let Some(code) = dom::query(&format!("#{id} code")) {
                code.set_text_content(Some(text));
            }
        }
        let state = if setup.config.is_empty() {
            strings::SETUP_HOST_PENDING
        } else {
            strings::SETUP_HOST_SIGNED
        };
        dom::set_text("setup-host-state", state.get(lang));
    }

    fn set_simulated(self, simulated: bool) {
        let badge = if simulated {
            strings::SIMULATED
        } else {
            strings::REAL_WECHAT
        };
        dom::set_text("env-badge", badge.get(self.lang()));
    }

    fn demo_state(self) -> DemoState {
        self.with(|s| s.demo.clone()).unwrap_or_default()
    }

    fn update_demo_state(self, change: impl FnOnce(&mut DemoState)) {
        if let Some(demo) = self.with(|s| {
            change(&mut s.demo);
            s.demo.clone()
        }) {
            carry::save_state(&demo);
        }
    }

    fn alert_mode(self) -> bool {
        dom::checked("alert-mode")
    }

    fn debug(self) -> bool {
        dom::checked("debug-mode")
    }

    fn mark_reconfigured(self) -> bool {
        self.with(|s| !std::mem::replace(&mut s.reconfigured, true))
            .unwrap_or(false)
    }

    fn push(self, mut entry: LogEntry) {
        let Some(lang) = self.with(|s| {
            entry.seq = s.log.first().map_or(1, |e| e.seq + 1);
            s.log.insert(0, entry.clone());
            s.log.truncate(MAX_LOG_ENTRIES);
            s.lang
        }) else {
            return;
        };
        log::prepend(&entry, lang, MAX_LOG_ENTRIES);
    }

    fn press_ready(self, api: &'static Api) {
        runner::press_ready(self, api);
    }
}

/// The status line, the setup's steps 4 and 5, and the `wx.error` help.
fn show_status(status: &ConfigStatus, lang: Lang) {
    let (key, text) = match status {
        ConfigStatus::Waiting => ("waiting", strings::STATUS_WAITING.get(lang).to_owned()),
        ConfigStatus::Signing => ("signing", strings::STATUS_SIGNING.get(lang).to_owned()),
        ConfigStatus::Verifying => ("verifying", strings::STATUS_VERIFYING.get(lang).to_owned()),
        ConfigStatus::Ready => ("ready", strings::STATUS_READY.get(lang).to_owned()),
        ConfigStatus::Failed(why) => (
            "failed",
            format!("{}{why}", strings::STATUS_FAILED.get(lang)),
        ),
    };
    if let Some(line) = dom::by_id("config-status") {
        dom::set_attribute(&line, "data-status", Some(key));
    }
    if let Some(text_node) = dom::query("#config-status .status_text") {
        text_node.set_text_content(Some(&text));
    }
    let failed = match status {
        ConfigStatus::Failed(why) => Some(why.as_str()),
        _ => None,
    };
    for (step, fired, detail) in [
        ("4", *status == ConfigStatus::Ready, String::new()),
        (
            "5",
            failed.is_some(),
            failed.map(|why| format!(" — {why}")).unwrap_or_default(),
        ),
    ] {
        let selector = format!("#setup-steps li[data-step=\"{step}\"]");
        if let Some(item) = dom::query(&selector) {
            dom::set_attribute(
                &item,
                "data-fired",
                Some(if fired { "true" } else { "false" }),
            );
        }
        if let Some(said) = dom::query(&format!("{selector} .setup_fired")) {
            let word = if fired {
                strings::SETUP_FIRED
            } else {
                strings::SETUP_NOT_FIRED
            };
            said.set_text_content(Some(&format!("{}{detail}", word.get(lang))));
        }
    }
    if let Some(help) = dom::by_id("wx-error-help") {
        dom::set_hidden(&help, failed.is_none());
        dom::set_attribute(&help, "data-err-msg", failed);
        if failed.is_none() {
            if let Some(findings) = dom::query("#wx-error-help .findings") {
                findings.set_text_content(None);
            }
        }
    }
}

/// The doctor's link of the `wx.error` help: the signed URL, this page's, and `realAuthUrl`.
fn show_doctor_link(signed: &SignedUrlInfo) {
    let href = current_href();
    let real = if signed.real_auth_url.is_empty() {
        String::new()
    } else {
        format!("&real_auth_url={}", encode(&signed.real_auth_url))
    };
    let link = format!(
        "/doctor?url={}&page_url={}{real}",
        encode(&signed.url),
        encode(&href)
    );
    if let Some(anchor) = dom::by_id("open-doctor") {
        dom::set_attribute(&anchor, "href", Some(&link));
    }
}

fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Asks the server what is wrong with the signed URL against this page's, and lists it (the
/// server's HTML, in the page's language).
fn lint(url: String, lang: Lang) {
    spawn_local(async move {
        let Ok(findings) = lint_signed_url_html(url, current_href(), lang).await else {
            return;
        };
        if let Some(list) = dom::query("#wx-error-help .findings") {
            list.set_inner_html(&findings);
        }
    });
}

/// The page's controls: a button per API, debug mode (signs again), the log's copy and clear,
/// the copy-link buttons, and the language switch (the log comes along, once).
fn bind_controls(slug: &'static str) {
    for api in catalog::apis_in(slug) {
        if let Some(button) = dom::by_id(api.id) {
            dom::on(&button, "click", move |_| runner::press(Page, api));
        }
    }
    if let Some(debug) = dom::by_id("debug-mode") {
        dom::on(&debug, "change", move |_| runner::boot(Page, vec![slug]));
    }
    if let Some(copy) = dom::by_id("copy-log") {
        dom::on(&copy, "click", |_| {
            let log = Page.with(|s| serde_json::to_string_pretty(&s.log).unwrap_or_default());
            dom::copy(&log.unwrap_or_default());
        });
    }
    if let Some(clear) = dom::by_id("clear-log") {
        dom::on(&clear, "click", |_| {
            if let Some(lang) = Page.with(|s| {
                s.log.clear();
                s.lang
            }) {
                log::render(&[], lang);
            }
        });
    }
    for button in dom::query_all("[data-copy-path]") {
        let target = button.clone();
        dom::on(&button, "click", move |_| {
            let path = target.get_attribute("data-copy-path").unwrap_or_default();
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            dom::copy(&format!("{origin}{path}"));
            target.set_text_content(Some(strings::COPIED.get(Page.lang())));
        });
    }
    app::i18n::before_language_reload(|| {
        Page.with(|s| carry::stash_log(&s.log));
    });
}
