//! The few DOM operations the runtime needs, each forgiving a missing element (a page
//! without it simply does not show that part).

use wasm_bindgen::{prelude::Closure, JsCast};
use web_sys::{Document, Element, Event};

/// The page's document.
pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The element with `id`.
pub fn by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

/// The first element matching `selector`.
pub fn query(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok()?
}

/// Every element matching `selector`.
pub fn query_all(selector: &str) -> Vec<Element> {
    let Some(list) = document().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
        .collect()
}

/// Sets the text of the element `id` (as text: never parsed as HTML).
pub fn set_text(id: &str, text: &str) {
    if let Some(element) = by_id(id) {
        element.set_text_content(Some(text));
    }
}

/// Sets (or, with `None`, removes) an attribute of `element`.
pub fn set_attribute(element: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

/// Shows or hides `element` (the `hidden` attribute).
pub fn set_hidden(element: &Element, hidden: bool) {
    set_attribute(element, "hidden", hidden.then_some(""));
}

/// A new element `tag` with `class` and, if given, its text.
pub fn element(tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let element = document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Some(element)
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: Element) -> Option<()> {
    parent.append_child(&child).ok().map(|_| ())
}

/// Calls `handler` on every `event` of `element`, for the page's lifetime.
pub fn on(element: &Element, event: &str, handler: impl Fn(Event) + 'static) {
    let handler = Closure::<dyn Fn(Event)>::new(handler);
    let _ = element.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Whether the checkbox `id` is checked.
pub fn checked(id: &str) -> bool {
    by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// Puts `text` on the clipboard.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
