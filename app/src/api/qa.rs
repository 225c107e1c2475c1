//! Server functions of the QA report pages: the list, one report, a comparison.
//! Saving goes through the JSON endpoint `POST /api/qa/reports` (larger body limit).

use super::error::ApiError;
use crate::qa::{
    compare::CompareRow,
    report::{ReportSummary, SavedReport},
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Two saved runs and what changed between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub a: ReportSummary,
    pub b: ReportSummary,
    pub rows: Vec<CompareRow>,
}

#[cfg(feature = "ssr")]
fn repository() -> Result<std::sync::Arc<dyn crate::qa::repository::ReportRepository>, ApiError> {
    use_context::<crate::state::AppState>()
        .map(|state| state.qa_reports.clone())
        .ok_or_else(|| ApiError::new(super::ErrorKind::Internal, "server state is missing"))
}

/// Every saved report, newest first.
#[server(prefix = "/api", endpoint = "qa_reports")]
pub async fn list_reports() -> Result<Vec<ReportSummary>, ApiError> {
    repository()?.list().await
}

/// One saved report; `None` when there is no such id (the page answers 404).
#[server(prefix = "/api", endpoint = "qa_report")]
pub async fn get_report(id: i64) -> Result<Option<SavedReport>, ApiError> {
    repository()?.get(id).await
}

/// Report `a` against report `b`.
#[server(prefix = "/api", endpoint = "qa_compare")]
pub async fn compare_reports(a: i64, b: i64) -> Result<Comparison, ApiError> {
    let repo = repository()?;
    let fetch = |id: i64| {
        let repo = repo.clone();
        async move {
            repo.get(id)
                .await?
                .ok_or_else(|| ApiError::bad_input(format!("there is no QA report #{id}")))
        }
    };
    let result = async {
        let ra = fetch(a).await?;
        let rb = fetch(b).await?;
        Ok(Comparison {
            a: ra.report.summary(ra.id, &ra.created_at),
            b: rb.report.summary(rb.id, &rb.created_at),
            rows: crate::qa::compare::compare(&ra.report, &rb.report),
        })
    }
    .await;
    result
}
