//! What the command-line tests share.

use assert_cmd::Command;
use std::path::Path;

/// The real binary with its own data directory, colour settings left to the test.
pub fn routemap(data_dir: &Path) -> Command {
    let mut command = Command::cargo_bin("routemap")
        .unwrap_or_else(|error| panic!("the binary is built: {error}"));
    command
        .env("ROUTEMAP_DATA_DIR", data_dir)
        .env_remove("NO_COLOR");
    command
}
