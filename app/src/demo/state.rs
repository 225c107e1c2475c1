//! What the demo remembers between calls, as the official demo.js did in plain
//! variables: chosen and uploaded images, the recorded voice, decrypted card codes.
//!
//! The catalog names these by [`StateKey`]: an API's `guard` needs a key to be filled, its
//! `sets` say which keys its success fills.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the demo remembers, as the catalog's guards and `sets` name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateKey {
    /// `localIds` of chosen or downloaded images.
    ImagesLocalId,
    /// `serverId`s of uploaded images.
    ImagesServerId,
    /// The recorded or downloaded voice's `localId`.
    VoiceLocalId,
    /// The uploaded voice's `serverId`.
    VoiceServerId,
    /// Card codes chosen with chooseCard.
    CardCodes,
}

impl StateKey {
    /// The key as the official demo's variables read (`images.localId`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            StateKey::ImagesLocalId => "images.localId",
            StateKey::ImagesServerId => "images.serverId",
            StateKey::VoiceLocalId => "voice.localId",
            StateKey::VoiceServerId => "voice.serverId",
            StateKey::CardCodes => "cards.codes",
        }
    }
}

impl std::fmt::Display for StateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The demo's memory for one page session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoState {
    pub image_local_ids: Vec<String>,
    pub image_server_ids: Vec<String>,
    pub voice_local_id: String,
    pub voice_server_id: String,
    pub card_codes: Vec<String>,
}

impl DemoState {
    /// True when the state key holds something (an ordering rule is satisfied).
    pub fn has(&self, key: StateKey) -> bool {
        match key {
            StateKey::ImagesLocalId => !self.image_local_ids.is_empty(),
            StateKey::ImagesServerId => !self.image_server_ids.is_empty(),
            StateKey::VoiceLocalId => !self.voice_local_id.is_empty(),
            StateKey::VoiceServerId => !self.voice_server_id.is_empty(),
            StateKey::CardCodes => !self.card_codes.is_empty(),
        }
    }

    /// Prepares the state before a call starts (the official demo resets lists it refills).
    pub fn before_call(&mut self, function: &str) {
        match function {
            "uploadImage" => self.image_server_ids.clear(),
            "downloadImage" => self.image_local_ids.clear(),
            _ => {}
        }
    }

    /// Records what a successful call returned.
    pub fn record_success(&mut self, function: &str, result: &Value) {
        let text = |field: &str| result.get(field).and_then(Value::as_str).map(str::to_owned);
        match function {
            "chooseImage" => {
                if let Some(ids) = result.get("localIds") {
                    self.image_local_ids = string_list(ids);
                }
            }
            "uploadImage" => self.image_server_ids.extend(text("serverId")),
            "downloadImage" => self.image_local_ids.extend(text("localId")),
            "stopRecord" | "onVoiceRecordEnd" | "downloadVoice" => {
                if let Some(id) = text("localId") {
                    self.voice_local_id = id;
                }
            }
            "uploadVoice" => {
                if let Some(id) = text("serverId") {
                    self.voice_server_id = id;
                }
            }
            _ => {}
        }
    }

    /// Adds a card code the server decrypted after chooseCard.
    pub fn add_card_code(&mut self, code: String) {
        if !code.is_empty() && !self.card_codes.contains(&code) {
            self.card_codes.push(code);
        }
    }
}

/// Reads a list of strings, also when the SDK returned it as a JSON string
/// (chooseImage's `localIds` and chooseCard's `cardList` are strings on some clients).
pub fn string_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Value::String(text) => super::from_json::<Vec<String>>(text).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The `encrypt_code`s of chooseCard's `cardList` (an array, or a JSON string of one).
pub fn encrypted_card_codes(card_list: &Value) -> Vec<String> {
    let parsed;
    let list = match card_list {
        Value::String(text) => {
            parsed = serde_json::from_str::<Value>(text).unwrap_or(Value::Null);
            &parsed
        }
        other => other,
    };
    list.as_array()
        .map(|cards| {
            cards
                .iter()
                .filter_map(|card| card.get("encrypt_code").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn upload_needs_a_chosen_image_first() {
        let mut state = DemoState::default();
        assert!(!state.has(StateKey::ImagesLocalId));
        state.record_success("chooseImage", &json!({"localIds": ["wxLocalResource://1"]}));
        assert!(state.has(StateKey::ImagesLocalId));
    }

    #[test]
    fn choose_image_accepts_local_ids_as_a_json_string() {
        let mut state = DemoState::default();
        state.record_success("chooseImage", &json!({"localIds": "[\"a\",\"b\"]"}));
        assert_eq!(state.image_local_ids, ["a", "b"]);
    }

    #[test]
    fn download_replaces_the_local_images_as_the_official_demo_did() {
        let mut state = DemoState {
            image_local_ids: vec!["chosen".into()],
            image_server_ids: vec!["s1".into()],
            ..Default::default()
        };
        state.before_call("downloadImage");
        state.record_success("downloadImage", &json!({"localId": "downloaded"}));
        assert_eq!(state.image_local_ids, ["downloaded"]);
    }

    #[test]
    fn upload_refills_server_ids_one_by_one() {
        let mut state = DemoState {
            image_server_ids: vec!["old".into()],
            ..Default::default()
        };
        state.before_call("uploadImage");
        state.record_success("uploadImage", &json!({"serverId": "s1"}));
        state.record_success("uploadImage", &json!({"serverId": "s2"}));
        assert_eq!(state.image_server_ids, ["s1", "s2"]);
    }

    #[test]
    fn voice_flow_fills_local_then_server_id() {
        let mut state = DemoState::default();
        state.record_success("stopRecord", &json!({"localId": "v1"}));
        assert!(state.has(StateKey::VoiceLocalId));
        assert!(!state.has(StateKey::VoiceServerId));
        state.record_success("uploadVoice", &json!({"serverId": "sv1"}));
        assert!(state.has(StateKey::VoiceServerId));
    }

    #[test]
    fn card_list_codes_are_read_from_a_json_string() {
        let list = json!("[{\"card_id\":\"p1\",\"encrypt_code\":\"E1\"},{\"card_id\":\"p2\",\"encrypt_code\":\"E2\"}]");
        assert_eq!(encrypted_card_codes(&list), ["E1", "E2"]);
        assert!(encrypted_card_codes(&json!("not json")).is_empty());
    }

    #[test]
    fn duplicate_card_codes_are_kept_once() {
        let mut state = DemoState::default();
        state.add_card_code("c".into());
        state.add_card_code("c".into());
        state.add_card_code(String::new());
        assert_eq!(state.card_codes, ["c"]);
    }
}
