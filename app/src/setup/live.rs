//! The phone → `/setup` path: a phone opened from the page's QR code carries the page's
//! session in its URL (`?setup=<id>`); its `wx.ready` / `wx.error` reports are published
//! here, and the page's event stream (server-sent events) passes on those of its session.

use super::{session_in_url, PhoneOutcome, PhoneResult};
use tokio::sync::broadcast;

/// Reports kept for a slow subscriber before older ones are dropped.
const BACKLOG: usize = 64;

/// Longest errMsg passed on.
const MAX_ERR_MSG: usize = 200;

/// Where phones' results are published, per setup session. Cheap to clone.
#[derive(Clone)]
pub struct SetupHub {
    sender: broadcast::Sender<(String, PhoneResult)>,
}

impl Default for SetupHub {
    fn default() -> Self {
        SetupHub {
            sender: broadcast::channel(BACKLOG).0,
        }
    }
}

impl SetupHub {
    /// Publishes a page's outcome if its URL names a setup session; else does nothing.
    pub fn publish(
        &self,
        href: &str,
        user_agent: &str,
        outcome: PhoneOutcome,
        err_msg: &str,
        cause: Option<wechat::api::ConfigErrorCause>,
    ) {
        let Some(session) = session_in_url(href) else {
            return;
        };
        let ua = wechat::user_agent::parse(user_agent);
        let path = wechat::page_url::without_fragment(href)
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
            .unwrap_or("/")
            .split('?')
            .next()
            .unwrap_or("/")
            .chars()
            .take(64)
            .collect();
        let result = PhoneResult {
            outcome,
            err_msg: err_msg.chars().take(MAX_ERR_MSG).collect(),
            cause,
            os: ua.os_label(),
            wechat_version: ua.wechat_version,
            path,
        };
        // No subscriber (the page closed) is not an error.
        let _ = self.sender.send((session.to_owned(), result));
    }

    /// Every result published from now on, with its session.
    pub fn subscribe(&self) -> broadcast::Receiver<(String, PhoneResult)> {
        self.sender.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_pages_opened_from_a_setup_session_are_published() {
        let hub = SetupHub::default();
        let mut events = hub.subscribe();
        hub.publish(
            "https://a.example/basic",
            "Mozilla",
            PhoneOutcome::Ready,
            "config:ok",
            None,
        );
        hub.publish(
            "https://a.example/basic?setup=abcdEFGH1234#x",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47(0x18002f2c)",
            PhoneOutcome::Ready,
            "config:ok",
            None,
        );
        let (session, result) = events.recv().await.unwrap();
        assert_eq!(session, "abcdEFGH1234");
        assert_eq!(result.path, "/basic");
        assert_eq!(result.wechat_version.as_deref(), Some("8.0.47"));
        assert!(
            events.try_recv().is_err(),
            "the page without a session was not published"
        );
    }
}
