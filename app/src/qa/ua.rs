//! What a QA run needs to know from a user agent: the WeChat version and the OS.

use serde::{Deserialize, Serialize};

/// The facts read out of a user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UaFacts {
    /// `8.0.47.2560` from `MicroMessenger/8.0.47.2560(0x28002F30)`; `None` outside WeChat.
    pub wechat_version: Option<String>,
    /// `Android`, `iOS`, `iPadOS`, `HarmonyOS`, `Windows`, `macOS`, `Linux` or `unknown`.
    pub os: String,
    /// `14`, `17.4.1`, … when the user agent says.
    pub os_version: Option<String>,
    /// WeCom (企业微信) rather than WeChat.
    pub wecom: bool,
}

impl UaFacts {
    /// `iOS 17.4.1`, `Android 14`, `Windows`: for lists and headings.
    pub fn os_label(&self) -> String {
        match &self.os_version {
            Some(v) => format!("{} {v}", self.os),
            None => self.os.clone(),
        }
    }
}

/// Reads the WeChat version and the OS out of a user agent.
pub fn parse(user_agent: &str) -> UaFacts {
    let (os, os_version) = os_of(user_agent);
    UaFacts {
        wechat_version: token_version(user_agent, "MicroMessenger/"),
        os: os.to_owned(),
        os_version,
        wecom: user_agent.contains("wxwork/"),
    }
}

/// The version after `prefix`: digits and dots, up to `(`, space or end.
fn token_version(user_agent: &str, prefix: &str) -> Option<String> {
    let start = user_agent.find(prefix)? + prefix.len();
    let version: String = user_agent[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let version = version.trim_end_matches('.');
    (!version.is_empty()).then(|| version.to_owned())
}

/// A version made of digits and `sep`, found right after `prefix`, with `sep` as `.`.
fn version_after(user_agent: &str, prefix: &str, sep: char) -> Option<String> {
    let start = user_agent.find(prefix)? + prefix.len();
    let version: String = user_agent[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == sep)
        .map(|c| if c == sep { '.' } else { c })
        .collect();
    let version = version.trim_end_matches('.');
    (!version.is_empty()).then(|| version.to_owned())
}

fn os_of(ua: &str) -> (&'static str, Option<String>) {
    if ua.contains("OpenHarmony") || ua.contains("HarmonyOS") {
        let version =
            version_after(ua, "OpenHarmony ", '.').or_else(|| version_after(ua, "HarmonyOS ", '.'));
        return ("HarmonyOS", version);
    }
    if ua.contains("Android") {
        return ("Android", version_after(ua, "Android ", '.'));
    }
    if ua.contains("iPad") {
        return ("iPadOS", version_after(ua, "CPU OS ", '_'));
    }
    if ua.contains("iPhone") || ua.contains("iPod") {
        return ("iOS", version_after(ua, "iPhone OS ", '_'));
    }
    if ua.contains("Windows") {
        return ("Windows", version_after(ua, "Windows NT ", '.'));
    }
    if ua.contains("Mac OS X") {
        return ("macOS", version_after(ua, "Mac OS X ", '_'));
    }
    if ua.contains("Linux") || ua.contains("X11") {
        return ("Linux", None);
    }
    ("unknown", None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn android_wechat() {
        let ua = "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
        let facts = parse(ua);
        assert_eq!(facts.wechat_version.as_deref(), Some("8.0.47.2560"));
        assert_eq!(facts.os, "Android");
        assert_eq!(facts.os_version.as_deref(), Some("14"));
        assert_eq!(facts.os_label(), "Android 14");
        assert!(!facts.wecom);
    }

    #[test]
    fn ios_wechat_version_underscores_become_dots() {
        let ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.48(0x18003030) NetType/WIFI Language/zh_CN";
        let facts = parse(ua);
        assert_eq!(facts.wechat_version.as_deref(), Some("8.0.48"));
        assert_eq!(facts.os, "iOS");
        assert_eq!(facts.os_version.as_deref(), Some("17.4.1"));
    }

    #[test]
    fn ipad_and_harmony_and_wecom() {
        let ipad = parse("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.40(0x1800282a)");
        assert_eq!(
            (ipad.os.as_str(), ipad.os_version.as_deref()),
            ("iPadOS", Some("16.6"))
        );
        let harmony = parse("Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile MicroMessenger/8.0.1.33(0x20000121)");
        assert_eq!(harmony.os, "HarmonyOS");
        assert_eq!(harmony.os_version.as_deref(), Some("4.1"));
        assert_eq!(harmony.wechat_version.as_deref(), Some("8.0.1.33"));
        let wecom = parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh");
        assert!(wecom.wecom);
        assert_eq!(wecom.os_label(), "Windows 10.0");
    }

    #[test]
    fn desktop_browsers_have_no_wechat_version() {
        let chrome = parse("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36");
        assert_eq!(chrome.wechat_version, None);
        assert_eq!(chrome.os, "Linux");
        let mac = parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15");
        assert_eq!(mac.os_label(), "macOS 10.15.7");
        assert_eq!(parse("").os, "unknown");
    }

    #[test]
    fn the_simulators_user_agent_reads_as_wechat() {
        let facts = parse("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36 MicroMessenger/8.0.50 WeChatPlaygroundSimulator");
        assert_eq!(facts.wechat_version.as_deref(), Some("8.0.50"));
    }

    #[test]
    fn a_dangling_prefix_is_no_version() {
        assert_eq!(parse("MicroMessenger/").wechat_version, None);
        assert_eq!(parse("MicroMessenger/abc").wechat_version, None);
    }
}
