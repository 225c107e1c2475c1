//! Checking the signatures a page hands to WeChat's client after `wx.config`, as the client
//! (and behind it WeChat Pay) does: `cardSign` of `wx.chooseCard`, each `cardExt` of
//! `wx.addCard` and `paySign` of `wx.chooseWXPay`. The simulator asks the server (which holds
//! the wx_card api_ticket and the sandbox merchant key) with a [`SignatureCheck`]; the answer
//! is a [`SignatureVerdict`].

use super::card::{card_sign, ChooseCardInput};
use super::pay::{pay_sign, PayRequest, PaySignType};
use super::sorted_values_signature;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// One signature to check, with the values the call really carries (the native bridge's
/// argument names, as jweixin passes them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureCheck {
    /// `wx.chooseCard`'s `cardSign` over appendix 4's seven values.
    CardSign {
        /// `app_id`: the config's appId, which jweixin adds.
        app_id: String,
        /// `location_id` (`shopId`).
        #[serde(default)]
        location_id: String,
        /// `card_type`.
        #[serde(default)]
        card_type: String,
        /// `card_id`.
        #[serde(default)]
        card_id: String,
        /// `time_stamp`, as text.
        time_stamp: String,
        /// `nonce_str`.
        #[serde(default)]
        nonce_str: String,
        /// `sign_type` (`SHA1`, the only one documented).
        #[serde(default)]
        sign_type: String,
        /// `card_sign`.
        card_sign: String,
    },
    /// One `{card_id, card_ext}` of `wx.addCard`: `card_ext` is the JSON string the page passed.
    CardExt {
        /// `card_id`.
        card_id: String,
        /// `card_ext`, unparsed.
        card_ext: String,
    },
    /// `wx.chooseWXPay`'s v2 `paySign` over appId, timeStamp, nonceStr, package and signType.
    PaySign {
        /// `appId`: the config's appId, which jweixin adds.
        #[serde(rename = "appId")]
        app_id: String,
        /// `timeStamp`, as text.
        #[serde(rename = "timeStamp")]
        time_stamp: String,
        /// `nonceStr`.
        #[serde(rename = "nonceStr")]
        nonce_str: String,
        /// `package` (`prepay_id=…`).
        package: String,
        /// `signType` (`MD5` or `HMAC-SHA256`; jweixin defaults it to `SHA1`).
        #[serde(rename = "signType")]
        sign_type: String,
        /// `paySign`.
        #[serde(rename = "paySign")]
        pay_sign: String,
    },
}

/// Why a signature was refused: a code for the page to say in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureFault {
    /// The digest does not match the values with the credential held now.
    Mismatch,
    /// A timestamp is not a number of seconds.
    BadTimestamp,
    /// `cardExt` is not a JSON object string (an object instead of a string, or broken JSON).
    CardExtNotJson,
    /// `cardExt` lacks `timestamp` or `signature`.
    CardExtIncomplete,
    /// `signType` is not one WeChat Pay v2 knows (`MD5`, `HMAC-SHA256`).
    UnknownSignType,
    /// `package` is not `prepay_id=…`.
    NotAPrepayId,
    /// The appId is not this server's.
    OtherAppId,
}

/// The answer to a [`SignatureCheck`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureVerdict {
    /// WeChat would accept it.
    pub valid: bool,
    /// Why not, when not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<SignatureFault>,
}

impl SignatureVerdict {
    const VALID: Self = Self {
        valid: true,
        fault: None,
    };

    fn refused(fault: SignatureFault) -> Self {
        Self {
            valid: false,
            fault: Some(fault),
        }
    }

    fn matching(expected: &str, given: &str) -> Self {
        if expected.eq_ignore_ascii_case(given) {
            Self::VALID
        } else {
            Self::refused(SignatureFault::Mismatch)
        }
    }
}

/// What the server holds to check with.
pub struct Credentials<'a> {
    /// The account's appId.
    pub app_id: &'a str,
    /// The wx_card api_ticket held now.
    pub card_ticket: &'a str,
    /// The (sandbox) merchant key.
    pub merchant_key: &'a Secret,
}

impl SignatureCheck {
    /// Whether the check needs the wx_card api_ticket (the pay check does not).
    pub fn needs_card_ticket(&self) -> bool {
        !matches!(self, SignatureCheck::PaySign { .. })
    }

