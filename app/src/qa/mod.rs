//! QA mode: run every interface on a device and keep the record.
//!
//! Pure parts shared by server and browser: the report's shape and its validation
//! (`report`; the user agent is read by `wechat::user_agent`), the order of "run all safe ones" (`order`), comparing two runs (`compare`) and the Markdown
//! export (`markdown`). The page is `routes::qa`, the store lives in the server.

pub mod compare;
pub mod markdown;
pub mod order;
pub mod report;
#[cfg(feature = "ssr")]
pub mod repository;
pub mod run;
