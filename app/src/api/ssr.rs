//! Server-only helpers shared by the server functions. Text fields are checked with the
//! core's [`wechat::input`]; an error's HTTP status is set where it is serialised.

use super::error::{ApiError, ErrorKind};
use crate::{catalog, state::AppState, wechat_gateway::WechatGateway};
use leptos::prelude::*;

/// The WeChat side of the state; a 500 if the server forgot to provide it.
pub fn gateway() -> Result<WechatGateway, ApiError> {
    use_context::<AppState>()
        .map(|state| state.wechat.clone())
        .ok_or_else(|| ApiError::new(ErrorKind::Internal, "server state is missing"))
}

/// The whole state; a 500 if the server forgot to provide it.
pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>()
        .ok_or_else(|| ApiError::new(ErrorKind::Internal, "server state is missing"))
}

/// Checks a jsApiList: known API names only, no duplicates, bounded.
pub fn checked_apis(apis: Vec<String>) -> Result<Vec<String>, ApiError> {
    if apis.len() > super::signing::MAX_APIS {
        return Err(ApiError::bad_input(format!(
            "apis lists {} entries; at most {} are accepted",
            apis.len(),
            super::signing::MAX_APIS
        )));
    }
    let mut out: Vec<String> = Vec::with_capacity(apis.len());
    for api in apis {
        // Straight over the catalog: this runs on every signature, so no list is built.
        if !catalog::APIS.iter().any(|known| known.function == api) {
            let shown: String = api.chars().take(64).collect();
            return Err(
                ApiError::bad_input(format!("apis: {shown:?} is not a JS-SDK interface"))
                    .with_hint("use names from the JS-SDK documentation, e.g. chooseImage"),
            );
        }
        if !out.contains(&api) {
            out.push(api);
        }
    }
    Ok(out)
}
