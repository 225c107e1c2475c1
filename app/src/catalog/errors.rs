//! Appendix 5 of the JS-SDK document, "常见错误及解决方法", all 24 items: for the doctor's
//! list, the `wx.error` help and the category pages.
//!
//! The Chinese is the newer (markdown) document's, which wins where the two differ (item 1:
//! no port is filled in, only 80 and 443 are supported), split into symptom, cause and fix.
//! Where the document leaves one out, it is said in the document's own words: the fixes of
//! items 4, 15 and 21, the causes of 13 (from uploadImage's and uploadVoice's notes) and 20,
//! the symptom of 24. Every text is [`server_only`]: the browser build keeps the numbers and
//! the [`Recognised`] matchers, which is all an island needs (the `wx.error` help reveals
//! server-rendered items by their errMsg).

use super::{server_only, t, Clue, ErrorHelp, Recognised, Text};
use crate::api::doctor::{DoctorCode, FindingCode};
use wechat::page_url::UrlLint;

const fn lint(lint: UrlLint) -> Clue {
    Clue::Finding(FindingCode::Lint(lint))
}

const fn doctor(code: DoctorCode) -> Clue {
    Clue::Finding(FindingCode::Doctor(code))
}

/// One item's texts, all of them server-only.
const fn item(
    number: u8,
    recognised: Recognised,
    symptom: Option<Text>,
    cause: Text,
    fix: &'static [Text],
) -> ErrorHelp {
    ErrorHelp {
        number,
        recognised,
        symptom: server_only(symptom),
        cause: server_only(cause),
        fix: server_only(fix),
    }
}

