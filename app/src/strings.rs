//! Bilingual UI strings of the playground's own chrome (the catalog holds the APIs' texts).

use crate::catalog::Text;

macro_rules! text {
    ($name:ident, $zh:expr, $en:expr) => {
        #[doc = $en]
        pub const $name: Text = Text { zh: $zh, en: $en };
    };
}

text!(SITE_TITLE, "微信 JS-SDK 演示", "WeChat JS-SDK Playground");
text!(
    SITE_TAGLINE,
    "微信 JS-SDK 的每一个接口，在手机上、投影上、桌面浏览器里都能试。",
    "Every WeChat JS-SDK interface, to try on a phone, on a projector, or in a desktop browser."
);
text!(LANG_SWITCH, "English", "中文");
text!(LANG_SWITCH_TITLE, "Switch to English", "切换到中文");
text!(
    SANDBOX_BANNER,
    "沙箱模式：未配置微信凭据，签名由内置的模拟微信接口提供，页面在浏览器里由模拟器运行。",
    "Sandbox mode: no WeChat credentials configured. Signatures come from the built-in fake WeChat API; pages run on the in-browser simulator."
);
text!(LIVE_BANNER, "正式模式", "Live mode");
text!(CATEGORIES_HEADING, "接口分类", "Interface categories");
text!(HOME_LINK, "首页", "Home");
text!(
    NOT_FOUND,
    "页面不存在。请从首页的接口分类进入。",
    "No such page. Start from the categories on the home page."
);
text!(APIS_COUNT, "个接口", "interfaces");
text!(LOG_TITLE, "结果日志", "Result log");
text!(
    LOG_EMPTY,
    "点按钮试试：每次回调的 errMsg 和返回数据都会出现在这里，最新的在最上面。",
    "Press a button: each callback's errMsg and data appear here, newest first."
);
text!(COPY, "复制", "Copy");
text!(CLEAR, "清空", "Clear");
text!(SNIPPET_TITLE, "调用代码", "The call, in JavaScript");
text!(
    SNIPPET_EMPTY,
    "按下按钮后，这里显示实际调用的代码和参数。",
    "After a press, the exact call and its arguments appear here."
);
text!(
    STATUS_WAITING,
    "等待脚本启动…",
    "Waiting for the page script…"
);
text!(STATUS_SIGNING, "正在获取签名…", "Signing…");
text!(
    STATUS_VERIFYING,
    "wx.config 已提交，等待验证…",
    "wx.config sent, waiting for verification…"
);
text!(
    STATUS_READY,
    "wx.ready：验证通过，可以调用接口",
    "wx.ready: verified, every button works"
);
text!(STATUS_FAILED, "wx.error：", "wx.error: ");
text!(SIGNED_URL, "签名 URL", "Signed URL");
text!(
    RULE_IOS,
    "iOS 微信：签的是进入页面时的 URL（iOS 在前端路由跳转后仍用它校验）",
    "iOS WeChat: the landing URL is signed (iOS keeps checking it after client-side navigation)"
);
text!(
    RULE_CURRENT,
    "签的是当前页面 URL（去掉 # 及其后部分）",
    "The current URL is signed (without the # fragment)"
);
text!(
    SIMULATED,
    "模拟微信环境（不在微信内）",
    "Simulated WeChat (not inside WeChat)"
);
text!(REAL_WECHAT, "微信内置浏览器", "WeChat's in-app browser");
text!(
    ALERT_MODE,
    "alert 模式（同官方 Demo）",
    "Alert mode (as the official demo)"
);
text!(DEBUG_MODE, "debug 模式", "Debug mode");
text!(
    OPEN_ON_PHONE,
    "在手机上打开本页",
    "Open this page on a phone"
);
text!(PARAMETERS, "参数", "Parameters");
text!(RETURNS, "返回", "Returns");
text!(NEWER_DOC_ONLY, "新版文档", "newer docs");
text!(OLDER_DOC_ONLY, "旧版文档", "older docs");
text!(DEPRECATED, "即将废弃", "to be deprecated");
text!(HOME_QR_TITLE, "用微信扫码体验", "Scan with WeChat");
text!(
    HOME_QR_STEPS,
    "先关注测试公众号（或在公众平台把本站域名设为 JS 接口安全域名），再用微信扫一扫打开本页。",
    "First follow the test Official Account (or add this site's domain as a JS interface safe domain), then scan this code with WeChat."
);
text!(
    CLASSIC_LINK,
    "官方 Demo 原样",
    "The official demo, as it was"
);
text!(DOCTOR_TITLE, "签名诊断", "Signature doctor");
text!(
    DOCTOR_INTRO,
    "填入签名用的 URL、jsapi_ticket、noncestr、timestamp：逐步算出 string1 和签名，并指出 URL 中会导致 invalid signature 的问题。只用你填的数据，不涉及本服务器的密钥。",
    "Enter the URL, jsapi_ticket, noncestr and timestamp you signed with: string1 and the signature are computed step by step, and whatever in the URL would cause invalid signature is pointed out. Only your inputs are used; no secret of this server is involved."
);
text!(
    DOCTOR_PAGE_URL,
    "页面 location.href（可选）",
    "The page's location.href (optional)"
);
text!(
    DOCTOR_EXPECTED,
    "页面使用的签名（可选）",
    "The signature the page used (optional)"
);
text!(DOCTOR_RUN, "计算并诊断", "Compute and diagnose");
text!(
    DOCTOR_STEP_SORT,
    "按字段名字典序排序",
    "Sort the fields by name (ASCII)"
);
text!(
    DOCTOR_STEP_JOIN,
    "用 & 拼接成 string1（值不做 URL 转义）",
    "Join them with & into string1 (values not URL-escaped)"
);
text!(DOCTOR_MATCH, "签名一致", "The signatures match");
text!(DOCTOR_NO_MATCH, "签名不一致", "The signatures differ");
text!(
    DOCTOR_ERRORS,
    "常见错误及解决方法（附录5）",
    "Common errors and fixes (appendix 5)"
);
text!(DOCTOR_LINK, "签名诊断", "Signature doctor");
text!(CLASSIC_NAV, "官方 Demo", "Classic");
text!(
    OPEN_DOCTOR,
    "在签名诊断中打开",
    "Open in the signature doctor"
);

