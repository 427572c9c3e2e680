//! End-to-end: the real binary in a real terminal (tmux), driven as a user drives it.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use std::process::Command;
use tmux::{Tmux, read};

#[test]
fn answer_quit_resume_and_survive_kill_9() {
    let tmux = Tmux::new("resume");
    tmux.start("one", "", 80, 24);
    tmux.wait_for("one", "Which authority is being assessed?");
    tmux.type_text("one", "Cyngor Sir Ynys Môn");
    tmux.keys("one", &["Enter"]);
    tmux.wait_for("one", "0/12 answered");
    let intro = tmux.begin("one");
    assert!(
        intro.contains("Socitm's: the title, the twelve themes")
            && intro.contains("reading, not Socitm's words")
            && intro.contains("Source: Title, themes and principles: Socitm / Local CIO Council"),
        "the routemap says whose words these are before the first answer:\n{intro}"
    );

    // Three themes answered, a target, a note in Welsh with an emoji.
    tmux.keys("one", &["2", "t", "4", "j", "3", "j", "x"]);
    tmux.wait_for("one", "3/12 answered");
    tmux.keys("one", &["k", "n"]);
    tmux.wait_for("one", "Notes — Governance");
    tmux.type_text("one", "Angen cydweithio gwell — ŵ ŷ 🚒");
    tmux.keys("one", &["Escape", "j", "j", "1"]);
    tmux.wait_for("one", "4/12 answered");
    tmux.keys("one", &["q"]);
    let after = tmux.wait_for("one", "EXIT=0");
    assert!(after.contains("Saved "), "{after}");
    assert!(
        !tmux.alternate_screen_on("one"),
        "the terminal is back to normal"
    );

    let files = tmux.saved();
    assert_eq!(files.len(), 1);
    let text = read(&files[0]);
    assert!(text.contains("authority: Cyngor Sir Ynys Môn"), "{text}");
    assert!(
        text.contains("  leadership:\n    current: flag-planted\n    target: on-the-route\n"),
        "{text}"
    );
    assert!(text.contains("  governance:\n    current: route-planned\n    notes: Angen cydweithio gwell — ŵ ŷ 🚒\n"), "{text}");
    assert!(
        text.contains("  organisational-change:\n    current: n/a\n"),
        "{text}"
    );
    assert!(
        text.contains("  strategic-commissioning:\n    current: not-started\n"),
        "{text}"
    );

    // Bare `routemap` again: the same assessment, the same focused theme.
    tmux.start("two", "", 80, 24);
    let screen = tmux.wait_for("two", "4/12 answered");
    assert!(
        screen.contains("│Strategic commissioning  "),
        "focus is back on Strategic commissioning:\n{screen}"
    );
    assert!(screen.contains("4 of 12 themes"), "{screen}");

    // kill -9 in the middle of work: the file is whole and holds every change made.
    tmux.keys("two", &["j", "4", "j", "n"]);
    tmux.wait_for("two", "Notes — Professionalism");
    tmux.type_text("two", "half a thought");
    tmux.wait_for("two", "half a thought");
    let pid = tmux.routemap_pid();
    assert!(!pid.is_empty());
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    // SIGKILL cannot be caught, so the screen is left as it was; the file is read only
    // once the process is surely gone.
    tmux.wait_until_gone();
    let text = read(&files[0]);
    let reloaded = routemap::assessment::parse(&files[0], &text).unwrap();
    assert_eq!(
        reloaded
            .answer("shared-services")
            .and_then(|a| a.current_stage()),
        Some("on-the-route")
    );
    assert_eq!(
        reloaded
            .answer("professionalism")
            .and_then(|a| a.notes.as_deref()),
        Some("half a thought")
    );
    assert_eq!(tmux.saved().len(), 1, "no temporary files left behind");
}

#[test]
fn a_second_process_opens_read_only() {
    let tmux = Tmux::new("lock");
    tmux.start("first", "new --authority Anytown", 80, 24);
    tmux.wait_for("first", "0/12 answered");
    tmux.begin("first");
    tmux.keys("first", &["3"]);
    tmux.wait_for("first", "1/12 answered");
    let file = tmux.saved().remove(0);
    let before = read(&file);
    tmux.start("second", &format!("open '{}'", file.display()), 80, 24);
    let screen = tmux.wait_for("second", "READ-ONLY");
    assert!(
        screen.contains("Read-only: open in another routemap process"),
        "{screen}"
    );
    tmux.keys("second", &["5"]);
    tmux.wait_for("second", "changes here are not saved");
    assert_eq!(read(&file), before, "the read-only process wrote nothing");
    tmux.keys("second", &["q"]);
    let after = tmux.wait_for("second", "EXIT=0");
    assert!(after.contains("read-only; nothing was changed"), "{after}");
}

