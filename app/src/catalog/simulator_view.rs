//! The catalog as the simulator reads it: served as `window.__wxSimCatalog` by
//! `GET /api/sim/catalog.js` before `simulator.js` loads, so the simulator keeps no list of
//! functions, parameters, menu items, errors or UI strings of its own.
//!
//! The TypeScript types the simulator is checked against (`app/bindings/*.ts`) are
//! generated from these structs by `cargo test -p app --features ssr`.

use super::profiles::{need_of, since_of, Need, SimProfiles};
use super::{all_functions, bridge_name, Kind, MenuItem, Refusal, Text, APIS, MENU_ITEMS};
use crate::strings::SimText;
use serde::Serialize;
use std::collections::BTreeMap;

#[cfg(test)]
use ts_rs::TS;

/// Everything the simulator needs to know about WeChat's side.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct SimCatalog {
    /// `config`, then every `wx.*` function of the catalog.
    pub functions: Vec<SimFunction>,
    /// Appendix 3's menu items, in the catalog's order.
    pub menu: Vec<MenuItem>,
    /// The bridge's refusals, raw.
    pub refusals: SimRefusals,
    /// The simulator's UI strings.
    pub strings: BTreeMap<SimText, Text>,
    /// Devices, client versions, accounts and scenarios (`catalog::profiles`).
    pub profiles: SimProfiles,
}

/// One `wx.*` function and its native side.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct SimFunction {
    /// The `wx.*` name.
    pub name: &'static str,
    /// The name jweixin invokes or listens to.
    pub native: &'static str,
    pub kind: SimKind,
    /// A listener's native event.
    pub event: Option<&'static str>,
    /// A share listener's native share invoke.
    pub invoke: Option<&'static str>,
    /// The answer's `err_msg` prefix (the native name unless the client differs).
    pub answer_prefix: &'static str,
    /// The answer's word for success.
    pub ok_word: &'static str,
    /// False where a verified config allows it whatever `jsApiList` says.
    pub needs_permission: bool,
    /// The documented parameters (of every button calling it).
    pub params: Vec<SimParam>,
    /// The client version that introduced it (`None`: every client has it).
    pub since: Option<&'static str>,
    /// What it asks of the account.
    pub needs: Need,
}

/// A call answers once; a listener's callbacks fire on a later event.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum SimKind {
    Call,
    Listener,
}

/// A documented parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
pub struct SimParam {
    pub name: &'static str,
    pub required: bool,
}

/// The bridge's refusals (see [`Refusal`]).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(TS), ts(export))]
#[serde(rename_all = "camelCase")]
pub struct SimRefusals {
    pub not_exist: &'static str,
    pub offline: &'static str,
    pub denied: &'static str,
}

impl SimCatalog {
    /// The simulator's view of the catalog.
    pub fn build() -> Self {
        let functions = std::iter::once("config")
            .chain(all_functions())
            .map(sim_function)
            .collect();
        SimCatalog {
            functions,
            menu: MENU_ITEMS.to_vec(),
            refusals: SimRefusals {
                not_exist: Refusal::NotExist.raw(),
                offline: Refusal::Offline.raw(),
                denied: Refusal::Denied.raw(),
            },
            strings: SimText::ALL.iter().map(|key| (*key, key.text())).collect(),
            profiles: SimProfiles::build(),
        }
    }
}

fn sim_function(name: &'static str) -> SimFunction {
    let bridge = bridge_name(name);
    let calling = || APIS.iter().filter(move |api| api.function == name);
    let mut params: Vec<SimParam> = Vec::new();
    for param in calling().flat_map(|api| api.params) {
        if !params.iter().any(|known| known.name == param.name) {
            params.push(SimParam {
                name: param.name,
                required: param.required,
            });
        }
    }
    let listener = calling().any(|api| api.kind == Kind::Listener) || bridge.event.is_some();
    SimFunction {
        name,
        native: bridge.native,
        kind: if listener {
            SimKind::Listener
        } else {
            SimKind::Call
        },
        event: bridge.event,
        invoke: bridge.invoke,
        answer_prefix: bridge
            .answer_prefix
            .or(bridge.invoke)
            .unwrap_or(bridge.native),
        ok_word: bridge.ok_word.unwrap_or("ok"),
        needs_permission: bridge.needs_permission,
        params,
        since: since_of(name),
        needs: need_of(name),
    }
}

/// The classic script that hands the catalog to the simulator.
pub fn catalog_script() -> String {
    let json = serde_json::to_string(&SimCatalog::build()).expect("the catalog serializes");
    format!("window.__wxSimCatalog = {json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::error_for_err_msg;

    #[test]
    fn every_function_and_menu_item_reaches_the_simulator() {
        let catalog = SimCatalog::build();
        assert_eq!(catalog.functions.len(), all_functions().len() + 1);
        assert_eq!(catalog.menu.len(), MENU_ITEMS.len());
        assert_eq!(catalog.strings.len(), SimText::ALL.len());
        let native = |name: &str| {
            catalog
                .functions
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.native)
        };
        assert_eq!(native("config"), Some("preVerifyJSAPI"));
        assert_eq!(native("chooseWXPay"), Some("getBrandWCPayRequest"));
        assert_eq!(native("chooseImage"), Some("chooseImage"));
    }

    #[test]
    fn share_listeners_name_their_event_and_invoke_and_menu_items_name_real_listeners() {
        let catalog = SimCatalog::build();
        for item in catalog.menu.iter().filter_map(|item| item.share.as_ref()) {
            let listener = catalog
                .functions
                .iter()
                .find(|f| f.name == item.listener)
                .unwrap_or_else(|| panic!("{} is not a catalog function", item.listener));
            assert!(listener.event.is_some() && listener.invoke.is_some());
        }
    }

    /// A raw refusal as jweixin hands it to the page's callback: `_` becomes a space and
    /// `access denied` becomes `permission denied`.
    fn as_the_page_sees_it(raw: &str) -> String {
        let tail = raw[raw.find(':').map_or(0, |at| at + 1)..].replace('_', " ");
        if tail == "access denied" {
            "permission denied".to_owned()
        } else {
            tail
        }
    }

    #[test]
    fn every_refusal_is_an_appendix_5_error_as_the_page_sees_it() {
        for refusal in [Refusal::NotExist, Refusal::Offline, Refusal::Denied] {
            let seen = as_the_page_sees_it(refusal.raw());
            assert!(
                error_for_err_msg(&seen).is_some(),
                "{seen}: no appendix 5 entry explains it"
            );
        }
    }

    #[test]
    fn the_simulator_uses_every_string_it_is_sent() {
        let simulator = include_str!("../../../public/assets/sim/simulator.js");
        for key in SimText::ALL {
            let name = serde_json::to_value(key).unwrap();
            let name = name.as_str().unwrap();
            assert!(
                simulator.contains(&format!("'{name}'")),
                "SimText::{key:?} ('{name}') is never used by simulator.js: remove it"
            );
        }
    }

    #[test]
    fn the_script_is_one_assignment_of_json() {
        let script = catalog_script();
        let json = script
            .strip_prefix("window.__wxSimCatalog = ")
            .and_then(|rest| rest.strip_suffix(";\n"))
            .expect("one assignment");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["strings"]["close"]["en"], "Close");
        assert_eq!(value["menu"][0]["class"], "basic");
    }
}
