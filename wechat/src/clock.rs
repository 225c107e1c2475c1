//! Time, injectable: credential lifetimes and the fake's token rotation are tested by moving a
//! manual clock instead of sleeping.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch;

/// A future returned by [`Clock::sleep_until`].
pub type Sleep = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// Wall-clock time in Unix seconds, and a way to wait for a moment of it.
///
/// Credentials live in seconds and are persisted with absolute times, so seconds since the
/// epoch are the unit everywhere.
pub trait Clock: Send + Sync + 'static {
    /// Now, in seconds since the Unix epoch.
    fn now(&self) -> u64;
    /// Resolves once [`Clock::now`] has reached `deadline`.
    fn sleep_until(&self, deadline: u64) -> Sleep;
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())
    }

    fn sleep_until(&self, deadline: u64) -> Sleep {
        let wait = deadline.saturating_sub(self.now());
        Box::pin(tokio::time::sleep(Duration::from_secs(wait)))
    }
}

/// A clock that moves only when told to; sleepers wake as soon as it passes their deadline.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<watch::Sender<u64>>,
}

impl ManualClock {
    /// A clock stopped at `start` (Unix seconds).
    pub fn new(start: u64) -> Self {
        Self {
            now: Arc::new(watch::Sender::new(start)),
        }
    }

    /// Moves the clock forward.
    pub fn advance(&self, seconds: u64) {
        self.now.send_modify(|now| *now += seconds);
    }

    /// Sets the clock (backwards too, to test a clock that jumps).
    pub fn set(&self, now: u64) {
        self.now.send_replace(now);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> u64 {
        *self.now.borrow()
    }

    fn sleep_until(&self, deadline: u64) -> Sleep {
        let mut now = self.now.subscribe();
        Box::pin(async move {
            // The sender lives in `self`; if every clone is gone, nobody can wake us: stay pending.
            if now.wait_for(|now| *now >= deadline).await.is_err() {
                std::future::pending::<()>().await;
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn manual_sleep_wakes_when_the_clock_passes_the_deadline() {
        let clock = ManualClock::new(100);
        let sleeper = tokio::spawn(clock.sleep_until(160));
        clock.advance(30);
        tokio::task::yield_now().await;
        assert!(!sleeper.is_finished());
        clock.advance(30);
        sleeper.await.unwrap();
        assert_eq!(clock.now(), 160);
    }

    #[test]
    fn system_clock_is_after_2020() {
        assert!(SystemClock.now() > 1_577_836_800);
    }
}
