//! `update` on the newer routemap shapes (issue 14) and the walk's undo and order
//! (issue 12): a scale numbered from 0, undefined stages, checklists, sections out of
//! order.

use super::tests::{chars, press};
use super::*;
use crate::assessment::{Assessment, Current};
use crate::clock::Timestamp;
use crate::tui::state::{Mode, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn fixture(name: &str) -> crate::routemap::Routemap {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/routemaps/good")
        .join(name);
    crate::routemap::load_file(&path).expect("the fixture loads")
}

fn state_of(routemap: crate::routemap::Routemap) -> State {
    let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
    let mut state = State::new(routemap, assessment, "anytown.yaml".into());
    state.size = (100, 40);
    state
}

fn focus(state: &mut State, theme: &str) {
    let index = state.routemap.theme_index(theme).unwrap();
    state.selected = index;
}

fn stage(state: &State) -> Option<String> {
    match state.answer().and_then(|a| a.current.clone()) {
        Some(Current::Stage(id)) => Some(id),
        _ => None,
    }
}

fn message(state: &State) -> String {
    state
        .message
        .as_ref()
        .map_or(String::new(), |m| m.text.clone())
}

fn met(state: &State) -> Vec<String> {
    state.answer().map_or(Vec::new(), |a| a.met.clone())
}

#[test]
fn on_a_scale_from_0_the_digit_is_the_stage_number() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    focus(&mut state, "inventory");
    assert_eq!(chars(&mut state, "0"), vec![Effect::Save]);
    assert_eq!(stage(&state).as_deref(), Some("absent"));
    chars(&mut state, "2");
    assert_eq!(stage(&state).as_deref(), Some("established"));
    chars(&mut state, "t3");
    assert_eq!(
        state.answer().unwrap().target.as_deref(),
        Some("embedded"),
        "t then 3 is stage 3, Embedded"
    );
    assert!(chars(&mut state, "4").is_empty(), "there is no stage 4");
    assert!(
        message(&state).contains("press 0 to 3"),
        "{}",
        message(&state)
    );
}

#[test]
fn a_stage_the_theme_leaves_undefined_is_refused_as_current_or_target() {
    let mut state = state_of(fixture("undefined-levels.yaml"));
    focus(&mut state, "signing");
    assert!(chars(&mut state, "1").is_empty());
    assert_eq!(stage(&state), None);
    assert!(
        message(&state).contains("Stage 1 Basic is not defined for this theme"),
        "{}",
        message(&state)
    );
    assert!(chars(&mut state, "t2").is_empty());
    assert_eq!(state.answer().and_then(|a| a.target.clone()), None);
    assert_eq!(chars(&mut state, "3"), vec![Effect::Save]);
    assert_eq!(stage(&state).as_deref(), Some("level-3"));
}

#[test]
fn m_ticks_criteria_saves_them_and_says_what_they_suggest() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    focus(&mut state, "inventory");
    chars(&mut state, "m");
    assert!(matches!(state.mode, Mode::Ticking(0)));
    assert_eq!(press(&mut state, KeyCode::Char(' ')), vec![Effect::Save]);
    assert_eq!(met(&state), ["some-lists"]);
    assert!(
        message(&state).contains("1 of 6 criteria met; the ticks suggest 0 Absent"),
        "{}",
        message(&state)
    );
    chars(&mut state, "j");
    press(&mut state, KeyCode::Enter);
    assert_eq!(met(&state), ["some-lists", "systems-known"]);
    assert!(message(&state).contains("the ticks suggest 1 Emerging"));
    // The cursor stops at the last criterion; ticks are kept in the checklist's order.
    for _ in 0..20 {
        chars(&mut state, "j");
    }
    assert!(matches!(state.mode, Mode::Ticking(5)));
    chars(&mut state, "kkk");
    chars(&mut state, "x");
    assert_eq!(met(&state), ["some-lists", "systems-known", "one-register"]);
    chars(&mut state, "x");
    assert_eq!(
        met(&state),
        ["some-lists", "systems-known"],
        "x again unticks"
    );
    // The officer's choice stands; the ticks only say they do not support it.
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    chars(&mut state, "3");
    assert_eq!(stage(&state).as_deref(), Some("embedded"));
    chars(&mut state, "m ");
    assert!(
        message(&state).contains("they do not support the stage chosen, 3 Embedded"),
        "{}",
        message(&state)
    );
}

#[test]
fn m_without_criteria_or_read_only_says_why() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    focus(&mut state, "open-data");
    assert!(chars(&mut state, "m").is_empty());
    assert!(matches!(state.mode, Mode::Normal));
    assert!(message(&state).contains("no criteria to tick"));
    focus(&mut state, "inventory");
    state.read_only = Some("another program has it open".into());
    chars(&mut state, "m");
    assert!(matches!(state.mode, Mode::Normal));
    assert!(message(&state).starts_with("Read-only"));
}

#[test]
fn u_takes_back_changes_one_at_a_time_on_whichever_theme() {
    let mut state = super::tests::state();
    chars(&mut state, "2");
    chars(&mut state, "3");
    chars(&mut state, "t5");
    chars(&mut state, "j4");
    assert_eq!(chars(&mut state, "u"), vec![Effect::Save]);
    assert_eq!(stage(&state), None, "Governance's stage taken back");
    assert!(message(&state).contains("Undone: the stage (back to none) of Governance"));
    chars(&mut state, "j");
    // The next undo is on Leadership: it is focused again, to show what came back.
    let effects = chars(&mut state, "u");
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(state.selected, 0);
    assert_eq!(state.answer().unwrap().target, None);
    chars(&mut state, "u");
    assert_eq!(stage(&state).as_deref(), Some("flag-planted"));
    chars(&mut state, "u");
    assert_eq!(stage(&state), None);
    assert!(chars(&mut state, "u").is_empty());
    assert_eq!(message(&state), "Nothing to undo.");
}

