//! Every diagnostic in words, in Chinese and in English: the server's verdict on a
//! `wx.error`. The server sends codes and values; this is the one place that turns them into
//! sentences. An island shows them (the log), so they are in the browser build: each sentence
//! is one short template, its values filled in where `{}` stands.

use crate::catalog::{t, Lang, Text};
use wechat::api::{ConfigErrorCause, ConfigErrorVerdict};

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
fn fill(template: &str, values: &[&str]) -> String {
    let mut text = String::with_capacity(template.len());
    for (i, part) in template.split("{}").enumerate() {
        if let Some(value) = i.checked_sub(1).and_then(|i| values.get(i)) {
            text.push_str(value);
        }
        text.push_str(part);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
            })
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
