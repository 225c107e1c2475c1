//! Live sessions in Redis (`REDIS_URL`), so that a presenter on one instance and phones on
//! others share a session, and a session survives the restart of any instance.
//!
//! Keys (under `playground:live`):
//! - `…:s:{id}`: the session's [`SessionState`] as JSON, expiring after the idle expiry (each
//!   change renews it);
//! - `…:lock:{id}`: held (`SET NX PX`, released by its holder only, compare-and-delete in Lua)
//!   while one instance changes the session, so every change runs the same checks
//!   ([`SessionState`]'s methods) as in one process, one at a time;
//! - `…:sessions`: the sessions by last activity (a sorted set), to bound how many exist;
//! - channel `…:events:{id}`: each change's numbered happening, published in the same atomic
//!   pipeline that stores the change, so every instance's subscriber (one pattern subscription
//!   per instance) passes them on in commit order to its streams of that session.

use super::hub::{Numbered, SessionState};
use super::LiveError;
use app::live::{Happening, IDLE_EXPIRY_SECS, MAX_SESSIONS};
use futures_util::StreamExt;
use redis::{aio::ConnectionManager, AsyncCommands, Script};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, SystemTime, UNIX_EPOCH},
};
use tokio::sync::{broadcast, OnceCell};

const PREFIX: &str = "playground:live";
/// How long a change may hold a session's lock if its instance dies meanwhile.
const LOCK_MS: u64 = 5_000;
/// How long a change waits for another instance's lock before answering 503.
const LOCK_WAIT: Duration = Duration::from_secs(3);
/// Events kept for a slow stream before it is sent a fresh snapshot instead.
const BACKLOG: usize = 256;

const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

/// The sessions in Redis, and this instance's streams of them. Cheap to clone.
#[derive(Clone)]
pub struct SharedHub {
    client: redis::Client,
    connection: Arc<OnceCell<ConnectionManager>>,
    senders: Arc<Mutex<HashMap<String, broadcast::Sender<Numbered>>>>,
    subscribed: Arc<OnceCell<()>>,
}

fn unavailable(error: redis::RedisError) -> LiveError {
    tracing::error!(%error, "live sessions: Redis failed");
    LiveError::unavailable("the live sessions' store (Redis) is unreachable: try again shortly")
}

fn now_secs() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
}

impl SharedHub {
    /// A hub on `url` (connected on first use).
    pub fn new(url: &str) -> Result<SharedHub, redis::RedisError> {
        Ok(SharedHub {
            client: redis::Client::open(url)?,
            connection: Arc::new(OnceCell::new()),
            senders: Arc::new(Mutex::new(HashMap::new())),
            subscribed: Arc::new(OnceCell::new()),
        })
    }

    async fn connection(&self) -> Result<ConnectionManager, LiveError> {
        self.connection
            .get_or_try_init(|| ConnectionManager::new(self.client.clone()))
            .await
            .cloned()
            .map_err(unavailable)
    }

    fn key(id: &str) -> String {
        format!("{PREFIX}:s:{id}")
    }

    fn channel(id: &str) -> String {
        format!("{PREFIX}:events:{id}")
    }

    /// Starts a session; 503 when [`MAX_SESSIONS`] are live in this Redis.
    pub async fn create(&self) -> Result<(String, String), LiveError> {
        let mut redis = self.connection().await?;
        let sessions = format!("{PREFIX}:sessions");
        let now = now_secs();
        let _: () = redis
            .zrembyscore(&sessions, f64::NEG_INFINITY, now - IDLE_EXPIRY_SECS as f64)
            .await
            .map_err(unavailable)?;
        let count: usize = redis.zcard(&sessions).await.map_err(unavailable)?;
        if count >= MAX_SESSIONS {
            return Err(LiveError::unavailable(format!(
                "this deployment holds {MAX_SESSIONS} live sessions, its limit: end one (or wait for one idle for {} hours to expire)",
                IDLE_EXPIRY_SECS / 3600
            )));
        }
        let state = SessionState::new();
        let json = serde_json::to_string(&state).unwrap_or_default();
        let _: () = redis::pipe()
            .atomic()
            .set_ex(Self::key(&state.id), json, IDLE_EXPIRY_SECS)
            .zadd(&sessions, &state.id, now)
            .query_async(&mut redis)
            .await
            .map_err(unavailable)?;
        Ok((state.id, state.key))
    }

    async fn load(
        &self,
        redis: &mut ConnectionManager,
        id: &str,
    ) -> Result<SessionState, LiveError> {
        super::hub::check_id(id)?;
        let json: Option<String> = redis.get(Self::key(id)).await.map_err(unavailable)?;
        json.and_then(|json| serde_json::from_str(&json).ok())
            .ok_or_else(LiveError::no_session)
    }