#[test]
fn sigterm_and_resize_leave_the_terminal_sane() {
    let tmux = Tmux::new("signals");
    tmux.start("main", "new --authority Anytown", 80, 24);
    tmux.wait_for("main", "0/12 answered");
    // Too small, then back: the screen says so, then redraws.
    tmux.tmux(&["resize-window", "-t", "main", "-x", "50", "-y", "12"]);
    tmux.wait_for("main", "terminal too small: need 60×18, have 50×12");
    tmux.tmux(&["resize-window", "-t", "main", "-x", "120", "-y", "40"]);
    tmux.wait_for("main", "0/12 answered");
    assert!(tmux.alternate_screen_on("main"));
    let pid = tmux.routemap_pid();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    tmux.wait_for("main", "EXIT=143");
    assert!(
        !tmux.alternate_screen_on("main"),
        "SIGTERM restores the terminal"
    );
}

#[test]
fn reassessing_carries_answers_until_confirmed() {
    let tmux = Tmux::new("carry");
    tmux.start("base", "new --authority Anytown --title 2025", 100, 30);
    tmux.wait_for("base", "0/12 answered");
    tmux.begin("base");
    tmux.keys("base", &["2", "j", "3", "q"]);
    tmux.wait_for("base", "EXIT=0");
    let baseline = tmux.saved().remove(0);
    tmux.start(
        "again",
        &format!("new --title 2026 --from '{}'", baseline.display()),
        100,
        30,
    );
    let screen = tmux.wait_for("again", "Carried over from the previous assessment");
    assert!(screen.contains("↻  1 Leadership"), "{screen}");
    tmux.keys("again", &["Enter"]);
    tmux.wait("again", "governance to be focused", |s| {
        s.contains("2 of 12 themes")
    });
    tmux.keys("again", &["q"]);
    tmux.wait_for("again", "EXIT=0");
    let files = tmux.saved();
    assert_eq!(files.len(), 2);
    let new_file = files
        .iter()
        .find(|p| p.to_string_lossy().contains("2026"))
        .unwrap();
    let text = read(new_file);
    assert!(
        text.contains("authority: Anytown\ntitle: \"2026\"\n"),
        "{text}"
    );
    assert!(text.contains("  leadership:\n    current: flag-planted\n  governance:\n    current: route-planned\n    carried: true\n"), "{text}");
}

#[test]
fn a_three_theme_workshop_records_votes_and_agreed_stages() {
    let tmux = Tmux::new("workshop");
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
    std::fs::write(&file, "format: routemap-assessment/1\nroutemap: { id: three-themes, version: \"1.0\" }\nauthority: Anytown Borough Council\n").unwrap();
    tmux.start("room", "workshop room", 120, 35);
    tmux.wait_for("room", "WORKSHOP │ theme 1 of 3");

    // Alpha: four votes, the median (lower middle of 1 2 2 3) agreed.
    tmux.keys("room", &["1", "2", "2", "3"]);
    tmux.wait_for("room", "4 votes cast");
    tmux.keys("room", &["Enter"]);
    tmux.wait_for("room", "Agreed: 2 Middle (the median of 4 votes).");
    tmux.keys("room", &["Right"]);
    tmux.wait_for("room", "theme 2 of 3");

    // Beta: blind, so the tally stays hidden until revealed.
    tmux.keys("room", &["b", "3", "3", "1"]);
    let hidden = tmux.wait_for("room", "3 votes cast · tally hidden: v reveals it");
    assert!(
        !hidden.contains("Enter agrees it"),
        "the median stays hidden too:\n{hidden}"
    );
    tmux.keys("room", &["v"]);
    tmux.wait_for("room", "median 3 High");
    tmux.keys("room", &["Enter"]);
    tmux.wait_for("room", "Agreed: 3 High");
    tmux.keys("room", &["b", "Right"]);
    tmux.wait_for("room", "theme 3 of 3");

    // Gamma: the room splits from Low to High; discussed, another stage agreed, parked.
    tmux.keys("room", &["1", "3"]);
    tmux.wait_for("room", "⚑ DISCUSS: the votes span 3 stages");
    tmux.keys("room", &["a", "2", "p"]);
    tmux.wait_for("room", "[PARKED]");
    tmux.keys("room", &["Right"]);
    let summary = tmux.wait_for("room", "WORKSHOP SUMMARY");
    assert!(
        summary.contains("Parked (1)") && summary.contains("3 Gamma"),
        "{summary}"
    );
    assert!(
        summary.contains("Wide spread of votes (3)"),
        "on a three-stage scale any vote at both ends spans three stages:\n{summary}"
    );
    tmux.keys("room", &["q"]);
    tmux.wait_for("room", "EXIT=0");

    let saved = read(&file);
    assert!(
        saved.contains("  alpha:\n    current: mid\n    votes: { low: 1, mid: 2, high: 1 }\n"),
        "{saved}"
    );
    assert!(
        saved.contains("  beta:\n    current: high\n    votes: { low: 1, high: 2 }\n"),
        "{saved}"
    );
    assert!(
        saved.contains(
            "  gamma:\n    current: mid\n    parked: true\n    votes: { low: 1, high: 1 }\n"
        ),
        "{saved}"
    );
}

