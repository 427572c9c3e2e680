//! The workshop's clocks in `update`: `T` and the minutes of a countdown, the theme's
//! clock started and stopped, and the tick that announces a countdown run out.

use super::super::{Effect, info};
use crate::tui::keys::Action;
use crate::tui::state::{Mode, State, StatusLine};
use crate::workshop::MinutesEntry;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::time::Duration;

/// `T` and what follows it: the minutes typed digit by digit, then Enter.
pub(super) fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    let effects = match action {
        Action::StartCountdown => {
            state.mode = Mode::AwaitMinutes(MinutesEntry::default());
            Vec::new()
        }
        Action::ToggleTimer => toggle_timer(state),
        Action::MinutesDigit(digit) => typed(state, Typed::Digit(digit)),
        Action::MinutesBackspace => typed(state, Typed::Backspace),
        Action::StartMinutes => typed(state, Typed::Enter),
        Action::CancelMinutes => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

/// What was typed after `T`.
enum Typed {
    Digit(u8),
    Backspace,
    Enter,
}

/// A key typed after `T` as it came (from an editor's path), read as the bindings read it.
pub fn minutes_key(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Char(c @ '0'..='9') => typed(state, Typed::Digit(c as u8 - b'0')),
        KeyCode::Backspace | KeyCode::Delete => typed(state, Typed::Backspace),
        KeyCode::Enter => typed(state, Typed::Enter),
        _ => Vec::new(),
    }
}

fn typed(state: &mut State, typed: Typed) -> Vec<Effect> {
    let Mode::AwaitMinutes(entry) = &mut state.mode else {
        return Vec::new();
    };
    match typed {
        Typed::Digit(digit) => {
            if !entry.push(char::from(b'0' + digit.min(9))) {
                state.message = Some(info(format!(
                    "A countdown is {} at most.",
                    minutes_words(Duration::from_secs(
                        crate::workshop::timer::LONGEST_COUNTDOWN_MINUTES * 60
                    ))
                )));
            }
        }
        Typed::Backspace => entry.backspace(),
        Typed::Enter => {
            let length = entry.length();
            state.mode = Mode::Normal;
            return match (length, focused_id(state)) {
                (Some(length), Some(theme)) => {
                    state.workshop.set_countdown(&theme, length);
                    state.message = Some(info(format!(
                        "Countdown: {} on this theme.",
                        minutes_words(length)
                    )));
                    Vec::new()
                }
                _ => toggle_timer(state),
            };
        }
    }
    Vec::new()
}

fn focused_id(state: &State) -> Option<String> {
    state.theme().map(|t| t.id.clone())
}

pub(super) fn stop_timer(state: &mut State) {
    if let Some(theme) = focused_id(state) {
        state.workshop.stop_timer(&theme);
    }
}

fn toggle_timer(state: &mut State) -> Vec<Effect> {
    if state.workshop.running_since.is_some() {
        stop_timer(state);
    } else {
        state.workshop.start_timer();
    }
    Vec::new()
}

/// The time is now `now`: the clocks move, and a countdown that runs out says so once.
pub fn tick(state: &mut State, now: std::time::Instant) -> Vec<Effect> {
    let theme = focused_id(state);
    match state.workshop.tick(now, theme.as_deref()) {
        Some(length) => {
            state.message = Some(StatusLine {
                text: format!(
                    "Time is up: the {}-minute countdown on this theme has run out.",
                    length.as_secs() / 60
                ),
                is_error: true,
            });
            vec![Effect::Bell]
        }
        None => Vec::new(),
    }
}

fn minutes_words(length: Duration) -> String {
    crate::routemap::plural((length.as_secs() / 60) as usize, "minute")
}
