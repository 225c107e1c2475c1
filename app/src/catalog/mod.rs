//! The catalog: every interface category and every JS-SDK API of both documentation
//! versions, as data. Pages, code snippets, the simulator and the QA checklist are all
//! views of it; adding an API is one entry in [`APIS`].
//!
//! Sources: the newer markdown JS-SDK document (it wins where the two differ) and the
//! older wiki page with its appendices; captions, sample data and messages are the
//! official demo's (V3/V4), byte for byte.

mod apis;
mod bridge;
mod categories;
mod errors;
mod menu_items;
mod params;
pub mod profiles;
#[cfg(feature = "ssr")]
pub mod simulator_view;

pub use apis::{APIS, DEFAULT_SHARE, DEMO_CARD_ID};
pub use bridge::{bridge_name, Refusal, BRIDGE_NAMES};
pub use categories::CATEGORIES;
pub use errors::{
    error_for_err_msg, error_for_finding, errors_about, item_anchor, item_href, ERRORS,
};
pub use menu_items::MENU_ITEMS;
pub use params::{items_of, parse, split_items, Fill, Invalid, ParamType};

pub use crate::demo::state::StateKey;
use serde::{Deserialize, Serialize};

/// A bilingual string: Chinese is the default UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// Builds a [`Text`] in a `const` context.
pub const fn t(zh: &'static str, en: &'static str) -> Text {
    Text { zh, en }
}

/// Catalog data only server-rendered HTML shows (the APIs' documentation, the categories'
/// titles and introductions): the browser build keeps none of it, so the wasm does not
/// carry text no island displays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerOnly<T: Copy> {
    #[cfg(not(feature = "browser"))]
    value: T,
    #[cfg(feature = "browser")]
    value: std::marker::PhantomData<T>,
}

/// Wraps server-only catalog data in a `const` context.
pub const fn server_only<T: Copy>(value: T) -> ServerOnly<T> {
    #[cfg(not(feature = "browser"))]
    {
        ServerOnly { value }
    }
    #[cfg(feature = "browser")]
    {
        let _ = value;
        ServerOnly {
            value: std::marker::PhantomData,
        }
    }
}

impl<T: Copy + Default> ServerOnly<T> {
    /// The data on the server; empty in the browser build, where no island shows it.
    pub fn get(&self) -> T {
        #[cfg(not(feature = "browser"))]
        {
            self.value
        }
        #[cfg(feature = "browser")]
        {
            T::default()
        }
    }
}

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Which version of the documentation lists an API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocVersion {
    Both,
    /// Only the newer markdown document (JS-SDK 1.4.0+ / 1.6.0).
    NewerOnly,
    /// Only the older wiki document.
    OlderOnly,
    /// The older document; the newer one only links to the WeChat Pay documentation
    /// (and leaves it out of appendix 2).
    NewerLinksToPay,
}

/// A call that answers once, or a listener whose callbacks fire later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Call,
    /// Registers callbacks that fire on a later event (share from the menu, end of playback…).
    Listener,
}

/// What running an API asks of a tester: decides QA's "run all safe ones".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// No user action, nothing irreversible.
    Safe,
    /// The tester must do something (pick, speak, scan, allow, close an overlay).
    NeedsUser,
    /// Closes the page, pays, or adds to the wallet: never run automatically.
    Irreversible,
}

/// One documented parameter: the browser build keeps its name, type and who fills it,
/// which the call editor and the call itself need; its documentation stays on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub ty: ParamType,
    pub required: bool,
    pub fill: Fill,
    /// The default the documents give, when they give one (`9`, `wgs84`).
    pub default: ServerOnly<&'static str>,
    pub doc: ServerOnly<Text>,
}

impl Param {
    /// The same parameter, filled by `fill` rather than the user.
    pub const fn by(self, fill: Fill) -> Param {
        Param { fill, ..self }
    }

    /// The same parameter, with the documented default.
    pub const fn or(self, default: &'static str) -> Param {
        Param {
            default: server_only(default),
            ..self
        }
    }
}

/// One field of a success result, with the documentation's comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResultField {
    pub name: &'static str,
    pub ty: &'static str,
    pub doc: Text,
}

/// An ordering rule: the demo state key `requires` must be filled first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guard {
    /// What must be remembered first.
    pub requires: StateKey,
    /// The official demo's message when it is not (zh exact).
    pub message: Text,
}

