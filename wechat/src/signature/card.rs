//! The card signatures of appendix 4: `cardExt` (for `wx.addCard`) and `cardSign` (for
//! `wx.chooseCard`), both SHA-1 over the sorted *values*, signed with the `wx_card` api_ticket
//! (not the jsapi_ticket).

use super::sorted_values_signature;
use serde::{Deserialize, Serialize};

/// What one `wx.addCard` entry is about; `code` and `openid` are empty unless the card uses
/// custom codes or is bound to one user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardExtInput {
    /// The card (template) id.
    pub card_id: String,
    /// The code to issue, for custom-code cards; empty otherwise.
    pub code: String,
    /// The only user allowed to take the card; empty for anyone.
    pub openid: String,
    /// Seconds since the epoch; must be fresh for every request.
    pub timestamp: u64,
    /// A fresh nonce; a repeated one makes the request fail.
    pub nonce_str: String,
    /// The optional fields that are sent but not signed.
    pub unsigned: CardExtUnsigned,
}

/// The `cardExt` signature: SHA-1 of the sorted, concatenated values of api_ticket, timestamp,
/// card_id, code, openid and nonce_str. Empty `code`/`openid` take part as empty strings, which
/// is the same as leaving them out.
pub fn card_ext_signature(api_ticket: &str, input: &CardExtInput) -> String {
    let timestamp = input.timestamp.to_string();
    sorted_values_signature(&[
        api_ticket,
        timestamp.as_str(),
        input.card_id.as_str(),
        input.code.as_str(),
        input.openid.as_str(),
        input.nonce_str.as_str(),
    ])
}

/// The `cardExt` object. addCard wants it as a JSON *string* ([`CardExt::to_json`]) whose
/// `timestamp` and `nonce_str` are the ones that were signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardExt {
    /// The signed code (may be empty).
    pub code: String,
    /// The signed openid (may be empty).
    pub openid: String,
    /// The signed timestamp, as a string (the documentation requires a string here).
    pub timestamp: String,
    /// The signed nonce.
    pub nonce_str: String,
    /// SHA-1 hex.
    pub signature: String,
    /// The optional fields appendix 4 leaves out of the signature.
    #[serde(flatten)]
    pub unsigned: CardExtUnsigned,
}

/// The optional `cardExt` fields of appendix 4 that take no part in the signature: sent only
/// when set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CardExtUnsigned {
    /// 领取渠道参数: the channel this claim came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outer_str: Option<String>,
    /// The claim time in the merchant's system (UTC+8 seconds), for `DATE_TYPE_FIX_TERM` cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_begintimestamp: Option<u64>,
    /// The older document's 领取场景值 (an integer), replaced by `outer_str`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outer_id: Option<u64>,
}

impl CardExt {
    /// Signs `input` with the `wx_card` api_ticket.
    pub fn sign(api_ticket: &str, input: &CardExtInput) -> Self {
        Self {
            code: input.code.clone(),
            openid: input.openid.clone(),
            timestamp: input.timestamp.to_string(),
            nonce_str: input.nonce_str.clone(),
            signature: card_ext_signature(api_ticket, input),
            unsigned: input.unsigned.clone(),
        }
    }

    /// The JSON string `wx.addCard` takes as `cardExt` (a string, not an object).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a struct of strings always serialises")
    }
}

/// The full `cardExt` JSON string for `input`, signed with the `wx_card` api_ticket.
pub fn card_ext_json(api_ticket: &str, input: &CardExtInput) -> String {
    CardExt::sign(api_ticket, input).to_json()
}

/// One entry of `wx.addCard`'s `cardList`: `{cardId, cardExt}` with `cardExt` a JSON string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddCardItem {
    /// The card id.
    pub card_id: String,
    /// The signed `cardExt`, as a JSON string.
    pub card_ext: String,
}

/// The filters of a `wx.chooseCard` call; each may be empty (no filter).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChooseCardInput {
    /// The Official Account's appId.
    pub app_id: String,
    /// `shopId` in JS, `location_id` in the signature: only cards usable at this store.
    pub location_id: String,
    /// Only cards of this type (`GROUPON`, `CASH`, …).
    pub card_type: String,
    /// Only this card.
    pub card_id: String,
    /// Seconds since the epoch.
    pub timestamp: u64,
    /// A fresh nonce.
    pub nonce_str: String,
}

