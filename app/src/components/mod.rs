//! Reusable view pieces.

pub mod auth_url_diff;
pub mod code_panel;
pub mod copy;
pub mod error_help;
pub mod layout;
pub mod pay_directory;
pub mod qr;
pub mod result_log;
