//! `GET /api/sim/catalog.js` over real HTTP: the script the simulator reads its catalog from.

mod common;

use common::Sandbox;

#[tokio::test]
async fn the_simulator_gets_the_catalog_as_one_cacheable_script() {
    let app = Sandbox::start(&[]).await;
    let url = format!("{}/api/sim/catalog.js", app.base);
    let response = app.http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let etag = headers["etag"].to_str().unwrap().to_owned();
    let script = response.text().await.unwrap();
    let json = script
        .strip_prefix("window.__wxSimCatalog = ")
        .and_then(|rest| rest.strip_suffix(";\n"))
        .expect("one assignment");
    let catalog: serde_json::Value = serde_json::from_str(json).unwrap();
    let menu = catalog["menu"].as_array().unwrap();
    assert_eq!(menu.len(), app::catalog::MENU_ITEMS.len());
    let report = menu
        .iter()
        .find(|item| item["id"] == "menuItem:exposeArticle")
        .unwrap();
    assert_eq!(report["name"]["zh"], "举报");

    let again = app
        .http
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.text().await.unwrap().is_empty());
}
