//! Writes one call in each stack. Every stack does the page's real setup: ask your server
//! to sign the page's URL without its `#fragment` (`SIGN_PATH`), `wx.config` with the call in
//! `jsApiList`, the call in `wx.ready`, and `wx.error`. The Vue and React ones sign again
//! when the route changes, except on iOS, which verifies the URL the app was opened at.

use super::{
    js_literal::{entries, pad, quoted},
    package_types::{self, DECLARED_FROM_DOCUMENTS, NO_ARGUMENTS},
    Stack, SIGN_PATH,
};
use crate::catalog::{self, t, Api, Event, Fill, Kind, Lang, Param, ParamType, Text};
use serde_json::{Map, Value};

const SIGN_COMMENT: Text = t(
    "你的服务器为本页 URL（去掉 # 及其后部分）签名，见“服务器端”",
    "Your server signs this page's URL without its #fragment (see the server side)",
);
const IOS_COMMENT: Text = t(
    "iOS 微信校验应用打开时的 URL（落地页），安卓校验当前 URL：在路由改变前记下落地页",
    "iOS WeChat verifies the URL the app was opened at (the landing URL), Android the current one: keep the landing URL before the router moves",
);
const SIGNED_TYPE_COMMENT: Text = t(
    "你的服务器 GET /sign 的回答",
    "What your server's GET /sign answers",
);
const UNTYPED_COMMENT: Text = t(
    "weixin-js-sdk 1.6.5 的类型缺少此接口或与文档不符：按文档声明",
    "weixin-js-sdk 1.6.5's types lack this interface or contradict the documents: declared from them",
);
const API_LIST_COMMENT: Text = t(
    "weixin-js-sdk 的接口名列表不全（如 checkJsApi、openAddress）",
    "weixin-js-sdk's list of names is incomplete (checkJsApi, openAddress…)",
);
const HOOK_COMMENT: Text = t(
    "为当前路由签名并 wx.config；wx.ready 后 ready 为 true",
    "Signs and configures wx for the current route; ready turns true at wx.ready",
);
const RERENDER_COMMENT: Text = t("路由改变时重新渲染", "renders again when the route changes");
const RUN_COMMENT: Text = t(
    "一个按钮：wx 就绪后运行此调用",
    "A button that runs the call once wx is ready",
);

/// One call to write: the API and the arguments it is called with.
#[derive(Debug, Clone)]
pub struct Call {
    pub api: &'static Api,
    /// The call's arguments (an object), as the editor or the last run had them.
    pub args: Map<String, Value>,
    /// The language of the comments.
    pub lang: Lang,
}

/// `call` written in `stack`.
pub fn render(stack: Stack, call: &Call) -> String {
    match stack {
        Stack::ScriptTag => script_tag(call),
        Stack::Esm => esm(call),
        Stack::TypeScript => typescript(call),
        Stack::Vue => vue(call),
        Stack::React => react(call),
    }
}

/// Only the call, `wx.<function>({...})` with `args` (an object) and its callbacks, as a
/// live session shows it on every screen: no setup, no comment, the same in both languages.
pub fn call_only(api: &'static Api, args: &Value) -> String {
    let call = Call {
        api,
        args: args.as_object().cloned().unwrap_or_default(),
        lang: Lang::En,
    };
    call_text(&call, Style::Arrow, false, 0)
}

/// A callback of the call, as the documents name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Callback {
    Trigger,
    Success,
    Cancel,
    Fail,
    Complete,
}

impl Callback {
    fn name(self) -> &'static str {
        match self {
            Callback::Trigger => "trigger",
            Callback::Success => "success",
            Callback::Cancel => "cancel",
            Callback::Fail => "fail",
            Callback::Complete => "complete",
        }
    }

    /// The argument it takes (`res`) and what it logs.
    fn body(self, api: &Api) -> (bool, String) {
        match self {
            Callback::Success if !api.returns.get().is_empty() => (true, "console.log(res)".into()),
            Callback::Success | Callback::Cancel | Callback::Trigger => (
                false,
                format!(
                    "console.log({})",
                    quoted(&format!("{}:{}", api.function, self.name()))
                ),
            ),
            Callback::Fail => (true, "console.error(res.errMsg)".into()),
            Callback::Complete => (true, "console.log(res)".into()),
        }
    }
}

