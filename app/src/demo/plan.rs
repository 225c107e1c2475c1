//! What pressing a button does: the arguments of the `wx` call(s), built from what the
//! user set (the call editor, else the catalog's sample) and what the demo remembers.

use super::state::DemoState;
use crate::catalog::{Api, Text};
use serde_json::{json, Value};

/// The card every card call of the official demo uses.
pub use crate::catalog::DEMO_CARD_ID;

/// Something the server must sign before the call can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signed {
    /// `addCard`: a `cardExt` per card, over the wx_card api_ticket.
    AddCard { card_ids: Vec<String> },
    /// `chooseCard`: `cardSign` over the wx_card api_ticket and these filters.
    ChooseCard {
        shop_id: Option<String>,
        card_type: Option<String>,
        card_id: Option<String>,
    },
    /// `chooseWXPay`: a v2 `paySign` over the (sandbox) order, with this `signType`.
    Pay { sign_type: Option<String> },
}

/// The call(s) a button makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// One call with these arguments.
    Single(Value),
    /// Calls made one after another, each after the previous succeeded.
    Sequence(Vec<Value>),
    /// The server signs first, then one call is made.
    NeedsSignature(Signed, Value),
}

/// Parses an API's sample arguments; an empty sample is `{}`.
pub fn sample_args(api: &Api) -> Value {
    serde_json::from_str(api.sample).unwrap_or_else(|_| json!({}))
}

/// Builds the plan for a button from the user's `args`, or returns the ordering rule's
/// message when an earlier step is missing (e.g. upload before choose).
pub fn plan(api: &Api, state: &DemoState, mut args: Value) -> Result<Plan, Text> {
    if let Some(guard) = &api.guard {
        if !state.has(guard.requires) {
            return Err(guard.message);
        }
    }
    let text = |args: &Value, key: &str| args.get(key).and_then(Value::as_str).map(str::to_owned);
    let set = |args: &mut Value, key: &str, value: Value| {
        if let Value::Object(map) = args {
            map.insert(key.to_owned(), value);
        }
    };
    let plan = match api.function {
        "uploadImage" => Plan::Sequence(
            state
                .image_local_ids
                .iter()
                .map(|id| with(&args, "localId", json!(id)))
                .collect(),
        ),
        "downloadImage" => Plan::Sequence(
            state
                .image_server_ids
                .iter()
                .map(|id| with(&args, "serverId", json!(id)))
                .collect(),
        ),
        "getLocalImgData" => {
            let first = state.image_local_ids.first().cloned().unwrap_or_default();
            set(&mut args, "localId", json!(first));
            Plan::Single(args)
        }
        "playVoice" | "pauseVoice" | "stopVoice" => {
            set(&mut args, "localId", json!(state.voice_local_id));
            Plan::Single(args)
        }
        "uploadVoice" | "translateVoice" => {
            set(&mut args, "localId", json!(state.voice_local_id));
            Plan::Single(args)
        }
        "downloadVoice" => {
            set(&mut args, "serverId", json!(state.voice_server_id));
            Plan::Single(args)
        }
        "openCard" => {
            let cards: Vec<Value> = state
                .card_codes
                .iter()
                .map(|code| json!({ "cardId": DEMO_CARD_ID, "code": code }))
                .collect();
            set(&mut args, "cardList", Value::Array(cards));
            Plan::Single(args)
        }
        "consumeAndShareCard" => {
            let code = state.card_codes.first().cloned().unwrap_or_default();
            set(&mut args, "code", json!(code));
            Plan::Single(args)
        }
        "addCard" => {
            let card_ids = args
                .get("cardList")
                .and_then(Value::as_array)
                .map(|cards| {
                    cards
                        .iter()
                        .filter_map(|c| c.get("cardId").and_then(Value::as_str))
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                })
                .filter(|ids| !ids.is_empty())
                .unwrap_or_else(|| vec![DEMO_CARD_ID.to_owned(); 2]);
            Plan::NeedsSignature(Signed::AddCard { card_ids }, args)
        }
        "chooseCard" => Plan::NeedsSignature(
            Signed::ChooseCard {
                shop_id: text(&args, "shopId"),
                card_type: text(&args, "cardType"),
                card_id: text(&args, "cardId"),
            },
            args,
        ),
        "chooseWXPay" => Plan::NeedsSignature(
            Signed::Pay {
                sign_type: text(&args, "signType"),
            },
            args,
        ),
        _ => Plan::Single(args),
    };
    Ok(plan)
}

