//! `update` for every action in every mode, on plain values.

use super::*;
use crate::assessment::{Assessment, Confidence, Current};
use crate::builtin;
use crate::clock::Timestamp;
use crate::tui::keys::{Context, action_for};
use crate::tui::state::Comparison;
use crate::tui::state::{Mode, Screen};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

pub fn state() -> State {
    let routemap = builtin::planting_the_flag();
    let assessment = Assessment::new(
        &routemap,
        "Anytown Borough Council",
        Some("2026 baseline"),
        Timestamp(0),
    );
    let mut state = State::new(routemap, assessment, "anytown.yaml".into());
    state.size = (80, 24);
    state
}

pub(crate) fn press(state: &mut State, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    send(state, key)
}

fn send(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    crate::tui::messages_for(state, ratatui::crossterm::event::Event::Key(key))
        .into_iter()
        .flat_map(|msg| update(state, msg))
        .collect()
}

pub(crate) fn chars(state: &mut State, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(state, KeyCode::Char(c)))
        .collect()
}

/// True when the focused theme's tally may be shown to the room.
fn tally_shown(state: &State) -> bool {
    !crate::workshop::standing::is_hidden(state.assessment.blind, state.answer())
}

fn current(state: &State) -> Option<Current> {
    state.answer().and_then(|a| a.current.clone())
}

#[test]
fn moving_between_themes_remembers_the_position() {
    let mut state = state();
    assert_eq!(
        press(&mut state, KeyCode::Down),
        vec![Effect::RememberPosition]
    );
    assert_eq!(state.selected, 1);
    press(&mut state, KeyCode::Char('j'));
    press(&mut state, KeyCode::Char('k'));
    press(&mut state, KeyCode::Up);
    assert_eq!(state.selected, 0);
    assert!(
        press(&mut state, KeyCode::Up).is_empty(),
        "no move above the first theme"
    );
    press(&mut state, KeyCode::Char('G'));
    assert_eq!(state.selected, 11);
    press(&mut state, KeyCode::Char('g'));
    assert_eq!(state.selected, 0);
    press(&mut state, KeyCode::End);
    press(&mut state, KeyCode::Home);
    assert_eq!(state.selected, 0);
}

#[test]
fn digits_set_the_current_stage_and_save() {
    let mut state = state();
    assert_eq!(chars(&mut state, "3"), vec![Effect::Save]);
    assert_eq!(
        current(&state),
        Some(Current::Stage("route-planned".into()))
    );
    chars(&mut state, "5");
    assert_eq!(
        current(&state),
        Some(Current::Stage("destination-reached".into()))
    );
    assert!(
        chars(&mut state, "7").is_empty(),
        "no stage 7 on a five-stage scale"
    );
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.is_error && m.text.contains("press 1 to 5"))
    );
}

#[test]
fn t_then_a_digit_sets_the_target_and_0_clears_it() {
    let mut state = state();
    assert!(chars(&mut state, "t").is_empty());
    assert!(matches!(state.mode, Mode::AwaitTarget));
    assert_eq!(chars(&mut state, "4"), vec![Effect::Save]);
    assert_eq!(
        state.answer().and_then(|a| a.target.clone()).as_deref(),
        Some("on-the-route")
    );
    assert!(matches!(state.mode, Mode::Normal));
    assert!(
        current(&state).is_none(),
        "the target alone leaves the current stage unset"
    );
    chars(&mut state, "t0");
    assert_eq!(state.answer().and_then(|a| a.target.clone()), None);
    chars(&mut state, "t");
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    chars(&mut state, "t");
    assert!(
        chars(&mut state, "q").is_empty(),
        "another key cancels the target instead of quitting"
    );
    assert!(matches!(state.mode, Mode::Normal));
    chars(&mut state, "t");
    press(&mut state, KeyCode::Backspace);
    assert!(matches!(state.mode, Mode::Normal));
}

#[test]
fn x_toggles_not_applicable_and_delete_clears() {
    let mut state = state();
    chars(&mut state, "x");
    assert_eq!(current(&state), Some(Current::NotApplicable));
    chars(&mut state, "x");
    assert_eq!(current(&state), None);
    chars(&mut state, "2");
    assert_eq!(press(&mut state, KeyCode::Delete), vec![Effect::Save]);
    assert_eq!(current(&state), None);
    chars(&mut state, "2");
    press(&mut state, KeyCode::Backspace);
    assert_eq!(current(&state), None);
}

#[test]
fn enter_confirms_a_carried_answer_and_moves_on() {
    let mut state = state();
    let routemap = state.routemap.clone();
    let answer = state.assessment.answer_mut(&routemap, "leadership");
    answer.current = Some(Current::Stage("flag-planted".into()));
    answer.carried = true;
    assert_eq!(
        press(&mut state, KeyCode::Enter),
        vec![Effect::Save, Effect::RememberPosition]
    );
    assert!(!state.assessment.answer("leadership").unwrap().carried);
    assert_eq!(state.selected, 1);
    assert_eq!(
        press(&mut state, KeyCode::Enter),
        vec![Effect::RememberPosition],
        "nothing to confirm: just move on"
    );
}

