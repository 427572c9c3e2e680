//! `update`: the only place TUI state changes. It returns what the outside world must
//! do (save, remember the position, quit); the runner does it.

use super::keys::Action;
use super::state::{Comparison, EditField, Editor, Message, Mode, Picker, Screen, State};
use crate::assessment::{Confidence, Current};
use ratatui::crossterm::event::KeyEvent;

/// What happened.
#[derive(Debug, Clone)]
pub enum Msg {
    Action(Action),
    /// A key for the open editor.
    EditorKey(KeyEvent),
    Resize(u16, u16),
    /// The saved assessments that can be compared with (the runner read them).
    Comparisons(Vec<Comparison>),
    /// The time now, for the workshop's timer.
    Tick(std::time::Instant),
    /// A key for the "write the changes elsewhere" question.
    PromptKey(KeyEvent),
}

/// What the runner must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the assessment (it changed).
    Save,
    /// Quit, but only if nothing is left unsaved (after a retried save).
    QuitIfSaved,
    /// Write the assessment to a new file of the user's choosing (its own file could
    /// not be saved), then quit.
    SaveElsewhere(std::path::PathBuf),
    /// Remember which theme is focused, for the next start.
    RememberPosition,
    /// Read the other saved assessments of this routemap, for comparing.
    ListComparisons,
    /// Write the report files (markdown and HTML) and say where they went.
    WriteReport,
    Quit,
    /// Ring the terminal's bell: a workshop countdown has run out.
    Bell,
}

/// Themes moved by PageUp and PageDown.
const PAGE: usize = 10;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    let effects = update_state(state, msg);
    // The workshop's copies of what the file says (blind, the focused theme's reveal)
    // follow every change: the screens read them.
    state.sync_workshop();
    effects
}

fn update_state(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(width, height) => {
            state.size = (width, height);
            Vec::new()
        }
        Msg::EditorKey(_) | Msg::PromptKey(_) if state.too_small() => Vec::new(),
        Msg::EditorKey(key) => edit(state, key),
        Msg::PromptKey(key) => save_elsewhere_key(state, key),
        Msg::Tick(now) => workshop::tick(state, now),
        Msg::Comparisons(candidates) => {
            if candidates.is_empty() {
                state.message = Some(info(
                    "No other saved assessment of this routemap to compare with.".into(),
                ));
            } else {
                // The one compared with now, if any, starts selected.
                let selected = state
                    .comparison
                    .as_ref()
                    .and_then(|c| {
                        candidates
                            .iter()
                            .position(|candidate| candidate.path == c.path)
                    })
                    .unwrap_or(0);
                state.mode = Mode::Picking(Picker {
                    candidates,
                    selected,
                });
            }
            Vec::new()
        }
        // Nothing changes unseen: while the screen is too small to show it, only quitting
        // works, and only when nothing would be lost by it.
        Msg::Action(action) if state.too_small() => {
            let quitting = action == Action::Quit && state.save_problem.is_none();
            if quitting {
                vec![Effect::RememberPosition, Effect::Quit]
            } else {
                Vec::new()
            }
        }
        Msg::Action(action) => {
            // Any key dismisses help or the routemap's introduction; a message lasts
            // until the next key.
            if state.show_help && action != Action::Quit {
                state.show_help = false;
                return Vec::new();
            }
            if state.show_intro && action != Action::Quit {
                state.show_intro = false;
                return Vec::new();
            }
            state.message = None;
            act(state, action)
        }
    }
}

