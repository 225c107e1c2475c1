//! The result log (`#result-log`): every callback with its errMsg and data, newest first,
//! each line as the Leptos pages' log renders it.

use crate::dom;
use app::{
    catalog::{self, Lang},
    demo::session::LogEntry,
    strings,
};
use web_sys::Element;

/// Shows `log` (newest first) in place of what the list held.
pub fn render(log: &[LogEntry], lang: Lang) {
    let Some(list) = dom::query("#result-log .result_log_list") else {
        return;
    };
    list.set_text_content(None);
    for entry in log {
        if let Some(line) = line(entry, lang) {
            let _ = list.append_child(&line);
        }
    }
    show_list(&list, !log.is_empty());
}

/// Adds `entry` at the top, keeping at most `max` lines.
pub fn prepend(entry: &LogEntry, lang: Lang, max: usize) {
    let Some(list) = dom::query("#result-log .result_log_list") else {
        return;
    };
    if let Some(line) = line(entry, lang) {
        let _ = list.prepend_with_node_1(&line);
    }
    while list.child_element_count() as usize > max {
        if let Some(last) = list.last_element_child() {
            last.remove();
        }
    }
    show_list(&list, true);
}

fn show_list(list: &Element, any: bool) {
    dom::set_hidden(list, !any);
    if let Some(empty) = dom::query("#result-log .result_log_empty") {
        dom::set_hidden(&empty, any);
    }
}

/// One line: time, API, callback, errMsg and its appendix 5 item, the demo's message, the data.
fn line(entry: &LogEntry, lang: Lang) -> Option<Element> {
    let callback = entry.callback.map(|c| c.js_name());
    let item = dom::element("li", "log_entry", None)?;
    dom::set_attribute(&item, "data-api", Some(&entry.api));
    dom::set_attribute(&item, "data-callback", Some(callback.unwrap_or("note")));
    let head = dom::element("div", "log_line", None)?;
    for (class, text) in [
        ("log_time", entry.at.as_str()),
        ("log_api", entry.api.as_str()),
        ("log_callback", callback.unwrap_or("")),
    ] {
        dom::append(&head, dom::element("span", class, Some(text))?)?;
    }
    dom::append(
        &head,
        dom::element("code", "log_errmsg", Some(&entry.err_msg))?,
    )?;
    let error = catalog::error_for_err_msg(&entry.err_msg)
        .or_else(|| catalog::error_for_err_msg(&entry.message));
    if let Some(error) = error {
        dom::append(&head, appendix_link(error.number, lang)?)?;
    }
    dom::append(&item, head)?;
    if !entry.message.is_empty() {
        dom::append(
            &item,
            dom::element("p", "log_message", Some(&entry.message))?,
        )?;
    }
    if !entry.data.is_null() {
        let data = serde_json::to_string_pretty(&entry.data).unwrap_or_default();
        dom::append(&item, dom::element("pre", "log_data", Some(&data))?)?;
    }
    Some(item)
}

/// A link to appendix 5's item `number` on the doctor page.
pub fn appendix_link(number: u8, lang: Lang) -> Option<Element> {
    let text = format!("{}{number}", strings::APPENDIX_5_ITEM.get(lang));
    let link = dom::element("a", "appendix_link", Some(&text))?;
    dom::set_attribute(&link, "data-item", Some(&number.to_string()));
    dom::set_attribute(&link, "href", Some(&catalog::item_href(number, false)));
    Some(link)
}
