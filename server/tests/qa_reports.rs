//! The QA report API over real HTTP: validation on the way in (nothing stored when
//! refused), listing and export, and reports surviving a restart of the server — both
//! in-process (the database reopened) and as the real binary killed and started again.

mod common;

use serde_json::{json, Value};
use std::{
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

struct Running {
    base: String,
    http: reqwest::Client,
    _background: server::wechat_setup::Background,
    task: tokio::task::JoinHandle<()>,
}

async fn start(state_dir: &Path) -> Running {
    start_with(state_dir, &[]).await
}

async fn start_with(state_dir: &Path, args: &[&str]) -> Running {
    let (router, background) = common::router(state_dir, args).await;
    let (base, task) = common::serve(router).await;
    Running {
        base,
        http: reqwest::Client::new(),
        _background: background,
        task,
    }
}

fn report(results: Value) -> Value {
    json!({
        "device": {
            "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.48(0x18003030)",
            "wechat_version": "8.0.48", "os": "iOS", "os_version": "17.4",
            "screen": "390×844 @3x", "network_type": "wifi",
            "js_api_support": {"chooseImage": true, "openAddress": false},
            "simulated": false
        },
        "results": results,
        "note": "integration test"
    })
}

fn good_results() -> Value {
    json!([
        {"api": "checkJsApi", "status": "ok", "err_msg": "checkJsApi:ok", "data": {"checkResult": {"chooseImage": true}}, "duration_ms": 14, "at": "10:00:00"},
        {"api": "getLocation", "status": "fail", "err_msg": "getLocation:fail", "data": null, "duration_ms": 120, "at": "10:00:02"},
        {"api": "closeWindow", "status": "not_run", "err_msg": "", "data": null, "duration_ms": null, "at": ""}
    ])
}

impl Running {
    async fn post_raw(&self, body: Vec<u8>) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/api/qa/reports", self.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn post(&self, body: &Value) -> (u16, Value) {
        self.post_raw(serde_json::to_vec(body).unwrap()).await
    }

    async fn list(&self) -> Vec<Value> {
        let response = self
            .http
            .get(format!("{}/api/qa/reports", self.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        response.json::<Vec<Value>>().await.unwrap()
    }

    async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }
}

#[tokio::test]
async fn a_valid_report_is_stored_listed_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path()).await;
    let (status, body) = app.post(&report(good_results())).await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_i64().unwrap();
    assert_eq!(body["url"], format!("/qa/reports/{id}"));

    let list = app.list().await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], id);
    assert_eq!(list[0]["device"], "iOS 17.4");
    assert_eq!(list[0]["wechat_version"], "8.0.48");
    assert_eq!(
        (
            list[0]["ok"].as_u64(),
            list[0]["fail"].as_u64(),
            list[0]["not_run"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );

    let (status, json_text) = app.get_text(&format!("/api/qa/reports/{id}.json")).await;
    assert_eq!(status, 200);
    let exported: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(exported["report"]["results"], good_results());
    assert_eq!(exported["report"]["note"], "integration test");

    let (status, md) = app.get_text(&format!("/api/qa/reports/{id}.md")).await;
    assert_eq!(status, 200);
    assert!(
        md.contains("| `getLocation` | fail | getLocation:fail | 120 | 10:00:02 |"),
        "{md}"
    );
    assert!(md.contains("- WeChat: 8.0.48"), "{md}");

    let (status, _) = app.get_text("/api/qa/reports/999.json").await;
    assert_eq!(status, 404);
    let (status, text) = app.get_text(&format!("/api/qa/reports/{id}.xml")).await;
    assert_eq!(status, 400);
    assert!(text.contains("xml"), "{text}");
}

#[tokio::test]
async fn bad_reports_get_a_4xx_naming_the_problem_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path()).await;

    // Oversized: beyond the 256 KB cap (and beyond the 64 KB limit of other routes).
    let mut big = report(good_results());
    big["note"] = json!("x".repeat(300 * 1024));
    let (status, body) = app.post(&big).await;
    assert_eq!(status, 413, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("at most 262144"),
        "{body}"
    );

    // Between the 64 KB global limit and the cap: refused by the schema (note too long), not by size.
    let mut mid = report(good_results());
    mid["note"] = json!("x".repeat(100 * 1024));
    let (status, body) = app.post(&mid).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body["message"].as_str().unwrap().starts_with("note is"),
        "{body}"
    );

    let (status, body) = app
        .post(&report(
            json!([{"api": "wx.stealCookies", "status": "ok", "duration_ms": null}]),
        ))
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("\"wx.stealCookies\""),
        "{body}"
    );

    let (status, body) = app
        .post(&report(
            json!([{"api": "checkJsApi", "status": "passed", "duration_ms": null}]),
        ))
        .await;
    assert_eq!(status, 400);
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("results[0].status") && message.contains("passed"),
        "{body}"
    );

    let (status, body) = app
        .post(&report(json!([
            {"api": "checkJsApi", "status": "ok", "duration_ms": null},
            {"api": "checkJsApi", "status": "ok", "duration_ms": null}
        ])))
        .await;
    assert_eq!(status, 400);
    assert!(
        body["message"].as_str().unwrap().contains("more than once"),
        "{body}"
    );

    let (status, body) = app.post_raw(b"{\"device\": ".to_vec()).await;
    assert_eq!(status, 400);
    assert!(
        body["message"].as_str().unwrap().contains("not valid JSON"),
        "{body}"
    );

    let (status, body) = app.post(&json!({"results": good_results()})).await;
    assert_eq!(status, 400);
    assert!(
        body["message"].as_str().unwrap().contains("device"),
        "{body}"
    );

    let mut long_ua = report(good_results());
    long_ua["device"]["user_agent"] = json!("U".repeat(5000));
    let (status, body) = app.post(&long_ua).await;
    assert_eq!(status, 400);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("device.user_agent"),
        "{body}"
    );

    assert!(app.list().await.is_empty(), "a refused report was stored");
}

