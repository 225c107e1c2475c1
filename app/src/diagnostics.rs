//! Every diagnostic in words, in Chinese and in English: the doctor's findings (the core's URL
//! lints among them) and the server's verdict on a `wx.error`. The server sends codes and
//! values; this is the one place that turns them into sentences. Islands show them (the
//! doctor's answer, the help beside `wx.error`, the log), so they are in the browser build:
//! each sentence is one short template, its values filled in where `{}` stands.

use crate::{
    api::doctor::{FindingKind, OriginPart},
    catalog::{t, Lang, Text},
};
use wechat::{
    api::{ConfigErrorCause, ConfigErrorVerdict},
    page_url::UrlLint,
};

/// What a finding says, in `lang`.
pub fn finding(kind: &FindingKind, lang: Lang) -> String {
    let say = |text: Text, values: &[&str]| fill(text.get(lang), values);
    match kind {
        FindingKind::HostNotAllowed { host, allowed } => say(
            t(
                "域名 {} 不在 JS接口安全域名（{}）之内：微信会返回 config:invalid url domain。",
                "The host {} is not among the JS safe domains ({}): WeChat answers config:invalid url domain.",
            ),
            &[host, &allowed.join(", ")],
        ),
        FindingKind::StillEncoded { prefix } => say(
            t(
                "URL 仍是编码后的形式（以 {} 开头）：先解码一次再签名。",
                "The URL is still percent-encoded (it starts with {}): decode it once before signing.",
            ),
            &[prefix],
        ),
        FindingKind::OriginMismatch {
            part,
            signed,
            shown,
        } => {
            let (what, header) = match part {
                OriginPart::Scheme => (t("协议", "scheme"), "X-Forwarded-Proto"),
                OriginPart::Host => (t("域名", "host"), "X-Forwarded-Host"),
                OriginPart::Port => (t("端口", "port"), "X-Forwarded-Port"),
            };
            say(
                t(
                    "签名 URL 的{}（{}）与页面的（{}）不同：服务部署在反向代理之后时，请按 {} 请求头还原。",
                    "The signed URL's {} ({}) differs from the page's ({}): behind a proxy, honour the {} header.",
                ),
                &[what.get(lang), signed, shown, header],
            )
        }
        FindingKind::UrlMismatch { shown } => say(
            t(
                "签名 URL 与页面的 location.href（{}）不同；只有在 iOS 微信中、且签名的是进入页面时的 URL，这才正常。",
                "The signed URL differs from the page's location.href ({}); on iOS WeChat this is expected only when it is the landing URL.",
            ),
            &[shown],
        ),
        FindingKind::SignatureMismatch => say(
            t(
                "页面使用的签名与这里算出的不同：请逐字节比对 string1（jsapi_ticket、noncestr、timestamp、url）。",
                "The page's signature differs from the one computed here: compare string1 byte by byte (jsapi_ticket, noncestr, timestamp, url).",
            ),
            &[],
        ),
        FindingKind::Lint { code, host, port } => lint(*code, host, *port, lang),
    }
}

/// A core lint, in `lang`, naming the signed URL's host or port where it is about them.
fn lint(code: UrlLint, host: &str, port: u16, lang: Lang) -> String {
    let port = port.to_string();
    let (text, value) = match code {
        UrlLint::FragmentRemoved => (
            t(
                "签名前已去掉 # 及其后的部分，与微信的做法一致。",
                "The #fragment was removed before signing, as WeChat does.",
            ),
            "",
        ),
        UrlLint::EscapedAmpersand => (
            t(
                "URL 中含有 &amp;：它被 HTML 转义过；微信签名用的是原样的 &。",
                "The URL contains &amp;: it was HTML-escaped; WeChat signs a plain &.",
            ),
            "",
        ),
        UrlLint::DoubleEncoded => (
            t(
                "URL 中含有 %25：它可能被 URL 编码了两次。",
                "The URL contains %25: it may have been percent-encoded twice.",
            ),
            "",
        ),
        UrlLint::NoPathAfterHost => (
            t(
                "域名 {} 之后没有路径，而 location.href 在这里总有一个 /；请严格按 location.href 签名。",
                "Nothing follows the host {}, but location.href always has a / there; sign exactly what location.href shows.",
            ),
            host,
        ),
        UrlLint::UppercaseHost => (
            t(
                "域名含有大写字母，而 location.href 中的域名是小写的：{}。",
                "The host has upper-case letters; location.href shows it in lower case: {}.",
            ),
            host,
        ),
        UrlLint::DefaultPort => (
            t(
                "URL 写明了默认端口 {}，而 location.href 中不带默认端口。",
                "The URL names the default port {}; location.href leaves it out.",
            ),
            port.as_str(),
        ),
        UrlLint::NonStandardPort => (
            t(
                "页面在 {} 端口上：微信网页只支持 80（http）和 443（https）端口，JS接口安全域名不带端口号，手机上无法通过此页面的 wx.config。",
                "The page is on port {}: WeChat pages use only ports 80 (http) and 443 (https) and a JS safe domain takes no port, so a phone cannot pass this page's wx.config.",
            ),
            port.as_str(),
        ),
        UrlLint::LocalOrIpHost => (
            t(
                "域名 {} 是本机域名或 IP 地址：JS接口安全域名必须是手机能访问的已备案域名。",
                "The host {} is local or an IP address: a JS safe domain must be a registered domain a phone can reach.",
            ),
            host,
        ),
    };
    fill(text.get(lang), &[value])
}

