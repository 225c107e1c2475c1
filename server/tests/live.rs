//! Live sessions over real HTTP: a presenter starts a session and drives it, phones join and
//! answer, every page's event stream carries it all; and every refusal (a phone driving, a
//! phone answering for another, twice, a bad parameter, an unknown session) is a 4xx naming
//! what to fix.

mod common;

use common::{sse::Stream, Sandbox};
use serde_json::{json, Value};

/// The event stream of `session` on `sandbox`.
async fn stream(sandbox: &Sandbox, session: &str) -> Stream {
    Stream::open(
        &sandbox.http,
        &format!("{}/api/live/{session}/events", sandbox.base),
    )
    .await
}

async fn post(sandbox: &Sandbox, path: &str, body: Value) -> (u16, Value) {
    post_as(sandbox, path, body, "Mozilla/5.0").await
}

async fn post_as(sandbox: &Sandbox, path: &str, body: Value, ua: &str) -> (u16, Value) {
    let response = sandbox
        .http
        .post(format!("{}{path}", sandbox.base))
        .header("user-agent", ua)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

const IOS: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN";
const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.50.2701(0x28003253) NetType/WIFI";

#[tokio::test]
async fn a_presenter_drives_and_every_phone_answers_for_itself() {
    let sandbox = Sandbox::start(&[]).await;
    let (status, started) = post(&sandbox, "/api/live", json!({})).await;
    assert_eq!(status, 201);
    let session = started["session"].as_str().unwrap().to_owned();
    let key = started["key"].as_str().unwrap().to_owned();
    assert!(app::live::valid_id(&session));
    assert_eq!(started["join"], format!("/live/{session}"));
    assert!(
        !started["join"].as_str().unwrap().contains(&key),
        "the key is not in the join link"
    );

    let mut presenter = stream(&sandbox, &session).await;
    let snapshot = presenter.expect("snapshot").await;
    assert_eq!(snapshot["phones"], json!([]));

    let (status, ios) = post_as(
        &sandbox,
        &format!("/api/live/{session}/join"),
        json!({"name": "Ana's iPhone"}),
        IOS,
    )
    .await;
    assert_eq!(status, 201, "{ios}");
    let joined = presenter.expect("joined").await;
    assert_eq!(joined["name"], "Ana's iPhone");
    assert_eq!(joined["os"], "iOS 17.4");
    assert_eq!(joined["wechat_version"], "8.0.47");
    assert!(joined.get("key").is_none(), "a phone's key is its own");
    let (_, android) = post_as(
        &sandbox,
        &format!("/api/live/{session}/join"),
        json!({"name": "<img src=x onerror=alert(1)>", "ask_first": true}),
        ANDROID,
    )
    .await;
    presenter.expect("joined").await;

    // Select, then run with edited parameters: the phones get exactly those, checked.
    let (status, current) = post(
        &sandbox,
        &format!("/api/live/{session}/select"),
        json!({"key": key, "api": "chooseImage", "params": [["count", "2"], ["sourceType", "camera"]]}),
    )
    .await;
    assert_eq!(status, 200, "{current}");
    assert_eq!(
        current["args"],
        json!({"count": 2, "sourceType": ["camera"]})
    );
    assert!(current["code"]
        .as_str()
        .unwrap()
        .starts_with("wx.chooseImage({"));
    presenter.expect("api").await;
    let (status, run) = post(
        &sandbox,
        &format!("/api/live/{session}/run"),
        json!({"key": key, "api": "chooseImage", "params": [["count", "2"], ["sourceType", "camera"]]}),
    )
    .await;
    assert_eq!(status, 201, "{run}");
    let event = presenter.expect("run").await;
    assert_eq!(event["run"], 1);
    assert_eq!(event["args"], json!({"count": 2, "sourceType": ["camera"]}));
    assert_eq!(event["timeout_ms"], 120_000);
    assert_eq!(event["needs_user"], true);

    let answer_of = |phone: &Value, run: u64| {
        json!({
            "phone": phone["phone"]["id"], "key": phone["key"], "run": run, "status": "ok",
            "err_msg": "chooseImage:ok", "data": {"localIds": ["wxLocalResource://1"]}, "duration_ms": 420,
        })
    };
    let (status, _) = post(
        &sandbox,
        &format!("/api/live/{session}/answer"),
        answer_of(&ios, 1),
    )
    .await;
    assert_eq!(status, 204);
    let answer = presenter.expect("answer").await;
    assert_eq!(answer["phone"], ios["phone"]["id"]);
    assert_eq!(answer["err_msg"], "chooseImage:ok");

    // Twice: refused. For another phone (its id, my key): refused.
    let (status, body) = post(
        &sandbox,
        &format!("/api/live/{session}/answer"),
        answer_of(&ios, 1),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("already answered"));
    let mut forged = answer_of(&android, 1);
    forged["key"] = ios["key"].clone();
    let (status, body) = post(&sandbox, &format!("/api/live/{session}/answer"), forged).await;
    assert_eq!(status, 403, "{body}");
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("only for itself"));

    // A phone cannot drive: its key is not the presenter's.
    for path in ["select", "run", "end", "save"] {
        let (status, body) = post(
            &sandbox,
            &format!("/api/live/{session}/{path}"),
            json!({"key": ios["key"], "api": "getNetworkType"}),
        )
        .await;
        assert_eq!(status, 403, "{path}: {body}");
        assert!(body["message"]
            .as_str()
            .unwrap()
            .contains("presenter's key"));
    }

    // A reconnecting page gets the whole state first: the run and who answered it.
    let mut again = stream(&sandbox, &session).await;
    let (event, id, snapshot) = again.next().await;
    assert_eq!(event, "snapshot");
    assert!(id.parse::<u64>().unwrap() >= 5);
    assert_eq!(snapshot["runs"].as_array().unwrap().len(), 1);
    assert_eq!(snapshot["answers"].as_array().unwrap().len(), 1);
    assert_eq!(snapshot["current"]["api"], "chooseImage");
    assert_eq!(
        snapshot["phones"][1]["name"],
        "<img src=x onerror=alert(1)>"
    );

    // Saved: one QA report per phone that answered, listed like any other.
    let (status, saved) = post(
        &sandbox,
        &format!("/api/live/{session}/save"),
        json!({"key": key}),
    )
    .await;
    assert_eq!(status, 201, "{saved}");
    let reports = saved["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    let id = reports[0]["id"].as_i64().unwrap();
    let report: Value = sandbox
        .http
        .get(format!("{}/api/qa/reports/{id}.json", sandbox.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["report"]["results"][0]["api"], "chooseImage");
    assert_eq!(report["report"]["device"]["wechat_version"], "8.0.47");
    assert!(report["report"]["note"]
        .as_str()
        .unwrap()
        .contains(&session));

    // Ended: every stream hears it, and the session is gone.
    let (status, _) = post(
        &sandbox,
        &format!("/api/live/{session}/end"),
        json!({"key": key}),
    )
    .await;
    assert_eq!(status, 204);
    presenter.expect("ended").await;
    let (status, body) = post(
        &sandbox,
        &format!("/api/live/{session}/join"),
        json!({"name": "late"}),
    )
    .await;
    assert_eq!(status, 404);
    assert!(body["message"].as_str().unwrap().contains("/live"));
}

#[tokio::test]
async fn refusals_name_what_to_fix() {
    let sandbox = Sandbox::start(&[]).await;
    let (_, started) = post(&sandbox, "/api/live", json!({})).await;
    let session = started["session"].as_str().unwrap();
    let key = started["key"].as_str().unwrap();
    let cases = [
        (
            format!("/api/live/{session}/run"),
            json!({"key": key, "api": "chooseImage", "params": [["count", "99"]]}),
            400,
            "count",
        ),
        (
            format!("/api/live/{session}/run"),
            json!({"key": key, "api": "chooseImage", "params": [["extInfo", "1"]]}),
            400,
            "extInfo",
        ),
        (
            format!("/api/live/{session}/run"),
            json!({"key": key, "api": "closeWindow"}),
            400,
            "category page",
        ),
        (
            format!("/api/live/{session}/run"),
            json!({"key": key, "api": "noSuchApi"}),
            400,
            "catalog",
        ),
        (
            format!("/api/live/{session}/join"),
            json!({"name": "x".repeat(app::live::MAX_NAME + 1)}),
            400,
            "name",
        ),
        (
            format!("/api/live/{session}/join"),
            json!({"name": "   "}),
            400,
            "name",
        ),
        (
            "/api/live/short/join".to_owned(),
            json!({"name": "a"}),
            400,
            "letters or digits",
        ),
        (
            "/api/live/AAAAAAAAAAAAAAAA/join".to_owned(),
            json!({"name": "a"}),
            404,
            "start a new one",
        ),
        (
            format!("/api/live/{session}/answer"),
            json!({"phone": "AAAAAAAAAAAAAAAA", "key": "x", "run": 1, "status": "ok"}),
            404,
            "join it first",
        ),
        (
            format!("/api/live/{session}/run"),
            json!({"api": "getNetworkType"}),
            400,
            "key",
        ),
    ];
    for (path, body, status, names) in cases {
        let (got, answer) = post(&sandbox, &path, body.clone()).await;
        assert_eq!(got, status, "{path} {body}: {answer}");
        let message = answer["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(names),
            "{path} {body}: {message:?} names {names:?}"
        );
    }
    // A stream of an unknown session is a 404 too (EventSource stops retrying on it).
    let response = sandbox
        .http
        .get(format!("{}/api/live/AAAAAAAAAAAAAAAA/events", sandbox.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn an_instance_holds_a_bounded_number_of_sessions() {
    let sandbox = Sandbox::start(&[]).await;
    for _ in 0..app::live::MAX_SESSIONS {
        assert_eq!(post(&sandbox, "/api/live", json!({})).await.0, 201);
    }
    let (status, body) = post(&sandbox, "/api/live", json!({})).await;
    assert_eq!(status, 503, "{body}");
    assert!(body["message"].as_str().unwrap().contains("end one"));
}

#[tokio::test]
async fn the_pages_carry_no_key_and_the_start_button_leads_to_the_presenter() {
    let sandbox = Sandbox::start(&[]).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = http
        .post(format!("{}/live/start", sandbox.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (path, key) = location
        .split_once("#key=")
        .expect("the key in the fragment");
    assert!(path.ends_with("/present"));
    let page = sandbox
        .http
        .get(format!("{}{path}", sandbox.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"join-link\""));
    assert!(page.contains("id=\"run-on-phones\""));
    assert!(
        !page.contains(key),
        "the presenter's page does not carry the key"
    );
    let session = path
        .trim_start_matches("/live/")
        .trim_end_matches("/present");
    let phone = sandbox
        .http
        .get(format!("{}/live/{session}", sandbox.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(phone.contains("id=\"live-status\""));
    assert!(!phone.contains(key));
    assert!(!phone.contains("<leptos-island"), "no wasm on these pages");
}
