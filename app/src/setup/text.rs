//! `/setup`'s findings in words, Chinese and English: what each check looked at and found,
//! and what to do when it is wrong. Server-rendered only (no island shows them).

use super::{Fetched, Finding, State};
use crate::catalog::{t, Lang, Text};
use crate::diagnostics::fill;

/// What the check looked at and what it found, in `lang`.
pub fn checked(finding: &Finding, state: State, lang: Lang) -> String {
    let say = |text: Text, values: &[&str]| fill(text.get(lang), values);
    let ok = state == State::Ok;
    match finding {
        Finding::Sandbox => say(t(
            "沙箱模式：未配置 WECHAT_APP_ID / WECHAT_APP_SECRET，签名来自内置的模拟微信接口，真实微信不会接受。",
            "Sandbox mode: WECHAT_APP_ID / WECHAT_APP_SECRET are not set; signatures come from the built-in fake WeChat API, which real WeChat does not accept.",
        ), &[]),
        Finding::TokenHeld { cached: true } => say(t(
            "access_token 已在缓存中（本次未请求微信）。",
            "An access_token is in the cache (WeChat was not asked this time).",
        ), &[]),
        Finding::TokenHeld { cached: false } => say(t(
            "已用 appId 与 AppSecret 从微信获取 access_token。",
            "An access_token was fetched from WeChat with the appId and AppSecret.",
        ), &[]),
        Finding::InvalidAppId { app_id } => say(t(
            "微信返回 40013 invalid appid：微信不认识 appId {}。",
            "WeChat answered 40013 invalid appid: it does not know the appId {}.",
        ), &[app_id]),
        Finding::InvalidSecret => say(t(
            "微信返回 40125 invalid appsecret：AppSecret 不对（已重置或抄错）。",
            "WeChat answered 40125 invalid appsecret: the AppSecret is wrong (reset, or mistyped).",
        ), &[]),
        Finding::IpNotWhitelisted { ip: Some(ip) } => say(t(
            "微信返回 40164：本服务器的 IP {} 不在公众号的 IP 白名单中。",
            "WeChat answered 40164: this server's IP {} is not in the account's IP whitelist.",
        ), &[ip]),
        Finding::IpNotWhitelisted { ip: None } => say(t(
            "微信返回 40164：本服务器的 IP 不在公众号的 IP 白名单中（微信的消息未写出 IP）。",
            "WeChat answered 40164: this server's IP is not in the account's IP whitelist (WeChat's message named no IP).",
        ), &[]),
        Finding::FetchFailed { errcode, detail } => {
            let code = errcode.map(|c| c.to_string()).unwrap_or_else(|| "—".to_owned());
            say(t("获取失败（errcode {}）：{}", "The fetch failed (errcode {}): {}"), &[&code, detail])
        }
        Finding::TimedOut { secs } => say(t(
            "{} 秒内没有结果，未完成检查。",
            "No answer within {} seconds: not checked.",
        ), &[&secs.to_string()]),
        Finding::PublicUrlUnset => say(t(
            "未设置 PUBLIC_URL：二维码用的是请求里的主机名，手机未必能打开。",
            "PUBLIC_URL is not set: QR codes use the host of the request, which a phone may not reach.",
        ), &[]),
        Finding::PublicUrlUnreadable { url } => say(t(
            "PUBLIC_URL {} 不是可签名的页面地址。",
            "PUBLIC_URL {} is not a URL a page can be signed for.",
        ), &[url]),
        Finding::Scheme { scheme } if ok => say(t("协议：{}。", "Scheme: {}."), &[scheme]),
        Finding::Scheme { scheme } => say(t(
            "协议：{}。正式公众号的网页须用 https；微信内打开 http 页面会提示不安全。",
            "Scheme: {}. A formal account's pages must be https; WeChat warns on http pages.",
        ), &[scheme]),
        Finding::Host { host } if ok => say(t("主机：{}，是域名。", "Host: {}, a domain name."), &[host]),
        Finding::Host { host } => say(t(
            "主机：{}。JS接口安全域名只能是域名，不能是 localhost 或 IP。",
            "Host: {}. A JS interface safe domain is a domain name, never localhost or an IP address.",
        ), &[host]),
        Finding::Port { port } if ok => say(t("端口：{}。", "Port: {}."), &[&port.to_string()]),
        Finding::Port { port } => say(t(
            "端口：{}。新版文档：网页只能用 80（http）或 443（https）端口。",
            "Port: {}. The newer document: pages may only use port 80 (http) or 443 (https).",
        ), &[&port.to_string()]),
        Finding::SafeDomain { host, allowed } if allowed.is_empty() => say(t(
            "未设置 JS_SAFE_DOMAINS：本服务器为任何主机签名，无法核对 {} 是否就是公众号里填的域名。",
            "JS_SAFE_DOMAINS is not set: this server signs for any host, so it cannot check that {} is the domain entered in the account.",
        ), &[host]),
        Finding::SafeDomain { host, allowed } if ok => say(t(
            "{} 在 JS_SAFE_DOMAINS（{}）之内。",
            "{} is among JS_SAFE_DOMAINS ({}).",
        ), &[host, &allowed.join(", ")]),
        Finding::SafeDomain { host, allowed } => say(t(
            "{} 不在 JS_SAFE_DOMAINS（{}）之内：本服务器不会为它签名。",
            "{} is not among JS_SAFE_DOMAINS ({}): this server will not sign for it.",
        ), &[host, &allowed.join(", ")]),
        Finding::NoVerifyFile => say(t(
            "未设置 WECHAT_VERIFY_FILES：测试号不需要；正式公众号设置 JS接口安全域名前，微信要在域名根目录取到 MP_verify_*.txt。",
            "WECHAT_VERIFY_FILES is not set: a test account needs none; before a formal account accepts a JS interface safe domain, WeChat fetches MP_verify_*.txt from the domain's root.",
        ), &[]),
        Finding::VerifyFile { url, fetched } => match fetched {
            Fetched::Same => say(t(
                "从 {} 取到的内容与校验文件逐字节相同。",
                "{} answers the verification file, byte for byte.",
            ), &[url]),
            Fetched::Different { len } => say(t(
                "{} 返回的内容（{} 字节）与校验文件不同。",
                "{} answers other bytes ({} bytes) than the verification file.",
            ), &[url, &len.to_string()]),
            Fetched::Status { status } => say(t(
                "{} 返回 HTTP {}：微信取不到校验文件。",
                "{} answers HTTP {}: WeChat cannot fetch the verification file.",
            ), &[url, &status.to_string()]),
            Fetched::RedirectOffHost { location } => say(t(
                "{} 重定向到其他主机（{}）：校验文件须在该域名本身的根目录。",
                "{} redirects to another host ({}): the file must be at the root of this very domain.",
            ), &[url, location]),
            Fetched::Unreachable { reason } => say(t(
                "取不到 {}：{}",
                "{} cannot be fetched: {}",
            ), &[url, reason]),
        },
        Finding::TicketHeld => say(t(
            "已取得 jsapi_ticket（经缓存，不多请求微信）。",
            "The jsapi_ticket is held (through the cache: WeChat is asked no more often).",
        ), &[]),
        Finding::SampleSignature { url, err_msg } => say(t(
            "为 {} 生成的示例签名经校验：{}。",
            "A sample signature made for {} was verified: {}.",
        ), &[url, err_msg]),
        Finding::NeedsEarlierStep => say(t(
            "上一步未通过，未检查。",
            "Not checked: an earlier step is not right.",
        ), &[]),
    }
}