#[test]
fn changing_a_carried_stage_confirms_it_but_notes_do_not() {
    let mut state = state();
    let routemap = state.routemap.clone();
    let answer = state.assessment.answer_mut(&routemap, "leadership");
    answer.current = Some(Current::Stage("flag-planted".into()));
    answer.carried = true;
    chars(&mut state, "n");
    chars(&mut state, "ok");
    press(&mut state, KeyCode::Esc);
    assert!(state.answer().unwrap().carried);
    chars(&mut state, "3");
    assert!(!state.answer().unwrap().carried);
}

#[test]
fn c_cycles_confidence() {
    let mut state = state();
    let mut seen = Vec::new();
    for _ in 0..4 {
        chars(&mut state, "c");
        seen.push(state.answer().and_then(|a| a.confidence));
    }
    assert_eq!(
        seen,
        [
            Some(Confidence::Low),
            Some(Confidence::Medium),
            Some(Confidence::High),
            None
        ]
    );
}

#[test]
fn the_notes_editor_saves_every_keystroke_and_keeps_text_on_esc() {
    let mut state = state();
    assert!(chars(&mut state, "n").is_empty());
    assert!(state.is_editing());
    assert_eq!(
        chars(&mut state, "Môn"),
        vec![Effect::Save, Effect::Save, Effect::Save]
    );
    press(&mut state, KeyCode::Enter);
    chars(&mut state, "q 🚒");
    assert_eq!(
        state.answer().and_then(|a| a.notes.clone()).as_deref(),
        Some("Môn\nq 🚒")
    );
    assert!(press(&mut state, KeyCode::Esc).is_empty());
    assert!(!state.is_editing());
    assert_eq!(
        state.answer().and_then(|a| a.notes.clone()).as_deref(),
        Some("Môn\nq 🚒")
    );
    chars(&mut state, "n");
    for _ in 0..10 {
        press(&mut state, KeyCode::Backspace);
    }
    assert_eq!(
        state.answer().and_then(|a| a.notes.clone()),
        None,
        "emptied notes are removed"
    );
}

#[test]
fn the_evidence_editor_takes_one_item_a_line() {
    let mut state = state();
    chars(&mut state, "e");
    chars(&mut state, "https://x.example/a.pdf");
    press(&mut state, KeyCode::Enter);
    press(&mut state, KeyCode::Enter);
    chars(&mut state, "  Board paper 12  ");
    press(&mut state, KeyCode::Esc);
    assert_eq!(
        state.answer().unwrap().evidence,
        ["https://x.example/a.pdf", "Board paper 12"]
    );
    chars(&mut state, "e");
    assert!(
        matches!(&state.mode, Mode::Editing(editor) if editor.content() == "https://x.example/a.pdf\nBoard paper 12")
    );
}

#[test]
fn ctrl_c_quits_even_from_the_editor() {
    let mut state = state();
    chars(&mut state, "n");
    chars(&mut state, "half a thought");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(
            Context::Editor,
            &ctrl_c,
            crate::tui::keys::Digits::ONE_TO_NINE
        ),
        Some(Action::Quit)
    );
    // The key itself, as the terminal sends it, through the same path as every key.
    let effects = send(&mut state, ctrl_c);
    assert_eq!(effects, vec![Effect::RememberPosition, Effect::Quit]);
    assert_eq!(
        state.answer().and_then(|a| a.notes.as_deref()),
        Some("half a thought"),
        "what was typed is kept"
    );
}

#[test]
fn q_quits_and_remembers_the_position() {
    let mut state = state();
    assert_eq!(
        chars(&mut state, "q"),
        vec![Effect::RememberPosition, Effect::Quit]
    );
}

#[test]
fn r_toggles_review_and_esc_goes_back() {
    let mut state = state();
    chars(&mut state, "r");
    assert_eq!(state.screen, Screen::Review);
    chars(&mut state, "r");
    assert_eq!(state.screen, Screen::Walk);
    chars(&mut state, "r");
    press(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, Screen::Walk);
    chars(&mut state, "r3");
    assert!(
        current(&state).is_some(),
        "stages can be set from the review screen"
    );
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut state = state();
    chars(&mut state, "?");
    assert!(state.show_help);
    assert!(
        chars(&mut state, "3").is_empty(),
        "the key only closes help"
    );
    assert!(!state.show_help);
    assert!(current(&state).is_none());
    press(&mut state, KeyCode::F(1));
    assert!(state.show_help);
    assert_eq!(
        chars(&mut state, "q"),
        vec![Effect::RememberPosition, Effect::Quit],
        "q still quits"
    );
}

