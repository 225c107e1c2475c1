//! The domain verification file of a formal Official Account: before it accepts a JS
//! interface safe domain, WeChat fetches `MP_verify_<random>.txt` (the file the admin page
//! offers for download) from the root of that domain and compares it with what it issued.

/// The fixed start of every verification file's name.
pub const NAME_PREFIX: &str = "MP_verify_";
/// The fixed end of every verification file's name.
pub const NAME_SUFFIX: &str = ".txt";
/// Longest random part accepted (WeChat's are 16 letters or digits).
pub const MAX_RANDOM_LEN: usize = 64;
/// Largest file accepted (WeChat's hold the 16-character random part alone).
pub const MAX_BYTES: usize = 1024;

/// Why a file cannot be served as a verification file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyFileError {
    /// The name is not `MP_verify_<letters or digits>.txt`.
    #[error("the name {0:?} is not MP_verify_<letters or digits>.txt, the name WeChat's admin page gives the file")]
    BadName(String),
    /// Empty, or larger than [`MAX_BYTES`].
    #[error(
        "the file holds {0} bytes; a verification file holds 1 to {MAX_BYTES} (WeChat's hold 16)"
    )]
    BadSize(usize),
}

/// Checks a file's name: `MP_verify_` + 1 to [`MAX_RANDOM_LEN`] ASCII letters or digits + `.txt`.
pub fn check_name(name: &str) -> Result<(), VerifyFileError> {
    let random = name
        .strip_prefix(NAME_PREFIX)
        .and_then(|rest| rest.strip_suffix(NAME_SUFFIX));
    match random {
        Some(random)
            if !random.is_empty()
                && random.len() <= MAX_RANDOM_LEN
                && random.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            Ok(())
        }
        _ => Err(VerifyFileError::BadName(name.chars().take(120).collect())),
    }
}

/// True when `name` looks like a verification file at all (`MP_verify_*.txt`), well formed or not.
pub fn looks_like_one(name: &str) -> bool {
    name.starts_with(NAME_PREFIX) && name.ends_with(NAME_SUFFIX)
}

/// Checks a file's contents: 1 to [`MAX_BYTES`] bytes.
pub fn check_contents(contents: &[u8]) -> Result<(), VerifyFileError> {
    if contents.is_empty() || contents.len() > MAX_BYTES {
        return Err(VerifyFileError::BadSize(contents.len()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_wechats_names_are_accepted() {
        assert!(check_name("MP_verify_AbC123xyz0987654.txt").is_ok());
        for bad in [
            "MP_verify_.txt",
            "MP_verify_abc.TXT",
            "mp_verify_abc.txt",
            "MP_verify_a/b.txt",
            "MP_verify_a..txt",
            "MP_verify_abc.txt.bak",
            "index.html",
            "../MP_verify_abc.txt",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name(&format!("MP_verify_{}.txt", "a".repeat(MAX_RANDOM_LEN + 1))).is_err());
    }

    #[test]
    fn contents_are_bounded() {
        assert!(check_contents(b"AbC123xyz0987654").is_ok());
        assert_eq!(check_contents(b""), Err(VerifyFileError::BadSize(0)));
        assert!(check_contents(&[b'a'; MAX_BYTES + 1]).is_err());
    }
}