/// The callbacks the official demo handles for `api`; at least a success and, for a call, a
/// fail. `typed` leaves out `trigger`, which the package's types do not know.
fn callbacks(api: &Api, typed: bool) -> Vec<Callback> {
    let has = |wanted: &[Event]| api.messages.iter().any(|m| wanted.contains(&m.event));
    let mut list = Vec::new();
    if has(&[Event::Trigger]) && !typed {
        list.push(Callback::Trigger);
    }
    let completes = has(&[Event::Complete])
        || api
            .messages
            .iter()
            .any(|m| matches!(m.event, Event::CompleteWithout(_)));
    if has(&[Event::Success, Event::Progress]) || !completes {
        list.push(Callback::Success);
    }
    if has(&[Event::Cancel]) {
        list.push(Callback::Cancel);
    }
    if has(&[Event::Fail]) || (api.kind == Kind::Call && !completes) {
        list.push(Callback::Fail);
    }
    if completes {
        list.push(Callback::Complete);
    }
    if typed {
        for callback in [Callback::Success, Callback::Cancel, Callback::Complete] {
            if package_types::required(api.function).contains(&callback.name())
                && !list.contains(&callback)
            {
                list.push(callback);
            }
        }
    }
    list
}

/// `SCREAMING_SNAKE` of a camelCase name: the placeholder of a value the page fills in.
fn placeholder_name(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// A value for `param` when the call's arguments lack it: its documented default, else a
/// placeholder of its type.
fn stand_in(param: &Param) -> Value {
    let default = param.default.get();
    if !default.is_empty() {
        let items = catalog::split_items(param.ty, &[default.to_owned()]);
        if let Ok(Some(value)) = catalog::parse(param, &items) {
            return value;
        }
    }
    match param.ty {
        ParamType::Int { .. } | ParamType::Float { .. } => Value::from(0),
        ParamType::Str | ParamType::OneOf(_) => Value::from(placeholder_name(param.name)),
        _ => Value::Array(Vec::new()),
    }
}

/// The arguments as written: the call's, then what the page or the server fills in (the
/// card and pay signatures, a `localId`) as placeholders, and in the typed stacks what the
/// package requires.
fn written_args(call: &Call, typed: bool) -> Map<String, Value> {
    let mut args = call.args.clone();
    let required = package_types::required(call.api.function);
    for param in call.api.params {
        let wanted = param.fill != Fill::User || (typed && required.contains(&param.name));
        if wanted && !args.contains_key(param.name) {
            args.insert(param.name.to_owned(), stand_in(param));
        }
    }
    args
}

/// How functions are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `function (res) { … }`: the `<script>` page, for every webview.
    Es5,
    /// `(res) => …`.
    Arrow,
}

/// `wx.<function>({...})` (or its declared cast), its body indented by `indent` levels.
fn call_text(call: &Call, style: Style, typed: bool, indent: usize) -> String {
    let api = call.api;
    if typed && NO_ARGUMENTS.contains(&api.function) && call.args.is_empty() {
        return format!("wx.{}();", api.function);
    }
    let inner = pad(indent + 1);
    let mut lines: Vec<String> = entries(&written_args(call, typed), indent + 1);
    for callback in callbacks(api, typed) {
        let (takes_res, body) = callback.body(api);
        let line = match (style, takes_res) {
            (Style::Es5, true) => format!("{}: function (res) {{ {body}; }}", callback.name()),
            (Style::Es5, false) => format!("{}: function () {{ {body}; }}", callback.name()),
            (Style::Arrow, true) => format!("{}: (res) => {body}", callback.name()),
            (Style::Arrow, false) => format!("{}: () => {body}", callback.name()),
        };
        lines.push(line);
    }
    let target = if typed && DECLARED_FROM_DOCUMENTS.contains(&api.function) {
        format!("(wx as unknown as {})", declared_name(api))
    } else {
        "wx".to_owned()
    };
    let trailing = if style == Style::Arrow { "," } else { "" };
    let body: Vec<String> = lines.iter().map(|line| format!("{inner}{line}")).collect();
    format!(
        "{target}.{}({{\n{}{trailing}\n{}}});",
        api.function,
        body.join(",\n"),
        pad(indent)
    )
}

/// `WithOpenAddress`: the interface a typed stack declares for an API the package lacks.
fn declared_name(api: &Api) -> String {
    let mut name = String::from("With");
    let mut chars = api.function.chars();
    if let Some(first) = chars.next() {
        name.extend(first.to_uppercase());
        name.push_str(chars.as_str());
    }
    name
}

/// A component's name for the call: `ChooseImageButton`.
fn component_name(api: &Api) -> String {
    format!("{}Button", declared_name(api).trim_start_matches("With"))
}

