//! Which URL `wx.config` must be signed for.
//!
//! WeChat checks the signature against the page URL *it* holds. On iOS, WeChat keeps
//! the URL the page was entered with (the landing URL) across client-side navigation;
//! elsewhere it uses the current URL. Either way the `#fragment` is not part of it.
//! Getting this wrong is the commonest cause of `invalid signature`.

use serde::{Deserialize, Serialize};

/// Why a particular URL was chosen, shown on the page next to the signed URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignedUrlRule {
    /// iOS WeChat: the URL the page was first opened with.
    IosLandingUrl,
    /// Android WeChat, desktop WeChat, any browser: the current URL.
    CurrentUrl,
}

/// True when the user agent is WeChat's in-app browser.
pub fn is_wechat(user_agent: &str) -> bool {
    user_agent.to_ascii_lowercase().contains("micromessenger")
}

/// True when the user agent is WeChat on an iPhone, iPad or iPod.
pub fn is_ios_wechat(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    is_wechat(&ua) && (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod"))
}

/// The URL to sign and the rule that chose it; the fragment is always removed.
pub fn url_to_sign(
    user_agent: &str,
    landing_url: &str,
    current_url: &str,
) -> (String, SignedUrlRule) {
    let (url, rule) = if is_ios_wechat(user_agent) {
        (landing_url, SignedUrlRule::IosLandingUrl)
    } else {
        (current_url, SignedUrlRule::CurrentUrl)
    };
    (without_fragment(url).to_owned(), rule)
}

/// The URL up to (not including) the first `#`.
pub fn without_fragment(url: &str) -> &str {
    url.split_once('#').map_or(url, |(before, _)| before)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN";
    const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) NetType/WIFI Language/zh_CN";
    const DESKTOP: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    #[test]
    fn ios_wechat_signs_the_landing_url() {
        let (url, rule) = url_to_sign(
            IPHONE,
            "https://a.example/basic?x=1#top",
            "https://a.example/images",
        );
        assert_eq!(url, "https://a.example/basic?x=1");
        assert_eq!(rule, SignedUrlRule::IosLandingUrl);
    }

    #[test]
    fn android_wechat_and_browsers_sign_the_current_url() {
        for ua in [ANDROID, DESKTOP] {
            let (url, rule) = url_to_sign(
                ua,
                "https://a.example/basic",
                "https://a.example/images?a=%20b#frag",
            );
            assert_eq!(url, "https://a.example/images?a=%20b");
            assert_eq!(rule, SignedUrlRule::CurrentUrl);
        }
    }

    #[test]
    fn only_micromessenger_counts_as_wechat() {
        assert!(is_wechat(IPHONE));
        assert!(is_wechat(ANDROID));
        assert!(!is_wechat(DESKTOP));
        assert!(!is_ios_wechat(ANDROID));
        assert!(!is_ios_wechat(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari"
        ));
    }
}
