//! The limits on what a page or a phone sends, written once: the server functions check them
//! before anything else, the credential service checks them again as a library must, and the
//! pages can show them. Every refusal names the field and says what to fix.

use crate::page_url::MAX_URL_BYTES;
use std::fmt;

/// A text field of the HTTP API, with the rules it must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// A card id (`wx.addCard`, `wx.chooseCard`).
    CardId,
    /// A card code (`wx.addCard`).
    Code,
    /// The openid a card is bound to (`wx.addCard`).
    Openid,
    /// The shop filter of `wx.chooseCard` (`shopId` in the SDK, `location_id` in the API).
    LocationId,
    /// The card type filter of `wx.chooseCard`.
    CardType,
    /// The `encrypt_code` `wx.chooseCard` returned.
    EncryptCode,
    /// The errMsg a page reports.
    ErrMsg,
    /// A user agent a page reports.
    UserAgent,
    /// The URL a page asks to sign, or signed.
    Url,
    /// The URL a page reports it had signed.
    SignedUrl,
    /// The page's own `location.href`, as a page reports it.
    Href,
    /// The page's own `location.href`, as typed into the doctor.
    PageUrl,
    /// The nonce of a signature.
    NonceStr,
    /// A signature (SHA-1 hex).
    Signature,
    /// A jsapi_ticket typed into the doctor.
    JsapiTicket,
    /// An appId.
    AppId,
    /// `outer_str` of a `cardExt` (appendix 4's claim channel).
    OuterStr,
    /// A `cardExt` JSON string, as a page passes it to `wx.addCard`.
    CardExt,
    /// `package` of `wx.chooseWXPay` (`prepay_id=…`).
    Package,
    /// A timestamp as a page passes it (seconds, as text).
    Timestamp,
    /// A signature's `signType` (`SHA1`, `MD5`, `HMAC-SHA256`).
    SignType,
    /// The `realAuthUrl` a client's `invalid signature` names (the URL it verified).
    RealAuthUrl,
    /// A `wx.config({...})` pasted into the doctor's linter.
    WxConfig,
    /// Page code pasted beside it (the calls it makes, the SDK's `<script>`).
    PageCode,
    /// JS safe domains typed into the linter, comma-separated.
    SafeDomainList,
    /// A call's arguments as JSON, to write its code in a stack.
    CallArgs,
}

impl Field {
    /// The name the API uses for it, as an error shows it.
    pub fn name(self) -> &'static str {
        match self {
            Field::CardId => "card_id",
            Field::Code => "code",
            Field::Openid => "openid",
            Field::LocationId => "location_id",
            Field::CardType => "card_type",
            Field::EncryptCode => "encrypt_code",
            Field::ErrMsg => "err_msg",
            Field::UserAgent => "user_agent",
            Field::Url => "url",
            Field::SignedUrl => "signed_url",
            Field::Href => "href",
            Field::PageUrl => "page_url",
            Field::NonceStr => "noncestr",
            Field::Signature => "signature",
            Field::JsapiTicket => "jsapi_ticket",
            Field::AppId => "app_id",
            Field::OuterStr => "outer_str",
            Field::CardExt => "card_ext",
            Field::Package => "package",
            Field::Timestamp => "timestamp",
            Field::SignType => "sign_type",
            Field::RealAuthUrl => "real_auth_url",
            Field::WxConfig => "config",
            Field::PageCode => "code",
            Field::SafeDomainList => "safe_domains",
            Field::CallArgs => "args",
        }
    }

    /// The longest value accepted, in bytes.
    pub const fn max_bytes(self) -> usize {
        match self {
            // WeChat's card ids are 28 characters and codes at most 20; 128 leaves room.
            Field::CardId | Field::Code | Field::Openid | Field::LocationId | Field::CardType => {
                128
            }
            // Base64 of an AES block or two; 1 KiB is generous.
            Field::EncryptCode => 1024,
            Field::ErrMsg | Field::UserAgent => 1024,
            Field::Url | Field::SignedUrl | Field::Href | Field::PageUrl | Field::RealAuthUrl => {
                MAX_URL_BYTES
            }
            // Appendix 4 gives outer_str no limit; 128 is generous for a channel tag.
            Field::OuterStr | Field::Package => 128,
            // Six signed values, three optional ones and their keys.
            Field::CardExt => 2048,
            Field::Timestamp | Field::SignType => 20,
            Field::NonceStr | Field::Signature | Field::AppId => 64,
            // jsapi_tickets are 86 characters.
            Field::JsapiTicket => 256,
            // The documents' wx.config is 400 bytes with its comments; a page's script is
            // rarely over 30 KB, and the linter reads only its calls.
            Field::WxConfig => 8 * 1024,
            Field::PageCode => 64 * 1024,
            Field::SafeDomainList => 1024,
            // The largest editor form (addCard's cardList with signed cardExts) is under 4 KiB.
            Field::CallArgs => 16 * 1024,
        }
    }

    /// Whether the value is pasted source text, where line breaks and tabs belong.
    fn is_text_block(self) -> bool {
        matches!(self, Field::WxConfig | Field::PageCode | Field::CallArgs)
    }

    /// Whether whitespace is refused inside the value (it never belongs there, and in an
    /// `encrypt_code` it means a `+` was decoded into a space).
    fn refuses_whitespace(self) -> bool {
        matches!(self, Field::EncryptCode)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The field is required and was empty.
    Missing,
    /// Longer than [`Field::max_bytes`].
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A control character (newline, NUL, …).
    ControlCharacter,
    /// Whitespace where none belongs.
    Whitespace,
    /// Not the shape of an appId.
    NotAnAppId,
}

