//! The UI language: Chinese by default, English on request, remembered in a cookie
//! so the server renders the chosen language and hydration sees the same one.

use crate::catalog::{Lang, Text};
use leptos::prelude::*;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// The current language, shared through context. A plain value, not a signal: switching
/// reloads the page (see [`I18n::set`]), so nothing ever needs to react to a change.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    /// Translates a bilingual text for the current language.
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// Switches language: remembers the choice for a year and reloads the page, which
    /// the server renders in that language (most of a page is server HTML, not islands).
    pub fn set(&self, lang: Lang) {
        if let Some(warning) = unsaved_work() {
            if !confirm(warning.get(self.lang)) {
                return;
            }
        }
        BEFORE_RELOAD.with(|stashes| stashes.borrow().iter().for_each(|stash| stash()));
        remember(lang);
        reload();
    }
}

thread_local! {
    static UNSAVED_WORK: std::cell::Cell<Option<Text>> = const { std::cell::Cell::new(None) };
    static BEFORE_RELOAD: std::cell::RefCell<Vec<Box<dyn Fn()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `stash` just before the language switch reloads the page, so that an island can
/// keep what the reload would lose. Islands share it.
pub fn before_language_reload(stash: impl Fn() + 'static) {
    BEFORE_RELOAD.with(|stashes| stashes.borrow_mut().push(Box::new(stash)));
}

/// Declares (with the question to ask) or clears work on the page that the reload of a
/// language switch would lose; the switch asks before reloading. Islands share it.
pub fn set_unsaved_work(warning: Option<Text>) {
    UNSAVED_WORK.with(|w| w.set(warning));
}

fn unsaved_work() -> Option<Text> {
    UNSAVED_WORK.with(|w| w.get())
}

/// Reads the language chosen earlier (cookie) and puts it in context.
pub fn provide_i18n() {
    provide_context(I18n {
        lang: initial_lang(),
    });
}

/// The language in context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Parses the language out of a `Cookie` header value.
pub fn lang_from_cookies(cookies: &str) -> Lang {
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .map(|(_, value)| Lang::from_code(value))
        .unwrap_or_default()
}

/// The language of the page being rendered: the request's cookie on the server, the
/// document's on the client.
#[cfg(feature = "ssr")]
pub fn initial_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .map(lang_from_cookies)
        })
        .unwrap_or_default()
}

/// The language of the page being rendered: the request's cookie on the server, the
/// document's on the client.
#[cfg(not(feature = "ssr"))]
pub fn initial_lang() -> Lang {
    browser_cookies()
        .map(|c| lang_from_cookies(&c))
        .unwrap_or_default()
}

#[cfg(feature = "hydrate")]
fn browser_cookies() -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    document
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn browser_cookies() -> Option<String> {
    None
}

#[cfg(feature = "hydrate")]
fn remember(lang: Lang) {
    use wasm_bindgen::JsCast;
    if let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        let cookie = format!(
            "{LANG_COOKIE}={}; path=/; max-age=31536000; SameSite=Lax",
            lang.code()
        );
        let _ = document.set_cookie(&cookie);
    }
}

#[cfg(feature = "hydrate")]
fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

#[cfg(feature = "hydrate")]
fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(true)
}

#[cfg(not(feature = "hydrate"))]
fn confirm(_question: &str) -> bool {
    true
}

#[cfg(not(feature = "hydrate"))]
fn remember(_lang: Lang) {}

#[cfg(not(feature = "hydrate"))]
fn reload() {}

impl Lang {
    /// Parses a language code (`zh`, `en`); anything else is Chinese, the default.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The short code stored in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The value for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language: what the switch button offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_cookie_selects_english() {
        assert_eq!(lang_from_cookies("a=1; lang=en; b=2"), Lang::En);
    }

    #[test]
    fn missing_or_unknown_cookie_falls_back_to_chinese() {
        assert_eq!(lang_from_cookies(""), Lang::Zh);
        assert_eq!(lang_from_cookies("lang=xx"), Lang::Zh);
        assert_eq!(lang_from_cookies("language=en"), Lang::Zh);
    }
}
