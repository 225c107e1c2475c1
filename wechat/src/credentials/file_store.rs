//! Credentials in a JSON file per appId, written atomically, so a restart within validity
//! costs no upstream call.

use super::store::{CredentialStore, StoreError};
use super::{CredentialKind, StoredCredential};
use crate::secret::Secret;
use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Version of the file layout; other versions are ignored.
const FORMAT_VERSION: u32 = 1;

/// `credentials-<appid>.json` files under a state directory.
///
/// Writes go to a temporary file that is fsynced, then renamed over the old one (and the
/// directory fsynced), so a crash leaves either the old or the new file, never half of one.
/// A corrupt file, one of another version, or one that belongs to another appId is ignored
/// with a warning. On Unix the file is created readable by its owner only.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
    write_lock: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    app_id: String,
    credentials: Vec<StoredCredential>,
}

/// What reading a state file found.
enum Read {
    Missing,
    Found(StateFile),
    Ignored(String),
}

impl FileStore {
    /// A store under `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            write_lock: Arc::default(),
        }
    }

    /// The file holding `app_id`'s credentials.
    pub fn path_for(&self, app_id: &str) -> Result<PathBuf, StoreError> {
        let app_id = StoreError::check_app_id(app_id)?;
        Ok(self.dir.join(format!("credentials-{app_id}.json")))
    }

    /// Reads the file in a blocking task; warns (in the caller's context) when it is ignored.
    async fn read(&self, app_id: &str) -> Result<Vec<StoredCredential>, StoreError> {
        let path = self.path_for(app_id)?;
        let owner = app_id.to_owned();
        let read_path = path.clone();
        let read = tokio::task::spawn_blocking(move || read_state(&read_path, &owner))
            .await
            .map_err(|error| StoreError::Io(error.to_string()))??;
        Ok(match read {
            Read::Missing => Vec::new(),
            Read::Found(state) => state.credentials,
            Read::Ignored(reason) => {
                tracing::warn!(path = %path.display(), %reason, "ignoring credential state file");
                Vec::new()
            }
        })
    }

    /// Read-modify-write under the store's lock.
    async fn update(
        &self,
        app_id: &str,
        change: impl FnOnce(&mut Vec<StoredCredential>) -> bool,
    ) -> Result<bool, StoreError> {
        let _guard = self.write_lock.lock().await;
        let mut credentials = self.read(app_id).await?;
        if !change(&mut credentials) {
            return Ok(false);
        }
        let state = StateFile {
            version: FORMAT_VERSION,
            app_id: app_id.to_owned(),
            credentials,
        };
        let bytes =
            serde_json::to_vec_pretty(&state).map_err(|error| StoreError::Io(error.to_string()))?;
        let path = self.path_for(app_id)?;
        tokio::task::spawn_blocking(move || write_atomically(&path, &bytes))
            .await
            .map_err(|error| StoreError::Io(error.to_string()))?
            .map_err(|error| StoreError::Io(error.to_string()))?;
        Ok(true)
    }
}

fn read_state(path: &Path, app_id: &str) -> Result<Read, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(error) => return Err(StoreError::Io(error.to_string())),
    };
    let state: StateFile = match serde_json::from_slice(&bytes) {
        Ok(state) => state,
        Err(error) => return Ok(Read::Ignored(format!("not a credential file: {error}"))),
    };
    if state.version != FORMAT_VERSION {
        return Ok(Read::Ignored(format!(
            "format version {} is not {FORMAT_VERSION}",
            state.version
        )));
    }
    if state.app_id != app_id {
        return Ok(Read::Ignored(format!(
            "it belongs to appId {:?}, not {app_id:?}",
            state.app_id.chars().take(64).collect::<String>()
        )));
    }
    Ok(Read::Found(state))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("credentials");
    let temp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        crate::nonce::nonce()
    ));
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
        return written;
    }
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[async_trait]
impl CredentialStore for FileStore {
    async fn load(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        let credentials = self.read(app_id).await?;
        Ok(credentials
            .into_iter()
            .find(|credential| credential.kind == kind))
    }

    async fn save(&self, app_id: &str, credential: &StoredCredential) -> Result<bool, StoreError> {
        self.update(app_id, |credentials| {
            match credentials
                .iter_mut()
                .find(|stored| stored.kind == credential.kind)
            {
                Some(stored) if stored.fetched_at > credential.fetched_at => false,
                Some(stored) => {
                    *stored = credential.clone();
                    true
                }
                None => {
                    credentials.push(credential.clone());
                    true
                }
            }
        })
        .await
    }

    async fn invalidate(
        &self,
        app_id: &str,
        kind: CredentialKind,
        value: &Secret,
    ) -> Result<bool, StoreError> {
        self.update(app_id, |credentials| {
            let before = credentials.len();
            credentials.retain(|stored| !(stored.kind == kind && stored.value == *value));
            credentials.len() != before
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(value: &str, fetched_at: u64) -> StoredCredential {
        StoredCredential::new(
            CredentialKind::JsapiTicket,
            Secret::new(value),
            fetched_at,
            7200,
        )
    }

    #[tokio::test]
    async fn saved_credentials_load_back_from_a_new_store() {
        let dir = tempfile::tempdir().unwrap();
        FileStore::new(dir.path())
            .save("wx1", &ticket("t1", 10))
            .await
            .unwrap();
        let loaded = FileStore::new(dir.path())
            .load("wx1", CredentialKind::JsapiTicket)
            .await
            .unwrap();
        assert_eq!(loaded, Some(ticket("t1", 10)));
        assert!(dir.path().join("credentials-wx1.json").exists());
    }

    #[tokio::test]
    async fn writes_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path());
        for n in 0..5 {
            store.save("wx1", &ticket("t", n)).await.unwrap();
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["credentials-wx1.json"]);
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn the_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path());
        store.save("wx1", &ticket("t", 1)).await.unwrap();
        let mode = std::fs::metadata(store.path_for("wx1").unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[tokio::test]
    async fn write_if_newer_and_compare_and_invalidate_hold_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(dir.path());
        store.save("wx1", &ticket("new", 20)).await.unwrap();
        assert!(!store.save("wx1", &ticket("old", 10)).await.unwrap());
        assert!(!store
            .invalidate("wx1", CredentialKind::JsapiTicket, &Secret::new("old"))
            .await
            .unwrap());
        assert_eq!(
            store
                .load("wx1", CredentialKind::JsapiTicket)
                .await
                .unwrap(),
            Some(ticket("new", 20))
        );
        assert!(store
            .invalidate("wx1", CredentialKind::JsapiTicket, &Secret::new("new"))
            .await
            .unwrap());
        assert_eq!(
            store
                .load("wx1", CredentialKind::JsapiTicket)
                .await
                .unwrap(),
            None
        );
    }

    #[tokio::test]
    async fn appids_that_could_escape_the_directory_are_refused() {
        let store = FileStore::new("state");
        for app_id in ["../etc", "a/b", "", "wx 1"] {
            assert!(
                matches!(store.path_for(app_id), Err(StoreError::InvalidAppId(_))),
                "{app_id}"
            );
        }
    }
}
