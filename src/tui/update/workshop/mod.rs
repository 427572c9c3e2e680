//! `update` for the workshop: votes, agreeing a stage, rounds, blind voting, undo, the
//! room's note, a stage in full ([`stage`]) and the clocks ([`clock`]). The rules
//! themselves are in `crate::workshop`; this applies them to the focused theme and says
//! what happened.

mod clock;
mod stage;

pub use clock::{minutes_key, tick};

use super::{Effect, change_answer, info, refuse_if_read_only, stage_id};
use crate::assessment::{Answer, Current};
use crate::tui::keys::{Action, digit_words};
use crate::tui::state::{EditField, Editor, Mode, Screen, State, StatusLine};
use crate::workshop::{self, Standing, Step, Undone, voting};
use clock::stop_timer;

/// Handles the workshop's own actions; `None` for the ones shared with the walk.
pub fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    if let Some(effects) = clock::act(state, action).or_else(|| stage::act(state, action)) {
        return Some(effects);
    }
    let on_theme = state.screen == Screen::Workshop;
    let effects = match action {
        Action::ToggleWorkshop => {
            stop_timer(state);
            state.mode = Mode::Normal;
            state.screen = match state.screen {
                Screen::Workshop | Screen::WorkshopSummary => Screen::Walk,
                Screen::Walk | Screen::Review => Screen::Workshop,
            };
            Vec::new()
        }
        Action::AddVote(stage) => add_vote(state, stage),
        Action::RemoveVote => remove_vote(state),
        // In the walk and the review, `u` undoes the last change to an answer instead.
        Action::Undo if matches!(state.screen, Screen::Workshop | Screen::WorkshopSummary) => {
            undo(state)
        }
        Action::AgreeMedian => agree_median(state),
        Action::StartAgree => {
            if !refuse_if_read_only(state) {
                state.mode = Mode::AwaitAgreed;
                let keys = digit_words(&state.routemap);
                state.message = Some(info(format!(
                    "Agreed stage: press {keys}, or Esc to cancel"
                )));
            }
            Vec::new()
        }
        Action::SetAgreed(stage) => {
            state.mode = Mode::Normal;
            match stage_id(state, stage) {
                Some(id) => agree(state, Current::Stage(id), None),
                None => Vec::new(),
            }
        }
        Action::CancelAgree => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        Action::NotApplicable if on_theme => agree_not_applicable(state),
        Action::NewRound => new_round(state),
        Action::ToggleBlind => toggle_blind(state),
        Action::Reveal => reveal(state),
        Action::EditRoomNote => {
            if !refuse_if_read_only(state) {
                let note = state.answer().and_then(|a| a.room_note.clone());
                let editor = Editor::new(EditField::Notes, note.as_deref().unwrap_or(""));
                state.mode = Mode::EditingRoomNote(Box::new(editor));
                state.undo.start_editing();
            }
            Vec::new()
        }
        Action::ToggleLight => toggle_light(state),
        Action::TogglePark => change_answer(state, |answer| answer.parked = !answer.parked),
        // Which screen is up is remembered with the place: a second screen follows it.
        Action::Summary => {
            stop_timer(state);
            state.screen = Screen::WorkshopSummary;
            vec![Effect::RememberPosition]
        }
        Action::NextTheme if on_theme && state.display_position() + 1 >= state.order.len() => {
            stop_timer(state);
            state.screen = Screen::WorkshopSummary;
            vec![Effect::RememberPosition]
        }
        Action::Back if state.screen == Screen::WorkshopSummary => {
            state.screen = Screen::Workshop;
            vec![Effect::RememberPosition]
        }
        _ => return None,
    };
    Some(effects)
}

/// `L`: the bright room's palette, or back to the dark one (not saved: it is the room's).
fn toggle_light(state: &mut State) -> Vec<Effect> {
    state.workshop.light = !state.workshop.light;
    state.message = Some(info(if state.workshop.light {
        "Light palette, for a bright room: dark on white (L again: white on black).".into()
    } else {
        "Dark palette, for a dim room: white on black (L again: dark on white).".into()
    }));
    Vec::new()
}

fn focused_id(state: &State) -> Option<String> {
    state.theme().map(|t| t.id.clone())
}

