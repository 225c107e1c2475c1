//! Two runs side by side: what changed from the first (`a`) to the second (`b`).

use super::report::{QaReport, QaStatus};
use crate::catalog;
use serde::{Deserialize, Serialize};

/// How one interface changed between two runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    /// Was not failing (or not run), fails now.
    NewlyFailing,
    /// Failed before, is ok now.
    Fixed,
    /// Any other status change (ok → cancel, not run → ok, …).
    StatusChanged,
    /// Same status, different errMsg.
    MessageChanged,
}

/// One row of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRow {
    pub api: String,
    pub a: QaStatus,
    pub b: QaStatus,
    pub a_err_msg: String,
    pub b_err_msg: String,
    pub change: Change,
}

/// Every catalog API present in either run, in catalog order (a missing result counts
/// as not run).
pub fn compare(a: &QaReport, b: &QaReport) -> Vec<CompareRow> {
    catalog::APIS
        .iter()
        .filter(|api| a.result(api.id).is_some() || b.result(api.id).is_some())
        .map(|api| {
            let ra = a.result(api.id);
            let rb = b.result(api.id);
            let sa = ra.map_or(QaStatus::NotRun, |r| r.status);
            let sb = rb.map_or(QaStatus::NotRun, |r| r.status);
            let ea = ra.map(|r| r.err_msg.clone()).unwrap_or_default();
            let eb = rb.map(|r| r.err_msg.clone()).unwrap_or_default();
            let change = if sa == sb {
                if ea == eb {
                    Change::Same
                } else {
                    Change::MessageChanged
                }
            } else if sb == QaStatus::Fail {
                Change::NewlyFailing
            } else if sa == QaStatus::Fail && sb == QaStatus::Ok {
                Change::Fixed
            } else {
                Change::StatusChanged
            };
            CompareRow {
                api: api.id.to_owned(),
                a: sa,
                b: sb,
                a_err_msg: ea,
                b_err_msg: eb,
                change,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::report::QaResult;
    use serde_json::Value;

    fn run(results: &[(&str, QaStatus, &str)]) -> QaReport {
        QaReport {
            results: results
                .iter()
                .map(|(api, status, err_msg)| QaResult {
                    api: (*api).into(),
                    status: *status,
                    err_msg: (*err_msg).into(),
                    data: Value::Null,
                    duration_ms: None,
                    at: String::new(),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn changes_are_classified() {
        use QaStatus::*;
        let a = run(&[
            ("checkJsApi", Ok, "checkJsApi:ok"),
            ("getLocation", Ok, "getLocation:ok"),
            ("chooseImage", Fail, "chooseImage:fail"),
            ("getNetworkType", Ok, "getNetworkType:ok"),
            ("openAddress", Fail, "openAddress:fail a"),
        ]);
        let b = run(&[
            ("checkJsApi", Ok, "checkJsApi:ok"),
            ("getLocation", Fail, "getLocation:fail"),
            ("chooseImage", Ok, "chooseImage:ok"),
            ("getNetworkType", Cancel, "getNetworkType:cancel"),
            ("openAddress", Fail, "openAddress:fail b"),
            ("scanQRCode0", Ok, "scanQRCode:ok"),
        ]);
        let rows = compare(&a, &b);
        let change = |id: &str| rows.iter().find(|r| r.api == id).unwrap().change;
        assert_eq!(change("checkJsApi"), Change::Same);
        assert_eq!(change("getLocation"), Change::NewlyFailing);
        assert_eq!(change("chooseImage"), Change::Fixed);
        assert_eq!(change("getNetworkType"), Change::StatusChanged);
        assert_eq!(change("openAddress"), Change::MessageChanged);
        assert_eq!(change("scanQRCode0"), Change::StatusChanged);
        assert_eq!(
            rows.iter().find(|r| r.api == "scanQRCode0").unwrap().a,
            NotRun
        );
        assert_eq!(rows.len(), 6);
        // Catalog order.
        assert_eq!(rows[0].api, "checkJsApi");
    }
}
