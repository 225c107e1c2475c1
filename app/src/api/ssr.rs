//! Server-only helpers shared by the server functions.

use super::error::{ApiError, ErrorKind};
use crate::{catalog, state::AppState, wechat_gateway::WechatGateway};
use leptos::prelude::*;

/// Longest free-text field accepted by the signing endpoints.
pub const MAX_FIELD: usize = 256;

/// The WeChat side of the state; a 500 if the server forgot to provide it.
pub fn gateway() -> Result<WechatGateway, ApiError> {
    use_context::<AppState>()
        .map(|state| state.wechat.clone())
        .ok_or_else(|| ApiError::new(ErrorKind::Internal, "server state is missing"))
}

/// Sets the HTTP status of a failed call from its error class.
pub fn respond<T>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(error) = &result {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(
                http::StatusCode::from_u16(error.kind.status())
                    .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
    }
    result
}

/// Checks a jsApiList: known API names only, no duplicates, bounded.
pub fn checked_apis(apis: Vec<String>) -> Result<Vec<String>, ApiError> {
    if apis.len() > super::signing::MAX_APIS {
        return respond(Err(ApiError::bad_input(format!(
            "apis lists {} entries; at most {} are accepted",
            apis.len(),
            super::signing::MAX_APIS
        ))));
    }
    let mut out: Vec<String> = Vec::with_capacity(apis.len());
    for api in apis {
        // Straight over the catalog: this runs on every signature, so no list is built.
        if !catalog::APIS.iter().any(|known| known.function == api) {
            let shown: String = api.chars().take(64).collect();
            return respond(Err(ApiError::bad_input(format!(
                "apis: {shown:?} is not a JS-SDK interface"
            ))
            .with_hint("use names from the JS-SDK documentation, e.g. chooseImage")));
        }
        if !out.contains(&api) {
            out.push(api);
        }
    }
    Ok(out)
}

/// Checks a short text field: bounded, printable, present when required.
pub fn checked_field<'a>(name: &str, value: &'a str, required: bool) -> Result<&'a str, ApiError> {
    let problem = if required && value.is_empty() {
        Some(format!("{name} is required"))
    } else if value.len() > MAX_FIELD {
        Some(format!(
            "{name} is {} bytes long; at most {MAX_FIELD} are accepted",
            value.len()
        ))
    } else if value.chars().any(char::is_control) {
        Some(format!("{name} contains control characters"))
    } else {
        None
    };
    match problem {
        Some(message) => respond(Err(ApiError::bad_input(message))),
        None => Ok(value),
    }
}
