//! What is shown: the editors, scrolling, the review, help, the introduction, the
//! picker of an assessment to compare with.

use super::{Effect, change_answer, refuse_if_read_only};
use crate::tui::keys::Action;
use crate::tui::state::{EditField, Editor, Mode, Screen, State};
use ratatui::crossterm::event::KeyEvent;

/// Open or leave an editor or a screen, scroll, or ask the runner for something to show.
pub(super) fn show(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::EditNotes => open_editor(state, EditField::Notes),
        Action::EditEvidence => open_editor(state, EditField::Evidence),
        Action::FinishEditing => state.mode = Mode::Normal,
        Action::ScrollDown => {
            state.detail_scroll = state
                .detail_scroll
                .saturating_add(3)
                .min(state.measured.detail_max_scroll);
        }
        Action::ScrollUp => state.detail_scroll = state.detail_scroll.saturating_sub(3),
        // A page less a line, so the line read last is still there to read on from.
        Action::PageDown => {
            let page = state.measured.detail_page.saturating_sub(1).max(1);
            state.detail_scroll = state
                .detail_scroll
                .saturating_add(page)
                .min(state.measured.detail_max_scroll);
        }
        Action::PageUp => {
            let page = state.measured.detail_page.saturating_sub(1).max(1);
            state.detail_scroll = state.detail_scroll.saturating_sub(page);
        }
        Action::ToggleReview => {
            state.screen = if state.screen == Screen::Review {
                Screen::Walk
            } else {
                Screen::Review
            };
        }
        Action::Help => {
            state.show_help = true;
            state.help_scroll = 0;
        }
        Action::Back if state.screen == Screen::Review => state.screen = Screen::Walk,
        Action::About => state.show_intro = true,
        Action::Compare => return vec![Effect::ListComparisons],
        Action::WriteReport => return vec![Effect::WriteReport],
        _ => {}
    }
    Vec::new()
}

/// Move in, choose from, or close the picker of an assessment to compare with.
pub(super) fn pick(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::PickerUp | Action::PickerDown => {
            if let Mode::Picking(picker) = &mut state.mode {
                let last = picker.candidates.len().saturating_sub(1);
                picker.selected = match action {
                    Action::PickerUp => picker.selected.saturating_sub(1),
                    _ => (picker.selected + 1).min(last),
                };
            }
        }
        Action::PickerChoose => {
            if let Mode::Picking(picker) = std::mem::replace(&mut state.mode, Mode::Normal) {
                state.comparison = picker.candidates.into_iter().nth(picker.selected);
                state.screen = Screen::Review;
            }
        }
        _ => state.mode = Mode::Normal,
    }
    Vec::new()
}

/// `s` then a digit: that stage's text at the top of the details.
pub(super) fn show_stage(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::StartShowStage if state.screen == Screen::Walk => {
            state.mode = Mode::AwaitShowStage;
            state.message = Some(super::info(format!(
                "Show which stage's text? Press {} (Esc cancels).",
                crate::tui::keys::digit_keys(&state.routemap)
            )));
        }
        Action::JumpToStage(stage) => {
            state.mode = Mode::Normal;
            if stage < state.routemap.stages.len() {
                state.show_stage = Some(stage);
            } else {
                state.message = Some(super::info(format!(
                    "This routemap's stages are {}.",
                    crate::tui::keys::digit_keys(&state.routemap)
                )));
            }
        }
        _ => state.mode = Mode::Normal,
    }
    Vec::new()
}

/// A key while the help is open: the arrows and pages scroll it, any other key closes
/// it.
pub(super) fn help(state: &mut State, action: Action) {
    // Most of a page at a time: the help is at most a screen high.
    let page = state.size.1.saturating_sub(6).max(1);
    match action {
        Action::HelpDown => {
            state.help_scroll = state
                .help_scroll
                .saturating_add(page)
                .min(state.measured.help_max_scroll);
        }
        Action::HelpUp => state.help_scroll = state.help_scroll.saturating_sub(page),
        _ => {
            state.show_help = false;
            state.help_scroll = 0;
        }
    }
}

fn open_editor(state: &mut State, field: EditField) {
    if refuse_if_read_only(state) {
        return;
    }
    state.undo.start_editing();
    let content = match (field, state.answer()) {
        (EditField::Notes, Some(answer)) => answer.notes.clone().unwrap_or_default(),
        (EditField::Evidence, Some(answer)) => answer.evidence.join("\n"),
        (_, None) => String::new(),
    };
    state.mode = Mode::Editing(Box::new(Editor::new(field, &content)));
}

/// A key typed into an editor (notes, evidence, the room's note) or the countdown's
/// minutes: the text changes and is saved at once.
pub(super) fn edit(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    let editor = match &mut state.mode {
        Mode::Editing(editor) | Mode::EditingRoomNote(editor) => editor,
        Mode::AwaitMinutes(_) => return super::workshop::minutes_key(state, key),
        _ => return Vec::new(),
    };
    if !editor.text.input(key) {
        return Vec::new();
    }
    let content = editor.content();
    store_edit(state, content)
}

/// The open editor's text, into the focused theme's notes, evidence or room note
/// (saved at once).
fn store_edit(state: &mut State, content: String) -> Vec<Effect> {
    let text = (!content.is_empty()).then_some(content);
    match &state.mode {
        Mode::EditingRoomNote(_) => change_answer(state, |answer| answer.room_note = text),
        Mode::Editing(editor) => match editor.field {
            EditField::Notes => change_answer(state, |answer| answer.notes = text),
            EditField::Evidence => change_answer(state, |answer| {
                answer.evidence = text
                    .unwrap_or_default()
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_string)
                    .collect();
            }),
        },
        _ => Vec::new(),
    }
}

/// Where pasted text could go from here, and the keys that open it.
fn paste_refused(state: &State) -> &'static str {
    match (&state.screen, &state.mode) {
        (Screen::WorkshopSummary, _) => {
            "Pasted text goes into the room's note: press s for the themes, then n, then paste."
        }
        (Screen::Workshop, Mode::Normal) => {
            "Pasted text goes into the room's note: press n first, then paste."
        }
        (Screen::Workshop, _) => {
            "Pasted text goes into the room's note: press Esc, then n, then paste."
        }
        _ => "Pasted text goes into notes or evidence: press n (or e) first, then paste.",
    }
}

/// Pasted text goes into the open editor or prompt; anywhere else in the walk it opens
/// the notes editor with the text in it. It is never run as keys.
pub(super) fn paste(state: &mut State, text: &str) -> Vec<Effect> {
    // Terminals send Windows and old Mac line ends as they were copied; other control
    // characters (an escape sequence copied with the text) are left out, not saved
    // unseen.
    let text: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    match &mut state.mode {
        Mode::SaveElsewhere(prompt) => {
            prompt.paste(&text);
            return Vec::new();
        }
        Mode::Editing(_) | Mode::EditingRoomNote(_) => {}
        Mode::Normal if matches!(state.screen, Screen::Walk | Screen::Review) => {
            state.show_help = false;
            state.show_intro = false;
            open_editor(state, EditField::Notes);
            if !matches!(state.mode, Mode::Editing(_)) {
                return Vec::new();
            }
        }
        _ => {
            if !refuse_if_read_only(state) {
                state.message = Some(super::info(paste_refused(state).into()));
            }
            return Vec::new();
        }
    }
    let (Mode::Editing(editor) | Mode::EditingRoomNote(editor)) = &mut state.mode else {
        return Vec::new();
    };
    if !editor.text.insert_str(&text) {
        return Vec::new();
    }
    let content = editor.content();
    store_edit(state, content)
}
