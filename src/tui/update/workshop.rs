//! `update` for the workshop: votes, agreeing a stage, blind voting, the timer, parking.

use super::{Effect, change_answer, info, refuse_if_read_only, stage_id};
use crate::assessment::Current;
use crate::tui::keys::Action;
use crate::tui::state::{Mode, Screen, State, StatusLine};
use crate::workshop;

/// Handles the workshop's own actions; `None` for the ones shared with the walk.
pub fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    let effects = match action {
        Action::ToggleWorkshop => {
            stop_timer(state);
            state.mode = Mode::Normal;
            state.screen = match state.screen {
                Screen::Workshop | Screen::WorkshopSummary => Screen::Walk,
                Screen::Walk | Screen::Review => Screen::Workshop,
            };
            state.workshop.revealed = false;
            Vec::new()
        }
        Action::AddVote(stage) => add_vote(state, stage),
        Action::RemoveVote => remove_vote(state),
        Action::AgreeMedian => agree_median(state),
        Action::StartAgree => {
            if !refuse_if_read_only(state) {
                state.mode = Mode::AwaitAgreed;
                let keys = crate::tui::keys::digit_keys(state.routemap.stages.len());
                state.message = Some(info(format!(
                    "Agreed stage: press {keys}, or Esc to cancel"
                )));
            }
            Vec::new()
        }
        Action::SetAgreed(stage) => {
            state.mode = Mode::Normal;
            agree(state, stage, None)
        }
        Action::CancelAgree => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        Action::ToggleBlind => {
            state.workshop.blind = !state.workshop.blind;
            state.workshop.revealed = false;
            state.message = Some(info(if state.workshop.blind {
                "Blind voting: the tally stays hidden until v reveals it.".into()
            } else {
                "Blind voting off: the tally shows as votes come in.".into()
            }));
            Vec::new()
        }
        Action::Reveal => {
            state.workshop.revealed = true;
            Vec::new()
        }
        Action::ToggleTimer => {
            if state.workshop.running_since.is_some() {
                stop_timer(state);
            } else {
                state.workshop.running_since = Some(state.workshop.now);
            }
            Vec::new()
        }
        Action::TogglePark => change_answer(state, |answer| answer.parked = !answer.parked),
        Action::Summary => {
            stop_timer(state);
            state.screen = Screen::WorkshopSummary;
            Vec::new()
        }
        Action::NextTheme
            if state.screen == Screen::Workshop
                && state.selected + 1 >= state.routemap.themes.len() =>
        {
            stop_timer(state);
            state.screen = Screen::WorkshopSummary;
            Vec::new()
        }
        Action::Back if state.screen == Screen::WorkshopSummary => {
            state.screen = Screen::Workshop;
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

fn stop_timer(state: &mut State) {
    if let Some(theme) = state.theme().map(|t| t.id.clone()) {
        state.workshop.stop_timer(&theme);
    }
}

fn add_vote(state: &mut State, stage: usize) -> Vec<Effect> {
    if stage_id(state, stage).is_none() {
        return Vec::new();
    }
    let Some(theme) = state.theme().map(|t| t.id.clone()) else {
        return Vec::new();
    };
    let routemap = state.routemap.clone();
    let mut added = false;
    let effects = change_answer(state, |answer| {
        added = workshop::add_vote(&routemap, answer, stage);
    });
    if added {
        state.workshop.history.entry(theme).or_default().push(stage);
    } else if !effects.is_empty() {
        state.message = Some(info(
            "That stage already has the most votes a tally can hold.".into(),
        ));
    }
    effects
}

/// Takes back the last vote cast this session; after a restart (no history), one vote
/// from the highest stage that has any.
fn remove_vote(state: &mut State) -> Vec<Effect> {
    let Some(theme) = state.theme().map(|t| t.id.clone()) else {
        return Vec::new();
    };
    let counts = workshop::tally(&state.routemap, state.answer());
    let last = state
        .workshop
        .history
        .get(&theme)
        .and_then(|votes| votes.last().copied());
    let Some(stage) = last.or_else(|| counts.iter().rposition(|count| *count > 0)) else {
        state.message = Some(info("No votes to take back.".into()));
        return Vec::new();
    };
    let routemap = state.routemap.clone();
    let mut removed = false;
    let effects = change_answer(state, |answer| {
        removed = workshop::remove_vote(&routemap, answer, stage)
    });
    if removed && let Some(votes) = state.workshop.history.get_mut(&theme) {
        votes.pop();
    }
    effects
}

fn agree_median(state: &mut State) -> Vec<Effect> {
    let counts = workshop::tally(&state.routemap, state.answer());
    match workshop::median(&counts) {
        Some(stage) => {
            let why = format!("the median of {} votes", workshop::total(&counts));
            agree(state, stage, Some(why))
        }
        None => {
            let keys = crate::tui::keys::digit_keys(state.routemap.stages.len());
            state.message = Some(StatusLine {
                text: format!(
                    "No votes yet: press {keys} for each vote, or a then a stage to record one."
                ),
                is_error: true,
            });
            Vec::new()
        }
    }
}

/// Records `stage` as the agreed current stage, saying so.
fn agree(state: &mut State, stage: usize, why: Option<String>) -> Vec<Effect> {
    let Some(id) = stage_id(state, stage) else {
        return Vec::new();
    };
    let effects = change_answer(state, |answer| {
        answer.current = Some(Current::Stage(id));
        answer.carried = false;
    });
    if !effects.is_empty() {
        let name = &state.routemap.stages[stage].name;
        let why = why.map(|w| format!(" ({w})")).unwrap_or_default();
        state.message = Some(info(format!("Agreed: {} {name}{why}.", stage + 1)));
    }
    effects
}