/// The `wx.config({...})` call a page makes with `config`, written as the documents write
/// it (a JavaScript object, single-quoted strings).
pub fn config_snippet(config: &wechat::signature::jsapi::JsConfig) -> String {
    let quoted = |text: &str| format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"));
    let list = |items: &[String]| {
        items
            .iter()
            .map(|item| quoted(item))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = format!(
        "wx.config({{\n  debug: {},\n  appId: {},\n  timestamp: {},\n  nonceStr: {},\n  signature: {},\n  jsApiList: [{}]",
        config.debug,
        quoted(&config.app_id),
        config.timestamp,
        quoted(&config.nonce_str),
        quoted(&config.signature),
        list(&config.js_api_list),
    );
    if !config.open_tag_list.is_empty() {
        text.push_str(&format!(
            ",\n  openTagList: [{}]",
            list(&config.open_tag_list)
        ));
    }
    text.push_str("\n});");
    text
}

/// `args` with `key` set to `value`.
fn with(args: &Value, key: &str, value: Value) -> Value {
    let mut args = args.clone();
    if let Value::Object(map) = &mut args {
        map.insert(key.to_owned(), value);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn api(id: &str) -> &'static Api {
        catalog::api(id).unwrap_or_else(|| panic!("{id} is in the catalog"))
    }

    #[test]
    fn upload_before_choose_shows_the_official_message() {
        let message = plan(
            api("uploadImage"),
            &DemoState::default(),
            sample_args(api("uploadImage")),
        )
        .unwrap_err();
        assert_eq!(message.zh, "请先使用 chooseImage 接口选择图片");
    }

    #[test]
    fn upload_sends_each_chosen_image_in_turn() {
        let state = DemoState {
            image_local_ids: vec!["a".into(), "b".into()],
            ..Default::default()
        };
        let Plan::Sequence(calls) =
            plan(api("uploadImage"), &state, json!({"isShowProgressTips": 0})).unwrap()
        else {
            panic!("a sequence");
        };
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[1]["localId"], "b");
        // What the user set is sent with every image.
        assert_eq!(calls[1]["isShowProgressTips"], 0);
    }

    #[test]
    fn play_uses_the_recorded_voice() {
        let state = DemoState {
            voice_local_id: "voice-1".into(),
            ..Default::default()
        };
        let Plan::Single(args) =
            plan(api("playVoice"), &state, sample_args(api("playVoice"))).unwrap()
        else {
            panic!("a single call");
        };
        assert_eq!(args["localId"], "voice-1");
    }

    #[test]
    fn open_card_needs_a_chosen_card_and_sends_its_code() {
        assert!(plan(api("openCard"), &DemoState::default(), json!({})).is_err());
        let state = DemoState {
            card_codes: vec!["123".into()],
            ..Default::default()
        };
        let Plan::Single(args) = plan(api("openCard"), &state, json!({})).unwrap() else {
            panic!("a single call");
        };
        assert_eq!(args["cardList"][0]["code"], "123");
        assert_eq!(args["cardList"][0]["cardId"], DEMO_CARD_ID);
    }

    #[test]
    fn card_and_pay_calls_are_signed_by_the_server_first() {
        assert!(matches!(
            plan(
                api("addCard"),
                &DemoState::default(),
                sample_args(api("addCard"))
            )
            .unwrap(),
            Plan::NeedsSignature(Signed::AddCard { .. }, _)
        ));
        assert!(matches!(
            plan(api("chooseCard"), &DemoState::default(), json!({"shopId": "s1"})).unwrap(),
            Plan::NeedsSignature(Signed::ChooseCard { shop_id: Some(ref id), .. }, _) if id == "s1"
        ));
        assert!(matches!(
            plan(api("chooseWXPay"), &DemoState::default(), json!({"signType": "HMAC-SHA256"})).unwrap(),
            Plan::NeedsSignature(Signed::Pay { sign_type: Some(ref t) }, _) if t == "HMAC-SHA256"
        ));
    }

    #[test]
    fn the_config_call_is_written_as_the_documents_write_it() {
        let config = wechat::signature::jsapi::JsConfig {
            debug: false,
            app_id: "wx1".into(),
            timestamp: 1414587457,
            nonce_str: "it's".into(),
            signature: "abc".into(),
            js_api_list: vec!["checkJsApi".into(), "chooseImage".into()],
            open_tag_list: vec![],
        };
        assert_eq!(
            config_snippet(&config),
            "wx.config({\n  debug: false,\n  appId: 'wx1',\n  timestamp: 1414587457,\n  nonceStr: 'it\\'s',\n  signature: 'abc',\n  jsApiList: ['checkJsApi', 'chooseImage']\n});"
        );
    }
}
