//! The interface categories, one page each, in the official demo's order.

use super::{server_only, t, Category, ClassicSection};

const fn classic(
    anchor: &'static str,
    index_text: &'static str,
    heading: &'static str,
) -> Option<ClassicSection> {
    Some(ClassicSection {
        anchor,
        index_text,
        heading,
    })
}

/// Every category.
pub static CATEGORIES: &[Category] = &[
    Category {
        slug: "basic",
        title: server_only(t("基础接口", "Basics")),
        intro: server_only(t("判断当前客户端版本是否支持指定 JS 接口。", "Check which JS interfaces the current client supports.")),
        classic: classic("menu-basic", "基础接口", "基础接口"),
    },
    Category {
        slug: "share",
        title: server_only(t("分享接口", "Sharing")),
        intro: server_only(t(
            "自定义“分享给朋友”“分享到朋友圈”等的内容：分享由用户从右上角菜单发起，接口只设置内容并接收结果。",
            "Customise what \"Send to friend\", \"Moments\" and the rest share: the user shares from the top-right menu; these calls set the content and hear the outcome.",
        )),
        classic: classic("menu-share", "分享接口", "分享接口"),
    },
    Category {
        slug: "images",
        title: server_only(t("图像接口", "Images")),
        intro: server_only(t("拍照或选图、预览、上传到微信服务器、再下载回来。", "Take or pick photos, preview them, upload them to WeChat's servers and download them back.")),
        classic: classic("menu-image", "图像接口", "图像接口"),
    },
    Category {
        slug: "voice",
        title: server_only(t("音频接口", "Voice")),
        intro: server_only(t("录音、播放、上传和下载语音。", "Record, play, upload and download voice.")),
        classic: classic("menu-voice", "音频接口", "音频接口"),
    },
    Category {
        slug: "smart",
        title: server_only(t("智能接口", "Smart")),
        intro: server_only(t(
            "识别一段录音并返回文字。先在「音频接口」页用 startRecord、stopRecord 录一段话，录音会带到这一页。",
            "Recognise a recording and return its text. Record something on the Voice page first (startRecord, stopRecord): the recording comes with you to this page.",
        )),
        classic: classic("menu-smart", "智能接口", "智能接口"),
    },
    Category {
        slug: "device",
        title: server_only(t("设备信息", "Device")),
        intro: server_only(t("获取网络状态。", "Get the network type.")),
        classic: classic("menu-device", "设备信息接口", "设备信息接口"),
    },
    Category {
        slug: "location",
        title: server_only(t("地理位置", "Location")),
        intro: server_only(t("在微信内置地图中查看位置，获取当前位置。", "Show a place in WeChat's map, get the current position.")),
        classic: classic("menu-location", "地理位置接口", "地理位置接口"),
    },
    Category {
        slug: "beacons",
        title: server_only(t("摇一摇周边", "Beacons (iBeacon)")),
        intro: server_only(t("开启、停止查找周边 iBeacon 设备，并监听查找结果。", "Start and stop searching for nearby iBeacons, and listen for what is found.")),
        classic: None,
    },
    Category {
        slug: "menu",
        title: server_only(t("界面操作", "Interface")),
        intro: server_only(t("右上角菜单的显示与隐藏，关闭当前网页窗口。", "Show and hide the top-right menu and its items; close the web view.")),
        classic: classic("menu-webview", "界面操作接口", "界面操作接口"),
    },
    Category {
        slug: "scan",
        title: server_only(t("微信扫一扫", "Scan")),
        intro: server_only(t("调起微信扫一扫：由微信处理结果，或直接返回扫描结果。", "Open WeChat's scanner: WeChat handles the result, or the result comes back to the page.")),
        classic: classic("menu-scan", "微信扫一扫接口", "微信扫一扫"),
    },
    Category {
        slug: "shop",
        title: server_only(t("微信小店", "Shop")),
        intro: server_only(t("跳转到微信商品页。", "Open a WeChat Shop product page.")),
        classic: classic("menu-shopping", "微信小店接口", "微信小店接口"),
    },
    Category {
        slug: "cards",
        title: server_only(t("微信卡券", "Cards")),
        intro: server_only(t(
            "拉取、添加、查看卡券；签名（cardSign、cardExt）由服务器用 api_ticket 计算。",
            "Choose, add and view cards; the signatures (cardSign, cardExt) are computed by the server with the api_ticket.",
        )),
        classic: classic("menu-card", "微信卡券接口", "微信卡券接口"),
    },
    Category {
        slug: "pay",
        title: server_only(t("微信支付", "Pay")),
        intro: server_only(t(
            "发起一个微信支付请求。这里是沙箱订单：paySign 由服务器用演示商户密钥计算，真实支付需要商户号与统一下单。",
            "Start a WeChat Pay request. This is a sandbox order: the server signs paySign with a demo merchant key; real payments need a merchant account and a unified order.",
        )),
        classic: classic("menu-pay", "微信支付接口", "微信支付接口"),
    },
    Category {
        slug: "address",
        title: server_only(t("快速输入", "Quick input")),
        intro: server_only(t("调起用户的共享收货地址。", "Open the user's shared delivery addresses.")),
        classic: None,
    },
];