#[test]
fn the_report_key_writes_markdown_and_html_and_says_where() {
    let tmux = Tmux::new("report");
    tmux.start("main", "new --authority Anytown", 119, 60);
    tmux.wait_for("main", "0/12 answered");
    tmux.begin("main");
    tmux.keys("main", &["2", "t", "4"]);
    tmux.wait_for("main", "1/12 answered");
    // Below the stages, a page or two down: the next stage on the way to the target.
    tmux.keys("main", &["PageDown", "PageDown", "PageDown"]);
    let walk = tmux.wait_for(
        "main",
        "Next stage: 3 Route planned (the target is 4 On the route)",
    );
    assert!(walk.contains("What each role should do now"), "{walk}");
    tmux.keys("main", &["r"]);
    let review = tmux.wait_for("main", "Roll-up by section");
    assert!(review.contains("All themes"), "{review}");
    tmux.keys("main", &["p"]);
    let screen = tmux.wait_for("main", "Report written:");
    let reports = tmux.data.path().join("reports");
    assert!(screen.contains("reports/anytown.md"), "{screen}");
    let markdown = read(&reports.join("anytown.md"));
    assert!(
        markdown.contains("### 1. Leadership: 2 Flag planted → 4 On the route"),
        "{markdown}"
    );
    assert!(read(&reports.join("anytown.html")).starts_with("<!DOCTYPE html>"));
    tmux.keys("main", &["q"]);
    tmux.wait_for("main", "EXIT=0");
}

#[test]
fn a_paragraph_pasted_outside_an_editor_lands_in_the_notes() {
    let tmux = Tmux::new("paste");
    tmux.start("main", "new --authority Anytown", 100, 30);
    tmux.wait_for("main", "0/12 answered");
    tmux.begin("main");
    // A paragraph with digits and keys in it, pasted as a terminal pastes (bracketed).
    let paragraph = "x3t5 The CIO reports to the deputy chief executive; 2 of 5 directors agree.";
    tmux.tmux(&["set-buffer", "-b", "notes", paragraph]);
    tmux.tmux(&["paste-buffer", "-p", "-b", "notes", "-t", "main"]);
    let screen = tmux.wait_for("main", "Notes — Leadership");
    assert!(
        screen.contains("0/12 answered"),
        "no stage was set:\n{screen}"
    );
    tmux.keys("main", &["Escape", "q"]);
    tmux.wait_for("main", "EXIT=0");
    let text = read(&tmux.saved()[0]);
    assert!(
        text.contains(&format!("  leadership:\n    notes: {paragraph}\n")),
        "{text}"
    );
    assert!(
        !text.contains("current:") && !text.contains("target:"),
        "{text}"
    );
}

#[test]
fn cancelling_a_new_assessment_creates_nothing() {
    let tmux = Tmux::new("cancel");
    let elsewhere = tempfile::tempdir().unwrap();
    let mine = elsewhere.path().join("mine.yaml");
    std::fs::write(
        &mine,
        include_str!("../assessments/procurement-and-sourcing.yaml")
            .replace("id: procurement-and-sourcing", "id: mine"),
    )
    .unwrap();
    tmux.start(
        "main",
        &format!("new --routemap '{}'", mine.display()),
        100,
        30,
    );
    tmux.wait_for("main", "Which authority is being assessed?");
    tmux.keys("main", &["Escape"]);
    let after = tmux.wait_for("main", "EXIT=0");
    assert!(after.contains("Nothing was created."), "{after}");
    let left: Vec<_> = std::fs::read_dir(tmux.data.path())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        left.iter()
            .all(|name| name.to_string_lossy().starts_with('.')),
        "no routemap copy, no assessment: {left:?}"
    );
    // Going ahead keeps the copy, and says so.
    tmux.start(
        "again",
        &format!("new --authority Anytown --routemap '{}'", mine.display()),
        100,
        30,
    );
    tmux.begin("again");
    tmux.wait_for("again", "Note: kept a copy of routemap 'mine'");
    assert!(tmux.data.path().join("routemaps").exists());
    tmux.keys("again", &["q"]);
    tmux.wait_for("again", "EXIT=0");
}
