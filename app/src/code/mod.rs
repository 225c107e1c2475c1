//! Code to take home: each call written in the stacks people use, with the call's current
//! arguments and the page's config step (sign the URL on your server, then `wx.config`).
//! The stacks are shared with the browser (the selector); the writing is the server's.

#[cfg(feature = "ssr")]
mod js_literal;
#[cfg(feature = "ssr")]
mod package_types;
#[cfg(feature = "ssr")]
mod render;
pub mod server;
#[cfg(all(test, feature = "ssr"))]
mod tests;

#[cfg(feature = "ssr")]
pub use render::{call_only, render, Call};
use serde::{Deserialize, Serialize};

/// Where every snippet asks your server for the signature: `GET /sign?url=<the page URL>`
/// answers `{appId, timestamp, nonceStr, signature, url}` (the server snippets' contract,
/// `snippets/server/README.md`).
pub const SIGN_PATH: &str = "/sign";

/// A way of writing the page's JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stack {
    /// A `<script>` tag with the official `jweixin-1.6.0.js`.
    #[default]
    ScriptTag,
    /// An ES module importing the npm package `weixin-js-sdk`.
    Esm,
    /// TypeScript over the package's types.
    #[serde(rename = "typescript")]
    TypeScript,
    /// A Vue 3 composable that signs and configures per route.
    Vue,
    /// A React hook that signs and configures per route.
    React,
}

impl Stack {
    /// Every stack, in the selector's order.
    pub const ALL: [Stack; 5] = [
        Stack::ScriptTag,
        Stack::Esm,
        Stack::TypeScript,
        Stack::Vue,
        Stack::React,
    ];

    /// The id used in the page (`data-stack`) and remembered by the browser.
    pub fn id(self) -> &'static str {
        match self {
            Stack::ScriptTag => "script-tag",
            Stack::Esm => "esm",
            Stack::TypeScript => "typescript",
            Stack::Vue => "vue",
            Stack::React => "react",
        }
    }

    /// The stack with this id.
    pub fn from_id(id: &str) -> Option<Stack> {
        Stack::ALL.into_iter().find(|stack| stack.id() == id)
    }

    /// The selector's label (a product name: the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            Stack::ScriptTag => "<script>",
            Stack::Esm => "ES module",
            Stack::TypeScript => "TypeScript",
            Stack::Vue => "Vue 3",
            Stack::React => "React",
        }
    }

    /// The file extension a snippet of this stack is saved with.
    pub fn extension(self) -> &'static str {
        match self {
            Stack::ScriptTag => "html",
            Stack::Esm => "mjs",
            Stack::TypeScript | Stack::Vue => "ts",
            Stack::React => "tsx",
        }
    }
}
