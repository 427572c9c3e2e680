//! `update`: the only place TUI state changes. It returns what the outside world must
//! do (save, remember the position, quit); the runner does it.

use super::keys::Action;
use super::state::{Comparison, Mode, Picker, Screen, State, StatusLine};
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
    /// What the last frame measured (how far the details scroll).
    Measured(super::state::Measured),
    /// Text pasted (bracketed paste): for an editor, never to be run as keys.
    Paste(String),
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

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Measured(measured) => {
            state.measured = measured;
            // The view has scrolled to the stage asked for, or to the checklist's cursor.
            state.detail_scroll = measured.detail_scroll.min(measured.detail_max_scroll);
            state.show_stage = None;
            state.help_scroll = state.help_scroll.min(measured.help_max_scroll);
            Vec::new()
        }
        Msg::Resize(width, height) => {
            state.size = (width, height);
            Vec::new()
        }
        Msg::EditorKey(_) | Msg::PromptKey(_) | Msg::Paste(_) if state.too_small() => Vec::new(),
        Msg::Paste(text) => screens::paste(state, &text),
        Msg::EditorKey(key) => screens::edit(state, key),
        Msg::PromptKey(key) => quitting::save_elsewhere_key(state, key),
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
            // Any key but those that scroll it dismisses help, and any key the routemap's
            // introduction; a message lasts until the next key.
            if state.show_help && action != Action::Quit {
                screens::help(state, action);
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

/// One action, handed to the part of update that owns it.
fn act(state: &mut State, action: Action) -> Vec<Effect> {
    if let Some(effects) = workshop::act(state, action) {
        return effects;
    }
    match action {
        Action::PageUp | Action::PageDown if state.screen == Screen::Walk => {
            screens::show(state, action)
        }
        Action::PreviousTheme
        | Action::NextTheme
        | Action::FirstTheme
        | Action::LastTheme
        | Action::PageUp
        | Action::PageDown
        | Action::NextUnanswered
        | Action::Confirm => answers::navigate(state, action),
        Action::SetCurrent(_)
        | Action::StartTarget
        | Action::SetTarget(_)
        | Action::ClearTarget
        | Action::CancelTarget
        | Action::NotApplicable
        | Action::ClearCurrent
        | Action::CycleConfidence => answers::answer(state, action),
        Action::AskConfirmAll => answers::ask_confirm_all(state),
        Action::Undo => answers::undo(state),
        Action::StartTicking
        | Action::TickPrevious
        | Action::TickNext
        | Action::ToggleTick
        | Action::FinishTicking => checklist::act(state, action),
        Action::StartShowStage | Action::JumpToStage(_) | Action::CancelShowStage => {
            screens::show_stage(state, action)
        }
        Action::HelpUp | Action::HelpDown | Action::CloseHelp => {
            screens::help(state, action);
            Vec::new()
        }
        Action::ConfirmAll => answers::confirm_all(state),
        Action::CancelConfirmAll => {
            state.mode = Mode::Normal;
            state.message = Some(info(
                "Carried answers left to confirm one by one (Tab finds them).".into(),
            ));
            Vec::new()
        }
        Action::EditNotes
        | Action::EditEvidence
        | Action::FinishEditing
        | Action::ScrollDown
        | Action::ScrollUp
        | Action::ToggleReview
        | Action::Help
        | Action::Back
        | Action::About
        | Action::Compare
        | Action::WriteReport => screens::show(state, action),
        Action::PickerUp | Action::PickerDown | Action::PickerChoose | Action::PickerCancel => {
            screens::pick(state, action)
        }
        Action::Quit
        | Action::QuitDiscarding
        | Action::RetrySave
        | Action::SaveElsewhere
        | Action::CancelQuit => quitting::quit(state, action),
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
        | Action::NewRound
        | Action::EditRoomNote
        | Action::ShowStage
        | Action::ShowStageAt(_)
        | Action::PreviousStage
        | Action::NextStage
        | Action::CloseStage
        | Action::ToggleLight
        | Action::MinutesDigit(_)
        | Action::MinutesBackspace
        | Action::StartMinutes
        | Action::CancelMinutes => Vec::new(),
    }
}

pub(super) fn info(text: String) -> StatusLine {
    StatusLine {
        text,
        is_error: false,
    }
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

pub(super) fn refuse_if_read_only(state: &mut State) -> bool {
    if let Some(reason) = &state.read_only {
        state.message = Some(StatusLine {
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
    let answer = state.assessment.answer_mut(&state.routemap, &theme_id);
    let before = answer.clone();
    change(answer);
    if *answer == before {
        return Vec::new();
    }
    let editing = state.is_editing();
    state.undo.record(&theme_id, before, editing);
    vec![Effect::Save]
}

/// The id of stage `stage` (an index) for the focused theme, or a message saying why
/// there is none: beyond the scale, or a stage the theme leaves undefined.
pub(super) fn stage_id(state: &mut State, stage: usize) -> Option<String> {
    let routemap = &state.routemap;
    let Some(found) = routemap.stages.get(stage) else {
        state.message = Some(StatusLine {
            text: format!(
                "This routemap has {} stages; press {}.",
                routemap.stages.len(),
                super::keys::digit_words(routemap)
            ),
            is_error: true,
        });
        return None;
    };
    if let Some(theme) = state.theme()
        && !theme.is_defined(stage)
    {
        let text = format!(
            "Stage {} is not defined for this theme: the routemap leaves it out; choose another.",
            crate::sanitize::line(&routemap.stage_label(stage))
        );
        state.message = Some(StatusLine {
            text,
            is_error: true,
        });
        return None;
    }
    Some(found.id.clone())
}

mod answers;
mod checklist;
mod quitting;
mod screens;
mod workshop;

#[cfg(test)]
mod model_tests;
#[cfg(test)]
pub(crate) mod tests;
