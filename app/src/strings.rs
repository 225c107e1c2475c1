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
text!(SNIPPET_TITLE, "带走代码", "Code to take home");
text!(
    SNIPPET_EMPTY,
    "按下按钮或修改调用参数后，这里显示这次调用的完整代码：签名、wx.config 和调用本身。",
    "Press a button or edit a call: its whole code appears here, signing, wx.config and the call."
);
text!(
    SERVER_CODE_TITLE,
    "服务器端：为 wx.config 签名",
    "The server side: signing wx.config"
);
text!(
    SERVER_CODE_INTRO,
    "页面的代码向你的服务器要签名。这里是同一个签名服务的六种写法，每一种都在测试里对着模拟微信接口运行，签名与本项目的 Rust 核心逐字相同。",
    "The page's code asks your server for the signature. Here is the same signing endpoint in six languages; each one runs in the tests against the fake WeChat API and signs exactly as this project's Rust core does."
);
text!(
    SERVER_CODE_ENV,
    "设置 WECHAT_APP_ID、WECHAT_APP_SECRET（只在服务器上），可选 WECHAT_API_BASE 和 PORT（默认 8080）。",
    "Set WECHAT_APP_ID and WECHAT_APP_SECRET (on the server only), optionally WECHAT_API_BASE and PORT (8080 by default)."
);
text!(
    SERVER_CODE_ANSWER,
    "GET /sign?url=页面地址 返回 {appId, timestamp, nonceStr, signature, url}；签名的是去掉 # 及其后部分的地址，其余原样。",
    "GET /sign?url=<page URL> answers {appId, timestamp, nonceStr, signature, url}; it signs the URL without its #fragment, the rest exactly as sent."
);
text!(
    SERVER_CODE_CACHE,
    "access_token 与 jsapi_ticket 全局缓存到过期前留有余量；并发的首次请求只取一次；40001、40014、42001 时换新 token 重试一次。",
    "The access_token and jsapi_ticket are cached globally until a margin before they expire; concurrent first requests fetch once; on 40001, 40014 or 42001 a new token is fetched and the ticket asked once more."
);
text!(
    SERVER_CODE_TESTED,
    "secret、token 和 ticket 不会出现在回答或日志里。",
    "The secret, the token and the ticket never appear in an answer or a log line."
);
text!(CODE_STACKS, "代码写法", "Stack");
text!(
    CODE_SERVER_SIDE,
    "代码向你的服务器 GET /sign?url= 要签名。",
    "The code asks your server for the signature at GET /sign?url=. "
);
text!(
    CODE_SERVER_LINK,
    "服务器端：Rust、Node、Python、PHP、Go、Java",
    "The server side: Rust, Node, Python, PHP, Go, Java"
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
text!(EDIT_CALL, "编辑参数", "Edit the call");
text!(
    SETUP_TITLE,
    "JS-SDK 使用步骤（本页实况）",
    "JS-SDK setup steps (this page, live)"
);
text!(SETUP_STEP1, "步骤一：绑定域名", "Step 1: bind the domain");
text!(
    SETUP_STEP2,
    "步骤二：引入JS文件",
    "Step 2: include the JS file"
);
text!(
    SETUP_STEP3,
    "步骤三：通过config接口注入权限验证配置",
    "Step 3: inject the config through wx.config"
);
text!(
    SETUP_STEP4,
    "步骤四：通过ready接口处理成功验证",
    "Step 4: handle success in wx.ready"
);
text!(
    SETUP_STEP5,
    "步骤五：通过error接口处理失败验证",
    "Step 5: handle failure in wx.error"
);
text!(
    SETUP_HOST_SIGNED,
    "服务器已为此域名签名：它在 JS 接口安全域名之列",
    "The server signed for this host: it is a JS interface safe domain"
);
text!(SETUP_HOST_PENDING, "尚未签名", "Not signed yet");
text!(
    SETUP_STRING1,
    "string1（jsapi_ticket 已隐藏，只在服务器上）",
    "string1 (the jsapi_ticket is hidden: it stays on the server)"
);
text!(SETUP_FIRED, "已触发", "fired");
text!(SETUP_NOT_FIRED, "未触发", "not fired");
text!(MAKE_LINK, "生成本调用的链接", "Make a link to this call");
text!(
    CALL_LINK,
    "本调用的链接（扫码在手机上打开，只预填参数，不会自动调用）",
    "Link to this call (scan to open it on a phone; it fills the call in and never runs it)"
);
text!(COPY_LINK, "复制链接", "Copy link");
text!(COPIED, "已复制", "Copied");
text!(
    FILLED_BY_DEMO,
    "由前一步调用的结果填入",
    "Filled in from an earlier call's result"
);
text!(
    FILLED_BY_SERVER,
    "由服务器签名时填入",
    "Filled in by the server's signature"
);
text!(DEFAULT_IS, "默认：", "default: ");
text!(
    LINK_IS_PAGE,
    "留空则为本页地址",
    "empty: this page's address"
);
text!(
    NOT_SENT_UNKNOWN,
    "链接中的参数文档未定义，不会发送：",
    "Not in the documents, so not sent: "
);
text!(
    LINK_API_UNKNOWN,
    "链接中的 api 不是本页的接口：",
    "The link's api is not on this page: "
);
text!(RETURNS, "返回", "Returns");
text!(NEWER_DOC_ONLY, "新版文档", "newer docs");
text!(OLDER_DOC_ONLY, "旧版文档", "older docs");
text!(
    PAY_DOCS_ONLY,
    "新版文档仅链接微信支付文档",
    "newer docs: see WeChat Pay docs"
);
text!(DEPRECATED, "即将废弃", "to be deprecated");
text!(
    SHARE_LINK_RULE,
    "分享链接为本页地址：该链接域名或路径必须与当前页面对应的公众号JS安全域名一致。",
    "The link shared is this page: its domain or path must match the Official Account's JS safe domain for this page."
);
text!(HOME_QR_TITLE, "用微信扫码体验", "Scan with WeChat");
text!(
    HOME_QR_STEPS,
    "两种账号都要先把本站域名设为 JS接口安全域名：测试号在测试号页面上设置，并用扫码的微信号关注测试号；正式公众号在「公众号设置 › 功能设置」中设置。然后用微信扫一扫打开本页。/setup 会逐项检查。",
    "With either account, first make this site's domain a JS interface safe domain: a test account on its own page (and follow the test account with the WeChat you scan with), a formal account under Account settings › Function settings. Then scan this code with WeChat. /setup checks each step."
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
text!(LINT_TITLE, "wx.config 检查", "wx.config linter");
text!(
    LINT_INTRO,
    "粘贴你自己的 wx.config({...})（或其中的对象），以及调用接口的页面代码：按文档和附录 5 指出会导致失败的每一处，并给出改法。",
    "Paste your own wx.config({...}) (or its object), and the page code that calls the interfaces: every problem the documents and appendix 5 name is pointed out, with its fix."
);
text!(LINT_CONFIG, "wx.config({...})", "wx.config({...})");
text!(
    LINT_CODE,
    "页面代码（可选：调用的接口、引入 jweixin 的 <script>）",
    "Page code (optional: the calls it makes, the <script> loading jweixin)"
);
text!(
    LINT_SAFE_DOMAINS,
    "JS 接口安全域名（可选，逗号分隔）",
    "JS safe domains (optional, comma-separated)"
);
text!(LINT_RUN, "检查", "Check");
text!(LINT_CLEAN, "没有发现问题。", "No problem found.");
text!(DOCTOR_MATCH, "签名一致", "The signatures match");
text!(DOCTOR_NO_MATCH, "签名不一致", "The signatures differ");
text!(
    DOCTOR_ERRORS,
    "附录5：常见错误及解决方法",
    "Appendix 5: common errors and their fixes"
);
text!(
    APPENDIX_5_INTRO,
    "调用config 接口的时候传入参数 debug: true 可以开启debug模式，页面会alert出错误信息（本站的“调试模式”开关即是）。以下为常见错误及解决方法：",
    "Passing debug: true to config turns on debug mode: the page alerts the error messages (this site's debug switch does that). The common errors and their fixes:"
);
text!(APPENDIX_5_ITEM, "附录5 #", "Appendix 5 #");
text!(ERROR_CAUSE, "原因：", "Cause: ");
text!(ERROR_FIX, "解决：", "Fix: ");
text!(ERROR_STEPS, "建议按如下顺序检查：", "Check in this order:");
text!(ERROR_RECOGNISED, "识别方式：", "Recognised by: ");
text!(
    ERROR_NOT_AUTOMATIC,
    "无法自动识别，请对照症状",
    "not recognised automatically; compare the symptom"
);
text!(CLUE_ERR_MSG, "errMsg 含", "errMsg containing");
text!(CLUE_FINDING, "诊断发现", "doctor finding");
text!(CLUE_API, "接口", "API");
text!(CLUE_CATEGORY, "分类页", "category page");
text!(CLUE_MENU_ITEM, "菜单项", "menu item");
text!(
    CATEGORY_ERRORS,
    "本类接口的常见问题（附录5）",
    "Common problems of these APIs (appendix 5)"
);
text!(
    PAY_DIRECTORY_TITLE,
    "支付授权目录",
    "Payment authorization directory"
);
text!(
    PAY_DIRECTORY_RULE,
    "chooseWXPay 只能在你配置的支付目录下调用，同时需确保支付目录在JS接口安全域名下。支付目录是调起支付的页面所在的目录：页面 URL 去掉“?”后的参数，保留到最后一个“/”为止，例如页面 https://host/pay/index.html 的目录是 https://host/pay/。请在微信支付商户平台“产品中心—开发配置”中把它设为支付授权目录（一般5分钟内生效）。",
    "chooseWXPay can only be called under a payment directory you configured, and that directory must be under a JS interface safe domain. The payment directory is the directory of the page that starts the payment: its URL without the query after “?”, up to its last “/”; the page https://host/pay/index.html is in https://host/pay/. List it as a payment authorization directory in the WeChat Pay merchant platform (Product center → Development settings); it takes effect within about 5 minutes."
);
text!(
    PAY_DIRECTORY_LIMITS,
    "一个商户号最多可设置5个支付授权目录。目录区分大小写，以 http:// 或 https:// 开头、以 / 结尾，不支持IP格式；只设置到域名（如 https://host/）时只校验协议和域名，其下所有页面都可支付；设置到多级目录时须完全一致，上级目录和子目录都不行。",
    "A merchant account lists at most 5 payment authorization directories. They are case-sensitive, start with http:// or https:// and end with /, and cannot be IP addresses. A bare domain (https://host/) checks only the scheme and the domain, so every page under it may pay; a multi-level directory must match exactly: neither its parent nor its subdirectories pass."
);
text!(
    PAY_DIRECTORY_FAILURE,
    "页面不在已设置的支付授权目录下时，微信提示“当前页面的URL未注册”，无法调起支付。",
    "On a page outside the listed directories, WeChat says “当前页面的URL未注册” (the current page's URL is not registered) and the payment does not start."
);
text!(PAY_DIRECTORY_PAGE, "本页", "This page");
text!(
    PAY_DIRECTORY_VALUE,
    "本页的支付授权目录",
    "This page's payment directory"
);
text!(
    PAY_DIRECTORY_IP,
    "本页的主机是 IP 地址或 localhost：支付授权目录不支持IP格式，请用已备案的域名打开本页。",
    "This page's host is an IP address or localhost: a payment directory cannot be an IP address; open the page on an ICP-filed domain."
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
text!(
    QA_WAITING_EVENT,
    "等待事件（已注册）",
    "waiting for the event (registered)"
);
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

text!(
    MENU_ITEMS_TITLE,
    "附录三：所有菜单项列表",
    "Appendix 3: every menu item"
);
text!(
    MENU_ITEMS_HINT,
    "hideMenuItems / showMenuItems 的 menuList 取下面的 ID。基本类不可隐藏；只能隐藏传播类和保护类。",
    "hideMenuItems / showMenuItems take these ids in menuList. Basic items cannot be hidden; only propagation and protection items can."
);
text!(
    MENU_CLASS_BASIC,
    "基本类（不可隐藏）",
    "Basic (cannot be hidden)"
);
text!(MENU_CLASS_PROPAGATION, "传播类", "Propagation");
text!(MENU_CLASS_PROTECTION, "保护类", "Protection");

text!(
    AUTH_URL_TITLE,
    "签名的 URL 与 realAuthUrl",
    "The signed URL and realAuthUrl"
);
text!(
    AUTH_URL_INTRO,
    "微信客户端报 invalid signature 时会带上 realAuthUrl：它实际用来验证签名的 URL（官方文档从未提到）。把它和签名用的 URL 放在一起，差别就是原因。",
    "With invalid signature, WeChat's client adds realAuthUrl: the URL it actually verified the signature against (WeChat's documents never mention it). Set beside the URL that was signed, the difference is the cause."
);
text!(AUTH_URL_SIGNED, "签名用的 URL", "The URL signed");
text!(AUTH_URL_COMPARE, "比较", "Compare");

/// Defines [`SimText`]: the simulator's UI strings, by key. The simulator receives the
/// whole table from the server (`/api/sim/catalog.js`) and looks a key up in the page's
/// language; `{}` stands for a value it fills in.
macro_rules! sim_texts {
    ($($key:ident => ($zh:expr, $en:expr),)*) => {
        /// A string of the simulator's own UI (its panel, sheets and toasts).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        #[serde(rename_all = "camelCase")]
        pub enum SimText { $($key,)* }

        impl SimText {
            /// Every key, in table order.
            pub const ALL: &[SimText] = &[$(SimText::$key,)*];

            /// The string in both languages.
            pub const fn text(self) -> Text {
                match self { $(SimText::$key => Text { zh: $zh, en: $en },)* }
            }
        }
    };
}

sim_texts! {
    PresenterChoseFail => ("模拟器：演示者选择了“失败”", "Simulator: the presenter chose “fail”"),
    Close => ("关闭", "Close"),
    Ok => ("确定", "OK"),
    Cancel => ("取消", "Cancel"),
    SimulateFailure => ("模拟失败", "Simulate failure"),
    NoImage => ("无图片", "no image"),
    Sent => ("已发送", "Sent"),
    Cancelled => ("已取消", "Cancelled"),
    Failed => ("失败", "Failed"),
    Send => ("发送", "Send"),
    TakePhoto => ("拍照…", "Take a photo…"),
    FromThisDevice => ("从本机选择…", "From this device…"),
    Done => ("完成", "Done"),
    Zoom => ("缩放", "zoom"),
    Postcode => ("邮编", "Postcode"),
    NationalCode => ("国标码", "National code"),
    Camera => ("拍照", "Camera"),
    Photos => ("图片和视频", "Photos"),
    AskMicrophone => ("“网页”申请使用你的麦克风", "This page wants to use your microphone"),
    RecordingStartsOnceAllowed => ("允许后开始录音（最长 60 秒）。", "Recording starts once allowed (60 s at most)."),
    Allow => ("允许", "Allow"),
    Deny => ("拒绝", "Deny"),
    SampleTranslation => ("你好，欢迎体验微信 JS-SDK。", "Hello, welcome to the WeChat JS-SDK."),
    Location => ("位置", "Location"),
    DroppedPin => ("地图选点", "Dropped pin"),
    MoreInfo => ("查看详情", "More info"),
    AskLocation => ("“网页”申请获取你的地理位置", "This page wants to know your location"),
    ThePageWasClosed => ("网页已关闭", "The page was closed"),
    PageClosedExplained => ("在微信里，这个网页窗口现在已经关闭。点“关闭”回到模拟的页面。", "In WeChat this web view would now be closed. Close this to return to the simulated page."),
    Scan => ("扫一扫", "Scan"),
    ScannedContent => ("扫描到的内容", "Scanned content"),
    Recognise => ("识别", "Recognise"),
    WechatHandlesTheResult => ("扫描结果由微信处理", "WeChat handles the result"),
    WechatWouldOpenThisLink => ("微信会打开这个链接。", "WeChat would open this link."),
    WechatWouldShowThisText => ("微信会显示这段内容。", "WeChat would show this text."),
    WechatShop => ("微信小店", "WeChat Shop"),
    Product => ("商品", "Product"),
    RequestedCard => ("指定卡券", "The requested card"),
    ChooseCard => ("选择卡券", "Choose a card"),
    Use => ("使用", "Use"),
    CardExtBadSign => ("签名错误（{}）：cardExt 的 signature 与 api_ticket、card_id、code、openid、timestamp、nonce_str 不符", "Signature error ({}): cardExt's signature does not match api_ticket, card_id, code, openid, timestamp, nonce_str"),
    SignatureError => ("签名错误", "Signature error"),
    CardListEmptyBadSign => ("卡券列表为空：cardSign 签名错误（附录4：签名错误会导致拉取卡券列表异常为空）", "The card list is empty: cardSign is wrong (appendix 4: a wrong signature makes the card list come up empty)"),
    PaySignInvalid => ("该公众号支付签名无效，无法发起该笔交易", "This account's payment signature is invalid; the transaction cannot be started"),
    AddCards => ("领取卡券", "Add cards"),
    Add => ("领取", "Add"),
    AddedToCards => ("已添加到卡包", "Added to Cards"),
    Cards => ("卡包", "Cards"),
    EmptyCodeRefused => ("code 为空：真实微信会拒绝错误的 code", "empty code: real WeChat refuses a wrong code"),
    GiveToFriend => ("核销后赠送卡券", "Give the card to a friend"),
    Give => ("赠送", "Give"),
    Given => ("已赠送", "Given"),
    SandboxOrder => ("（沙箱订单，金额仅为示意）", "(sandbox order; amount illustrative)"),
    WechatPay => ("微信支付", "WeChat Pay"),
    Pay => ("确认支付", "Pay"),
    Paid => ("支付成功", "Paid"),
    PaymentCancelled => ("已取消支付", "Payment cancelled"),
    PaymentFailed => ("支付失败", "Payment failed"),
    ChooseAddress => ("选择收货地址", "Choose an address"),
    UseThisAddress => ("使用此地址", "Use this address"),
    Address => ("收货地址", "Address"),
    ConfigNotCalled => ("未调用 wx.config", "wx.config not called"),
    VerifyingConfig => ("正在验证 wx.config…", "verifying wx.config…"),
    SimulatedWechat => ("模拟微信", "Simulated WeChat"),
    ProfileDevice => ("设备", "Device"),
    ProfileClient => ("微信版本", "WeChat version"),
    ProfileAccount => ("公众号", "Account"),
    ProfileIgnored => ("已忽略无效的参数：{}", "Ignored an invalid parameter: {}"),
    Scenarios => ("场景（一键演示一个文档里的错误）", "Scenarios (one documented failure each)"),
    BackToNormal => ("恢复正常", "Back to normal"),
    AppendixItem => ("附录 5 第 {} 条", "appendix 5 #{}"),
    NotInAppendix => ("不在附录 5 中", "not in appendix 5"),
    SimulatedTag => ("模拟", "simulated"),
    SimulatedAnswers => ("这里的回答都由模拟器给出，不是真机的结果。", "Every answer here is the simulator's, not a phone's."),
    PageGets => ("页面得到：{}", "The page gets: {}"),
    CheckJsApiSays => ("checkJsApi：{} → {}", "checkJsApi: {} → {}"),
    RehearsalRunning => ("正在让一个专用的模拟微信接口出错……", "Making a private fake WeChat API misbehave…"),
    RehearsalWechat => ("微信答 errcode {}（{} 次）", "WeChat answered errcode {} ({}×)"),
    RehearsalRecovered => ("服务器已恢复：获取 access_token {} 次、jsapi_ticket {} 次后成功，页面没有看到失败。", "The server recovered: after {} access_token and {} jsapi_ticket fetches it succeeded; no failure reached the page."),
    RehearsalFailed => ("服务器放弃：页面得到 HTTP {}：{}", "The server gave up: the page gets HTTP {}: {}"),
    RehearsalCalls => ("获取 access_token {} 次、jsapi_ticket {} 次", "{} access_token and {} jsapi_ticket fetches"),
    RehearsalUnavailable => ("无法演示：{}", "Cannot rehearse: {}"),
    OutcomeOfUserActions => ("用户操作的结果", "Outcome of user actions"),
    ConfirmWord => ("确认", "confirm"),
    CancelWord => ("取消", "cancel"),
    FailWord => ("失败", "fail"),
    AskEachTime => ("每次弹出界面让我选择", "Ask me each time (show the sheet)"),
    ShowExternalImages => ("显示外部图片（腾讯域名除外）", "Show external images (never Tencent hosts)"),
    TopRightMenu => ("右上角菜单", "Top-right menu"),
    BridgeCallsNewestFirst => ("桥接调用（最新在前）", "Bridge calls (newest first)"),
    Clear => ("清空", "Clear"),
    Recording => ("录音中", "REC"),
    Mic => ("麦克风", "mic"),
    Playing => ("播放中", "playing"),
    ShareContent => ("分享内容（update*ShareData）", "Share content (update*ShareData)"),
    Pending => ("等待中…", "pending…"),
    Listening => ("监听", "listening"),
    Delivered => ("已送达", "delivered"),
    Blocked => ("已拦截", "blocked"),
    LinkCopied => ("已复制链接", "Link copied"),
    NightModeOnSimulated => ("已开启夜间模式（模拟）", "Night mode on (simulated)"),
    NightModeOffSimulated => ("已关闭夜间模式（模拟）", "Night mode off (simulated)"),
    SimulatedSuffix => ("（模拟）", " (simulated)"),
    Uploading => ("上传中", "Uploading"),
    Downloading => ("下载中", "Downloading"),
    Recognising => ("识别中", "Recognising"),
    PickUpTo => ("最多选择 {} 张", "Choose up to {}"),
    ImagesChosen => ("已选择 {} 张图片", "{} image(s) chosen"),
    SampleCardVoucher => ("满 100 减 10 元代金券", "¥10 off ¥100 voucher"),
    SampleCardCoffee => ("咖啡买一送一", "Coffee, buy one get one"),
}

// `/setup`: from the sandbox to your own account.
text!(
    SETUP_PAGE_TITLE,
    "接入你自己的公众号",
    "Your own account: setup"
);
text!(
    SETUP_PAGE_INTRO,
    "文档中的每一步，针对本次部署实时检查：通过、有误或未检查，以及怎么做。本页不显示任何密钥、access_token 或 ticket。",
    "The documents' steps, each checked live for this deployment: ok, wrong or not checked, and what to do. No secret, access_token or ticket is shown here."
);
text!(
    SETUP_HOME_LINK,
    "接入你自己的公众号（/setup）",
    "Your own account (/setup)"
);
text!(SETUP_MODE_SANDBOX, "沙箱模式。", "Sandbox mode.");
text!(SETUP_MODE_LIVE, "正式模式。", "Live mode.");
text!(
    SETUP_STEP_CREDENTIALS,
    "凭据：appId 与 AppSecret",
    "Credentials: appId and AppSecret"
);
text!(
    SETUP_STEP_PUBLIC_URL,
    "公网地址：PUBLIC_URL",
    "The public URL: PUBLIC_URL"
);
text!(
    SETUP_STEP_TICKET,
    "jsapi_ticket 与签名",
    "The jsapi_ticket and a signature"
);
text!(SETUP_STEP_PHONE, "在手机上验证", "Check on a phone");
text!(
    SETUP_PHONE_HOW,
    "用微信扫码打开 /basic：它的 wx.config 结果（wx.ready 或 wx.error）会即时出现在下面，无需刷新。",
    "Scan with WeChat to open /basic: its wx.config outcome (wx.ready or wx.error) appears below as it happens, no reload needed."
);
text!(SETUP_PHONE_WAITING, "等待手机打开…", "Waiting for a phone…");
text!(
    SETUP_PHONE_NOSCRIPT,
    "实时结果需要 JavaScript；也可以直接看手机上的页面状态。",
    "Live results need JavaScript; the phone's page shows its status too."
);
text!(
    SETUP_PHONE_READY,
    "验证通过（wx.ready）",
    "Verified (wx.ready)"
);
text!(
    SETUP_PHONE_ERROR,
    "验证失败（wx.error）",
    "Failed (wx.error)"
);
text!(
    SETUP_CAUSE_URL_MISMATCH,
    "签名用的 URL 不是页面的 URL：检查反向代理的 Host 与 X-Forwarded-* 头，或用签名医生。",
    "The URL signed is not the page's URL: check the proxy's Host and X-Forwarded-* headers, or use the signature doctor."
);
text!(
    SETUP_CAUSE_TICKET,
    "URL 正确而签名不对：jsapi_ticket 可能已被替换（另一台服务器或工具取过），服务器已重新获取；仍失败时核对 appId 与 AppSecret 是否属于同一公众号。",
    "The URL was right but the signature was not: the jsapi_ticket may have been replaced (fetched by another server or tool); the server fetched it again. If it still fails, check that the appId and AppSecret belong to the same account."
);
text!(
    SETUP_CAUSE_OTHER,
    "不是签名错误：多为域名未设为 JS接口安全域名，或测试号未关注。",
    "Not a signature error: most often the domain is not a JS interface safe domain, or the test account is not followed."
);
text!(SETUP_PHONE_SIMULATED, "模拟器", "simulator");
text!(
    SETUP_STEP_ADMIN,
    "在公众平台填写",
    "What to enter in the admin pages"
);
text!(
    SETUP_UNKNOWN,
    "（先设置 PUBLIC_URL）",
    "(set PUBLIC_URL first)"
);
text!(
    SETUP_IP_UNKNOWN,
    "（未知：微信拒绝时会在 40164 中给出）",
    "(unknown: WeChat names it in a 40164 when it refuses)"
);
text!(
    SETUP_NO_VERIFY_FILE,
    "（未设置 WECHAT_VERIFY_FILES）",
    "(WECHAT_VERIFY_FILES not set)"
);
text!(
    SETUP_TEST_ACCOUNT,
    "测试号（mp.weixin.qq.com/debug/cgi-bin/sandboxinfo）",
    "Test account (mp.weixin.qq.com/debug/cgi-bin/sandboxinfo)"
);
text!(
    SETUP_ADMIN_TEST_DOMAIN,
    "「JS接口安全域名」修改为",
    "“JS接口安全域名” (JS interface safe domain), set to"
);
text!(
    SETUP_ADMIN_TEST_FOLLOW,
    "「测试号二维码」",
    "“测试号二维码” (the test account's QR code)"
);
text!(
    SETUP_ADMIN_TEST_FOLLOW_HOW,
    "用要测试的微信号扫码关注：未关注的微信号打开页面会验证失败。",
    "Scan it with every WeChat account that will test, and follow: a WeChat account that does not follow fails the verification."
);
text!(
    SETUP_FORMAL_ACCOUNT,
    "正式公众号（mp.weixin.qq.com）",
    "Formal Official Account (mp.weixin.qq.com)"
);
text!(
    SETUP_ADMIN_FORMAL_DOMAIN,
    "「设置与开发 › 公众号设置 › 功能设置 › JS接口安全域名」",
    "Settings & Development › Account settings › Function settings › JS interface safe domain"
);
text!(
    SETUP_ADMIN_VERIFY_FILE,
    "同一页下载的校验文件（WECHAT_VERIFY_FILES，由本服务器在根目录提供）",
    "The verification file downloaded on that page (WECHAT_VERIFY_FILES, served by this server at the root)"
);
text!(
    SETUP_ADMIN_IP_WHITELIST,
    "「设置与开发 › 基本配置 › IP白名单」加入",
    "Settings & Development › Basic configuration › IP whitelist: add"
);

// Live sessions (/live): the presenter drives, the phones in the room run the call.
text!(LIVE_TITLE, "现场演示", "Live session");
text!(
    LIVE_HOME_LINK,
    "现场演示：讲师驱动，房间里的手机真实调用",
    "Live session: the presenter drives, the room's phones make the real call"
);
text!(
    LIVE_INTRO,
    "讲师选接口和参数，按「在手机上运行」，房间里每部加入的手机都用自己的 jweixin 真实调用，结果实时回到投影上。",
    "The presenter picks an API and its parameters and presses “Run on phones”: every phone in the room that joined makes the real call through its own jweixin, and the results stream back to the projector."
);
text!(LIVE_START, "开始一场现场演示", "Start a live session");
text!(
    LIVE_START_HINT,
    "投影上会出现二维码和短链接；主持密钥只留在本页（地址 # 之后），不在加入链接里。",
    "The projector shows a QR code and a short link; the presenter's key stays on this page (after the # of its address) and is not in the join link."
);
text!(
    LIVE_JOIN_HERE,
    "扫码或打开链接加入：",
    "Scan or open the link to join:"
);
text!(LIVE_PHONES, "部手机已加入", "phones joined");
text!(
    LIVE_KEYS,
    "键盘：← / → 上一个 / 下一个接口，Enter 在手机上运行，C 显示或隐藏代码",
    "Keyboard: ← / → previous / next API, Enter runs on phones, C shows or hides the code"
);
text!(LIVE_PREV, "← 上一个", "← Previous");
text!(LIVE_NEXT, "下一个 →", "Next →");
text!(LIVE_RUN, "在手机上运行", "Run on phones");
text!(LIVE_CODE, "代码", "Code");
text!(LIVE_END, "结束演示", "End session");
text!(
    LIVE_SAVE,
    "保存为 QA 报告（每台设备一份）",
    "Save as QA reports (one per device)"
);
text!(LIVE_SAVED, "已保存：", "Saved:");
text!(LIVE_COMPARE, "对比前两份", "Compare the first two");
text!(LIVE_RESULTS, "结果", "Results");
text!(
    LIVE_NO_RUN,
    "还没有运行：选好接口后按「在手机上运行」。",
    "Nothing run yet: choose an API and press “Run on phones”."
);
text!(LIVE_COL_NAME, "名字", "Name");
text!(LIVE_COL_OS, "系统", "OS");
text!(LIVE_COL_WECHAT, "微信版本", "WeChat");
text!(LIVE_COL_STATUS, "状态", "Status");
text!(LIVE_COL_ERR_MSG, "errMsg", "errMsg");
text!(LIVE_COL_DATA, "返回数据", "Returned data");
text!(LIVE_COL_DURATION, "耗时", "Duration");
text!(LIVE_STATUS_WAITING, "等待中", "waiting");
text!(LIVE_STATUS_TIMEOUT, "超时未回应", "no answer (timed out)");
text!(LIVE_STATUS_OK, "成功", "ok");
text!(LIVE_STATUS_CANCEL, "取消", "cancel");
text!(LIVE_STATUS_FAIL, "失败", "fail");
text!(LIVE_TALLY, "统计", "Tally");
text!(LIVE_BY_STATUS, "按状态", "By status");
text!(
    LIVE_BY_CLIENT,
    "按系统 / 客户端版本",
    "By OS / client version"
);
text!(LIVE_SIMULATED, "模拟器", "simulator");
text!(
    LIVE_NOT_RUNNABLE,
    "不能在房间的手机上运行：",
    "Cannot run on the room's phones: "
);
text!(
    LIVE_NO_PARAMS,
    "此接口没有参数。",
    "This API takes no parameters."
);
text!(LIVE_RUN_LABEL, "第 {} 次运行", "Run {}");
text!(LIVE_ENDED, "演示已结束。", "The session has ended.");
text!(
    LIVE_GONE,
    "找不到这场演示（已结束或已过期）。",
    "No such session (it ended or expired)."
);
text!(
    LIVE_NO_KEY,
    "本页地址里没有主持密钥：请从 /live 重新开始。",
    "This page's address carries no presenter key: start again from /live."
);
text!(LIVE_CONNECTING, "连接中…", "Connecting…");
text!(
    LIVE_RECONNECTING,
    "连接断开，正在重连…",
    "Connection lost, reconnecting…"
);
text!(LIVE_SESSION, "演示", "Session");
text!(LIVE_NOT_JOINED, "尚未加入。", "Not joined yet.");
text!(LIVE_JOINED, "已加入演示", "Joined session");
text!(LIVE_AS, "，名字：", ", as ");
text!(
    LIVE_NAME,
    "你的名字（投影上显示）",
    "Your name (shown on the projector)"
);
text!(LIVE_ASK_FIRST, "每次运行前先问我", "Ask me before each run");
text!(LIVE_JOIN, "加入", "Join");
text!(
    LIVE_JOIN_HINT,
    "加入后，讲师每按一次「在手机上运行」，这部手机就用自己的 jweixin 真实调用一次，并把结果（系统、微信版本、errMsg、返回数据）发给讲师。",
    "Once joined, each time the presenter presses “Run on phones” this phone makes the real call through its own jweixin and sends the result (OS, WeChat version, errMsg, returned data) to the presenter."
);
text!(LIVE_FOLLOWING, "讲师正在讲：", "The presenter is on: ");
text!(
    LIVE_ASK,
    "讲师要在这部手机上运行：",
    "The presenter wants to run on this phone: "
);
text!(LIVE_RUN_NOW, "运行", "Run");
text!(
    LIVE_RUN_AGAIN,
    "在这部手机上再运行一次",
    "Run it again on this phone"
);
text!(
    LIVE_NEEDS_USER,
    "这个接口需要你操作手机（选择、扫码、授权…）。",
    "This API needs you on the phone (pick, scan, allow…)."
);
text!(LIVE_MINE, "这部手机的结果：", "This phone's result: ");
text!(LIVE_ROOM, "房间里的结果", "The room's results");
text!(LIVE_CONFIG, "wx.config：", "wx.config: ");
text!(
    LIVE_NOSCRIPT,
    "现场演示需要 JavaScript。",
    "A live session needs JavaScript."
);
