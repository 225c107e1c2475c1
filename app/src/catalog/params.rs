//! What each documented parameter takes, and the one check of a value against it: the
//! call editor, a deep link and the browser's call all read a value through [`parse`].
//!
//! A value arrives as text items, as a form or a link carries it: one item for a scalar,
//! one per element for an array (a link separates them with commas), the JSON text for
//! a list of objects.

use super::{all_functions, Lang, MenuClass, Param, MENU_ITEMS};
use serde_json::{Number, Value};

/// A parameter's type, as the documents define it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    Str,
    /// A whole number from `min` to `max`.
    Int {
        min: i64,
        max: i64,
    },
    /// A number from `min` to `max` (latitude, longitude).
    Float {
        min: i64,
        max: i64,
    },
    /// One of the documented values.
    OneOf(&'static [&'static str]),
    /// An array of some of the documented values.
    AnyOf(&'static [&'static str]),
    /// An array of URLs or other strings.
    StrList,
    /// An array of appendix 2's interfaces (`jsApiList`).
    JsApis,
    /// An array of appendix 3's items that may be hidden (`menuList`).
    MenuItems,
    /// A JSON array of objects (`cardList`).
    Objects,
}

impl ParamType {
    /// The type's name in the documents' tables.
    pub fn doc_name(self) -> &'static str {
        match self {
            ParamType::Str | ParamType::OneOf(_) => "String",
            ParamType::Int { .. } => "Number",
            ParamType::Float { .. } => "Float",
            _ => "Array",
        }
    }

    /// True for the arrays a form offers as check boxes.
    pub fn is_multi_choice(self) -> bool {
        matches!(
            self,
            ParamType::AnyOf(_) | ParamType::JsApis | ParamType::MenuItems
        )
    }

    /// The values a choice offers; empty for free input.
    pub fn choices(self) -> Vec<&'static str> {
        match self {
            ParamType::OneOf(values) | ParamType::AnyOf(values) => values.to_vec(),
            ParamType::JsApis => all_functions(),
            ParamType::MenuItems => MENU_ITEMS
                .iter()
                .filter(|item| item.class != MenuClass::Basic)
                .map(|item| item.id)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Who supplies a parameter's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fill {
    /// The user, in the call editor (prefilled with the official demo's value).
    User,
    /// The demo, from an earlier call's result (a `localId`, a card code).
    Demo,
    /// The server's signature (`cardSign`, `paySign` and what they cover).
    Server,
}

/// Why a value was refused; the page says it in its language, naming the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Missing,
    NotInt { min: i64, max: i64 },
    NotNumber { min: i64, max: i64 },
    NotChoice { value: String },
    NotJson { detail: String },
}

impl Invalid {
    /// The refusal as a sentence naming the parameter, in `lang`.
    pub fn describe(&self, name: &str, lang: Lang) -> String {
        match (self, lang) {
            (Invalid::Missing, Lang::Zh) => format!("{name} 为必填参数"),
            (Invalid::Missing, Lang::En) => format!("{name} is required"),
            (Invalid::NotInt { min, max }, Lang::Zh) => {
                format!("{name} 须为 {min} 到 {max} 之间的整数")
            }
            (Invalid::NotInt { min, max }, Lang::En) => {
                format!("{name} must be a whole number from {min} to {max}")
            }
            (Invalid::NotNumber { min, max }, Lang::Zh) => {
                format!("{name} 须为 {min} 到 {max} 之间的数")
            }
            (Invalid::NotNumber { min, max }, Lang::En) => {
                format!("{name} must be a number from {min} to {max}")
            }
            (Invalid::NotChoice { value }, Lang::Zh) => {
                format!("{name} 不接受 “{value}”，请从文档给出的值中选择")
            }
            (Invalid::NotChoice { value }, Lang::En) => {
                format!("{name} does not take \"{value}\": choose one of the documented values")
            }
            (Invalid::NotJson { detail }, Lang::Zh) => {
                format!("{name} 须为 JSON 对象数组（{detail}）")
            }
            (Invalid::NotJson { detail }, Lang::En) => {
                format!("{name} must be a JSON array of objects ({detail})")
            }
        }
    }
}

