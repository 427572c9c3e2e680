//! End-to-end: a workshop as a facilitator runs it, with a second, read-only screen
//! following the first (`routemap workshop NAME --follow`).

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use std::time::{Duration, Instant};
use tmux::{Tmux, read};

/// A data dir with the three-theme routemap and an empty assessment of it.
fn room(tmux: &Tmux) -> std::path::PathBuf {
    let routemaps = tmux.data.path().join("routemaps");
    std::fs::create_dir_all(&routemaps).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/routemaps/good/three-themes.yaml"
        ),
        routemaps.join("three-themes.yaml"),
    )
    .unwrap();
    let file = tmux.data.path().join("room.yaml");
    std::fs::write(
        &file,
        "format: routemap-assessment/1\nroutemap: { id: three-themes, version: \"1.0\" }\nauthority: Cyngor Gwynedd\n",
    )
    .unwrap();
    file
}

#[test]
fn a_second_screen_follows_votes_rounds_a_note_and_a_blind_restart() {
    let tmux = Tmux::new("follow");
    let file = room(&tmux);
    tmux.start("drive", "workshop room", 120, 35);
    tmux.wait_for("drive", "WORKSHOP │ theme 1 of 3");
    tmux.start("projector", "workshop room --follow", 120, 35);
    let follower = tmux.wait_for("projector", "WORKSHOP │ theme 1 of 3");
    assert!(follower.contains("READ-ONLY"), "{follower}");

    // A vote on the facilitator's screen reaches the projector within a second: the
    // follower is woken by the save, not by a timer.
    tmux.keys("drive", &["2"]);
    tmux.wait_for("drive", "1 vote cast");
    let seen = Instant::now();
    tmux.wait_for("projector", "1 vote cast");
    assert!(
        seen.elapsed() < Duration::from_secs(1),
        "the projector took {:?}",
        seen.elapsed()
    );

    // Blind: the projector hides the tally as the facilitator's screen does.
    tmux.keys("drive", &["b", "1", "3"]);
    tmux.wait_for("drive", "3 votes cast · tally hidden: v reveals it");
    let projected = tmux.wait_for("projector", "3 votes cast · tally hidden");
    assert!(
        !projected.contains("v reveals it"),
        "a follower offers no keys:\n{projected}"
    );

    // A restart in blind mode: the tally is still hidden, and u takes back the vote
    // cast last (for High), not one from the highest stage, without naming it.
    tmux.keys("drive", &["q"]);
    tmux.wait_for("drive", "EXIT=0");
    tmux.tmux(&["kill-session", "-t", "drive"]);
    tmux.start("drive", "workshop room", 120, 35);
    let restarted = tmux.wait_for("drive", "tally hidden: v reveals it");
    assert!(!restarted.contains("Enter agrees it"), "{restarted}");
    tmux.keys("drive", &["u"]);
    tmux.wait_for("drive", "Took back the last vote (2 cast).");

    // Enter on a hidden tally reveals it and agrees nothing; a new round hides again.
    tmux.keys("drive", &["Enter"]);
    tmux.wait_for(
        "drive",
        "Revealed: the median of 2 votes is 1 Low. Enter again agrees it.",
    );
    tmux.wait_for("projector", "median 1 Low");
    tmux.keys("drive", &["r"]);
    tmux.wait_for(
        "drive",
        "Round 2: the tally starts again, hidden until v reveals it; round 1's votes are kept.",
    );
    tmux.keys("drive", &["2", "2", "3", "Enter", "Enter"]);
    tmux.wait_for("drive", "Agreed: 2 Middle (the median of 3 votes).");

    // The room's note, then on to the next theme: the projector goes there too.
    tmux.keys("drive", &["n"]);
    tmux.wait_for("drive", "Esc done (saved as you type)");
    tmux.type_text("drive", "Dŵr — finance said Low");
    // Esc, then (once the editor has closed) the next theme.
    tmux.keys("drive", &["Escape"]);
    tmux.wait_for("drive", "→ next");
    tmux.keys("drive", &["Right"]);
    tmux.wait_for("drive", "theme 2 of 3");
    tmux.wait_for("projector", "theme 2 of 3");

    // The read-back goes up on the projector when the facilitator opens it, and comes
    // down when the facilitator goes back to the themes.
    tmux.keys("drive", &["s"]);
    tmux.wait_for("drive", "WORKSHOP SUMMARY");
    tmux.wait_for("projector", "WORKSHOP SUMMARY");
    tmux.keys("drive", &["Escape"]);
    tmux.wait_for("drive", "theme 2 of 3");
    tmux.wait_for("projector", "theme 2 of 3");

    tmux.keys("drive", &["q"]);
    tmux.wait_for("drive", "EXIT=0");
    tmux.keys("projector", &["q"]);
    tmux.wait_for("projector", "EXIT=0");
    let saved = read(&file);
    assert!(saved.contains("\nworkshop: { blind: true }\n"), "{saved}");
    assert!(
        saved.contains(
            "  alpha:\n    current: mid\n    room_note: Dŵr — finance said Low\n    votes: { mid: 2, high: 1 }\n    vote_order: [mid, mid, high]\n    rounds:\n      - { low: 1, mid: 1 }\n    revealed: true\n"
        ),
        "{saved}"
    );
}