/// What the server concluded about a `wx.error`, in `lang`.
pub fn verdict(verdict: &ConfigErrorVerdict, lang: Lang) -> String {
    let say = |text: Text, values: &[&str]| fill(text.get(lang), values);
    match (verdict.cause, verdict.refreshed) {
        (ConfigErrorCause::NotASignatureError, _) => say(
            t(
                "{} 不是签名问题，换新的 jsapi_ticket 也无济于事。",
                "{} is not a signature problem; a new jsapi_ticket would not help.",
            ),
            &[&verdict.err_msg],
        ),
        (ConfigErrorCause::UrlMismatch, _) if verdict.real_auth_url.is_some() => say(
            t(
                "微信验证的是 {}（realAuthUrl），页面签名用的却是 {}：请签 realAuthUrl 这个地址；签名诊断会指出两者的差别。",
                "WeChat verified {} (realAuthUrl) but the page signed {}: sign the URL realAuthUrl names; the doctor shows how the two differ.",
            ),
            &[
                verdict.real_auth_url.as_deref().unwrap_or_default(),
                &verdict.signed_url,
            ],
        ),
        (ConfigErrorCause::UrlMismatch, _) => say(
            t(
                "页面签名用的是 {}，但它的地址是 {}：请对 location.href 去掉 # 及其后部分后签名。",
                "The page signed {} but its address is {}: sign location.href without the #fragment.",
            ),
            &[&verdict.signed_url, &verdict.page_url],
        ),
        (ConfigErrorCause::Ticket, true) => say(
            t(
                "URL 无误，jsapi_ticket 可能已被替换：已重新获取。",
                "The URL matches, so the jsapi_ticket may have been replaced: it was fetched anew.",
            ),
            &[],
        ),
        (ConfigErrorCause::Ticket, false) => say(
            t(
                "jsapi_ticket 不到一分钟前刚更新过，请用它重新调用 wx.config。",
                "The jsapi_ticket was renewed less than a minute ago; configure again with it.",
            ),
            &[],
        ),
    }
}

/// `template` with its `{}`s replaced by `values`, in order. A value is never searched for
/// `{}` itself (a URL may hold one).
pub(crate) fn fill(template: &str, values: &[&str]) -> String {
    let mut text = String::with_capacity(template.len());
    for (i, part) in template.split("{}").enumerate() {
        if let Some(value) = i.checked_sub(1).and_then(|i| values.get(i)) {
            text.push_str(value);
        }
        text.push_str(part);
    }
    text
}

