//! The language switch's server half: a page asked for with `?lang=zh|en` is rendered in that
//! language (`app::i18n::initial_lang`) and the choice is remembered in the language cookie.

use app::i18n::{lang_from_query, remember_cookie};
use axum::{extract::Request, http::header::SET_COOKIE, middleware::Next, response::Response};

/// Adds the language cookie to the response of a request whose query chooses a language.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let asked = request.uri().query().and_then(lang_from_query);
    let mut response = next.run(request).await;
    if let Some(lang) = asked {
        if let Ok(cookie) = remember_cookie(lang).parse() {
            response.headers_mut().append(SET_COOKIE, cookie);
        }
    }
    response
}
