//! A QA run as it is saved, exported and compared, and the checks it passes on the way
//! into the server (size, schema, known APIs, bounded lengths).

use crate::catalog;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use wechat::user_agent::{os_label, Os};

/// Largest report body the server accepts.
pub const MAX_REPORT_BYTES: usize = 256 * 1024;
/// Longest user agent kept.
pub const MAX_USER_AGENT: usize = 1024;
/// Longest short field (versions, OS, screen, network type, time).
pub const MAX_SHORT: usize = 64;
/// Longest errMsg kept.
pub const MAX_ERR_MSG: usize = 1024;
/// Largest returned data of one API, as JSON text; larger data is cut by [`bounded_data`].
pub const MAX_DATA_BYTES: usize = 8 * 1024;
/// Longest free-text note of the tester.
pub const MAX_NOTE: usize = 2000;

/// Where one interface stands in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QaStatus {
    #[default]
    NotRun,
    Ok,
    Cancel,
    Fail,
}

impl QaStatus {
    /// Every status, in display order.
    pub const ALL: [QaStatus; 4] = [
        QaStatus::NotRun,
        QaStatus::Ok,
        QaStatus::Cancel,
        QaStatus::Fail,
    ];

    /// The wire name (`not_run`, `ok`, `cancel`, `fail`).
    pub fn as_str(self) -> &'static str {
        match self {
            QaStatus::NotRun => "not_run",
            QaStatus::Ok => "ok",
            QaStatus::Cancel => "cancel",
            QaStatus::Fail => "fail",
        }
    }

    /// The status with this wire name.
    pub fn from_name(name: &str) -> Option<QaStatus> {
        QaStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// The device a run was made on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviceFacts {
    pub user_agent: String,
    /// Read from the user agent; `None` outside WeChat.
    pub wechat_version: Option<String>,
    pub os: Os,
    pub os_version: Option<String>,
    /// `390×844 @3x`.
    pub screen: String,
    /// `getNetworkType`'s answer (`wifi`, `4g`, …), empty when it did not answer.
    pub network_type: String,
    /// `checkJsApi`'s answer: function name → supported.
    #[serde(default)]
    pub js_api_support: BTreeMap<String, bool>,
    /// Ran on the simulated WeChat bridge, not in WeChat.
    pub simulated: bool,
}

/// One interface's result in a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QaResult {
    /// The catalog's API id (`chooseImage`, `scanQRCode0`, …).
    pub api: String,
    pub status: QaStatus,
    #[serde(default)]
    pub err_msg: String,
    /// What the SDK returned (bounded, see [`bounded_data`]).
    #[serde(default)]
    pub data: Value,
    /// From the tap to the callback.
    pub duration_ms: Option<u64>,
    /// Local time of the callback, `HH:MM:SS`.
    #[serde(default)]
    pub at: String,
}

/// A whole run, as the page sends it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QaReport {
    pub device: DeviceFacts,
    pub results: Vec<QaResult>,
    /// What the tester wants to say about the run.
    #[serde(default)]
    pub note: String,
}

/// A report as stored: its id and when the server received it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedReport {
    pub id: i64,
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub created_at: String,
    pub report: QaReport,
}

/// One line of the report list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    pub id: i64,
    pub created_at: String,
    /// `iOS 17.4.1`.
    pub device: String,
    pub wechat_version: Option<String>,
    pub simulated: bool,
    pub ok: u32,
    pub cancel: u32,
    pub fail: u32,
    pub not_run: u32,
}

impl QaReport {
    /// How many results have `status`.
    pub fn count(&self, status: QaStatus) -> u32 {
        self.results.iter().filter(|r| r.status == status).count() as u32
    }

    /// The result for an API id.
    pub fn result(&self, api: &str) -> Option<&QaResult> {
        self.results.iter().find(|r| r.api == api)
    }

    /// `iOS 17.4.1`.
    pub fn device_label(&self) -> String {
        os_label(self.device.os, self.device.os_version.as_deref())
    }

    /// The list line for this report once stored as `id` at `created_at`.
    pub fn summary(&self, id: i64, created_at: &str) -> ReportSummary {
        ReportSummary {
            id,
            created_at: created_at.to_owned(),
            device: self.device_label(),
            wechat_version: self.device.wechat_version.clone(),
            simulated: self.device.simulated,
            ok: self.count(QaStatus::Ok),
            cancel: self.count(QaStatus::Cancel),
            fail: self.count(QaStatus::Fail),
            not_run: self.count(QaStatus::NotRun),
        }
    }
}