/// What the `wx.config` linter found, and the fix, in `lang`.
pub fn config_lint(lint: &wechat::config_lint::ConfigLint, lang: Lang) -> String {
    use wechat::config_lint::{ConfigLint as L, OPEN_TAG_SDK};
    let say = |text: Text, values: &[&str]| fill(text.get(lang), values);
    match lint {
        L::Unreadable { at, expected } => say(
            t(
                "读不出 wx.config 的对象：第 {} 个字符处应为 {}。请粘贴 wx.config({...}) 或其中的对象。",
                "The wx.config object could not be read: {} characters in, {} was expected. Paste wx.config({...}) or its object.",
            ),
            &[&at.to_string(), expected],
        ),
        L::WrongCase { found, expected } => say(
            t(
                "键 {} 的大小写不对，应为 {}：微信按原样读取键名，会当作缺少该字段（config:fail）。",
                "The key {} is in the wrong case; write {}. WeChat reads keys as written and sees the field as missing (config:fail).",
            ),
            &[found, expected],
        ),
        L::Misspelled { found, expected } => say(
            t(
                "键 {} 拼错了，应为 {}：否则微信当作缺少该字段（config:fail）。",
                "The key {} is misspelled; write {}. Otherwise WeChat sees the field as missing (config:fail).",
            ),
            &[found, expected],
        ),
        L::UnknownKey { found } => say(
            t(
                "wx.config 不接受键 {}：它会被忽略，请删掉或检查拼写。",
                "wx.config takes no key {}: it is ignored; remove it or check its spelling.",
            ),
            &[found],
        ),
        L::Missing { key } => say(
            t(
                "缺少必填字段 {}（或为空）：微信返回 config:fail。请从服务器的签名结果中填入。",
                "The required field {} is missing or empty: WeChat answers config:fail. Fill it from the server's signing answer.",
            ),
            &[key],
        ),
        L::TimestampMilliseconds { value } => say(
            t(
                "timestamp {} 是毫秒：微信签名用的是秒（10 位数字）。请用服务器签名时用的那个秒数。",
                "The timestamp {} is in milliseconds; WeChat signs seconds (10 digits). Use the seconds the server signed with.",
            ),
            &[value],
        ),
        L::TimestampMadeInPage { value } => say(
            t(
                "timestamp 在页面里生成（{}）：它必须与服务器签名时用的完全相同，请使用服务器返回的 timestamp。",
                "The timestamp is made in the page ({}); it must be exactly the one the server signed with: use the timestamp the server returns.",
            ),
            &[value],
        ),
        L::TimestampQuoted { value } => say(
            t(
                "timestamp 写成了字符串 \"{}\"：文档中它是数字；请传服务器签名时用的那个数字。",
                "The timestamp is the string \"{}\"; the documents pass a number: pass the number the server signed with.",
            ),
            &[value],
        ),
        L::AppIdMalformed { value } => say(
            t(
                "appId {} 不像公众号的 appId（wx 加 16 位字母或数字）：请用公众号后台「基本配置」中的 AppID，而不是原始 ID（gh_…）。",
                "The appId {} does not look like an Official Account's (wx and 16 letters or digits): use the AppID from the admin's Basic configuration, not the original id (gh_…).",
            ),
            &[value],
        ),
        L::SignatureMalformed { value } => say(
            t(
                "signature {} 不是 40 位十六进制的 SHA-1：请原样传入服务器算出的签名。",
                "The signature {} is not a 40-character hexadecimal SHA-1: pass the server's signature as it is.",
            ),
            &[value],
        ),
        L::JsApiListNotArray => say(
            t(
                "jsApiList 必须是数组，如 ['chooseImage']。",
                "jsApiList must be an array, like ['chooseImage'].",
            ),
            &[],
        ),
        L::UnknownApi { name, suggestion } => match suggestion {
            Some(suggestion) => say(
                t(
                    "jsApiList 中的 {} 不是 JS 接口：是否想写 {}？（附录 2 列出了所有接口。）",
                    "{} in jsApiList is no JS interface: did you mean {}? (Appendix 2 lists them all.)",
                ),
                &[name, suggestion],
            ),
            None => say(
                t(
                    "jsApiList 中的 {} 不是 JS 接口（见附录 2）。",
                    "{} in jsApiList is no JS interface (see appendix 2).",
                ),
                &[name],
            ),
        },
        L::ApiNotListed { api } => say(
            t(
                "代码调用了 wx.{}，但 jsApiList 中没有它：微信会拒绝这次调用。请把 {} 加入 jsApiList 并重新签名。",
                "The code calls wx.{} but jsApiList does not name it: WeChat refuses the call. Add {} to jsApiList.",
            ),
            &[api, api],
        ),
        L::DebugOn => say(
            t(
                "debug: true 仍开着：手机上每次调用都会弹出 alert。上线前请改为 false。",
                "debug: true is still on: every call's result pops up as an alert on the phone. Set it to false before going live.",
            ),
            &[],
        ),
        L::OpenTagsNeedNewerSdk { version } => {
            let needed = format!("{}.{}.{}", OPEN_TAG_SDK.0, OPEN_TAG_SDK.1, OPEN_TAG_SDK.2);
            say(
                t(
                    "openTagList 需要 jweixin {} 及以上，而代码引入的是 {}：请改为 jweixin-{}.js。",
                    "openTagList needs jweixin {} or newer, and the code loads {}: load jweixin-{}.js.",
                ),
                &[&needed, version, &needed],
            )
        }
        L::ShareUrlWithoutScheme { api, field, value } => say(
            t(
                "{} 参数（wx.{}）的值 {} 没有 http:// 或 https://：分享会失败或不显示图标，请写完整的 URL。",
                "The {} of wx.{} ({}) has no http:// or https://: the share fails or shows no icon; write the full URL.",
            ),
            &[field, api, value],
        ),
        L::ShareLinkOffDomain { api, host, allowed } => say(
            t(
                "wx.{} 的 link 在 {} 上，不在 JS 接口安全域名（{}）之内：分享的链接须与安全域名一致。",
                "The link of wx.{} is on {}, outside the JS safe domains ({}): a shared link must stay on them.",
            ),
            &[api, host, &allowed.join(", ")],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::doctor::{every_kind, Finding};

    /// Every verdict the server gives: each cause, refreshed or not.
    fn every_verdict() -> Vec<ConfigErrorVerdict> {
        ConfigErrorCause::ALL
            .into_iter()
            .flat_map(|cause| [false, true].map(move |refreshed| (cause, refreshed)))
            .map(|(cause, refreshed)| ConfigErrorVerdict {
                cause,
                refreshed,
                retry: cause == ConfigErrorCause::Ticket,
                err_msg: "config:fail".into(),
                signed_url: "https://a.example/basic".into(),
                page_url: "https://a.example/share".into(),
                real_auth_url: None,
            })
            .chain(std::iter::once(ConfigErrorVerdict {
                cause: ConfigErrorCause::UrlMismatch,
                refreshed: false,
                retry: false,
                err_msg: "config:invalid signature".into(),
                signed_url: "https://a.example/share".into(),
                page_url: "https://a.example/share".into(),
                real_auth_url: Some("https://a.example/basic".into()),
            }))
            .collect()
    }

    /// The values a diagnostic carries: every string or number in its JSON but the code.
    fn values_of(json: serde_json::Value) -> Vec<String> {
        let serde_json::Value::Object(fields) = json else {
            return Vec::new();
        };
        fields
            .into_iter()
            .filter(|(name, _)| name != "code" && name != "cause")
            .flat_map(|(_, value)| match value {
                serde_json::Value::Array(items) => items,
                value => vec![value],
            })
            .filter_map(|value| match value {
                serde_json::Value::String(s) => Some(s),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Names of things a Chinese sentence may quote as they are: errMsgs.
    const QUOTED: [&str; 1] = ["config:invalid url domain"];

    /// Runs of three or more English words in a row, outside the values and quoted codes.
    fn english_runs(text: &str, values: &[String]) -> Vec<String> {
        let mut rest = text.to_owned();
        for quoted in values.iter().map(String::as_str).chain(QUOTED) {
            rest = rest.replace(quoted, " ");
        }
        rest.split(|c: char| !c.is_ascii())
            .filter(|run| {
                run.split_whitespace()
                    .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
                    .count()
                    >= 3
            })
            .map(str::to_owned)
            .collect()
    }

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
    }

    /// Both languages said, the Chinese without an English sentence, the English without a
    /// Chinese character, and the same values named in both.
    fn check(what: &str, zh: &str, en: &str, values: &[String]) {
        assert!(zh.chars().any(is_cjk), "{what}: no Chinese in {zh:?}");
        let runs = english_runs(zh, values);
        assert!(
            runs.is_empty(),
            "{what}: English in the Chinese {zh:?}: {runs:?}"
        );
        assert!(
            !en.chars().any(is_cjk),
            "{what}: Chinese in the English {en:?}"
        );
        assert!(
            !zh.contains("{}") && !en.contains("{}"),
            "{what}: a value left out"
        );
        for value in values {
            assert_eq!(
                zh.contains(value.as_str()),
                en.contains(value.as_str()),
                "{what}: {value:?} named in one language only:\n{zh}\n{en}"
            );
        }
    }

    #[test]
    fn every_finding_is_said_in_both_languages() {
        for kind in every_kind() {
            let values = values_of(serde_json::to_value(Finding::from(kind.clone())).unwrap());
            check(
                &kind.code().as_str(),
                &finding(&kind, Lang::Zh),
                &finding(&kind, Lang::En),
                &values,
            );
        }
    }

    #[test]
    fn every_config_lint_is_said_in_both_languages() {
        use wechat::config_lint::ConfigLint as L;
        let s = |text: &str| text.to_owned();
        let lints = [
            L::Unreadable {
                at: 41,
                expected: s("`:`"),
            },
            L::WrongCase {
                found: s("noncestr"),
                expected: s("nonceStr"),
            },
            L::Misspelled {
                found: s("signatrue"),
                expected: s("signature"),
            },
            L::UnknownKey { found: s("beta") },
            L::Missing { key: s("appId") },
            L::TimestampMilliseconds {
                value: s("1414587457000"),
            },
            L::TimestampMadeInPage {
                value: s("Date.now()"),
            },
            L::TimestampQuoted {
                value: s("1414587457"),
            },
            L::AppIdMalformed {
                value: s("gh_0123"),
            },
            L::SignatureMalformed { value: s("0F9D") },
            L::JsApiListNotArray,
            L::UnknownApi {
                name: s("chooseImg"),
                suggestion: Some(s("chooseImage")),
            },
            L::UnknownApi {
                name: s("foo"),
                suggestion: None,
            },
            L::ApiNotListed {
                api: s("scanQRCode"),
            },
            L::DebugOn,
            L::OpenTagsNeedNewerSdk {
                version: s("1.4.0"),
            },
            L::ShareUrlWithoutScheme {
                api: s("updateAppMessageShareData"),
                field: s("link"),
                value: s("m.example.com"),
            },
            L::ShareLinkOffDomain {
                api: s("updateTimelineShareData"),
                host: s("evil.example.org"),
                allowed: vec![s("example.com")],
            },
        ];
        for lint in lints {
            let values = values_of(serde_json::to_value(&lint).unwrap());
            let (zh, en) = (config_lint(&lint, Lang::Zh), config_lint(&lint, Lang::En));
            assert!(
                !zh.contains("{}") && !en.contains("{}"),
                "{lint:?}: a value left unfilled"
            );
            check(&format!("{lint:?}"), &zh, &en, &values);
        }
    }

    #[test]
    fn every_verdict_is_said_in_both_languages() {
        for v in every_verdict() {
            let values = values_of(serde_json::to_value(&v).unwrap());
            check(
                &format!("{:?} refreshed={}", v.cause, v.refreshed),
                &verdict(&v, Lang::Zh),
                &verdict(&v, Lang::En),
                &values,
            );
        }
    }

    #[test]
    fn the_port_and_host_lints_name_them() {
        let said = |code| {
            finding(
                &FindingKind::Lint {
                    code,
                    host: "localhost".into(),
                    port: 8080,
                },
                Lang::Zh,
            )
        };
        assert!(said(UrlLint::NonStandardPort).contains("8080 端口"));
        assert!(said(UrlLint::LocalOrIpHost).contains("域名 localhost 是"));
    }

    #[test]
    fn a_mismatch_names_what_differs_and_both_sides() {
        let kind = FindingKind::OriginMismatch {
            part: OriginPart::Host,
            signed: "http://localhost:3000".into(),
            shown: "http://127.0.0.1:3000".into(),
        };
        assert_eq!(
            finding(&kind, Lang::Zh),
            "签名 URL 的域名（http://localhost:3000）与页面的（http://127.0.0.1:3000）不同：服务部署在反向代理之后时，请按 X-Forwarded-Host 请求头还原。"
        );
        assert_eq!(
            finding(&kind, Lang::En),
            "The signed URL's host (http://localhost:3000) differs from the page's (http://127.0.0.1:3000): behind a proxy, honour the X-Forwarded-Host header."
        );
    }

    #[test]
    fn the_checks_catch_english_left_in_chinese() {
        assert_eq!(
            english_runs("域名 a.example 不在 the safe domains 中", &[]),
            [" the safe domains "]
        );
        assert!(
            english_runs("请比对 string1（jsapi_ticket、noncestr、timestamp）", &[]).is_empty()
        );
        assert!(english_runs("域名 a b c 不在", &["a b c".into()]).is_empty());
    }

    #[test]
    fn values_are_filled_in_order_and_never_reread() {
        assert_eq!(fill("{} then {}", &["a{}", "b"]), "a{} then b");
        assert_eq!(fill("no value", &[]), "no value");
    }
}
