//! Credentials in Redis, shared by every instance of the server, with a lease so that one
//! instance at a time fetches each credential from WeChat.
//!
//! Keys (several apps can share one Redis):
//! - `{prefix}:{appid}:{kind}`: a hash `value`, `fetched_at`, `expires_at`, expiring with the
//!   credential;
//! - `{prefix}:{appid}:{kind}:lease`: `{instance}/{random}` while an instance fetches, set with
//!   `SET NX PX` and deleted only by its holder (compare-and-delete in Lua), so a holder that
//!   dies loses it when the lease expires;
//! - `{prefix}:{appid}:quota:{kind}:{day}`: fetches counted on that quota day.
//!
//! Write-if-newer and compare-and-delete run as Lua scripts, atomically. When Redis is down
//! every call fails fast (bounded by [`RedisOptions::timeout`]) and the service keeps serving
//! from memory; the first failure is logged as an error, the recovery as info.

use super::store::{CredentialStore, LeaseStats, RefreshPermit, StoreError};
use super::{CredentialKind, StoredCredential};
use crate::secret::Secret;
use async_trait::async_trait;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::Script;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Stores `value`, `fetched_at`, `expires_at` unless a later `fetched_at` is there; the key
/// expires `ARGV[4]` seconds after the write.
const SAVE_IF_NEWER: &str = r"
local current = redis.call('HGET', KEYS[1], 'fetched_at')
if current and tonumber(current) > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'value', ARGV[1], 'fetched_at', ARGV[2], 'expires_at', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
";

/// Deletes the credential only if its value is still `ARGV[1]`.
const DELETE_IF_VALUE: &str = r"
if redis.call('HGET', KEYS[1], 'value') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

/// Releases the lease only if this holder's token is still in it.
const RELEASE_IF_HOLDER: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

/// Counts a fetch; the counter outlives its day by a day.
const COUNT_FETCH: &str = r"
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], 172800) end
return n
";

/// Tuning of a [`RedisStore`].
#[derive(Debug, Clone)]
pub struct RedisOptions {
    /// First part of every key.
    pub prefix: String,
    /// How long a lease lasts if its holder never releases it (it died). Keep it longer than
    /// one upstream call (the client's timeout), or a slow fetch lets a second one start.
    pub lease: Duration,
    /// How long a refresh waits for another instance's lease before fetching without it.
    pub wait: Duration,
    /// How often a waiting refresh looks at the credential and the lease.
    pub poll: Duration,
    /// Time allowed for one Redis command (and for connecting).
    pub timeout: Duration,
    /// Who holds a lease, as written in it (host and process id by default).
    pub instance: String,
    /// Certificates for a `rediss://` URL; `None` trusts the built-in web PKI roots and sends
    /// no client certificate.
    pub tls: Option<RedisTls>,
}

/// Certificates of a TLS (`rediss://`) connection to Redis, in PEM, checked when made
/// ([`RedisTls::new`]). Their contents never appear in `Debug` output.
#[derive(Clone)]
pub struct RedisTls {
    /// CA certificates to trust instead of the built-in roots (a private CA, a self-signed
    /// server certificate).
    ca_pem: Option<Vec<u8>>,
    /// Client certificate chain and its private key, for a server that asks for one
    /// (Redis's own default, `tls-auth-clients yes`).
    client: Option<(Vec<u8>, Secret)>,
}

/// Which part of the Redis TLS certificates is not PEM of the kind it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RedisTlsError {
    /// The CA certificates are not PEM certificates.
    #[error("the Redis CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)")]
    CaNotPem,
    /// The client certificate chain is not PEM certificates.
    #[error(
        "the Redis client certificate file holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
    )]
    ClientCertNotPem,
    /// The client key is not a PEM private key.
    #[error("the Redis client key file holds no PEM private key (-----BEGIN … PRIVATE KEY-----)")]
    ClientKeyNotPem,
}