/// Why a report was refused; the message names the field to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("the report is {0} bytes; at most {MAX_REPORT_BYTES} are accepted")]
    TooLarge(usize),
    #[error("the report is not valid JSON: {0}")]
    NotJson(String),
    #[error("the report does not have the expected shape: {0}")]
    Shape(String),
    #[error("results[{index}].status {value:?} is not one of not_run, ok, cancel, fail")]
    BadStatus { index: usize, value: String },
    #[error("results[{index}].api {api:?} is not an API of the catalog")]
    UnknownApi { index: usize, api: String },
    #[error("results[{index}].api {api:?} appears more than once")]
    Duplicate { index: usize, api: String },
    #[error("results has {0} entries; the catalog has {max}", max = catalog::APIS.len())]
    TooManyResults(usize),
    #[error("results is empty: a report needs at least one interface")]
    NoResults,
    #[error("{field} is {len} bytes long; at most {max} are accepted")]
    TooLong {
        field: String,
        len: usize,
        max: usize,
    },
    #[error("device.js_api_support names {0:?}, which is not a function of the catalog")]
    UnknownFunction(String),
}

/// Parses and checks a report body as it arrives.
pub fn parse_report(body: &[u8]) -> Result<QaReport, ReportError> {
    if body.len() > MAX_REPORT_BYTES {
        return Err(ReportError::TooLarge(body.len()));
    }
    let value: Value =
        serde_json::from_slice(body).map_err(|e| ReportError::NotJson(e.to_string()))?;
    // Statuses first, so a wrong one is named with its index rather than by serde.
    if let Some(results) = value.get("results").and_then(Value::as_array) {
        for (index, result) in results.iter().enumerate() {
            match result.get("status") {
                Some(Value::String(s)) if QaStatus::from_name(s).is_some() => {}
                Some(other) => {
                    return Err(ReportError::BadStatus {
                        index,
                        value: other
                            .as_str()
                            .map_or_else(|| other.to_string(), str::to_owned),
                    })
                }
                None => {
                    return Err(ReportError::Shape(format!(
                        "results[{index}] has no status"
                    )))
                }
            }
        }
    }
    let report: QaReport =
        serde_json::from_value(value).map_err(|e| ReportError::Shape(e.to_string()))?;
    validate(&report)?;
    Ok(report)
}

fn bounded(field: impl Into<String>, text: &str, max: usize) -> Result<(), ReportError> {
    if text.len() > max {
        return Err(ReportError::TooLong {
            field: field.into(),
            len: text.len(),
            max,
        });
    }
    Ok(())
}

/// Checks a parsed report: known APIs once each, bounded lengths.
pub fn validate(report: &QaReport) -> Result<(), ReportError> {
    let device = &report.device;
    bounded("device.user_agent", &device.user_agent, MAX_USER_AGENT)?;
    let short = [
        ("device.wechat_version", device.wechat_version.as_deref()),
        ("device.os_version", device.os_version.as_deref()),
        ("device.screen", Some(device.screen.as_str())),
        ("device.network_type", Some(device.network_type.as_str())),
    ];
    for (field, value) in short {
        bounded(field, value.unwrap_or_default(), MAX_SHORT)?;
    }
    let functions = catalog::all_functions();
    for name in device.js_api_support.keys() {
        if !functions.contains(&name.as_str()) {
            return Err(ReportError::UnknownFunction(name.clone()));
        }
    }
    bounded("note", &report.note, MAX_NOTE)?;
    if report.results.is_empty() {
        return Err(ReportError::NoResults);
    }
    if report.results.len() > catalog::APIS.len() {
        return Err(ReportError::TooManyResults(report.results.len()));
    }
    for (index, result) in report.results.iter().enumerate() {
        if catalog::api(&result.api).is_none() {
            return Err(ReportError::UnknownApi {
                index,
                api: result.api.clone(),
            });
        }
        if report.results[..index].iter().any(|r| r.api == result.api) {
            return Err(ReportError::Duplicate {
                index,
                api: result.api.clone(),
            });
        }
        bounded(
            format!("results[{index}].err_msg"),
            &result.err_msg,
            MAX_ERR_MSG,
        )?;
        bounded(format!("results[{index}].at"), &result.at, MAX_SHORT)?;
        let data_len = serde_json::to_string(&result.data).map_or(0, |s| s.len());
        if data_len > MAX_DATA_BYTES {
            return Err(ReportError::TooLong {
                field: format!("results[{index}].data"),
                len: data_len,
                max: MAX_DATA_BYTES,
            });
        }
    }
    Ok(())
}

