//! Saved QA reports in SQLite (through `sqlx`): a file under `STATE_DIR` by default,
//! or wherever `DATABASE_URL` points. Migrations are embedded from `server/migrations/`
//! and run when the store opens.

use app::{
    api::{ApiError, ErrorKind},
    qa::{
        report::{QaReport, ReportSummary, SavedReport},
        repository::{BoxFuture, ReportRepository},
    },
};
use sqlx::{
    migrate::{Migration, MigrationSource, MigrationType, Migrator},
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions},
    Row, SqlitePool,
};
use std::{borrow::Cow, path::Path, str::FromStr};
use thiserror::Error;

/// File name of the default database under `STATE_DIR`.
pub const DEFAULT_FILE: &str = "qa-reports.sqlite";

/// The migrations, in order, compiled into the binary.
const MIGRATIONS: &[(i64, &str, &str)] = &[(
    1,
    "qa_reports",
    include_str!("../migrations/0001_qa_reports.sql"),
)];

/// What went wrong with the report store.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("DATABASE_URL {0:?} is not a sqlite: URL (e.g. sqlite://state/qa-reports.sqlite)")]
    BadUrl(String),
    #[error("cannot create the directory {path} for the report database: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the report database: {0}")]
    Open(sqlx::Error),
    #[error("cannot migrate the report database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("report database query failed: {0}")]
    Query(#[from] sqlx::Error),
    #[error("stored report #{id} cannot be read back: {source}")]
    Corrupt { id: i64, source: serde_json::Error },
    #[error("cannot serialise the report: {0}")]
    Serialise(serde_json::Error),
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "qa report store");
        ApiError::new(ErrorKind::Internal, error.to_string())
    }
}

#[derive(Debug)]
struct Embedded;

impl MigrationSource<'static> for Embedded {
    fn resolve(
        self,
    ) -> BoxFuture<'static, Result<Vec<Migration>, Box<dyn std::error::Error + Send + Sync>>> {
        Box::pin(async {
            Ok(MIGRATIONS
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*description),
                        MigrationType::Simple,
                        Cow::Borrowed(*sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// The report store: a pool over one SQLite database.
#[derive(Clone, Debug)]
pub struct ReportStore {
    pool: SqlitePool,
}

/// The database URL for `state_dir` when `DATABASE_URL` is not set.
pub fn default_url(state_dir: &Path) -> String {
    format!("sqlite://{}", state_dir.join(DEFAULT_FILE).display())
}

impl ReportStore {
    /// Opens (creating if needed) the database at `url` and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        if !url.starts_with("sqlite:") {
            return Err(StoreError::BadUrl(url.to_owned()));
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::BadUrl(url.to_owned()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal);
        let file = options.get_filename();
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            if file != Path::new(":memory:") {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(StoreError::Open)?;
        Migrator::new(Embedded).await?.run(&pool).await?;
        Ok(ReportStore { pool })
    }

    /// Stores a (validated) report.
    pub async fn insert(&self, report: &QaReport) -> Result<SavedReport, StoreError> {
        let json = serde_json::to_string(report).map_err(StoreError::Serialise)?;
        let s = report.summary(0, "");
        let row = sqlx::query(
            "INSERT INTO qa_reports (device, wechat_version, simulated, ok, cancel, fail, not_run, report) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, created_at",
        )
        .bind(&s.device)
        .bind(&s.wechat_version)
        .bind(s.simulated)
        .bind(s.ok)
        .bind(s.cancel)
        .bind(s.fail)
        .bind(s.not_run)
        .bind(json)
        .fetch_one(&self.pool)
        .await?;
        Ok(SavedReport {
            id: row.try_get("id")?,
            created_at: row.try_get("created_at")?,
            report: report.clone(),
        })
    }

    /// Every report, newest first, as list lines.
    pub async fn summaries(&self) -> Result<Vec<ReportSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, created_at, device, wechat_version, simulated, ok, cancel, fail, not_run \
             FROM qa_reports ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ReportSummary {
                    id: row.try_get("id")?,
                    created_at: row.try_get("created_at")?,
                    device: row.try_get("device")?,
                    wechat_version: row.try_get("wechat_version")?,
                    simulated: row.try_get("simulated")?,
                    ok: row.try_get("ok")?,
                    cancel: row.try_get("cancel")?,
                    fail: row.try_get("fail")?,
                    not_run: row.try_get("not_run")?,
                })
            })
            .collect()
    }

    /// One report.
    pub async fn find(&self, id: i64) -> Result<Option<SavedReport>, StoreError> {
        let Some(row) = sqlx::query("SELECT id, created_at, report FROM qa_reports WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let text: String = row.try_get("report")?;
        let report =
            serde_json::from_str(&text).map_err(|source| StoreError::Corrupt { id, source })?;
        Ok(Some(SavedReport {
            id: row.try_get("id")?,
            created_at: row.try_get("created_at")?,
            report,
        }))
    }

    /// How many reports are stored.
    pub async fn count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM qa_reports")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Closes the pool (waits for connections to finish).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl ReportRepository for ReportStore {
    fn save(&self, report: QaReport) -> BoxFuture<'_, Result<SavedReport, ApiError>> {
        Box::pin(async move { Ok(self.insert(&report).await?) })
    }

    fn list(&self) -> BoxFuture<'_, Result<Vec<ReportSummary>, ApiError>> {
        Box::pin(async move { Ok(self.summaries().await?) })
    }

    fn get(&self, id: i64) -> BoxFuture<'_, Result<Option<SavedReport>, ApiError>> {
        Box::pin(async move { Ok(self.find(id).await?) })
    }
}
