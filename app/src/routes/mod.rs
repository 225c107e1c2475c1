//! One module per page, found by its URL.

pub mod call_editor;
pub mod category;
pub mod classic;
pub mod control;
pub mod doctor;
pub mod home;
pub mod live;
pub mod not_found;
pub mod qa;
pub mod qa_reports;
pub mod server_code;
pub mod setup;