/// What to do, in `lang`, when the check is not right.
pub fn todo(finding: &Finding, state: State, lang: Lang) -> Option<String> {
    if state == State::Ok {
        return None;
    }
    let say = |text: Text, values: &[&str]| Some(fill(text.get(lang), values));
    match finding {
        Finding::Sandbox => say(t(
            "在测试号页面或公众号「设置与开发 › 基本配置」取得 appId 与 AppSecret，设置 WECHAT_APP_ID 和 WECHAT_APP_SECRET 后重启。",
            "Get the appId and AppSecret from the test account's page, or the account's Settings & Development › Basic configuration; set WECHAT_APP_ID and WECHAT_APP_SECRET and restart.",
        ), &[]),
        Finding::InvalidAppId { .. } => say(t(
            "核对 WECHAT_APP_ID：复制公众号「基本配置」或测试号页面上的 appID。",
            "Check WECHAT_APP_ID: copy the appID from Basic configuration or the test account's page.",
        ), &[]),
        Finding::InvalidSecret => say(t(
            "在「基本配置」重置并复制 AppSecret（测试号页面上直接可见），更新 WECHAT_APP_SECRET 后重启。",
            "Reset and copy the AppSecret in Basic configuration (a test account shows it on its page), update WECHAT_APP_SECRET and restart.",
        ), &[]),
        Finding::IpNotWhitelisted { ip: Some(ip) } => say(t(
            "在「设置与开发 › 基本配置 › IP白名单」加入 {}，几分钟后重新载入本页。",
            "Add {} under Settings & Development › Basic configuration › IP whitelist, then reload this page after a few minutes.",
        ), &[ip]),
        Finding::IpNotWhitelisted { ip: None } => say(t(
            "在「基本配置 › IP白名单」加入本服务器访问外网所用的 IP。",
            "Add the IP this server reaches the internet from under Basic configuration › IP whitelist.",
        ), &[]),
        Finding::FetchFailed { .. } | Finding::TimedOut { .. } => say(t(
            "检查服务器能否访问 WECHAT_API_BASE（代理、防火墙、DNS），稍后重新载入本页。",
            "Check that the server reaches WECHAT_API_BASE (proxy, firewall, DNS), then reload this page.",
        ), &[]),
        Finding::PublicUrlUnset | Finding::PublicUrlUnreadable { .. } => say(t(
            "把 PUBLIC_URL 设为手机打开本站所用的 https 地址，例如 https://demo.example.com（隧道或 nginx 给出的地址）。",
            "Set PUBLIC_URL to the https address a phone opens this site at, e.g. https://demo.example.com (the one a tunnel or nginx gives).",
        ), &[]),
        Finding::Scheme { .. } => say(t(
            "在本机前面放一个 HTTPS 隧道或带证书的 nginx，把 PUBLIC_URL 改成 https:// 地址。",
            "Put an HTTPS tunnel or nginx with a certificate in front of this machine and make PUBLIC_URL an https:// address.",
        ), &[]),
        Finding::Host { .. } => say(t(
            "用一个域名访问本站（隧道给的域名，或解析到本机的域名），并写进 PUBLIC_URL。",
            "Reach this site through a domain name (the tunnel's, or one pointing at this machine) and put it in PUBLIC_URL.",
        ), &[]),
        Finding::Port { .. } => say(t(
            "让反向代理或隧道在 443 端口提供本站，PUBLIC_URL 不写端口。",
            "Have the reverse proxy or tunnel serve the site on port 443, and leave the port out of PUBLIC_URL.",
        ), &[]),
        Finding::SafeDomain { host, .. } => say(t(
            "把 JS_SAFE_DOMAINS 设为 {}（与公众号里填的 JS接口安全域名相同）。",
            "Set JS_SAFE_DOMAINS to {} (the JS interface safe domain entered in the account).",
        ), &[host]),
        Finding::NoVerifyFile => say(t(
            "正式公众号：在「设置与开发 › 公众号设置 › 功能设置 › JS接口安全域名」下载 MP_verify_*.txt，把 WECHAT_VERIFY_FILES 设为它的路径后重启。",
            "A formal account: download MP_verify_*.txt under Settings › Account settings › Function settings › JS interface safe domain, set WECHAT_VERIFY_FILES to its path and restart.",
        ), &[]),
        Finding::VerifyFile { .. } => say(t(
            "确认 PUBLIC_URL 的根路径由本服务器提供（反向代理把 / 转发到这里，不重定向到别的主机），且文件就是管理后台下载的那个。",
            "Make sure PUBLIC_URL's root is served by this server (the proxy forwards / here, without redirecting elsewhere) and the file is the one the admin page gave.",
        ), &[]),
        Finding::TicketHeld | Finding::SampleSignature { .. } => say(t(
            "签名未通过校验：用签名医生逐步核对。",
            "The signature does not verify: check it step by step in the signature doctor.",
        ), &[]),
        Finding::TokenHeld { .. } | Finding::NeedsEarlierStep => None,
    }
}

/// `ok` / `wrong` / `not checked` in `lang`.
pub fn state_label(state: State) -> Text {
    match state {
        State::Ok => t("通过", "ok"),
        State::Wrong => t("有误", "wrong"),
        State::NotChecked => t("未检查", "not checked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_40164_sentence_names_the_refused_ip_in_both_languages() {
        let finding = Finding::IpNotWhitelisted {
            ip: Some("203.0.113.7".into()),
        };
        for lang in [Lang::Zh, Lang::En] {
            assert!(checked(&finding, State::Wrong, lang).contains("203.0.113.7"));
            assert!(todo(&finding, State::Wrong, lang)
                .unwrap()
                .contains("203.0.113.7"));
        }
        assert_eq!(todo(&finding, State::Ok, Lang::En), None);
    }
}