#[test]
fn a_visit_to_the_notes_editor_is_undone_at_once() {
    let mut state = super::tests::state();
    chars(&mut state, "2n");
    chars(&mut state, "Some notes typed a key at a time");
    press(&mut state, KeyCode::Esc);
    assert!(state.answer().unwrap().notes.is_some());
    chars(&mut state, "u");
    assert_eq!(state.answer().unwrap().notes, None);
    assert_eq!(
        stage(&state).as_deref(),
        Some("flag-planted"),
        "one step only"
    );
}

#[test]
fn ticks_are_undone_too() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    focus(&mut state, "inventory");
    chars(&mut state, "m  ");
    assert!(met(&state).is_empty(), "ticked then unticked");
    chars(&mut state, "u");
    assert_eq!(met(&state), ["some-lists"]);
    chars(&mut state, "u");
    assert!(met(&state).is_empty());
}

#[test]
fn the_walk_moves_section_by_section_whatever_the_file_order() {
    let mut routemap = crate::builtin::planting_the_flag();
    // The second section's first theme listed second in the file.
    let moved = routemap.themes.remove(6);
    routemap.themes.insert(1, moved);
    let mut state = state_of(routemap);
    let mut visited = vec![state.theme().unwrap().section];
    for _ in 0..11 {
        chars(&mut state, "j");
        visited.push(state.theme().unwrap().section);
    }
    let mut runs = visited.clone();
    runs.dedup();
    assert_eq!(runs, [Some(0), Some(1)], "{visited:?}");
    chars(&mut state, "g");
    assert_eq!(state.selected, 0);
    chars(&mut state, "G");
    assert_eq!(state.theme().unwrap().section, Some(1));
    // Enter confirms and moves on in the same order.
    chars(&mut state, "g");
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.theme().unwrap().section, Some(0));
    assert_eq!(state.screen, Screen::Walk);
}

#[test]
fn confirm_all_is_one_step_to_undo() {
    let mut state = super::tests::state();
    let routemap = state.routemap.clone();
    for theme in ["leadership", "governance", "shared-services"] {
        let answer = state.assessment.answer_mut(&routemap, theme);
        answer.current = Some(Current::Stage("flag-planted".into()));
        answer.carried = true;
    }
    press(&mut state, KeyCode::Enter);
    chars(&mut state, "Cy");
    assert_eq!(state.walk_progress().1, 0, "all confirmed");
    chars(&mut state, "u");
    assert_eq!(
        state.walk_progress().1,
        2,
        "the two confirmed at once come back carried; the one confirmed by Enter stays"
    );
    assert!(
        message(&state).contains("of 2 themes"),
        "{}",
        message(&state)
    );
}

#[test]
fn any_key_closes_the_introduction_and_pasted_controls_are_left_out() {
    let mut state = super::tests::state();
    state.show_intro = true;
    chars(&mut state, " ");
    assert!(!state.show_intro, "Space has no binding, and closes it too");
    let effects = update(&mut state, Msg::Paste("a\u{1b}]0;PWNED\u{7}b\r\nc".into()));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(
        state.answer().unwrap().notes.as_deref(),
        Some("a]0;PWNEDb\nc"),
        "the escape and the bell are not saved unseen"
    );
}

#[test]
fn esc_then_a_digit_typed_fast_leaves_the_checklist_and_sets_the_stage() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    focus(&mut state, "inventory");
    chars(&mut state, "m");
    // A terminal sends Esc and a key typed at once as Alt and the key.
    let alt_two = KeyEvent::new(KeyCode::Char('2'), KeyModifiers::ALT);
    let event = ratatui::crossterm::event::Event::Key(alt_two);
    for msg in crate::tui::messages_for(&state, event) {
        update(&mut state, msg);
    }
    assert!(matches!(state.mode, Mode::Normal));
    assert_eq!(stage(&state).as_deref(), Some("established"));
}

#[test]
fn on_a_scale_from_0_the_target_is_cleared_with_backspace_and_0_is_stage_0() {
    let mut state = state_of(fixture("levels-0-3.yaml"));
    chars(&mut state, "t");
    assert!(
        message(&state).contains("Backspace to clear it"),
        "{}",
        message(&state)
    );
    assert!(!message(&state).contains("0 or"), "{}", message(&state));
    chars(&mut state, "0");
    assert_eq!(state.answer().unwrap().target.as_deref(), Some("absent"));
    chars(&mut state, "t");
    press(&mut state, KeyCode::Backspace);
    assert_eq!(state.answer().unwrap().target, None);
    let digits = crate::tui::keys::Digits::of(&state.routemap);
    let clear = crate::tui::keys::BINDINGS
        .iter()
        .find(|b| b.context == crate::tui::keys::Context::Target && b.help == "clear the target")
        .unwrap();
    assert_eq!(clear.label(digits), "⌫ Del", "0 is a stage's digit here");
    assert_eq!(
        clear.label(crate::tui::keys::Digits::ONE_TO_NINE),
        "0 ⌫ Del"
    );
}

#[test]
fn zero_on_a_scale_from_1_says_which_keys_pick_a_stage() {
    let mut state = super::tests::state();
    assert!(chars(&mut state, "0").is_empty());
    assert_eq!(stage(&state), None);
    assert_eq!(message(&state), "This routemap has 5 stages; press 1 to 5.");
}
