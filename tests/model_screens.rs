//! Snapshots of the walk and the review on routemaps shaped like published maturity
//! models (issue 14): a scale from 0 with checklists and markdown guidance, undefined
//! levels, and 47 themes in 7 sections.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/screen.rs"]
mod screen;

use ratatui::crossterm::event::KeyCode;
use routemap::assessment::Assessment;
use routemap::clock::Timestamp;
use routemap::tui::state::State;
use screen::{draw, draw_styled, key, keys};

fn state_of(fixture: &str) -> State {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/routemaps/good")
        .join(fixture);
    let routemap = routemap::routemap::load_file(&path).unwrap();
    let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
    State::new(routemap, assessment, "anytown.yaml".into())
}

/// Data inventory (levels 0–3) at level 3, with level 1's criteria ticked and one of
/// level 2's: the ticks suggest level 1 and do not support level 3.
fn ticked() -> State {
    let mut state = state_of("levels-0-3.yaml");
    keys(&mut state, "3m ");
    keys(&mut state, "j ");
    keys(&mut state, "j ");
    state
}

#[test]
fn the_walk_with_criteria_ticked_and_a_suggested_stage() {
    let mut state = ticked();
    let screen = draw(&mut state, 80, 24);
    assert!(
        screen.contains("▸ [x]"),
        "the cursor is on a ticked criterion:\n{screen}"
    );
    insta::assert_snapshot!("criteria_ticking_80x24", screen);
    key(&mut state, KeyCode::Esc);
    keys(&mut state, "KKKKKK");
    let screen = draw(&mut state, 120, 35);
    for expected in [
        "Checklist: 3 of 6 met · the ticks suggest 1",
        "⚠ The ticks do not support 3 Embedded",
        "[x] At least three services keep a list",
        "[x] The systems holding personal data are",
        "◇ TICKS SUGGEST",
    ] {
        assert!(screen.contains(expected), "{expected}:\n{screen}");
    }
    insta::assert_snapshot!("criteria_ticked_120x35", screen);
    insta::assert_snapshot!(
        "styled_criteria_ticked_120x35",
        draw_styled(&mut state, 120, 35)
    );
}

#[test]
fn markdown_in_guidance_is_drawn_not_shown() {
    let mut state = state_of("levels-0-3.yaml");
    // s then 1: level 1's text at the top of the details, guidance and all.
    keys(&mut state, "s1");
    let screen = draw(&mut state, 80, 24);
    assert!(screen.contains("1 Emerging"), "{screen}");
    assert!(screen.contains("• one register, one format;"), "{screen}");
    assert!(
        !screen.contains("**") && !screen.contains("- one"),
        "{screen}"
    );
    insta::assert_snapshot!("markdown_guidance_80x24", screen);
    keys(&mut state, "s2");
    let screen = draw(&mut state, 80, 24);
    assert!(
        screen.contains("ICO's guidance (https://ico.org.uk/)"),
        "a link shows its address:\n{screen}"
    );
    // Emphasis is a style, not asterisks.
    keys(&mut state, "s0");
    let styled = draw_styled(&mut state, 80, 24);
    assert!(styled.contains("ten systems"), "{styled}");
    insta::assert_snapshot!("styled_markdown_guidance_80x24", styled);
}

#[test]
fn an_undefined_stage_says_so_and_the_scale_from_0_is_numbered_from_0() {
    let mut state = state_of("undefined-levels.yaml");
    keys(&mut state, "j");
    let screen = draw(&mut state, 80, 24);
    assert!(
        screen.contains("Not defined for this theme"),
        "Signed artefacts leaves levels 1 and 2 undefined:\n{screen}"
    );
    // Wrapped, not cut, in a narrow card: the sentence ends on its line or the next.
    for width in [60, 80] {
        let screen = draw(&mut state, width, 24);
        let lines: Vec<&str> = screen.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            if line.contains("Not defined for this theme") {
                let next = lines.get(at + 1).copied().unwrap_or_default();
                assert!(
                    line.contains("stage.") || next.contains("stage."),
                    "{screen}"
                );
            }
        }
    }
    let screen = draw(&mut state, 80, 24);
    insta::assert_snapshot!("undefined_stages_80x24", screen);
    let mut state = state_of("levels-0-3.yaml");
    keys(&mut state, "0jt2");
    let screen = draw(&mut state, 80, 24);
    assert!(screen.contains("○ 0 Absent"), "{screen}");
    assert!(screen.contains("2 Data quality"), "{screen}");
    insta::assert_snapshot!("scale_from_0_80x24", screen);
}

#[test]
fn the_review_of_47_themes_in_7_sections() {
    let mut state = state_of("hosting-47.yaml");
    // An answer in every section, some targets, so the roll-up and radar have data.
    for step in 0..47 {
        let stage = (step % 5 + 1).to_string();
        keys(&mut state, &stage);
        if step % 3 == 0 {
            keys(&mut state, "t5");
        }
        keys(&mut state, "j");
    }
    keys(&mut state, "r");
    let screen = draw(&mut state, 80, 24);
    insta::assert_snapshot!("review_47_themes_80x24", screen);
    let screen = draw(&mut state, 120, 35);
    assert!(screen.contains("mean"), "{screen}");
    insta::assert_snapshot!("review_47_themes_120x35", screen);
}

#[test]
fn a_long_stage_name_is_cut_with_an_ellipsis_and_keeps_its_marker() {
    let mut state = state_of("levels-0-3.yaml");
    state.routemap.stages[1].name =
        "A stage whose name is exactly sixty characters long, padded.".into();
    keys(&mut state, "1");
    let screen = draw(&mut state, 80, 24);
    let line = screen
        .lines()
        .find(|line| line.contains("● 1 A stage"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("…") && line.contains("◀ CURRENT"), "{line}");
}

#[test]
fn the_workshop_numbers_stages_as_the_routemap_does() {
    let mut state = state_of("levels-0-3.yaml");
    keys(&mut state, "w0332");
    let screen = draw(&mut state, 120, 35);
    for expected in ["0  Absent", "3  Embedded", "median 2 Established"] {
        assert!(screen.contains(expected), "{expected}:\n{screen}");
    }
    assert!(!screen.contains("4  Embedded"), "{screen}");
    keys(&mut state, "a");
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("press 0 to 3")),
        "{:?}",
        state.message
    );
    keys(&mut state, "0");
    let screen = draw(&mut state, 120, 35);
    assert!(screen.contains("AGREED"), "{screen}");
    assert_eq!(
        state.answer().and_then(|a| a.current_stage()),
        Some("absent"),
        "a then 0 agrees stage 0"
    );
}

#[test]
fn the_guidance_to_the_next_stage_is_shown_once() {
    // At level 1, how to reach level 2 is level 1's guidance: it belongs with level 1's
    // text, and the "Next stage" line names the stage without repeating it.
    let mut state = state_of("levels-0-3.yaml");
    keys(&mut state, "1");
    let screen = draw(&mut state, 120, 60);
    assert_eq!(
        screen.matches("Bring the lists together").count(),
        1,
        "{screen}"
    );
    assert!(screen.contains("Next stage: 2"), "{screen}");
    assert!(screen.contains("To reach the next stage:"), "{screen}");
}