/// Returned data small enough to keep: as is when it fits in [`MAX_DATA_BYTES`], else a
/// note and the start of its JSON text (e.g. getLocalImgData's base64 image).
pub fn bounded_data(data: &Value) -> Value {
    let text = serde_json::to_string(data).unwrap_or_default();
    if text.len() <= MAX_DATA_BYTES {
        return data.clone();
    }
    let mut end = 1024;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    serde_json::json!({ "truncated": true, "bytes": text.len(), "start": &text[..end] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(results: Value) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "device": {"user_agent": "UA", "wechat_version": "8.0.50", "os": "Linux", "os_version": null,
                       "screen": "390×844", "network_type": "wifi", "js_api_support": {"chooseImage": true},
                       "simulated": true},
            "results": results,
        }))
        .unwrap()
    }

    #[test]
    fn a_valid_report_parses() {
        let report = parse_report(&body(json!([
            {"api": "checkJsApi", "status": "ok", "err_msg": "checkJsApi:ok", "data": {}, "duration_ms": 12, "at": "10:00:00"},
            {"api": "closeWindow", "status": "not_run", "duration_ms": null},
        ])))
        .unwrap();
        assert_eq!(report.results.len(), 2);
        assert_eq!(report.count(QaStatus::NotRun), 1);
        assert_eq!(report.summary(3, "t").ok, 1);
    }

    #[test]
    fn a_bad_status_is_named_with_its_index() {
        let err = parse_report(&body(
            json!([{"api": "checkJsApi", "status": "bogus", "duration_ms": null}]),
        ))
        .unwrap_err();
        assert_eq!(
            err,
            ReportError::BadStatus {
                index: 0,
                value: "bogus".into()
            }
        );
        assert!(err.to_string().contains("results[0].status"));
    }

    #[test]
    fn unknown_and_duplicate_apis_are_refused() {
        let err = parse_report(&body(
            json!([{"api": "wx.hack", "status": "ok", "duration_ms": null}]),
        ))
        .unwrap_err();
        assert!(err.to_string().contains("\"wx.hack\""), "{err}");
        let err = parse_report(&body(json!([
            {"api": "checkJsApi", "status": "ok", "duration_ms": null},
            {"api": "checkJsApi", "status": "fail", "duration_ms": null},
        ])))
        .unwrap_err();
        assert_eq!(
            err,
            ReportError::Duplicate {
                index: 1,
                api: "checkJsApi".into()
            }
        );
    }

    #[test]
    fn oversized_malformed_and_empty_reports_are_refused() {
        let big = vec![b' '; MAX_REPORT_BYTES + 1];
        assert_eq!(
            parse_report(&big).unwrap_err(),
            ReportError::TooLarge(MAX_REPORT_BYTES + 1)
        );
        assert!(matches!(
            parse_report(b"{not json").unwrap_err(),
            ReportError::NotJson(_)
        ));
        assert_eq!(
            parse_report(&body(json!([]))).unwrap_err(),
            ReportError::NoResults
        );
        assert!(matches!(
            parse_report(b"{\"results\": []}").unwrap_err(),
            ReportError::Shape(_)
        ));
    }

    #[test]
    fn long_fields_are_named() {
        let long = "x".repeat(MAX_ERR_MSG + 1);
        let err = parse_report(&body(
            json!([{"api": "checkJsApi", "status": "fail", "err_msg": long, "duration_ms": null}]),
        ))
        .unwrap_err();
        assert!(
            err.to_string().starts_with("results[0].err_msg is"),
            "{err}"
        );
    }

    #[test]
    fn large_data_is_cut_to_fit() {
        let data = json!({"localData": "A".repeat(MAX_DATA_BYTES * 2)});
        let cut = bounded_data(&data);
        assert_eq!(cut["truncated"], true);
        assert!(serde_json::to_string(&cut).unwrap().len() < MAX_DATA_BYTES);
        let small = json!({"errMsg": "x:ok"});
        assert_eq!(bounded_data(&small), small);
    }
}
