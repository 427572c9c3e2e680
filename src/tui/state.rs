//! All TUI state, as plain data: no terminal, no files. The runner owns one `State`;
//! `update` changes it; the views draw it.

use super::theme::Palette;
use crate::assessment::{Answer, Assessment, Mismatch};
use crate::routemap::{Routemap, Theme};
use ratatui_textarea::{TextArea, WrapMode};

/// The screen being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Theme by theme: the list, the focused theme's stages, notes and evidence.
    Walk,
    /// Everything at once: stages, targets, gaps and the radar.
    Review,
}

/// Which text an editor is changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditField {
    Notes,
    Evidence,
}

/// A multi-line editor open on the focused theme's notes or evidence.
#[derive(Debug, Clone)]
pub struct Editor {
    pub field: EditField,
    pub text: TextArea<'static>,
}

impl Editor {
    pub fn new(field: EditField, content: &str) -> Self {
        let lines = if content.is_empty() {
            vec![String::new()]
        } else {
            content.split('\n').map(str::to_string).collect()
        };
        let mut text = TextArea::new(lines);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        Editor { field, text }
    }

    /// The text as typed, lines joined by newlines.
    pub fn content(&self) -> String {
        self.text.clone().into_lines().join("\n")
    }
}

/// Another saved assessment to compare with (last year's, or another authority's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// How it is named on screen: "Anytown Borough Council — 2025 baseline".
    pub name: String,
    pub path: std::path::PathBuf,
    pub assessment: Assessment,
}

/// Choosing a saved assessment to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub candidates: Vec<Comparison>,
    pub selected: usize,
}

/// How keys are read at the moment.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    /// `t` was pressed: the next digit sets the target stage.
    AwaitTarget,
    Editing(Box<Editor>),
    Picking(Picker),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// Everything the TUI shows and remembers.
#[derive(Debug, Clone)]
pub struct State {
    pub routemap: Routemap,
    pub assessment: Assessment,
    /// Where the assessment is saved, as shown to the user.
    pub location: String,
    /// Why changes cannot be saved, when they cannot.
    pub read_only: Option<String>,
    /// The focused theme, by routemap index.
    pub selected: usize,
    /// Lines scrolled in the walk's detail pane.
    pub detail_scroll: u16,
    pub screen: Screen,
    pub mode: Mode,
    pub show_help: bool,
    pub message: Option<Message>,
    /// What the routemap cannot match in the saved file (kept, shown).
    pub mismatches: Vec<Mismatch>,
    pub palette: Palette,
    /// The terminal's size, for layout-dependent limits such as scrolling.
    pub size: (u16, u16),
    /// Shown beside this assessment on the review screen, when chosen.
    pub comparison: Option<Comparison>,
}

impl State {
    pub fn new(
        routemap: Routemap,
        assessment: Assessment,
        location: String,
        palette: Palette,
    ) -> Self {
        let mismatches = crate::assessment::mismatches(&assessment, &routemap);
        State {
            routemap,
            assessment,
            location,
            read_only: None,
            selected: 0,
            detail_scroll: 0,
            screen: Screen::Walk,
            mode: Mode::Normal,
            show_help: false,
            message: None,
            mismatches,
            palette,
            size: (80, 24),
            comparison: None,
        }
    }

    /// Focuses the theme with this id, if the routemap has it.
    pub fn focus_theme(&mut self, theme_id: &str) {
        if let Some(index) = self.routemap.theme_index(theme_id) {
            self.selected = index;
        }
    }

    pub fn theme(&self) -> Option<&Theme> {
        self.routemap.themes.get(self.selected)
    }

    /// The focused theme's answer, if it has one.
    pub fn answer(&self) -> Option<&Answer> {
        self.theme()
            .and_then(|theme| self.assessment.answer(&theme.id))
    }

    /// The answer of theme `index`, if it has one.
    pub fn answer_at(&self, index: usize) -> Option<&Answer> {
        let theme = self.routemap.themes.get(index)?;
        self.assessment.answer(&theme.id)
    }

    pub fn is_editing(&self) -> bool {
        matches!(self.mode, Mode::Editing(_))
    }
}
