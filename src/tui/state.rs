//! All TUI state, as plain data: no terminal, no files. The runner owns one `State`;
//! `update` changes it; the views draw it.

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
    /// One theme at a time on a shared screen, with the room's votes.
    Workshop,
    /// The end of a workshop: the agreed radar, wide spreads and parked themes.
    WorkshopSummary,
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

    /// The text as typed, lines joined by newlines (without copying the editor and its
    /// undo history, which for long notes costs more than the keystroke).
    pub fn content(&self) -> String {
        self.text.lines().join("\n")
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
    /// `C` was pressed: `y` confirms every carried answer, any other key does not.
    AwaitConfirmAll,
    /// `s` was pressed: the next digit brings that stage's text into view.
    AwaitShowStage,
    /// `m` was pressed: ticking the focused theme's criteria, the cursor on the n-th of
    /// them (in scale order, as the details list them).
    Ticking(usize),
    /// `a` was pressed in a workshop: the next digit records the agreed stage.
    AwaitAgreed,
    /// `T` was pressed in a workshop: the minutes of a countdown are being typed.
    AwaitMinutes(crate::workshop::MinutesEntry),
    /// `d` in a workshop: stage N's descriptor (0-based) in full, in large type.
    StageInFull(usize),
    Editing(Box<Editor>),
    /// `n` in a workshop: the room's note on the theme is being written.
    EditingRoomNote(Box<Editor>),
    Picking(Picker),
    /// `q` while a change is not saved: retry, write it elsewhere, or quit without it.
    ConfirmQuit,
    /// Asking where to write the changes that could not be saved.
    SaveElsewhere(Box<super::prompt::Prompt>),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub is_error: bool,
}

/// What drawing measured that keys need: television's "UI state", flowing from the view
/// back to `update`, so that update never works out the layout for itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measured {
    /// How many lines the walk's detail pane can scroll, as last drawn.
    pub detail_max_scroll: u16,
    /// How far the details were scrolled as drawn: a stage shown with `s`, or the
    /// criterion at the checklist's cursor, kept in view.
    pub detail_scroll: u16,
    /// The lines a page of details holds (PgUp, PgDn).
    pub detail_page: u16,
    /// How many lines the help can scroll.
    pub help_max_scroll: u16,
}

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Everything the TUI shows and remembers.
#[derive(Debug, Clone)]
pub struct State {
    pub routemap: Routemap,
    pub assessment: Assessment,
    /// Where the assessment is saved, as shown to the user.
    pub location: String,
    /// Why changes cannot be saved, when they cannot.
    pub read_only: Option<String>,
    /// Why the last save failed, until a save succeeds: shown all the while, so a
    /// change that is not on disk is never mistaken for one that is.
    pub save_problem: Option<crate::store::SaveProblem>,
    /// Where to offer to write the changes when they cannot be saved.
    pub save_elsewhere_suggestion: String,
    /// The focused theme, by routemap index.
    pub selected: usize,
    /// The themes in the order the walk lists them and moves through them (routemap
    /// indexes): section by section in the routemap's section order, themes of no
    /// section last, so each section's heading is shown once however the file
    /// interleaves them.
    pub order: Vec<usize>,
    /// Lines scrolled in the walk's detail pane.
    pub detail_scroll: u16,
    /// A stage (by index) whose text the details bring to the top when next drawn
    /// (`s` then its digit); the view scrolls to it, and the measure clears it.
    pub show_stage: Option<usize>,
    /// Lines scrolled in the help.
    pub help_scroll: u16,
    /// The last changes to answers, for `u`.
    pub undo: super::undo::History,
    pub screen: Screen,
    pub mode: Mode,
    pub show_help: bool,
    /// "About this routemap" is shown over the screen (any key closes it).
    pub show_intro: bool,
    pub message: Option<StatusLine>,
    /// What the routemap cannot match in the saved file (kept, shown).
    pub mismatches: Vec<Mismatch>,
    /// The terminal's size.
    pub size: (u16, u16),
    /// What the last frame measured (how far the details scroll).
    pub measured: Measured,
    /// Shown beside this assessment on the review screen, when chosen.
    pub comparison: Option<Comparison>,
    /// The workshop session: clocks, undo, and whether the room is bright.
    pub workshop: crate::workshop::Room,
}

