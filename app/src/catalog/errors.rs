//! Common errors and their fixes (appendix 5 of the older document), for `wx.error` and
//! the signature doctor.

use super::{t, ErrorHelp};

/// The errors a page may meet, matched by text in the errMsg.
pub static ERRORS: &[ErrorHelp] = &[
    ErrorHelp {
        pattern: "invalid url domain",
        cause: t(
            "当前页面所在域名与使用的 appid 没有绑定。",
            "The page's domain is not bound to the appId.",
        ),
        fix: t(
            "在公众平台正确填写 JS 接口安全域名；如果使用了端口号，绑定的域名也要加上端口号（一个 appid 可以绑定三个有效域名）。",
            "Add the domain as a JS interface safe domain (with the port, if the page uses one); an appId can bind three.",
        ),
    },
    ErrorHelp {
        pattern: "invalid signature",
        cause: t("签名错误。", "The signature is wrong."),
        fix: t(
            "按顺序检查：签名算法正确；config 中的 nonceStr、timestamp 与签名用的 noncestr、timestamp 一致；url 是页面完整的 url（location.href.split('#')[0]，含 http(s):// 与 ? 后的参数，不含 # 后部分）；config 中的 appid 与获取 jsapi_ticket 的 appid 一致；缓存 access_token 和 jsapi_ticket；签名的 url 是动态获取的（页面分享后微信会在链接末尾加参数）。",
            "Check in order: the algorithm; nonceStr and timestamp in config equal those signed; the url is the page's full URL (location.href.split('#')[0], scheme and query included, no fragment); the appId is the one the jsapi_ticket was fetched for; access_token and jsapi_ticket are cached; the URL is taken at run time (WeChat appends parameters to shared links).",
        ),
    },
    ErrorHelp {
        pattern: "the permission value is offline verifying",
        cause: t(
            "config 没有正确执行，或调用的 JSAPI 没有传入 config 的 jsApiList 参数中。",
            "config did not succeed, or the API is missing from config's jsApiList.",
        ),
        fix: t(
            "确认 config 正确通过；页面加载时就调用的 JSAPI 必须写在 wx.ready 的回调中；确认 jsApiList 包含了这个 JSAPI。",
            "Make sure config passed; call APIs on load only inside wx.ready; list the API in jsApiList.",
        ),
    },
    ErrorHelp {
        pattern: "permission denied",
        cause: t(
            "该公众号没有权限使用这个 JSAPI，或者调用的 JSAPI 没有传入 config 的 jsApiList 参数中（部分接口需要认证之后才能使用）。",
            "The account may not use this API, or it is missing from jsApiList (some APIs need a verified account).",
        ),
        fix: t("在 jsApiList 中加入该接口；确认公众号已认证并有此权限。", "Add the API to jsApiList; check the account is verified and has the permission."),
    },
    ErrorHelp {
        pattern: "function not exist",
        cause: t("当前客户端版本不支持该接口。", "This client version does not support the API."),
        fix: t("请升级到新版微信体验。", "Update WeChat."),
    },
    ErrorHelp {
        pattern: "config:fail",
        cause: t("传入的 config 参数不全。", "The config is incomplete."),
        fix: t(
            "确保传入正确的 appId、timestamp、nonceStr、signature 和需要使用的 jsApiList。",
            "Pass appId, timestamp, nonceStr, signature and jsApiList.",
        ),
    },
    ErrorHelp {
        pattern: "require subscribe",
        cause: t("没有关注该测试号（仅测试号会出现）。", "You do not follow this test account (test accounts only)."),
        fix: t("先关注测试公众号，再打开页面。", "Follow the test account first, then open the page."),
    },
];
