//! The doctor's `wx.config` linter: the core's [`wechat::config_lint`] with the catalog's
//! interfaces. Public: it uses no credential of this server.

use super::error::ApiError;
use leptos::prelude::*;
pub use wechat::config_lint::ConfigLint;

/// Lints a pasted `wx.config({...})` and, when given, the page code that calls the interfaces
/// and the account's JS safe domains (comma-separated) the share links must stay on.
#[server(prefix = "/api", endpoint = "lint_config")]
pub async fn lint_config(
    config: String,
    code: Option<String>,
    safe_domains: Option<String>,
) -> Result<Vec<ConfigLint>, ApiError> {
    use wechat::input::{check, Field, Presence::*};
    use wechat::page_url::SafeDomains;
    check(Field::WxConfig, &config, Required)?;
    let code = code.unwrap_or_default();
    check(Field::PageCode, &code, Optional)?;
    let domains = safe_domains.unwrap_or_default();
    check(Field::SafeDomainList, &domains, Optional)?;
    let domains = SafeDomains::parse(&domains).map_err(|error| {
        ApiError::bad_input(format!("safe_domains: {error}"))
            .with_hint("list domains like example.com, separated by commas, without a port")
    })?;
    Ok(lint(&config, &code, &domains))
}

/// Lints with every interface of the catalog; share links are checked against `domains`
/// unless it allows any host.
#[cfg(feature = "ssr")]
pub fn lint(config: &str, code: &str, domains: &wechat::page_url::SafeDomains) -> Vec<ConfigLint> {
    use crate::catalog;
    let apis = catalog::all_functions();
    let share_apis: Vec<&str> = catalog::APIS
        .iter()
        .filter(|api| api.params.iter().any(|param| param.name == "imgUrl"))
        .map(|api| api.function)
        .collect();
    let known = wechat::config_lint::Known {
        apis: &apis,
        share_apis: &share_apis,
        safe_domains: Some(domains),
    };
    wechat::config_lint::lint(config, code, known)
}