    /// Checks the signature as WeChat does, with the values the call carries.
    pub fn verify(&self, held: &Credentials<'_>) -> SignatureVerdict {
        use SignatureFault as F;
        match self {
            SignatureCheck::CardSign {
                app_id,
                location_id,
                card_type,
                card_id,
                time_stamp,
                nonce_str,
                sign_type: _,
                card_sign: given,
            } => {
                let Ok(timestamp) = time_stamp.parse::<u64>() else {
                    return SignatureVerdict::refused(F::BadTimestamp);
                };
                let input = ChooseCardInput {
                    app_id: app_id.clone(),
                    location_id: location_id.clone(),
                    card_type: card_type.clone(),
                    card_id: card_id.clone(),
                    timestamp,
                    nonce_str: nonce_str.clone(),
                };
                SignatureVerdict::matching(&card_sign(held.card_ticket, &input), given)
            }
            SignatureCheck::CardExt { card_id, card_ext } => {
                let Ok(ext) = serde_json::from_str::<serde_json::Value>(card_ext) else {
                    return SignatureVerdict::refused(F::CardExtNotJson);
                };
                if !ext.is_object() {
                    return SignatureVerdict::refused(F::CardExtNotJson);
                }
                let text = |key: &str| match ext.get(key) {
                    Some(serde_json::Value::String(s)) => Some(s.clone()),
                    Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                };
                let (Some(timestamp), Some(signature)) = (text("timestamp"), text("signature"))
                else {
                    return SignatureVerdict::refused(F::CardExtIncomplete);
                };
                if timestamp.parse::<u64>().is_err() {
                    return SignatureVerdict::refused(F::BadTimestamp);
                }
                let expected = card_ext_values_signature(
                    held.card_ticket,
                    card_id,
                    &text("code").unwrap_or_default(),
                    &text("openid").unwrap_or_default(),
                    &timestamp,
                    &text("nonce_str").unwrap_or_default(),
                );
                SignatureVerdict::matching(&expected, &signature)
            }
            SignatureCheck::PaySign {
                app_id,
                time_stamp,
                nonce_str,
                package,
                sign_type,
                pay_sign: given,
            } => {
                let Ok(sign_type) = sign_type.parse::<PaySignType>() else {
                    return SignatureVerdict::refused(F::UnknownSignType);
                };
                if !package.starts_with("prepay_id=") {
                    return SignatureVerdict::refused(F::NotAPrepayId);
                }
                if app_id != held.app_id {
                    return SignatureVerdict::refused(F::OtherAppId);
                }
                let Ok(timestamp) = time_stamp.parse::<u64>() else {
                    return SignatureVerdict::refused(F::BadTimestamp);
                };
                let request = PayRequest {
                    app_id: app_id.clone(),
                    timestamp,
                    nonce_str: nonce_str.clone(),
                    package: package.clone(),
                    sign_type,
                };
                SignatureVerdict::matching(&pay_sign(&request, held.merchant_key), given)
            }
        }
    }
}

