//! The doctor's `realAuthUrl` section: the URL a page signed beside the URL the client says it
//! verified (`realAuthUrl`, carried by a real client's `invalid signature` and by the
//! simulator's), and what their difference means. Server HTML and a GET form: it works without
//! JavaScript and puts nothing into the wasm.

use crate::{catalog::Text, components::error_help::AppendixLink, i18n::use_i18n, strings};
use leptos::prelude::*;
use wechat::auth_url::{auth_url_causes, AuthUrlCause};

/// The section, filled from the doctor's query (`?url=<signed>&real_auth_url=<verified>`).
#[component]
pub fn AuthUrlDiff(signed: String, real: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let causes = (!signed.trim().is_empty() && !real.trim().is_empty())
        .then(|| auth_url_causes(&signed, &real));
    view! {
        <form method="get" action="/doctor" class="panel doctor_form auth_url_form" id="auth-url-form">
            <h2>{i18n.t(strings::AUTH_URL_TITLE)}</h2>
            <p class="hint">{i18n.t(strings::AUTH_URL_INTRO)}</p>
            <label>
                {i18n.t(strings::AUTH_URL_SIGNED)}
                <input name="url" id="auth-url-signed" value=signed />
            </label>
            <label>"realAuthUrl"<input name="real_auth_url" id="auth-url-real" value=real /></label>
            <button class="btn btn_primary" type="submit" id="auth-url-compare">{i18n.t(strings::AUTH_URL_COMPARE)}</button>
            {causes
                .map(|causes| {
                    view! {
                        <ul class="findings" id="auth-url-causes">
                            {causes
                                .into_iter()
                                .map(|cause| {
                                    view! {
                                        <li class="finding" data-code=cause.as_str()>
                                            {cause_text(cause).get(lang)}
                                            " "
                                            <AppendixLink number=appendix_item(cause) on_doctor=true />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </form>
    }
}

/// `url` and `real_auth_url` of the request's query, each decoded exactly once (the router's
/// query map decodes twice, which would turn a percent-encoded signed URL into a plain one
/// and hide the very cause shown here). Empty outside a server render.
pub fn query_urls() -> (String, String) {
    #[cfg(feature = "ssr")]
    {
        let query = use_context::<http::request::Parts>()
            .and_then(|parts| parts.uri.query().map(str::to_owned))
            .unwrap_or_default();
        let get = |key: &str| {
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| *name == key)
                .map(|(_, value)| {
                    percent_encoding::percent_decode_str(&value.replace('+', " "))
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .unwrap_or_default()
        };
        (get("url"), get("real_auth_url"))
    }
    #[cfg(not(feature = "ssr"))]
    {
        (String::new(), String::new())
    }
}

/// The appendix 5 item a cause belongs to: #11 for the OAuth A→B link, #2 (invalid signature)
/// for the rest.
pub fn appendix_item(cause: AuthUrlCause) -> u8 {
    match cause {
        AuthUrlCause::OauthCode => 11,
        _ => 2,
    }
}

/// What a cause means, in both languages.
pub fn cause_text(cause: AuthUrlCause) -> Text {
    let t = |zh, en| Text { zh, en };
    match cause {
        AuthUrlCause::Identical => t(
            "两者相同：URL 没有问题，问题在 jsapi_ticket（已过期或被替换）、nonceStr/timestamp 或 appId。",
            "They are the same: the URL is fine; the jsapi_ticket (expired or replaced), nonceStr/timestamp or appId is at fault.",
        ),
        AuthUrlCause::Fragment => t(
            "签名的 URL 带着 #…：签名前要去掉 # 及其后部分（location.href.split('#')[0]）。",
            "The signed URL keeps its #fragment: cut it before signing (location.href.split('#')[0]).",
        ),
        AuthUrlCause::EscapedAmpersand => t(
            "签名的 URL 里是 &amp;，微信验证的是 &：URL 在模板里被 HTML 转义了，签原始的 URL。",
            "The signed URL has &amp; where WeChat verified &: the URL was HTML-escaped in a template; sign the raw one.",
        ),
        AuthUrlCause::Encoded => t(
            "一边是另一边的百分号编码：传给后台的 URL 要 encodeURIComponent，后台签名前要解码一次（只解一次）。",
            "One is the other percent-encoded: encodeURIComponent the URL sent to the server, and decode it exactly once before signing.",
        ),
        AuthUrlCause::Scheme => t(
            "协议不同（http 与 https）：多半是终止 TLS 的代理后面的服务器自己拼出了 URL；用页面的 location.href。",
            "The scheme differs (http vs https): usually a server behind a TLS-terminating proxy built the URL itself; use the page's location.href.",
        ),
        AuthUrlCause::Host => t(
            "域名不同：签名用的是代理、负载均衡或写死的域名（或大小写不同）；用页面的 location.href。",
            "The host differs: the signature used a proxy's, a load balancer's or a hard-coded host (or another case); use the page's location.href.",
        ),
        AuthUrlCause::Port => t(
            "端口不同：签名的 URL 带着服务器内部的端口（或多写了默认端口）；微信只认页面地址栏里的写法。",
            "The port differs: the signed URL carries the server's internal port (or spells out the default one); WeChat takes the address as the page shows it.",
        ),
        AuthUrlCause::OauthCode => t(
            "只差 OAuth 的 code/state：签的是授权前的链接（A），而使用 JS-SDK 的是跳转后的页面（B）；签 B 的完整 URL。",
            "Only OAuth's code/state differ: the link before the authorization redirect (A) was signed, but the page using the JS-SDK is the one after it (B); sign B's full URL.",
        ),
        AuthUrlCause::OtherPage => t(
            "页面路径不同：iOS 微信验证的是进入时的落地页 URL（pushState 之后也不变），Android 验证当前 URL；或者签的是跳转前的 A 链接。",
            "The path differs: iOS WeChat verifies the landing URL (the page first entered, unchanged by pushState), Android the current one; or the A link before a redirect was signed.",
        ),
        AuthUrlCause::OtherQuery => t(
            "同一页面，查询参数不同：分享后微信会在链接后加参数，签名的 URL 必须动态取 location.href。",
            "The same page with another query: WeChat appends parameters to shared links, so the signed URL must be taken from location.href each time.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_is_said_in_both_languages() {
        for cause in AuthUrlCause::ALL {
            let text = cause_text(cause);
            assert!(!text.zh.is_empty() && !text.en.is_empty(), "{cause:?}");
            assert_ne!(text.zh, text.en);
            assert!(crate::catalog::ERRORS
                .iter()
                .any(|e| e.number == appendix_item(cause)));
        }
    }
}