fn act(state: &mut State, action: Action) -> Vec<Effect> {
    if let Some(effects) = workshop::act(state, action) {
        return effects;
    }
    let last = state.routemap.themes.len().saturating_sub(1);
    match action {
        Action::PreviousTheme => focus(state, state.selected.saturating_sub(1)),
        Action::NextTheme => focus(state, (state.selected + 1).min(last)),
        Action::FirstTheme => focus(state, 0),
        Action::LastTheme => focus(state, last),
        Action::PageUp => focus(state, state.selected.saturating_sub(PAGE)),
        Action::PageDown => focus(state, (state.selected + PAGE).min(last)),
        Action::NextUnanswered => next_unanswered(state),
        Action::SetCurrent(stage) => set_current(state, stage),
        Action::StartTarget => {
            if refuse_if_read_only(state) {
                return Vec::new();
            }
            state.mode = Mode::AwaitTarget;
            state.message = Some(info(format!(
                "Target: press 1 to {} for the stage, 0 to clear, Esc to cancel",
                state.routemap.stages.len()
            )));
            Vec::new()
        }
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
        Action::Confirm => confirm(state),
        Action::CycleConfidence => change_answer(state, |answer| {
            answer.confidence = match answer.confidence {
                None => Some(Confidence::Low),
                Some(Confidence::Low) => Some(Confidence::Medium),
                Some(Confidence::Medium) => Some(Confidence::High),
                Some(Confidence::High) => None,
            };
        }),
        Action::EditNotes => open_editor(state, EditField::Notes),
        Action::EditEvidence => open_editor(state, EditField::Evidence),
        Action::FinishEditing => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        Action::ScrollDown => {
            state.detail_scroll = state.detail_scroll.saturating_add(3).min(max_scroll(state));
            Vec::new()
        }
        Action::ScrollUp => {
            state.detail_scroll = state.detail_scroll.saturating_sub(3);
            Vec::new()
        }
        Action::Review => {
            state.screen = if state.screen == Screen::Review {
                Screen::Walk
            } else {
                Screen::Review
            };
            Vec::new()
        }
        Action::Help => {
            state.show_help = true;
            Vec::new()
        }
        Action::Back => {
            if state.screen == Screen::Review {
                state.screen = Screen::Walk;
            }
            Vec::new()
        }
        Action::Quit if state.save_problem.is_some() && state.read_only.is_none() => {
            state.mode = Mode::ConfirmQuit;
            Vec::new()
        }
        Action::Quit | Action::QuitDiscarding => {
            state.mode = Mode::Normal;
            vec![Effect::RememberPosition, Effect::Quit]
        }
        Action::RetrySave => vec![Effect::Save, Effect::QuitIfSaved],
        Action::SaveElsewhere => {
            let prompt = super::prompt::Prompt::new(
                "Write your changes to another file",
                "A new file for the whole assessment with your changes (it must not exist yet):",
                &state.save_elsewhere_suggestion,
            )
            .confirming("Enter writes it · Esc goes back");
            state.mode = Mode::SaveElsewhere(Box::new(prompt));
            Vec::new()
        }
        Action::CancelQuit => {
            state.mode = Mode::Normal;
            Vec::new()
        }
        Action::Compare => vec![Effect::ListComparisons],
        Action::About => {
            state.show_intro = true;
            Vec::new()
        }
        Action::WriteReport => vec![Effect::WriteReport],
        // The workshop's own actions are handled above; in other screens they do nothing.
        Action::ToggleWorkshop
        | Action::AddVote(_)
        | Action::RemoveVote
        | Action::AgreeMedian
        | Action::StartAgree
        | Action::SetAgreed(_)
        | Action::CancelAgree
        | Action::ToggleBlind
        | Action::Reveal
        | Action::ToggleTimer
        | Action::StartCountdown
        | Action::TogglePark
        | Action::Summary
        | Action::Undo
        | Action::NewRound
        | Action::EditRoomNote => Vec::new(),
        Action::PickerUp | Action::PickerDown => {
            if let Mode::Picking(picker) = &mut state.mode {
                let last = picker.candidates.len().saturating_sub(1);
                picker.selected = match action {
                    Action::PickerUp => picker.selected.saturating_sub(1),
                    _ => (picker.selected + 1).min(last),
                };
            }
            Vec::new()
        }
        Action::PickerChoose => {
            if let Mode::Picking(picker) = std::mem::replace(&mut state.mode, Mode::Normal) {
                state.comparison = picker.candidates.into_iter().nth(picker.selected);
                state.screen = Screen::Review;
            }
            Vec::new()
        }
        Action::PickerCancel => {
            state.mode = Mode::Normal;
            Vec::new()
        }
    }
}

pub(super) fn info(text: String) -> Message {
    Message {
        text,
        is_error: false,
    }
}

fn max_scroll(state: &State) -> u16 {
    super::view::walk::detail_max_scroll(state)
}

