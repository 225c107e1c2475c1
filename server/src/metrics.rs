//! `GET /metrics`: the credential cache's counters in the Prometheus text format.
//!
//! Only counts and limits are exposed, never a token, ticket or secret.

use app::state::AppState;
use axum::{extract::State, http::header, response::IntoResponse};
use prometheus_client::{
    collector::Collector,
    encoding::{prometheus_text, DescriptorEncoder, EncodeMetric},
    metrics::{counter::ConstCounter, gauge::ConstGauge, MetricType},
    registry::Registry,
};
use wechat::client::Outcome;
use wechat::credentials::{CacheStats, CredentialService, LeaseStats, QuotaStatus};

/// The exposition's content type (Prometheus text format 0.0.4).
pub const CONTENT_TYPE: &str = prometheus_text::CONTENT_TYPE;

/// The handler.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, CONTENT_TYPE)],
        render(state.wechat.service()).await,
    )
}

/// The exposition of `service`'s counters.
///
/// The core keeps the counts (they are shared with the Redis store and read by tests), so
/// each scrape takes a snapshot and hands it to prometheus-client as one [`Collector`].
pub async fn render(service: &CredentialService) -> String {
    let snapshot = Snapshot {
        stats: service.stats(),
        lease: service.lease_stats().unwrap_or_default(),
        quota: service.quota().await,
    };
    let mut registry = Registry::default();
    registry.register_collector(Box::new(snapshot));
    let mut text = String::new();
    prometheus_text::encode(&mut text, &registry).expect("writing to a String cannot fail");
    text
}

/// The counters of one scrape.
#[derive(Debug)]
struct Snapshot {
    stats: CacheStats,
    lease: LeaseStats,
    quota: Vec<QuotaStatus>,
}

type Labels = Vec<(&'static str, String)>;

/// One metric family: a name (counters without `_total`, which the encoder adds), a help
/// text, and its samples.
fn family<M: EncodeMetric>(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    samples: impl IntoIterator<Item = (Labels, M)>,
    metric_type: MetricType,
) -> Result<(), std::fmt::Error> {
    let mut metric = encoder.encode_descriptor(name, help, None, metric_type)?;
    for (labels, value) in samples {
        value.encode(metric.encode_family(&labels)?)?;
    }
    Ok(())
}

fn counter(
    encoder: &mut DescriptorEncoder,
    name: &str,
    help: &str,
    value: u64,
) -> Result<(), std::fmt::Error> {
    let value = ConstCounter::new(value);
    let metric = encoder.encode_descriptor(name, help, None, value.metric_type())?;
    value.encode(metric)
}

impl Collector for Snapshot {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let stats = &self.stats;
        family(
            &mut encoder,
            "wechat_upstream_calls",
            "HTTP attempts to the WeChat API by endpoint and outcome (errcode 0 = success).",
            stats.upstream.iter().map(|row| {
                let (outcome, errcode) = outcome_labels(row.outcome);
                let mut labels = vec![
                    ("endpoint", row.endpoint.as_str().to_owned()),
                    ("outcome", outcome),
                ];
                labels.extend(errcode.map(|code| ("errcode", code)));
                (labels, ConstCounter::new(row.count))
            }),
            MetricType::Counter,
        )?;
        let lease = &self.lease;
        for (name, help, value) in [
            ("wechat_cache_hits", "Requests served from a fresh cached credential.", stats.hits),
            ("wechat_cache_stale_hits", "Requests served from a valid credential due for renewal (renewed in the background).", stats.stale_hits),
            ("wechat_cache_misses", "Requests that found no usable credential and waited for a fetch.", stats.misses),
            ("wechat_refreshes", "Credential fetches started (each serves every waiter).", stats.refreshes),
            ("wechat_refresh_failures", "Credential fetches that failed.", stats.refresh_failures),
            ("wechat_store_hits", "Fetches answered by the credential store (a restart, another instance) without calling WeChat.", stats.store_hits),
            ("wechat_invalidations", "Access tokens dropped after WeChat refused them.", stats.invalidations),
            ("wechat_lease_acquired", "Refresh leases taken in the shared store (Redis) by this instance.", lease.acquired),
            ("wechat_lease_waits", "Refreshes that waited for another instance's lease.", lease.waits),
            ("wechat_lease_adopted", "Waits that ended by adopting the credential another instance fetched.", lease.adopted),
            ("wechat_lease_timeouts", "Waits that ran out of time and fetched without the lease.", lease.timeouts),
            ("wechat_store_errors", "Shared-store operations that failed (Redis unreachable).", lease.errors),
        ] {
            counter(&mut encoder, name, help, value)?;
        }
        let by_credential = |value: fn(&QuotaStatus) -> u64| {
            self.quota.iter().map(move |row| {
                (
                    vec![("credential", row.kind.as_str().to_owned())],
                    ConstGauge::new(value(row)),
                )
            })
        };
        family(
            &mut encoder,
            "wechat_quota_used_today",
            "Upstream fetches of each credential counted today (Beijing day; all instances when shared).",
            by_credential(|row| row.used),
            MetricType::Gauge,
        )?;
        family(
            &mut encoder,
            "wechat_quota_limit_daily",
            "Fetches of each credential allowed a day; forced refreshes beyond it are refused.",
            by_credential(|row| row.limit),
            MetricType::Gauge,
        )
    }
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
    fn counters_end_in_total_and_labelled_samples_follow_their_family() {
        let snapshot = Snapshot {
            stats: CacheStats {
                hits: 7,
                stale_hits: 0,
                misses: 1,
                refreshes: 1,
                refresh_failures: 0,
                store_hits: 0,
                invalidations: 0,
                upstream: Vec::new(),
            },
            lease: LeaseStats::default(),
            quota: Vec::new(),
        };
        let mut registry = Registry::default();
        registry.register_collector(Box::new(snapshot));
        let mut text = String::new();
        prometheus_text::encode(&mut text, &registry).unwrap();
        assert!(
            text.contains("# TYPE wechat_cache_hits_total counter\nwechat_cache_hits_total 7\n"),
            "{text}"
        );
        assert!(text.contains("# TYPE wechat_quota_used_today gauge\n"));
        assert!(
            !text.contains("wechat_upstream_calls_total{"),
            "no rows, no samples"
        );
    }
}
