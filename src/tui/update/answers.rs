//! Moving between themes and changing the focused theme's answer.

use super::{Effect, change_answer, focus, info, refuse_if_read_only, stage_id};
use crate::assessment::{Confidence, Current};
use crate::tui::keys::Action;
use crate::tui::state::{Mode, State};

/// Themes moved by PageUp and PageDown.
const PAGE: usize = 10;

/// Focus another theme, moving through the themes in the order the walk lists them.
pub(super) fn navigate(state: &mut State, action: Action) -> Vec<Effect> {
    let last = state.order.len().saturating_sub(1);
    let at = state.display_position();
    let to = |state: &mut State, position: usize| match state.order.get(position) {
        Some(&index) => focus(state, index),
        None => Vec::new(),
    };
    match action {
        Action::PreviousTheme => to(state, at.saturating_sub(1)),
        Action::NextTheme => to(state, (at + 1).min(last)),
        Action::FirstTheme => to(state, 0),
        Action::LastTheme => to(state, last),
        Action::PageUp => to(state, at.saturating_sub(PAGE)),
        Action::PageDown => to(state, (at + PAGE).min(last)),
        Action::NextUnanswered => next_unanswered(state),
        Action::Confirm => confirm(state),
        _ => Vec::new(),
    }
}

/// Change the focused theme's stage, target, n/a or confidence.
pub(super) fn answer(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::SetCurrent(stage) => set_current(state, stage),
        Action::StartTarget => start_target(state),
        Action::SetTarget(stage) => {
            state.mode = Mode::Normal;
            set_target(state, Some(stage))
        }
        Action::ClearTarget => {
            state.mode = Mode::Normal;
            set_target(state, None)
        }
        Action::CancelTarget => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        Action::NotApplicable => change_answer(state, |answer| {
            answer.current = if answer.current == Some(Current::NotApplicable) {
                None
            } else {
                Some(Current::NotApplicable)
            };
            answer.carried = false;
        }),
        Action::ClearCurrent => change_answer(state, |answer| {
            answer.current = None;
            answer.carried = false;
        }),
        Action::CycleConfidence => {
            let effects = change_answer(state, |answer| {
                answer.confidence = match answer.confidence {
                    None => Some(Confidence::Low),
                    Some(Confidence::Low) => Some(Confidence::Medium),
                    Some(Confidence::Medium) => Some(Confidence::High),
                    Some(Confidence::High) => None,
                };
            });
            // The confidence line may be below the fold: say what it is now.
            if !effects.is_empty() {
                let now = state.answer().and_then(|a| a.confidence);
                state.message = Some(info(format!(
                    "Confidence: {} (c changes it).",
                    now.map_or("not set", Confidence::as_str)
                )));
            }
            effects
        }
        _ => Vec::new(),
    }
}

fn start_target(state: &mut State) -> Vec<Effect> {
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    state.mode = Mode::AwaitTarget;
    // On a scale numbered from 0, `0` is stage 0: only Backspace clears.
    let clear = if state.routemap.first_stage == 0 {
        "Backspace"
    } else {
        "0 or Backspace"
    };
    state.message = Some(info(format!(
        "Target: press {} for the stage, {clear} to clear it, Esc to cancel",
        crate::tui::keys::digit_keys(&state.routemap)
    )));
    Vec::new()
}

/// The next theme with no stage, or with one carried over and not yet confirmed.
fn next_unanswered(state: &mut State) -> Vec<Effect> {
    let count = state.order.len();
    let at = state.display_position();
    let unanswered = (1..=count)
        .filter_map(|step| state.order.get((at + step) % count).copied())
        .find(|index| {
            state
                .answer_at(*index)
                .is_none_or(|answer| answer.current.is_none() || answer.carried)
        });
    match unanswered {
        Some(index) => focus(state, index),
        None => {
            state.message = Some(info(
                "Every theme has a stage, and none is left to confirm.".into(),
            ));
            Vec::new()
        }
    }
}

/// `C`: asks before confirming every carried answer as it stands.
pub(super) fn ask_confirm_all(state: &mut State) -> Vec<Effect> {
    let (_, carried, _) = state.walk_progress();
    if carried == 0 {
        state.message = Some(info("No carried answer is left to confirm.".into()));
    } else if !refuse_if_read_only(state) {
        state.mode = Mode::AwaitConfirmAll;
        state.message = Some(info(format!(
            "Confirm all {carried} carried answers as they stand, unseen? y confirms them, any other key does not."
        )));
    }
    Vec::new()
}

/// `y` after `C`: every carried answer confirmed at once.
pub(super) fn confirm_all(state: &mut State) -> Vec<Effect> {
    state.mode = Mode::Normal;
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let mut before = Vec::new();
    for (theme, answer) in &mut state.assessment.answers {
        if answer.carried {
            before.push((theme.clone(), answer.clone()));
            answer.carried = false;
        }
    }
    let count = before.len();
    state.undo.record_all(before);
    state.message = Some(info(format!("Confirmed {count} carried answers.")));
    if count == 0 {
        Vec::new()
    } else {
        vec![Effect::Save]
    }
}

fn set_current(state: &mut State, stage: usize) -> Vec<Effect> {
    let Some(stage_id) = stage_id(state, stage) else {
        return Vec::new();
    };
    change_answer(state, |answer| {
        answer.current = Some(Current::Stage(stage_id));
        answer.carried = false;
    })
}

fn set_target(state: &mut State, stage: Option<usize>) -> Vec<Effect> {
    let stage_id = match stage {
        Some(stage) => match stage_id(state, stage) {
            Some(id) => Some(id),
            None => return Vec::new(),
        },
        None => None,
    };
    change_answer(state, |answer| {
        answer.target = stage_id;
        answer.carried = false;
    })
}

fn confirm(state: &mut State) -> Vec<Effect> {
    let carried = state.answer().is_some_and(|answer| answer.carried);
    let mut effects = if carried {
        change_answer(state, |answer| answer.carried = false)
    } else {
        Vec::new()
    };
    let next = state.order.get(state.display_position() + 1).copied();
    effects.extend(next.map_or_else(Vec::new, |index| focus(state, index)));
    effects
}

/// `u`: the last change to answers taken back, on whichever theme it was; the theme
/// is focused so the user sees what came back.
pub(super) fn undo(state: &mut State) -> Vec<Effect> {
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let Some(step) = state.undo.take() else {
        state.message = Some(info("Nothing to undo.".into()));
        return Vec::new();
    };
    let count = step.before.len();
    let mut effects = Vec::new();
    let mut what = String::new();
    for (theme, before) in step.before {
        if what.is_empty()
            && let Some(index) = state.routemap.theme_index(&theme)
        {
            effects.extend(focus(state, index));
        }
        let answer = state.assessment.answer_mut(&state.routemap, &theme);
        if what.is_empty() {
            what = crate::tui::undo::describe(&state.routemap, answer, &before);
        }
        *answer = before;
    }
    let whose = match (count, state.theme()) {
        (1, Some(theme)) => format!(" of {}", theme.name),
        _ => format!(" of {count} themes"),
    };
    let more = if state.undo.is_empty() {
        ""
    } else {
        " Press u again for the one before."
    };
    let sentence = format!("Undone: {what}{whose}");
    // A theme named as a question ends its own sentence.
    let stop = if sentence.ends_with(['?', '!', '.']) {
        ""
    } else {
        "."
    };
    state.message = Some(info(format!("{sentence}{stop}{more}")));
    effects.push(Effect::Save);
    effects
}