#[test]
fn tab_finds_the_next_theme_without_a_stage() {
    let mut state = state();
    chars(&mut state, "2");
    press(&mut state, KeyCode::Down);
    chars(&mut state, "x");
    press(&mut state, KeyCode::Up);
    press(&mut state, KeyCode::Tab);
    assert_eq!(state.selected, 2);
    for _ in 0..12 {
        chars(&mut state, "1");
        press(&mut state, KeyCode::Tab);
    }
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text == "Every theme has a stage, and none is left to confirm.")
    );
}

#[test]
fn carried_answers_are_not_answered_until_confirmed() {
    let mut state = state();
    for (theme, stage) in [
        ("leadership", "flag-planted"),
        ("governance", "route-planned"),
    ] {
        let answer = state.assessment.answer_mut(&state.routemap.clone(), theme);
        answer.current = Some(Current::Stage(stage.into()));
        answer.carried = true;
    }
    assert_eq!(state.walk_progress(), (0, 2, 12));
    assert_eq!(
        state.progress_label(),
        "0/12 confirmed · 2 carried to confirm"
    );
    // Carried answers are still answers where "answered" is counted (list, reports).
    assert_eq!(state.assessment.progress(&state.routemap), (2, 12));
    // Tab goes to a carried answer as it does to an unanswered theme.
    press(&mut state, KeyCode::Tab);
    assert_eq!(state.selected, 1, "governance, carried");
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.walk_progress(), (1, 1, 12));
    // C asks first; any key but y leaves them.
    chars(&mut state, "C");
    assert!(matches!(state.mode, Mode::AwaitConfirmAll));
    assert_eq!(chars(&mut state, "2"), vec![]);
    assert!(matches!(state.mode, Mode::Normal));
    assert_eq!(state.walk_progress(), (1, 1, 12));
    chars(&mut state, "C");
    assert_eq!(chars(&mut state, "y"), vec![Effect::Save]);
    assert_eq!(state.walk_progress(), (2, 0, 12));
    assert_eq!(state.progress_label(), "2/12 answered");
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text == "Confirmed 1 carried answers.")
    );
}

fn measured(max: u16, scroll: u16, page: u16) -> Msg {
    Msg::Measured(crate::tui::state::Measured {
        detail_max_scroll: max,
        detail_scroll: scroll,
        detail_page: page,
        help_max_scroll: 0,
    })
}

#[test]
fn scrolling_the_details_is_bounded() {
    let mut state = state();
    // As the last frame measured it: update takes the view's word for the layout.
    let max = 17;
    update(&mut state, measured(max, 0, 10));
    for _ in 0..100 {
        chars(&mut state, "J");
    }
    assert_eq!(state.detail_scroll, max);
    chars(&mut state, "K");
    assert_eq!(state.detail_scroll, max.saturating_sub(3));
    press(&mut state, KeyCode::Down);
    assert_eq!(state.detail_scroll, 0, "a new theme starts at the top");
    // The scroll as drawn is the one kept: a taller terminal pulls it back in range.
    chars(&mut state, "JJJ");
    update(&mut state, measured(4, 4, 10));
    assert_eq!(state.detail_scroll, 4);
}

#[test]
fn page_keys_scroll_the_details_a_page_and_the_review_a_page_of_themes() {
    let mut state = state();
    update(&mut state, measured(40, 0, 10));
    press(&mut state, KeyCode::PageDown);
    assert_eq!(state.detail_scroll, 9, "a page less the line read last");
    assert_eq!(
        state.selected, 0,
        "the walk's page keys leave the theme alone"
    );
    for _ in 0..10 {
        press(&mut state, KeyCode::PageDown);
    }
    assert_eq!(state.detail_scroll, 40);
    press(&mut state, KeyCode::PageUp);
    assert_eq!(state.detail_scroll, 31);
    chars(&mut state, "r");
    press(&mut state, KeyCode::PageDown);
    assert_eq!(state.selected, 10, "in the review a page is ten themes");
    press(&mut state, KeyCode::PageUp);
    assert_eq!(state.selected, 0);
}

#[test]
fn s_then_a_digit_asks_the_view_for_that_stage_and_the_measure_clears_it() {
    let mut state = state();
    chars(&mut state, "s");
    assert!(matches!(state.mode, Mode::AwaitShowStage));
    chars(&mut state, "4");
    assert_eq!(state.show_stage, Some(3));
    assert!(matches!(state.mode, Mode::Normal));
    update(&mut state, measured(40, 25, 10));
    assert_eq!(state.show_stage, None);
    assert_eq!(
        state.detail_scroll, 25,
        "scrolled to where the view drew it"
    );
    chars(&mut state, "s");
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    assert_eq!(state.show_stage, None);
    chars(&mut state, "sz");
    assert!(matches!(state.mode, Mode::Normal), "any other key cancels");
}