    /// Runs `change` on the session under its lock; stores and publishes what it returns.
    pub async fn change<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut SessionState) -> Result<(u64, Happening, T), LiveError>,
    ) -> Result<T, LiveError> {
        let mut redis = self.connection().await?;
        super::hub::check_id(id)?;
        let lock = format!("{PREFIX}:lock:{id}");
        let token = app::live::new_id();
        let deadline = tokio::time::Instant::now() + LOCK_WAIT;
        loop {
            let taken: Option<String> = redis::cmd("SET")
                .arg(&lock)
                .arg(&token)
                .arg("NX")
                .arg("PX")
                .arg(LOCK_MS)
                .query_async(&mut redis)
                .await
                .map_err(unavailable)?;
            if taken.is_some() {
                break;
            }
            if tokio::time::Instant::now() > deadline {
                return Err(LiveError::unavailable(
                    "the session is busy (another instance holds it): try again",
                ));
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let outcome = self.change_locked(&mut redis, id, change).await;
        let _: Result<i64, _> = Script::new(RELEASE)
            .key(&lock)
            .arg(&token)
            .invoke_async(&mut redis)
            .await;
        outcome
    }

    async fn change_locked<T>(
        &self,
        redis: &mut ConnectionManager,
        id: &str,
        change: impl FnOnce(&mut SessionState) -> Result<(u64, Happening, T), LiveError>,
    ) -> Result<T, LiveError> {
        let mut state = self.load(redis, id).await?;
        let (seq, happening, out) = change(&mut state)?;
        let json = serde_json::to_string(&state).unwrap_or_default();
        let event = serde_json::to_string(&(seq, &happening)).unwrap_or_default();
        let mut pipe = redis::pipe();
        pipe.atomic();
        if matches!(happening, Happening::Ended) {
            pipe.del(Self::key(id))
                .zrem(format!("{PREFIX}:sessions"), id);
        } else {
            pipe.set_ex(Self::key(id), json, IDLE_EXPIRY_SECS).zadd(
                format!("{PREFIX}:sessions"),
                id,
                now_secs(),
            );
        }
        let _: () = pipe
            .publish(Self::channel(id), event)
            .query_async(redis)
            .await
            .map_err(unavailable)?;
        Ok(out)
    }

    /// A copy of the session's state.
    pub async fn read(&self, id: &str) -> Result<SessionState, LiveError> {
        let mut redis = self.connection().await?;
        self.load(&mut redis, id).await
    }

    /// Ends a session (the presenter's key only): its streams on every instance get `ended`.
    pub async fn end(&self, id: &str, key: &str) -> Result<(), LiveError> {
        self.change(id, |state| {
            state.check_presenter(key)?;
            Ok((state.seq + 1, Happening::Ended, ()))
        })
        .await
    }

    /// The session's snapshot and its happenings from now on (this instance's subscription
    /// to the session's channel first, so none is missed between the two).
    pub async fn listen(
        &self,
        id: &str,
    ) -> Result<(u64, app::live::Snapshot, broadcast::Receiver<Numbered>), LiveError> {
        super::hub::check_id(id)?;
        self.subscribe().await?;
        let receiver = {
            let mut senders = self.senders.lock().unwrap_or_else(|e| e.into_inner());
            senders.retain(|_, sender| sender.receiver_count() > 0);
            senders
                .entry(id.to_owned())
                .or_insert_with(|| broadcast::channel(BACKLOG).0)
                .subscribe()
        };
        let state = self.read(id).await?;
        Ok((state.seq, state.snapshot(false), receiver))
    }

    /// This instance's one subscription to every session's channel, made once, kept up by
    /// a task that reconnects when Redis goes away.
    async fn subscribe(&self) -> Result<(), LiveError> {
        self.subscribed
            .get_or_try_init(|| async {
                let mut pubsub = self.client.get_async_pubsub().await.map_err(unavailable)?;
                pubsub
                    .psubscribe(format!("{PREFIX}:events:*"))
                    .await
                    .map_err(unavailable)?;
                let hub = self.clone();
                tokio::spawn(async move {
                    let mut pubsub = Some(pubsub);
                    loop {
                        if let Some(pubsub) = pubsub.take() {
                            hub.forward(pubsub).await;
                        }
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        if let Ok(mut again) = hub.client.get_async_pubsub().await {
                            if again.psubscribe(format!("{PREFIX}:events:*")).await.is_ok() {
                                pubsub = Some(again);
                            }
                        }
                    }
                });
                Ok(())
            })
            .await
            .copied()
    }

    /// Passes each published happening to this instance's streams of its session.
    async fn forward(&self, pubsub: redis::aio::PubSub) {
        let mut messages = pubsub.into_on_message();
        while let Some(message) = messages.next().await {
            let channel = message.get_channel_name().to_owned();
            let Some(id) = channel.rsplit(':').next() else {
                continue;
            };
            let Ok(payload) = message.get_payload::<String>() else {
                continue;
            };
            let Ok(numbered) = serde_json::from_str::<(u64, Happening)>(&payload) else {
                continue;
            };
            let senders = self.senders.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(sender) = senders.get(id) {
                let _ = sender.send(Arc::new(numbered));
            }
        }
    }
}
