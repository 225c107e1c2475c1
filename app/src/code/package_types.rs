//! Where the npm package `weixin-js-sdk` (1.6.5)'s `index.d.ts` differs from the documents.
//! The typed stacks follow the package where it only asks for more, and declare the
//! documents' shape where it is missing or wrong. `scripts/test.sh` type-checks every
//! interface in every typed stack (`tsc -p end2end/snippets`), so a change in the package
//! shows up there.

/// Interfaces the package does not declare (`openAddress`) or declares against the
/// documents (`addCard()` without parameters; `chooseCard` with its optional filters
/// required): the typed stacks declare them from the catalog.
pub const DECLARED_FROM_DOCUMENTS: &[&str] = &["openAddress", "addCard", "chooseCard"];

/// Interfaces the package declares without parameters, as the documents call them.
pub const NO_ARGUMENTS: &[&str] = &[
    "startRecord",
    "hideOptionMenu",
    "showOptionMenu",
    "closeWindow",
    "hideAllNonBaseMenuItem",
    "showAllNonBaseMenuItem",
];

/// Parameters and callbacks the package requires where the documents leave them optional:
/// a parameter is written with its documented default (or a placeholder), a callback as
/// any other.
pub const REQUIRED_BY_PACKAGE: &[(&str, &[&str])] = &[
    ("chooseImage", &["cancel"]),
    ("getLocation", &["type", "cancel"]),
    ("scanQRCode", &["needResult", "scanType"]),
    ("openProductSpecificView", &["viewType"]),
    ("startSearchBeacons", &["ticket", "complete"]),
    ("stopSearchBeacons", &["complete"]),
    ("onVoicePlayEnd", &["success"]),
    ("translateVoice", &["success"]),
];

/// What the package requires of `function` beyond the documents.
pub fn required(function: &str) -> &'static [&'static str] {
    REQUIRED_BY_PACKAGE
        .iter()
        .find(|(name, _)| *name == function)
        .map_or(&[], |(_, names)| names)
}
