//! Names for the WeChat API calls, shared by the client's counters, its errors and the fake.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One WeChat API call this crate makes. Tickets are split by type because they are cached,
/// counted and faulted separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    /// `GET /cgi-bin/token`.
    Token,
    /// `POST /cgi-bin/stable_token`.
    StableToken,
    /// `GET /cgi-bin/ticket/getticket?type=jsapi`.
    JsapiTicket,
    /// `GET /cgi-bin/ticket/getticket?type=wx_card`.
    WxCardTicket,
    /// `POST /card/code/decrypt`.
    DecryptCode,
}

impl Endpoint {
    /// Every endpoint, for tables and counters.
    pub const ALL: [Endpoint; 5] = [
        Self::Token,
        Self::StableToken,
        Self::JsapiTicket,
        Self::WxCardTicket,
        Self::DecryptCode,
    ];

    /// The snake_case name used in counters, JSON and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::StableToken => "stable_token",
            Self::JsapiTicket => "jsapi_ticket",
            Self::WxCardTicket => "wx_card_ticket",
            Self::DecryptCode => "decrypt_code",
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The two tickets the JS-SDK needs: `jsapi` signs `wx.config`, `wx_card` signs card calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    /// The jsapi_ticket, for `wx.config`.
    Jsapi,
    /// The cards api_ticket, for `cardExt` and `cardSign`.
    WxCard,
}

impl TicketKind {
    /// The `type` argument of getticket.
    pub fn type_param(self) -> &'static str {
        match self {
            Self::Jsapi => "jsapi",
            Self::WxCard => "wx_card",
        }
    }

    /// The endpoint that fetches this ticket.
    pub fn endpoint(self) -> Endpoint {
        match self {
            Self::Jsapi => Endpoint::JsapiTicket,
            Self::WxCard => Endpoint::WxCardTicket,
        }
    }
}

impl fmt::Display for TicketKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.type_param())
    }
}
