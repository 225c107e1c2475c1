//! `GET /api/setup/events?session=<id>`: the `/setup` page's live list. Server-sent events,
//! one `phone` event (a [`app::setup::PhoneResult`] as JSON) per `wx.ready` / `wx.error` of
//! a phone opened from that page's QR code. A stream lasts a bounded time; the browser's
//! `EventSource` reconnects by itself.

use crate::http_error::HttpError;
use app::{setup::valid_session, state::AppState};
use axum::{
    extract::{Query, State},
    response::sse::{Event, KeepAlive, Sse},
};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use std::{convert::Infallible, time::Duration};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

/// How long one stream stays open before the browser reconnects (a shutdown waits no longer).
pub const STREAM_LIFETIME: Duration = Duration::from_secs(120);

/// The query: which `/setup` page listens.
#[derive(Deserialize)]
pub struct Listen {
    session: String,
}

/// Streams the results of the phones opened from session `session`.
pub async fn events(
    State(state): State<AppState>,
    Query(listen): Query<Listen>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, HttpError> {
    if !valid_session(&listen.session) {
        return Err(HttpError::bad_request(
            "session must be the 8 to 32 letters or digits of a /setup page's session",
        ));
    }
    let receiver = state.setup_hub.subscribe();
    let deadline = Instant::now() + STREAM_LIFETIME;
    let stream = stream::unfold(
        (receiver, listen.session),
        move |(mut receiver, session)| async move {
            loop {
                let next = tokio::time::timeout_at(deadline, receiver.recv()).await;
                match next {
                    Err(_) | Ok(Err(RecvError::Closed)) => return None,
                    Ok(Err(RecvError::Lagged(_))) => continue,
                    Ok(Ok((id, result))) if id == session => {
                        let data = serde_json::to_string(&result).unwrap_or_default();
                        let event = Event::default().event("phone").data(data);
                        return Some((Ok(event), (receiver, session)));
                    }
                    Ok(Ok(_)) => continue,
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