impl State {
    pub fn new(routemap: Routemap, assessment: Assessment, location: String) -> Self {
        let routemap = shown(routemap);
        let location = crate::sanitize::line(&location).into_owned();
        let mismatches = crate::assessment::mismatches(&assessment, &routemap);
        let workshop = crate::workshop::Room::new(std::time::Instant::now());
        let order = display_order(&routemap);
        let selected = order.first().copied().unwrap_or(0);
        State {
            routemap,
            assessment,
            location,
            read_only: None,
            save_problem: None,
            save_elsewhere_suggestion: String::new(),
            selected,
            order,
            detail_scroll: 0,
            show_stage: None,
            help_scroll: 0,
            undo: super::undo::History::default(),
            screen: Screen::Walk,
            mode: Mode::Normal,
            show_help: false,
            show_intro: false,
            message: None,
            mismatches,
            size: (80, 24),
            measured: Measured::default(),
            comparison: None,
            workshop,
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

    /// Where the focused theme is in the walk's order.
    pub fn display_position(&self) -> usize {
        self.order
            .iter()
            .position(|&index| index == self.selected)
            .unwrap_or(0)
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

    /// The walk's progress: themes with a stage (or n/a) the user has given or confirmed,
    /// answers carried over from a previous assessment and not yet confirmed, and the
    /// routemap's theme count. A carried answer is not counted as answered: nobody has
    /// looked at it this time.
    pub fn walk_progress(&self) -> (usize, usize, usize) {
        let answers = self.assessment.answers_for(&self.routemap);
        let (mut confirmed, mut carried) = (0, 0);
        for answer in answers.into_iter().flatten() {
            match (answer.current.is_some(), answer.carried) {
                (true, true) => carried += 1,
                (true, false) => confirmed += 1,
                _ => {}
            }
        }
        (confirmed, carried, self.routemap.themes.len())
    }

    /// The walk's progress in words. "Answered" means one thing everywhere (a stage or
    /// n/a, carried answers included: see the README), so while answers carried from
    /// the previous assessment wait to be looked at, the walk counts what has been
    /// confirmed this time instead: "2/12 confirmed · 10 carried to confirm".
    pub fn progress_label(&self) -> String {
        match self.walk_progress() {
            (answered, 0, total) => format!("{answered}/{total} answered"),
            (confirmed, carried, total) => {
                format!("{confirmed}/{total} confirmed · {carried} carried to confirm")
            }
        }
    }

    /// True while the terminal is smaller than the screens are laid out for: they show
    /// only a notice then, so no key may change anything unseen.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    pub fn is_editing(&self) -> bool {
        matches!(self.mode, Mode::Editing(_) | Mode::EditingRoomNote(_))
    }
}

/// The walk's order of themes: see [`State::order`].
pub fn display_order(routemap: &Routemap) -> Vec<usize> {
    let by_section = routemap.sections.len();
    let mut order: Vec<usize> = (0..routemap.themes.len()).collect();
    // A stable sort keeps the file's order within a section.
    order.sort_by_key(|&index| routemap.themes[index].section.unwrap_or(by_section));
    order
}

/// The routemap as the screens show it: every text a person reads passed through the
/// sanitiser once, as the state is made, so no screen draws a bidirectional override or a control from
/// the file (ratatui drops C0 and C1 controls itself, but not the overrides). Ids, which
/// answers are matched and saved by, are kept as they are.
fn shown(mut routemap: Routemap) -> Routemap {
    let line = |text: &mut String| *text = crate::sanitize::line(text).into_owned();
    let text = |text: &mut String| *text = crate::sanitize::text(text).into_owned();
    line(&mut routemap.title);
    line(&mut routemap.version);
    routemap.description.iter_mut().for_each(text);
    routemap.source.iter_mut().for_each(text);
    for stage in &mut routemap.stages {
        line(&mut stage.name);
        stage.summary.iter_mut().for_each(text);
    }
    routemap.sections.iter_mut().for_each(|s| line(&mut s.name));
    for theme in &mut routemap.themes {
        line(&mut theme.name);
        theme.question.iter_mut().for_each(text);
        theme.vision.iter_mut().for_each(text);
        theme.descriptors.iter_mut().for_each(text);
        for detail in &mut theme.details {
            detail.guidance.iter_mut().for_each(text);
            for criterion in &mut detail.criteria {
                text(&mut criterion.text);
            }
        }
        for (role, actions) in &mut theme.actions {
            line(role);
            actions.iter_mut().for_each(text);
        }
    }
    routemap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_routemap_on_screen_carries_no_control_or_override_but_keeps_its_ids() {
        let hostile = "x\u{1b}]0;PWNED\u{7}\r\u{9b}2J\u{202e}\u{2066}";
        let mut routemap = crate::builtin::find(crate::builtin::DEFAULT_ROUTEMAP)
            .unwrap()
            .load()
            .unwrap();
        let ids: Vec<String> = routemap.themes.iter().map(|t| t.id.clone()).collect();
        routemap.title = hostile.into();
        routemap.version = hostile.into();
        routemap.description = Some(hostile.into());
        routemap.source = Some(hostile.into());
        routemap.stages[0].name = hostile.into();
        routemap.stages[0].summary = Some(hostile.into());
        routemap.sections[0].name = hostile.into();
        let theme = &mut routemap.themes[0];
        theme.name = hostile.into();
        theme.question = Some(hostile.into());
        theme.vision = Some(hostile.into());
        theme.descriptors[0] = format!("{hostile}\nsecond line");
        theme.actions = vec![(hostile.into(), vec![hostile.into()])];
        theme.details[0].guidance = Some(hostile.into());
        theme.details[0].criteria = vec![crate::routemap::Criterion {
            id: "kept".into(),
            text: hostile.into(),
        }];
        let shown = shown(routemap);
        let theme = &shown.themes[0];
        let mut texts = vec![&shown.title, &shown.version, &shown.stages[0].name];
        texts.extend([&shown.sections[0].name, &theme.name, &theme.actions[0].0]);
        texts.extend([&theme.actions[0].1[0], &theme.descriptors[0]]);
        texts.extend(shown.description.iter().chain(&shown.source));
        texts.extend(shown.stages[0].summary.iter());
        texts.extend(theme.question.iter().chain(&theme.vision));
        texts.extend(theme.details[0].guidance.iter());
        texts.push(&theme.details[0].criteria[0].text);
        assert_eq!(texts.len(), 15);
        for text in texts {
            assert!(
                text.starts_with("x^[]0;PWNED^G^M\\u{9b}2J\\u{202e}"),
                "{text}"
            );
            assert!(
                !text.contains(|c| crate::sanitize::is_unsafe(c, true)),
                "{text}"
            );
        }
        assert!(theme.descriptors[0].ends_with("\nsecond line"));
        let after: Vec<String> = shown.themes.iter().map(|t| t.id.clone()).collect();
        assert_eq!(after, ids);
        assert_eq!(theme.details[0].criteria[0].id, "kept");
    }

    #[test]
    fn the_walk_lists_each_section_once_and_themes_of_none_last() {
        let mut routemap = crate::builtin::planting_the_flag();
        // Interleave the sections, and leave one theme without a section.
        routemap.themes.swap(1, 11);
        routemap.themes[4].section = None;
        let order = display_order(&routemap);
        let sections: Vec<Option<usize>> =
            order.iter().map(|&i| routemap.themes[i].section).collect();
        let mut runs = sections.clone();
        runs.dedup();
        assert_eq!(runs, [Some(0), Some(1), None], "{sections:?}");
        assert_eq!(order.len(), routemap.themes.len());
        assert_eq!(*order.last().unwrap(), 4);
        assert_eq!(order[0], 0, "the file's order within a section is kept");
    }
}