// QA mode.
text!(QA_NAV, "QA", "QA");
text!(
    QA_TITLE,
    "QA 模式：逐个接口测试",
    "QA mode: check every interface"
);
text!(
    QA_TAGLINE,
    "在这台手机、这个微信版本上跑一遍每个接口，保存记录，再和别的手机、别的版本比较。",
    "Run every interface on this phone and WeChat version, save the record, compare it with other phones and versions."
);
text!(
    QA_HOME_LINK,
    "QA 模式：逐个接口测试并保存报告",
    "QA mode: check every interface and keep a report"
);
text!(QA_QR, "在另一台手机上打开 QA", "Open QA on another phone");
text!(
    QA_QR_HINT,
    "扫码在另一台手机上开始一次新的 QA 运行；保存后可在报告页比较两次运行。",
    "Scan to start a QA run on another phone; once both are saved, compare them on the reports page."
);
text!(
    QA_AGAINST,
    "这次运行将与之比较：",
    "This run will be compared with "
);
text!(QA_COMPARE_WITH, "与之比较：", "Compare with ");
text!(
    QA_AGAINST_QR,
    "在另一台手机上对照这次运行",
    "Check another phone against this run"
);
text!(
    QA_AGAINST_HERE,
    "在这台设备上打开",
    "Open it on this device"
);
text!(
    QA_AGAINST_QR_HINT,
    "扫码在另一台手机上开始新的 QA 运行；保存后，一个链接直接打开两次运行的比较。",
    "Scan to start a QA run on another phone; once it is saved, one link opens the comparison of the two runs."
);
text!(QA_DEVICE, "设备", "Device");
text!(QA_WECHAT, "微信版本", "WeChat version");
text!(QA_OS, "系统", "OS");
text!(QA_SCREEN, "屏幕", "Screen");
text!(QA_NETWORK, "网络类型", "Network type");
text!(QA_ENV, "运行环境", "Environment");
text!(QA_NOT_IN_WECHAT, "不在微信中", "not in WeChat");
text!(QA_SUPPORTED, "支持", "supported");
text!(QA_UNSUPPORTED, "不支持", "not supported");
text!(QA_WAITING, "等待 wx.ready…", "waiting for wx.ready…");
text!(QA_RUN_SAFE, "运行全部安全接口", "Run all safe ones");
text!(
    QA_RUN_SAFE_HINT,
    "只自动运行无需用户操作、不做不可撤销之事的接口（从不运行 closeWindow），并遵守先后顺序；其余接口请逐个点按，按提示操作。",
    "Runs, in order, only the interfaces that need no user action and change nothing irreversible (never closeWindow); tap the others one by one and do what their hint says."
);
text!(QA_RUN, "运行", "Run");
text!(QA_SAVE, "保存报告", "Save report");
text!(
    QA_UNSAVED_RELOAD,
    "切换语言会重新加载页面，未保存的测试结果将丢失。继续吗？",
    "Switching language reloads the page and loses the results not saved yet. Continue?"
);
text!(
    QA_NOTE,
    "备注（随报告保存）",
    "Note (saved with the report)"
);
text!(
    QA_NOTE_PLACEHOLDER,
    "例如：测试机型、网络、发现的问题",
    "e.g. the handset, the network, what you noticed"
);
text!(QA_SAVED, "已保存：", "Saved: ");
text!(QA_REPORTS, "QA 报告", "QA reports");
text!(QA_NOT_RUN, "未运行", "not run");
text!(QA_OK, "成功", "ok");
text!(QA_CANCEL, "取消", "cancel");
text!(QA_FAIL, "失败", "fail");
text!(QA_RUNNING, "运行中", "running");
text!(QA_DATA, "返回数据", "Returned data");
text!(QA_SAFE, "自动", "auto");
text!(QA_NEEDS_USER, "需操作", "needs you");
text!(QA_IRREVERSIBLE, "不可撤销", "irreversible");
text!(QA_DURATION, "耗时 (ms)", "duration (ms)");
text!(QA_TIME, "时间", "time");
text!(QA_DATE, "日期 (UTC)", "Date (UTC)");
text!(QA_RESULTS, "结果", "Results");
text!(
    QA_REPORTS_EMPTY,
    "还没有保存的报告：在 QA 页运行后点“保存报告”。",
    "No saved reports yet: run on the QA page, then press Save report."
);
text!(QA_COMPARE, "比较", "Compare");
text!(QA_COMPARE_TITLE, "比较两次运行", "Compare two runs");
text!(QA_EXPORT_JSON, "导出 JSON", "Export JSON");
text!(QA_EXPORT_MD, "导出 Markdown", "Export Markdown");
text!(
    QA_MARKDOWN,
    "Markdown（可直接粘贴到缺陷跟踪系统）",
    "Markdown (ready to paste into a bug tracker)"
);
text!(QA_SAME, "相同", "same");
text!(QA_NEWLY_FAILING, "新失败", "newly failing");
text!(QA_FIXED, "已修复", "fixed");
text!(QA_STATUS_CHANGED, "状态变化", "status changed");
text!(QA_MESSAGE_CHANGED, "errMsg 变化", "errMsg changed");
text!(QA_ALL_REPORTS, "全部报告", "All reports");
text!(QA_NEW_RUN, "新的运行", "New run");
text!(QA_SIMULATOR, "模拟器", "simulator");