/// "1 vote", "5 votes".
fn votes_words(total: u64) -> String {
    crate::routemap::plural(usize::try_from(total).unwrap_or(usize::MAX), "vote")
}

/// Why a median was agreed, in words: "the median of 4 votes", "the one vote cast".
fn median_words(total: u64) -> String {
    if total == 1 {
        "the one vote cast".into()
    } else {
        format!("the median of {}", votes_words(total))
    }
}

/// Changes the focused theme's answer and remembers the step for `u`.
fn change_recorded(
    state: &mut State,
    change: impl FnOnce(&mut Answer) -> Option<Step>,
) -> (Vec<Effect>, bool) {
    let Some(theme) = focused_id(state) else {
        return (Vec::new(), false);
    };
    let mut step = None;
    let effects = change_answer(state, |answer| step = change(answer));
    let done = step.is_some();
    if let Some(step) = step {
        state.workshop.record(&theme, step);
    }
    (effects, done)
}

fn add_vote(state: &mut State, stage: usize) -> Vec<Effect> {
    if stage_id(state, stage).is_none() {
        return Vec::new();
    }
    let routemap = state.routemap.clone();
    let (effects, cast) = change_recorded(state, |answer| {
        voting::cast_vote(&routemap, answer, stage).then_some(Step::Vote)
    });
    if !cast && !effects.is_empty() {
        state.message = Some(info(
            "That stage already has the most votes a tally can hold.".into(),
        ));
    }
    effects
}

/// True while the focused theme's tally is hidden from the room.
fn hidden(state: &State) -> bool {
    workshop::standing::is_hidden(state.assessment.blind, state.answer())
}

/// What taking back a vote says: which stage, unless that would tell a hidden tally.
fn taken_back_message(state: &State, taken: voting::TakenBack) -> StatusLine {
    let left = workshop::total(&workshop::tally(&state.routemap, state.answer()));
    let text = if hidden(state) {
        format!("Took back the last vote ({} cast).", left)
    } else {
        let stage = &state.routemap.stages[taken.stage];
        let why = if taken.in_order {
            ""
        } else {
            " (the order of these votes was not saved, so from the highest stage)"
        };
        format!(
            "Took back a vote for {} {}{why}.",
            taken.stage + 1,
            stage.name
        )
    };
    info(text)
}

/// Backspace and Delete: the last vote cast, said aloud.
fn remove_vote(state: &mut State) -> Vec<Effect> {
    let Some(theme) = focused_id(state) else {
        return Vec::new();
    };
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let routemap = state.routemap.clone();
    let mut answer = state.answer().cloned().unwrap_or_default();
    let Some(taken) = state
        .workshop
        .take_back_vote(&routemap, &theme, &mut answer)
    else {
        state.message = Some(info("No votes to take back.".into()));
        return Vec::new();
    };
    let effects = change_answer(state, |saved| *saved = answer);
    state.message = Some(taken_back_message(state, taken));
    effects
}

/// `u`: the last vote, agreement or new round on this theme, taken back.
fn undo(state: &mut State) -> Vec<Effect> {
    let Some(theme) = focused_id(state) else {
        return Vec::new();
    };
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let routemap = state.routemap.clone();
    let mut answer = state.answer().cloned().unwrap_or_default();
    let undone = state.workshop.undo(&routemap, &theme, &mut answer);
    if undone == Undone::Nothing {
        state.message = Some(info("Nothing to take back on this theme.".into()));
        return Vec::new();
    }
    let effects = change_answer(state, |saved| *saved = answer);
    state.message = Some(match undone {
        Undone::Vote(taken) => taken_back_message(state, taken),
        Undone::Agreement => info(format!(
            "Took back the agreement: {}.",
            standing_words(state)
        )),
        Undone::NewRound => {
            info("Took back the new round: the last round's votes are back.".into())
        }
        Undone::Nothing => return Vec::new(),
    });
    effects
}

/// Where the focused theme stands, in words, unless its tally is hidden.
fn standing_words(state: &State) -> String {
    if hidden(state) {
        return "the tally is hidden again".into();
    }
    let at = |at: &workshop::At| match at {
        workshop::At::Stage(index) => state.routemap.stage_label(*index),
        workshop::At::NotApplicable => "not applicable".into(),
        workshop::At::Unknown(id) => format!("'{}'", crate::sanitize::line(id)),
    };
    match workshop::standing(&state.routemap, state.answer()) {
        Standing::Agreed(stage) => format!("agreed {}", at(&stage)),
        Standing::LastTime(stage) => format!("not agreed (last time: {})", at(&stage)),
        Standing::Open => "no stage agreed".into(),
    }
}

