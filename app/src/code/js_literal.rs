//! JavaScript literals as a developer writes them: bare keys where they can be, single-quoted
//! strings, short lists on one line. Strings are escaped so that a value can never end the
//! literal or the `<script>` it sits in.

use serde_json::{Map, Value};

/// Lists up to this long stay on one line.
const INLINE_WIDTH: usize = 60;

/// `value` as a JavaScript literal; lines after the first are indented by `indent` levels.
pub fn literal(value: &Value, indent: usize) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Array(items) => {
            let inline: Vec<String> = items.iter().map(|item| literal(item, 0)).collect();
            let one_line = format!("[{}]", inline.join(", "));
            if items.iter().all(is_scalar) && one_line.len() <= INLINE_WIDTH {
                return one_line;
            }
            let pad = pad(indent + 1);
            let lines: Vec<String> = items
                .iter()
                .map(|item| format!("{pad}{}", literal(item, indent + 1)))
                .collect();
            format!("[\n{}\n{}]", lines.join(",\n"), self::pad(indent))
        }
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Object(map) => {
            let pad = pad(indent + 1);
            let lines: Vec<String> = entries(map, indent + 1)
                .into_iter()
                .map(|entry| format!("{pad}{entry}"))
                .collect();
            format!("{{\n{}\n{}}}", lines.join(",\n"), self::pad(indent))
        }
        other => other.to_string(),
    }
}

/// The `key: value` entries of an object whose body is indented by `indent` levels.
pub fn entries(map: &Map<String, Value>, indent: usize) -> Vec<String> {
    map.iter()
        .map(|(key, value)| format!("{}: {}", key_text(key), literal(value, indent)))
        .collect()
}

/// `text` in single quotes, with quotes, backslashes, line breaks and `<` escaped.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `</script>` in a value must not end the page's script.
            '<' => out.push_str("\\x3C"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Two spaces per level.
pub fn pad(indent: usize) -> String {
    "  ".repeat(indent)
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

fn key_text(key: &str) -> String {
    let mut chars = key.chars();
    let bare = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if bare {
        key.to_owned()
    } else {
        quoted(key)
    }
}