/// The TypeScript declaration of an API the package lacks, or nothing.
fn declaration(call: &Call) -> String {
    let api = call.api;
    if !DECLARED_FROM_DOCUMENTS.contains(&api.function) {
        return String::new();
    }
    let ts_type = |ty: ParamType| match ty {
        ParamType::Str => "string".to_owned(),
        ParamType::Int { .. } | ParamType::Float { .. } => "number".to_owned(),
        ParamType::OneOf(values) => values
            .iter()
            .map(|v| quoted(v))
            .collect::<Vec<_>>()
            .join(" | "),
        ParamType::AnyOf(values) => format!(
            "({})[]",
            values
                .iter()
                .map(|v| quoted(v))
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        ParamType::StrList | ParamType::JsApis | ParamType::MenuItems => "string[]".to_owned(),
        ParamType::Objects => "Record<string, unknown>[]".to_owned(),
    };
    let result_type = |ty: &str| match ty {
        "String" => "string",
        "Float" | "Number" => "number",
        "Array" => "unknown[]",
        _ => "Record<string, unknown>",
    };
    let mut params: Vec<String> = api
        .params
        .iter()
        .map(|p| {
            format!(
                "      {}{}: {};",
                p.name,
                if p.required { "" } else { "?" },
                ts_type(p.ty)
            )
        })
        .collect();
    let results: Vec<String> = api
        .returns
        .get()
        .iter()
        .map(|field| format!("  {}: {};", field.name, result_type(field.ty)))
        .collect();
    let result_name = format!("{}Result", declared_name(api).trim_start_matches("With"));
    params.push(format!("      success?(res: {result_name}): void;"));
    params.push("      fail?(res: { errMsg: string }): void;".into());
    params.push("      cancel?(): void;".into());
    format!(
        "// {}\ninterface {result_name} {{\n{}\n}}\ninterface {} {{\n  {}(params: {{\n{}\n  }}): void;\n}}\n\n",
        UNTYPED_COMMENT.get(call.lang),
        results.join("\n"),
        declared_name(api),
        api.function,
        params.join("\n").replace("      ", "    "),
    )
}

/// `['chooseImage']`.
fn js_api_list(call: &Call) -> String {
    format!("[{}]", quoted(call.api.function))
}

/// The `wx.config({...})` of a page, from `signed`, indented by `indent` levels.
fn config_text(signed: &str, list: &str, indent: usize, style: Style) -> String {
    let inner = pad(indent + 1);
    let trailing = if style == Style::Arrow { "," } else { "" };
    format!(
        "wx.config({{\n{inner}debug: false,\n{inner}appId: {signed}.appId,\n{inner}timestamp: {signed}.timestamp,\n{inner}nonceStr: {signed}.nonceStr,\n{inner}signature: {signed}.signature,\n{inner}jsApiList: {list}{trailing}\n{}}});",
        pad(indent)
    )
}

fn script_tag(call: &Call) -> String {
    let config = config_text("signed", &js_api_list(call), 3, Style::Es5);
    format!(
        "<script src=\"{sdk}\"></script>\n<script>\n  // {comment}\n  fetch('{SIGN_PATH}?url=' + encodeURIComponent(location.href.split('#')[0]))\n    .then(function (response) {{ return response.json(); }})\n    .then(function (signed) {{\n      {config}\n    }});\n  wx.ready(function () {{\n    {call}\n  }});\n  wx.error(function (res) {{ console.error(res.errMsg); }});\n</script>\n",
        sdk = crate::demo::WECHAT_SDK[0],
        comment = SIGN_COMMENT.get(call.lang),
        call = call_text(call, Style::Es5, false, 2),
    )
}

fn esm(call: &Call) -> String {
    format!(
        "import wx from 'weixin-js-sdk';\n\n// {comment}\nconst url = location.href.split('#')[0];\nconst signed = await (await fetch(`{SIGN_PATH}?url=${{encodeURIComponent(url)}}`)).json();\n{config}\nwx.ready(() => {{\n  {call}\n}});\nwx.error((res) => console.error(res.errMsg));\n",
        comment = SIGN_COMMENT.get(call.lang),
        config = config_text("signed", &js_api_list(call), 0, Style::Arrow),
        call = call_text(call, Style::Arrow, false, 1),
    )
}

/// The `SignedConfig` interface of the typed stacks.
fn signed_type(lang: Lang) -> String {
    format!(
        "/** {} */\ninterface SignedConfig {{\n  appId: string;\n  timestamp: number;\n  nonceStr: string;\n  signature: string;\n  url: string;\n}}\n",
        SIGNED_TYPE_COMMENT.get(lang)
    )
}

/// `signedFor(url)`: the typed stacks' request to the server.
const SIGNED_FOR: &str = "async function signedFor(url: string): Promise<SignedConfig> {\n  const response = await fetch(`SIGN?url=${encodeURIComponent(url)}`);\n  if (!response.ok) throw new Error(`SIGN answered ${response.status}`);\n  return (await response.json()) as SignedConfig;\n}\n";

fn signed_for() -> String {
    SIGNED_FOR.replace("SIGN", SIGN_PATH)
}

/// The landing-URL rule of the per-route stacks.
fn landing_rule(lang: Lang) -> String {
    format!(
        "// {}\nconst landingUrl = location.href.split('#')[0];\nconst isIOS = /iPhone|iPad|iPod/.test(navigator.userAgent);\nconst urlToSign = () => (isIOS ? landingUrl : location.href.split('#')[0]);\n",
        IOS_COMMENT.get(lang)
    )
}

fn typescript(call: &Call) -> String {
    format!(
        "import wx from 'weixin-js-sdk';\n\n{signed_type}\n{declaration}// {comment}\n{signed_for}\nasync function configure(jsApiList: string[]): Promise<void> {{\n  const signed = await signedFor(location.href.split('#')[0]);\n  {config}\n}}\n\nwx.ready(() => {{\n  {call}\n}});\nwx.error((res) => console.error(res.errMsg));\nawait configure({list});\n",
        signed_type = signed_type(call.lang),
        declaration = declaration(call),
        comment = SIGN_COMMENT.get(call.lang),
        signed_for = signed_for(),
        config = typed_config("jsApiList", 1, call.lang),
        call = call_text(call, Style::Arrow, true, 1),
        list = js_api_list(call),
    )
}

/// The typed stacks' `wx.config`, from a `string[]` named `list`.
fn typed_config(list: &str, indent: usize, lang: Lang) -> String {
    format!(
        "// {}\n{}{}",
        API_LIST_COMMENT.get(lang),
        pad(indent),
        config_text(
            "signed",
            &format!("{list} as wx.jsApiList"),
            indent,
            Style::Arrow
        )
    )
}

/// What the per-route stacks' component needs: its name, `jsApiList`, the call, the label.
struct Button {
    name: String,
    list: String,
    call: String,
    label: &'static str,
}

impl Button {
    fn of(call: &Call) -> Button {
        Button {
            name: component_name(call.api),
            list: js_api_list(call),
            call: call_text(call, Style::Arrow, true, 2),
            label: call.api.function,
        }
    }
}

/// A per-route stack's file: `imports`, the shared types and rules, the hook (given its
/// `wx.config` from the `string[]` named `list`) and the component.
fn routed(
    call: &Call,
    imports: &str,
    list: &str,
    hook: impl FnOnce(String) -> String,
    component: impl FnOnce(Button) -> String,
) -> String {
    format!(
        "{imports}\nimport wx from 'weixin-js-sdk';\n\n{}\n{}{}\n{}\n/** {} */\n{}\n\n/** {} */\n{}",
        signed_type(call.lang),
        declaration(call),
        landing_rule(call.lang),
        signed_for(),
        HOOK_COMMENT.get(call.lang),
        hook(typed_config(list, 3, call.lang)),
        RUN_COMMENT.get(call.lang),
        component(Button::of(call)),
    )
}

fn vue(call: &Call) -> String {
    routed(
        call,
        "import { defineComponent, h, ref, watch } from 'vue';\nimport { useRoute } from 'vue-router';",
        "jsApiList",
        |config| format!("export function useWechat(jsApiList: string[]) {{\n  const route = useRoute();\n  const ready = ref(false);\n  const error = ref('');\n  let configuredFor = '';\n  watch(\n    () => route.fullPath,\n    async () => {{\n      const url = urlToSign();\n      if (url === configuredFor) return;\n      configuredFor = url;\n      ready.value = false;\n      const signed = await signedFor(url);\n      {config}\n      wx.ready(() => (ready.value = true));\n      wx.error((res) => (error.value = res.errMsg));\n    }},\n    {{ immediate: true }},\n  );\n  return {{ ready, error }};\n}}"),
        |b| format!("export const {} = defineComponent(() => {{\n  const {{ ready }} = useWechat({});\n  const run = () => {{\n    {}\n  }};\n  return () => h('button', {{ disabled: !ready.value, onClick: run }}, '{}');\n}});\n", b.name, b.list, b.call, b.label),
    )
}

fn react(call: &Call) -> String {
    let rerender = RERENDER_COMMENT.get(call.lang);
    routed(
        call,
        "import { useEffect, useState } from 'react';\nimport { useLocation } from 'react-router';",
        "apis.split(',')",
        |config| {
            format!("export function useWechat(jsApiList: string[]): boolean {{\n  useLocation(); // {rerender}\n  const [ready, setReady] = useState(false);\n  const url = urlToSign();\n  const apis = jsApiList.join();\n  useEffect(() => {{\n    let current = true;\n    setReady(false);\n    signedFor(url).then((signed) => {{\n      if (!current) return;\n      {config}\n      wx.ready(() => current && setReady(true));\n    }});\n    return () => {{\n      current = false;\n    }};\n  }}, [url, apis]);\n  return ready;\n}}")
        },
        |b| {
            format!("export function {}() {{\n  const ready = useWechat({});\n  const run = () => {{\n    {}\n  }};\n  return (\n    <button disabled={{!ready}} onClick={{run}}>\n      {}\n    </button>\n  );\n}}\n", b.name, b.list, b.call, b.label)
        },
    )
}
