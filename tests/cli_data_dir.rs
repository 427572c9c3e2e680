//! Where the data lives: the flag, the variable, and data directories that cannot work.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn routemap() -> Command {
    let mut command = Command::cargo_bin("routemap").unwrap();
    command
        .env_remove("ROUTEMAP_DATA_DIR")
        .env_remove("NO_COLOR");
    command
}

#[test]
fn a_data_dir_that_is_a_file_is_an_error_not_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let output = routemap()
        .args(["--data-dir", file.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "error: the data directory '{}' is a file, not a folder; pass --data-dir DIR or set ROUTEMAP_DATA_DIR to a folder\n",
            file.display()
        )
    );
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn an_empty_routemap_data_dir_means_the_default_not_a_missing_flag() {
    let home = tempfile::tempdir().unwrap();
    let output = routemap()
        .env("ROUTEMAP_DATA_DIR", "")
        .env("XDG_DATA_HOME", home.path())
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("--data-dir"), "{stderr}");
    assert!(
        format!("{stdout}{stderr}").contains(&home.path().join("routemap").display().to_string()),
        "{stdout}{stderr}"
    );
}

#[test]
fn the_variable_and_the_flag_both_choose_the_data_dir_and_the_flag_wins() {
    let by_variable = tempfile::tempdir().unwrap();
    let by_flag = tempfile::tempdir().unwrap();
    let text = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Flagtown\n";
    std::fs::write(by_flag.path().join("flagtown.yaml"), text).unwrap();
    std::fs::write(
        by_variable.path().join("vartown.yaml"),
        text.replace("Flagtown", "Vartown"),
    )
    .unwrap();
    let listed = |command: &mut Command| {
        String::from_utf8(command.arg("list").output().unwrap().stdout).unwrap()
    };
    let variable_only = listed(routemap().env("ROUTEMAP_DATA_DIR", by_variable.path()));
    assert!(variable_only.contains("Vartown"), "{variable_only}");
    let both = listed(
        routemap()
            .env("ROUTEMAP_DATA_DIR", by_variable.path())
            .args(["--data-dir", by_flag.path().to_str().unwrap()]),
    );
    assert!(
        both.contains("Flagtown") && !both.contains("Vartown"),
        "{both}"
    );
}
