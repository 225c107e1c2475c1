use super::*;

const APIS: &[&str] = &[
    "updateAppMessageShareData",
    "updateTimelineShareData",
    "onMenuShareTimeline",
    "chooseImage",
    "scanQRCode",
];
const SHARE: &[&str] = &[
    "updateAppMessageShareData",
    "updateTimelineShareData",
    "onMenuShareTimeline",
];

const CLEAN: &str = "wx.config({
  debug: false,
  appId: 'wx0123456789abcdef', // 必填
  timestamp: 1414587457,
  nonceStr: 'Wm3WZYTPz0wzccnW',
  signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
  jsApiList: ['chooseImage', 'updateAppMessageShareData'],
});";

fn known(safe: Option<&SafeDomains>) -> Known<'_> {
    Known {
        apis: APIS,
        share_apis: SHARE,
        safe_domains: safe,
    }
}

fn codes(lints: &[ConfigLint]) -> Vec<String> {
    lints
        .iter()
        .map(|lint| {
            serde_json::to_value(lint).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_clean_config_and_its_code_yield_nothing() {
    let safe = SafeDomains::parse("example.com").unwrap();
    let code = "<script src=\"https://res.wx.qq.com/open/js/jweixin-1.6.0.js\"></script>
      wx.ready(() => { wx.chooseImage({ count: 1 });
        wx.updateAppMessageShareData({ title: 't', link: 'https://m.example.com/a', imgUrl: 'https://cdn.other.com/i.png' }); });";
    assert_eq!(lint(CLEAN, code, known(Some(&safe))), vec![]);
    // The bare object, with double quotes and quoted keys, reads the same.
    let bare = CLEAN
        .trim_start_matches("wx.config(")
        .trim_end_matches(");")
        .replace('\'', "\"");
    assert_eq!(lint(&bare, "", known(None)), vec![]);
}

#[test]
fn one_input_per_lint() {
    let with = |from: &str, to: &str| CLEAN.replacen(from, to, 1);
    let safe = SafeDomains::parse("example.com").unwrap();
    let cases: Vec<(String, &str, &str, ConfigLint)> = vec![
        (
            "wx.config({ appId: 'wx0123456789abcdef' timestamp: 1 })".into(),
            "",
            "unreadable",
            ConfigLint::Unreadable { at: 40, expected: "`,` or `}`".into() },
        ),
        (
            with("nonceStr", "noncestr"),
            "",
            "wrong_case",
            ConfigLint::WrongCase { found: "noncestr".into(), expected: "nonceStr".into() },
        ),
        (
            with("signature:", "signatrue:"),
            "",
            "misspelled",
            ConfigLint::Misspelled { found: "signatrue".into(), expected: "signature".into() },
        ),
        (
            with("debug: false", "beta: true"),
            "",
            "unknown_key",
            ConfigLint::UnknownKey { found: "beta".into() },
        ),
        (
            with("  appId: 'wx0123456789abcdef', // 必填\n", ""),
            "",
            "missing",
            ConfigLint::Missing { key: "appId".into() },
        ),
        (
            with("1414587457", "1414587457000"),
            "",
            "timestamp_milliseconds",
            ConfigLint::TimestampMilliseconds { value: "1414587457000".into() },
        ),
        (
            with("1414587457", "Math.floor(Date.now() / 1000)"),
            "",
            "timestamp_made_in_page",
            ConfigLint::TimestampMadeInPage { value: "Math.floor(Date.now() / 1000)".into() },
        ),
        (
            with("1414587457", "'1414587457'"),
            "",
            "timestamp_quoted",
            ConfigLint::TimestampQuoted { value: "1414587457".into() },
        ),
        (
            with("wx0123456789abcdef", "gh_0123456789ab"),
            "",
            "app_id_malformed",
            ConfigLint::AppIdMalformed { value: "gh_0123456789ab".into() },
        ),
        (
            with("0f9de62fce790f9a083d5c99e95740ceb90c27ed", "0F9DE62F"),
            "",
            "signature_malformed",
            ConfigLint::SignatureMalformed { value: "0F9DE62F".into() },
        ),
        (
            with("['chooseImage', 'updateAppMessageShareData']", "'chooseImage'"),
            "",
            "js_api_list_not_array",
            ConfigLint::JsApiListNotArray,
        ),
        (
            with("'chooseImage'", "'chooseImg'"),
            "",
            "unknown_api",
            ConfigLint::UnknownApi { name: "chooseImg".into(), suggestion: Some("chooseImage".into()) },
        ),
        (
            CLEAN.into(),
            "wx.ready(function () { wx.scanQRCode({ needResult: 1 }); });",
            "api_not_listed",
            ConfigLint::ApiNotListed { api: "scanQRCode".into() },
        ),
        (with("debug: false", "debug: true"), "", "debug_on", ConfigLint::DebugOn),
        (
            with("jsApiList", "openTagList: ['wx-open-launch-weapp'],\n  jsApiList"),
            "<script src=\"//res.wx.qq.com/open/js/jweixin-1.4.0.js\"></script>",
            "open_tags_need_newer_sdk",
            ConfigLint::OpenTagsNeedNewerSdk { version: "1.4.0".into() },
        ),
        (
            CLEAN.into(),
            "wx.updateAppMessageShareData({ title: 't', link: 'm.example.com/a' })",
            "share_url_without_scheme",
            ConfigLint::ShareUrlWithoutScheme {
                api: "updateAppMessageShareData".into(),
                field: "link".into(),
                value: "m.example.com/a".into(),
            },
        ),
        (
            CLEAN.into(),
            "wx.updateAppMessageShareData({\n title: 't',\n link: 'https://evil.example.org/a?x=1',\n imgUrl: 'https://example.com/i.png' })",
            "share_link_off_domain",
            ConfigLint::ShareLinkOffDomain {
                api: "updateAppMessageShareData".into(),
                host: "evil.example.org".into(),
                allowed: vec!["example.com".into()],
            },
        ),
    ];
    for (config, code, name, expected) in cases {
        let lints = lint(&config, code, known(Some(&safe)));
        assert_eq!(lints, vec![expected.clone()], "{name}: {config}\n{code}");
        assert_eq!(codes(&lints), vec![name.to_owned()], "{name}");
    }
}

#[test]
fn a_misspelled_required_key_is_named_once_not_also_missing() {
    let lints = lint(&CLEAN.replace("appId", "appid"), "", known(None));
    assert_eq!(
        lints,
        vec![ConfigLint::WrongCase {
            found: "appid".into(),
            expected: "appId".into()
        }]
    );
    let empty = lint(&CLEAN.replace("'Wm3WZYTPz0wzccnW'", "''"), "", known(None));
    assert_eq!(
        empty,
        vec![ConfigLint::Missing {
            key: "nonceStr".into()
        }]
    );
}

#[test]
fn the_keys_are_the_signed_configs_own() {
    let config = crate::signature::jsapi::JsConfig {
        debug: false,
        app_id: String::new(),
        timestamp: 0,
        nonce_str: String::new(),
        signature: String::new(),
        js_api_list: vec![],
        open_tag_list: vec![],
    };
    let json = serde_json::to_value(config).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut ours = CONFIG_KEYS.to_vec();
    keys.sort_unstable();
    ours.sort_unstable();
    assert_eq!(keys, ours);
}

#[test]
fn code_is_scanned_for_calls_not_for_lookalikes() {
    let code = "jwx.scanQRCode(); my.wx.chooseImage(); wx.miniProgram.navigateTo({}); wx.chooseImage ({}); wx.config({}); wx.ready(f)";
    assert_eq!(called_apis(code), vec!["chooseImage"]);
    assert_eq!(
        sdk_version("import 'x/jweixin-1.3.2.js'"),
        Some(("1.3.2".into(), (1, 3, 2)))
    );
}
