//! `GET /api/catalog`: the API catalog as JSON, for tools, tests and QA scripts.

use app::catalog;
use axum::Json;
use serde_json::{json, Value};

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