/// The `cardExt` signature over the values as the page wrote them (the timestamp as text).
fn card_ext_values_signature(
    ticket: &str,
    card_id: &str,
    code: &str,
    openid: &str,
    timestamp: &str,
    nonce_str: &str,
) -> String {
    sorted_values_signature(&[ticket, timestamp, card_id, code, openid, nonce_str])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::card::{CardExt, CardExtInput, CardExtUnsigned};

    const TICKET: &str = "card-ticket";

    fn held(key: &Secret) -> Credentials<'_> {
        Credentials {
            app_id: "wxapp",
            card_ticket: TICKET,
            merchant_key: key,
        }
    }

    fn ext_input(unsigned: CardExtUnsigned) -> CardExtInput {
        CardExtInput {
            card_id: "pCard".into(),
            code: "123".into(),
            openid: "oUser".into(),
            timestamp: 1_404_896_688,
            nonce_str: "n0nce".into(),
            unsigned,
        }
    }

    #[test]
    fn a_card_ext_signed_by_the_server_verifies_and_a_changed_one_does_not() {
        let key = Secret::new("k");
        let unsigned = CardExtUnsigned {
            outer_str: Some("poster".into()),
            fixed_begintimestamp: Some(1_404_900_000),
            outer_id: Some(7),
        };
        let json = CardExt::sign(TICKET, &ext_input(unsigned.clone())).to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["outer_str"], "poster");
        assert_eq!(value["fixed_begintimestamp"], 1_404_900_000);
        assert_eq!(value["outer_id"], 7);
        // The unsigned fields take no part: the signature is the one without them.
        assert_eq!(
            value["signature"],
            CardExt::sign(TICKET, &ext_input(CardExtUnsigned::default())).signature
        );
        let check = |card_id: &str, card_ext: &str| {
            SignatureCheck::CardExt {
                card_id: card_id.into(),
                card_ext: card_ext.into(),
            }
            .verify(&held(&key))
        };
        assert!(check("pCard", &json).valid);
        assert_eq!(
            check("pOther", &json).fault,
            Some(SignatureFault::Mismatch),
            "the card id the call carries is signed"
        );
        let tampered = json.replace("\"123\"", "\"124\"");
        assert_eq!(
            check("pCard", &tampered).fault,
            Some(SignatureFault::Mismatch)
        );
        assert_eq!(
            check("pCard", "{\"code\":\"\"}").fault,
            Some(SignatureFault::CardExtIncomplete)
        );
        assert_eq!(
            check("pCard", "not json").fault,
            Some(SignatureFault::CardExtNotJson)
        );
        let other_ticket = CardExt::sign("old", &ext_input(CardExtUnsigned::default())).to_json();
        assert!(!check("pCard", &other_ticket).valid);
    }

    fn card_sign_check(card_sign_value: String) -> SignatureCheck {
        SignatureCheck::CardSign {
            app_id: "wxapp".into(),
            location_id: "".into(),
            card_type: "GROUPON".into(),
            card_id: "".into(),
            time_stamp: "1437997723".into(),
            nonce_str: "k0h".into(),
            sign_type: "SHA1".into(),
            card_sign: card_sign_value,
        }
    }

    #[test]
    fn card_sign_is_checked_over_the_values_the_call_carries() {
        let key = Secret::new("k");
        let right = card_sign(
            TICKET,
            &ChooseCardInput {
                app_id: "wxapp".into(),
                card_type: "GROUPON".into(),
                timestamp: 1437997723,
                nonce_str: "k0h".into(),
                ..Default::default()
            },
        );
        assert!(card_sign_check(right.clone()).verify(&held(&key)).valid);
        assert!(
            card_sign_check(right.to_uppercase())
                .verify(&held(&key))
                .valid
        );
        assert_eq!(
            card_sign_check("abc".into()).verify(&held(&key)).fault,
            Some(SignatureFault::Mismatch)
        );
    }

    fn pay_check(sign_type: &str, pay_sign_value: String) -> SignatureCheck {
        SignatureCheck::PaySign {
            app_id: "wxapp".into(),
            time_stamp: "1414723227".into(),
            nonce_str: "n".into(),
            package: "prepay_id=wx1".into(),
            sign_type: sign_type.into(),
            pay_sign: pay_sign_value,
        }
    }

    #[test]
    fn pay_sign_is_checked_with_the_merchant_key_in_both_digests() {
        let key = Secret::new("merchant");
        for sign_type in [PaySignType::Md5, PaySignType::HmacSha256] {
            let request = PayRequest {
                app_id: "wxapp".into(),
                timestamp: 1414723227,
                nonce_str: "n".into(),
                package: "prepay_id=wx1".into(),
                sign_type,
            };
            let right = pay_sign(&request, &key);
            assert!(
                pay_check(sign_type.as_str(), right.clone())
                    .verify(&held(&key))
                    .valid
            );
            let other_key = Secret::new("other");
            assert!(
                !pay_check(sign_type.as_str(), right)
                    .verify(&held(&other_key))
                    .valid
            );
        }
        assert_eq!(
            pay_check("SHA1", "x".into()).verify(&held(&key)).fault,
            Some(SignatureFault::UnknownSignType)
        );
        let json = serde_json::json!({"kind": "pay_sign", "appId": "wxapp", "timeStamp": "1",
            "nonceStr": "n", "package": "x", "signType": "MD5", "paySign": "A"});
        let parsed: SignatureCheck = serde_json::from_value(json).unwrap();
        assert_eq!(
            parsed.verify(&held(&key)).fault,
            Some(SignatureFault::NotAPrepayId)
        );
    }
}
