//! Every API, in page order: category order, then the official demo's order.

use super::{
    server_only, t, Api, DocVersion, Event, Fill, Guard, Kind, Message, Param, ParamType,
    ResultField, Safety, ShareData, StateKey, Text,
};

const fn p(name: &'static str, ty: ParamType, required: bool, doc: Text) -> Param {
    Param {
        name,
        ty,
        required,
        fill: Fill::User,
        default: server_only(""),
        doc: server_only(doc),
    }
}

const fn r(name: &'static str, ty: &'static str, doc: Text) -> ResultField {
    ResultField { name, ty, doc }
}

const S: ParamType = ParamType::Str;
const JS_APIS: ParamType = ParamType::JsApis;

const fn m(event: Event, zh: &'static str, en: &'static str) -> Message {
    Message {
        event,
        text: t(zh, en),
    }
}

const NONE: Text = t("", "");

/// Defaults every entry starts from.
const API: Api = Api {
    id: "",
    function: "",
    category: "",
    caption: NONE,
    label: NONE,
    summary: server_only(NONE),
    since: DocVersion::Both,
    deprecated: false,
    kind: Kind::Call,
    safety: Safety::Safe,
    params: &[],
    returns: server_only(&[]),
    sample: "{}",
    guard: None,
    sets: &[],
    messages: &[],
    tester_hint: NONE,
    classic: false,
};

const fn label(name: &'static str) -> Text {
    t(name, name)
}

/// The default share content the official demo registered at ready.
pub static DEFAULT_SHARE: ShareData = ShareData {
    title: "微信JS-SDK Demo",
    desc: "微信JS-SDK,帮助第三方为用户提供更优质的移动web服务",
    link: "http://demo.open.weixin.qq.com/jssdk/",
    img_url: "http://mmbiz.qpic.cn/mmbiz/icTdbqWNOwNRt8Qia4lv7k3M9J1SKqKCImxJCt7j9rHYicKDI45jRPBxdzdyREWnk0ia0N5TMnMfth7SdxtzMvVgXg/0",
};

const SHARE_PARAMS: &[Param] = &[
    p("title", S, true, t("分享标题", "Share title")),
    p("desc", S, false, t("分享描述", "Share description")),
    p(
        "link",
        S,
        true,
        t(
            "分享链接，该链接域名或路径必须与当前页面对应的公众号 JS 安全域名一致",
            "Link; its domain or path must match the Official Account's JS safe domain",
        ),
    ),
    p("imgUrl", S, true, t("分享图标", "Share icon URL")),
];
const APP_MESSAGE_PARAMS: &[Param] = &[
    SHARE_PARAMS[0],
    SHARE_PARAMS[1],
    SHARE_PARAMS[2],
    SHARE_PARAMS[3],
    p(
        "type",
        ParamType::OneOf(&["link", "music", "video"]),
        false,
        t(
            "分享类型，music、video或link，不填默认为link",
            "music, video or link (default link)",
        ),
    )
    .or("link"),
    p(
        "dataUrl",
        S,
        false,
        t(
            "如果type是music或video，则要提供数据链接，默认为空",
            "The media URL when type is music or video",
        ),
    ),
];
const TIMELINE_PARAMS: &[Param] = &[
    p("title", S, true, t("分享标题", "Share title")),
    p(
        "link",
        S,
        true,
        t(
            "分享链接，该链接域名或路径必须与当前页面对应的公众号 JS 安全域名一致",
            "Link; its domain or path must match the Official Account's JS safe domain",
        ),
    ),
    p("imgUrl", S, true, t("分享图标", "Share icon URL")),
];
const SHARE_RESULT: &[Message] = &[
    m(Event::Success, "已分享", "Shared"),
    m(Event::Cancel, "已取消", "Cancelled"),
    m(Event::Fail, "{}", "{}"),
];
const LOCAL_ID: Param = p(
    "localId",
    S,
    true,
    t(
        "需要操作的语音或图片的本地 ID，由 chooseImage 或 stopRecord 接口获得",
        "Local id from chooseImage or stopRecord",
    ),
)
.by(Fill::Demo);
const PROGRESS: Param = p(
    "isShowProgressTips",
    ParamType::Int { min: 0, max: 1 },
    false,
    t("默认为 1，显示进度提示", "1 (default) shows a progress tip"),
)
.or("1");
const SHARE_HINT: Text = t(
    "点按钮注册，然后从右上角菜单分享",
    "Press to register, then share from the top-right menu",
);
const NEED_IMAGE: Guard = Guard {
    requires: StateKey::ImagesLocalId,
    message: t(
        "请先使用 chooseImage 接口选择图片",
        "Use chooseImage to pick images first",
    ),
};
const NEED_VOICE: Guard = Guard {
    requires: StateKey::VoiceLocalId,
    message: t(
        "请先使用 startRecord 接口录制一段声音",
        "Record something with startRecord first",
    ),
};
const NEED_CARD: Guard = Guard {
    requires: StateKey::CardCodes,
    message: t(
        "请先使用 chooseCard 接口选择卡券。",
        "Choose a card with chooseCard first.",
    ),
};
const DOUBAN_SHARE: &str = r#"{"title":"互联网之子","desc":"在长大的过程中，我才慢慢发现，我身边的所有事，别人跟我说的所有事，那些所谓本来如此，注定如此的事，它们其实没有非得如此，事情是可以改变的。更重要的是，有些事既然错了，那就该做出改变。","link":"","imgUrl":"http://img3.douban.com/view/movie_poster_cover/spst/public/p2166127561.jpg"}"#;
const MENU_SAMPLE: &str =
    r#"{"menuList":["menuItem:readMode","menuItem:share:timeline","menuItem:copyUrl"]}"#;
const CARD_ID: &str = "pDF3iY9tv9zCGCj4jTXFOo1DxHdo";