impl RedisTls {
    /// The CA to trust (`None`: the built-in web PKI roots) and the client certificate chain
    /// and key to present (`None`: none), each checked to hold a PEM block of its kind.
    pub fn new(
        ca_pem: Option<Vec<u8>>,
        client: Option<(Vec<u8>, Vec<u8>)>,
    ) -> Result<Self, RedisTlsError> {
        if ca_pem
            .as_deref()
            .is_some_and(|pem| !has_pem_block(pem, |label| label == "CERTIFICATE"))
        {
            return Err(RedisTlsError::CaNotPem);
        }
        let client = match client {
            None => None,
            Some((cert, key)) => {
                if !has_pem_block(&cert, |label| label == "CERTIFICATE") {
                    return Err(RedisTlsError::ClientCertNotPem);
                }
                // Any key PEM ends its label so: PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY.
                let key = String::from_utf8(key)
                    .ok()
                    .filter(|key| has_pem_block(key.as_bytes(), |l| l.ends_with("PRIVATE KEY")))
                    .ok_or(RedisTlsError::ClientKeyNotPem)?;
                Some((cert, Secret::new(key)))
            }
        };
        Ok(Self { ca_pem, client })
    }

    /// The CA certificates trusted instead of the built-in roots, if any.
    pub fn ca_pem(&self) -> Option<&[u8]> {
        self.ca_pem.as_deref()
    }

    /// The client certificate chain and its key, if any.
    pub fn client(&self) -> Option<(&[u8], &Secret)> {
        self.client
            .as_ref()
            .map(|(cert, key)| (cert.as_slice(), key))
    }
}

/// Whether `pem` has a line `-----BEGIN <label>-----` whose label passes `label_is`.
fn has_pem_block(pem: &[u8], label_is: impl Fn(&str) -> bool) -> bool {
    String::from_utf8_lossy(pem).lines().any(|line| {
        line.trim_end()
            .strip_prefix("-----BEGIN ")
            .and_then(|rest| rest.strip_suffix("-----"))
            .is_some_and(&label_is)
    })
}

impl std::fmt::Debug for RedisTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisTls")
            .field("ca_pem", &self.ca_pem.as_ref().map(|_| "<set>"))
            .field("client", &self.client.as_ref().map(|_| "<set>"))
            .finish()
    }
}

impl Default for RedisOptions {
    fn default() -> Self {
        let host = std::env::var("HOSTNAME")
            .ok()
            .filter(|host| !host.is_empty())
            .unwrap_or_else(|| "localhost".to_owned());
        Self {
            prefix: "wxpg".to_owned(),
            lease: Duration::from_secs(10),
            wait: Duration::from_secs(20),
            poll: Duration::from_millis(50),
            timeout: Duration::from_secs(1),
            instance: format!("{host}:{}", std::process::id()),
            tls: None,
        }
    }
}

impl RedisOptions {
    /// The defaults with a lease of `lease` and a wait of twice that.
    pub fn with_lease(lease: Duration) -> Self {
        Self {
            lease,
            wait: lease * 2,
            ..Self::default()
        }
    }
}

#[derive(Debug, Default)]
struct Counters {
    acquired: AtomicU64,
    waits: AtomicU64,
    adopted: AtomicU64,
    timeouts: AtomicU64,
    errors: AtomicU64,
}

fn bump(counter: &AtomicU64) {
    counter.fetch_add(1, Ordering::Relaxed);
}