#[test]
fn read_only_refuses_every_change_and_says_why() {
    let mut state = state();
    state.read_only = Some("open elsewhere".into());
    for keys in ["3", "t", "x", "c", "n", "e"] {
        assert!(chars(&mut state, keys).is_empty(), "{keys}");
        assert!(
            state
                .message
                .as_ref()
                .is_some_and(|m| m.is_error && m.text == "Read-only: open elsewhere"),
            "{keys}"
        );
        assert!(matches!(state.mode, Mode::Normal));
    }
    assert!(press(&mut state, KeyCode::Delete).is_empty());
    assert!(state.assessment.answers.is_empty());
    assert_eq!(
        press(&mut state, KeyCode::Down),
        vec![Effect::RememberPosition],
        "moving is fine"
    );
}

#[test]
fn resize_is_recorded_for_layout() {
    let mut state = state();
    assert!(update(&mut state, Msg::Resize(250, 70)).is_empty());
    assert_eq!(state.size, (250, 70));
}

#[test]
fn esc_then_a_key_typed_fast_leaves_the_editor_and_does_the_key() {
    let mut state = state();
    chars(&mut state, "n");
    chars(&mut state, "ok");
    // Terminals deliver a fast Esc-j as Alt+j.
    let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
    assert_eq!(send(&mut state, alt_j), vec![Effect::RememberPosition]);
    assert!(!state.is_editing());
    assert_eq!(state.selected, 1);
    assert_eq!(
        state
            .assessment
            .answer("leadership")
            .and_then(|a| a.notes.clone())
            .as_deref(),
        Some("ok")
    );
}

fn other_assessment(state: &State, stage: &str) -> Comparison {
    let mut assessment = state.assessment.clone();
    let routemap = state.routemap.clone();
    assessment.answer_mut(&routemap, "leadership").current = Some(Current::Stage(stage.into()));
    Comparison {
        name: format!("Last year ({stage})"),
        path: format!("{stage}.yaml").into(),
        assessment,
    }
}

#[test]
fn d_lists_comparisons_then_enter_chooses_one_for_the_review() {
    let mut state = state();
    assert_eq!(chars(&mut state, "d"), vec![Effect::ListComparisons]);
    let candidates = vec![
        other_assessment(&state, "flag-planted"),
        other_assessment(&state, "on-the-route"),
    ];
    update(&mut state, Msg::Comparisons(candidates));
    assert!(matches!(state.mode, Mode::Picking(_)));
    press(&mut state, KeyCode::Down);
    press(&mut state, KeyCode::Down);
    assert!(
        matches!(&state.mode, Mode::Picking(picker) if picker.selected == 1),
        "stops at the last"
    );
    press(&mut state, KeyCode::Up);
    press(&mut state, KeyCode::Char('j'));
    press(&mut state, KeyCode::Enter);
    assert!(matches!(state.mode, Mode::Normal));
    assert_eq!(state.screen, Screen::Review);
    assert_eq!(
        state.comparison.as_ref().map(|c| c.name.as_str()),
        Some("Last year (on-the-route)")
    );
}

#[test]
fn no_comparisons_say_so_and_esc_cancels_the_picker() {
    let mut state = state();
    update(&mut state, Msg::Comparisons(Vec::new()));
    assert!(matches!(state.mode, Mode::Normal));
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("No other saved assessment"))
    );
    let candidates = vec![other_assessment(&state, "flag-planted")];
    update(&mut state, Msg::Comparisons(candidates));
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    assert!(state.comparison.is_none());
    let again = vec![other_assessment(&state, "flag-planted")];
    update(&mut state, Msg::Comparisons(again));
    assert_eq!(
        press(&mut state, KeyCode::Char('q')),
        vec![Effect::RememberPosition, Effect::Quit]
    );
}

fn workshop_state() -> State {
    let mut state = state();
    chars(&mut state, "w");
    assert_eq!(state.screen, Screen::Workshop);
    state
}

fn votes(state: &State) -> Vec<u32> {
    crate::workshop::tally(&state.routemap, state.answer())
}

#[test]
fn w_enters_and_leaves_the_workshop() {
    let mut state = workshop_state();
    chars(&mut state, "w");
    assert_eq!(state.screen, Screen::Walk);
    chars(&mut state, "w");
    press(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, Screen::Walk, "Esc leaves too");
}

#[test]
fn digits_vote_and_backspace_takes_back_the_last_vote() {
    let mut state = workshop_state();
    assert_eq!(chars(&mut state, "3"), vec![Effect::Save]);
    chars(&mut state, "3241");
    assert_eq!(votes(&state), [1, 1, 2, 1, 0]);
    assert!(
        state.answer().unwrap().current.is_none(),
        "votes alone agree nothing"
    );
    assert_eq!(press(&mut state, KeyCode::Backspace), vec![Effect::Save]);
    assert_eq!(
        votes(&state),
        [0, 1, 2, 1, 0],
        "the last vote (stage 1) went"
    );
    press(&mut state, KeyCode::Backspace);
    assert_eq!(votes(&state), [0, 1, 2, 0, 0]);
    assert!(chars(&mut state, "9").is_empty(), "no stage 9");
}

