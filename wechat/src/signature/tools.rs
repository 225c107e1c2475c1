//! The signing algorithms as JSON-in/JSON-out functions, for public "check my signature"
//! endpoints. They take every input from the caller (their own ticket, nonce, timestamp) and
//! touch no credential of this server.

use super::jsapi::jsapi_string1;
use super::{sha1_hex, sorted_concatenation};
use serde::{Deserialize, Serialize};

/// Most values one sorted-values request may carry (the card signatures use seven).
pub const MAX_VALUES: usize = 32;

/// Input of [`sign_sorted_values`]: `{"values": [..]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortedValuesRequest {
    /// The values to sort and join (card signatures: the tickets, ids, timestamp, nonce).
    pub values: Vec<String>,
}

/// Output of [`sign_sorted_values`]: the joined string, to compare by eye, and its SHA-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortedValuesSignature {
    /// The values sorted as strings and concatenated.
    pub joined: String,
    /// SHA-1 hex of `joined`.
    pub signature: String,
}

/// Why a tool request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ToolError {
    /// More values than [`MAX_VALUES`].
    #[error("{count} values were sent; at most {MAX_VALUES} are accepted")]
    TooManyValues {
        /// How many were sent.
        count: usize,
    },
}

/// The card-signature rule on arbitrary values: sort, concatenate, SHA-1.
pub fn sign_sorted_values(
    request: &SortedValuesRequest,
) -> Result<SortedValuesSignature, ToolError> {
    if request.values.len() > MAX_VALUES {
        return Err(ToolError::TooManyValues {
            count: request.values.len(),
        });
    }
    let joined = sorted_concatenation(&request.values);
    let signature = sha1_hex(&joined);
    Ok(SortedValuesSignature { joined, signature })
}

/// Input of [`sign_jsapi_string1`], with the documentation's own key names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsapiString1Request {
    /// The caller's jsapi_ticket.
    pub jsapi_ticket: String,
    /// The nonce (`noncestr`, all lower case, as in string1).
    pub noncestr: String,
    /// Seconds since the epoch.
    pub timestamp: u64,
    /// The page URL, signed exactly as given.
    pub url: String,
}

/// Output of [`sign_jsapi_string1`]: string1 and its SHA-1, so a user can see which byte differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsapiString1Signature {
    /// `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`.
    pub string1: String,
    /// SHA-1 hex of string1.
    pub signature: String,
}

/// The `wx.config` algorithm step by step, like WeChat's online sign checker.
pub fn sign_jsapi_string1(request: &JsapiString1Request) -> JsapiString1Signature {
    let string1 = jsapi_string1(
        &request.jsapi_ticket,
        &request.noncestr,
        request.timestamp,
        &request.url,
    );
    let signature = sha1_hex(&string1);
    JsapiString1Signature { string1, signature }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_values_tool_returns_joined_and_signature() {
        let request: SortedValuesRequest =
            serde_json::from_str(r#"{"values":["789","456","123"]}"#).unwrap();
        let answer = sign_sorted_values(&request).unwrap();
        assert_eq!(
            serde_json::to_value(answer).unwrap(),
            serde_json::json!({"joined": "123456789", "signature": "f7c3bc1d808e04732adf679965ccc34ca7ae3441"})
        );
    }

    #[test]
    fn sorted_values_tool_bounds_its_input() {
        let request = SortedValuesRequest {
            values: vec!["x".into(); MAX_VALUES + 1],
        };
        assert_eq!(
            sign_sorted_values(&request),
            Err(ToolError::TooManyValues {
                count: MAX_VALUES + 1
            })
        );
    }

    #[test]
    fn jsapi_tool_reproduces_the_official_example() {
        let request: JsapiString1Request = serde_json::from_value(serde_json::json!({
            "jsapi_ticket": "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
            "noncestr": "Wm3WZYTPz0wzccnW",
            "timestamp": 1414587457,
            "url": "http://mp.weixin.qq.com?params=value"
        }))
        .unwrap();
        let answer = sign_jsapi_string1(&request);
        assert!(answer.string1.starts_with("jsapi_ticket=sM4AOV"));
        assert!(answer
            .string1
            .ends_with("&url=http://mp.weixin.qq.com?params=value"));
        assert_eq!(answer.signature, "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
    }
}
