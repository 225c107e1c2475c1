//! The code panel's browser side: the remembered stack, the server's writing of the
//! current call (the newest request wins), the clipboard.

use super::Stack;
use crate::{catalog::Lang, demo::session::ShownCall};
use leptos::{prelude::*, task::spawn_local};
use std::cell::Cell;

/// Where the chosen stack is remembered.
const STORAGE_KEY: &str = "wxpg.code-stack";

thread_local! {
    /// The newest request; an older answer arriving later is dropped.
    static LATEST: Cell<u64> = const { Cell::new(0) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stack chosen on an earlier visit.
pub fn saved_stack() -> Option<Stack> {
    Stack::from_id(&storage()?.get_item(STORAGE_KEY).ok()??)
}

/// Remembers `stack` for the next visits.
pub fn save_stack(stack: Stack) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, stack.id());
    }
}

/// Asks the server for `call` in `stack` and puts the answer in `shown`.
pub fn write(call: ShownCall, stack: Stack, lang: Lang, shown: RwSignal<Option<(Stack, String)>>) {
    let request = LATEST.with(|latest| {
        latest.set(latest.get() + 1);
        latest.get()
    });
    spawn_local(async move {
        let args = serde_json::to_string(&call.args).unwrap_or_default();
        let answer =
            crate::api::code::call_code(call.api.to_owned(), stack, args, lang.code().to_owned())
                .await;
        if LATEST.with(Cell::get) != request {
            return;
        }
        let text = answer.unwrap_or_else(|error| format!("// {}", error.message));
        let _ = shown.try_set(Some((stack, text)));
    });
}

/// Puts `text` on the clipboard.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
