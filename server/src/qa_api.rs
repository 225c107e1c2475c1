//! The QA report endpoints: save a run (validated, size-capped), list runs, export one
//! as JSON or Markdown.

use crate::http_error::HttpError;
use app::{
    api::ApiError,
    qa::{
        markdown::to_markdown,
        report::{parse_report, ReportError, MAX_REPORT_BYTES},
    },
    state::AppState,
};
use axum::{
    body::Body,
    extract::{Path, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};

/// The refusal of a report: 413 when too large, else 400, with the reason.
fn refused(error: ReportError) -> Response {
    let status = match error {
        ReportError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::BAD_REQUEST,
    };
    let body = ApiError::bad_input(error.to_string()).with_hint(
        "send the JSON the /qa page builds: {device: {...}, results: [{api, status, ...}]}",
    );
    (status, Json(body)).into_response()
}

/// `POST /api/qa/reports`: stores a run; 201 with `{id, created_at, url}`.
pub async fn save(State(state): State<AppState>, body: Body) -> Response {
    let bytes = match axum::body::to_bytes(body, MAX_REPORT_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return refused(ReportError::TooLarge(MAX_REPORT_BYTES + 1)),
    };
    let report = match parse_report(&bytes) {
        Ok(report) => report,
        Err(error) => return refused(error),
    };
    match state.qa_reports.save(report).await {
        Ok(saved) => (
            StatusCode::CREATED,
            Json(serde_json::json!({
                "id": saved.id,
                "created_at": saved.created_at,
                "url": format!("/qa/reports/{}", saved.id),
            })),
        )
            .into_response(),
        Err(error) => HttpError(error).into_response(),
    }
}

/// `GET /api/qa/reports`: every run, newest first.
pub async fn list(State(state): State<AppState>) -> Response {
    match state.qa_reports.list().await {
        Ok(list) => Json(list).into_response(),
        Err(error) => HttpError(error).into_response(),
    }
}

/// `GET /api/qa/reports/{id}.json` or `{id}.md`: one run, exported.
pub async fn export(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((id, format)) = file.rsplit_once('.') else {
        return HttpError::bad_request(format!("{file:?}: ask for <id>.json or <id>.md"))
            .into_response();
    };
    let Ok(id) = id.parse::<i64>() else {
        return HttpError::bad_request(format!("{id:?} is not a report id (a number)"))
            .into_response();
    };
    if format != "json" && format != "md" {
        return HttpError::bad_request(format!("format {format:?}: use .json or .md"))
            .into_response();
    }
    let saved = match state.qa_reports.get(id).await {
        Ok(Some(saved)) => saved,
        Ok(None) => {
            let error = ApiError::bad_input(format!("there is no QA report #{id}"));
            return (StatusCode::NOT_FOUND, Json(error)).into_response();
        }
        Err(error) => return HttpError(error).into_response(),
    };
    let name = format!("qa-report-{id}.{format}");
    let disposition = format!("inline; filename=\"{name}\"");
    if format == "json" {
        // A run in the simulator says so, with the profile it ran with: nobody should take
        // a simulated pass for a phone's.
        let profile = saved
            .report
            .device
            .simulated
            .then(|| app::catalog::profiles::recorded_profile(&saved.report.device.user_agent))
            .flatten();
        let mut json = serde_json::to_value(&saved).unwrap_or_default();
        if let Some(object) = json.as_object_mut() {
            object.insert(
                "simulator_profile".to_owned(),
                serde_json::to_value(profile).unwrap_or_default(),
            );
        }
        ([(header::CONTENT_DISPOSITION, disposition)], Json(json)).into_response()
    } else {
        (
            [
                (
                    header::CONTENT_TYPE,
                    "text/markdown; charset=utf-8".to_owned(),
                ),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            to_markdown(&saved),
        )
            .into_response()
    }
}