/// The `cardSign` signature: SHA-1 of the sorted, concatenated values of api_ticket, app_id,
/// location_id, timestamp, nonce_str, card_id and card_type.
///
/// The documentation says absent filters do not take part. An empty value adds nothing to the
/// concatenation, so an empty filter is simply passed as an empty string; this is the same
/// signature as leaving it out, and is what WeChat's own sign tool computes.
pub fn card_sign(api_ticket: &str, input: &ChooseCardInput) -> String {
    let timestamp = input.timestamp.to_string();
    sorted_values_signature(&[
        api_ticket,
        input.app_id.as_str(),
        input.location_id.as_str(),
        timestamp.as_str(),
        input.nonce_str.as_str(),
        input.card_id.as_str(),
        input.card_type.as_str(),
    ])
}

/// The arguments of `wx.chooseCard`, ready to pass as-is (`{shopId, cardType, cardId,
/// timestamp, nonceStr, signType, cardSign}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChooseCardParams {
    /// The store filter (may be empty).
    pub shop_id: String,
    /// The card type filter (may be empty).
    pub card_type: String,
    /// The card id filter (may be empty).
    pub card_id: String,
    /// The signed timestamp.
    pub timestamp: u64,
    /// The signed nonce.
    pub nonce_str: String,
    /// Always `SHA1`, the only method chooseCard supports.
    pub sign_type: String,
    /// The signature.
    pub card_sign: String,
}

