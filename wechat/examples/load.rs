//! Load check: the fake WeChat and a credential service in-process, N concurrent `js_config`
//! calls on a cold cache, then the throughput and how many upstream calls they cost.
//!
//! `cargo run --release -p wechat-jssdk --example load -- [calls] [distinct page URLs]`

use std::sync::Arc;
use std::time::Instant;
use tokio::task::JoinSet;
use wechat::client::{ClientConfig, Endpoint, WechatClient};
use wechat::credentials::{CredentialService, MemoryStore};
use wechat::fake::{FakeConfig, FakeWechat};
use wechat::page_url::SafeDomains;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let calls: usize = args
        .next()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(20_000);
    let pages: usize = args
        .next()
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100)
        .max(1);

    let fake = FakeWechat::spawn(FakeConfig::sandbox()).await?;
    let client = WechatClient::new(ClientConfig::sandbox(&fake.base_url))?;
    let service = CredentialService::new(client, Arc::new(MemoryStore::default()));
    let safe = Arc::new(SafeDomains::parse("example.com")?);
    let _refresher = service.spawn_refresher();

    let started = Instant::now();
    let mut tasks = JoinSet::new();
    for n in 0..calls {
        let service = service.clone();
        let safe = Arc::clone(&safe);
        tasks.spawn(async move {
            let url = format!("https://m.example.com/page/{}?from=timeline#top", n % pages);
            service
                .js_config(&url, &safe, vec!["scanQRCode".into()], vec![], false)
                .await
        });
    }
    let mut failures = 0usize;
    let mut sample = None;
    while let Some(done) = tasks.join_next().await {
        match done? {
            Ok(config) => sample = Some(config),
            Err(error) => {
                failures += 1;
                eprintln!("js_config failed: {error}");
            }
        }
    }
    let elapsed = started.elapsed();

    let stats = service.stats();
    println!("js_config calls:      {calls} ({pages} distinct URLs), {failures} failed");
    println!(
        "elapsed:              {:.1} ms",
        elapsed.as_secs_f64() * 1e3
    );
    println!(
        "throughput:           {:.0} calls/s",
        calls as f64 / elapsed.as_secs_f64()
    );
    println!(
        "upstream calls:       token {}, jsapi ticket {} (fake counters)",
        fake.calls(Endpoint::Token),
        fake.calls(Endpoint::JsapiTicket)
    );
    println!(
        "cache:                {} hits, {} waited for the first fetch, {} fetches",
        stats.hits, stats.misses, stats.refreshes
    );
    if let Some(config) = sample {
        println!(
            "sample signature valid per the fake: {}",
            fake.js_config_is_valid(&config)
        );
    }
    Ok(())
}