/// A value refused by [`check`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} {}", self.describe())]
pub struct InputError {
    /// The field at fault.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

impl InputError {
    fn describe(&self) -> String {
        match &self.problem {
            Problem::Missing => "is required".to_owned(),
            Problem::TooLong { len, max } => {
                format!("is {len} bytes long; at most {max} are accepted")
            }
            Problem::ControlCharacter => "contains control characters".to_owned(),
            Problem::Whitespace if self.field == Field::EncryptCode => "contains whitespace; a '+' of the code may have been turned into a space, so encode it with encodeURIComponent".to_owned(),
            Problem::Whitespace => "contains whitespace".to_owned(),
            Problem::NotAnAppId => {
                "is not an appId: `wx` followed by 16 letters or digits".to_owned()
            }
        }
    }
}

/// Whether the field may be left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Empty is refused.
    Required,
    /// Empty is accepted.
    Optional,
}

/// Checks `value` against the rules of `field`, and hands it back.
pub fn check(field: Field, value: &str, presence: Presence) -> Result<&str, InputError> {
    let refuse = |problem| Err(InputError { field, problem });
    if value.is_empty() {
        return match presence {
            Presence::Required => refuse(Problem::Missing),
            Presence::Optional => Ok(value),
        };
    }
    let max = field.max_bytes();
    if value.len() > max {
        return refuse(Problem::TooLong {
            len: value.len(),
            max,
        });
    }
    let allowed = |c: char| field.is_text_block() && matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return refuse(Problem::ControlCharacter);
    }
    if field.refuses_whitespace() && value.chars().any(char::is_whitespace) {
        return refuse(Problem::Whitespace);
    }
    Ok(value)
}

/// An Official Account's appId, checked: `wx` and 16 ASCII letters or digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AppId(String);

impl AppId {
    /// The appId if `id` has its shape.
    pub fn parse(id: &str) -> Result<AppId, InputError> {
        let well_formed = id.len() == 18
            && id.starts_with("wx")
            && id[2..].bytes().all(|b| b.is_ascii_alphanumeric());
        if well_formed {
            Ok(AppId(id.to_owned()))
        } else {
            Err(InputError {
                field: Field::AppId,
                problem: Problem::NotAnAppId,
            })
        }
    }

    /// The appId.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Presence::*;

    #[test]
    fn required_fields_must_not_be_empty() {
        let error = check(Field::CardId, "", Required).unwrap_err();
        assert_eq!(error.problem, Problem::Missing);
        assert_eq!(error.to_string(), "card_id is required");
        assert_eq!(check(Field::Code, "", Optional), Ok(""));
    }

    #[test]
    fn each_field_has_one_limit() {
        for (field, max) in [
            (Field::CardId, 128),
            (Field::LocationId, 128),
            (Field::EncryptCode, 1024),
            (Field::ErrMsg, 1024),
            (Field::Url, MAX_URL_BYTES),
            (Field::Signature, 64),
        ] {
            assert!(check(field, &"a".repeat(max), Required).is_ok(), "{field}");
            let error = check(field, &"a".repeat(max + 1), Required).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!(
                    "{field} is {} bytes long; at most {max} are accepted",
                    max + 1
                )
            );
        }
    }

    #[test]
    fn the_encrypt_code_limit_is_reachable() {
        // It used to sit behind a 256-byte check of the app's, so 1024 was never reached.
        assert!(check(Field::EncryptCode, &"A".repeat(700), Required).is_ok());
    }

    #[test]
    fn app_ids_are_wx_and_sixteen_letters_or_digits() {
        assert_eq!(
            AppId::parse("wx1234567890abcdef").map(|id| id.as_str().to_owned()),
            Ok("wx1234567890abcdef".to_owned())
        );
        for bad in [
            "",
            "1234",
            "wx1234567890abcde",
            "xw1234567890abcdef",
            "wx1234567890abcde-",
            "wx1234567890abcdef0",
        ] {
            let error = AppId::parse(bad).unwrap_err();
            assert_eq!(error.problem, Problem::NotAnAppId, "{bad}");
        }
    }

    #[test]
    fn control_characters_and_misplaced_whitespace_are_refused() {
        let control = check(Field::ErrMsg, "config:fail\n", Required).unwrap_err();
        assert_eq!(control.problem, Problem::ControlCharacter);
        assert!(check(Field::ErrMsg, "config:invalid signature", Required).is_ok());
        let space = check(Field::EncryptCode, "ab c", Required).unwrap_err();
        assert_eq!(space.problem, Problem::Whitespace);
        assert!(space.to_string().contains("encodeURIComponent"), "{space}");
    }

    #[test]
    fn pasted_source_keeps_its_lines_but_no_other_control_character() {
        assert!(check(
            Field::WxConfig,
            "wx.config({\r\n\tdebug: true\n})",
            Required
        )
        .is_ok());
        let nul = check(Field::PageCode, "wx.scanQRCode()\u{0}", Required).unwrap_err();
        assert_eq!(nul.problem, Problem::ControlCharacter);
        assert!(check(Field::Url, "https://a.example/\n", Required).is_err());
    }
}
