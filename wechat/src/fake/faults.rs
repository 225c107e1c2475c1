//! Faults the fake can be told to produce, per endpoint, for its next calls.

use crate::client::Endpoint;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};

/// One misbehaviour of WeChat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Answer `{"errcode": errcode, "errmsg": ..}` (errmsg defaults to WeChat's wording).
    Errcode {
        /// The errcode, e.g. -1, 40001, 45009.
        errcode: i64,
        /// Overrides the usual message.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        errmsg: Option<String>,
    },
    /// Wait this long, then answer normally.
    Latency {
        /// Milliseconds.
        ms: u64,
    },
    /// Answer with this HTTP status and a text body.
    HttpStatus {
        /// E.g. 502, 503.
        status: u16,
    },
    /// Answer 200 with a body that is not JSON (a proxy's HTML page).
    MalformedJson,
    /// Answer success with an empty token, ticket or code.
    EmptyCredential,
}

/// A fault for the next `times` calls of `endpoint`: the JSON accepted by `POST /__fake/faults`,
/// e.g. `{"endpoint":"token","kind":"errcode","errcode":-1,"times":2}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// Which endpoint misbehaves.
    pub endpoint: Endpoint,
    /// How.
    #[serde(flatten)]
    pub fault: Fault,
    /// For how many calls (default 1).
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

/// WeChat's usual message for an errcode.
pub(crate) fn errmsg_for(errcode: i64) -> &'static str {
    match errcode {
        -1 => "system error",
        40001 => "invalid credential, access_token is invalid or not latest",
        40002 => "invalid grant_type",
        40013 => "invalid appid",
        40014 => "invalid access_token",
        40056 => "invalid serial code",
        40097 => "invalid args",
        40125 => "invalid appsecret",
        // WeChat names the refused address (a documentation address here).
        40164 => "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: fake",
        41001 => "access_token missing",
        42001 => "access_token expired",
        45009 => "reach max api daily quota limit",
        47001 => "data format error",
        _ => "fake error",
    }
}

/// Queued faults, consumed in order, per endpoint.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queues: HashMap<Endpoint, VecDeque<(Fault, u32)>>,
}

impl FaultQueue {
    pub fn push(&mut self, spec: FaultSpec) {
        if spec.times > 0 {
            self.queues
                .entry(spec.endpoint)
                .or_default()
                .push_back((spec.fault, spec.times));
        }
    }

    /// The fault for this call of `endpoint`, if any.
    pub fn take(&mut self, endpoint: Endpoint) -> Option<Fault> {
        let queue = self.queues.get_mut(&endpoint)?;
        let (fault, times) = queue.front_mut()?;
        let fault = fault.clone();
        *times -= 1;
        if *times == 0 {
            queue.pop_front();
        }
        Some(fault)
    }

    /// What is still queued.
    pub fn pending(&self) -> Vec<FaultSpec> {
        let mut pending: Vec<FaultSpec> = self
            .queues
            .iter()
            .flat_map(|(endpoint, queue)| {
                queue.iter().map(|(fault, times)| FaultSpec {
                    endpoint: *endpoint,
                    fault: fault.clone(),
                    times: *times,
                })
            })
            .collect();
        pending.sort_by_key(|spec| spec.endpoint);
        pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_control_json_parses() {
        let spec: FaultSpec = serde_json::from_str(
            r#"{"endpoint":"jsapi_ticket","kind":"errcode","errcode":-1,"times":2}"#,
        )
        .unwrap();
        assert_eq!(
            spec,
            FaultSpec {
                endpoint: Endpoint::JsapiTicket,
                fault: Fault::Errcode {
                    errcode: -1,
                    errmsg: None
                },
                times: 2
            }
        );
        let latency: FaultSpec =
            serde_json::from_str(r#"{"endpoint":"token","kind":"latency","ms":50}"#).unwrap();
        assert_eq!(latency.times, 1);
    }

    #[test]
    fn faults_are_consumed_in_order_for_their_count() {
        let mut queue = FaultQueue::default();
        queue.push(FaultSpec {
            endpoint: Endpoint::Token,
            fault: Fault::MalformedJson,
            times: 2,
        });
        queue.push(FaultSpec {
            endpoint: Endpoint::Token,
            fault: Fault::EmptyCredential,
            times: 1,
        });
        assert_eq!(queue.take(Endpoint::JsapiTicket), None);
        assert_eq!(queue.take(Endpoint::Token), Some(Fault::MalformedJson));
        assert_eq!(queue.take(Endpoint::Token), Some(Fault::MalformedJson));
        assert_eq!(queue.take(Endpoint::Token), Some(Fault::EmptyCredential));
        assert_eq!(queue.take(Endpoint::Token), None);
    }
}
