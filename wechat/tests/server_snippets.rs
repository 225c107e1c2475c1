//! The server snippets of `snippets/server/` (Node, Python, PHP, Go, Java) and the axum example,
//! each run as a child process against the fake WeChat API: they sign as the core does, fetch
//! the token and the ticket once however many requests come at once, refuse URLs that cannot
//! be signed, renew a refused token, and report another errcode without the secret.
//! A missing toolchain fails the test: `scripts/setup.sh --test` installs them.

use futures_util::future::join_all;
use serde_json::Value;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tempfile::TempDir;
use wechat::client::{Endpoint, TicketKind};
use wechat::fake::{FakeConfig, FakeHandle, FakeWechat, Fault};
use wechat::signature::jsapi::jsapi_signature;

const APP_ID: &str = "wx_snippet_test";
const APP_SECRET: &str = "snippet_secret_that_must_not_leak";
/// The page URL sent, and the URL that must be signed (fragment cut, the rest byte for byte).
const PAGE: &str = "https://example.com/page?a=1&b=%20#frag";
const SIGNED: &str = "https://example.com/page?a=1&b=%20";
/// Bound on a snippet's start (Java compiles its source first, the machine may be busy).
const STARTUP: Duration = Duration::from_secs(90);
/// Requests sent at once to a cold cache.
const CONCURRENT: usize = 8;

#[derive(Debug, Clone, Copy)]
enum Lang {
    Node,
    Python,
    Php,
    Go,
    Java,
    Rust,
}

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is in the workspace")
}

fn snippet(file: &str) -> String {
    repo_root()
        .join("snippets/server")
        .join(file)
        .display()
        .to_string()
}

/// `tool` on PATH, or a failure saying how to install it (no silent skip).
fn require(tool: &str) -> String {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path).any(|dir| dir.join(tool).is_file());
    assert!(
        found,
        "`{tool}` is not on PATH: run `scripts/setup.sh --test` to install the snippets' toolchains"
    );
    tool.to_owned()
}

/// The Go snippet, compiled once per test run (`go run` would compile it for every start),
/// with Go's caches in the target directory in case HOME is not writable.
fn go_binary() -> &'static PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let go = require("go");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("go-snippet");
        let binary = dir.join("signer");
        let output = Command::new(go)
            .args(["build", "-o"])
            .arg(&binary)
            .arg(snippet("go.go"))
            .env("GOCACHE", dir.join("cache"))
            .env("GOPATH", dir.join("path"))
            .env("GOFLAGS", "-modcacherw")
            .output()
            .expect("run go build");
        assert!(
            output.status.success(),
            "go build failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        binary
    })
}

/// The axum example, which `cargo test` builds next to the test binaries.
fn rust_example() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps");
    let example = profile_dir
        .join("examples")
        .join(format!("axum_signer{}", std::env::consts::EXE_SUFFIX));
    assert!(
        example.is_file(),
        "{} is missing: `cargo test -p wechat-jssdk --features fake` builds the examples (a run limited \
         to `--test server_snippets` does not: add `cargo build -p wechat-jssdk --example axum_signer`)",
        example.display()
    );
    example
}

fn command(lang: Lang, port: u16) -> Command {
    match lang {
        Lang::Node => command_with(require("node"), [snippet("node.mjs")]),
        Lang::Python => command_with(require("python3"), [snippet("python.py")]),
        Lang::Php => {
            let address = format!("127.0.0.1:{port}");
            let mut php = command_with(require("php"), ["-S".into(), address, snippet("php.php")]);
            // Several workers, so the flock single-flight is what keeps the fetches to one.
            php.env("PHP_CLI_SERVER_WORKERS", "4");
            php
        }
        Lang::Go => Command::new(go_binary()),
        Lang::Java => {
            require("javac"); // a JRE's `java` cannot launch a source file
            command_with(require("java"), [snippet("java/Signer.java")])
        }
        Lang::Rust => Command::new(rust_example()),
    }
}

