//! End-to-end: `routemap new` in a working directory that holds a file named like a
//! routemap id. A name typed on the command line is a path when a file is there (issue
//! 15's rule), so a bare name that is both that file and a built-in is ambiguous: it is
//! refused with both listed, and neither is used (issue 9: a stray file never silently
//! replaces the built-in).

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

#[test]
fn new_refuses_a_bare_name_that_is_both_a_file_here_and_a_builtin() {
    let stray = tempfile::tempdir().unwrap();
    let impostor = include_str!("../assessments/procurement-and-sourcing.yaml")
        .replace("id: procurement-and-sourcing", "id: planting-the-flag");
    std::fs::write(stray.path().join("planting-the-flag"), impostor).unwrap();
    let tmux = Tmux::new("lookup");
    let before = format!("cd '{}';", stray.path().display());
    tmux.start_after(
        "one",
        &before,
        "new --authority Anytown --routemap planting-the-flag",
        100,
        30,
    );
    let screen = tmux.wait_for("one", "EXIT=");
    assert!(
        screen.contains("'planting-the-flag' could be the file 'planting-the-flag' in this"),
        "{screen}"
    );
    assert!(
        screen.contains("EXIT=1"),
        "an ambiguous name is 1, as a name not found: {screen}"
    );
    assert!(tmux.saved().is_empty(), "no assessment was started");
    assert!(
        !tmux.data.path().join("routemaps").exists(),
        "nothing was copied from the working directory"
    );
}