/// Enter: agree the median. While the tally is hidden it is revealed first and nothing
/// is agreed: the room sees what it is agreeing to (and any wide spread) before it does.
fn agree_median(state: &mut State) -> Vec<Effect> {
    let counts = workshop::tally(&state.routemap, state.answer());
    let Some(median) = workshop::median(&counts) else {
        state.message = Some(StatusLine {
            text: format!(
                "No votes yet: press {} for each vote, or a then a stage to record one.",
                digit_words(&state.routemap)
            ),
            is_error: true,
        });
        return Vec::new();
    };
    let total = workshop::total(&counts);
    let cast = median_words(total);
    let name = format!("{} {}", median + 1, state.routemap.stages[median].name);
    if hidden(state) {
        let effects = change_answer(state, |answer| {
            voting::reveal(answer);
        });
        if !effects.is_empty() {
            let is = if total == 1 { "is for" } else { "is" };
            state.message = Some(info(format!(
                "Revealed: {cast} {is} {name}. Enter again agrees it."
            )));
        }
        return effects;
    }
    let Some(id) = stage_id(state, median) else {
        return Vec::new();
    };
    agree(state, Current::Stage(id), Some(cast))
}

/// Records `current` as agreed (unparked, no longer carried, the tally revealed).
fn agree(state: &mut State, current: Current, why: Option<String>) -> Vec<Effect> {
    let (effects, _) = change_recorded(state, |answer| {
        Some(Step::Agreed(voting::agree(answer, current)))
    });
    if !effects.is_empty() {
        let why = why.map(|w| format!(" ({w})")).unwrap_or_default();
        let words = standing_words(state);
        let words = words.strip_prefix("agreed ").unwrap_or(&words);
        state.message = Some(info(format!("Agreed: {words}{why}.")));
    }
    effects
}

/// `x` in a workshop: the room agrees the theme does not apply.
fn agree_not_applicable(state: &mut State) -> Vec<Effect> {
    let agreed = matches!(
        workshop::standing(&state.routemap, state.answer()),
        Standing::Agreed(workshop::At::NotApplicable)
    );
    if agreed {
        state.message = Some(info(
            "Already agreed not applicable: u takes it back.".into(),
        ));
        return Vec::new();
    }
    agree(state, Current::NotApplicable, None)
}

fn new_round(state: &mut State) -> Vec<Effect> {
    if state.answer().is_none_or(|a| a.votes.is_empty()) {
        state.message = Some(info(
            "No votes in this round yet: a new round starts once this one has votes.".into(),
        ));
        return Vec::new();
    }
    let rounds_before = state.answer().map_or(0, |a| a.rounds.len());
    let (effects, closed) = change_recorded(state, |answer| {
        voting::new_round(answer).map(Step::NewRound)
    });
    if effects.is_empty() {
        return effects;
    }
    if closed {
        let hidden = if state.assessment.blind {
            ", hidden until v reveals it"
        } else {
            ""
        };
        state.message = Some(info(format!(
            "Round {}: the tally starts again{hidden}; round {}'s votes are kept.",
            rounds_before + 2,
            rounds_before + 1
        )));
    }
    effects
}

fn toggle_blind(state: &mut State) -> Vec<Effect> {
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    state.assessment.blind = !state.assessment.blind;
    state.message = Some(info(if state.assessment.blind {
        "Blind voting: each tally stays hidden until v reveals it.".into()
    } else {
        "Blind voting off: the tally shows as votes come in.".into()
    }));
    vec![Effect::Save]
}

fn reveal(state: &mut State) -> Vec<Effect> {
    if !hidden(state) {
        state.message = Some(info("The tally is already shown.".into()));
        return Vec::new();
    }
    if state.answer().is_none_or(|a| a.votes.is_empty()) {
        state.message = Some(info("No votes to reveal yet.".into()));
        return Vec::new();
    }
    change_answer(state, |answer| {
        voting::reveal(answer);
    })
}

#[cfg(test)]
mod tests;
