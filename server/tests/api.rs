//! The signing API over real HTTP: a real socket, the real client, and the embedded
//! fake WeChat API behind it (sandbox mode).

mod common;

use common::Sandbox;
use serde_json::{json, Value};
use server::router;

impl Sandbox {
    /// A form posted to a server function: the status and the JSON answer.
    async fn post_form(&self, endpoint: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .form(form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn js_config(&self, form: &[(&str, &str)]) -> (u16, Value) {
        self.post_form("js_config", form).await
    }
}

#[tokio::test]
async fn js_config_signs_the_page_url_without_its_fragment() {
    let app = Sandbox::start(&[]).await;
    let (status, body) = app
        .js_config(&[("url", "http://127.0.0.1:3000/images?a=1&b=%20#frag")])
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["url"], "http://127.0.0.1:3000/images?a=1&b=%20");
    let config = &body["config"];
    assert_eq!(config["appId"], wechat::fake::SANDBOX_APP_ID);
    assert_eq!(config["signature"].as_str().unwrap().len(), 40);
    assert!(config["nonceStr"].as_str().unwrap().len() >= 16);
    // The fake WeChat API agrees the signature is right for the ticket it issued.
    let ticket = app
        .fake()
        .latest_ticket(wechat::client::TicketKind::Jsapi)
        .unwrap();
    let expected = wechat::signature::jsapi::jsapi_signature(
        &ticket,
        config["nonceStr"].as_str().unwrap(),
        config["timestamp"].as_u64().unwrap(),
        "http://127.0.0.1:3000/images?a=1&b=%20",
    );
    assert_eq!(config["signature"], expected);
}

#[tokio::test]
async fn js_config_refuses_bad_urls_with_a_400_naming_the_problem() {
    let app = Sandbox::start(&[]).await;
    for url in ["", "ftp://x/y", "javascript:alert(1)"] {
        let (status, body) = app.js_config(&[("url", url)]).await;
        assert_eq!(status, 400, "{url:?}: {body}");
        assert_eq!(body["kind"], "bad_input");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    let long = format!("http://127.0.0.1/{}", "a".repeat(5000));
    let (status, _) = app.js_config(&[("url", &long)]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn js_config_refuses_hosts_outside_the_safe_domains() {
    let app = Sandbox::start(&["--js-safe-domains", "example.com"]).await;
    let (status, _) = app
        .js_config(&[("url", "https://demo.example.com/x")])
        .await;
    assert_eq!(status, 200);
    let (status, body) = app.js_config(&[("url", "https://evil.com/x")]).await;
    assert_eq!(status, 403, "{body}");
}

#[tokio::test]
async fn unknown_api_names_are_refused() {
    let app = Sandbox::start(&[]).await;
    let (status, body) = app
        .js_config(&[
            ("url", "http://127.0.0.1/"),
            ("apis[0]", "chooseImage"),
            ("apis[1]", "rm -rf"),
        ])
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body["message"].as_str().unwrap().contains("rm -rf"));
}

#[tokio::test]
async fn many_concurrent_cold_requests_cost_one_token_and_one_ticket_fetch() {
    let app = Sandbox::start(&[]).await;
    let mut tasks = Vec::new();
    for i in 0..200 {
        let http = app.http.clone();
        let url = format!("{}/api/js_config", app.base);
        tasks.push(tokio::spawn(async move {
            http.post(url)
                .form(&[("url", format!("http://127.0.0.1:3000/p{i}"))])
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
    use wechat::client::Endpoint;
    assert_eq!(app.fake().calls(Endpoint::Token), 1);
    assert_eq!(app.fake().calls(Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn the_simulator_gets_wechats_verdict_on_a_config() {
    let app = Sandbox::start(&[]).await;
    let (_, signed) = app
        .js_config(&[("url", "http://127.0.0.1:3000/basic")])
        .await;
    let config = &signed["config"];
    let verify = |url: &'static str, signature: Value| {
        let http = app.http.clone();
        let endpoint = format!("{}/api/sim/verify_config", app.base);
        let body = json!({
            "appId": config["appId"],
            "timestamp": config["timestamp"].to_string(),
            "nonceStr": config["nonceStr"],
            "signature": signature,
            "url": url,
        });
        async move {
            let answer: Value = http
                .post(endpoint)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            answer["errMsg"].as_str().unwrap().to_owned()
        }
    };
    assert_eq!(
        verify("http://127.0.0.1:3000/basic", config["signature"].clone()).await,
        "config:ok"
    );
    assert_eq!(
        verify("http://127.0.0.1:3000/images", config["signature"].clone()).await,
        "config:invalid signature"
    );
    assert_eq!(
        verify("http://127.0.0.1:3000/basic", json!("0".repeat(40))).await,
        "config:invalid signature"
    );
}

#[tokio::test]
async fn the_simulator_hears_invalid_url_domain_outside_the_safe_domains() {
    let app = Sandbox::start(&["--js-safe-domains", "example.com"]).await;
    let answer: Value = app
        .http
        .post(format!("{}/api/sim/verify_config", app.base))
        .json(&json!({"appId": "x", "timestamp": "1", "nonceStr": "n", "signature": "s", "url": "https://evil.com/"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["errMsg"], "config:invalid url domain");
}

#[tokio::test]
async fn public_tools_reproduce_the_documented_vector() {
    let app = Sandbox::start(&[]).await;
    let answer: Value = app
        .http
        .post(format!("{}/api/tools/jsapi-signature", app.base))
        .json(&json!({
            "jsapi_ticket": "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
            "noncestr": "Wm3WZYTPz0wzccnW",
            "timestamp": 1414587457,
            "url": "http://mp.weixin.qq.com?params=value"
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answer["signature"],
        "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
    );
    assert!(answer["string1"]
        .as_str()
        .unwrap()
        .starts_with("jsapi_ticket=sM4AOVdW"));

    let answer: Value = app
        .http
        .post(format!("{}/api/tools/card-signature", app.base))
        .json(&json!({"values": ["1434008071", "1404896688", "pjZ8Yt1XGILfi-FUsewpnnolGgZk", "ojZ8YtyVyr30HheH3CM73y7h4jJE", "123"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        answer["signature"],
        "f137ab68b7f8112d20ee528ab6074564e2796250"
    );
}

#[tokio::test]
async fn card_and_pay_signatures_are_served_and_the_card_code_decrypts() {
    let app = Sandbox::start(&[]).await;
    let post = |endpoint: &str, form: Vec<(&'static str, String)>| {
        let request = app
            .http
            .post(format!("{}/api/{endpoint}", app.base))
            .form(&form);
        async move {
            let response = request.send().await.unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap(),
            )
        }
    };
    let (status, card_ext) = post(
        "card_ext",
        vec![("card_id", "pDF3iY9tv9zCGCj4jTXFOo1DxHdo".into())],
    )
    .await;
    assert_eq!(status, 200);
    let ext: Value =
        serde_json::from_str(card_ext.as_str().expect("cardExt is a JSON string")).unwrap();
    assert_eq!(ext["signature"].as_str().unwrap().len(), 40);

    let (status, card_sign) = post("card_sign", vec![]).await;
    assert_eq!(status, 200);
    assert_eq!(card_sign["card_sign"].as_str().unwrap().len(), 40);

    let (status, pay) = post("pay_sign", vec![("sign_type", "HMAC-SHA256".into())]).await;
    assert_eq!(status, 200, "{pay}");
    assert_eq!(pay["sign_type"], "HMAC-SHA256");
    assert_eq!(pay["pay_sign"].as_str().unwrap().len(), 64);

    let (status, code) = post(
        "decrypt_code",
        vec![("encrypt_code", wechat::fake::encrypt_code("1434008071"))],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(code, "1434008071");

    let (status, error) = post("pay_sign", vec![("sign_type", "RSA".into())]).await;
    assert_eq!(status, 400);
    assert!(error["message"].as_str().unwrap().contains("MD5"));
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = Sandbox::start(&[]).await;
    let big = "a".repeat(router::MAX_BODY_BYTES + 1);
    let response = app
        .http
        .post(format!("{}/api/js_config", app.base))
        .form(&[("url", big)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);
}

#[tokio::test]
async fn twenty_simultaneous_wx_error_reports_renew_the_ticket_once() {
    use wechat::client::Endpoint;
    let app = Sandbox::start(&[]).await;
    let (status, _) = app
        .js_config(&[("url", "http://127.0.0.1:3000/basic")])
        .await;
    assert_eq!(status, 200);
    assert_eq!(app.fake().calls(Endpoint::JsapiTicket), 1);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let request = app
            .http
            .post(format!("{}/api/config_error", app.base))
            .form(&[
                ("signed_url", "http://127.0.0.1:3000/basic"),
                ("href", "http://127.0.0.1:3000/basic#x"),
                ("err_msg", "config:invalid signature"),
                (
                    "user_agent",
                    "Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.49",
                ),
            ]);
        tasks.push(tokio::spawn(async move {
            request.send().await.unwrap().json::<Value>().await.unwrap()
        }));
    }
    let mut refreshed = 0;
    for task in tasks {
        let verdict = task.await.unwrap();
        assert_eq!(verdict["cause"], "ticket", "{verdict}");
        assert_eq!(verdict["retry"], true);
        refreshed += usize::from(verdict["refreshed"] == true);
    }
    assert_eq!(refreshed, 1);
    assert_eq!(app.fake().calls(Endpoint::JsapiTicket), 2);
}

#[tokio::test]
async fn a_wx_error_for_another_url_is_diagnosed_without_touching_the_ticket() {
    use wechat::client::Endpoint;
    let app = Sandbox::start(&[]).await;
    app.js_config(&[("url", "http://127.0.0.1:3000/basic")])
        .await;
    let (_, verdict) = app
        .post_form(
            "config_error",
            &[
                ("signed_url", "http://127.0.0.1:3000/basic"),
                ("href", "http://127.0.0.1:3000/images"),
                ("err_msg", "config:invalid signature"),
                ("user_agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"),
            ],
        )
        .await;
    assert_eq!(verdict["cause"], "url_mismatch");
    assert_eq!(verdict["retry"], false);
    // Codes and values, no sentence: the page says it in its own language.
    assert_eq!(verdict["signed_url"], "http://127.0.0.1:3000/basic");
    assert_eq!(verdict["page_url"], "http://127.0.0.1:3000/images");
    assert_eq!(verdict["err_msg"], "config:invalid signature");
    assert!(verdict.get("explanation").is_none(), "{verdict}");
    assert_eq!(app.fake().calls(Endpoint::JsapiTicket), 1);
}

#[tokio::test]
async fn findings_are_codes_beside_their_values_without_a_sentence() {
    let app = Sandbox::start(&[]).await;
    let (status, findings) = app
        .post_form(
            "lint_url",
            &[
                ("url", "http://localhost:8080/p"),
                ("page_url", "http://127.0.0.1:8080/p#x"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{findings}");
    assert_eq!(
        findings,
        json!([
            {"code": "non_standard_port", "host": "localhost", "port": 8080, "fatal": false},
            {"code": "local_or_ip_host", "host": "localhost", "port": 8080, "fatal": false},
            {
                "code": "host_mismatch",
                "signed": "http://localhost:8080",
                "shown": "http://127.0.0.1:8080",
                "fatal": true
            },
        ])
    );
}

#[tokio::test]
async fn findings_as_html_are_said_in_the_language_the_page_asks_for() {
    let app = Sandbox::start(&[]).await;
    let fields = |lang| {
        [
            ("url", "http://localhost:8080/p"),
            ("page_url", "http://127.0.0.1:8080/p#x"),
            ("lang", lang),
        ]
    };
    let (status, en) = app.post_form("lint_url_html", &fields("en")).await;
    assert_eq!(status, 200, "{en}");
    let en = en.as_str().expect("a string of HTML");
    assert_eq!(en.matches("<li class=\"finding\"").count(), 3, "{en}");
    assert!(
        en.contains("data-code=\"host_mismatch\" data-fatal=\"true\""),
        "{en}"
    );
    assert!(en.contains("http://127.0.0.1:8080"), "{en}");
    let (_, zh) = app.post_form("lint_url_html", &fields("zh")).await;
    let zh = zh.as_str().expect("a string of HTML");
    assert_eq!(zh.matches("<li class=\"finding\"").count(), 3, "{zh}");
    assert_ne!(zh, en, "said in the other language");
}

#[tokio::test]
async fn a_scenario_s_bound_domains_replace_the_server_s_for_one_verification() {
    let app = Sandbox::start(&[]).await;
    let verify = |bound: Value| {
        let http = app.http.clone();
        let endpoint = format!("{}/api/sim/verify_config", app.base);
        let mut body = json!({"appId": "x", "timestamp": "1", "nonceStr": "n", "signature": "s", "url": "http://127.0.0.1:3000/basic"});
        body["boundDomains"] = bound;
        async move { http.post(endpoint).json(&body).send().await.unwrap() }
    };
    let answer: Value = verify(json!(["bound.example.com"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(answer["errMsg"], "config:invalid url domain");
    // Without them the sandbox allows any host: the signature is what fails.
    let answer: Value = verify(json!([])).await.json().await.unwrap();
    assert_eq!(answer["errMsg"], "config:invalid signature");
    // Bounded and checked: at most three host names.
    assert_eq!(
        verify(json!(["a.com", "b.com", "c.com", "d.com"]))
            .await
            .status(),
        400
    );
    assert_eq!(verify(json!(["not a host/"])).await.status(), 400);
}

#[tokio::test]
async fn a_rehearsal_plays_each_fault_against_a_private_fake_and_says_how_the_server_coped() {
    let app = Sandbox::start(&[]).await;
    let rehearse = |fault: &'static str| {
        let http = app.http.clone();
        let endpoint = format!("{}/api/sim/rehearse", app.base);
        async move {
            let response = http
                .post(endpoint)
                .json(&json!({ "fault": fault }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{fault}");
            response.json::<Value>().await.unwrap()
        }
    };
    let rotated = rehearse("token_rotated").await;
    assert_eq!(rotated["outcome"], "ok");
    assert_eq!(rotated["token_calls"], 1, "{rotated}");
    assert_eq!(rotated["ticket_calls"], 2, "{rotated}");
    assert_eq!(rotated["wechat_errors"][0][1], 40001, "{rotated}");
    let quota = rehearse("quota").await;
    assert_eq!(quota["outcome"], "failed");
    assert_eq!(quota["error"]["errcode"], 45009);
    assert_eq!(quota["http_status"], 429);
    assert_eq!(quota["ticket_calls"], 1);
    let busy = rehearse("busy").await;
    assert_eq!(busy["error"]["errcode"], -1);
    assert_eq!(busy["ticket_calls"], 3, "{busy}");
    assert_eq!(busy["http_status"], 502);
    let timeout = rehearse("timeout").await;
    assert_eq!(timeout["outcome"], "failed");
    assert_eq!(timeout["ticket_calls"], 1);
    assert_eq!(timeout["http_status"], 502);
    // The sandbox's own fake was not touched: the page still signs, with one fetch each.
    assert_eq!(
        app.js_config(&[("url", "http://127.0.0.1:3000/basic")])
            .await
            .0,
        200
    );
    assert_eq!(app.fake().calls(wechat::client::Endpoint::Token), 1);
    assert_eq!(app.fake().calls(wechat::client::Endpoint::JsapiTicket), 1);
    let unknown = app
        .http
        .post(format!("{}/api/sim/rehearse", app.base))
        .json(&json!({ "fault": "meteor" }))
        .send()
        .await
        .unwrap();
    assert!(unknown.status().is_client_error());
}

#[tokio::test]
async fn call_code_writes_the_call_and_refuses_what_it_cannot_write() {
    let app = Sandbox::start(&[]).await;
    let args = r#"{"count":2,"sourceType":["camera"]}"#;
    let (status, body) = app
        .post_form(
            "call_code",
            &[
                ("api", "chooseImage"),
                ("stack", "vue"),
                ("args", args),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let code = body["code"].as_str().expect("the code as a JSON string");
    assert!(code.contains("export function useWechat(jsApiList: string[])"));
    assert!(
        code.contains("count: 2,\n      sourceType: ['camera'],"),
        "{code}"
    );

    let refused = [
        (("api", "chooseImages"), ("args", "{}"), "api"),
        (("api", "chooseImage"), ("args", "[1]"), "args"),
        (
            ("api", "chooseImage"),
            ("args", &*"x".repeat(17 * 1024)),
            "args",
        ),
    ];
    for (api, args, field) in refused {
        let (status, body) = app
            .post_form("call_code", &[api, ("stack", "esm"), args, ("lang", "zh")])
            .await;
        assert_eq!(status, 400, "{api:?}: {body}");
        assert!(
            body["message"].as_str().unwrap_or_default().contains(field),
            "{body}"
        );
    }
    // A call editor's fields as typed: checked as a run checks them.
    let with_fields = |fields: &'static str| {
        let app = &app;
        async move {
            app.post_form(
                "call_code",
                &[
                    ("api", "chooseImage"),
                    ("stack", "esm"),
                    ("fields", fields),
                    ("lang", "en"),
                ],
            )
            .await
        }
    };
    let (status, body) =
        with_fields(r#"[["api","chooseImage"],["count","3"],["sourceType","album"]]"#).await;
    assert_eq!(status, 200, "{body}");
    let code = body["code"].as_str().expect("the code as a JSON string");
    assert!(code.contains("count: 3,"), "{code}");
    assert!(code.contains("sourceType: ['album'],"), "{code}");
    // Refused values are a draft, not a faulty request: 200, saying what is refused.
    for (fields, named) in [
        (r#"[["count","99"]]"#, "count"),
        (r#"[["extInfo","1"]]"#, "extInfo"),
    ] {
        let (status, body) = with_fields(fields).await;
        assert_eq!(status, 200, "{fields}: {body}");
        assert!(
            body["refused"].as_str().unwrap_or_default().contains(named),
            "{fields}: {body}"
        );
    }
    let (status, body) = with_fields(r#"{"count":"1"}"#).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["message"]
        .as_str()
        .unwrap_or_default()
        .contains("fields"));
    let (status, _) = app
        .post_form(
            "call_code",
            &[
                ("api", "chooseImage"),
                ("stack", "cobol"),
                ("args", "{}"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(
        status, 400,
        "an unknown stack is refused by the form's decoding"
    );
}
