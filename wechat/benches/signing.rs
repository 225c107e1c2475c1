//! Cost of the pure signing paths: wx.config, cardExt, cardSign, paySign, URL checking.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use wechat::page_url::{page_url_to_sign, SafeDomains};
use wechat::signature::card::{card_ext_json, card_sign, CardExtInput, ChooseCardInput};
use wechat::signature::jsapi::JsConfigRequest;
use wechat::signature::pay::{pay_sign, PayRequest, PaySignType};
use wechat::Secret;

const TICKET: &str =
    "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
const URL: &str = "https://m.example.com/jssdk/demo?from=singlemessage&isappinstalled=0#/share";

fn signing(c: &mut Criterion) {
    let apis: Vec<String> = ["chooseImage", "scanQRCode", "updateAppMessageShareData"]
        .map(String::from)
        .to_vec();
    c.bench_function("js_config sign (nonce + sha1 + struct)", |b| {
        b.iter(|| {
            JsConfigRequest {
                app_id: "wx1234567890abcdef".into(),
                url: black_box(URL).into(),
                timestamp: 1_414_587_457,
                nonce_str: wechat::nonce::nonce(),
                js_api_list: apis.clone(),
                open_tag_list: Vec::new(),
                debug: false,
            }
            .sign(black_box(TICKET))
        })
    });
    let card = CardExtInput {
        card_id: "pjZ8Yt1XGILfi-FUsewpnnolGgZk".into(),
        code: "1434008071".into(),
        openid: String::new(),
        timestamp: 1_404_896_688,
        nonce_str: "Wm3WZYTPz0wzccnW".into(),
        unsigned: Default::default(),
    };
    c.bench_function("cardExt json string", |b| {
        b.iter(|| card_ext_json(black_box(TICKET), black_box(&card)))
    });
    let choose = ChooseCardInput {
        app_id: "wx1234567890abcdef".into(),
        location_id: "1234".into(),
        card_type: "GROUPON".into(),
        card_id: String::new(),
        timestamp: 1_437_997_723,
        nonce_str: "k0hGdSXKZEj3Min5".into(),
    };
    c.bench_function("cardSign", |b| {
        b.iter(|| card_sign(black_box(TICKET), black_box(&choose)))
    });
    let key = Secret::new("192006250b4c09247ec02edce69f6a2d");
    for sign_type in [PaySignType::Md5, PaySignType::HmacSha256] {
        let request = PayRequest {
            app_id: "wx1234567890abcdef".into(),
            timestamp: 1_414_723_227,
            nonce_str: "noncestr".into(),
            package: "prepay_id=wx201410272009395522657a690389285100".into(),
            sign_type,
        };
        c.bench_function(&format!("paySign {}", sign_type.as_str()), |b| {
            b.iter(|| pay_sign(black_box(&request), &key))
        });
    }
}

fn page_urls(c: &mut Criterion) {
    let safe = SafeDomains::parse("example.com,example.org").unwrap();
    c.bench_function("page_url_to_sign (safe domains, fragment)", |b| {
        b.iter(|| page_url_to_sign(black_box(URL), &safe))
    });
    let long = format!("https://m.example.com/p?q={}", "a%20b".repeat(700));
    c.bench_function("page_url_to_sign (3.5 KB query)", |b| {
        b.iter(|| page_url_to_sign(black_box(&long), &safe))
    });
}

criterion_group!(benches, signing, page_urls);
criterion_main!(benches);
