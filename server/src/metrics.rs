//! `GET /metrics`: the credential cache's counters in the Prometheus text format.
//!
//! Only counts and limits are exposed, never a token, ticket or secret.

use app::state::AppState;
use axum::{extract::State, http::header, response::IntoResponse};
use std::fmt::Write;
use wechat::client::Outcome;
use wechat::credentials::{CacheStats, CredentialService, LeaseStats, QuotaStatus};

/// The exposition's content type (text format 0.0.4).
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The handler.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        render(state.wechat.service()).await,
    )
}

/// The exposition of `service`'s counters.
pub async fn render(service: &CredentialService) -> String {
    let mut out = Exposition::default();
    let stats = service.stats();
    upstream(&mut out, &stats);
    cache(&mut out, &stats);
    lease(&mut out, &service.lease_stats().unwrap_or_default());
    quota(&mut out, &service.quota().await);
    out.text
}

#[derive(Default)]
struct Exposition {
    text: String,
}

impl Exposition {
    fn family(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.text, "# HELP {name} {help}");
        let _ = writeln!(self.text, "# TYPE {name} {kind}");
    }

    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: u64) {
        self.text.push_str(name);
        if !labels.is_empty() {
            self.text.push('{');
            for (index, (label, label_value)) in labels.iter().enumerate() {
                if index > 0 {
                    self.text.push(',');
                }
                let _ = write!(self.text, "{label}=\"{}\"", escape(label_value));
            }
            self.text.push('}');
        }
        let _ = writeln!(self.text, " {value}");
    }

    fn counter(&mut self, name: &str, help: &str, value: u64) {
        self.family(name, "counter", help);
        self.sample(name, &[], value);
    }
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// `ok` → (`ok`, `0`); `errcode 45009` → (`errcode`, `45009`); `http 503` → (`http_503`, none).
fn outcome_labels(outcome: Outcome) -> (String, Option<String>) {
    let label = |text: &str| (text.to_owned(), None);
    match outcome {
        Outcome::Ok => ("ok".to_owned(), Some("0".to_owned())),
        Outcome::Errcode(code) => ("errcode".to_owned(), Some(code.to_string())),
        Outcome::Timeout => label("timeout"),
        Outcome::HttpStatus(status) => (format!("http_{status}"), None),
        Outcome::MalformedJson => label("malformed_json"),
        Outcome::EmptyCredential => label("empty_credential"),
        Outcome::Transport => label("transport"),
    }
}

fn upstream(out: &mut Exposition, stats: &CacheStats) {
    let name = "wechat_upstream_calls_total";
    out.family(
        name,
        "counter",
        "HTTP attempts to the WeChat API by endpoint and outcome (errcode 0 = success).",
    );
    for row in &stats.upstream {
        let (outcome, errcode) = outcome_labels(row.outcome);
        let endpoint = row.endpoint.as_str();
        match errcode {
            Some(code) => out.sample(
                name,
                &[
                    ("endpoint", endpoint),
                    ("outcome", &outcome),
                    ("errcode", &code),
                ],
                row.count,
            ),
            None => out.sample(
                name,
                &[("endpoint", endpoint), ("outcome", &outcome)],
                row.count,
            ),
        }
    }
}

fn cache(out: &mut Exposition, stats: &CacheStats) {
    out.counter(
        "wechat_cache_hits_total",
        "Requests served from a fresh cached credential.",
        stats.hits,
    );
    out.counter(
        "wechat_cache_stale_hits_total",
        "Requests served from a valid credential due for renewal (renewed in the background).",
        stats.stale_hits,
    );
    out.counter(
        "wechat_cache_misses_total",
        "Requests that found no usable credential and waited for a fetch.",
        stats.misses,
    );
    out.counter(
        "wechat_refreshes_total",
        "Credential fetches started (each serves every waiter).",
        stats.refreshes,
    );
    out.counter(
        "wechat_refresh_failures_total",
        "Credential fetches that failed.",
        stats.refresh_failures,
    );
    out.counter(
        "wechat_store_hits_total",
        "Fetches answered by the credential store (a restart, another instance) without calling WeChat.",
        stats.store_hits,
    );
    out.counter(
        "wechat_invalidations_total",
        "Access tokens dropped after WeChat refused them.",
        stats.invalidations,
    );
}

fn lease(out: &mut Exposition, lease: &LeaseStats) {
    out.counter(
        "wechat_lease_acquired_total",
        "Refresh leases taken in the shared store (Redis) by this instance.",
        lease.acquired,
    );
    out.counter(
        "wechat_lease_waits_total",
        "Refreshes that waited for another instance's lease.",
        lease.waits,
    );
    out.counter(
        "wechat_lease_adopted_total",
        "Waits that ended by adopting the credential another instance fetched.",
        lease.adopted,
    );
    out.counter(
        "wechat_lease_timeouts_total",
        "Waits that ran out of time and fetched without the lease.",
        lease.timeouts,
    );
    out.counter(
        "wechat_store_errors_total",
        "Shared-store operations that failed (Redis unreachable).",
        lease.errors,
    );
}

fn quota(out: &mut Exposition, quota: &[QuotaStatus]) {
    let used = "wechat_quota_used_today";
    out.family(
        used,
        "gauge",
        "Upstream fetches of each credential counted today (Beijing day; all instances when shared).",
    );
    for row in quota {
        out.sample(used, &[("credential", row.kind.as_str())], row.used);
    }
    let limit = "wechat_quota_limit_daily";
    out.family(
        limit,
        "gauge",
        "Fetches of each credential allowed a day; forced refreshes beyond it are refused.",
    );
    for row in quota {
        out.sample(limit, &[("credential", row.kind.as_str())], row.limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_become_labels() {
        let labels = |o| {
            let (outcome, errcode) = outcome_labels(o);
            (outcome, errcode.unwrap_or_default())
        };
        assert_eq!(labels(Outcome::Ok), ("ok".into(), "0".into()));
        assert_eq!(
            labels(Outcome::Errcode(45009)),
            ("errcode".into(), "45009".into())
        );
        assert_eq!(
            labels(Outcome::HttpStatus(503)),
            ("http_503".into(), "".into())
        );
        assert_eq!(
            labels(Outcome::MalformedJson),
            ("malformed_json".into(), "".into())
        );
    }

    #[test]
    fn label_values_are_escaped() {
        let mut out = Exposition::default();
        out.sample("m", &[("a", "x\"y\\z")], 3);
        assert_eq!(out.text, "m{a=\"x\\\"y\\\\z\"} 3\n");
    }
}
