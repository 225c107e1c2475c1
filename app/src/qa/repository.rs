//! The door from server functions to wherever reports are stored (the server's SQLite
//! store implements it). Server only.

use super::report::{QaReport, ReportSummary, SavedReport};
use crate::api::ApiError;
use std::{future::Future, pin::Pin};

/// A boxed future, as a trait object needs.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Saved QA reports.
pub trait ReportRepository: Send + Sync {
    /// Stores a checked report; returns its id and time.
    fn save(&self, report: QaReport) -> BoxFuture<'_, Result<SavedReport, ApiError>>;
    /// Every report, newest first.
    fn list(&self) -> BoxFuture<'_, Result<Vec<ReportSummary>, ApiError>>;
    /// One report, `None` if there is no such id.
    fn get(&self, id: i64) -> BoxFuture<'_, Result<Option<SavedReport>, ApiError>>;
}
