//! A string that must never be printed: the AppSecret, access tokens, tickets.

use std::fmt;

/// Holds a secret value; `Debug` and `Display` print `***`, so a secret cannot leak through
/// a log line, an error message or a `{:?}` of a surrounding struct.
///
/// Reading the value takes an explicit [`Secret::expose`], which is easy to audit.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps a value that must stay out of logs and error messages.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for the one place that needs it (a request, a signature, a store).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// An empty secret is never a usable credential; callers check before caching it.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// Serde helpers for the one place a secret is written out on purpose: the credential store.
/// `Secret` itself implements no `Serialize`, so it cannot end up in an API answer by accident.
pub mod exposed {
    use super::Secret;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the secret's value.
    pub fn serialize<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(secret.expose())
    }

    /// Reads a secret's value.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let secret = Secret::new("canary-0123");
        assert_eq!(format!("{secret}"), "***");
        assert_eq!(format!("{secret:?}"), "***");
        assert_eq!(secret.expose(), "canary-0123");
    }

    #[test]
    fn a_struct_holding_a_secret_debugs_without_it() {
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Holder {
            secret: Secret,
        }
        let shown = format!(
            "{:?}",
            Holder {
                secret: Secret::new("canary-0123")
            }
        );
        assert!(!shown.contains("canary"), "{shown}");
    }
}
