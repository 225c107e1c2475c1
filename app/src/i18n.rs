//! The UI language: Chinese by default, English on request, remembered in a cookie
//! so the server renders the chosen language and hydration sees the same one.

use crate::catalog::{Lang, Text};
use leptos::prelude::*;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// The current language, shared through context. A plain value, not a signal: the switch
/// is a link to the same page in the other language, so nothing ever reacts to a change.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    /// Translates a bilingual text for the current language.
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// The strings a page's plain script shows, `{key: text}` in this language, as JSON for a
    /// `<script type="application/json">` (`<` escaped).
    pub fn strings_json(&self, texts: &[(&str, Text)]) -> String {
        let map: serde_json::Map<String, serde_json::Value> = texts
            .iter()
            .map(|(key, text)| ((*key).to_owned(), self.t(*text).into()))
            .collect();
        serde_json::Value::Object(map)
            .to_string()
            .replace('<', "\\u003c")
    }
}

/// The query parameter that chooses a page's language (`?lang=en`): the language switch is a
/// plain link carrying it, and the server remembers the choice in [`LANG_COOKIE`].
pub const LANG_QUERY: &str = "lang";

/// The `Set-Cookie` value that remembers `lang` for a year, site-wide.
pub fn remember_cookie(lang: Lang) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    )
}

/// The language a query string asks for (`lang=zh` or `lang=en`), if it asks.
pub fn lang_from_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == LANG_QUERY)
        .and_then(|(_, code)| match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        })
}

/// The link of this page in language `to`: the same path and query, `lang` replaced.
pub fn switch_href(path: &str, query: &str, to: Lang) -> String {
    let kept = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| pair.split('=').next() != Some(LANG_QUERY));
    let mut pairs: Vec<String> = kept.map(str::to_owned).collect();
    pairs.push(format!("{LANG_QUERY}={}", to.code()));
    format!("{path}?{}", pairs.join("&"))
}

thread_local! {
    static UNSAVED_WORK: std::cell::Cell<Option<Text>> = const { std::cell::Cell::new(None) };
    static BEFORE_RELOAD: std::cell::RefCell<Vec<Box<dyn Fn()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `stash` just before the language switch (a plain link) leaves the page, so that an
/// island can keep what the page load would lose. Islands share it.
pub fn before_language_reload(stash: impl Fn() + 'static) {
    BEFORE_RELOAD.with(|stashes| stashes.borrow_mut().push(Box::new(stash)));
    #[cfg(feature = "browser")]
    guard_the_switch();
}

/// Declares (with the question to ask) or clears work on the page that the language
/// switch's page load would lose; the switch asks before leaving. Islands share it.
pub fn set_unsaved_work(warning: Option<Text>) {
    UNSAVED_WORK.with(|w| w.set(warning));
    #[cfg(feature = "browser")]
    guard_the_switch();
}

/// Once per page, where an island has something to keep: a click on the switch asks about
/// unsaved work (and stays if the answer is no), then lets the islands stash their state.
#[cfg(feature = "browser")]
fn guard_the_switch() {
    use wasm_bindgen::{prelude::Closure, JsCast};
    thread_local! {
        static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if GUARDED.with(|g| g.replace(true)) {
        return;
    }
    let Some(switch) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SWITCH_ID))
    else {
        return;
    };
    let lang = initial_lang();
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(warning) = UNSAVED_WORK.with(|w| w.get()) {
            let leave = web_sys::window()
                .and_then(|w| w.confirm_with_message(warning.get(lang)).ok())
                .unwrap_or(true);
            if !leave {
                event.prevent_default();
                return;
            }
        }
        BEFORE_RELOAD.with(|stashes| stashes.borrow().iter().for_each(|stash| stash()));
    });
    let _ = switch.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The element id of the language switch.
pub const SWITCH_ID: &str = "lang-switch";

/// Reads the page's language (query, else cookie) and puts it in context.
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

/// The language of the page being rendered: the query's `lang` if it asks, else the
/// request's cookie.
#[cfg(feature = "ssr")]
pub fn initial_lang() -> Lang {
    use_context::<http::request::Parts>()
        .map(|parts| {
            parts
                .uri
                .query()
                .and_then(lang_from_query)
                .unwrap_or_else(|| {
                    parts
                        .headers
                        .get(http::header::COOKIE)
                        .and_then(|v| v.to_str().ok())
                        .map(lang_from_cookies)
                        .unwrap_or_default()
                })
        })
        .unwrap_or_default()
}

/// The language of the page being hydrated: the one the server rendered it in
/// (`<html lang>`).
#[cfg(not(feature = "ssr"))]
pub fn initial_lang() -> Lang {
    #[cfg(feature = "browser")]
    {
        let html_lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"));
        if html_lang.as_deref() == Some(Lang::En.html_lang()) {
            return Lang::En;
        }
    }
    Lang::Zh
}

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
    fn the_query_chooses_a_language_only_with_a_known_code() {
        assert_eq!(lang_from_query("api=x&lang=en"), Some(Lang::En));
        assert_eq!(lang_from_query("lang=zh"), Some(Lang::Zh));
        assert_eq!(lang_from_query("lang=fr"), None);
        assert_eq!(lang_from_query("language=en"), None);
        assert_eq!(lang_from_query(""), None);
    }

    #[test]
    fn the_switch_keeps_the_page_and_its_query_and_replaces_lang() {
        assert_eq!(switch_href("/", "", Lang::En), "/?lang=en");
        assert_eq!(
            switch_href("/images", "api=chooseImage&count=1&lang=en", Lang::Zh),
            "/images?api=chooseImage&count=1&lang=zh"
        );
        assert_eq!(
            switch_href("/qa", "against=3", Lang::En),
            "/qa?against=3&lang=en"
        );
    }

    #[test]
    fn missing_or_unknown_cookie_falls_back_to_chinese() {
        assert_eq!(lang_from_cookies(""), Lang::Zh);
        assert_eq!(lang_from_cookies("lang=xx"), Lang::Zh);
        assert_eq!(lang_from_cookies("language=en"), Lang::Zh);
    }
}
