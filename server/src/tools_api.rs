//! Public signature tools, like WeChat's own signature sandbox: they compute from the
//! caller's inputs and touch no credential of this server.

use crate::http_error::{HttpError, JsonBody};
use axum::Json;
use wechat::signature::tools::{
    sign_jsapi_string1, sign_sorted_values, JsapiString1Request, JsapiString1Signature,
    SortedValuesRequest, SortedValuesSignature,
};

/// Longest value accepted by the tools.
const MAX_VALUE: usize = 4096;

/// `POST /api/tools/jsapi-signature`: string1 and its SHA-1.
pub async fn jsapi_signature(
    JsonBody(request): JsonBody<JsapiString1Request>,
) -> Result<Json<JsapiString1Signature>, HttpError> {
    for (name, value) in [
        ("jsapi_ticket", &request.jsapi_ticket),
        ("noncestr", &request.noncestr),
        ("url", &request.url),
    ] {
        if value.len() > MAX_VALUE {
            return Err(HttpError::bad_request(format!(
                "{name} is {} bytes long; at most {MAX_VALUE} are accepted",
                value.len()
            )));
        }
    }
    Ok(Json(sign_jsapi_string1(&request)))
}

/// `POST /api/tools/card-signature`: the values sorted, joined, and their SHA-1.
pub async fn card_signature(
    JsonBody(request): JsonBody<SortedValuesRequest>,
) -> Result<Json<SortedValuesSignature>, HttpError> {
    if let Some((index, long)) = request
        .values
        .iter()
        .enumerate()
        .find(|(_, v)| v.len() > MAX_VALUE)
    {
        return Err(HttpError::bad_request(format!(
            "values[{index}] is {} bytes long; at most {MAX_VALUE} are accepted",
            long.len()
        )));
    }
    sign_sorted_values(&request)
        .map(Json)
        .map_err(|e| HttpError::bad_request(e.to_string()))
}