impl ChooseCardParams {
    /// Signs `input` with the `wx_card` api_ticket.
    pub fn sign(api_ticket: &str, input: &ChooseCardInput) -> Self {
        Self {
            shop_id: input.location_id.clone(),
            card_type: input.card_type.clone(),
            card_id: input.card_id.clone(),
            timestamp: input.timestamp,
            nonce_str: input.nonce_str.clone(),
            sign_type: "SHA1".to_owned(),
            card_sign: card_sign(api_ticket, input),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::{sha1_hex, sorted_concatenation};

    const OFFICIAL_TICKET: &str =
        "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    fn doc_input(code: &str, nonce: &str) -> CardExtInput {
        CardExtInput {
            card_id: "pjZ8Yt1XGILfi-FUsewpnnolGgZk".into(),
            code: code.into(),
            openid: String::new(),
            timestamp: 1404896688,
            nonce_str: nonce.into(),
            unsigned: CardExtUnsigned::default(),
        }
    }

    #[test]
    fn newer_documentation_card_ext_vector() {
        let input = doc_input("1434008071", "123");
        assert_eq!(
            sorted_concatenation(&[
                "ojZ8YtyVyr30HheH3CM73y7h4jJE",
                "1404896688",
                "pjZ8Yt1XGILfi-FUsewpnnolGgZk",
                "1434008071",
                "",
                "123"
            ]),
            "12314048966881434008071ojZ8YtyVyr30HheH3CM73y7h4jJEpjZ8Yt1XGILfi-FUsewpnnolGgZk"
        );
        assert_eq!(
            card_ext_signature("ojZ8YtyVyr30HheH3CM73y7h4jJE", &input),
            "f137ab68b7f8112d20ee528ab6074564e2796250"
        );
    }

    #[test]
    fn older_documentation_vector_is_computed_correctly_not_as_its_typo() {
        let input = doc_input("jonyqin_1434008071", "jonyqin");
        let signature = card_ext_signature("ojZ8YtyVyr30HheH3CM73y7h4jJE", &input);
        assert_eq!(signature, "2b4d29b5f60fa4be37522ddfd9583c329446d3e3");
        assert_ne!(signature, "6b81fbf6af16e856334153b39737556063c82689");
        // The documented value is the SHA-1 of the example string with a stray space in it.
        assert_eq!(
            sha1_hex("1404896688jonyqinjonyqin_1434008071ojZ8YtyVyr30HheH3CM73y7h4jJE pjZ8Yt1XGILfi-FUsewpnnolGgZk"),
            "6b81fbf6af16e856334153b39737556063c82689"
        );
    }

    #[test]
    fn wechatpy_card_ext_vectors() {
        for (code, openid, expected) in [
            ("", "", "22dce6bad4db532d4a2ef82ca2ca7bbe1e10ef28"),
            (
                "random_code",
                "",
                "2e9c6d12952246e071717d7baeab20c30420b5cd",
            ),
            (
                "",
                "random_openid",
                "ded860a5dd4467312764bd86e544ad0579cbfad0",
            ),
            (
                "random_code",
                "random_openid",
                "950dc1842852457ea573d4d6af34879c1ec093c8",
            ),
        ] {
            let input = CardExtInput {
                card_id: "random_card_id".into(),
                code: code.into(),
                openid: openid.into(),
                timestamp: 1414587457,
                nonce_str: "Wm3WZYTPz0wzccnW".into(),
                unsigned: CardExtUnsigned::default(),
            };
            assert_eq!(
                card_ext_signature(OFFICIAL_TICKET, &input),
                expected,
                "code={code:?} openid={openid:?}"
            );
        }
    }

    #[test]
    fn card_ext_is_a_json_string_with_the_documented_keys() {
        let input = doc_input("1434008071", "123");
        let json = card_ext_json("ojZ8YtyVyr30HheH3CM73y7h4jJE", &input);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "code": "1434008071",
                "openid": "",
                "timestamp": "1404896688",
                "nonce_str": "123",
                "signature": "f137ab68b7f8112d20ee528ab6074564e2796250"
            })
        );
    }

    #[test]
    fn add_card_item_is_camel_case_with_a_string_card_ext() {
        let item = AddCardItem {
            card_id: "p1".into(),
            card_ext: "{\"code\":\"\"}".into(),
        };
        assert_eq!(
            serde_json::to_value(&item).unwrap(),
            serde_json::json!({"cardId": "p1", "cardExt": "{\"code\":\"\"}"})
        );
    }

    fn choose_input() -> ChooseCardInput {
        ChooseCardInput {
            app_id: "wx1234567890abcdef".into(),
            location_id: "1234".into(),
            card_type: "GROUPON".into(),
            card_id: "p1Pj9jr90_SQRaVqYI239Ka1erk".into(),
            timestamp: 1437997723,
            nonce_str: "k0hGdSXKZEj3Min5".into(),
        }
    }

    #[test]
    fn card_sign_is_sha1_of_the_seven_sorted_values() {
        let input = choose_input();
        let expected = sha1_hex(&sorted_concatenation(&[
            "1234",
            "1437997723",
            "GROUPON",
            "api-ticket",
            "k0hGdSXKZEj3Min5",
            "p1Pj9jr90_SQRaVqYI239Ka1erk",
            "wx1234567890abcdef",
        ]));
        assert_eq!(card_sign("api-ticket", &input), expected);
    }

    #[test]
    fn card_sign_skips_empty_filters() {
        let input = ChooseCardInput {
            location_id: String::new(),
            card_type: String::new(),
            card_id: String::new(),
            ..choose_input()
        };
        let expected = sha1_hex(&sorted_concatenation(&[
            "api-ticket",
            "wx1234567890abcdef",
            "1437997723",
            "k0hGdSXKZEj3Min5",
        ]));
        assert_eq!(card_sign("api-ticket", &input), expected);
    }

    #[test]
    fn card_sign_changes_with_every_value() {
        let base = card_sign("api-ticket", &choose_input());
        let variants = [
            ChooseCardInput {
                app_id: "wx0".into(),
                ..choose_input()
            },
            ChooseCardInput {
                location_id: "1".into(),
                ..choose_input()
            },
            ChooseCardInput {
                card_type: "CASH".into(),
                ..choose_input()
            },
            ChooseCardInput {
                card_id: "p2".into(),
                ..choose_input()
            },
            ChooseCardInput {
                timestamp: 1,
                ..choose_input()
            },
            ChooseCardInput {
                nonce_str: "other".into(),
                ..choose_input()
            },
        ];
        for variant in variants {
            assert_ne!(card_sign("api-ticket", &variant), base, "{variant:?}");
        }
        assert_ne!(card_sign("other-ticket", &choose_input()), base);
    }

    #[test]
    fn choose_card_params_serialise_for_wx_choose_card() {
        let params = ChooseCardParams::sign("api-ticket", &choose_input());
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(json["shopId"], "1234");
        assert_eq!(json["cardType"], "GROUPON");
        assert_eq!(json["cardId"], "p1Pj9jr90_SQRaVqYI239Ka1erk");
        assert_eq!(json["timestamp"], 1437997723);
        assert_eq!(json["nonceStr"], "k0hGdSXKZEj3Min5");
        assert_eq!(json["signType"], "SHA1");
        assert_eq!(json["cardSign"], card_sign("api-ticket", &choose_input()));
    }
}