/// When the official demo says something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Right after a listener was registered.
    Registered,
    Trigger,
    Success,
    Cancel,
    Fail,
    Complete,
    /// A complete whose result lacks this field (translateVoice's `无法识别`); it replaces
    /// the plain [`Event::Complete`] message then.
    CompleteWithout(&'static str),
    /// After each success of a one-by-one chain (uploadImage, downloadImage); `{}` is `i/n`.
    Progress,
}

/// A message of the official demo; `{}` stands for the value it showed
/// (a count, an id, `JSON.stringify(res)`…), see `demo::messages::shown_value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub event: Event,
    pub text: Text,
}

/// One JS-SDK interface, as a button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Api {
    /// The button id: the API name, or `scanQRCode0`/`scanQRCode1`.
    pub id: &'static str,
    /// The `wx.*` function called.
    pub function: &'static str,
    /// The category slug.
    pub category: &'static str,
    /// The official demo's caption (zh) and its English gloss.
    pub caption: Text,
    /// The button label.
    pub label: Text,
    /// What it does, from the docs.
    pub summary: ServerOnly<Text>,
    pub since: DocVersion,
    /// Marked "to be deprecated" by the newer document.
    pub deprecated: bool,
    pub kind: Kind,
    pub safety: Safety,
    pub params: &'static [Param],
    /// Fields of the success result.
    pub returns: ServerOnly<&'static [ResultField]>,
    /// The official demo's arguments, as JSON text (`{}` when none).
    pub sample: &'static str,
    pub guard: Option<Guard>,
    /// State keys a success fills.
    pub sets: &'static [StateKey],
    pub messages: &'static [Message],
    /// What a QA tester must do for it.
    pub tester_hint: Text,
    /// On the official demo page (its 35 buttons).
    pub classic: bool,
}

/// The official demo page's section for a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassicSection {
    /// The `h3` id the index links to (`menu-basic`).
    pub anchor: &'static str,
    /// The index link text.
    pub index_text: &'static str,
    /// The `h3` text.
    pub heading: &'static str,
}

/// An interface category: one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    /// The route (`/images`).
    pub slug: &'static str,
    pub title: ServerOnly<Text>,
    pub intro: ServerOnly<Text>,
    /// `None` for categories the official demo did not have.
    pub classic: Option<ClassicSection>,
}

/// Classes of the top-right menu's items (appendix 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum MenuClass {
    /// Cannot be hidden.
    Basic,
    Propagation,
    Protection,
}

/// A top-right menu item (appendix 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MenuItem {
    pub id: &'static str,
    pub name: Text,
    pub class: MenuClass,
    /// The glyph the simulator's menu sheet draws for it.
    pub icon: &'static str,
    /// When WeChat offers it at all.
    pub shown_when: MenuContext,
    /// The share it starts, for the propagation items that share.
    pub share: Option<ShareTarget>,
}

/// When WeChat offers a menu item: most always, some only in a context an ordinary page
/// opened from a link does not have (the simulator models that page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MenuContext {
    Always,
    /// The reader does not follow the account.
    NotFollowing,
    /// A special account's page.
    SpecialAccount,
    /// A page opened from the reader's favourites.
    Favorites,
    /// Reading mode is on.
    ReadMode,
    /// WeChat's overseas client.
    OverseasClient,
    /// QQ Browser is installed.
    QqBrowserInstalled,
    /// Night mode is on (the item turns it off).
    NightModeOn,
    /// Night mode is off (the item turns it on).
    NightModeOff,
}

/// What a share item of the menu does: the listener it fires and the content it shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ShareTarget {
    /// The `wx.onMenuShare*` listener it triggers.
    pub listener: &'static str,
    /// The content `wx.update*ShareData` set for it, when no listener is registered.
    pub content: ShareSlot,
    /// The `scene` the appmessage event carries (`friend`, `favorite`).
    pub scene: Option<&'static str>,
}

/// The two kinds of share content (`updateAppMessageShareData`, `updateTimelineShareData`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ShareSlot {
    AppMessage,
    Timeline,
}

/// A function's side of the native bridge (see [`BRIDGE_NAMES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BridgeName {
    /// The `wx.*` function (or `config`).
    pub function: &'static str,
    /// The name jweixin invokes (or listens to) on `WeixinJSBridge`.
    pub native: &'static str,
    /// For a listener, the native event it waits for.
    pub event: Option<&'static str>,
    /// For a share listener, the native share it invokes once triggered.
    pub invoke: Option<&'static str>,
    /// The client's `err_msg` prefix where it is not the native name.
    pub answer_prefix: Option<&'static str>,
    /// The client's word for success where it is not `ok`.
    pub ok_word: Option<&'static str>,
    /// False for the functions a verified config allows whatever its `jsApiList` says.
    pub needs_permission: bool,
}

