//! `paySign` for `wx.chooseWXPay` with WeChat Pay API v2 (the JS-SDK documentation's version).
//!
//! Parameters sorted by name (ASCII), empty values skipped, `k=v` joined with `&`, then
//! `&key=<merchant key>` appended; MD5 or HMAC-SHA256 (keyed with the merchant key), upper-case hex.

use crate::secret::Secret;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// The two digests WeChat Pay v2 accepts for `paySign`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaySignType {
    /// `MD5`, the default of API v2.
    #[serde(rename = "MD5")]
    Md5,
    /// `HMAC-SHA256`.
    #[serde(rename = "HMAC-SHA256")]
    HmacSha256,
}

/// A `signType` WeChat Pay v2 does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("sign_type {0:?} is not supported: use MD5 or HMAC-SHA256")]
pub struct UnknownSignType(pub String);

impl std::str::FromStr for PaySignType {
    type Err = UnknownSignType;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        [Self::Md5, Self::HmacSha256]
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| UnknownSignType(name.chars().take(32).collect()))
    }
}

impl PaySignType {
    /// The `signType` value, as WeChat spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::HmacSha256 => "HMAC-SHA256",
        }
    }
}

/// The v2 signature of any parameter set (the same rule signs unified orders and callbacks).
pub fn pay_v2_signature(
    params: &[(&str, &str)],
    merchant_key: &Secret,
    sign_type: PaySignType,
) -> String {
    let mut sorted: Vec<&(&str, &str)> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .collect();
    sorted.sort_unstable_by_key(|(name, _)| *name);
    let mut string = String::new();
    for (name, value) in sorted {
        string.push_str(name);
        string.push('=');
        string.push_str(value);
        string.push('&');
    }
    string.push_str("key=");
    string.push_str(merchant_key.expose());
    match sign_type {
        PaySignType::Md5 => hex::encode_upper(Md5::digest(string.as_bytes())),
        PaySignType::HmacSha256 => {
            let mut mac = Hmac::<Sha256>::new_from_slice(merchant_key.expose().as_bytes())
                .expect("HMAC takes keys of any length");
            mac.update(string.as_bytes());
            hex::encode_upper(mac.finalize().into_bytes())
        }
    }
}

/// What `wx.chooseWXPay` needs signed: the order's `package` (`prepay_id=…`) from the unified
/// order, and a fresh timestamp and nonce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayRequest {
    /// The appId the order was placed for.
    pub app_id: String,
    /// Seconds since the epoch.
    pub timestamp: u64,
    /// A fresh nonce.
    pub nonce_str: String,
    /// `prepay_id=…`.
    pub package: String,
    /// Digest to use.
    pub sign_type: PaySignType,
}

/// `paySign` over appId, timeStamp (capital S in the signature), nonceStr, package, signType.
pub fn pay_sign(request: &PayRequest, merchant_key: &Secret) -> String {
    let timestamp = request.timestamp.to_string();
    pay_v2_signature(
        &[
            ("appId", request.app_id.as_str()),
            ("timeStamp", timestamp.as_str()),
            ("nonceStr", request.nonce_str.as_str()),
            ("package", request.package.as_str()),
            ("signType", request.sign_type.as_str()),
        ],
        merchant_key,
        request.sign_type,
    )
}

/// The arguments of `wx.chooseWXPay`, ready to pass as-is. Note `timestamp` is lower-case in
/// the JS-SDK although the signature spells it `timeStamp`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChooseWxPayParams {
    /// The signed timestamp.
    pub timestamp: u64,
    /// The signed nonce.
    pub nonce_str: String,
    /// The signed package.
    pub package: String,
    /// `MD5` or `HMAC-SHA256`.
    pub sign_type: PaySignType,
    /// The signature.
    pub pay_sign: String,
}

impl ChooseWxPayParams {
    /// Signs `request` with the merchant key.
    pub fn sign(request: &PayRequest, merchant_key: &Secret) -> Self {
        Self {
            timestamp: request.timestamp,
            nonce_str: request.nonce_str.clone(),
            package: request.package.clone(),
            sign_type: request.sign_type,
            pay_sign: pay_sign(request, merchant_key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_types_parse_by_their_wechat_names_only() {
        assert_eq!("MD5".parse(), Ok(PaySignType::Md5));
        assert_eq!("HMAC-SHA256".parse(), Ok(PaySignType::HmacSha256));
        let error = "md5".parse::<PaySignType>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "sign_type \"md5\" is not supported: use MD5 or HMAC-SHA256"
        );
    }

    /// The example of WeChat Pay's "security specification" page (API v2).
    fn official_params() -> Vec<(&'static str, &'static str)> {
        vec![
            ("appid", "wxd930ea5d5a258f4f"),
            ("mch_id", "10000100"),
            ("device_info", "1000"),
            ("body", "test"),
            ("nonce_str", "ibuaiVcKdpRxkhJA"),
        ]
    }

    fn official_key() -> Secret {
        Secret::new("192006250b4c09247ec02edce69f6a2d")
    }

    #[test]
    fn wechat_pay_documentation_md5_vector() {
        assert_eq!(
            pay_v2_signature(&official_params(), &official_key(), PaySignType::Md5),
            "9A0A8659F005D6984697E2CA0A9CF3B7"
        );
    }

    #[test]
    fn wechat_pay_documentation_hmac_sha256_vector() {
        assert_eq!(
            pay_v2_signature(&official_params(), &official_key(), PaySignType::HmacSha256),
            "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"
        );
    }

    #[test]
    fn empty_values_are_skipped() {
        let mut with_empty = official_params();
        with_empty.push(("attach", ""));
        assert_eq!(
            pay_v2_signature(&with_empty, &official_key(), PaySignType::Md5),
            pay_v2_signature(&official_params(), &official_key(), PaySignType::Md5)
        );
    }

    #[test]
    fn pay_sign_covers_the_five_js_parameters() {
        let request = PayRequest {
            app_id: "wxd930ea5d5a258f4f".into(),
            timestamp: 1414723227,
            nonce_str: "noncestr".into(),
            package: "prepay_id=wx201410272009395522657a690389285100".into(),
            sign_type: PaySignType::Md5,
        };
        let key = official_key();
        let expected = hex::encode_upper(Md5::digest(
            "appId=wxd930ea5d5a258f4f&nonceStr=noncestr&package=prepay_id=wx201410272009395522657a690389285100&signType=MD5&timeStamp=1414723227&key=192006250b4c09247ec02edce69f6a2d",
        ));
        assert_eq!(pay_sign(&request, &key), expected);

        let params = ChooseWxPayParams::sign(&request, &key);
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(json["timestamp"], 1414723227);
        assert_eq!(json["signType"], "MD5");
        assert_eq!(json["paySign"], expected.as_str());
        assert!(!serde_json::to_string(&params)
            .unwrap()
            .contains(key.expose()));
    }

    #[test]
    fn hmac_and_md5_differ_and_both_are_upper_hex() {
        let md5 = pay_v2_signature(&official_params(), &official_key(), PaySignType::Md5);
        let hmac = pay_v2_signature(&official_params(), &official_key(), PaySignType::HmacSha256);
        assert_eq!((md5.len(), hmac.len()), (32, 64));
        for sign in [md5, hmac] {
            assert!(
                sign.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()),
                "{sign}"
            );
        }
    }
}