fn command_with<const N: usize>(program: String, args: [String; N]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// A snippet running against its own fake; killed (with its workers) when dropped.
struct Running {
    lang: Lang,
    fake: FakeHandle,
    base: String,
    child: Child,
    dir: TempDir,
}

impl Running {
    async fn start(lang: Lang) -> Self {
        let fake = FakeWechat::spawn(FakeConfig::new(APP_ID, APP_SECRET))
            .await
            .expect("bind the fake");
        let port = free_port();
        let dir = tempfile::tempdir().expect("temp dir");
        let log = std::fs::File::create(dir.path().join("log")).expect("log file");
        let child = command(lang, port)
            .current_dir(repo_root())
            .env("WECHAT_APP_ID", APP_ID)
            .env("WECHAT_APP_SECRET", APP_SECRET)
            .env("WECHAT_API_BASE", &fake.base_url)
            .env("PORT", port.to_string())
            // PHP's cache file goes to sys_get_temp_dir(): one per run, not shared.
            .env("TMPDIR", dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log file"))
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|error| panic!("start the {lang:?} snippet: {error}"));
        let mut running = Self {
            lang,
            fake,
            base: format!("http://127.0.0.1:{port}"),
            child,
            dir,
        };
        running.wait_until_listening(port).await;
        running
    }

    async fn wait_until_listening(&mut self, port: u16) {
        let deadline = Instant::now() + STARTUP;
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "the {:?} snippet exited ({status}):\n{}",
                    self.lang,
                    self.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "the {:?} snippet did not listen on {port} within {STARTUP:?}:\n{}",
                self.lang,
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn log(&self) -> String {
        let mut log = String::new();
        if let Ok(mut file) = std::fs::File::open(self.dir.path().join("log")) {
            let _ = file.read_to_string(&mut log);
        }
        log
    }

    /// `GET /sign`, with `url` percent-encoded as the query value when given.
    async fn sign(&self, url: Option<&str>) -> (u16, Value) {
        let mut request = reqwest::Client::new().get(format!("{}/sign", self.base));
        if let Some(url) = url {
            request = request.query(&[("url", url)]);
        }
        let response = request.send().await.expect("the snippet answers");
        let status = response.status().as_u16();
        let content_type = response.headers().get("content-type").cloned();
        let body = response.text().await.expect("a body");
        assert!(
            content_type.is_some_and(|value| value.as_bytes().starts_with(b"application/json")),
            "{:?}: {status} is not application/json: {body}",
            self.lang
        );
        let json = serde_json::from_str(&body)
            .unwrap_or_else(|error| panic!("{:?}: {body:?} is not JSON: {error}", self.lang));
        (status, json)
    }

    /// Signs [`PAGE`] and checks the answer.
    async fn sign_page(&self) {
        self.check_signed(self.sign(Some(PAGE)).await);
    }

    /// Checks an answer for [`PAGE`] is what the core signs with the fake's latest ticket.
    fn check_signed(&self, (status, answer): (u16, Value)) {
        let lang = self.lang;
        assert_eq!(status, 200, "{lang:?}: {answer}");
        assert_eq!(
            answer["url"], SIGNED,
            "{lang:?}: the fragment is cut, nothing else changes"
        );
        assert_eq!(answer["appId"], APP_ID, "{lang:?}");
        let timestamp = answer["timestamp"]
            .as_u64()
            .expect("timestamp is an integer");
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert!(
            now.abs_diff(timestamp) <= 60,
            "{lang:?}: timestamp {timestamp}, now {now}"
        );
        let nonce = answer["nonceStr"].as_str().expect("nonceStr is a string");
        assert!(
            nonce.len() >= 16 && nonce.chars().all(|c| c.is_ascii_alphanumeric()),
            "{lang:?}: nonceStr {nonce:?}"
        );
        let ticket = self
            .fake
            .latest_ticket(TicketKind::Jsapi)
            .expect("a ticket was issued");
        let expected = jsapi_signature(&ticket, nonce, timestamp, SIGNED);
        assert_eq!(answer["signature"], expected.as_str(), "{lang:?}: {answer}");
    }

    /// The next jsapi_ticket call answers `errcode`, with WeChat's message.
    fn fail_first_ticket_call(&self, errcode: i64) {
        let fault = Fault::Errcode {
            errcode,
            errmsg: None,
        };
        self.fake.inject(Endpoint::JsapiTicket, fault, 1);
    }

    fn assert_calls(&self, token: u64, ticket: u64) {
        let calls = (
            self.fake.calls(Endpoint::Token),
            self.fake.calls(Endpoint::JsapiTicket),
        );
        assert_eq!(
            calls,
            (token, ticket),
            "{:?}: (token, ticket) calls",
            self.lang
        );
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // The whole process group: `php -S` forks workers.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Every assertion, for one language, on three snippet runs started at once.
async fn follows_the_contract(lang: Lang) {
    let (cold, refused, quota) = tokio::join!(
        Running::start(lang),
        Running::start(lang),
        Running::start(lang)
    );
    tokio::join!(
        signs_once_however_many_ask(&cold),
        renews_a_refused_token(&refused),
        reports_other_errcodes(&quota)
    );
}

/// Concurrent first requests (the fake's first token answer slowed so they overlap), then
/// sequential ones: all signed as the core signs, with one token and one ticket fetch; then
/// the URLs that cannot be signed.
async fn signs_once_however_many_ask(running: &Running) {
    running
        .fake
        .inject(Endpoint::Token, Fault::Latency { ms: 500 }, 1);
    let answers = join_all((0..CONCURRENT).map(|_| running.sign(Some(PAGE)))).await;
    // Before the signatures: a second ticket would make them fail for the wrong reason.
    running.assert_calls(1, 1);
    answers
        .into_iter()
        .for_each(|answer| running.check_signed(answer));
    for _ in 0..3 {
        running.sign_page().await;
    }
    running.assert_calls(1, 1);
    let ticket = running
        .fake
        .latest_ticket(TicketKind::Jsapi)
        .unwrap_or_default();
    let log = running.log();
    assert!(
        !log.contains(APP_SECRET) && !log.contains(&ticket),
        "{:?} logs the secret or the ticket:\n{log}",
        running.lang
    );

    for url in [None, Some("ftp://x")] {
        let (status, answer) = running.sign(url).await;
        assert_eq!(status, 400, "{:?} for url {url:?}: {answer}", running.lang);
        let error = answer["error"].as_str().unwrap_or_default();
        assert!(
            !error.is_empty(),
            "{:?}: {answer} says what to fix",
            running.lang
        );
    }
    running.assert_calls(1, 1);
}

/// The ticket endpoint refuses the first token (40001): a new token, and a good signature.
async fn renews_a_refused_token(running: &Running) {
    running.fail_first_ticket_call(40001);
    running.sign_page().await;
    running.assert_calls(2, 2);
}

/// Another errcode on the ticket endpoint: a 502 naming it, without the secret.
async fn reports_other_errcodes(running: &Running) {
    running.fail_first_ticket_call(45009);
    let (status, answer) = running.sign(Some(PAGE)).await;
    let lang = running.lang;
    assert_eq!(status, 502, "{lang:?}: {answer}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.contains("WeChat errcode 45009"), "{lang:?}: {answer}");
    assert!(
        !answer.to_string().contains(APP_SECRET),
        "{lang:?} leaks the secret: {answer}"
    );
    assert!(
        !running.log().contains(APP_SECRET),
        "{lang:?} logs the secret"
    );
}

/// One `#[tokio::test]` per language, so they run in parallel and fail separately.
macro_rules! contract_tests {
    ($($name:ident: $lang:expr),* $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            follows_the_contract($lang).await;
        }
    )*};
}

contract_tests! {
    node_follows_the_contract: Lang::Node,
    python_follows_the_contract: Lang::Python,
    php_follows_the_contract: Lang::Php,
    go_follows_the_contract: Lang::Go,
    java_follows_the_contract: Lang::Java,
    rust_follows_the_contract: Lang::Rust,
}