/// Every API of both document versions.
pub static APIS: &[Api] = &[
    // ── basic ──
    Api {
        id: "checkJsApi",
        function: "checkJsApi",
        category: "basic",
        caption: t("判断当前客户端是否支持指定JS接口", "Check whether the current client supports the given JS APIs"),
        label: label("checkJsApi"),
        summary: server_only(t("判断当前客户端版本是否支持指定 JS 接口；以键值对返回，可用返回 true。", "Checks whether the client supports the given JS APIs; answers a map of name → true/false.")),
        params: &[p("jsApiList", JS_APIS, true, t("需要检测的 JS 接口列表，所有 JS 接口列表见附录2", "The JS APIs to check (all of them: appendix 2)"))],
        returns: server_only(&[r("checkResult", "Object", t("以键值对的形式返回，可用的 api 值 true，不可用为 false", "name → true when available"))]),
        sample: r#"{"jsApiList":["getNetworkType","previewImage"]}"#,
        messages: &[m(Event::Success, "{}", "{}")],
        classic: true,
        ..API
    },
    // ── share ──
    Api {
        id: "updateAppMessageShareData",
        function: "updateAppMessageShareData",
        category: "share",
        caption: t("自定义“分享给朋友”及“分享到QQ”按钮的分享内容", "Customise what \"Send to friend\" and \"Share to QQ\" share"),
        label: label("updateAppMessageShareData"),
        summary: server_only(t("自定义“分享给朋友”及“分享到QQ”的分享内容（1.4.0 新接口）；设置成功只表示内容已设置好，不代表用户已分享。", "Sets the content of \"Send to friend\" and \"Share to QQ\" (new in 1.4.0); success means the content is set, not that the user shared.")),
        since: DocVersion::NewerOnly,
        params: SHARE_PARAMS,
        sample: r#"{"title":"微信JS-SDK Demo","desc":"微信JS-SDK,帮助第三方为用户提供更优质的移动web服务","link":"","imgUrl":"http://mmbiz.qpic.cn/mmbiz/icTdbqWNOwNRt8Qia4lv7k3M9J1SKqKCImxJCt7j9rHYicKDI45jRPBxdzdyREWnk0ia0N5TMnMfth7SdxtzMvVgXg/0"}"#,
        messages: &[m(Event::Success, "分享内容已设置", "Share content set")],
        ..API
    },
    Api {
        id: "updateTimelineShareData",
        function: "updateTimelineShareData",
        category: "share",
        caption: t("自定义“分享到朋友圈”及“分享到QQ空间”按钮的分享内容", "Customise what \"Moments\" and \"QZone\" share"),
        label: label("updateTimelineShareData"),
        summary: server_only(t("自定义“分享到朋友圈”及“分享到 QQ 空间”的分享内容（1.4.0 新接口）。", "Sets the content of \"Share to Moments\" and \"Share to QZone\" (new in 1.4.0).")),
        since: DocVersion::NewerOnly,
        params: TIMELINE_PARAMS,
        sample: r#"{"title":"微信JS-SDK Demo","link":"","imgUrl":"http://mmbiz.qpic.cn/mmbiz/icTdbqWNOwNRt8Qia4lv7k3M9J1SKqKCImxJCt7j9rHYicKDI45jRPBxdzdyREWnk0ia0N5TMnMfth7SdxtzMvVgXg/0"}"#,
        messages: &[m(Event::Success, "分享内容已设置", "Share content set")],
        ..API
    },
    Api {
        id: "onMenuShareTimeline",
        function: "onMenuShareTimeline",
        category: "share",
        caption: t("获取“分享到朋友圈”按钮点击状态及自定义分享内容接口", "Get the click status of \"Share to Moments\" and customise its content"),
        label: label("onMenuShareTimeline"),
        summary: server_only(t("获取“分享到朋友圈”按钮点击状态及自定义分享内容（即将废弃）。", "Hears \"Share to Moments\" and sets its content (to be deprecated).")),
        deprecated: true,
        kind: Kind::Listener,
        params: TIMELINE_PARAMS,
        sample: r#"{"title":"互联网之子","link":"","imgUrl":"http://demo.open.weixin.qq.com/jssdk/images/p2166127561.jpg"}"#,
        messages: &[
            m(Event::Registered, "已注册获取“分享到朋友圈”状态事件", "Registered for \"Share to Moments\" events"),
            m(Event::Trigger, "用户点击分享到朋友圈", "The user tapped Share to Moments"),
            m(Event::Success, "已分享", "Shared"),
            m(Event::Cancel, "已取消", "Cancelled"),
            m(Event::Fail, "{}", "{}"),
        ],
        tester_hint: SHARE_HINT,
        classic: true,
        ..API
    },
    Api {
        id: "onMenuShareAppMessage",
        function: "onMenuShareAppMessage",
        category: "share",
        caption: t("获取“分享给朋友”按钮点击状态及自定义分享内容接口", "Get the click status of \"Send to friend\" and customise its content"),
        label: label("onMenuShareAppMessage"),
        summary: server_only(t("获取“分享给朋友”按钮点击状态及自定义分享内容（即将废弃）。", "Hears \"Send to friend\" and sets its content (to be deprecated).")),
        deprecated: true,
        kind: Kind::Listener,
        params: APP_MESSAGE_PARAMS,
        sample: r#"{"title":"互联网之子","desc":"在长大的过程中，我才慢慢发现，我身边的所有事，别人跟我说的所有事，那些所谓本来如此，注定如此的事，它们其实没有非得如此，事情是可以改变的。更重要的是，有些事既然错了，那就该做出改变。","link":"","imgUrl":"http://demo.open.weixin.qq.com/jssdk/images/p2166127561.jpg"}"#,
        messages: &[
            m(Event::Registered, "已注册获取“发送给朋友”状态事件", "Registered for \"Send to friend\" events"),
            m(Event::Trigger, "用户点击发送给朋友", "The user tapped Send to friend"),
            m(Event::Success, "已分享", "Shared"),
            m(Event::Cancel, "已取消", "Cancelled"),
            m(Event::Fail, "{}", "{}"),
        ],
        tester_hint: SHARE_HINT,
        classic: true,
        ..API
    },
    Api {
        id: "onMenuShareQQ",
        function: "onMenuShareQQ",
        category: "share",
        caption: t("获取“分享到QQ”按钮点击状态及自定义分享内容接口", "Get the click status of \"Share to QQ\" and customise its content"),
        label: label("onMenuShareQQ"),
        summary: server_only(t("获取“分享到QQ”按钮点击状态及自定义分享内容（即将废弃）。", "Hears \"Share to QQ\" and sets its content (to be deprecated).")),
        deprecated: true,
        kind: Kind::Listener,
        params: SHARE_PARAMS,
        sample: DOUBAN_SHARE,
        messages: &[
            m(Event::Registered, "已注册获取“分享到 QQ”状态事件", "Registered for \"Share to QQ\" events"),
            m(Event::Trigger, "用户点击分享到QQ", "The user tapped Share to QQ"),
            m(Event::Complete, "{}", "{}"),
            SHARE_RESULT[0],
            SHARE_RESULT[1],
            SHARE_RESULT[2],
        ],
        tester_hint: SHARE_HINT,
        classic: true,
        ..API
    },
    Api {
        id: "onMenuShareWeibo",
        function: "onMenuShareWeibo",
        category: "share",
        caption: t("获取“分享到腾讯微博”按钮点击状态及自定义分享内容接口", "Get the click status of \"Share to Tencent Weibo\" and customise its content"),
        label: label("onMenuShareWeibo"),
        summary: server_only(t("获取“分享到腾讯微博”按钮点击状态及自定义分享内容。", "Hears \"Share to Tencent Weibo\" and sets its content.")),
        kind: Kind::Listener,
        params: SHARE_PARAMS,
        sample: DOUBAN_SHARE,
        messages: &[
            m(Event::Registered, "已注册获取“分享到微博”状态事件", "Registered for \"Share to Weibo\" events"),
            m(Event::Trigger, "用户点击分享到微博", "The user tapped Share to Weibo"),
            m(Event::Complete, "{}", "{}"),
            SHARE_RESULT[0],
            SHARE_RESULT[1],
            SHARE_RESULT[2],
        ],
        tester_hint: SHARE_HINT,
        classic: true,
        ..API
    },
    Api {
        id: "onMenuShareQZone",
        function: "onMenuShareQZone",
        category: "share",
        caption: t("获取“分享到QZone”按钮点击状态及自定义分享内容接口", "Get the click status of \"Share to QZone\" and customise its content"),
        label: label("onMenuShareQZone"),
        summary: server_only(t("获取“分享到QQ空间”按钮点击状态及自定义分享内容（即将废弃）。", "Hears \"Share to QZone\" and sets its content (to be deprecated).")),
        deprecated: true,
        kind: Kind::Listener,
        params: SHARE_PARAMS,
        sample: DOUBAN_SHARE,
        messages: &[
            m(Event::Registered, "已注册获取“分享到QZone”状态事件", "Registered for \"Share to QZone\" events"),
            m(Event::Trigger, "用户点击分享到QZone", "The user tapped Share to QZone"),
            m(Event::Complete, "{}", "{}"),
            SHARE_RESULT[0],
            SHARE_RESULT[1],
            SHARE_RESULT[2],
        ],
        tester_hint: SHARE_HINT,
        classic: true,
        ..API
    },
    // ── images ──
    Api {
        id: "chooseImage",
        function: "chooseImage",
        category: "images",
        caption: t("拍照或从手机相册中选图接口", "Take a photo or pick from the album"),
        label: label("chooseImage"),
        summary: server_only(t("拍照或从手机相册中选图；返回的 localId 可作为 img 的 src 显示图片。", "Take a photo or pick from the album; the returned localIds can be an img's src.")),
        safety: Safety::NeedsUser,
        params: &[
            p("count", ParamType::Int { min: 1, max: 9 }, false, t("默认9", "At most this many (default 9)")).or("9"),
            p("sizeType", ParamType::AnyOf(&["original", "compressed"]), false, t("可以指定是原图还是压缩图，默认二者都有", "original and/or compressed (default both)")),
            p("sourceType", ParamType::AnyOf(&["album", "camera"]), false, t("可以指定来源是相册还是相机，默认二者都有", "album and/or camera (default both)")),
        ],
        returns: server_only(&[r("localIds", "Array", t("返回选定照片的本地 ID 列表，localId 可以作为 img 标签的 src 属性显示图片", "Local ids of the chosen photos"))]),
        sets: &[StateKey::ImagesLocalId],
        messages: &[m(Event::Success, "已选择 {} 张图片", "{} images chosen")],
        tester_hint: t("选择一张或多张图片", "Pick one or more images"),
        classic: true,
        ..API
    },
    Api {
        id: "previewImage",
        function: "previewImage",
        category: "images",
        caption: t("预览图片接口", "Preview images"),
        label: label("previewImage"),
        summary: server_only(t("调起微信的图片预览。", "Opens WeChat's image viewer.")),
        safety: Safety::NeedsUser,
        params: &[
            p("current", S, true, t("当前显示图片的 http 链接", "URL of the image shown first")),
            p("urls", ParamType::StrList, true, t("需要预览的图片 http 链接列表", "URLs of the images to preview")),
        ],
        sample: r#"{"current":"http://img5.douban.com/view/photo/photo/public/p1353993776.jpg","urls":["http://img3.douban.com/view/photo/photo/public/p2152117150.jpg","http://img5.douban.com/view/photo/photo/public/p1353993776.jpg","http://img3.douban.com/view/photo/photo/public/p2152134700.jpg"]}"#,
        tester_hint: t("查看预览后关闭", "Look at the preview, then close it"),
        classic: true,
        ..API
    },
    Api {
        id: "uploadImage",
        function: "uploadImage",
        category: "images",
        caption: t("上传图片接口", "Upload images"),
        label: label("uploadImage"),
        summary: server_only(t("上传图片到微信服务器（有效期 3 天），一次一张；多张需等前一张上传完成。", "Uploads an image to WeChat's servers (kept 3 days), one at a time.")),
        safety: Safety::NeedsUser,
        params: &[LOCAL_ID, PROGRESS],
        sample: r#"{"isShowProgressTips":1}"#,
        returns: server_only(&[r("serverId", "String", t("图片的服务器端 ID", "Server id of the image"))]),
        guard: Some(NEED_IMAGE),
        sets: &[StateKey::ImagesServerId],
        messages: &[m(Event::Fail, "{}", "{}")],
        tester_hint: t("先 chooseImage，再上传", "chooseImage first, then upload"),
        classic: true,
        ..API
    },
    Api {
        id: "downloadImage",
        function: "downloadImage",
        category: "images",
        caption: t("下载图片接口", "Download images"),
        label: label("downloadImage"),
        summary: server_only(t("下载 uploadImage 上传的图片。", "Downloads images uploaded with uploadImage.")),
        safety: Safety::NeedsUser,
        params: &[p("serverId", S, true, t("需要下载的图片的服务器端 ID，由 uploadImage 接口获得", "Server id from uploadImage")).by(Fill::Demo), PROGRESS],
        sample: r#"{"isShowProgressTips":1}"#,
        returns: server_only(&[r("localId", "String", t("图片下载后的本地 ID", "Local id of the downloaded image"))]),
        guard: Some(Guard {
            requires: StateKey::ImagesServerId,
            message: t("请先使用 uploadImage 上传图片", "Upload images with uploadImage first"),
        }),
        sets: &[StateKey::ImagesLocalId],
        messages: &[m(Event::Progress, "已下载：{}", "Downloaded: {}")],
        tester_hint: t("先上传，再下载", "Upload first, then download"),
        classic: true,
        ..API
    },
    Api {
        id: "getLocalImgData",
        function: "getLocalImgData",
        category: "images",
        caption: t("获取本地图片接口", "Get a local image's data"),
        label: label("getLocalImgData"),
        summary: server_only(t("获取本地图片的 base64 数据（仅 iOS WKWebView 需要，用于显示图片）。", "Gets a local image as base64 (needed on iOS WKWebView to display it).")),
        since: DocVersion::NewerOnly,
        safety: Safety::NeedsUser,
        params: &[p("localId", S, true, t("图片的localID", "The image's localId")).by(Fill::Demo)],
        returns: server_only(&[r("localData", "String", t("localData是图片的base64数据，可以用img标签显示", "base64 data, displayable in an img"))]),
        guard: Some(NEED_IMAGE),
        tester_hint: t("先 chooseImage", "chooseImage first"),
        ..API
    },
    // ── voice ──
    Api {
        id: "startRecord",
        function: "startRecord",
        category: "voice",
        caption: t("开始录音接口", "Start recording"),
        label: label("startRecord"),
        summary: server_only(t("开始录音；超过一分钟自动停止并触发 onVoiceRecordEnd。", "Starts recording; after a minute it stops by itself and onVoiceRecordEnd fires.")),
        safety: Safety::NeedsUser,
        messages: &[m(Event::Cancel, "用户拒绝授权录音", "The user refused the microphone")],
        tester_hint: t("允许录音并说几句话", "Allow the microphone and say something"),
        classic: true,
        ..API
    },
    Api {
        id: "stopRecord",
        function: "stopRecord",
        category: "voice",
        caption: t("停止录音接口", "Stop recording"),
        label: label("stopRecord"),
        summary: server_only(t("停止录音，返回录音的本地 ID。", "Stops recording and returns its local id.")),
        safety: Safety::NeedsUser,
        returns: server_only(&[r("localId", "String", t("录音的本地 ID", "Local id of the recording"))]),
        sets: &[StateKey::VoiceLocalId],
        messages: &[m(Event::Fail, "{}", "{}")],
        tester_hint: t("先 startRecord", "startRecord first"),
        classic: true,
        ..API
    },
    Api {
        id: "onVoiceRecordEnd",
        function: "onVoiceRecordEnd",
        category: "voice",
        caption: t("监听录音自动停止接口", "Listen for the automatic end of a recording"),
        label: label("onVoiceRecordEnd"),
        summary: server_only(t("录音时间超过一分钟没有停止时，自动停止并执行 complete 回调。演示页在 ready 时注册。", "When a recording passes one minute it stops by itself and complete fires. Registered at ready.")),
        kind: Kind::Listener,
        returns: server_only(&[r("localId", "String", t("录音的本地 ID", "Local id of the recording"))]),
        sets: &[StateKey::VoiceLocalId],
        messages: &[m(Event::Complete, "录音时间已超过一分钟", "The recording passed one minute")],
        ..API
    },
    Api {
        id: "playVoice",
        function: "playVoice",
        category: "voice",
        caption: t("播放语音接口", "Play voice"),
        label: label("playVoice"),
        summary: server_only(t("播放录音。", "Plays a recording.")),
        safety: Safety::NeedsUser,
        params: &[LOCAL_ID],
        guard: Some(NEED_VOICE),
        tester_hint: t("听到录音", "Hear the recording"),
        classic: true,
        ..API
    },
    Api {
        id: "pauseVoice",
        function: "pauseVoice",
        category: "voice",
        caption: t("暂停播放接口", "Pause playback"),
        label: label("pauseVoice"),
        summary: server_only(t("暂停播放（官方 Demo 不检查是否有录音）。", "Pauses playback (the official demo does not check for a recording).")),
        params: &[LOCAL_ID],
        classic: true,
        ..API
    },
    Api {
        id: "stopVoice",
        function: "stopVoice",
        category: "voice",
        caption: t("停止播放接口", "Stop playback"),
        label: label("stopVoice"),
        summary: server_only(t("停止播放（官方 Demo 不检查是否有录音）。", "Stops playback (the official demo does not check for a recording).")),
        params: &[LOCAL_ID],
        classic: true,
        ..API
    },
    Api {
        id: "onVoicePlayEnd",
        function: "onVoicePlayEnd",
        category: "voice",
        caption: t("监听语音播放完毕接口", "Listen for the end of playback"),
        label: label("onVoicePlayEnd"),
        summary: server_only(t("语音播放完毕时回调。演示页在 ready 时注册。", "Called when playback ends. Registered at ready.")),
        kind: Kind::Listener,
        returns: server_only(&[r("localId", "String", t("返回音频的本地 ID", "Local id of the voice"))]),
        messages: &[m(Event::Complete, "录音（{}）播放结束", "Recording ({}) finished playing")],
        ..API
    },
    Api {
        id: "uploadVoice",
        function: "uploadVoice",
        category: "voice",
        caption: t("上传语音接口", "Upload voice"),
        label: label("uploadVoice"),
        summary: server_only(t("上传语音到微信服务器（有效期 3 天）。", "Uploads the recording to WeChat's servers (kept 3 days).")),
        safety: Safety::NeedsUser,
        params: &[LOCAL_ID, PROGRESS],
        sample: r#"{"isShowProgressTips":1}"#,
        returns: server_only(&[r("serverId", "String", t("音频的服务器端 ID", "Server id of the voice"))]),
        guard: Some(NEED_VOICE),
        sets: &[StateKey::VoiceServerId],
        messages: &[m(Event::Success, "上传语音成功，serverId 为{}", "Voice uploaded, serverId is {}")],
        tester_hint: t("先录音", "Record first"),
        classic: true,
        ..API
    },
    Api {
        id: "downloadVoice",
        function: "downloadVoice",
        category: "voice",
        caption: t("下载语音接口", "Download voice"),
        label: label("downloadVoice"),
        summary: server_only(t("下载 uploadVoice 上传的语音。", "Downloads a voice uploaded with uploadVoice.")),
        safety: Safety::NeedsUser,
        params: &[p("serverId", S, true, t("需要下载的音频的服务器端 ID，由 uploadVoice 接口获得", "Server id from uploadVoice")).by(Fill::Demo), PROGRESS],
        sample: r#"{"isShowProgressTips":1}"#,
        returns: server_only(&[r("localId", "String", t("音频的本地 ID", "Local id of the voice"))]),
        guard: Some(Guard {
            requires: StateKey::VoiceServerId,
            message: t("请先使用 uploadVoice 上传声音", "Upload with uploadVoice first"),
        }),
        sets: &[StateKey::VoiceLocalId],
        messages: &[m(Event::Success, "下载语音成功，localId 为{}", "Voice downloaded, localId is {}")],
        tester_hint: t("先上传语音", "Upload the voice first"),
        classic: true,
        ..API
    },
    // ── smart ──
    Api {
        id: "translateVoice",
        function: "translateVoice",
        category: "smart",
        caption: t("识别音频并返回识别结果接口", "Recognise audio and return the text"),
        label: label("translateVoice"),
        summary: server_only(t("识别一段录音，返回识别出的文字。", "Recognises a recording and returns its text.")),
        safety: Safety::NeedsUser,
        params: &[LOCAL_ID, PROGRESS],
        sample: r#"{"isShowProgressTips":1}"#,
        returns: server_only(&[r("translateResult", "String", t("语音识别的结果", "The recognised text"))]),
        guard: Some(NEED_VOICE),
        messages: &[
            m(Event::CompleteWithout("translateResult"), "无法识别", "Could not recognise it"),
            m(Event::Complete, "识别结果：{}", "Recognised: {}"),
        ],
        tester_hint: t("先在音频接口录一段话", "Record something on the Voice page first"),
        classic: true,
        ..API
    },
    // ── device ──
    Api {
        id: "getNetworkType",
        function: "getNetworkType",
        category: "device",
        caption: t("获取网络状态接口", "Get network type"),
        label: label("getNetworkType"),
        summary: server_only(t("获取网络状态：2g、3g、4g、wifi。", "Gets the network type: 2g, 3g, 4g, wifi.")),
        returns: server_only(&[r("networkType", "String", t("返回网络类型2g，3g，4g，wifi", "2g, 3g, 4g or wifi"))]),
        messages: &[m(Event::Success, "{}", "{}"), m(Event::Fail, "{}", "{}")],
        classic: true,
        ..API
    },
    // ── location ──
    Api {
        id: "openLocation",
        function: "openLocation",
        category: "location",
        caption: t("使用微信内置地图查看位置接口", "Show a location in WeChat's built-in map"),
        label: label("openLocation"),
        summary: server_only(t("使用微信内置地图查看位置。", "Shows a place in WeChat's map.")),
        safety: Safety::NeedsUser,
        params: &[
            p("latitude", ParamType::Float { min: -90, max: 90 }, true, t("纬度，浮点数，范围为90 ~ -90", "Latitude, 90 to -90")),
            p("longitude", ParamType::Float { min: -180, max: 180 }, true, t("经度，浮点数，范围为180 ~ -180", "Longitude, 180 to -180")),
            p("name", S, false, t("位置名", "Place name")),
            p("address", S, false, t("地址详情说明", "Address")),
            p("scale", ParamType::Int { min: 1, max: 28 }, false, t("地图缩放级别，整形值，范围从1~28。默认为最大", "Zoom 1–28 (default the largest)")),
            p("infoUrl", S, false, t("在查看位置界面底部显示的超链接，可点击跳转", "A link shown at the bottom")),
        ],
        sample: r#"{"latitude":23.099994,"longitude":113.32452,"name":"TIT 创意园","address":"广州市海珠区新港中路 397 号","scale":14,"infoUrl":"http://weixin.qq.com"}"#,
        tester_hint: t("查看地图后返回", "Look at the map, then go back"),
        classic: true,
        ..API
    },
    Api {
        id: "getLocation",
        function: "getLocation",
        category: "location",
        caption: t("获取地理位置接口", "Get current location"),
        label: label("getLocation"),
        summary: server_only(t("获取地理位置；默认 wgs84 GPS 坐标，传 gcj02 得到可用于 openLocation 的火星坐标。", "Gets the position: WGS-84 by default, gcj02 for coordinates openLocation accepts.")),
        safety: Safety::NeedsUser,
        params: &[p("type", ParamType::OneOf(&["wgs84", "gcj02"]), false, t("默认为wgs84的gps坐标，如果要返回直接给openLocation用的火星坐标，可传入'gcj02'", "wgs84 (default) or gcj02")).or("wgs84")],
        returns: server_only(&[
            r("latitude", "Float", t("纬度，浮点数，范围为90 ~ -90", "Latitude")),
            r("longitude", "Float", t("经度，浮点数，范围为180 ~ -180", "Longitude")),
            r("speed", "Float", t("速度，以米/每秒计", "Speed, m/s")),
            r("accuracy", "Float", t("位置精度", "Accuracy")),
        ]),
        messages: &[
            m(Event::Success, "{}", "{}"),
            m(Event::Cancel, "用户拒绝授权获取地理位置", "The user refused location access"),
        ],
        tester_hint: t("允许获取位置", "Allow location access"),
        classic: true,
        ..API
    },
    // ── beacons ──
    Api {
        id: "startSearchBeacons",
        function: "startSearchBeacons",
        category: "beacons",
        caption: t("开启查找周边ibeacon设备接口", "Start searching for nearby iBeacons"),
        label: label("startSearchBeacons"),
        summary: server_only(t("开启查找周边 iBeacon 设备；需要摇一摇周边的业务 ticket。", "Starts searching for nearby iBeacons; needs a Shake Nearby ticket.")),
        safety: Safety::NeedsUser,
        params: &[p("ticket", S, false, t("摇周边的业务ticket, 系统自动添加在摇出来的页面链接后面", "The Shake Nearby ticket added to the page link"))],
        tester_hint: t("打开蓝牙，靠近 iBeacon 设备", "Turn Bluetooth on near an iBeacon"),
        ..API
    },
    Api {
        id: "stopSearchBeacons",
        function: "stopSearchBeacons",
        category: "beacons",
        caption: t("关闭查找周边ibeacon设备接口", "Stop searching for iBeacons"),
        label: label("stopSearchBeacons"),
        summary: server_only(t("关闭查找周边 iBeacon 设备。", "Stops searching for iBeacons.")),
        ..API
    },
    Api {
        id: "onSearchBeacons",
        function: "onSearchBeacons",
        category: "beacons",
        caption: t("监听周边ibeacon设备接口", "Listen for nearby iBeacons"),
        label: label("onSearchBeacons"),
        summary: server_only(t("监听周边 iBeacon 设备，查找到时回调 complete。", "Calls complete with the iBeacons found.")),
        kind: Kind::Listener,
        returns: server_only(&[r("beacons", "Array", t("查找到的 iBeacon 设备列表", "The iBeacons found"))]),
        messages: &[m(Event::Complete, "{}", "{}")],
        ..API
    },
    // ── menu ──
    Api {
        id: "hideOptionMenu",
        function: "hideOptionMenu",
        category: "menu",
        caption: t("隐藏右上角菜单接口", "Hide the top-right menu"),
        label: label("hideOptionMenu"),
        summary: server_only(t("隐藏右上角菜单。", "Hides the top-right menu.")),
        classic: true,
        ..API
    },
    Api {
        id: "showOptionMenu",
        function: "showOptionMenu",
        category: "menu",
        caption: t("显示右上角菜单接口", "Show the top-right menu"),
        label: label("showOptionMenu"),
        summary: server_only(t("显示右上角菜单。", "Shows the top-right menu.")),
        classic: true,
        ..API
    },
    Api {
        id: "closeWindow",
        function: "closeWindow",
        category: "menu",
        caption: t("关闭当前网页窗口接口", "Close the current web view"),
        label: label("closeWindow"),
        summary: server_only(t("关闭当前网页窗口。", "Closes the current web view.")),
        safety: Safety::Irreversible,
        tester_hint: t("页面会被关闭，最后再测", "Closes the page: test it last"),
        classic: true,
        ..API
    },
    Api {
        id: "hideMenuItems",
        function: "hideMenuItems",
        category: "menu",
        caption: t("批量隐藏功能按钮接口", "Hide menu items (batch)"),
        label: label("hideMenuItems"),
        summary: server_only(t("批量隐藏功能按钮；只能隐藏“传播类”和“保护类”按钮（附录3）。", "Hides menu items; only propagation and protection items can be hidden (appendix 3).")),
        params: &[p("menuList", ParamType::MenuItems, true, t("要隐藏的菜单项，只能隐藏“传播类”和“保护类”按钮，所有menu项见附录3", "Items to hide (propagation/protection only, appendix 3)"))],
        sample: MENU_SAMPLE,
        messages: &[
            m(Event::Success, "已隐藏“阅读模式”，“分享到朋友圈”，“复制链接”等按钮", "Hid Reading mode, Share to Moments, Copy link"),
            m(Event::Fail, "{}", "{}"),
        ],
        classic: true,
        ..API
    },
    Api {
        id: "showMenuItems",
        function: "showMenuItems",
        category: "menu",
        caption: t("批量显示功能按钮接口", "Show menu items (batch)"),
        label: label("showMenuItems"),
        summary: server_only(t("批量显示功能按钮。", "Shows menu items.")),
        params: &[p("menuList", ParamType::MenuItems, true, t("要显示的菜单项，所有menu项见附录3", "Items to show (appendix 3)"))],
        sample: MENU_SAMPLE,
        messages: &[
            m(Event::Success, "已显示“阅读模式”，“分享到朋友圈”，“复制链接”等按钮", "Showed Reading mode, Share to Moments, Copy link"),
            m(Event::Fail, "{}", "{}"),
        ],
        classic: true,
        ..API
    },
    Api {
        id: "hideAllNonBaseMenuItem",
        function: "hideAllNonBaseMenuItem",
        category: "menu",
        caption: t("隐藏所有非基础按钮接口", "Hide all non-basic menu items"),
        label: label("hideAllNonBaseMenuItem"),
        summary: server_only(t("隐藏所有非基础按钮（“基本类”按钮见附录3）。", "Hides every item but the basic ones (appendix 3).")),
        messages: &[m(Event::Success, "已隐藏所有非基本菜单项", "Hid all non-basic menu items")],
        classic: true,
        ..API
    },
    Api {
        id: "showAllNonBaseMenuItem",
        function: "showAllNonBaseMenuItem",
        category: "menu",
        caption: t("显示所有功能按钮接口", "Show all menu items"),
        label: label("showAllNonBaseMenuItem"),
        summary: server_only(t("显示所有功能按钮。", "Shows every menu item.")),
        messages: &[m(Event::Success, "已显示所有非基本菜单项", "Showed all non-basic menu items")],
        classic: true,
        ..API
    },
    // ── scan ──
    Api {
        id: "scanQRCode0",
        function: "scanQRCode",
        category: "scan",
        caption: t("调起微信扫一扫接口", "Launch WeChat Scan"),
        label: t("scanQRCode(微信处理结果)", "scanQRCode (WeChat handles the result)"),
        summary: server_only(t("调起微信扫一扫，needResult 为 0：扫描结果由微信处理。", "Opens WeChat's scanner with needResult 0: WeChat handles the result.")),
        safety: Safety::NeedsUser,
        params: &[
            p("needResult", ParamType::Int { min: 0, max: 1 }, false, t("默认为0，扫描结果由微信处理，1则直接返回扫描结果", "0 (default): WeChat handles it; 1: returned")).or("0"),
            p("scanType", ParamType::AnyOf(&["qrCode", "barCode"]), false, t("可以指定扫二维码还是一维码，默认二者都有", "qrCode and/or barCode (default both)")),
        ],
        tester_hint: t("扫一个二维码", "Scan a QR code"),
        classic: true,
        ..API
    },
    Api {
        id: "scanQRCode1",
        function: "scanQRCode",
        category: "scan",
        caption: t("调起微信扫一扫接口（直接返回结果）", "Launch WeChat Scan (result returned)"),
        label: t("scanQRCode(直接返回结果)", "scanQRCode (return result directly)"),
        summary: server_only(t("调起微信扫一扫，needResult 为 1：直接返回扫描结果。", "Opens WeChat's scanner with needResult 1: the result comes back.")),
        safety: Safety::NeedsUser,
        params: &[
            p("needResult", ParamType::Int { min: 0, max: 1 }, false, t("默认为0，扫描结果由微信处理，1则直接返回扫描结果", "0 (default): WeChat handles it; 1: returned")).or("0"),
            p("scanType", ParamType::AnyOf(&["qrCode", "barCode"]), false, t("可以指定扫二维码还是一维码，默认二者都有", "qrCode and/or barCode (default both)")),
        ],
        returns: server_only(&[r("resultStr", "String", t("当needResult 为 1 时，扫码返回的结果", "The scanned text (needResult 1)"))]),
        sample: r#"{"needResult":1}"#,
        messages: &[m(Event::Success, "{}", "{}")],
        tester_hint: t("扫一个二维码", "Scan a QR code"),
        classic: true,
        ..API
    },
    // ── shop ──
    Api {
        id: "openProductSpecificView",
        function: "openProductSpecificView",
        category: "shop",
        caption: t("跳转微信商品页接口", "Jump to a WeChat Shop product page"),
        label: label("openProductSpecificView"),
        summary: server_only(t("跳转到微信商品页。", "Opens a WeChat Shop product page.")),
        safety: Safety::NeedsUser,
        params: &[
            p("productId", S, true, t("商品id", "Product id")),
            p("viewType", ParamType::OneOf(&["0", "1", "2"]), false, t("0.默认值，普通商品详情页1.扫一扫商品详情页2.小店商品详情页", "0 product page (default), 1 scan page, 2 shop page")).or("0"),
        ],
        sample: r#"{"productId":"pDF3iY_m2M7EQ5EKKKWd95kAxfNw"}"#,
        tester_hint: t("查看商品页后返回", "Look at the product, then go back"),
        classic: true,
        ..API
    },
    // ── cards ──
    Api {
        id: "addCard",
        function: "addCard",
        category: "cards",
        caption: t("批量添加卡券接口", "Add cards (batch)"),
        label: label("addCard"),
        summary: server_only(t("批量添加卡券；cardExt 为签名后的 JSON 字符串（附录4），由服务器用 api_ticket 计算。", "Adds cards; cardExt is a signed JSON string (appendix 4) computed by the server with the api_ticket.")),
        safety: Safety::Irreversible,
        params: &[p("cardList", ParamType::Objects, true, t("需要添加的卡券列表：cardId 与 cardExt（字符串，不是 Object）", "Cards to add: cardId and cardExt (a string, not an object)"))],
        returns: server_only(&[r("cardList", "Array", t("添加的卡券列表信息，isSuccess 表示是否成功", "The cards, with isSuccess"))]),
        sample: const_format_card_list(),
        messages: &[m(Event::Success, "已添加卡券：{}", "Cards added: {}"), m(Event::Cancel, "{}", "{}")],
        tester_hint: t("确认添加到卡包", "Confirm adding to the wallet"),
        classic: true,
        ..API
    },
    Api {
        id: "chooseCard",
        function: "chooseCard",
        category: "cards",
        caption: t("调起适用于门店的卡券列表并获取用户选择列表", "Open the list of cards usable at a store and get the user's choice"),
        label: label("chooseCard"),
        summary: server_only(t("拉取适用卡券列表并获取用户选择；cardSign 由服务器计算（附录4）。返回的 encrypt_code 由服务器解码后用于 openCard。", "Lists usable cards and gets the user's choice; the server signs cardSign (appendix 4) and decrypts the returned encrypt_code for openCard.")),
        safety: Safety::NeedsUser,
        params: &[
            p("shopId", S, false, t("门店Id", "Store id")),
            p("cardType", S, false, t("卡券类型", "Card type")),
            p("cardId", S, false, t("卡券Id", "Card id")),
            p("timestamp", ParamType::Int { min: 0, max: i64::MAX }, true, t("卡券签名时间戳", "Signature timestamp")).by(Fill::Server),
            p("nonceStr", S, true, t("卡券签名随机串", "Signature nonce")).by(Fill::Server),
            p("signType", S, true, t("签名方式，默认'SHA1'", "Signature method, SHA1")).by(Fill::Server),
            p("cardSign", S, true, t("卡券签名", "Card signature")).by(Fill::Server),
        ],
        returns: server_only(&[r("cardList", "String", t("用户选中的卡券列表信息（JSON 字符串）", "The chosen cards (a JSON string)"))]),
        sets: &[StateKey::CardCodes],
        messages: &[m(Event::Success, "已选择卡券：{}", "Cards chosen: {}"), m(Event::Cancel, "{}", "{}")],
        tester_hint: t("选择一张卡券", "Choose a card"),
        classic: true,
        ..API
    },
    Api {
        id: "openCard",
        function: "openCard",
        category: "cards",
        caption: t("查看微信卡包中的卡券接口", "View cards in the WeChat card wallet"),
        label: label("openCard"),
        summary: server_only(t("查看微信卡包中的卡券；code 为 chooseCard 返回并解码后的卡券 code。", "Opens cards in the wallet; the code is the one chooseCard returned, decrypted.")),
        safety: Safety::NeedsUser,
        params: &[p("cardList", ParamType::Objects, true, t("需要打开的卡券列表：cardId 与 code", "Cards to open: cardId and code")).by(Fill::Demo)],
        guard: Some(NEED_CARD),
        messages: &[m(Event::Cancel, "{}", "{}")],
        tester_hint: t("先 chooseCard", "chooseCard first"),
        classic: true,
        ..API
    },
    Api {
        id: "consumeAndShareCard",
        function: "consumeAndShareCard",
        category: "cards",
        caption: t("核销后再次赠送卡券接口", "Redeem and then gift a card"),
        label: label("consumeAndShareCard"),
        summary: server_only(t("核销卡券后再次赠送（微信 6.3.6、JS-SDK 1.1.0 及以上）。", "Redeems a card, then offers to gift it (WeChat 6.3.6+, JS-SDK 1.1.0+).")),
        since: DocVersion::OlderOnly,
        safety: Safety::Irreversible,
        params: &[
            p("cardId", S, true, t("卡券Id", "Card id")),
            p("code", S, true, t("卡券code（由 chooseCard 选择并解码）", "Card code (chosen with chooseCard, decrypted)")).by(Fill::Demo),
        ],
        sample: r#"{"cardId":"pDF3iY9tv9zCGCj4jTXFOo1DxHdo"}"#,
        guard: Some(NEED_CARD),
        tester_hint: t("核销会消耗卡券，谨慎测试", "Redeeming uses the card up: test with care"),
        ..API
    },
    // ── pay ──
    Api {
        id: "chooseWXPay",
        function: "chooseWXPay",
        category: "pay",
        caption: t("发起一个微信支付请求", "Start a WeChat Pay request"),
        label: label("chooseWXPay"),
        summary: server_only(t("发起微信支付；package 为统一下单返回的 prepay_id，paySign 由服务器计算。此处为沙箱订单。", "Starts WeChat Pay; package is the unified order's prepay_id, paySign is computed by the server. This is a sandbox order.")),
        since: DocVersion::NewerLinksToPay,
        safety: Safety::Irreversible,
        params: &[
            p("timestamp", ParamType::Int { min: 0, max: i64::MAX }, true, t("支付签名时间戳，注意微信jssdk中的所有使用timestamp字段均为小写", "Signature timestamp (lower-case in the JS-SDK)")).by(Fill::Server),
            p("nonceStr", S, true, t("支付签名随机串，不长于 32 位", "Nonce, at most 32 characters")).by(Fill::Server),
            p("package", S, true, t("统一支付接口返回的prepay_id参数值，提交格式如：prepay_id=\\*\\*\\*）", "prepay_id=… from the unified order")).by(Fill::Server),
            p("signType", ParamType::OneOf(&["MD5", "HMAC-SHA256"]), true, t("签名方式，默认为'SHA1'，使用新版支付需传入'MD5'", "MD5 (or HMAC-SHA256) for the current Pay API; the server signs with it")),
            p("paySign", S, true, t("支付签名", "Pay signature")).by(Fill::Server),
        ],
        sample: r#"{"timestamp":0,"nonceStr":"","package":"","signType":"MD5","paySign":""}"#,
        tester_hint: t("确认或取消支付", "Confirm or cancel the payment"),
        classic: true,
        ..API
    },
    // ── address ──
    Api {
        id: "openAddress",
        function: "openAddress",
        category: "address",
        caption: t("共享收货地址接口", "Shared delivery address"),
        label: label("openAddress"),
        summary: server_only(t("调起用户的共享收货地址列表，返回所选地址。", "Opens the user's delivery addresses and returns the chosen one.")),
        since: DocVersion::NewerOnly,
        safety: Safety::NeedsUser,
        returns: server_only(&[
            r("userName", "String", t("收货人姓名", "Recipient")),
            r("postalCode", "String", t("邮编", "Postal code")),
            r("provinceName", "String", t("国标收货地址第一级地址（省）", "Province")),
            r("cityName", "String", t("国标收货地址第二级地址（市）", "City")),
            r("countryName", "String", t("国标收货地址第三级地址（国家）", "District")),
            r("detailInfo", "String", t("详细收货地址信息", "Street address")),
            r("nationalCode", "String", t("收货地址国家码", "Area code")),
            r("telNumber", "String", t("收货人手机号码", "Phone number")),
        ]),
        messages: &[m(Event::Success, "{}", "{}")],
        tester_hint: t("选择一个收货地址", "Pick an address"),
        ..API
    },
];

/// addCard's sample: the official demo's two identical entries; the server replaces
/// each `cardExt` with one signed for this appId.
const fn const_format_card_list() -> &'static str {
    r#"{"cardList":[{"cardId":"pDF3iY9tv9zCGCj4jTXFOo1DxHdo","cardExt":""},{"cardId":"pDF3iY9tv9zCGCj4jTXFOo1DxHdo","cardExt":""}]}"#
}

/// The card id of every card call of the official demo.
pub const DEMO_CARD_ID: &str = CARD_ID;
