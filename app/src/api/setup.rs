//! `/setup`'s server functions: the live checks, and the `wx.ready` report of a phone
//! opened from the page's QR code (its `wx.error` goes through `config_error`, as on any page).

use super::error::ApiError;
use crate::setup::SetupReport;
use leptos::prelude::*;

/// Runs every `/setup` check for this deployment (no secret, token or ticket in the answer).
#[server(prefix = "/api", endpoint = "setup_checks")]
pub async fn setup_checks() -> Result<SetupReport, ApiError> {
    use super::ssr::*;
    let state = state()?;
    let base = super::qr::ssr::public_url("/")?;
    let base = base.trim_end_matches('/');
    Ok(crate::setup::checks::report(&state, base, wechat::nonce::nonce()).await)
}

/// A page's `wx.ready` (without an error before it): passed on to the `/setup` page whose
/// session the page's URL names, if any.
#[server(prefix = "/api", endpoint = "config_ready")]
pub async fn report_config_ready(href: String, user_agent: String) -> Result<(), ApiError> {
    use super::ssr::*;
    use wechat::input::{check, Field, Presence::*};
    check(Field::Href, &href, Required)?;
    check(Field::UserAgent, &user_agent, Optional)?;
    state()?.setup_hub.publish(
        &href,
        &user_agent,
        crate::setup::PhoneOutcome::Ready,
        "config:ok",
        None,
    );
    Ok(())
}
