//! Every signature the JS-SDK asks a server for.
//!
//! - [`jsapi`]: `wx.config` (SHA-1 over `jsapi_ticket`, `noncestr`, `timestamp`, `url`).
//! - [`card`]: `cardExt` for `wx.addCard` and `cardSign` for `wx.chooseCard` (SHA-1 over sorted
//!   values).
//! - [`pay`]: `paySign` for `wx.chooseWXPay` (WeChat Pay v2, MD5 or HMAC-SHA256).
//! - [`verify`]: checking the card and pay signatures a page passes, as WeChat's client does.
//! - [`tools`]: the same algorithms as request/response types for public "sign it yourself"
//!   endpoints.

pub mod card;
pub mod jsapi;
pub mod pay;
pub mod tools;
pub mod verify;

use sha1::{Digest, Sha1};

/// SHA-1 of `input`, as lowercase hex: the digest every JS-SDK and card signature uses.
pub fn sha1_hex(input: &str) -> String {
    hex::encode(Sha1::digest(input.as_bytes()))
}

/// The card-signature rule: sort the values as strings (byte order), concatenate them with no
/// separator. Empty values add nothing, so including or leaving them out gives the same string.
pub fn sorted_concatenation<S: AsRef<str>>(values: &[S]) -> String {
    let mut sorted: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
    sorted.sort_unstable();
    sorted.concat()
}

/// SHA-1 hex of [`sorted_concatenation`]: the `cardExt` / `cardSign` signature of any values.
pub fn sorted_values_signature<S: AsRef<str>>(values: &[S]) -> String {
    sha1_hex(&sorted_concatenation(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_of_abc_is_the_fips_vector() {
        assert_eq!(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    #[test]
    fn values_are_sorted_before_joining() {
        // wechatpy tests/test_utils.py::test_wechat_card_signer
        assert_eq!(sorted_concatenation(&["789", "456", "123"]), "123456789");
        assert_eq!(
            sorted_values_signature(&["789", "456", "123"]),
            "f7c3bc1d808e04732adf679965ccc34ca7ae3441"
        );
    }

    #[test]
    fn sorting_is_by_string_not_by_number() {
        assert_eq!(sorted_concatenation(&["9", "10", "100"]), "101009");
    }

    #[test]
    fn empty_values_change_nothing() {
        assert_eq!(
            sorted_values_signature(&["b", "", "a", ""]),
            sorted_values_signature(&["a", "b"])
        );
    }
}
