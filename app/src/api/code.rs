//! The code of a call in a stack (`crate::code`). Public: it uses no credential; what it
//! writes is the caller's own arguments, escaped as JavaScript literals.

use super::error::ApiError;
use crate::code::Stack;
use leptos::prelude::*;

/// What [`call_code`] answers: the code, or why a call editor's fields, as typed so far,
/// make no call yet (a draft, not a faulty request: the page keeps the code it shows).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeAnswer {
    /// The call written in the stack asked for.
    Code(String),
    /// Which fields make no call yet, and why (English, for the log; the editor says it in
    /// the page's language when the call is pressed).
    Refused(String),
}

/// `api` called with `args` (a JSON object) or with a call editor's `fields` (a JSON array of
/// `[name, value]` pairs as typed, checked as a run checks them), written in `stack`, comments
/// in `lang` (`zh` or `en`).
#[server(prefix = "/api", endpoint = "call_code")]
pub async fn call_code(
    api: String,
    stack: Stack,
    #[server(default)] args: String,
    #[server(default)] fields: String,
    lang: String,
) -> Result<CodeAnswer, ApiError> {
    use wechat::input::{check, Field, Presence::*};
    let known = crate::catalog::api(&api).ok_or_else(|| {
        ApiError::bad_input(format!("api: {api:?} is not an interface of the catalog"))
            .with_hint("use an id from /api/catalog, like chooseImage")
    })?;
    check(Field::CallArgs, &args, Optional)?;
    check(Field::CallArgs, &fields, Optional)?;
    let args = if !fields.is_empty() {
        let mut pairs: Vec<(String, String)> = serde_json::from_str(&fields).map_err(|_| {
            ApiError::bad_input("fields: not a JSON array of [name, value] pairs")
                .with_hint("send the editor's fields like [[\"count\",\"1\"]]")
        })?;
        // The editor's form also carries its page's own keys (its `api`, for the link).
        pairs.retain(|(name, _)| !crate::routes::call_editor::PAGE_KEYS.contains(&name.as_str()));
        match crate::live::parse_args(known, &pairs) {
            Ok(serde_json::Value::Object(map)) => map,
            Ok(_) => serde_json::Map::new(),
            Err(why) => return Ok(CodeAnswer::Refused(why)),
        }
    } else {
        match serde_json::from_str::<serde_json::Value>(if args.is_empty() { "{}" } else { &args })
        {
            Ok(serde_json::Value::Object(map)) => map,
            _ => {
                return Err(ApiError::bad_input("args: not a JSON object")
                    .with_hint("send the call's arguments as an object, like {\"count\":1}"))
            }
        }
    };
    let call = crate::code::Call {
        api: known,
        args,
        lang: crate::catalog::Lang::from_code(&lang),
    };
    Ok(CodeAnswer::Code(crate::code::render(stack, &call)))
}