/// Appendix 5, in the document's order.
pub static ERRORS: &[ErrorHelp] = &[
    item(
        1,
        Recognised::By(&[
            Clue::ErrMsg("invalid url domain"),
            doctor(DoctorCode::HostNotAllowed),
            lint(UrlLint::NonStandardPort),
            lint(UrlLint::LocalOrIpHost),
        ]),
        None,
        t(
            "当前页面所在域名与使用的appid没有绑定。",
            "The page's domain is not bound to the appId in use.",
        ),
        &[t(
            "请确认正确填写绑定的域名，仅支持80（http）和443（https）两个端口，因此不需要填写端口号（一个appid可以绑定三个有效域名）。",
            "Make sure the bound domain is filled in correctly. Only ports 80 (http) and 443 (https) are supported, so no port number is filled in (an appId can bind three valid domains).",
        )],
    ),
    item(
        2,
        Recognised::By(&[
            Clue::ErrMsg("invalid signature"),
            doctor(DoctorCode::SignatureMismatch),
            doctor(DoctorCode::StillEncoded),
            doctor(DoctorCode::SchemeMismatch),
            doctor(DoctorCode::HostMismatch),
            doctor(DoctorCode::PortMismatch),
            lint(UrlLint::EscapedAmpersand),
            lint(UrlLint::DoubleEncoded),
            lint(UrlLint::NoPathAfterHost),
            lint(UrlLint::UppercaseHost),
            lint(UrlLint::DefaultPort),
        ]),
        None,
        t("签名错误。", "The signature is wrong."),
        &[
            t(
                "确认签名算法正确，可用 http://mp.weixin.qq.com/debug/cgi-bin/sandbox?t=jsapisign 页面工具进行校验。",
                "Make sure the signature algorithm is right; check it with the tool at http://mp.weixin.qq.com/debug/cgi-bin/sandbox?t=jsapisign.",
            ),
            t(
                "确认config中nonceStr（js中驼峰标准大写S）, timestamp与用以签名中的对应noncestr, timestamp一致。",
                "Make sure nonceStr (camel case in JS, capital S) and timestamp in config equal the noncestr and timestamp that were signed.",
            ),
            t(
                "确认url是页面完整的url(请在当前页面alert(location.href.split('#')[0])确认)，包括'http(s)://'部分，以及'？'后面的GET参数部分,但不包括'#'hash后面的部分。",
                "Make sure the url is the page's full URL (check with alert(location.href.split('#')[0]) on the page): the 'http(s)://' part and the GET parameters after '?' included, nothing after the '#' hash.",
            ),
            t(
                "确认 config 中的 appid 与用来获取 jsapi_ticket 的 appid 一致。",
                "Make sure the appId in config is the one the jsapi_ticket was fetched with.",
            ),
            t(
                "确保一定缓存access_token和jsapi_ticket。",
                "Make sure access_token and jsapi_ticket are cached.",
            ),
            t(
                "确保你获取用来签名的url是动态获取的，动态页面可参见实例代码中php的实现方式。如果是html的静态页面在前端通过ajax将url传到后台签名，前端需要用js获取当前页面除去'#'hash部分的链接（可用location.href.split('#')[0]获取,而且需要encodeURIComponent），因为页面一旦分享，微信客户端会在你的链接末尾加入其它参数，如果不是动态获取当前链接，将导致分享后的页面签名失败。",
                "Make sure the URL you sign is taken at run time (for dynamic pages see the PHP sample code). A static HTML page that sends its URL to the back end by ajax must read the current link without its '#' hash in JS (location.href.split('#')[0], and encodeURIComponent it): once a page is shared, the WeChat client appends other parameters to the link, so a URL not taken at run time makes the shared page fail to sign.",
            ),
        ],
    ),
    item(
        3,
        Recognised::By(&[Clue::ErrMsg("the permission value is offline verifying")]),
        None,
        t(
            "这个错误是因为config没有正确执行，或者是调用的JSAPI没有传入config的jsApiList参数中。",
            "config did not run correctly, or the JSAPI called is not in config's jsApiList.",
        ),
        &[
            t("确认config正确通过。", "Make sure config passed."),
            t(
                "如果是在页面加载好时就调用了JSAPI，则必须写在wx.ready的回调中。",
                "A JSAPI called as soon as the page has loaded must be called in wx.ready's callback.",
            ),
            t(
                "确认config的jsApiList参数包含了这个JSAPI。",
                "Make sure config's jsApiList contains this JSAPI.",
            ),
        ],
    ),
    item(
        4,
        Recognised::By(&[Clue::ErrMsg("permission denied")]),
        None,
        t(
            "该公众号没有权限使用这个JSAPI，或者是调用的JSAPI没有传入config的jsApiList参数中（部分接口需要认证之后才能使用）。",
            "The Official Account has no permission to use this JSAPI, or the JSAPI called is not in config's jsApiList (some APIs can only be used once the account is verified).",
        ),
        &[t(
            "确认该公众号有权限使用这个JSAPI（部分接口需要认证之后才能使用），并把它传入config的jsApiList参数中。",
            "Make sure the account may use this JSAPI (some need a verified account) and pass it in config's jsApiList.",
        )],
    ),
    item(
        5,
        Recognised::By(&[Clue::ErrMsg("function not exist")]),
        None,
        t(
            "当前客户端版本不支持该接口。",
            "This client version does not support the API.",
        ),
        &[t("请升级到新版体验。", "Update to the new version to try it.")],
    ),
    item(
        6,
        Recognised::NotAutomatic,
        Some(t(
            "为什么6.0.1版本config:ok，但是6.0.2版本之后不ok",
            "Why config:ok on 6.0.1 but not from 6.0.2 on",
        )),
        t(
            "因为6.0.2版本之前没有做权限验证，所以config都是ok，但这并不意味着你config中的签名是OK的。",
            "Before 6.0.2 permissions were not verified, so config was always ok; that does not mean the signature in your config was.",
        ),
        &[t(
            "请在6.0.2检验是否生成正确的签名以保证config在高版本中也ok。",
            "Check on 6.0.2 that a correct signature is generated, so that config is ok on later versions too.",
        )],
    ),
    item(
        7,
        Recognised::By(&[Clue::Category("share")]),
        Some(t("在iOS和Android都无法分享", "Sharing fails on both iOS and Android")),
        t(
            "只有认证的公众号才具有分享相关接口权限。",
            "Only verified Official Accounts have the permission for the share APIs.",
        ),
        &[
            t("请确认公众号已经认证。", "Make sure the Official Account is verified."),
            t(
                "如果确实已经认证，则要检查监听接口是否在wx.ready回调函数中触发。",
                "If it is, check that the listeners are registered in wx.ready's callback.",
            ),
        ],
    ),
    item(
        8,
        Recognised::NotAutomatic,
        Some(t(
            "服务上线之后无法获取jsapi_ticket，自己测试时没问题。",
            "After going live the service cannot get a jsapi_ticket, though it worked in your own tests.",
        )),
        t(
            "因为access_token和jsapi_ticket必须要在自己的服务器缓存，否则上线后会触发频率限制。目前为了方便测试提供了1w的获取量，超过阀值后，服务将不再可用。",
            "access_token and jsapi_ticket must be cached on your own server, or going live hits the rate limit. For testing, 10,000 fetches are allowed; past that threshold the service is no longer available.",
        ),
        &[
            t(
                "请确保一定对token和ticket做缓存以减少2次服务器请求，不仅可以避免触发频率限制，还加快你们自己的服务速度。",
                "Cache the token and the ticket to save two server requests: that avoids the rate limit and speeds up your own service.",
            ),
            t(
                "请确保在服务上线前一定全局缓存access_token和jsapi_ticket，两者有效期均为7200秒，否则一旦上线触发频率限制，服务将不再可用。",
                "Before going live, cache access_token and jsapi_ticket globally (both are valid for 7200 seconds); otherwise, once live, the rate limit makes the service unavailable.",
            ),
        ],
    ),
    item(
        9,
        Recognised::By(&[Clue::Api("uploadImage")]),
        Some(t("uploadImage怎么传多图", "How does uploadImage upload several images")),
        t("目前只支持一次上传一张。", "It uploads one image at a time."),
        &[t(
            "多张图片需等前一张图片上传之后再调用该接口。",
            "For several images, call it again once the previous image has been uploaded.",
        )],
    ),
    item(
        10,
        Recognised::By(&[Clue::Api("chooseImage")]),
        Some(t(
            "没法对本地选择的图片进行预览",
            "Locally chosen images cannot be previewed",
        )),
        t(
            "chooseImage接口本身就支持预览。",
            "chooseImage itself supports previewing.",
        ),
        &[t("不需要额外支持。", "Nothing more is needed.")],
    ),
    item(
        11,
        Recognised::By(&[doctor(DoctorCode::UrlMismatch)]),
        Some(t(
            "通过a链接(例如先通过微信授权登录)跳转到b链接，invalid signature签名失败",
            "After going from link a to link b (e.g. through WeChat's authorisation login first), invalid signature",
        )),
        t(
            "后台生成签名的链接为使用jssdk的当前链接，也就是跳转后的b链接。",
            "The link the back end signs is the current link that uses the JS-SDK: link b, after the redirect.",
        ),
        &[t(
            "请不要用微信登录的授权链接进行签名计算，后台签名的url一定是使用jssdk的当前页面的完整url除去'#'部分。",
            "Do not sign WeChat login's authorisation link: the URL the back end signs must be the full URL of the current page that uses the JS-SDK, without the '#' part.",
        )],
    ),
    item(
        12,
        Recognised::By(&[Clue::ErrMsg("config:fail")]),
        None,
        t(
            "这是由于传入的config参数不全导致。",
            "The parameters passed to config are incomplete.",
        ),
        &[t(
            "请确保传入正确的appId、timestamp、nonceStr、signature和需要使用的jsApiList。",
            "Pass the right appId, timestamp, nonceStr, signature and the jsApiList you need.",
        )],
    ),
    item(
        13,
        Recognised::By(&[Clue::Api("uploadImage"), Clue::Api("uploadVoice")]),
        Some(t(
            "如何把jsapi上传到微信的多媒体资源下载到自己的服务器",
            "How to download media uploaded to WeChat by the JS-SDK to your own server",
        )),
        t(
            "上传的图片和语音保存在微信服务器，有效期3天。",
            "Uploaded images and voice are kept on WeChat's servers, for 3 days.",
        ),
        &[t(
            "请参见文档中uploadVoice和uploadImage接口的备注说明：可用微信多媒体接口下载到自己的服务器，此处获得的 serverId 即 media_id。",
            "See the notes of uploadVoice and uploadImage: download them to your server with WeChat's media API; the serverId obtained is the media_id.",
        )],
    ),
    item(
        14,
        Recognised::By(&[Clue::Api("uploadVoice")]),
        Some(t(
            "Android通过jssdk上传到微信服务器，第三方再从微信下载到自己的服务器，会出现杂音",
            "Voice uploaded from Android through the JS-SDK and then downloaded from WeChat to your own server is noisy",
        )),
        t(
            "微信团队已经修复此问题。",
            "The WeChat team has fixed this problem.",
        ),
        &[t(
            "目前后台已优化上线。",
            "The improved back end is live.",
        )],
    ),
    item(
        15,
        Recognised::NotAutomatic,
        Some(t(
            "绑定父级域名，是否其子域名也是可用的",
            "Once a parent domain is bound, can its subdomains be used too",
        )),
        t(
            "是的，合法的子域名在绑定父域名之后是完全支持的。",
            "Yes: valid subdomains are fully supported once the parent domain is bound.",
        ),
        &[t(
            "绑定父级域名即可。",
            "Binding the parent domain is enough.",
        )],
    ),
    item(
        16,
        Recognised::By(&[Clue::Category("share")]),
        Some(t(
            "在iOS微信6.1版本中，分享的图片外链不显示",
            "In iOS WeChat 6.1, shared images linked from other sites do not show",
        )),
        t(
            "只能显示公众号页面内链的图片或者微信服务器的图片。",
            "Only images linked within the Official Account's pages, or on WeChat's servers, are shown.",
        ),
        &[t("已在6.2中修复。", "Fixed in 6.2.")],
    ),
    item(
        17,
        Recognised::NotAutomatic,
        Some(t(
            "是否需要对低版本自己做兼容",
            "Must I handle older versions myself",
        )),
        t(
            "jssdk都是兼容低版本的，不需要第三方自己额外做更多工作。",
            "The JS-SDK is compatible with older versions; third parties need no extra work.",
        ),
        &[t(
            "但有的接口是6.0.2新引入的，只有新版才可调用。",
            "But some APIs were introduced in 6.0.2 and only newer versions can call them.",
        )],
    ),
    item(
        18,
        Recognised::By(&[Clue::Api("chooseWXPay")]),
        Some(t(
            "该公众号支付签名无效，无法发起该笔交易",
            "This Official Account's payment signature is invalid; the transaction cannot be started",
        )),
        t(
            "拷贝到第三方服务器中使用的jweixin.js，官方将不对其出现的任何问题提供保障。",
            "A jweixin.js copied to a third-party server is used at your own risk: WeChat guarantees nothing about it.",
        ),
        &[
            t(
                "请确保你使用的jweixin.js是官方线上版本，不仅可以减少用户流量，还有可能对某些bug进行修复。",
                "Use the official online jweixin.js: it saves users' data and may carry bug fixes.",
            ),
            t(
                "具体支付签名算法可参考 JSSDK微信支付一栏。",
                "For the payment signature algorithm, see the WeChat Pay section of the JS-SDK document.",
            ),
        ],
    ),
    item(
        19,
        Recognised::NotAutomatic,
        Some(t(
            "使用pushState来实现web app的页面会导致签名失败",
            "A web app whose pages use pushState fails to sign",
        )),
        t(
            "目前Android微信客户端不支持pushState的H5新特性。",
            "The Android WeChat client does not support HTML5's pushState.",
        ),
        &[t(
            "此问题已在Android6.2中修复。",
            "Fixed in Android 6.2.",
        )],
    ),
    item(
        20,
        Recognised::By(&[Clue::Api("uploadImage")]),
        Some(t(
            "uploadImage在chooseImage的回调中有时候Android会不执行",
            "On Android, uploadImage in chooseImage's callback sometimes does not run",
        )),
        t(
            "Android 6.2 以前的客户端问题，Android6.2会解决此问题。",
            "A problem of Android clients before 6.2, which solves it.",
        ),
        &[t(
            "若需支持低版本可以把调用uploadImage放在setTimeout中延迟100ms解决。",
            "To support older versions, call uploadImage in a setTimeout of 100 ms.",
        )],
    ),
    item(
        21,
        Recognised::By(&[Clue::ErrMsg("require subscribe")]),
        None,
        t(
            "require subscribe错误说明你没有订阅该测试号，该错误仅测试号会出现。",
            "require subscribe means you do not follow this test account; only test accounts give it.",
        ),
        &[t(
            "先关注（订阅）该测试号，再打开页面。",
            "Follow (subscribe to) the test account, then open the page.",
        )],
    ),
    item(
        22,
        Recognised::By(&[Clue::Api("getLocation"), Clue::Api("openLocation")]),
        Some(t(
            "getLocation返回的坐标在openLocation有偏差",
            "The coordinates getLocation returns are off in openLocation",
        )),
        t(
            "因为getLocation返回的是gps坐标，openLocation打开的腾讯地图为火星坐标。",
            "getLocation returns GPS (wgs84) coordinates, while the Tencent map openLocation opens uses Mars (gcj02) coordinates.",
        ),
        &[t(
            "需要第三方自己做转换，6.2版本开始已经支持直接获取火星坐标。",
            "Convert them yourself; from 6.2 on, Mars coordinates can be got directly (type: 'gcj02').",
        )],
    ),
    item(
        23,
        Recognised::By(&[Clue::MenuItem("menuItem:addContact")]),
        Some(t(
            "查看公众号（未添加）: \"menuItem:addContact\"不显示",
            "View Official Account (not added): \"menuItem:addContact\" does not show",
        )),
        t(
            "目前仅有从公众号传播出去的链接才能显示。",
            "Only links spread from an Official Account show it.",
        ),
        &[t("来源必须是公众号。", "The source must be an Official Account.")],
    ),
    item(
        24,
        Recognised::NotAutomatic,
        Some(t(
            "新备案的域名无法绑定",
            "A newly ICP-filed domain cannot be bound",
        )),
        t(
            "ICP备案数据同步有一天延迟。",
            "ICP filing data takes a day to sync.",
        ),
        &[t("所以请在第二日绑定。", "So bind it on the next day.")],
    ),
];

