//! The checks behind `/setup`, run on the server. WeChat is reached only through the
//! credential cache (a cached token or ticket costs no call; a failure has its cooldown), so
//! however often the page is loaded, WeChat is asked no more often than by the pages. Every
//! check has a time bound.

use super::{AdminValues, Check, Fetched, Finding, SetupReport, State};
use crate::state::{AppState, VerifyFile};
use std::time::Duration;
use wechat::{
    api::{ConfigErrMsg, VerifyRequest},
    client::{
        TicketKind, UpstreamError, ERRCODE_INVALID_APPID, ERRCODE_INVALID_SECRET,
        ERRCODE_IP_NOT_WHITELISTED,
    },
    credentials::CredentialKind,
    page_url::{page_url_to_sign, SafeDomains, UrlLint},
};

/// Bound on one check that reaches WeChat (through the cache).
pub const WECHAT_BOUND: Duration = Duration::from_secs(10);
/// Bound on fetching the verification file from the public URL.
pub const FETCH_BOUND: Duration = Duration::from_secs(4);
/// Redirects followed when fetching it, on its own host only.
pub const MAX_REDIRECTS: usize = 3;

/// Runs every check for this deployment; `request_base` is the site's URL as this request
/// reached it (used when `PUBLIC_URL` is unset).
pub async fn report(state: &AppState, request_base: &str, session: String) -> SetupReport {
    let settings = &state.settings;
    let (credentials, server_ip) = credentials(state).await;
    let public = settings.public_url.as_deref();
    let public_url = public_url(state, public).await;
    let token_ok = credentials.iter().all(|c| c.state == State::Ok) && !settings.sandbox;
    let ticket = ticket(
        state,
        public.unwrap_or(request_base),
        token_ok || settings.sandbox,
    )
    .await;
    let domain = public
        .and_then(|url| page_url_to_sign(url, &SafeDomains::any()).ok())
        .map(|page| page.host().to_owned());
    SetupReport {
        sandbox: settings.sandbox,
        app_id: settings.app_id.clone(),
        credentials,
        public_url,
        ticket,
        admin: AdminValues {
            domain,
            server_ip,
            verify_files: settings
                .verify_files
                .iter()
                .map(|f| f.name.clone())
                .collect(),
        },
        session,
    }
}

/// Step 1: an access_token can be had (from the cache, or fetched through it).
async fn credentials(state: &AppState) -> (Vec<Check>, Option<String>) {
    if state.settings.sandbox {
        return (vec![Check::new(State::NotChecked, Finding::Sandbox)], None);
    }
    let service = state.wechat.service();
    let cached = service
        .status()
        .iter()
        .any(|s| s.kind == CredentialKind::AccessToken && s.phase.is_some());
    match tokio::time::timeout(WECHAT_BOUND, service.access_token()).await {
        Err(_) => (vec![timed_out(WECHAT_BOUND)], None),
        Ok(Ok(_)) => (
            vec![Check::new(State::Ok, Finding::TokenHeld { cached })],
            None,
        ),
        Ok(Err(error)) => {
            let ip = match &error {
                wechat::Error::Upstream(upstream) => upstream.refused_ip().map(|ip| ip.to_string()),
                _ => None,
            };
            (
                vec![Check::new(
                    State::Wrong,
                    fetch_failure(state, &error, ip.clone()),
                )],
                ip,
            )
        }
    }
}

/// Reads a failed fetch: 40013 / 40125 / 40164 by name, anything else with its errcode.
fn fetch_failure(state: &AppState, error: &wechat::Error, ip: Option<String>) -> Finding {
    match error {
        wechat::Error::Upstream(UpstreamError::Configuration { errcode, .. }) => match *errcode {
            ERRCODE_INVALID_APPID => Finding::InvalidAppId {
                app_id: state.settings.app_id.clone(),
            },
            ERRCODE_INVALID_SECRET => Finding::InvalidSecret,
            ERRCODE_IP_NOT_WHITELISTED => Finding::IpNotWhitelisted { ip },
            errcode => Finding::FetchFailed {
                errcode: Some(errcode),
                detail: error.to_string(),
            },
        },
        other => Finding::FetchFailed {
            errcode: other.errcode(),
            detail: other.to_string(),
        },
    }
}

fn timed_out(bound: Duration) -> Check {
    Check::new(
        State::NotChecked,
        Finding::TimedOut {
            secs: bound.as_secs(),
        },
    )
}