/// An item of appendix 5 (common errors and their fixes): what the developer meets, why,
/// and what to do. The texts are server HTML only; the browser keeps the number and how the
/// item is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorHelp {
    /// The item's number in the document (1 to 24).
    pub number: u8,
    /// How a page tells that this item applies.
    pub recognised: Recognised,
    /// What the developer meets, when it is not an errMsg (the errMsg is shown as it is).
    pub symptom: ServerOnly<Option<Text>>,
    pub cause: ServerOnly<Text>,
    /// The steps of the fix, in the document's order.
    pub fix: ServerOnly<&'static [Text]>,
}

impl ErrorHelp {
    /// The errMsg text this item explains, if it is one.
    pub fn err_msg(&self) -> Option<&'static str> {
        self.clues().iter().find_map(|clue| match clue {
            Clue::ErrMsg(pattern) => Some(*pattern),
            _ => None,
        })
    }

    /// What points at this item (none when it is not recognised automatically).
    pub fn clues(&self) -> &'static [Clue] {
        match self.recognised {
            Recognised::By(clues) => clues,
            Recognised::NotAutomatic => &[],
        }
    }
}

/// How an appendix 5 item is recognised on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognised {
    /// By any of these clues (never empty).
    By(&'static [Clue]),
    /// Not recognised automatically: a client version's behaviour, the account's setup or
    /// a question; the item is only listed with the others on the doctor page.
    NotAutomatic,
}

/// Something on a page that points at an appendix 5 item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clue {
    /// An errMsg (of `wx.error` or of a call) contains this text: the `wx.error` help and the
    /// result log name the item.
    ErrMsg(&'static str),
    /// A URL finding (a lint of the core or the doctor's own check) that explains it: the
    /// doctor and the `wx.error` help link the finding to the item.
    Finding(crate::api::doctor::FindingCode),
    /// It concerns this API: its category page lists the item.
    Api(&'static str),
    /// It concerns the APIs of this category: the category page lists it.
    Category(&'static str),
    /// It concerns this top-right menu item (appendix 3): the menu page lists it.
    MenuItem(&'static str),
}

/// The category whose page lists appendix 3 (the menu items `hideMenuItems` takes).
pub const MENU_PAGE: &str = "menu";

/// Share content registered at ready, as the official demo did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareData {
    pub title: &'static str,
    pub desc: &'static str,
    pub link: &'static str,
    pub img_url: &'static str,
}

/// The category with this slug.
pub fn category(slug: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.slug == slug)
}

/// The API with this button id.
pub fn api(id: &str) -> Option<&'static Api> {
    APIS.iter().find(|a| a.id == id)
}

/// The APIs of a category, in page order.
pub fn apis_in(slug: &str) -> impl Iterator<Item = &'static Api> + use<'_> {
    APIS.iter().filter(move |a| a.category == slug)
}

/// Functions every page puts in `jsApiList`: the default share content is set at ready
/// on every page, through the newer document's `update*ShareData` (called "before the user
/// may tap share"); the deprecated `onMenuShare*` run only from their own buttons.
pub const EVERY_PAGE: [&str; 2] = ["updateAppMessageShareData", "updateTimelineShareData"];

/// `jsApiList` for a category page: its functions, then [`EVERY_PAGE`], without repeats.
pub fn js_api_list(slug: &str) -> Vec<&'static str> {
    let mut list: Vec<&'static str> = Vec::new();
    for function in apis_in(slug).map(|a| a.function).chain(EVERY_PAGE) {
        if !list.contains(&function) {
            list.push(function);
        }
    }
    list
}

/// Every distinct `wx.*` function of the catalog.
pub fn all_functions() -> Vec<&'static str> {
    let mut list: Vec<&'static str> = Vec::new();
    for api in APIS {
        if !list.contains(&api.function) {
            list.push(api.function);
        }
    }
    list
}

/// The official demo's 35 buttons, in its page order.
pub fn classic_apis() -> impl Iterator<Item = &'static Api> {
    CATEGORIES
        .iter()
        .filter(|c| c.classic.is_some())
        .flat_map(|c| apis_in(c.slug).filter(|a| a.classic))
}

#[cfg(test)]
mod tests;
