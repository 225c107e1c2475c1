//! Reusable view pieces.

pub mod copy;
pub mod layout;
pub mod qr;
pub mod result_log;
