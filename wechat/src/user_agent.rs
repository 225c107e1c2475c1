//! What a user agent says about the client: WeChat or not, its version, the OS.
//!
//! One parser for the server (QA reports, error reports) and the browser (which SDK to load,
//! which URL to sign), so both read the same facts out of the same string.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The operating system a user agent names, as QA reports group devices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Os {
    /// iPhone or iPod.
    #[serde(rename = "iOS")]
    Ios,
    /// iPad.
    #[serde(rename = "iPadOS")]
    IpadOs,
    /// Android.
    Android,
    /// HarmonyOS / OpenHarmony.
    HarmonyOS,
    /// Windows (desktop WeChat, browsers).
    Windows,
    /// macOS (desktop WeChat, browsers).
    #[serde(rename = "macOS")]
    MacOs,
    /// Linux and other X11 desktops.
    Linux,
    /// Anything else.
    #[default]
    #[serde(rename = "unknown")]
    Unknown,
}

impl Os {
    /// Every value, in the order reports list them.
    pub const ALL: [Os; 8] = [
        Os::Ios,
        Os::IpadOs,
        Os::Android,
        Os::HarmonyOS,
        Os::Windows,
        Os::MacOs,
        Os::Linux,
        Os::Unknown,
    ];

    /// The name as written in reports: `iOS`, `iPadOS`, `Android`, … `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Os::Ios => "iOS",
            Os::IpadOs => "iPadOS",
            Os::Android => "Android",
            Os::HarmonyOS => "HarmonyOS",
            Os::Windows => "Windows",
            Os::MacOs => "macOS",
            Os::Linux => "Linux",
            Os::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Os {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The facts read out of a user agent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UaFacts {
    /// `8.0.47.2560` from `MicroMessenger/8.0.47.2560(0x28002F30)`; `None` outside WeChat.
    pub wechat_version: Option<String>,
    /// The operating system.
    pub os: Os,
    /// `14`, `17.4.1`, … when the user agent says.
    pub os_version: Option<String>,
    /// WeCom (企业微信) rather than WeChat.
    pub wecom: bool,
}

impl UaFacts {
    /// `iOS 17.4.1`, `Android 14`, `Windows`: for lists and headings.
    pub fn os_label(&self) -> String {
        os_label(self.os, self.os_version.as_deref())
    }
}

/// `iOS 17.4.1`, `Android 14`, `Windows`: an OS and its version, if known.
pub fn os_label(os: Os, version: Option<&str>) -> String {
    match version {
        Some(v) => format!("{os} {v}"),
        None => os.to_string(),
    }
}

/// True when the user agent is WeChat's in-app browser (`MicroMessenger`, any case).
pub fn is_wechat(user_agent: &str) -> bool {
    user_agent.to_ascii_lowercase().contains("micromessenger")
}

/// True when the user agent is WeChat on an iPhone, iPad or iPod: the clients that sign the
/// landing URL (see [`crate::page_url::url_to_sign`]).
pub fn is_ios_wechat(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    is_wechat(&ua) && (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod"))
}

/// Reads the WeChat version and the OS out of a user agent.
pub fn parse(user_agent: &str) -> UaFacts {
    let (os, os_version) = os_of(user_agent);
    UaFacts {
        wechat_version: version_after(user_agent, "MicroMessenger/", '.'),
        os,
        os_version,
        wecom: user_agent.contains("wxwork/"),
    }
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

fn os_of(ua: &str) -> (Os, Option<String>) {
    if ua.contains("OpenHarmony") || ua.contains("HarmonyOS") {
        let version =
            version_after(ua, "OpenHarmony ", '.').or_else(|| version_after(ua, "HarmonyOS ", '.'));
        return (Os::HarmonyOS, version);
    }
    if ua.contains("Android") {
        return (Os::Android, version_after(ua, "Android ", '.'));
    }
    if ua.contains("iPad") {
        return (Os::IpadOs, version_after(ua, "CPU OS ", '_'));
    }
    if ua.contains("iPhone") || ua.contains("iPod") {
        return (Os::Ios, version_after(ua, "iPhone OS ", '_'));
    }
    if ua.contains("Windows") {
        return (Os::Windows, version_after(ua, "Windows NT ", '.'));
    }
    if ua.contains("Mac OS X") {
        return (Os::MacOs, version_after(ua, "Mac OS X ", '_'));
    }
    if ua.contains("Linux") || ua.contains("X11") {
        return (Os::Linux, None);
    }
    (Os::Unknown, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN";
    const ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.49.2600(0x28003133) NetType/WIFI Language/zh_CN";
    const DESKTOP: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    #[test]
    fn android_wechat() {
        let ua = "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
        let facts = parse(ua);
        assert_eq!(facts.wechat_version.as_deref(), Some("8.0.47.2560"));
        assert_eq!(facts.os, Os::Android);
        assert_eq!(facts.os_version.as_deref(), Some("14"));
        assert_eq!(facts.os_label(), "Android 14");
        assert!(!facts.wecom);
    }

    #[test]
    fn ios_wechat_version_underscores_become_dots() {
        let facts = parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.48(0x18003030) NetType/WIFI Language/zh_CN");
        assert_eq!(facts.wechat_version.as_deref(), Some("8.0.48"));
        assert_eq!(facts.os, Os::Ios);
        assert_eq!(facts.os_version.as_deref(), Some("17.4.1"));
    }

    #[test]
    fn ipad_and_harmony_and_wecom() {
        let ipad = parse("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.40(0x1800282a)");
        assert_eq!(
            (ipad.os, ipad.os_version.as_deref()),
            (Os::IpadOs, Some("16.6"))
        );
        let harmony = parse("Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile MicroMessenger/8.0.1.33(0x20000121)");
        assert_eq!(harmony.os, Os::HarmonyOS);
        assert_eq!(harmony.os_version.as_deref(), Some("4.1"));
        assert_eq!(harmony.wechat_version.as_deref(), Some("8.0.1.33"));
        let wecom = parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh");
        assert!(wecom.wecom);
        assert_eq!(wecom.os_label(), "Windows 10.0");
    }

    #[test]
    fn desktop_browsers_have_no_wechat_version() {
        let chrome = parse(DESKTOP);
        assert_eq!(chrome.wechat_version, None);
        assert_eq!(chrome.os, Os::Linux);
        let mac = parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15");
        assert_eq!(mac.os_label(), "macOS 10.15.7");
        assert_eq!(parse("").os, Os::Unknown);
    }

    #[test]
    fn the_simulators_user_agent_reads_as_wechat() {
        let ua = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36 MicroMessenger/8.0.50 WeChatPlaygroundSimulator";
        assert_eq!(parse(ua).wechat_version.as_deref(), Some("8.0.50"));
        assert!(is_wechat(ua));
    }

    #[test]
    fn a_dangling_prefix_is_no_version() {
        assert_eq!(parse("MicroMessenger/").wechat_version, None);
        assert_eq!(parse("MicroMessenger/abc").wechat_version, None);
        assert_eq!(
            parse("MicroMessenger/8.0..").wechat_version.as_deref(),
            Some("8.0")
        );
    }

    #[test]
    fn only_micromessenger_counts_as_wechat() {
        assert!(is_wechat(IPHONE));
        assert!(is_wechat(ANDROID));
        assert!(is_wechat("mozilla micromessenger/8.0"));
        assert!(!is_wechat(DESKTOP));
        assert!(is_ios_wechat(IPHONE));
        assert!(!is_ios_wechat(ANDROID));
        assert!(!is_ios_wechat(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari"
        ));
    }

    #[test]
    fn os_names_round_trip_through_json() {
        for os in Os::ALL {
            let json = serde_json::to_string(&os).unwrap();
            assert_eq!(json, format!("\"{}\"", os.as_str()));
            assert_eq!(serde_json::from_str::<Os>(&json).unwrap(), os);
        }
        assert!(serde_json::from_str::<Os>("\"ios\"").is_err());
    }
}
