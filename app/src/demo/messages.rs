//! The official demo's messages for each event, filled in with the call's result.

use crate::{
    catalog::{Api, Event, Lang},
    wx::CallbackKind,
};
use serde_json::Value;

/// The catalog event a callback corresponds to.
pub fn event_of(kind: CallbackKind) -> Event {
    match kind {
        CallbackKind::Success => Event::Success,
        CallbackKind::Fail => Event::Fail,
        CallbackKind::Cancel => Event::Cancel,
        CallbackKind::Complete => Event::Complete,
        CallbackKind::Trigger => Event::Trigger,
    }
}

/// The official message for `event`, with `{}` replaced by the value the demo showed.
pub fn message(api: &Api, event: Event, result: &Value, lang: Lang) -> Option<String> {
    let lacking = |m: &&crate::catalog::Message| match m.event {
        Event::CompleteWithout(field) => event == Event::Complete && result.get(field).is_none(),
        _ => false,
    };
    let chosen = api
        .messages
        .iter()
        .find(lacking)
        .or_else(|| api.messages.iter().find(|m| m.event == event))?;
    let template = chosen.text.get(lang);
    Some(if template.contains("{}") {
        template.replacen("{}", &shown_value(api.function, result), 1)
    } else {
        template.to_owned()
    })
}

/// The message after call `done` of `total` in a one-by-one chain: the catalog's
/// [`Event::Progress`] text, or plain `i/n`.
pub fn progress(api: &Api, done: usize, total: usize, lang: Lang) -> String {
    let count = format!("{done}/{total}");
    match api.messages.iter().find(|m| m.event == Event::Progress) {
        Some(m) => m.text.get(lang).replacen("{}", &count, 1),
        None => count,
    }
}

/// What the official demo put into its message for this call's result.
pub fn shown_value(function: &str, result: &Value) -> String {
    let field = |name: &str| result.get(name).map(display);
    match function {
        "chooseImage" => super::state::string_list(result.get("localIds").unwrap_or(&Value::Null))
            .len()
            .to_string(),
        "uploadVoice" => field("serverId").unwrap_or_default(),
        "downloadVoice" | "onVoicePlayEnd" | "onVoiceRecordEnd" => {
            field("localId").unwrap_or_default()
        }
        "translateVoice" => field("translateResult").unwrap_or_default(),
        "getNetworkType" => field("networkType").unwrap_or_default(),
        "addCard" | "chooseCard" => field("cardList").unwrap_or_default(),
        _ => serde_json::to_string(result).unwrap_or_default(),
    }
}

fn display(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use serde_json::json;

    #[test]
    fn choose_image_reports_how_many_were_chosen() {
        let api = catalog::api("chooseImage").unwrap();
        let text = message(
            api,
            Event::Success,
            &json!({"localIds": ["a", "b"]}),
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(text, "已选择 2 张图片");
    }

    #[test]
    fn share_registration_message_is_the_official_one() {
        let api = catalog::api("onMenuShareAppMessage").unwrap();
        let text = message(api, Event::Registered, &Value::Null, Lang::Zh).unwrap();
        assert_eq!(text, "已注册获取“发送给朋友”状态事件");
    }

    #[test]
    fn network_type_is_shown_as_is() {
        assert_eq!(
            shown_value("getNetworkType", &json!({"networkType": "wifi"})),
            "wifi"
        );
    }

    #[test]
    fn the_official_demo_says_what_it_said_when_nothing_was_recognised_and_counts_downloads() {
        let translate = crate::catalog::api("translateVoice").unwrap();
        let heard = serde_json::json!({ "translateResult": "你好" });
        assert_eq!(
            message(translate, Event::Complete, &heard, Lang::Zh).unwrap(),
            "识别结果：你好"
        );
        let nothing = serde_json::json!({ "errMsg": "translateVoice:fail" });
        assert_eq!(
            message(translate, Event::Complete, &nothing, Lang::Zh).unwrap(),
            "无法识别"
        );
        let download = crate::catalog::api("downloadImage").unwrap();
        assert_eq!(progress(download, 1, 3, Lang::Zh), "已下载：1/3");
        let upload = crate::catalog::api("uploadImage").unwrap();
        assert_eq!(progress(upload, 2, 3, Lang::Zh), "2/3");
    }
}
