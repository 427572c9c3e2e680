//! What the command-line tests share.

pub mod schema;

use assert_cmd::Command;
use std::path::Path;

/// The built-in Planting the Flag routemap's theme ids, in its order: tests that write
/// saved files of it by hand use these (a test checks them against the routemap). Not
/// every test crate writes such files, hence the allowance.
#[allow(dead_code)]
pub const PTF_THEMES: [&str; 12] = [
    "leadership",
    "governance",
    "organisational-change",
    "strategic-commissioning",
    "shared-services",
    "professionalism",
    "business-change",
    "digital-access",
    "infrastructure",
    "information-governance",
    "information-management",
    "central-government-policy",
];

/// Its stage ids, lowest first.
#[allow(dead_code)]
pub const PTF_STAGES: [&str; 5] = [
    "not-started",
    "flag-planted",
    "route-planned",
    "on-the-route",
    "destination-reached",
];

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
