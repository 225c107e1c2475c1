//! The server side in six languages: each a whole signing endpoint (`GET /sign?url=`) that
//! fetches and caches the access_token and jsapi_ticket with a margin and a single flight,
//! and signs the URL without its fragment. The files are the ones
//! `wechat/tests/server_snippets.rs` runs against the fake WeChat API.

use crate::catalog::{server_only, ServerOnly};

/// One language's signer, as the page shows it.
#[derive(Debug, Clone, Copy)]
pub struct ServerSnippet {
    /// The id in the page's URL (`?in=node`).
    pub id: &'static str,
    pub label: &'static str,
    /// The file in the repository.
    pub path: &'static str,
    /// How to run it (after setting the environment).
    pub run: &'static str,
    pub source: ServerOnly<&'static str>,
}

/// Every language, in the selector's order (the table of `snippets/server/README.md`).
pub const SERVER_SNIPPETS: &[ServerSnippet] = &[
    ServerSnippet {
        id: "node",
        label: "Node",
        path: "snippets/server/node.mjs",
        run: "node snippets/server/node.mjs",
        source: server_only(include_str!("../../../snippets/server/node.mjs")),
    },
    ServerSnippet {
        id: "python",
        label: "Python",
        path: "snippets/server/python.py",
        run: "python3 snippets/server/python.py",
        source: server_only(include_str!("../../../snippets/server/python.py")),
    },
    ServerSnippet {
        id: "php",
        label: "PHP",
        path: "snippets/server/php.php",
        run: "PHP_CLI_SERVER_WORKERS=4 php -S 127.0.0.1:$PORT snippets/server/php.php",
        source: server_only(include_str!("../../../snippets/server/php.php")),
    },
    ServerSnippet {
        id: "go",
        label: "Go",
        path: "snippets/server/go.go",
        run: "go run snippets/server/go.go",
        source: server_only(include_str!("../../../snippets/server/go.go")),
    },
    ServerSnippet {
        id: "java",
        label: "Java",
        path: "snippets/server/java/Signer.java",
        run: "java snippets/server/java/Signer.java",
        source: server_only(include_str!("../../../snippets/server/java/Signer.java")),
    },
    ServerSnippet {
        id: "rust",
        label: "Rust (axum + wechat)",
        path: "wechat/examples/axum_signer.rs",
        run: "cargo run -p wechat-jssdk --example axum_signer",
        source: server_only(include_str!("../../../wechat/examples/axum_signer.rs")),
    },
];

/// The snippet with `id`, else the first.
pub fn server_snippet(id: &str) -> &'static ServerSnippet {
    SERVER_SNIPPETS
        .iter()
        .find(|snippet| snippet.id == id)
        .unwrap_or(&SERVER_SNIPPETS[0])
}
