//! `GET /metrics` over real HTTP: Prometheus text whose counters move with the requests, and
//! that never shows a secret, token or ticket.

mod common;

use common::Sandbox;
use std::collections::HashMap;
use wechat::client::{Endpoint, TicketKind};
use wechat::fake::{Fault, SANDBOX_APP_SECRET};

/// One scrape: the raw text and `name{labels}` → value.
struct Scrape {
    text: String,
    samples: HashMap<String, u64>,
}

impl Scrape {
    fn get(&self, sample: &str) -> u64 {
        *self
            .samples
            .get(sample)
            .unwrap_or_else(|| panic!("no sample {sample} in\n{}", self.text))
    }
}

impl Sandbox {
    async fn scrape(&self) -> Scrape {
        let response = self
            .http
            .get(format!("{}/metrics", self.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            content_type.starts_with("text/plain; version=0.0.4"),
            "{content_type}"
        );
        let text = response.text().await.unwrap();
        let mut samples = HashMap::new();
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            let (name, value) = line
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("malformed line {line:?}"));
            let value = value
                .parse()
                .unwrap_or_else(|_| panic!("not a number in {line:?}"));
            assert!(
                samples.insert(name.to_owned(), value).is_none(),
                "duplicate {name}"
            );
        }
        Scrape { text, samples }
    }

    async fn js_config(&self, n: usize) -> u16 {
        self.http
            .post(format!("{}/api/js_config", self.base))
            .form(&[("url", format!("http://127.0.0.1:3000/p{n}"))])
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}

#[tokio::test]
async fn counters_move_with_requests_and_upstream_calls() {
    let app = Sandbox::start(&[]).await;
    let before = app.scrape().await;
    assert_eq!(before.get("wechat_cache_misses_total"), 0);
    assert_eq!(before.get("wechat_refreshes_total"), 0);
    assert!(!before.text.contains("wechat_upstream_calls_total{"));
    assert_eq!(
        before.get("wechat_quota_used_today{credential=\"access_token\"}"),
        0
    );
    assert_eq!(
        before.get("wechat_quota_limit_daily{credential=\"access_token\"}"),
        2000
    );

    for n in 0..5 {
        assert_eq!(app.js_config(n).await, 200);
    }
    let after = app.scrape().await;
    let ok = |endpoint: &str| {
        format!(
            "wechat_upstream_calls_total{{endpoint=\"{endpoint}\",outcome=\"ok\",errcode=\"0\"}}"
        )
    };
    assert_eq!(after.get(&ok("token")), 1);
    assert_eq!(after.get(&ok("jsapi_ticket")), 1);
    assert_eq!(after.get("wechat_refreshes_total"), 2);
    assert!(after.get("wechat_cache_misses_total") >= 1);
    assert!(after.get("wechat_cache_hits_total") >= 4);
    assert_eq!(
        after.get("wechat_quota_used_today{credential=\"access_token\"}"),
        1
    );
    assert_eq!(
        after.get("wechat_quota_used_today{credential=\"jsapi_ticket\"}"),
        1
    );
    assert_eq!(after.get("wechat_lease_waits_total"), 0, "no shared store");

    // No secret, token or ticket in the exposition.
    assert!(!after.text.contains(SANDBOX_APP_SECRET));
    let ticket = app.fake().latest_ticket(TicketKind::Jsapi).unwrap();
    assert!(!after.text.contains(&ticket));
    assert!(!after.text.contains("FAKE_TOKEN"));
}

#[tokio::test]
async fn refused_calls_are_counted_by_errcode() {
    let app = Sandbox::start(&[]).await;
    app.fake().inject(
        Endpoint::Token,
        Fault::Errcode {
            errcode: 40164,
            errmsg: None,
        },
        1,
    );
    assert_eq!(app.js_config(0).await, 503);
    let scrape = app.scrape().await;
    assert_eq!(
        scrape.get(
            "wechat_upstream_calls_total{endpoint=\"token\",outcome=\"errcode\",errcode=\"40164\"}"
        ),
        1
    );
    // The token fetch, and the ticket fetch that needed it.
    assert_eq!(scrape.get("wechat_refresh_failures_total"), 2);
}
