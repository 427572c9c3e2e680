//! `m`: ticking the focused theme's criteria. The ticks are the answer's `met` ids,
//! saved and undoable like every change; the stage they suggest is shown, never set.

use super::{Effect, change_answer, info, refuse_if_read_only};
use crate::tui::keys::Action;
use crate::tui::state::{Mode, Screen, State};

pub(super) fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let count = state.theme().map_or(0, |theme| theme.checklist().count());
    match (action, &state.mode) {
        (Action::StartTicking, Mode::Normal) => start(state, count),
        (Action::TickNext, Mode::Ticking(at)) => {
            state.mode = Mode::Ticking((at + 1).min(count.saturating_sub(1)));
            Vec::new()
        }
        (Action::TickPrevious, Mode::Ticking(at)) => {
            state.mode = Mode::Ticking(at.saturating_sub(1));
            Vec::new()
        }
        (Action::ToggleTick, Mode::Ticking(at)) => toggle(state, *at),
        (Action::FinishTicking, _) => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn start(state: &mut State, count: usize) -> Vec<Effect> {
    if count == 0 {
        state.message = Some(info(
            "This theme has no criteria to tick: the routemap gives none.".into(),
        ));
        return Vec::new();
    }
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    state.screen = Screen::Walk;
    state.mode = Mode::Ticking(0);
    state.message = Some(info(
        "Ticking criteria: ↑↓ choose, Space ticks or unticks, Esc when done.".into(),
    ));
    Vec::new()
}

/// Ticks the criterion at the cursor, or unticks it, and says what the ticks suggest.
fn toggle(state: &mut State, at: usize) -> Vec<Effect> {
    let Some(theme) = state.theme() else {
        return Vec::new();
    };
    let Some((_, criterion)) = theme.checklist().nth(at) else {
        return Vec::new();
    };
    let id = criterion.id.clone();
    // The ticks kept in the checklist's order, ids the routemap no longer has last.
    let order: Vec<String> = theme.checklist().map(|(_, c)| c.id.clone()).collect();
    let effects = change_answer(state, |answer| {
        if let Some(position) = answer.met.iter().position(|met| *met == id) {
            answer.met.remove(position);
        } else {
            answer.met.push(id.clone());
        }
        answer
            .met
            .sort_by_key(|met| order.iter().position(|o| o == met).unwrap_or(usize::MAX));
    });
    if !effects.is_empty() {
        state.message = Some(info(suggestion_words(state)));
    }
    effects
}

/// "3 of 7 criteria met; the ticks suggest 1 Emerging." and a word when they do not
/// support the stage chosen.
pub fn suggestion_words(state: &State) -> String {
    let (Some(theme), answer) = (state.theme(), state.answer()) else {
        return String::new();
    };
    let met = answer.map_or(&[][..], |a| a.met.as_slice());
    let total = theme.checklist().count();
    let ticked = theme
        .checklist()
        .filter(|(_, c)| met.contains(&c.id))
        .count();
    let routemap = &state.routemap;
    let mut words = format!("{ticked} of {total} criteria met");
    if let Some(suggested) = theme.suggested_stage(met) {
        words.push_str(&format!(
            "; the ticks suggest {}",
            routemap.stage_label(suggested)
        ));
    }
    let chosen = answer
        .and_then(|a| a.current_stage())
        .and_then(|id| routemap.stage_index(id));
    if let Some(chosen) = chosen
        && theme.unsupported(chosen, met)
    {
        words.push_str(&format!(
            "; they do not support the stage chosen, {}",
            routemap.stage_label(chosen)
        ));
    }
    words.push('.');
    words
}