/// The state a restart makes of this one: the saved file read back, nothing else.
fn restarted(state: &State) -> State {
    let text = crate::assessment::to_yaml(&state.assessment);
    let assessment = crate::assessment::parse(std::path::Path::new("a.yaml"), &text).unwrap();
    let mut again = State::new(state.routemap.clone(), assessment, "anytown.yaml".into());
    again.screen = Screen::Workshop;
    again.focus_theme(&state.theme().unwrap().id);
    again
}

fn message(state: &State) -> &str {
    state.message.as_ref().map_or("", |m| m.text.as_str())
}

#[test]
fn after_a_restart_u_and_backspace_take_the_last_vote_cast() {
    let mut state = workshop_state();
    chars(&mut state, "254");
    let mut state = restarted(&state);
    press(&mut state, KeyCode::Backspace);
    assert_eq!(votes(&state), [0, 1, 0, 0, 1], "the 4 cast last, not the 5");
    assert_eq!(message(&state), "Took back a vote for 4 On the route.");
    chars(&mut state, "u");
    assert_eq!(votes(&state), [0, 1, 0, 0, 0]);
    press(&mut state, KeyCode::Delete);
    assert_eq!(votes(&state), [0, 0, 0, 0, 0]);
    press(&mut state, KeyCode::Delete);
    assert_eq!(message(&state), "No votes to take back.");
}

#[test]
fn a_carried_answer_is_last_time_until_the_room_agrees() {
    let mut state = workshop_state();
    let routemap = state.routemap.clone();
    let answer = state.assessment.answer_mut(&routemap, "leadership");
    answer.current = Some(Current::Stage("on-the-route".into()));
    answer.carried = true;
    let progress = crate::workshop::progress(&state.routemap, &state.assessment);
    assert_eq!((progress.agreed, progress.carried), (0, 1));
    chars(&mut state, "222");
    press(&mut state, KeyCode::Enter);
    assert_eq!(current(&state), Some(Current::Stage("flag-planted".into())));
    assert!(!state.answer().unwrap().carried);
    let progress = crate::workshop::progress(&state.routemap, &state.assessment);
    assert_eq!((progress.agreed, progress.carried), (1, 0));
    chars(&mut state, "u");
    assert_eq!(
        message(&state),
        "Took back the agreement: not agreed (last time: 4 On the route)."
    );
    assert!(state.answer().unwrap().carried);
}

