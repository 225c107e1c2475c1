//! The code of a call in a stack (`crate::code`). Public: it uses no credential; what it
//! writes is the caller's own arguments, escaped as JavaScript literals.

use super::error::ApiError;
use crate::code::Stack;
use leptos::prelude::*;

/// `api` called with `args` (a JSON object), written in `stack`, comments in `lang`
/// (`zh` or `en`).
#[server(prefix = "/api", endpoint = "call_code")]
pub async fn call_code(
    api: String,
    stack: Stack,
    args: String,
    lang: String,
) -> Result<String, ApiError> {
    use wechat::input::{check, Field, Presence::*};
    let known = crate::catalog::api(&api).ok_or_else(|| {
        ApiError::bad_input(format!("api: {api:?} is not an interface of the catalog"))
            .with_hint("use an id from /api/catalog, like chooseImage")
    })?;
    check(Field::CallArgs, &args, Optional)?;
    let args =
        match serde_json::from_str::<serde_json::Value>(if args.is_empty() { "{}" } else { &args })
        {
            Ok(serde_json::Value::Object(map)) => map,
            _ => {
                return Err(ApiError::bad_input("args: not a JSON object")
                    .with_hint("send the call's arguments as an object, like {\"count\":1}"))
            }
        };
    let call = crate::code::Call {
        api: known,
        args,
        lang: crate::catalog::Lang::from_code(&lang),
    };
    Ok(crate::code::render(stack, &call))
}
