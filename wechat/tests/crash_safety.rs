//! `kill -9` in the middle of a state-file write: the next start must load a valid credential
//! (the last one written, or the one before), never a corrupt or missing one.
//!
//! The writer is this test binary itself, re-run as a child with only the ignored
//! `writer_child` test selected: it saves credentials in a loop until it is killed.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use wechat::credentials::{CredentialKind, CredentialStore, FileStore, StoredCredential};
use wechat::Secret;

const APP_ID: &str = "wx0123456789abcdef";
const DIR_VAR: &str = "CRASH_SAFETY_WRITER_DIR";
const ITERATIONS: u64 = 30;
const PATIENCE: Duration = Duration::from_secs(20);

/// The credential written at step `n`: its value says which step, so a load can be checked.
fn credential(n: u64) -> StoredCredential {
    StoredCredential::new(
        CredentialKind::JsapiTicket,
        Secret::new(format!("ticket-{n:08}-{}", "x".repeat(512))),
        n,
        7200,
    )
}

/// Run only as the child (see the module doc): writes step after step, forever.
#[tokio::test]
#[ignore = "the writer process of kill_9_during_writes_never_loses_the_previous_state"]
async fn writer_child() {
    let Some(dir) = std::env::var_os(DIR_VAR) else {
        return;
    };
    let store = FileStore::new(PathBuf::from(dir));
    let start = match store.load(APP_ID, CredentialKind::JsapiTicket).await {
        Ok(Some(stored)) => stored.fetched_at + 1,
        _ => 1,
    };
    for n in start.. {
        store.save(APP_ID, &credential(n)).await.expect("save");
        // A second kind too, so each write rewrites a file holding several credentials.
        let mut token = credential(n);
        token.kind = CredentialKind::AccessToken;
        store.save(APP_ID, &token).await.expect("save");
    }
}

fn spawn_writer(dir: &Path) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["writer_child", "--exact", "--ignored", "--test-threads=1"])
        .env(DIR_VAR, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the writer")
}

/// The step the state file holds right now, read as a fresh start would.
async fn load_step(dir: &Path) -> Option<u64> {
    let stored = FileStore::new(dir)
        .load(APP_ID, CredentialKind::JsapiTicket)
        .await
        .expect("a load never fails on a crashed write");
    stored.map(|stored| {
        assert_eq!(
            stored.value,
            credential(stored.fetched_at).value,
            "the value belongs to its step: the file is not a mix of two writes"
        );
        stored.fetched_at
    })
}

#[tokio::test]
async fn kill_9_during_writes_never_loses_the_previous_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut last = 0;
    let mut last_token = 0;
    for iteration in 0..ITERATIONS {
        let mut writer = spawn_writer(dir.path());
        // Let it get 1..=8 writes past the last state, a different point each time.
        let target = last + 1 + (rand::random::<u64>() % 8);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if load_step(dir.path())
                .await
                .is_some_and(|step| step >= target)
            {
                break;
            }
            assert!(Instant::now() < deadline, "the writer made no progress");
            tokio::task::yield_now().await;
        }
        writer.kill().expect("SIGKILL the writer"); // std sends SIGKILL on Unix
        writer.wait().expect("reap the writer");

        let step = load_step(dir.path())
            .await
            .unwrap_or_else(|| panic!("iteration {iteration}: the state file is gone"));
        assert!(
            step >= target,
            "iteration {iteration}: went back from {target} to {step}"
        );
        // The other credential of the file never goes back either (it is saved after the
        // ticket, so a kill in between leaves it one step or more behind).
        let token = FileStore::new(dir.path())
            .load(APP_ID, CredentialKind::AccessToken)
            .await
            .unwrap();
        match token {
            // Killed before the very first token was saved.
            None => assert_eq!(last_token, 0, "iteration {iteration}: the token is gone"),
            Some(token) => {
                assert!(
                    (last_token..=step).contains(&token.fetched_at),
                    "iteration {iteration}: the token went from {last_token} to {} (ticket at {step})",
                    token.fetched_at
                );
                assert_eq!(token.value, credential(token.fetched_at).value);
                last_token = token.fetched_at;
            }
        }
        last = step;
    }
    // Killed writes may leave their temporary files, never a second state file.
    let states: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(states, [format!("credentials-{APP_ID}.json")]);
}