/// The text items of a value from what a form field or a link carries: array elements
/// one per line or comma-separated (a link's form), anything else as it came.
pub fn split_items(ty: ParamType, raw: &[String]) -> Vec<String> {
    let is_array = matches!(
        ty,
        ParamType::AnyOf(_) | ParamType::JsApis | ParamType::MenuItems | ParamType::StrList
    );
    if !is_array {
        return raw.to_vec();
    }
    raw.iter()
        .flat_map(|value| value.split(['\n', ',']))
        .map(|item| item.trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The value to send for `param` from its text items, `None` when nothing is to be sent
/// (an empty optional field: the client's documented default applies).
pub fn parse(param: &Param, items: &[String]) -> Result<Option<Value>, Invalid> {
    let items: Vec<&str> = items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .collect();
    if items.is_empty() {
        // An empty share link is the page's own address, filled in when the call is made.
        return match (param.required, param.ty) {
            (true, ParamType::Str) if param.name == "link" => Ok(Some(Value::from(""))),
            (true, _) => Err(Invalid::Missing),
            (false, _) => Ok(None),
        };
    }
    let first = items[0];
    let value = match param.ty {
        ParamType::Str => Value::from(items.join(",")),
        ParamType::Int { min, max } => match first.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Value::from(n),
            _ => return Err(Invalid::NotInt { min, max }),
        },
        // serde_json's number parser, which the browser build carries anyway.
        ParamType::Float { min, max } => match serde_json::from_str::<Number>(first) {
            Ok(x)
                if x.as_f64()
                    .is_some_and(|x| (min as f64..=max as f64).contains(&x)) =>
            {
                Value::Number(x)
            }
            _ => return Err(Invalid::NotNumber { min, max }),
        },
        ParamType::OneOf(_) => {
            chosen(param.ty, first)?;
            Value::from(first)
        }
        ParamType::AnyOf(_) | ParamType::JsApis | ParamType::MenuItems => {
            for item in &items {
                chosen(param.ty, item)?;
            }
            Value::from(items)
        }
        ParamType::StrList => Value::from(items),
        ParamType::Objects => {
            let text = items.join(",");
            match serde_json::from_str::<Value>(&text) {
                Ok(Value::Array(list)) if list.iter().all(Value::is_object) => Value::Array(list),
                Ok(_) => {
                    return Err(Invalid::NotJson {
                        detail: "[{…}, …]".into(),
                    })
                }
                Err(error) => {
                    return Err(Invalid::NotJson {
                        detail: error.to_string(),
                    })
                }
            }
        }
    };
    Ok(Some(value))
}

fn chosen(ty: ParamType, value: &str) -> Result<(), Invalid> {
    if ty.choices().contains(&value) {
        Ok(())
    } else {
        Err(Invalid::NotChoice {
            value: value.chars().take(64).collect(),
        })
    }
}

/// A value as text items, the inverse of [`parse`] (how a sample prefills a form).
pub fn items_of(ty: ParamType, value: &Value) -> Vec<String> {
    match (ty, value) {
        (ParamType::Objects, value) => vec![value.to_string()],
        (_, Value::Array(list)) => list.iter().map(text_of).collect(),
        (_, Value::Null) => Vec::new(),
        (_, value) => vec![text_of(value)],
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{api, APIS};

    fn param(api_id: &str, name: &str) -> &'static Param {
        api(api_id)
            .unwrap()
            .params
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{api_id}.{name}"))
    }

    fn items(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn numbers_are_checked_against_their_documented_bounds() {
        let count = param("chooseImage", "count");
        assert_eq!(parse(count, &items(&["1"])), Ok(Some(Value::from(1))));
        assert_eq!(
            parse(count, &items(&["10"])),
            Err(Invalid::NotInt { min: 1, max: 9 })
        );
        assert!(parse(count, &items(&["two"])).is_err());
        assert_eq!(parse(count, &items(&[""])), Ok(None));
        let latitude = param("openLocation", "latitude");
        assert_eq!(
            parse(latitude, &items(&["23.5"])),
            Ok(Some(Value::from(23.5)))
        );
        assert!(parse(latitude, &items(&["91"])).is_err());
        assert_eq!(parse(latitude, &[]), Err(Invalid::Missing));
    }

    #[test]
    fn choices_accept_only_documented_values() {
        let source = param("chooseImage", "sourceType");
        assert_eq!(
            parse(source, &items(&["camera"])),
            Ok(Some(serde_json::json!(["camera"])))
        );
        assert_eq!(
            parse(source, &items(&["camera", "phone"])),
            Err(Invalid::NotChoice {
                value: "phone".into()
            })
        );
        let kind = param("getLocation", "type");
        assert_eq!(
            parse(kind, &items(&["gcj02"])),
            Ok(Some(Value::from("gcj02")))
        );
        let menu = param("hideMenuItems", "menuList");
        assert!(parse(menu, &items(&["menuItem:copyUrl"])).is_ok());
        // Basic items cannot be hidden (appendix 3).
        assert!(parse(menu, &items(&["menuItem:refresh"])).is_err());
    }

    #[test]
    fn card_lists_are_json_arrays_of_objects() {
        let list = param("addCard", "cardList");
        assert!(parse(list, &items(&[r#"[{"cardId":"x"}]"#])).is_ok());
        assert!(matches!(
            parse(list, &items(&["{}"])),
            Err(Invalid::NotJson { .. })
        ));
        assert!(matches!(
            parse(list, &items(&["[{"])),
            Err(Invalid::NotJson { .. })
        ));
    }

    #[test]
    fn samples_send_only_documented_parameters() {
        for api in APIS {
            let sample: Value = serde_json::from_str(api.sample).unwrap();
            for key in sample.as_object().unwrap().keys() {
                assert!(
                    api.params.iter().any(|p| p.name == key),
                    "{}: {key} is not a documented parameter",
                    api.id
                );
            }
        }
    }

    #[test]
    fn every_sample_value_reads_back_as_itself() {
        for api in APIS {
            let sample: Value = serde_json::from_str(api.sample).unwrap();
            for param in api.params.iter().filter(|p| p.fill == Fill::User) {
                let Some(value) = sample.get(param.name) else {
                    continue;
                };
                let parsed = parse(param, &items_of(param.ty, value));
                assert_eq!(parsed, Ok(Some(value.clone())), "{}.{}", api.id, param.name);
            }
        }
    }
}
