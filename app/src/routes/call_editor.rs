//! The call editor: every documented parameter of an API as a form field (server HTML),
//! prefilled with the official demo's values or a deep link's, and the link to the call
//! as it stands with its QR code.
//!
//! The form is a plain `GET` form whose fields are the deep link's parameters, so
//! "make a link" works without JavaScript; the page's button reads the same fields
//! (`demo::runner`) and sends exactly what they hold.

use crate::site::encode_query_value as encode;
use crate::{
    catalog::{self, Api, Fill, Invalid, Param, ParamType},
    components::{copy::CopyButton, qr::QrCode},
    i18n::use_i18n,
    strings,
};
use leptos::prelude::*;
use serde_json::Value;

/// The query of a deep link to an API of this page: `api` and the raw `(name, value)` pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeepLink {
    pub api: String,
    pub pairs: Vec<(String, String)>,
}

impl DeepLink {
    /// The link's raw values for `name` (several when a form repeats a check box).
    fn values(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// Pairs no documented parameter of `api` takes from the user.
    fn unknown(&self, api: &Api) -> Vec<(String, String)> {
        self.pairs
            .iter()
            .filter(|(key, _)| !user_params(api).any(|p| p.name == key))
            .cloned()
            .collect()
    }
}

/// The query keys a page URL carries for itself, not for a call.
pub const PAGE_KEYS: [&str; 4] = ["api", "sim", "lang", crate::setup::SESSION_PARAM];

fn user_params(api: &Api) -> impl Iterator<Item = &'static Param> + use<'_> {
    api.params.iter().filter(|p| p.fill == Fill::User)
}

/// One field as the editor shows it: its text items and, when refused, why.
struct FieldValue {
    param: &'static Param,
    items: Vec<String>,
    invalid: Option<Invalid>,
}

fn field_values(api: &'static Api, link: Option<&DeepLink>) -> Vec<FieldValue> {
    let sample: Value = serde_json::from_str(api.sample).unwrap_or_default();
    user_params(api)
        .map(|param| {
            let items = match link {
                Some(link) => catalog::split_items(param.ty, &link.values(param.name)),
                None => catalog::items_of(param.ty, sample.get(param.name).unwrap_or(&Value::Null)),
            };
            let invalid = catalog::parse(param, &items).err();
            FieldValue {
                param,
                items,
                invalid,
            }
        })
        .collect()
}

/// The deep link to `api` with these values: arrays comma-separated, objects as JSON,
/// each value percent-encoded; empty fields are left out.
fn link_to(api: &Api, values: &[FieldValue]) -> String {
    let mut link = format!("/{}?api={}", api.category, encode(api.id));
    for value in values.iter().filter(|v| !v.items.is_empty()) {
        link.push('&');
        link.push_str(value.param.name);
        link.push('=');
        link.push_str(&encode(&value.items.join(",")));
    }
    link
}

/// The editor of one API; `link` is the page's deep link when it names this API.
#[component]
pub fn CallEditor(api: &'static Api, link: Option<DeepLink>) -> impl IntoView {
    let i18n = use_i18n();
    let values = field_values(api, link.as_ref());
    let linked = link.is_some();
    let unknown = link.as_ref().map(|l| l.unknown(api)).unwrap_or_default();
    let call_link = linked.then(|| link_to(api, &values));
    let filled: Vec<&Param> = api.params.iter().filter(|p| p.fill != Fill::User).collect();
    if values.is_empty() && filled.is_empty() && !linked {
        return ().into_any();
    }
    view! {
        <details class="call_editor" open=linked>
            <summary>{i18n.t(strings::EDIT_CALL)}</summary>
            <form method="get" action=format!("/{}", api.category) data-editor=api.id>
                <input type="hidden" name="api" value=api.id />
                {values.into_iter().map(|value| view! { <Field value /> }).collect_view()}
                {filled
                    .into_iter()
                    .map(|param| {
                        let by = match param.fill {
                            Fill::Server => strings::FILLED_BY_SERVER,
                            _ => strings::FILLED_BY_DEMO,
                        };
                        view! {
                            <p class="field filled" data-param=param.name>
                                <code>{param.name}</code>
                                <span class="hint">{i18n.t(by)}</span>
                            </p>
                        }
                    })
                    .collect_view()}
                {(!unknown.is_empty())
                    .then(|| {
                        let text = unknown
                            .iter()
                            .map(|(k, v)| format!("{k}={v}"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <p class="field_error" data-unknown="true">
                                {i18n.t(strings::NOT_SENT_UNKNOWN)}
                                <code>{text}</code>
                            </p>
                        }
                    })}
                <button type="submit" class="link_button make_link">
                    {i18n.t(strings::MAKE_LINK)}
                </button>
            </form>
            {call_link
                .map(|path| {
                    let qr_path = path.clone();
                    view! {
                        <div class="call_link" data-call-link=path.clone()>
                            <p class="hint">{i18n.t(strings::CALL_LINK)}</p>
                            <QrCode path=qr_path />
                            <CopyButton text=path.clone() />
                        </div>
                    }
                })}
        </details>
    }
    .into_any()
}

/// One parameter's field, its type and documented default, and why its value was refused.
#[component]
fn Field(value: FieldValue) -> impl IntoView {
    let i18n = use_i18n();
    let FieldValue {
        param,
        items,
        invalid,
    } = value;
    let name = param.name;
    let error = invalid.map(|why| why.describe(name, i18n.lang));
    let aria_invalid = error.as_ref().map(|_| "true");
    let default = param.default.get();
    let placeholder = if name == "link" {
        i18n.t(strings::LINK_IS_PAGE).to_owned()
    } else if default.is_empty() {
        String::new()
    } else {
        format!("{}{default}", i18n.t(strings::DEFAULT_IS))
    };
    let input = match param.ty {
        ty if ty.is_multi_choice() => {
            let choices = ty.choices();
            view! {
                <span class="choices">
                    {choices
                        .into_iter()
                        .map(|choice| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="checkbox"
                                        name=name
                                        value=choice
                                        checked=items.iter().any(|i| i == choice)
                                    />
                                    {choice}
                                </label>
                            }
                        })
                        .collect_view()}
                </span>
            }
            .into_any()
        }
        ParamType::OneOf(choices) => {
            let current = items.first().cloned().unwrap_or_default();
            let foreign = (!current.is_empty() && !choices.contains(&current.as_str()))
                .then(|| current.clone());
            view! {
                <select name=name aria-invalid=aria_invalid>
                    {(!param.required).then(|| view! { <option value="">{placeholder.clone()}</option> })}
                    {choices
                        .iter()
                        .map(|choice| {
                            view! { <option value=*choice selected=current == *choice>{*choice}</option> }
                        })
                        .collect_view()}
                    {foreign.map(|value| view! { <option value=value.clone() selected=true>{value.clone()}</option> })}
                </select>
            }
            .into_any()
        }
        ParamType::StrList | ParamType::Objects => view! {
            <textarea name=name rows="3" aria-invalid=aria_invalid>{items.join("\n")}</textarea>
        }
        .into_any(),
        ParamType::Int { .. } | ParamType::Float { .. } => view! {
            <input
                type="text"
                inputmode="decimal"
                name=name
                value=items.join(",")
                placeholder=placeholder
                aria-invalid=aria_invalid
            />
        }
        .into_any(),
        _ => view! {
            <input type="text" name=name value=items.join(",") placeholder=placeholder aria-invalid=aria_invalid />
        }
        .into_any(),
    };
    view! {
        <div class="field" data-param=name>
            <label class="field_name">
                <code>{name}</code>
                <span class="param_type">{param.ty.doc_name()}{param.required.then_some(" *")}</span>
            </label>
            {input}
            <span class="hint">{i18n.t(param.doc.get())}</span>
            {error.map(|text| view! { <span class="field_error" data-invalid=name>{text}</span> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(api: &str, pairs: &[(&str, &str)]) -> DeepLink {
        DeepLink {
            api: api.into(),
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn a_link_fills_only_what_it_names_and_flags_the_rest() {
        let api = catalog::api("chooseImage").unwrap();
        let deep = link(
            "chooseImage",
            &[("count", "10"), ("sourceType", "camera"), ("extInfo", "1")],
        );
        let values = field_values(api, Some(&deep));
        let count = values.iter().find(|v| v.param.name == "count").unwrap();
        assert_eq!(count.invalid, Some(Invalid::NotInt { min: 1, max: 9 }));
        let sizes = values.iter().find(|v| v.param.name == "sizeType").unwrap();
        assert!(sizes.items.is_empty() && sizes.invalid.is_none());
        assert_eq!(deep.unknown(api), [("extInfo".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn the_link_of_a_call_joins_arrays_with_commas_and_encodes_values() {
        let api = catalog::api("chooseImage").unwrap();
        let deep = link(
            "chooseImage",
            &[
                ("count", "1"),
                ("sourceType", "camera"),
                ("sourceType", "album"),
            ],
        );
        assert_eq!(
            link_to(api, &field_values(api, Some(&deep))),
            "/images?api=chooseImage&count=1&sourceType=camera%2Calbum"
        );
    }
}