/// Step 2: scheme, host, port and safe domain of `PUBLIC_URL`, and the verification file
/// fetched from it.
async fn public_url(state: &AppState, public: Option<&str>) -> Vec<Check> {
    let Some(url) = public else {
        return vec![Check::new(State::Wrong, Finding::PublicUrlUnset)];
    };
    let page = match page_url_to_sign(&format!("{url}/"), &SafeDomains::any()) {
        Ok(page) => page,
        Err(_) => {
            return vec![Check::new(
                State::Wrong,
                Finding::PublicUrlUnreadable {
                    url: url.to_owned(),
                },
            )]
        }
    };
    let origin = page.origin();
    let right = |ok: bool| if ok { State::Ok } else { State::Wrong };
    let domains = &state.settings.js_safe_domains;
    let mut checks = vec![
        Check::new(
            right(origin.scheme == "https"),
            Finding::Scheme {
                scheme: origin.scheme.to_owned(),
            },
        ),
        Check::new(
            right(!page.lints().contains(&UrlLint::LocalOrIpHost)),
            Finding::Host {
                host: origin.host.clone(),
            },
        ),
        Check::new(
            right(!page.lints().contains(&UrlLint::NonStandardPort)),
            Finding::Port { port: origin.port },
        ),
        Check::new(
            if domains.allows_any_host() {
                State::NotChecked
            } else {
                right(domains.allows(&origin.host))
            },
            Finding::SafeDomain {
                host: origin.host.clone(),
                allowed: domains.domains().to_vec(),
            },
        ),
    ];
    let files = &state.settings.verify_files;
    if files.is_empty() {
        checks.push(Check::new(State::NotChecked, Finding::NoVerifyFile));
    }
    let probe = state.settings.public_url_probe.as_deref().unwrap_or(url);
    for file in files.iter() {
        checks.push(verify_file(url, probe, &origin.host, file).await);
    }
    checks
}

/// Fetches `file` from the public URL (through `probe`, the origin actually connected to)
/// and compares it byte for byte.
async fn verify_file(public: &str, probe: &str, host: &str, file: &VerifyFile) -> Check {
    let url = format!("{public}/{}", file.name);
    let fetched = fetch(&format!("{probe}/{}", file.name), host).await;
    let fetched = match fetched {
        Ok(body) if body == file.contents => Fetched::Same,
        Ok(body) => Fetched::Different { len: body.len() },
        Err(other) => other,
    };
    let state = if fetched == Fetched::Same {
        State::Ok
    } else {
        State::Wrong
    };
    Check::new(state, Finding::VerifyFile { url, fetched })
}

/// GETs `url` within [`FETCH_BOUND`], following redirects on `host` only, reading at most
/// one byte more than a verification file may hold.
async fn fetch(url: &str, host: &str) -> Result<Vec<u8>, Fetched> {
    let allowed_host = host.to_owned();
    let client = reqwest::Client::builder()
        .timeout(FETCH_BOUND)
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > MAX_REDIRECTS
                || attempt.url().host_str() != Some(allowed_host.as_str())
            {
                attempt.stop()
            } else {
                attempt.follow()
            }
        }))
        .build()
        .map_err(|e| Fetched::Unreachable {
            reason: e.to_string(),
        })?;
    let unreachable = |e: reqwest::Error| Fetched::Unreachable {
        reason: e.without_url().to_string(),
    };
    let mut response = client.get(url).send().await.map_err(unreachable)?;
    let status = response.status();
    if status.is_redirection() {
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        return Err(Fetched::RedirectOffHost { location });
    }
    if status != reqwest::StatusCode::OK {
        return Err(Fetched::Status {
            status: status.as_u16(),
        });
    }
    let limit = wechat::verify_file::MAX_BYTES + 1;
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
        body.extend_from_slice(&chunk);
        if body.len() >= limit {
            body.truncate(limit);
            break;
        }
    }
    Ok(body)
}

/// Step 3: the jsapi_ticket, and a sample `wx.config` for `base`/basic signed and verified.
async fn ticket(state: &AppState, base: &str, token_ok: bool) -> Vec<Check> {
    if !token_ok {
        return vec![Check::new(State::NotChecked, Finding::NeedsEarlierStep)];
    }
    let service = state.wechat.service();
    let ticket = match tokio::time::timeout(WECHAT_BOUND, service.ticket(TicketKind::Jsapi)).await {
        Err(_) => return vec![timed_out(WECHAT_BOUND)],
        Ok(Err(error)) => {
            let ip = match &error {
                wechat::Error::Upstream(upstream) => upstream.refused_ip().map(|ip| ip.to_string()),
                _ => None,
            };
            return vec![Check::new(State::Wrong, fetch_failure(state, &error, ip))];
        }
        Ok(Ok(ticket)) => ticket,
    };
    let mut checks = vec![Check::new(State::Ok, Finding::TicketHeld)];
    let sample = format!("{base}/basic");
    let Ok(page) = page_url_to_sign(&sample, &SafeDomains::any()) else {
        checks.push(Check::new(State::NotChecked, Finding::NeedsEarlierStep));
        return checks;
    };
    let signed = match service
        .sign_page(&page, Vec::new(), Vec::new(), false)
        .await
    {
        Ok(signed) => signed,
        Err(error) => {
            checks.push(Check::new(State::Wrong, fetch_failure(state, &error, None)));
            return checks;
        }
    };
    let answer = VerifyRequest {
        app_id: signed.config.app_id.clone(),
        timestamp: signed.config.timestamp.to_string(),
        nonce_str: signed.config.nonce_str.clone(),
        signature: signed.config.signature.clone(),
        url: signed.url.clone(),
    }
    .verify(service.app_id(), ticket.expose(), &SafeDomains::any());
    let err_msg = serde_json::to_value(answer.err_msg)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    checks.push(Check::new(
        if answer.err_msg == ConfigErrMsg::Ok {
            State::Ok
        } else {
            State::Wrong
        },
        Finding::SampleSignature {
            url: signed.url,
            err_msg,
        },
    ));
    checks
}
