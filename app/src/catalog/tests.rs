//! The catalog's invariants.

use super::*;
use std::collections::HashSet;

#[test]
fn the_classic_page_has_the_official_35_buttons_in_order() {
    let ids: Vec<&str> = classic_apis().map(|a| a.id).collect();
    assert_eq!(ids.len(), 35);
    assert_eq!(ids[0], "checkJsApi");
    assert_eq!(
        &ids[1..6],
        [
            "onMenuShareTimeline",
            "onMenuShareAppMessage",
            "onMenuShareQQ",
            "onMenuShareWeibo",
            "onMenuShareQZone"
        ]
    );
    assert_eq!(&ids[28..30], ["scanQRCode0", "scanQRCode1"]);
    assert_eq!(ids[34], "chooseWXPay");
    assert_eq!(
        api("chooseImage").unwrap().caption.zh,
        "拍照或从手机相册中选图接口"
    );
    assert_eq!(
        CATEGORIES.iter().filter(|c| c.classic.is_some()).count(),
        12
    );
}

#[test]
fn ids_are_unique_and_categories_exist() {
    let mut seen = HashSet::new();
    for api in APIS {
        assert!(seen.insert(api.id), "duplicate {}", api.id);
        assert!(
            category(api.category).is_some(),
            "{}: no category {}",
            api.id,
            api.category
        );
    }
    for category in CATEGORIES {
        assert!(
            apis_in(category.slug).count() > 0,
            "{} is empty",
            category.slug
        );
    }
    assert_eq!(CATEGORIES.len(), 14);
}

#[test]
fn every_sample_is_a_json_object() {
    for api in APIS {
        let value: serde_json::Value =
            serde_json::from_str(api.sample).unwrap_or_else(|e| panic!("{}: {e}", api.id));
        assert!(value.is_object(), "{}", api.id);
    }
}

#[test]
fn every_guard_can_be_satisfied_by_some_api() {
    for api in APIS {
        if let Some(guard) = api.guard {
            assert!(
                APIS.iter()
                    .any(|other| other.sets.contains(&guard.requires)),
                "{} requires {} that nothing sets",
                api.id,
                guard.requires
            );
        }
    }
}

#[test]
fn both_document_versions_are_covered() {
    let newer: Vec<&str> = APIS
        .iter()
        .filter(|a| a.since == DocVersion::NewerOnly)
        .map(|a| a.id)
        .collect();
    for id in [
        "updateAppMessageShareData",
        "updateTimelineShareData",
        "getLocalImgData",
        "openAddress",
    ] {
        assert!(newer.contains(&id), "{id}");
    }
    let older: Vec<&str> = APIS
        .iter()
        .filter(|a| a.since == DocVersion::OlderOnly)
        .map(|a| a.id)
        .collect();
    assert_eq!(older, ["consumeAndShareCard"]);
    // The newer document's appendix 2 lists the option menu, not pay, which it only links.
    for id in ["hideOptionMenu", "showOptionMenu"] {
        assert_eq!(api(id).unwrap().since, DocVersion::Both, "{id}");
    }
    assert_eq!(
        api("chooseWXPay").unwrap().since,
        DocVersion::NewerLinksToPay
    );
    // It deprecates four share listeners, not onMenuShareWeibo.
    let deprecated: Vec<&str> = APIS.iter().filter(|a| a.deprecated).map(|a| a.id).collect();
    assert_eq!(
        deprecated,
        [
            "onMenuShareTimeline",
            "onMenuShareAppMessage",
            "onMenuShareQQ",
            "onMenuShareQZone"
        ]
    );
}

#[test]
fn js_api_lists_have_no_repeats_and_carry_the_listeners() {
    for category in CATEGORIES {
        let list = js_api_list(category.slug);
        let unique: HashSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len(), "{}", category.slug);
    }
    let voice = js_api_list("voice");
    assert!(voice.contains(&"onVoiceRecordEnd") && voice.contains(&"onVoicePlayEnd"));
    assert_eq!(
        js_api_list("scan")
            .iter()
            .filter(|f| **f == "scanQRCode")
            .count(),
        1
    );
}

#[test]
fn the_demo_only_hides_menu_items_that_may_be_hidden() {
    let sample: serde_json::Value =
        serde_json::from_str(api("hideMenuItems").unwrap().sample).unwrap();
    for id in sample["menuList"].as_array().unwrap() {
        let item = MENU_ITEMS
            .iter()
            .find(|m| m.id == id)
            .expect("a known item");
        assert_ne!(item.class, MenuClass::Basic, "{}", item.id);
    }
}

#[test]
fn official_messages_are_byte_exact() {
    let qq = api("onMenuShareQQ").unwrap();
    assert!(qq
        .messages
        .iter()
        .any(|m| m.text.zh == "已注册获取“分享到 QQ”状态事件"));
    let voice = api("uploadVoice").unwrap();
    assert!(voice
        .messages
        .iter()
        .any(|m| m.text.zh == "上传语音成功，serverId 为{}"));
    assert_eq!(
        api("openCard").unwrap().guard.unwrap().message.zh,
        "请先使用 chooseCard 接口选择卡券。"
    );
}

#[test]
fn closing_and_paying_are_never_safe() {
    for id in ["closeWindow", "chooseWXPay", "addCard"] {
        assert_eq!(api(id).unwrap().safety, Safety::Irreversible, "{id}");
    }
}

#[test]
fn share_samples_share_the_page_itself() {
    // The newer document: the link's domain or path must be the page's JS safe domain, so
    // every sample leaves `link` empty and the page fills in its own address.
    for api in APIS
        .iter()
        .filter(|a| a.params.iter().any(|p| p.name == "link"))
    {
        let sample: serde_json::Value = serde_json::from_str(api.sample).unwrap();
        assert_eq!(sample["link"], "", "{}", api.id);
    }
}