#[tokio::test]
async fn reports_survive_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let first = start(dir.path()).await;
    let (status, body) = first.post(&report(good_results())).await;
    assert_eq!(status, 201);
    let id = body["id"].as_i64().unwrap();
    first.task.abort();
    drop(first);

    let second = start(dir.path()).await;
    let list = second.list().await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], id);
    // The page of the report renders from the reopened database.
    let (status, html) = second.get_text(&format!("/qa/reports/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("getLocation:fail"),
        "report page lacks the run"
    );
    // New ids continue after the old ones.
    let (_, body) = second.post(&report(good_results())).await;
    assert!(body["id"].as_i64().unwrap() > id);
}

#[tokio::test]
async fn database_url_points_the_store_elsewhere() {
    let state = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("nested").join("reports.db");
    let url = format!("sqlite://{}", file.display());
    let app = start_with(state.path(), &["--database-url", &url]).await;
    let (status, _) = app.post(&report(good_results())).await;
    assert_eq!(status, 201);
    assert!(file.exists(), "the database is where DATABASE_URL says");
    assert!(!state.path().join("qa-reports.sqlite").exists());
}

/// The real binary, on a free port, with `state_dir`.
struct Binary(Child, String);

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn spawn_binary(state_dir: &Path) -> Binary {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("STATE_DIR", state_dir)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "wechat-playground")
        .env("LEPTOS_SITE_ROOT", state_dir.join("site"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = http.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                break;
            }
        }
        assert!(Instant::now() < deadline, "server binary did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Binary(child, base)
}

#[tokio::test]
async fn reports_survive_killing_and_restarting_the_server_binary() {
    let dir = tempfile::tempdir().unwrap();
    let http = reqwest::Client::new();
    let first = spawn_binary(dir.path()).await;
    let response = http
        .post(format!("{}/api/qa/reports", first.1))
        .json(&report(good_results()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let id = response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    drop(first); // SIGKILL: no graceful shutdown

    assert!(
        dir.path().join("qa-reports.sqlite").exists(),
        "database file under STATE_DIR"
    );
    let second = spawn_binary(dir.path()).await;
    let exported: Value = http
        .get(format!("{}/api/qa/reports/{id}.json", second.1))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(exported["report"]["results"], good_results());
}

#[tokio::test]
async fn the_qa_pages_render_on_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let app = start(dir.path()).await;
    let (status, html) = app.get_text("/qa").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"qa-run-safe\""));
    assert_eq!(
        html.matches("class=\"qa_row\"").count(),
        app::catalog::APIS.len()
    );
    assert!(
        html.contains("data-api=\"closeWindow\" data-safety=\"irreversible\""),
        "closeWindow is marked irreversible"
    );

    let (_, empty) = app.get_text("/qa/reports").await;
    assert!(empty.contains("id=\"qa-reports-empty\""));

    let (_, a) = app.post(&report(good_results())).await;
    let mut changed = good_results();
    changed[0]["status"] = json!("fail");
    changed[0]["err_msg"] = json!("checkJsApi:fail");
    let (_, b) = app.post(&report(changed)).await;
    let (status, html) = app
        .get_text(&format!("/qa/compare?a={}&b={}", a["id"], b["id"]))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("data-api=\"checkJsApi\" data-change=\"newly_failing\""),
        "the comparison names the newly failing interface"
    );
    assert!(html.contains("data-api=\"getLocation\" data-change=\"same\""));
    let (_, list) = app.get_text("/qa/reports").await;
    assert_eq!(list.matches("class=\"qa_report_row\"").count(), 2);
}