#[test]
fn agreeing_a_blind_tally_reveals_it_first_and_a_restart_keeps_it_hidden() {
    let mut state = workshop_state();
    assert_eq!(chars(&mut state, "b"), vec![Effect::Save]);
    assert!(state.assessment.blind);
    chars(&mut state, "3343");
    // A restart in blind mode: the tally is still hidden, and nothing says where it lies.
    let mut state = restarted(&state);
    assert!(!tally_shown(&state));
    let shown = crate::workshop::shown(&state.routemap, state.assessment.blind, state.answer());
    assert!(shown.hidden && shown.median.is_none() && shown.tally.is_none());
    press(&mut state, KeyCode::Backspace);
    assert_eq!(
        message(&state),
        "Took back the last vote (3 cast).",
        "no stage named"
    );
    assert_eq!(press(&mut state, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(current(&state), None, "the first Enter only reveals");
    assert!(tally_shown(&state));
    assert_eq!(
        message(&state),
        "Revealed: the median of 3 votes is 3 Route planned. Enter again agrees it."
    );
    press(&mut state, KeyCode::Enter);
    assert_eq!(
        current(&state),
        Some(Current::Stage("route-planned".into()))
    );
    // The next theme is hidden; agreeing another stage there reveals it too.
    chars(&mut state, "l1");
    assert!(!tally_shown(&state));
    chars(&mut state, "a2");
    assert!(tally_shown(&state) && state.answer().unwrap().revealed);
}

#[test]
fn a_new_round_keeps_the_last_and_u_takes_it_back() {
    let mut state = workshop_state();
    assert!(chars(&mut state, "r").is_empty(), "no votes, no round");
    chars(&mut state, "135");
    chars(&mut state, "r");
    assert_eq!(votes(&state), [0, 0, 0, 0, 0]);
    assert_eq!(state.answer().unwrap().rounds.len(), 1);
    assert_eq!(
        message(&state),
        "Round 2: the tally starts again; round 1's votes are kept."
    );
    chars(&mut state, "2");
    let state_after_restart = restarted(&state);
    assert_eq!(state_after_restart.answer().unwrap().rounds.len(), 1);
    chars(&mut state, "uu");
    assert_eq!(votes(&state), [1, 0, 1, 0, 1]);
    assert!(state.answer().unwrap().rounds.is_empty());
}

#[test]
fn agreeing_a_parked_theme_unparks_it_and_u_parks_it_again() {
    let mut state = workshop_state();
    chars(&mut state, "p");
    chars(&mut state, "a3");
    assert!(!state.answer().unwrap().parked);
    chars(&mut state, "u");
    assert!(state.answer().unwrap().parked);
    assert_eq!(current(&state), None);
    assert_eq!(message(&state), "Took back the agreement: no stage agreed.");
}

#[test]
fn x_in_a_workshop_is_an_agreement_u_takes_back() {
    let mut state = workshop_state();
    chars(&mut state, "x");
    assert_eq!(current(&state), Some(Current::NotApplicable));
    chars(&mut state, "x");
    assert_eq!(
        current(&state),
        Some(Current::NotApplicable),
        "x does not toggle it off unseen"
    );
    chars(&mut state, "u");
    assert_eq!(current(&state), None);
}

#[test]
fn n_writes_the_rooms_note_not_the_private_notes() {
    let mut state = workshop_state();
    chars(&mut state, "n");
    assert!(state.is_editing());
    chars(&mut state, "Dŵr: agreed 2");
    press(&mut state, KeyCode::Esc);
    assert!(!state.is_editing());
    let answer = state.answer().unwrap();
    assert_eq!(answer.room_note.as_deref(), Some("Dŵr: agreed 2"));
    assert_eq!(answer.notes, None);
}

#[test]
fn t_with_minutes_sets_a_countdown_that_says_when_it_runs_out() {
    let mut state = workshop_state();
    let start = state.workshop.now;
    chars(&mut state, "T");
    assert!(matches!(state.mode, Mode::AwaitMinutes(_)));
    chars(&mut state, "2x");
    assert!(
        matches!(&state.mode, Mode::AwaitMinutes(typed) if typed.digits == "2"),
        "x is not a digit"
    );
    assert!(press(&mut state, KeyCode::Enter).is_empty());
    assert_eq!(message(&state), "Countdown: 2 minutes on this theme.");
    assert!(state.workshop.running_since.is_some());
    let later = |secs| Msg::Tick(start + std::time::Duration::from_secs(secs));
    assert!(update(&mut state, later(119)).is_empty());
    assert_eq!(update(&mut state, later(121)), vec![Effect::Bell]);
    assert!(state.message.as_ref().unwrap().is_error);
    assert!(update(&mut state, later(122)).is_empty(), "said once");
    chars(&mut state, "T");
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    assert!(
        state.workshop.running_since.is_some(),
        "Esc changes nothing"
    );
}

#[test]
fn enter_agrees_the_median_and_a_then_a_digit_agrees_another() {
    let mut state = workshop_state();
    assert!(
        press(&mut state, KeyCode::Enter).is_empty(),
        "no votes, nothing to agree"
    );
    chars(&mut state, "2233");
    assert_eq!(press(&mut state, KeyCode::Enter), vec![Effect::Save]);
    assert_eq!(
        current(&state),
        Some(Current::Stage("flag-planted".into())),
        "even count: the lower middle"
    );
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text == "Agreed: 2 Flag planted (the median of 4 votes).")
    );
    chars(&mut state, "a");
    assert!(matches!(state.mode, Mode::AwaitAgreed));
    chars(&mut state, "4");
    assert_eq!(current(&state), Some(Current::Stage("on-the-route".into())));
    chars(&mut state, "a");
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    assert_eq!(state.screen, Screen::Workshop, "Esc after a only cancels");
}

#[test]
fn blind_voting_hides_the_tally_until_revealed_per_theme() {
    let mut state = workshop_state();
    assert!(tally_shown(&state));
    chars(&mut state, "b");
    assert!(!tally_shown(&state));
    chars(&mut state, "33");
    assert!(!tally_shown(&state));
    chars(&mut state, "v");
    assert!(tally_shown(&state));
    chars(&mut state, "l");
    assert!(!tally_shown(&state), "the next theme starts hidden again");
    chars(&mut state, "b");
    assert!(tally_shown(&state));
}

#[test]
fn the_timer_runs_per_theme_and_stops_on_leaving_it() {
    let mut state = workshop_state();
    let start = state.workshop.now;
    chars(&mut state, "T");
    press(&mut state, KeyCode::Enter);
    assert!(state.workshop.running_since.is_some());
    update(
        &mut state,
        Msg::Tick(start + std::time::Duration::from_secs(75)),
    );
    assert_eq!(state.workshop.elapsed("leadership", true).as_secs(), 75);
    chars(&mut state, "l");
    assert!(
        state.workshop.running_since.is_none(),
        "leaving the theme stops its timer"
    );
    assert_eq!(
        state.workshop.elapsed("leadership", false).as_secs(),
        75,
        "its time is kept"
    );
    chars(&mut state, "T");
    press(&mut state, KeyCode::Enter);
    update(
        &mut state,
        Msg::Tick(start + std::time::Duration::from_secs(80)),
    );
    chars(&mut state, "T");
    press(&mut state, KeyCode::Enter);
    assert_eq!(state.workshop.elapsed("governance", true).as_secs(), 5);
}

#[test]
fn p_parks_a_theme_and_saves() {
    let mut state = workshop_state();
    assert_eq!(chars(&mut state, "p"), vec![Effect::Save]);
    assert!(state.answer().unwrap().parked);
    chars(&mut state, "p");
    assert!(!state.answer().is_some_and(|a| a.parked));
}

