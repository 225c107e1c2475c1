//! The top-right menu's items (appendix 3 of the older document).

use super::{t, MenuClass, MenuItem};

const fn item(id: &'static str, zh: &'static str, en: &'static str, class: MenuClass) -> MenuItem {
    MenuItem {
        id,
        name: t(zh, en),
        class,
    }
}

/// Every menu item, by class: basic (never hidden), propagation, protection.
pub static MENU_ITEMS: &[MenuItem] = &[
    item("menuItem:exposeArticle", "举报", "Report", MenuClass::Basic),
    item(
        "menuItem:setFont",
        "调整字体",
        "Font size",
        MenuClass::Basic,
    ),
    item("menuItem:dayMode", "日间模式", "Day mode", MenuClass::Basic),
    item(
        "menuItem:nightMode",
        "夜间模式",
        "Night mode",
        MenuClass::Basic,
    ),
    item("menuItem:refresh", "刷新", "Refresh", MenuClass::Basic),
    item(
        "menuItem:profile",
        "查看公众号（已添加）",
        "View account (followed)",
        MenuClass::Basic,
    ),
    item(
        "menuItem:addContact",
        "查看公众号（未添加）",
        "View account (not followed)",
        MenuClass::Basic,
    ),
    item(
        "menuItem:share:appMessage",
        "发送给朋友",
        "Send to friend",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:share:timeline",
        "分享到朋友圈",
        "Share to Moments",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:share:qq",
        "分享到QQ",
        "Share to QQ",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:share:weiboApp",
        "分享到Weibo",
        "Share to Weibo",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:favorite",
        "收藏",
        "Favourite",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:share:facebook",
        "分享到FB",
        "Share to Facebook",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:share:QZone",
        "分享到 QQ 空间",
        "Share to QZone",
        MenuClass::Propagation,
    ),
    item(
        "menuItem:editTag",
        "编辑标签",
        "Edit tags",
        MenuClass::Protection,
    ),
    item("menuItem:delete", "删除", "Delete", MenuClass::Protection),
    item(
        "menuItem:copyUrl",
        "复制链接",
        "Copy link",
        MenuClass::Protection,
    ),
    item(
        "menuItem:originPage",
        "原网页",
        "Original page",
        MenuClass::Protection,
    ),
    item(
        "menuItem:readMode",
        "阅读模式",
        "Reading mode",
        MenuClass::Protection,
    ),
    item(
        "menuItem:openWithQQBrowser",
        "在QQ浏览器中打开",
        "Open in QQ Browser",
        MenuClass::Protection,
    ),
    item(
        "menuItem:openWithSafari",
        "在Safari中打开",
        "Open in Safari",
        MenuClass::Protection,
    ),
    item(
        "menuItem:share:email",
        "邮件",
        "Email",
        MenuClass::Protection,
    ),
    item(
        "menuItem:share:brand",
        "一些特殊公众号",
        "Some special accounts",
        MenuClass::Protection,
    ),
];
