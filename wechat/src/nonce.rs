//! Nonces for the signatures, from a cryptographically secure generator.

use rand::RngCore;

/// Length of a generated nonce: long enough to never repeat, short enough for every WeChat
/// field that takes one (`nonce_str` must not exceed 32 characters).
pub const NONCE_LEN: usize = 16;

/// A fresh nonce of [`NONCE_LEN`] ASCII letters and digits.
///
/// Drawn from `rand`'s thread-local CSPRNG (ChaCha, seeded and periodically reseeded from the
/// operating system), so nonces cannot be predicted or replayed (a repeated `nonce_str` also
/// makes `addCard` fail) without a system call per signature. Bytes are mapped by rejection
/// sampling, so every character is equally likely.
pub fn nonce() -> String {
    const ALPHABET: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // 248 = 4 × 62: bytes at or above it would favour the first characters.
    const LIMIT: u8 = 248;
    let mut nonce = String::with_capacity(NONCE_LEN);
    let mut random = [0u8; 2 * NONCE_LEN];
    let mut rng = rand::thread_rng();
    while nonce.len() < NONCE_LEN {
        rng.fill_bytes(&mut random);
        for byte in random.iter().filter(|byte| **byte < LIMIT) {
            if nonce.len() == NONCE_LEN {
                break;
            }
            nonce.push(char::from(ALPHABET[usize::from(*byte % 62)]));
        }
    }
    nonce
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn nonce_is_sixteen_alphanumerics() {
        let nonce = nonce();
        assert_eq!(nonce.len(), NONCE_LEN);
        assert!(nonce.chars().all(|c| c.is_ascii_alphanumeric()), "{nonce}");
    }

    #[test]
    fn every_character_class_shows_up() {
        let drawn: String = (0..200).map(|_| nonce()).collect();
        assert!(drawn.chars().any(|c| c.is_ascii_uppercase()));
        assert!(drawn.chars().any(|c| c.is_ascii_lowercase()));
        assert!(drawn.chars().any(|c| c.is_ascii_digit()));
        assert!(
            drawn.contains('9') && drawn.contains('A'),
            "both ends of the alphabet are reachable"
        );
    }

    #[test]
    fn nonces_do_not_repeat() {
        let drawn: HashSet<String> = (0..10_000).map(|_| nonce()).collect();
        assert_eq!(drawn.len(), 10_000);
    }
}
