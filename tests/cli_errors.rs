//! Errors, exit statuses and output that cannot be written, as a stranger tried them:
//! each says what is wrong in words that fit, with the status the help promises.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;
use std::path::Path;

const SAVED: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2.0\" }
authority: Anytown
answers:
  leadership: { current: flag-planted }
";

fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(data).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    data
}

#[cfg(unix)]
#[test]
fn what_is_not_a_saved_file_is_called_what_it_is() {
    let data = setup();
    let (code, _, stderr) = run(data.path(), &["report", "/dev/zero"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: cannot read '/dev/zero': it is a device or other special file, not a regular file; check the path and that you may read it\n"
    );
    let folder = data.path().join("misc");
    fs::create_dir(&folder).unwrap();
    let output = routemap(data.path())
        .current_dir(data.path())
        .args(["report", "misc"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: 'misc' is a folder, not a saved assessment; give a saved file in it, or a name 'routemap list' shows\n"
    );
}

#[test]
fn output_files_are_refused_with_the_reason_and_status_1() {
    let data = setup();
    let out = data.path().join("out");
    fs::create_dir(&out).unwrap();
    let (code, _, stderr) = run(
        data.path(),
        &["report", "anytown", "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("is a folder; give the file to write, e.g. '"),
        "{stderr}"
    );
    let nowhere = data.path().join("nodir/x.md");
    let (code, _, stderr) = run(
        data.path(),
        &["report", "anytown", "-o", nowhere.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("/nodir' does not exist; create it first"),
        "{stderr}"
    );
    assert!(!data.path().join("nodir").exists(), "no folder is made");
    if Path::new("/proc/version").exists() {
        let (code, _, stderr) = run(
            data.path(),
            &["report", "anytown", "-o", "/proc/version", "--force"],
        );
        assert_eq!(code, 1);
        assert!(
            stderr.starts_with("error: no file can be made in the folder '/proc' ("),
            "{stderr}"
        );
    }
    #[cfg(unix)]
    {
        let (code, _, stderr) = run(data.path(), &["report", "anytown", "-o", "/dev/null"]);
        assert_eq!(code, 1);
        assert!(
            stderr.contains(
                "'/dev/null' cannot be written: it is a device or other special file, not a regular file; leave out -o"
            ),
            "{stderr}"
        );
    }
}

#[test]
fn man_pages_name_the_program_list_the_environment_and_refuse_a_file_for_a_folder() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("man");
    let (code, _, stderr) = run(data.path(), &["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let page = fs::read_to_string(dir.join("routemap-report.1")).unwrap();
    let title = page.lines().find(|l| l.starts_with(".TH")).unwrap();
    assert!(title.contains("\"routemap 0.1.0\""), "{title}");
    assert!(!page.contains("report 0.1.0"), "{page}");
    let (_, main, _) = run(data.path(), &["man"]);
    assert!(main.contains(".SH ENVIRONMENT"), "{main}");
    for name in [
        "ROUTEMAP_DATA_DIR",
        "XDG_DATA_HOME",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "TERM",
    ] {
        assert!(main.contains(&format!("\\fB{name}\\fR")), "{name}");
    }
    let file = data.path().join("r.md");
    fs::write(&file, "x").unwrap();
    let (code, _, stderr) = run(data.path(), &["man", "--dir", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("is a file, not a folder; give the folder to write the man pages into"),
        "{stderr}"
    );
}

#[test]
fn help_on_help_is_help() {
    let data = tempfile::tempdir().unwrap();
    for flag in ["--help", "-h"] {
        let (code, text, stderr) = run(data.path(), &["help", flag]);
        assert_eq!(code, 0, "{stderr}");
        assert!(text.contains("Usage: routemap help [COMMAND]"), "{text}");
    }
}

#[test]
fn an_unusable_routemap_fails_routemaps_after_the_rest_are_listed() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir(data.path().join("routemaps")).unwrap();
    fs::write(data.path().join("routemaps/bad.yaml"), "id: [\n").unwrap();
    let (code, text, stderr) = run(data.path(), &["routemaps"]);
    assert_eq!(code, 1, "as list does with an unreadable save");
    assert!(text.contains("planting-the-flag"), "{text}");
    assert!(stderr.starts_with("warning: "), "{stderr}");
}

#[test]
fn endless_standard_input_is_refused_not_held() {
    let data = tempfile::tempdir().unwrap();
    let endless = "a: b\n".repeat(7 * 1024 * 1024);
    for command in [&["report", "-"][..], &["check", "-"]] {
        let output = routemap(data.path())
            .args(command)
            .write_stdin(endless.as_bytes())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("<stdin>: the input is larger than the ") && stderr.contains(" MiB a "),
            "{command:?}: {stderr}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error_but_a_closed_pipe_is_not() {
    use std::process::{Command, Stdio};
    let data = setup();
    let binary = assert_cmd::cargo::cargo_bin("routemap");
    for args in [
        &["report", "anytown"][..],
        &["list"],
        &["routemaps"],
        &["radar", "anytown"],
        &["--help"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = Command::new(&binary)
            .env("ROUTEMAP_DATA_DIR", data.path())
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: cannot write the output: the disk is full\n",
            "{args:?}"
        );
    }
    // A reader that stops early (`| head -1`) is not an error.
    let mut child = Command::new(&binary)
        .env("ROUTEMAP_DATA_DIR", data.path())
        .args(["report", "anytown"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
}

#[test]
fn min_group_says_what_it_takes_for_a_negative_zero_or_word() {
    let data = setup();
    for value in ["-3", "0", "x", "2.5"] {
        let (code, stdout, stderr) = run(
            data.path(),
            &[
                "summary",
                data.path().to_str().unwrap(),
                "--min-group",
                value,
            ],
        );
        assert_eq!(code, 2, "a usage error for '{value}': {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains("--min-group takes a whole number of authorities, 1 or more"),
            "'{value}': {stderr}"
        );
        assert!(
            !stderr.contains("-- -3"),
            "no tip to pass it after '--': {stderr}"
        );
    }
}
