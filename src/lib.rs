//! routemap: assess an organisation's maturity against a routemap, in the terminal.
//!
//! The library holds everything; the binary only parses arguments and maps errors to
//! exit codes.

// Nothing a user can influence may unwrap or panic; tests may (a failing unwrap there
// is a failing test).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod assessment;
pub mod builtin;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod diff;
pub mod error;
pub mod jsonout;
pub mod merge;
pub mod radar;
pub mod report;
pub mod richtext;
pub mod routemap;
pub mod sanitize;
pub mod store;
pub mod summary;
pub mod table;
pub mod term;
pub mod text;
pub mod textout;
pub mod tui;
pub mod workshop;
pub mod yaml;

pub use error::{Error, Result};
