//! The per-client rate limit of the signing endpoints, over real HTTP: a burst passes, the
//! next request gets a 429 with `Retry-After` and the JSON error, other clients and other
//! endpoints are untouched, and the limit is off unless configured.

mod common;

use common::{Answer, Live, Upstream, PATIENCE};
use std::time::{Duration, Instant};

const PAGE: &str = "https://demo.example.com/basic";

async fn js_config_from(live: &Live, forwarded_for: Option<&str>) -> Answer {
    let mut request = live
        .http
        .post(format!("{}/api/js_config", live.base))
        .form(&[("url", PAGE)]);
    if let Some(hop) = forwarded_for {
        request = request.header("x-forwarded-for", hop);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let json = serde_json::from_str(&text).unwrap_or_default();
    Answer {
        status,
        headers,
        text,
        json,
    }
}

async fn limited(args: &[&str]) -> Live {
    Upstream::new(|config| config).await.start(args).await
}

#[tokio::test]
async fn a_burst_passes_then_429_with_retry_after_until_the_bucket_refills() {
    let live = limited(&["--sign-rate-limit", "1", "--sign-rate-burst", "3"]).await;
    for n in 0..3 {
        let answer = js_config_from(&live, None).await;
        assert_eq!(answer.status, 200, "request {n}: {}", answer.text);
    }
    let refused = js_config_from(&live, None).await;
    assert_eq!(refused.status, 429, "{}", refused.text);
    common::assert_error_shape(&refused, "rate_limited", "over the limit");
    assert!(refused.json["message"]
        .as_str()
        .unwrap()
        .contains("1 per second"));
    assert!(refused.json["hint"]
        .as_str()
        .unwrap()
        .contains("SIGN_RATE_LIMIT"));
    let retry_after: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry_after, 1);

    // The other endpoints of the same client are not limited.
    for path in ["/api/catalog", "/healthz"] {
        let status = live
            .http
            .get(format!("{}{path}", live.base))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200, "{path}");
    }
    let lint = live
        .form(
            "/api/lint_url",
            &[
                ("url", PAGE),
                ("page_url", "https://demo.example.com/basic"),
            ],
        )
        .await;
    assert_eq!(lint.status, 200, "{}", lint.text);
    for path in ["/api/card_sign", "/api/pay_sign"] {
        let answer = live.form(path, &[]).await;
        assert_eq!(answer.status, 429, "{path} shares the client's bucket");
    }

    // One token comes back within a second or so.
    let refused_at = Instant::now();
    loop {
        let answer = js_config_from(&live, None).await;
        if answer.status == 200 {
            break;
        }
        assert_eq!(answer.status, 429);
        assert!(refused_at.elapsed() < PATIENCE, "the bucket never refilled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(refused_at.elapsed() >= Duration::from_millis(500));
    // The wait was the only thing that helped: one upstream ticket fetch in all.
    assert_eq!(live.calls(wechat::client::Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn forwarded_for_counts_only_when_trusted() {
    // Untrusted: the header is the client's own claim, so a spoofed hop does not help.
    let live = limited(&["--sign-rate-limit", "1", "--sign-rate-burst", "1"]).await;
    assert_eq!(js_config_from(&live, Some("203.0.113.1")).await.status, 200);
    assert_eq!(js_config_from(&live, Some("203.0.113.2")).await.status, 429);

    // Trusted (behind a proxy that sets it): each first hop has its own bucket.
    let live = limited(&[
        "--sign-rate-limit",
        "1",
        "--sign-rate-burst",
        "1",
        "--trust-forwarded",
    ])
    .await;
    let first = "203.0.113.1, 10.0.0.1";
    assert_eq!(js_config_from(&live, Some(first)).await.status, 200);
    assert_eq!(js_config_from(&live, Some(first)).await.status, 429);
    assert_eq!(
        js_config_from(&live, Some("203.0.113.2, 10.0.0.1"))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn without_a_limit_a_client_is_never_refused() {
    let live = limited(&[]).await;
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let http = live.http.clone();
        let url = format!("{}/api/js_config", live.base);
        tasks.push(tokio::spawn(async move {
            http.post(url)
                .form(&[("url", PAGE)])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 200);
    }
}