pub(super) fn focus(state: &mut State, index: usize) -> Vec<Effect> {
    if index == state.selected || state.routemap.themes.is_empty() {
        return Vec::new();
    }
    // A theme's timer and a revealed tally belong to that theme.
    if let Some(theme) = state.theme().map(|t| t.id.clone()) {
        state.workshop.stop_timer(&theme);
    }
    state.selected = index;
    state.detail_scroll = 0;
    vec![Effect::RememberPosition]
}

fn next_unanswered(state: &mut State) -> Vec<Effect> {
    let count = state.routemap.themes.len();
    let unanswered = (1..=count)
        .map(|step| (state.selected + step) % count)
        .find(|index| {
            state
                .answer_at(*index)
                .is_none_or(|answer| answer.current.is_none())
        });
    match unanswered {
        Some(index) => focus(state, index),
        None => {
            state.message = Some(info("Every theme has a current stage.".into()));
            Vec::new()
        }
    }
}

pub(super) fn refuse_if_read_only(state: &mut State) -> bool {
    if let Some(reason) = &state.read_only {
        state.message = Some(Message {
            text: format!("Read-only: {reason}"),
            is_error: true,
        });
        return true;
    }
    false
}

/// Applies a change to the focused theme's answer and asks for a save.
pub(super) fn change_answer(
    state: &mut State,
    change: impl FnOnce(&mut crate::assessment::Answer),
) -> Vec<Effect> {
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let Some(theme_id) = state.theme().map(|theme| theme.id.clone()) else {
        return Vec::new();
    };
    change(state.assessment.answer_mut(&state.routemap, &theme_id));
    vec![Effect::Save]
}

pub(super) fn stage_id(state: &mut State, stage: usize) -> Option<String> {
    let found = state
        .routemap
        .stages
        .get(stage)
        .map(|stage| stage.id.clone());
    if found.is_none() {
        state.message = Some(Message {
            text: format!(
                "This routemap has {} stages; press 1 to {}.",
                state.routemap.stages.len(),
                state.routemap.stages.len()
            ),
            is_error: true,
        });
    }
    found
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
    let last = state.routemap.themes.len().saturating_sub(1);
    effects.extend(focus(state, (state.selected + 1).min(last)));
    effects
}

fn open_editor(state: &mut State, field: EditField) -> Vec<Effect> {
    if refuse_if_read_only(state) {
        return Vec::new();
    }
    let content = match (field, state.answer()) {
        (EditField::Notes, Some(answer)) => answer.notes.clone().unwrap_or_default(),
        (EditField::Evidence, Some(answer)) => answer.evidence.join("\n"),
        (_, None) => String::new(),
    };
    state.mode = Mode::Editing(Box::new(Editor::new(field, &content)));
    Vec::new()
}

/// A key typed while asking where to write the unsaved changes.
fn save_elsewhere_key(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    use super::prompt::PromptOutcome;
    let Mode::SaveElsewhere(prompt) = &mut state.mode else {
        return Vec::new();
    };
    match prompt.key(key) {
        PromptOutcome::Typing => Vec::new(),
        PromptOutcome::Answered(path) => vec![Effect::SaveElsewhere(expand_home(&path))],
        PromptOutcome::Cancelled => {
            state.mode = Mode::ConfirmQuit;
            Vec::new()
        }
    }
}

/// `~/x` as the home directory's `x`, as a shell would.
fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// A key typed into the editor: the text changes and is saved at once.
fn edit(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    let (editor, room_note) = match &mut state.mode {
        Mode::Editing(editor) => (editor, false),
        Mode::EditingRoomNote(editor) => (editor, true),
        Mode::AwaitMinutes(_) => return workshop::minutes_key(state, key),
        _ => return Vec::new(),
    };
    if !editor.text.input(key) {
        return Vec::new();
    }
    let field = editor.field;
    let content = editor.content();
    let text = (!content.is_empty()).then_some(content);
    if room_note {
        return change_answer(state, |answer| answer.room_note = text);
    }
    change_answer(state, |answer| match field {
        EditField::Notes => answer.notes = text,
        EditField::Evidence => {
            answer.evidence = text
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect();
        }
    })
}

mod workshop;

#[cfg(test)]
mod tests;
