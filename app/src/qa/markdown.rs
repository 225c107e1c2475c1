//! A report as Markdown, ready to paste into a bug tracker.

use super::report::SavedReport;
use crate::catalog;
use std::fmt::Write;

/// Escapes a table cell: `|` and line breaks would break the row.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// The report as a heading, its device facts and one table row per interface.
pub fn to_markdown(saved: &SavedReport) -> String {
    let report = &saved.report;
    let device = &report.device;
    let mut out = String::new();
    let _ = writeln!(out, "## QA report #{} — {}", saved.id, saved.created_at);
    let _ = writeln!(out);
    let _ = writeln!(out, "- Device: {}", cell(&report.device_label()));
    let _ = writeln!(
        out,
        "- WeChat: {}{}",
        cell(device.wechat_version.as_deref().unwrap_or("—")),
        if device.simulated {
            " (simulated: the simulator's answers, not a phone's)"
        } else {
            ""
        }
    );
    if let Some(profile) = device
        .simulated
        .then(|| catalog::profiles::recorded_profile(&device.user_agent))
        .flatten()
    {
        let _ = writeln!(
            out,
            "- Simulator profile: {}",
            cell(&profile.describe(catalog::Lang::En))
        );
    }
    let _ = writeln!(out, "- Screen: {}", cell(&device.screen));
    let _ = writeln!(out, "- Network: {}", cell(&device.network_type));
    let _ = writeln!(
        out,
        "- User agent: `{}`",
        device.user_agent.replace('`', "'")
    );
    let unsupported: Vec<&str> = device
        .js_api_support
        .iter()
        .filter(|(_, ok)| !**ok)
        .map(|(name, _)| name.as_str())
        .collect();
    if !device.js_api_support.is_empty() {
        let _ = writeln!(
            out,
            "- checkJsApi: {} supported, {} not{}",
            device.js_api_support.len() - unsupported.len(),
            unsupported.len(),
            if unsupported.is_empty() {
                String::new()
            } else {
                format!(" ({})", unsupported.join(", "))
            }
        );
    }
    let s = report.summary(saved.id, &saved.created_at);
    let _ = writeln!(
        out,
        "- Totals: {} ok, {} cancel, {} fail, {} not run",
        s.ok, s.cancel, s.fail, s.not_run
    );
    if !report.note.is_empty() {
        let _ = writeln!(out, "- Note: {}", cell(&report.note));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "| API | status | errMsg | duration (ms) | time |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for result in &report.results {
        let name = catalog::api(&result.api).map_or(result.api.as_str(), |a| a.function);
        let api = if name == result.api {
            format!("`{}`", result.api)
        } else {
            format!("`{}` ({})", name, result.api)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            api,
            result.status.as_str(),
            cell(&result.err_msg),
            result
                .duration_ms
                .map(|d| d.to_string())
                .unwrap_or_default(),
            cell(&result.at)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::report::{DeviceFacts, QaReport, QaResult, QaStatus};
    use serde_json::Value;

    fn saved() -> SavedReport {
        let result = |api: &str, status, err_msg: &str, duration_ms| QaResult {
            api: api.into(),
            status,
            err_msg: err_msg.into(),
            data: Value::Null,
            duration_ms,
            at: "10:00:01".into(),
        };
        SavedReport {
            id: 7,
            created_at: "2026-12-01T10:00:00Z".into(),
            report: QaReport {
                device: DeviceFacts {
                    user_agent: "Mozilla `x` MicroMessenger/8.0.50".into(),
                    wechat_version: Some("8.0.50".into()),
                    os: wechat::user_agent::Os::Ios,
                    os_version: Some("17.4".into()),
                    screen: "390×844 @3x".into(),
                    network_type: "wifi".into(),
                    js_api_support: [
                        ("chooseImage".to_owned(), true),
                        ("openAddress".to_owned(), false),
                    ]
                    .into(),
                    simulated: false,
                },
                results: vec![
                    result("checkJsApi", QaStatus::Ok, "checkJsApi:ok", Some(12)),
                    result(
                        "scanQRCode0",
                        QaStatus::Fail,
                        "scanQRCode:fail|bad\nline",
                        Some(3),
                    ),
                    result("closeWindow", QaStatus::NotRun, "", None),
                ],
                note: String::new(),
            },
        }
    }

    #[test]
    fn a_row_per_result_with_escaped_cells() {
        let md = to_markdown(&saved());
        assert!(md.starts_with("## QA report #7 — 2026-12-01T10:00:00Z\n"));
        assert!(md.contains("- Device: iOS 17.4\n"));
        assert!(md.contains("- WeChat: 8.0.50\n"));
        assert!(md.contains("- checkJsApi: 1 supported, 1 not (openAddress)\n"));
        assert!(md.contains("- Totals: 1 ok, 0 cancel, 1 fail, 1 not run\n"));
        assert!(md.contains("| `checkJsApi` | ok | checkJsApi:ok | 12 | 10:00:01 |\n"));
        assert!(md.contains(
            "| `scanQRCode` (scanQRCode0) | fail | scanQRCode:fail\\|bad line | 3 | 10:00:01 |\n"
        ));
        assert!(md.contains("| `closeWindow` | not_run |  |  | 10:00:01 |\n"));
        let rows = md.lines().filter(|l| l.starts_with("| `")).count();
        assert_eq!(rows, 3);
        assert!(md.contains("User agent: `Mozilla 'x' MicroMessenger/8.0.50`"));
        assert!(!md.contains("Simulator profile"));
    }

    #[test]
    fn a_simulated_run_says_so_with_its_profile() {
        let mut saved = saved();
        saved.report.device.simulated = true;
        saved.report.device.user_agent =
            "Mozilla/5.0 (Linux; Android 13) MicroMessenger/6.1 WeChatPlaygroundSimulator/android/test_unfollowed"
                .into();
        let md = to_markdown(&saved);
        assert!(
            md.contains("- WeChat: 8.0.50 (simulated: the simulator's answers, not a phone's)\n")
        );
        assert!(md
            .contains("- Simulator profile: Android · WeChat 6.1 · test account (not followed)\n"));
    }
}
