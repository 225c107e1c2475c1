//! `WECHAT_VERIFY_FILES`: the domain verification files (`MP_verify_<random>.txt`) of a formal
//! Official Account, read once at start and served at `/<name>` byte for byte, and nothing
//! else at the root by that means.

use app::state::VerifyFile;
use axum::{
    http::header,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use std::path::{Path, PathBuf};
use thiserror::Error;
use wechat::verify_file::{self, VerifyFileError};

/// Most files accepted (an account has one; a few accounts may share a deployment).
pub const MAX_FILES: usize = 16;

/// Why a `WECHAT_VERIFY_FILES` entry cannot be served.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum VerifyFilesError {
    #[error("WECHAT_VERIFY_FILES entry {path:?} cannot be read: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("WECHAT_VERIFY_FILES entry {path:?}: {problem}")]
    Invalid {
        path: PathBuf,
        problem: VerifyFileError,
    },
    #[error("WECHAT_VERIFY_FILES entry {0:?} is a folder holding no MP_verify_*.txt file: give the folder you saved the file from the admin page in, or the file itself")]
    EmptyFolder(PathBuf),
    #[error("WECHAT_VERIFY_FILES names {0:?} twice: each verification file once")]
    Duplicate(String),
    #[error("WECHAT_VERIFY_FILES gives more than {MAX_FILES} files")]
    TooMany,
}

/// Reads every entry: a file named `MP_verify_*.txt`, or a folder whose `MP_verify_*.txt`
/// files are taken (its other files are left alone). Any file that does not fit is refused.
pub fn load(entries: &[PathBuf]) -> Result<Vec<VerifyFile>, VerifyFilesError> {
    let mut files: Vec<VerifyFile> = Vec::new();
    for entry in entries.iter().filter(|p| !p.as_os_str().is_empty()) {
        let unreadable = |error: std::io::Error| VerifyFilesError::Unreadable {
            path: entry.clone(),
            reason: error.to_string(),
        };
        let paths = if entry.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(entry)
                .map_err(unreadable)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| file_name(p).is_some_and(verify_file::looks_like_one))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(VerifyFilesError::EmptyFolder(entry.clone()));
            }
            found
        } else {
            vec![entry.clone()]
        };
        for path in paths {
            let file = read_one(&path)?;
            if files.iter().any(|f| f.name == file.name) {
                return Err(VerifyFilesError::Duplicate(file.name));
            }
            files.push(file);
        }
    }
    if files.len() > MAX_FILES {
        return Err(VerifyFilesError::TooMany);
    }
    Ok(files)
}

fn file_name(path: &Path) -> Option<&str> {
    path.file_name().and_then(|n| n.to_str())
}

fn read_one(path: &Path) -> Result<VerifyFile, VerifyFilesError> {
    let invalid = |problem| VerifyFilesError::Invalid {
        path: path.to_owned(),
        problem,
    };
    let name = file_name(path).unwrap_or_default().to_owned();
    verify_file::check_name(&name).map_err(invalid)?;
    let contents = std::fs::read(path).map_err(|error| VerifyFilesError::Unreadable {
        path: path.to_owned(),
        reason: error.to_string(),
    })?;
    verify_file::check_contents(&contents).map_err(invalid)?;
    Ok(VerifyFile { name, contents })
}

/// A route per file, `/<name>`, answering its bytes as `text/plain`.
pub fn routes<S: Clone + Send + Sync + 'static>(files: &[VerifyFile]) -> Router<S> {
    files.iter().fold(Router::new(), |router, file| {
        let contents = file.contents.clone();
        router.route(
            &format!("/{}", file.name),
            get(move || {
                let contents = contents.clone();
                async move { serve(contents) }
            }),
        )
    })
}

fn serve(contents: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        contents,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_verification_files_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("MP_verify_abc123.txt"), b"abc123").unwrap();
        std::fs::write(dir.path().join("notes.md"), b"not served").unwrap();
        let files = load(&[dir.path().to_owned()]).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].name, "MP_verify_abc123.txt");
        assert_eq!(files[0].contents, b"abc123");
    }

    #[test]
    fn a_bad_name_or_an_empty_folder_is_refused_naming_the_setting() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("verify.txt");
        std::fs::write(&bad, b"x").unwrap();
        let error = load(std::slice::from_ref(&bad)).unwrap_err();
        assert!(matches!(error, VerifyFilesError::Invalid { .. }), "{error}");
        assert!(error.to_string().contains("WECHAT_VERIFY_FILES"));
        let empty = tempfile::tempdir().unwrap();
        let error = load(&[empty.path().to_owned()]).unwrap_err();
        assert_eq!(
            error,
            VerifyFilesError::EmptyFolder(empty.path().to_owned())
        );
        let odd = dir.path().join("MP_verify_a-b.txt");
        std::fs::write(&odd, b"x").unwrap();
        assert!(
            load(&[dir.path().to_owned()]).is_err(),
            "a malformed MP_verify_ file in a folder"
        );
    }

    #[test]
    fn an_empty_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("MP_verify_abc.txt");
        std::fs::write(&empty, b"").unwrap();
        let error = load(&[empty]).unwrap_err();
        assert!(error.to_string().contains("0 bytes"), "{error}");
    }
}