/// A [`CredentialStore`] in Redis, shared by every instance pointed at it: write-if-newer,
/// compare-and-delete and a refresh lease (distributed single-flight).
///
/// Use one store per [`super::CredentialService`]: the lease a store took is released by the
/// next [`CredentialStore::end_refresh`] for that credential.
pub struct RedisStore {
    connection: ConnectionManager,
    options: RedisOptions,
    /// Lease key → this instance's token in it.
    held: Mutex<HashMap<String, String>>,
    healthy: AtomicBool,
    counters: Counters,
    save_script: Script,
    delete_script: Script,
    release_script: Script,
    count_script: Script,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may carry a password: never shown.
        f.debug_struct("RedisStore")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A client for `url`; with TLS certificates when the URL is `rediss://` and some are given.
fn client(url: &str, tls: Option<&RedisTls>) -> Result<redis::Client, StoreError> {
    // The URL may carry a password: no message repeats it.
    let malformed = |_| {
        StoreError::Io(
            "REDIS_URL is not a usable Redis URL: use redis://[user:password@]host[:port][/db], or rediss:// for TLS"
                .to_owned(),
        )
    };
    let is_tls = url.starts_with("rediss://");
    match tls {
        Some(tls) if is_tls => {
            let certificates = redis::TlsCertificates {
                client_tls: tls.client().map(|(cert, key)| redis::ClientTlsConfig {
                    client_cert: cert.to_vec(),
                    client_key: key.expose().as_bytes().to_vec(),
                }),
                root_cert: tls.ca_pem().map(<[u8]>::to_vec),
            };
            let info = redis::IntoConnectionInfo::into_connection_info(url).map_err(malformed)?;
            redis::Client::build_with_tls(info, certificates).map_err(|error| {
                StoreError::Io(format!("the Redis TLS certificates are not usable: {error}"))
            })
        }
        Some(_) => Err(StoreError::Io(
            "Redis TLS certificates are given but the URL is not rediss://: use rediss:// to connect with TLS"
                .to_owned(),
        )),
        None => redis::Client::open(url).map_err(malformed),
    }
}

impl RedisStore {
    /// A store at `url` (`redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS
    /// with [`RedisOptions::tls`]). The connection is made on first use and remade after a
    /// failure, so this succeeds while Redis is down; malformed certificates fail here.
    pub fn connect(url: &str, options: RedisOptions) -> Result<Self, StoreError> {
        let client = client(url, options.tls.as_ref())?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(options.timeout))
            .set_response_timeout(Some(options.timeout))
            .set_number_of_retries(1)
            .set_max_delay(options.timeout);
        let connection = ConnectionManager::new_lazy_with_config(client, config)
            .map_err(|error| StoreError::Io(format!("cannot set up Redis: {error}")))?;
        Ok(Self {
            connection,
            options,
            held: Mutex::default(),
            healthy: AtomicBool::new(true),
            counters: Counters::default(),
            save_script: Script::new(SAVE_IF_NEWER),
            delete_script: Script::new(DELETE_IF_VALUE),
            release_script: Script::new(RELEASE_IF_HOLDER),
            count_script: Script::new(COUNT_FETCH),
        })
    }

    /// The options in use.
    pub fn options(&self) -> &RedisOptions {
        &self.options
    }

