//! End-to-end: a routemap numbered from 0 with a checklist per level (issue 14), in the
//! real binary in tmux: ticking criteria, quitting, reopening, and taking a tick back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, read};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/routemaps/good/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn ticking_criteria_is_saved_and_shown_again_on_reopening() {
    let tmux = Tmux::new("ticking");
    let args = format!(
        "new --authority Anytown --routemap {}",
        fixture("levels-0-3.yaml")
    );
    tmux.start("one", &args, 100, 30);
    tmux.wait_for("one", "0/4 answered");
    tmux.begin("one");
    // Level 3 chosen, then two of level 1's criteria ticked: they suggest level 1 and
    // do not support level 3.
    tmux.keys("one", &["3"]);
    tmux.wait_for("one", "1/4 answered");
    tmux.keys("one", &["m"]);
    tmux.wait_for("one", "Ticking criteria");
    tmux.keys("one", &["Space", "j", "Space"]);
    let screen = tmux.wait_for("one", "the ticks suggest 1 Emerging");
    assert!(
        screen.contains("they do not support the stage chosen"),
        "{screen}"
    );
    tmux.keys("one", &["Escape", "q"]);
    tmux.wait_for("one", "EXIT=0");
    let files = tmux.saved();
    assert_eq!(files.len(), 1);
    let text = read(&files[0]);
    assert!(
        text.contains("  inventory:\n    current: embedded\n")
            && text.contains("    met:\n      - some-lists\n      - systems-known\n"),
        "{text}"
    );

    // Reopened: the ticks and what they suggest are shown again; `u` takes one back.
    tmux.start("two", "", 100, 30);
    let screen = tmux.wait_for("two", "Checklist: 2 of 6 met");
    assert!(
        screen.contains("[x] At least three services keep a list"),
        "{screen}"
    );
    assert!(
        screen.contains("⚠ The ticks do not support 3 Embedded"),
        "{screen}"
    );
    tmux.keys("two", &["m", "Space"]);
    tmux.wait_for("two", "Checklist: 1 of 6 met");
    tmux.keys("two", &["u"]);
    tmux.wait_for("two", "Undone: the ticked criteria of Data inventory");
    tmux.wait_for("two", "Checklist: 2 of 6 met");
    tmux.keys("two", &["Escape", "q"]);
    tmux.wait_for("two", "EXIT=0");
    let text = read(&files[0]);
    assert!(
        text.contains("    met:\n      - some-lists\n      - systems-known\n"),
        "the undo was saved:\n{text}"
    );
}