#[test]
fn moving_past_the_last_theme_shows_the_summary() {
    let mut state = workshop_state();
    chars(&mut state, "G");
    assert_eq!(state.selected, 11);
    press(&mut state, KeyCode::Right);
    assert_eq!(state.screen, Screen::WorkshopSummary);
    chars(&mut state, "s");
    assert_eq!(state.screen, Screen::Workshop);
    chars(&mut state, "s");
    press(&mut state, KeyCode::Esc);
    assert_eq!(state.screen, Screen::Workshop);
    chars(&mut state, "h");
    assert_eq!(state.selected, 10);
    assert_eq!(
        chars(&mut state, "q"),
        vec![Effect::RememberPosition, Effect::Quit]
    );
}

#[test]
fn the_workshop_refuses_changes_when_read_only() {
    let mut state = workshop_state();
    // Votes cast before the file turned read-only: nothing may take them back either.
    chars(&mut state, "23");
    let before = state.assessment.clone();
    state.read_only = Some("open elsewhere".into());
    for keys in ["3", "p", "a", "u", "r", "b", "n", "x"] {
        assert!(chars(&mut state, keys).is_empty(), "{keys}");
    }
    assert!(press(&mut state, KeyCode::Backspace).is_empty());
    assert!(press(&mut state, KeyCode::Enter).is_empty());
    assert_eq!(state.assessment, before);
    assert!(
        state
            .message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("Read-only")),
        "and says why"
    );
}

#[test]
fn a_failed_save_stays_said_until_a_save_works() {
    let mut state = state();
    state.save_problem = Some(problem("Not saved: the disk is full"));
    press(&mut state, KeyCode::Char('j'));
    press(&mut state, KeyCode::Char('?'));
    press(&mut state, KeyCode::Esc);
    assert_eq!(
        state.save_problem,
        Some(problem("Not saved: the disk is full")),
        "keys clear passing messages, not a failed save"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut state = state();
    state.save_problem = Some(problem("Not saved: the disk is full"));
    state.save_elsewhere_suggestion = "~/anytown-unsaved.yaml".into();
    assert_eq!(press(&mut state, KeyCode::Char('q')), vec![]);
    assert!(matches!(state.mode, Mode::ConfirmQuit));
    // r: save again, and quit only if that worked (the runner decides).
    assert_eq!(
        press(&mut state, KeyCode::Char('r')),
        vec![Effect::Save, Effect::QuitIfSaved]
    );
    // Esc goes back to the assessment with nothing lost.
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
    // Q quits without them.
    press(&mut state, KeyCode::Char('q'));
    let effects = press(&mut state, KeyCode::Char('Q'));
    assert!(effects.contains(&Effect::Quit), "{effects:?}");
}

#[test]
fn w_asks_where_to_write_the_unsaved_changes() {
    let mut state = state();
    state.save_problem = Some(problem("Not saved: the disk is full"));
    state.save_elsewhere_suggestion = "/tmp/anytown-unsaved.yaml".into();
    press(&mut state, KeyCode::Char('q'));
    press(&mut state, KeyCode::Char('w'));
    let Mode::SaveElsewhere(prompt) = &state.mode else {
        panic!("the prompt is open: {:?}", state.mode);
    };
    assert_eq!(prompt.input.lines(), ["/tmp/anytown-unsaved.yaml"]);
    // Typed letters edit the path; none of them is a key of the walk.
    assert_eq!(chars(&mut state, "2q"), vec![]);
    assert_eq!(
        press(&mut state, KeyCode::Enter),
        vec![Effect::SaveElsewhere("/tmp/anytown-unsaved.yaml2q".into())]
    );
    // Esc in the prompt goes back to the question, not out of it.
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::ConfirmQuit));
}

#[test]
fn quitting_when_everything_is_saved_does_not_ask() {
    let mut state = state();
    assert!(press(&mut state, KeyCode::Char('q')).contains(&Effect::Quit));
    let mut state = state_read_only();
    state.save_problem = Some(problem("never saved"));
    assert!(
        press(&mut state, KeyCode::Char('q')).contains(&Effect::Quit),
        "a read-only session has nothing to lose"
    );
}

fn state_read_only() -> State {
    let mut state = state();
    state.read_only = Some("open elsewhere".into());
    state
}

fn problem(short: &str) -> crate::store::SaveProblem {
    crate::store::SaveProblem {
        short: short.into(),
        detail: format!("{short}, in detail"),
    }
}

