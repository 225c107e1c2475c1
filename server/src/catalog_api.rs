//! `GET /api/catalog`: the API catalog as JSON, for tools, tests and QA scripts.

use app::catalog;
use axum::Json;
use serde_json::{json, Value};

/// A documented parameter: its type as the call editor takes it, and who fills it.
fn param_json(param: &catalog::Param) -> Value {
    let (min, max) = match param.ty {
        catalog::ParamType::Int { min, max } | catalog::ParamType::Float { min, max } => {
            (Some(min), Some(max))
        }
        _ => (None, None),
    };
    json!({
        "name": param.name,
        "type": param.ty.doc_name(),
        "float": matches!(param.ty, catalog::ParamType::Float { .. }),
        "required": param.required,
        "fill": param.fill,
        "choices": param.ty.choices(),
        "multiple": param.ty.is_multi_choice(),
        "objects": param.ty == catalog::ParamType::Objects,
        "min": min,
        "max": max,
    })
}

/// Every category with its APIs, in page order, and appendix 3's menu items.
pub async fn catalog_json() -> Json<Value> {
    let categories: Vec<Value> = catalog::CATEGORIES
        .iter()
        .map(|category| {
            let apis: Vec<Value> = catalog::apis_in(category.slug)
                .map(|api| {
                    json!({
                        "id": api.id,
                        "function": api.function,
                        "caption": { "zh": api.caption.zh, "en": api.caption.en },
                        "classic": api.classic,
                        "sample": serde_json::from_str::<Value>(api.sample).unwrap_or(Value::Null),
                        "params": api.params.iter().map(param_json).collect::<Vec<_>>(),
                        "requires": api.guard.and_then(|guard| {
                            catalog::APIS
                                .iter()
                                .find(|other| other.sets.contains(&guard.requires))
                                .map(|other| other.id)
                        }),
                    })
                })
                .collect();
            json!({
                "slug": category.slug,
                "title": { "zh": category.title.get().zh, "en": category.title.get().en },
                "jsApiList": catalog::js_api_list(category.slug),
                "apis": apis,
            })
        })
        .collect();
    Json(json!({ "categories": categories, "menuItems": catalog::MENU_ITEMS }))
}
