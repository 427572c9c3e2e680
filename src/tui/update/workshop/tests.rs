//! The workshop's screens in `update`: a stage in full, the countdown's own keys, the
//! room's note typed as text, the bright room's palette, and messages that read as
//! English for one vote and for a scale of two stages.

use crate::tui::keys::{Context, context_of};
use crate::tui::state::{Mode, Screen, State};
use crate::tui::update::tests::{chars, press};
use crate::tui::update::{Msg, update};
use ratatui::crossterm::event::KeyCode;

fn workshop() -> State {
    let mut state = crate::tui::update::tests::state();
    chars(&mut state, "w");
    assert_eq!(state.screen, Screen::Workshop);
    state
}

fn message(state: &State) -> &str {
    state.message.as_ref().map_or("", |m| m.text.as_str())
}

fn showing(state: &State) -> Option<usize> {
    match state.mode {
        Mode::StageInFull(stage) => Some(stage),
        _ => None,
    }
}

#[test]
fn d_shows_the_agreed_stage_then_the_median_then_the_first() {
    let mut state = workshop();
    chars(&mut state, "d");
    assert_eq!(showing(&state), Some(0), "no votes: the first stage");
    assert_eq!(context_of(&state), Context::Stage);
    press(&mut state, KeyCode::Esc);
    chars(&mut state, "344d");
    assert_eq!(showing(&state), Some(3), "the median");
    chars(&mut state, "d");
    assert_eq!(showing(&state), None, "d again goes back");
    chars(&mut state, "a2d");
    assert_eq!(showing(&state), Some(1), "the agreed stage");
}

#[test]
fn a_stage_in_full_moves_between_stages_and_never_votes() {
    let mut state = workshop();
    chars(&mut state, "d");
    press(&mut state, KeyCode::Right);
    press(&mut state, KeyCode::Right);
    assert_eq!(showing(&state), Some(2));
    chars(&mut state, "5");
    assert_eq!(showing(&state), Some(4), "a digit shows that stage");
    press(&mut state, KeyCode::Right);
    assert_eq!(showing(&state), Some(4), "the last stage stays");
    chars(&mut state, "9");
    assert_eq!(showing(&state), Some(4));
    assert_eq!(message(&state), "This routemap has 5 stages; press 1 to 5.");
    assert!(
        state.answer().is_none_or(|a| a.votes.is_empty()),
        "no vote cast"
    );
    state.detail_scroll = 6;
    press(&mut state, KeyCode::Left);
    assert_eq!((showing(&state), state.detail_scroll), (Some(3), 0));
    press(&mut state, KeyCode::Enter);
    assert_eq!(showing(&state), Some(3), "Enter agrees nothing here");
    assert!(state.answer().is_none_or(|a| a.current.is_none()));
    press(&mut state, KeyCode::Esc);
    assert_eq!(showing(&state), None);
}

#[test]
fn a_hidden_tally_opens_on_the_first_stage_not_its_median() {
    let mut state = workshop();
    chars(&mut state, "b5555d");
    assert_eq!(showing(&state), Some(0), "the median would tell the room");
}

#[test]
fn the_countdowns_minutes_have_keys_of_their_own() {
    let mut state = workshop();
    chars(&mut state, "T");
    assert_eq!(context_of(&state), Context::Minutes);
    chars(&mut state, "1q0");
    press(&mut state, KeyCode::Backspace);
    chars(&mut state, "5");
    assert!(matches!(&state.mode, Mode::AwaitMinutes(typed) if typed.digits == "15"));
    assert_eq!(state.screen, Screen::Workshop, "q typed no quit");
    press(&mut state, KeyCode::Enter);
    assert_eq!(message(&state), "Countdown: 15 minutes on this theme.");
    chars(&mut state, "T6001");
    assert_eq!(message(&state), "A countdown is 600 minutes at most.");
    press(&mut state, KeyCode::Esc);
    assert!(matches!(state.mode, Mode::Normal));
}

#[test]
fn the_rooms_note_is_typed_as_text_and_esc_leaves_it() {
    let mut state = workshop();
    chars(&mut state, "n");
    assert_eq!(context_of(&state), Context::RoomNote);
    chars(&mut state, "dqxb 2");
    assert_eq!(
        state.answer().and_then(|a| a.room_note.as_deref()),
        Some("dqxb 2"),
        "keys the workshop binds are letters here"
    );
    press(&mut state, KeyCode::Esc);
    assert_eq!(context_of(&state), Context::Workshop);
    assert!(!state.assessment.blind);
}

#[test]
fn l_switches_the_workshop_to_the_light_palette_and_back() {
    let mut state = workshop();
    assert!(chars(&mut state, "L").is_empty(), "nothing to save");
    assert!(state.workshop.light);
    assert!(message(&state).starts_with("Light palette, for a bright room"));
    chars(&mut state, "s");
    assert_eq!(state.screen, Screen::WorkshopSummary);
    chars(&mut state, "L");
    assert!(!state.workshop.light, "the summary switches it too");
}

#[test]
fn one_vote_is_not_a_median_of_votes() {
    let mut state = workshop();
    chars(&mut state, "3");
    press(&mut state, KeyCode::Enter);
    assert_eq!(
        message(&state),
        "Agreed: 3 Route planned (the one vote cast)."
    );
    chars(&mut state, "lb2");
    press(&mut state, KeyCode::Enter);
    assert_eq!(
        message(&state),
        "Revealed: the one vote cast is for 2 Flag planted. Enter again agrees it."
    );
}

#[test]
fn a_scale_of_two_stages_says_press_1_or_2() {
    let mut state = workshop();
    state.routemap.stages.truncate(2);
    for theme in &mut state.routemap.themes {
        theme.descriptors.truncate(2);
    }
    chars(&mut state, "a");
    assert_eq!(
        message(&state),
        "Agreed stage: press 1 or 2, or Esc to cancel"
    );
    chars(&mut state, "3");
    assert_eq!(message(&state), "This routemap has 2 stages; press 1 or 2.");
}

#[test]
fn scrolling_the_stages_is_bounded_by_what_was_drawn() {
    let mut state = workshop();
    update(
        &mut state,
        Msg::Measured(crate::tui::state::Measured {
            detail_max_scroll: 4,
            ..Default::default()
        }),
    );
    chars(&mut state, "JJJ");
    assert_eq!(state.detail_scroll, 4);
    chars(&mut state, "K");
    assert_eq!(state.detail_scroll, 1);
    chars(&mut state, "l");
    assert_eq!(state.detail_scroll, 0, "a new theme starts at its top");
}

#[test]
fn a_long_help_scrolls_in_the_workshop_and_any_other_key_closes_it() {
    let mut state = workshop();
    chars(&mut state, "?");
    update(
        &mut state,
        Msg::Measured(crate::tui::state::Measured {
            help_max_scroll: 30,
            ..Default::default()
        }),
    );
    chars(&mut state, "j");
    assert!(state.show_help && state.help_scroll > 0);
    chars(&mut state, "k");
    assert_eq!(state.help_scroll, 0);
    chars(&mut state, "l");
    assert!(!state.show_help, "any other key closes");
    assert_eq!(state.selected, 0, "and does nothing else");
}
