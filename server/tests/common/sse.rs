//! A page's event stream (server-sent events), read event by event over real HTTP.
#![allow(dead_code)] // each test binary uses part of it

use serde_json::Value;
use std::time::Duration;

/// Bound on waiting for one event.
const PATIENCE: Duration = Duration::from_secs(15);

/// One open stream.
pub struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    /// `GET url`, which must answer 200 `text/event-stream`.
    pub async fn open(http: &reqwest::Client, url: &str) -> Stream {
        let response = http.get(url).send().await.unwrap();
        assert_eq!(response.status(), 200, "{url}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream"));
        Stream {
            response,
            buffer: String::new(),
        }
    }

    /// The next event that is not a keep-alive comment: `(name, id, data)`.
    pub async fn next(&mut self) -> (String, String, Value) {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|l| l.strip_prefix(&format!("{name}:")))
                        .map(|v| v.trim_start().to_owned())
                };
                if let Some(event) = field("event") {
                    let data = serde_json::from_str(&field("data").unwrap_or_default())
                        .unwrap_or(Value::Null);
                    return (event, field("id").unwrap_or_default(), data);
                }
                continue;
            }
            let chunk = tokio::time::timeout(PATIENCE, self.response.chunk())
                .await
                .expect("an event in time")
                .unwrap()
                .expect("the stream stays open");
            self.buffer
                .push_str(&String::from_utf8_lossy(&chunk).replace("\r\n", "\n"));
        }
    }

    /// The next event, which must be `name`: its data.
    pub async fn expect(&mut self, name: &str) -> Value {
        let (event, _, data) = self.next().await;
        assert_eq!(event, name, "{data}");
        data
    }
}
