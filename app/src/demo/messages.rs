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
    let template = api
        .messages
        .iter()
        .find(|m| m.event == event)?
        .text
        .get(lang);
    Some(if template.contains("{}") {
        template.replacen("{}", &shown_value(api.function, result), 1)
    } else {
        template.to_owned()
    })
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
}