    /// Who holds the refresh lease of `kind` now (the [`RedisOptions::instance`] written in
    /// it), if anyone. Only with the `testing` feature.
    #[cfg(feature = "testing")]
    pub async fn lease_holder(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<String>, StoreError> {
        let lease = self.lease_key(app_id, kind)?;
        let token: Option<String> = self
            .run(|mut connection| async move {
                redis::cmd("GET")
                    .arg(&lease)
                    .query_async(&mut connection)
                    .await
            })
            .await?;
        Ok(token.map(|token| match token.rsplit_once('/') {
            Some((instance, _)) => instance.to_owned(),
            None => token,
        }))
    }

    fn key(&self, app_id: &str, kind: CredentialKind) -> Result<String, StoreError> {
        let app_id = StoreError::check_app_id(app_id)?;
        Ok(format!("{}:{app_id}:{kind}", self.options.prefix))
    }

    fn lease_key(&self, app_id: &str, kind: CredentialKind) -> Result<String, StoreError> {
        Ok(format!("{}:lease", self.key(app_id, kind)?))
    }

    fn quota_key(
        &self,
        app_id: &str,
        kind: CredentialKind,
        day: u64,
    ) -> Result<String, StoreError> {
        self.key(app_id, kind)?;
        Ok(format!(
            "{}:{app_id}:quota:{kind}:{day}",
            self.options.prefix
        ))
    }

    fn held(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.held
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    /// Runs one Redis operation with the timeout, counting and logging failures: loudly on the
    /// first one after a success, and once more when Redis answers again.
    async fn run<T, F, Fut>(&self, operation: F) -> Result<T, StoreError>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        let result = tokio::time::timeout(self.options.timeout, operation(self.connection.clone()))
            .await
            .map_err(|_| format!("no answer within {:?}", self.options.timeout))
            .and_then(|result| result.map_err(|error| error.to_string()));
        match result {
            Ok(value) => {
                if !self.healthy.swap(true, Ordering::Relaxed) {
                    tracing::info!("Redis answers again: credentials are shared again");
                }
                Ok(value)
            }
            Err(error) => {
                bump(&self.counters.errors);
                if self.healthy.swap(false, Ordering::Relaxed) {
                    tracing::error!(%error, "Redis is unreachable: serving credentials from memory while they are valid; instances no longer share fetches");
                } else {
                    tracing::debug!(%error, "Redis still unreachable");
                }
                Err(StoreError::Io(format!("Redis: {error}")))
            }
        }
    }

    /// The stored credential, read from its hash.
    async fn read(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        let key = self.key(app_id, kind)?;
        let fields: HashMap<String, String> = self
            .run(|mut connection| async move {
                redis::cmd("HGETALL")
                    .arg(&key)
                    .query_async(&mut connection)
                    .await
            })
            .await?;
        if fields.is_empty() {
            return Ok(None);
        }
        let number = |name: &str| fields.get(name).and_then(|value| value.parse::<u64>().ok());
        match (
            fields.get("value"),
            number("fetched_at"),
            number("expires_at"),
        ) {
            (Some(value), Some(fetched_at), Some(expires_at)) if !value.is_empty() => {
                Ok(Some(StoredCredential {
                    kind,
                    value: Secret::new(value.clone()),
                    fetched_at,
                    expires_at,
                }))
            }
            _ => {
                tracing::warn!(%kind, "ignoring a malformed credential in Redis");
                Ok(None)
            }
        }
    }

    /// Tries to take the lease; true when taken.
    async fn take_lease(&self, lease: &str, token: &str) -> Result<bool, StoreError> {
        let lease_ms = u64::try_from(self.options.lease.as_millis())
            .unwrap_or(u64::MAX)
            .max(1);
        let taken: Option<String> = self
            .run(|mut connection| async move {
                redis::cmd("SET")
                    .arg(lease)
                    .arg(token)
                    .arg("NX")
                    .arg("PX")
                    .arg(lease_ms)
                    .query_async(&mut connection)
                    .await
            })
            .await?;
        Ok(taken.is_some())
    }
}

/// Whether `stored` was written after `baseline` was read: another instance refreshed.
fn replaced(stored: &StoredCredential, baseline: Option<&StoredCredential>) -> bool {
    baseline.is_none_or(|baseline| {
        stored.value != baseline.value && stored.fetched_at >= baseline.fetched_at
    })
}

#[async_trait]
impl CredentialStore for RedisStore {
    async fn load(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<Option<StoredCredential>, StoreError> {
        self.read(app_id, kind).await
    }

    async fn save(&self, app_id: &str, credential: &StoredCredential) -> Result<bool, StoreError> {
        let key = self.key(app_id, credential.kind)?;
        let ttl = credential.lifetime().saturating_add(60);
        let written: i64 = self
            .run(|mut connection| async move {
                self.save_script
                    .key(&key)
                    .arg(credential.value.expose())
                    .arg(credential.fetched_at)
                    .arg(credential.expires_at)
                    .arg(ttl)
                    .invoke_async(&mut connection)
                    .await
            })
            .await?;
        Ok(written == 1)
    }

    async fn invalidate(
        &self,
        app_id: &str,
        kind: CredentialKind,
        value: &Secret,
    ) -> Result<bool, StoreError> {
        let key = self.key(app_id, kind)?;
        let deleted: i64 = self
            .run(|mut connection| async move {
                self.delete_script
                    .key(&key)
                    .arg(value.expose())
                    .invoke_async(&mut connection)
                    .await
            })
            .await?;
        Ok(deleted == 1)
    }

    /// Takes the lease, or waits (polling, bounded by [`RedisOptions::wait`]) while another
    /// instance holds it and adopts what that instance writes. A lease whose holder died
    /// expires and is taken here. Out of time, the fetch proceeds without the lease.
    async fn begin_refresh(
        &self,
        app_id: &str,
        kind: CredentialKind,
    ) -> Result<RefreshPermit, StoreError> {
        let lease = self.lease_key(app_id, kind)?;
        let baseline = self.read(app_id, kind).await?;
        let token = format!("{}/{}", self.options.instance, crate::nonce::nonce());
        let deadline = Instant::now() + self.options.wait;
        let mut waited = false;
        loop {
            if waited {
                if let Some(stored) = self.read(app_id, kind).await? {
                    if replaced(&stored, baseline.as_ref()) {
                        bump(&self.counters.adopted);
                        tracing::debug!(%kind, "adopting the credential another instance fetched");
                        return Ok(RefreshPermit::Adopt(stored));
                    }
                }
            }
            if self.take_lease(&lease, &token).await? {
                bump(&self.counters.acquired);
                self.held().insert(lease.clone(), token);
                // The previous holder may have written and released between our two reads.
                return Ok(match self.read(app_id, kind).await {
                    Ok(Some(stored)) if replaced(&stored, baseline.as_ref()) => {
                        RefreshPermit::Adopt(stored)
                    }
                    _ => RefreshPermit::Proceed,
                });
            }
            if !waited {
                waited = true;
                bump(&self.counters.waits);
                tracing::debug!(%kind, "another instance is refreshing; waiting for it");
            }
            if Instant::now() >= deadline {
                bump(&self.counters.timeouts);
                tracing::warn!(%kind, wait = ?self.options.wait, "waited too long for another instance's refresh; fetching without the lease");
                return Ok(RefreshPermit::Proceed);
            }
            tokio::time::sleep(self.options.poll).await;
        }
    }

    async fn end_refresh(&self, app_id: &str, kind: CredentialKind) {
        let Ok(lease) = self.lease_key(app_id, kind) else {
            return;
        };
        let Some(token) = self.held().remove(&lease) else {
            return;
        };
        let released: Result<i64, StoreError> = self
            .run(|mut connection| async move {
                self.release_script
                    .key(&lease)
                    .arg(&token)
                    .invoke_async(&mut connection)
                    .await
            })
            .await;
        match released {
            Ok(1) => {}
            Ok(_) => {
                tracing::warn!(%kind, "the refresh lease had expired before the fetch ended; raise the lease");
            }
            Err(error) => {
                tracing::warn!(%kind, %error, "could not release the refresh lease; it expires by itself");
            }
        }
    }

    async fn count_fetch(
        &self,
        app_id: &str,
        kind: CredentialKind,
        day: u64,
    ) -> Result<Option<u64>, StoreError> {
        let key = self.quota_key(app_id, kind, day)?;
        let count: u64 = self
            .run(|mut connection| async move {
                self.count_script
                    .key(&key)
                    .invoke_async(&mut connection)
                    .await
            })
            .await?;
        Ok(Some(count))
    }

    async fn fetches_on(
        &self,
        app_id: &str,
        kind: CredentialKind,
        day: u64,
    ) -> Result<Option<u64>, StoreError> {
        let key = self.quota_key(app_id, kind, day)?;
        let count: Option<u64> = self
            .run(|mut connection| async move {
                redis::cmd("GET")
                    .arg(&key)
                    .query_async(&mut connection)
                    .await
            })
            .await?;
        Ok(Some(count.unwrap_or_default()))
    }

    fn lease_stats(&self) -> Option<LeaseStats> {
        let read = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        Some(LeaseStats {
            acquired: read(&self.counters.acquired),
            waits: read(&self.counters.waits),
            adopted: read(&self.counters.adopted),
            timeouts: read(&self.counters.timeouts),
            errors: read(&self.counters.errors),
        })
    }
}
