//! Holding an endpoint's calls in flight, so tests can act while a fetch is pending without
//! guessing with sleeps.

use super::State;
use crate::client::Endpoint;
use std::sync::{Arc, Weak};
use tokio::sync::watch;

#[derive(Debug)]
pub(crate) struct Gate {
    open: watch::Sender<bool>,
    arrivals: watch::Sender<u64>,
}

impl Default for Gate {
    fn default() -> Self {
        Self {
            open: watch::Sender::new(false),
            arrivals: watch::Sender::new(0),
        }
    }
}

impl Gate {
    /// Called by a request: counts it, then waits until the gate opens.
    pub async fn pass(&self) {
        let mut open = self.open.subscribe();
        self.arrivals.send_modify(|count| *count += 1);
        let _ = open.wait_for(|open| *open).await;
    }
}

/// Calls of one endpoint are held while this lives; [`Hold::release`] (or drop) lets them go.
#[derive(Debug)]
pub struct Hold {
    endpoint: Endpoint,
    gate: Arc<Gate>,
    state: Weak<State>,
}

impl Hold {
    pub(super) fn new(endpoint: Endpoint, gate: Arc<Gate>, state: Weak<State>) -> Self {
        Self {
            endpoint,
            gate,
            state,
        }
    }

    /// Waits until `count` calls are being held.
    pub async fn arrivals(&self, count: u64) {
        let mut arrivals = self.gate.arrivals.subscribe();
        let _ = arrivals.wait_for(|arrived| *arrived >= count).await;
    }

    /// How many calls have arrived so far.
    pub fn arrived(&self) -> u64 {
        *self.gate.arrivals.borrow()
    }

    /// Lets the held calls (and later ones) through.
    pub fn release(self) {}
}

impl Drop for Hold {
    fn drop(&mut self) {
        if let Some(state) = self.state.upgrade() {
            let mut gates = state.gates();
            if gates
                .get(&self.endpoint)
                .is_some_and(|gate| Arc::ptr_eq(gate, &self.gate))
            {
                gates.remove(&self.endpoint);
            }
        }
        self.gate.open.send_replace(true);
    }
}