/// The item whose errMsg text `err_msg` contains.
pub fn error_for_err_msg(err_msg: &str) -> Option<&'static ErrorHelp> {
    ERRORS
        .iter()
        .find(|error| error.err_msg().is_some_and(|text| err_msg.contains(text)))
}

/// The item a URL finding explains.
pub fn error_for_finding(code: FindingCode) -> Option<&'static ErrorHelp> {
    ERRORS
        .iter()
        .find(|error| error.clues().contains(&Clue::Finding(code)))
}

/// The items a category page lists: those about one of its APIs, about the category, or
/// (on the menu page) about a menu item.
pub fn errors_about(slug: &str) -> impl Iterator<Item = &'static ErrorHelp> + use<'_> {
    ERRORS.iter().filter(move |error| {
        error.clues().iter().any(|clue| match clue {
            Clue::Api(id) => super::api(id).is_some_and(|api| api.category == slug),
            Clue::Category(category) => *category == slug,
            Clue::MenuItem(_) => slug == super::MENU_PAGE,
            Clue::ErrMsg(_) | Clue::Finding(_) => false,
        })
    })
}

/// The `id` of an item in the doctor page's list.
pub fn item_anchor(number: u8) -> String {
    format!("appendix-5-{number}")
}

/// Where an item of the doctor page's list is; `on_doctor` when already on that page (whose
/// query, the form's prefill, is kept).
pub fn item_href(number: u8, on_doctor: bool) -> String {
    let page = if on_doctor { "" } else { "/doctor" };
    format!("{page}#{}", item_anchor(number))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{api, category, MENU_ITEMS};
    use std::collections::HashSet;

    fn has_cjk(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    fn assert_bilingual(number: u8, what: &str, text: Text) {
        assert!(!text.zh.trim().is_empty(), "#{number}: no Chinese {what}");
        assert!(!text.en.trim().is_empty(), "#{number}: no English {what}");
        assert!(
            !has_cjk(text.en),
            "#{number}: the English {what} has Chinese in it"
        );
    }

    #[test]
    fn appendix_5_has_all_24_items_in_the_documents_order() {
        assert_eq!(ERRORS.len(), 24);
        for (at, error) in ERRORS.iter().enumerate() {
            assert_eq!(usize::from(error.number), at + 1);
        }
    }

    #[test]
    fn every_item_has_a_symptom_cause_and_fix_in_both_languages() {
        for error in ERRORS {
            let number = error.number;
            match (error.err_msg(), error.symptom.get()) {
                (Some(_), None) => {}
                (None, Some(symptom)) => assert_bilingual(number, "symptom", symptom),
                _ => panic!("#{number}: the symptom is the errMsg or a text, not both or neither"),
            }
            assert_bilingual(number, "cause", error.cause.get());
            assert!(!error.fix.get().is_empty(), "#{number}: no fix");
            for step in error.fix.get() {
                assert_bilingual(number, "fix", *step);
            }
        }
    }

    #[test]
    fn item_1_has_the_newer_documents_port_advice() {
        let fix = ERRORS[0].fix.get()[0];
        assert!(fix
            .zh
            .contains("仅支持80（http）和443（https）两个端口，因此不需要填写端口号"));
        assert!(!fix.zh.contains("加上端口号"));
        assert!(fix.en.contains("no port number"));
    }

    #[test]
    fn errmsg_patterns_are_unique_and_none_contains_another() {
        let patterns: Vec<&str> = ERRORS.iter().flat_map(|e| e.err_msg()).collect();
        assert_eq!(patterns.len(), 7);
        for pattern in &patterns {
            assert!(
                pattern
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == ' ' || c == ':'),
                "{pattern:?}: the wx.error help's CSS quotes it as it is"
            );
        }
        for (at, pattern) in patterns.iter().enumerate() {
            for (other_at, other) in patterns.iter().enumerate() {
                assert!(
                    at == other_at || !other.contains(pattern),
                    "{other:?} contains {pattern:?}: an errMsg would match both"
                );
            }
        }
        for error in ERRORS {
            let texts = error
                .clues()
                .iter()
                .filter(|clue| matches!(clue, Clue::ErrMsg(_)));
            assert!(texts.count() <= 1, "#{}", error.number);
        }
    }

    #[test]
    fn wx_errors_and_refusals_find_their_item() {
        let number = |err_msg: &str| error_for_err_msg(err_msg).map(|e| e.number);
        assert_eq!(number("config:invalid signature"), Some(2));
        assert_eq!(number("config:invalid url domain"), Some(1));
        assert_eq!(number("config:fail"), Some(12));
        assert_eq!(number("chooseImage:permission denied"), Some(4));
        assert_eq!(number("chooseImage:ok"), None);
    }

    #[test]
    fn recognition_is_never_an_empty_list() {
        for error in ERRORS {
            if let Recognised::By(clues) = error.recognised {
                assert!(
                    !clues.is_empty(),
                    "#{}: say NotAutomatic instead",
                    error.number
                );
            }
        }
    }

    #[test]
    fn every_clue_names_a_real_api_category_or_menu_item() {
        for error in ERRORS {
            for clue in error.clues() {
                let real = match clue {
                    Clue::ErrMsg(text) => !text.is_empty(),
                    Clue::Finding(_) => true,
                    Clue::Api(id) => api(id).is_some(),
                    Clue::Category(slug) => category(slug).is_some(),
                    Clue::MenuItem(id) => MENU_ITEMS.iter().any(|item| item.id == *id),
                };
                assert!(
                    real,
                    "#{}: {clue:?} names nothing in the catalog",
                    error.number
                );
            }
        }
        assert_eq!(
            api("hideMenuItems").unwrap().category,
            super::super::MENU_PAGE
        );
    }

    #[test]
    fn a_finding_points_at_one_item_at_most() {
        let mut claimed = HashSet::new();
        for error in ERRORS {
            for clue in error.clues() {
                if let Clue::Finding(code) = clue {
                    assert!(claimed.insert(code.as_str()), "{code:?} is claimed twice");
                }
            }
        }
        assert_eq!(
            error_for_finding(FindingCode::Lint(UrlLint::NonStandardPort)).map(|e| e.number),
            Some(1)
        );
        assert_eq!(
            error_for_finding(FindingCode::Doctor(DoctorCode::UrlMismatch)).map(|e| e.number),
            Some(11)
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn every_finding_named_is_one_the_doctor_really_reports() {
        use crate::api::doctor::ssr::diagnose;
        use wechat::page_url::SafeDomains;
        // Inputs that make the doctor report `code`: (url, page url, expected, safe domains).
        fn witness(
            code: FindingCode,
        ) -> (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            &'static str,
        ) {
            match code {
                FindingCode::Lint(lint) => (
                    match lint {
                        UrlLint::FragmentRemoved => "https://a.example/p#x",
                        UrlLint::EscapedAmpersand => "https://a.example/p?a=1&amp;b=2",
                        UrlLint::DoubleEncoded => "https://a.example/p?u=%2520",
                        UrlLint::NoPathAfterHost => "https://a.example",
                        UrlLint::UppercaseHost => "https://A.example/p",
                        UrlLint::DefaultPort => "https://a.example:443/p",
                        UrlLint::NonStandardPort => "http://a.example:8080/p",
                        UrlLint::LocalOrIpHost => "http://localhost/p",
                    },
                    None,
                    None,
                    "",
                ),
                FindingCode::Doctor(code) => match code {
                    DoctorCode::HostNotAllowed => {
                        ("https://evil.example/p", None, None, "a.example")
                    }
                    DoctorCode::StillEncoded => ("https%3A%2F%2Fa.example%2Fp", None, None, ""),
                    DoctorCode::SchemeMismatch => {
                        ("http://a.example/p", Some("https://a.example/p"), None, "")
                    }
                    DoctorCode::HostMismatch => {
                        ("https://a.example/p", Some("https://b.example/p"), None, "")
                    }
                    DoctorCode::PortMismatch => (
                        "http://a.example:8080/p",
                        Some("http://a.example/p"),
                        None,
                        "",
                    ),
                    DoctorCode::UrlMismatch => {
                        ("https://a.example/a", Some("https://a.example/b"), None, "")
                    }
                    DoctorCode::SignatureMismatch => ("https://a.example/p", None, Some("0"), ""),
                },
            }
        }
        for error in ERRORS {
            for clue in error.clues() {
                let Clue::Finding(code) = clue else { continue };
                let (url, page_url, expected, domains) = witness(*code);
                let domains = SafeDomains::parse(domains).unwrap();
                let diagnosis = diagnose(url, "t", "n", 1, page_url, expected, &domains).unwrap();
                assert!(
                    diagnosis.findings.iter().any(|f| f.kind.code() == *code),
                    "#{}: the doctor never reports {code:?} for {url}",
                    error.number
                );
            }
        }
    }
}
