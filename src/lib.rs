//! routemap: assess an organisation's maturity against a routemap, in the terminal.
//!
//! The library holds everything; the binary only parses arguments and maps errors to
//! exit codes.

pub mod assessment;
pub mod builtin;
pub mod clock;
pub mod error;
pub mod routemap;
pub mod text;
pub mod yaml;

pub use error::{Error, Result};
