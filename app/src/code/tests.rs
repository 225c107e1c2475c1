use super::{js_literal::quoted, render, Call, Stack, SIGN_PATH};
use crate::catalog::{self, Lang};
use serde_json::{json, Map, Value};

fn call(id: &str, args: Value) -> Call {
    let Value::Object(args) = args else {
        panic!("an object")
    };
    Call {
        api: catalog::api(id).unwrap_or_else(|| panic!("{id} is in the catalog")),
        args,
        lang: Lang::En,
    }
}

fn sample(api: &catalog::Api) -> Map<String, Value> {
    match crate::demo::plan::sample_args(api) {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[test]
fn a_value_cannot_end_its_string_or_the_script() {
    assert_eq!(quoted("it's"), r"'it\'s'");
    assert_eq!(quoted("a\\b\nc"), r"'a\\b\nc'");
    assert_eq!(quoted("</script><img>"), r"'\x3C/script>\x3Cimg>'");
    let code = render(
        Stack::ScriptTag,
        &call(
            "chooseImage",
            json!({"count": 1, "sizeType": ["</script><script>alert(1)//"]}),
        ),
    );
    assert_eq!(code.matches("</script>").count(), 2, "{code}");
}

#[test]
fn every_stack_writes_the_call_with_its_arguments_and_the_config_step() {
    let edited = call(
        "chooseImage",
        json!({"count": 3, "sizeType": ["compressed"], "sourceType": ["camera"]}),
    );
    for stack in Stack::ALL {
        let code = render(stack, &edited);
        assert!(code.contains("count: 3"), "{stack:?}: {code}");
        assert!(code.contains("sizeType: ['compressed']"), "{stack:?}");
        assert!(code.contains("sourceType: ['camera']"), "{stack:?}");
        assert!(code.contains(&format!("{SIGN_PATH}?url=")), "{stack:?}");
        assert!(
            code.contains("split('#')[0]"),
            "{stack:?}: the fragment is cut"
        );
        assert!(code.contains("wx.config({"), "{stack:?}");
        assert!(
            code.contains("['chooseImage']"),
            "{stack:?}: jsApiList has the call"
        );
        assert!(code.contains("wx.chooseImage({"), "{stack:?}");
        assert!(!code.contains("noncestr"), "{stack:?}: the key is nonceStr");
    }
    for stack in [Stack::Vue, Stack::React] {
        assert!(
            render(stack, &edited).contains("isIOS ? landingUrl"),
            "{stack:?}"
        );
    }
    assert!(render(Stack::ScriptTag, &edited)
        .starts_with("<script src=\"https://res.wx.qq.com/open/js/jweixin-1.6.0.js\">"));
}

#[test]
fn comments_follow_the_language() {
    let mut chosen = call("getNetworkType", json!({}));
    let en = render(Stack::TypeScript, &chosen);
    chosen.lang = Lang::Zh;
    let zh = render(Stack::TypeScript, &chosen);
    assert!(en.contains("without its #fragment"));
    assert!(zh.contains("去掉 #"));
}

#[test]
fn an_interface_the_package_lacks_is_declared_in_the_typed_stacks() {
    let address = call("openAddress", json!({}));
    for stack in [Stack::TypeScript, Stack::Vue, Stack::React] {
        let code = render(stack, &address);
        assert!(code.contains("interface WithOpenAddress"), "{stack:?}");
        assert!(
            code.contains("(wx as unknown as WithOpenAddress).openAddress({"),
            "{stack:?}"
        );
        assert!(code.contains("userName: string;"), "{stack:?}");
    }
    assert!(render(Stack::Esm, &address).contains("\n  wx.openAddress({"));
}

/// Writes every interface in every stack, with the catalog's sample arguments, to
/// `end2end/snippets/generated/<stack>/<id>.<ext>`: `scripts/test.sh` type-checks the typed
/// ones with `tsc --strict` against weixin-js-sdk, vue, vue-router and react.
#[test]
fn writes_every_call_in_every_stack_for_the_type_check() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/snippets/generated");
    let _ = std::fs::remove_dir_all(&root);
    for stack in Stack::ALL {
        let dir = root.join(stack.id());
        std::fs::create_dir_all(&dir).expect("create the snippets' folder");
        for api in catalog::APIS {
            let code = render(
                stack,
                &Call {
                    api,
                    args: sample(api),
                    lang: Lang::En,
                },
            );
            std::fs::write(dir.join(format!("{}.{}", api.id, stack.extension())), code)
                .expect("write a snippet");
        }
    }
    let written = std::fs::read_dir(root.join("react")).expect("read").count();
    assert_eq!(written, catalog::APIS.len());
}

#[test]
fn a_stack_is_named_by_its_id_everywhere() {
    for stack in Stack::ALL {
        assert_eq!(serde_json::to_value(stack).unwrap(), stack.id());
        assert_eq!(Stack::from_id(stack.id()), Some(stack));
    }
}