#[test]
fn no_key_changes_anything_while_the_screen_is_too_small() {
    let mut state = state();
    update(&mut state, Msg::Resize(59, 18));
    assert!(state.too_small());
    assert_eq!(press(&mut state, KeyCode::Char('2')), vec![]);
    assert_eq!(press(&mut state, KeyCode::Char('j')), vec![]);
    assert_eq!(current(&state), None);
    assert_eq!(state.selected, 0);
    // Quitting is allowed: nothing is lost by it.
    assert!(press(&mut state, KeyCode::Char('q')).contains(&Effect::Quit));
    // Unless a save failed: the question it asks could not be seen.
    state.save_problem = Some(problem("Not saved: the disk is full"));
    assert_eq!(press(&mut state, KeyCode::Char('q')), vec![]);
    assert!(matches!(state.mode, Mode::Normal));
    // Back to a usable size, keys work again.
    update(&mut state, Msg::Resize(80, 24));
    assert_eq!(press(&mut state, KeyCode::Char('2')), vec![Effect::Save]);
}

#[test]
fn an_open_editor_takes_no_typing_while_the_screen_is_too_small() {
    let mut state = state();
    press(&mut state, KeyCode::Char('n'));
    update(&mut state, Msg::Resize(40, 10));
    assert_eq!(chars(&mut state, "hidden"), vec![]);
    update(&mut state, Msg::Resize(80, 24));
    chars(&mut state, "seen");
    assert_eq!(
        state.answer().and_then(|a| a.notes.as_deref()),
        Some("seen")
    );
}

#[test]
fn p_asks_the_runner_to_write_the_report() {
    let mut state = state();
    assert_eq!(chars(&mut state, "p"), vec![Effect::WriteReport]);
    chars(&mut state, "r");
    assert_eq!(
        chars(&mut state, "p"),
        vec![Effect::WriteReport],
        "from the review too"
    );
}

#[test]
fn the_introduction_comes_back_with_i_and_any_key_closes_it() {
    let mut state = state();
    chars(&mut state, "i");
    assert!(state.show_intro);
    assert!(chars(&mut state, "3").is_empty(), "the key only closes it");
    assert!(!state.show_intro);
    assert_eq!(current(&state), None);
    chars(&mut state, "i");
    assert!(
        chars(&mut state, "q").contains(&Effect::Quit),
        "q still quits"
    );
}

#[test]
fn a_paste_outside_an_editor_opens_the_notes_and_runs_no_key() {
    let mut state = state();
    let effects = update(&mut state, Msg::Paste("x3t5 hello\r\nsecond line".into()));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(current(&state), None, "no stage was set");
    assert_eq!(state.answer().and_then(|a| a.target.clone()), None);
    assert!(
        matches!(state.mode, Mode::Editing(_)),
        "the notes editor is open"
    );
    assert_eq!(
        state.answer().and_then(|a| a.notes.as_deref()),
        Some("x3t5 hello\nsecond line")
    );
}

#[test]
fn a_paste_into_an_open_editor_goes_in_at_the_cursor() {
    let mut state = state();
    chars(&mut state, "e");
    chars(&mut state, "see ");
    update(
        &mut state,
        Msg::Paste("https://intranet.example/a\nhttps://intranet.example/b".into()),
    );
    assert_eq!(
        state.answer().map(|a| a.evidence.clone()),
        Some(vec![
            "see https://intranet.example/a".to_string(),
            "https://intranet.example/b".to_string()
        ])
    );
}

#[test]
fn a_paste_in_the_workshop_names_the_key_that_opens_the_rooms_note() {
    let said = |state: &State| {
        state
            .message
            .as_ref()
            .map_or(String::new(), |m| m.text.clone())
    };
    let mut state = workshop_state();
    update(&mut state, Msg::Paste("Finance said two".into()));
    let message = said(&state);
    assert!(
        message.contains("room's note") && message.contains("press n"),
        "{message}"
    );
    assert!(
        !message.contains("(or e)") && !message.contains("evidence"),
        "{message}"
    );
    // The key named works: n opens the room's note, and a paste then goes in.
    chars(&mut state, "n");
    assert!(matches!(state.mode, Mode::EditingRoomNote(_)));
    update(&mut state, Msg::Paste("Finance said two".into()));
    press(&mut state, KeyCode::Esc);
    assert_eq!(
        state.answer().and_then(|a| a.room_note.as_deref()),
        Some("Finance said two")
    );
    // From the summary, the way back to the themes comes first.
    chars(&mut state, "s");
    update(&mut state, Msg::Paste("x".into()));
    let message = said(&state);
    assert!(
        message.contains("press s") && message.contains("then n"),
        "{message}"
    );
    // A read-only screen (a follower) says it is read-only, and names no key.
    let mut state = workshop_state();
    state.read_only = Some("a second screen".into());
    update(&mut state, Msg::Paste("x".into()));
    let message = said(&state);
    assert!(message.starts_with("Read-only"), "{message}");
}

#[test]
fn a_paste_changes_nothing_when_read_only_or_in_the_workshop() {
    let mut state = state_read_only();
    assert!(update(&mut state, Msg::Paste("3".into())).is_empty());
    assert!(state.assessment.answers.is_empty());
    let mut state = workshop_state();
    assert!(update(&mut state, Msg::Paste("333".into())).is_empty());
    assert!(state.assessment.answers.is_empty(), "no votes from a paste");
}
