//! The top-right menu's items (appendix 3 of the older document).

use super::{t, MenuClass, MenuContext, MenuItem, ShareSlot, ShareTarget, Text};

/// Defaults every entry starts from.
const ITEM: MenuItem = MenuItem {
    id: "",
    name: Text { zh: "", en: "" },
    class: MenuClass::Basic,
    icon: "",
    shown_when: MenuContext::Always,
    share: None,
};

/// Every menu item, by class: basic (never hidden), propagation, protection.
pub static MENU_ITEMS: &[MenuItem] = &[
    MenuItem {
        id: "menuItem:exposeArticle",
        name: t("举报", "Report"),
        class: MenuClass::Basic,
        icon: "!",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:setFont",
        name: t("调整字体", "Font size"),
        class: MenuClass::Basic,
        icon: "Aa",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:dayMode",
        name: t("日间模式", "Day mode"),
        class: MenuClass::Basic,
        icon: "☀",
        shown_when: MenuContext::NightModeOn,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:nightMode",
        name: t("夜间模式", "Night mode"),
        class: MenuClass::Basic,
        icon: "☾",
        shown_when: MenuContext::NightModeOff,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:refresh",
        name: t("刷新", "Refresh"),
        class: MenuClass::Basic,
        icon: "⟳",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:profile",
        name: t("查看公众号（已添加）", "View account (followed)"),
        class: MenuClass::Basic,
        icon: "◉",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:addContact",
        name: t("查看公众号（未添加）", "View account (not followed)"),
        class: MenuClass::Basic,
        icon: "+",
        shown_when: MenuContext::NotFollowing,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:appMessage",
        name: t("发送给朋友", "Send to friend"),
        class: MenuClass::Propagation,
        icon: "➤",
        share: Some(ShareTarget {
            listener: "onMenuShareAppMessage",
            content: ShareSlot::AppMessage,
            scene: Some("friend"),
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:timeline",
        name: t("分享到朋友圈", "Share to Moments"),
        class: MenuClass::Propagation,
        icon: "◎",
        share: Some(ShareTarget {
            listener: "onMenuShareTimeline",
            content: ShareSlot::Timeline,
            scene: None,
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:qq",
        name: t("分享到QQ", "Share to QQ"),
        class: MenuClass::Propagation,
        icon: "Q",
        share: Some(ShareTarget {
            listener: "onMenuShareQQ",
            content: ShareSlot::AppMessage,
            scene: None,
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:weiboApp",
        name: t("分享到Weibo", "Share to Weibo"),
        class: MenuClass::Propagation,
        icon: "W",
        share: Some(ShareTarget {
            listener: "onMenuShareWeibo",
            content: ShareSlot::AppMessage,
            scene: None,
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:favorite",
        name: t("收藏", "Favourite"),
        class: MenuClass::Propagation,
        icon: "☆",
        share: Some(ShareTarget {
            listener: "onMenuShareAppMessage",
            content: ShareSlot::AppMessage,
            scene: Some("favorite"),
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:facebook",
        name: t("分享到FB", "Share to Facebook"),
        class: MenuClass::Propagation,
        icon: "f",
        shown_when: MenuContext::OverseasClient,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:QZone",
        name: t("分享到 QQ 空间", "Share to QZone"),
        class: MenuClass::Propagation,
        icon: "✦",
        share: Some(ShareTarget {
            listener: "onMenuShareQZone",
            content: ShareSlot::Timeline,
            scene: None,
        }),
        ..ITEM
    },
    MenuItem {
        id: "menuItem:editTag",
        name: t("编辑标签", "Edit tags"),
        class: MenuClass::Protection,
        icon: "#",
        shown_when: MenuContext::Favorites,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:delete",
        name: t("删除", "Delete"),
        class: MenuClass::Protection,
        icon: "✕",
        shown_when: MenuContext::Favorites,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:copyUrl",
        name: t("复制链接", "Copy link"),
        class: MenuClass::Protection,
        icon: "⧉",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:originPage",
        name: t("原网页", "Original page"),
        class: MenuClass::Protection,
        icon: "⎘",
        shown_when: MenuContext::ReadMode,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:readMode",
        name: t("阅读模式", "Reading mode"),
        class: MenuClass::Protection,
        icon: "¶",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:openWithQQBrowser",
        name: t("在QQ浏览器中打开", "Open in QQ Browser"),
        class: MenuClass::Protection,
        icon: "◍",
        shown_when: MenuContext::QqBrowserInstalled,
        ..ITEM
    },
    MenuItem {
        id: "menuItem:openWithSafari",
        name: t("在Safari中打开", "Open in Safari"),
        class: MenuClass::Protection,
        icon: "↗",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:email",
        name: t("邮件", "Email"),
        class: MenuClass::Protection,
        icon: "✉",
        ..ITEM
    },
    MenuItem {
        id: "menuItem:share:brand",
        name: t("一些特殊公众号", "Some special accounts"),
        class: MenuClass::Protection,
        icon: "★",
        shown_when: MenuContext::SpecialAccount,
        ..ITEM
    },
];
