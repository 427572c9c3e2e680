//! What the command-line tests share.

pub mod schema;

use assert_cmd::Command;
use std::path::Path;

/// The real binary with its own data directory, colour and width settings left to the
/// test (none inherited from the shell that runs the tests).
pub fn routemap(data_dir: &Path) -> Command {
    let mut command = Command::cargo_bin("routemap")
        .unwrap_or_else(|error| panic!("the binary is built: {error}"));
    command
        .env("ROUTEMAP_DATA_DIR", data_dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    command
}
