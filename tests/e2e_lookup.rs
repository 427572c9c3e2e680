//! End-to-end: `routemap new` in a working directory that holds a file named like a
//! routemap id. The id is looked up in the data directory and the built-ins only.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

#[test]
fn new_ignores_a_file_named_like_a_routemap_in_the_working_directory() {
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
    let screen = tmux.wait_for("one", "0/12 answered");
    assert!(screen.contains("Leadership"), "{screen}");
    tmux.keys("one", &["q"]);
    tmux.wait_for("one", "EXIT=0");
    assert!(
        !tmux.data.path().join("routemaps").exists(),
        "nothing was copied from the working directory"
    );
}
