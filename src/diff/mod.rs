//! What changed between two saved assessments of one routemap, theme by theme: a
//! `Diff` value, computed purely; `render` turns it into text, markdown or JSON.

mod json;
mod render;
mod text;
mod words;

pub use json::to_json;
pub use render::{Glyphs, movement_words, to_markdown, to_text};
pub use text::{TextLayout, fit_columns, to_text_fitted};
pub use words::{WordChange, word_change};

use crate::assessment::{Answer, Assessment, Confidence, Current};
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use std::path::{Path, PathBuf};

/// One of the two files compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub path: PathBuf,
    pub authority: String,
    pub title: Option<String>,
    pub created: Option<String>,
    pub updated: Option<String>,
    pub routemap_version: String,
}

impl Side {
    fn of(path: &Path, assessment: &Assessment) -> Side {
        Side {
            path: path.to_path_buf(),
            authority: assessment.authority.clone(),
            title: assessment.title.clone(),
            created: assessment.created.clone(),
            updated: assessment.updated.map(|at| at.timestamp()),
            routemap_version: assessment.routemap.version.clone(),
        }
    }
}

/// How a theme's current stage moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Up this many stages.
    Up(usize),
    /// Down this many stages.
    Down(usize),
    /// The same stage, or unanswered in both.
    Same,
    /// Unanswered before, a stage now.
    NewlyAnswered,
    /// A stage before, unanswered now.
    Removed,
    /// Not applicable now (it was a stage or unanswered).
    NowNotApplicable,
    /// Applicable again (n/a before).
    NoLongerNotApplicable,
    /// A stage the routemap does not have, on one side or both: no direction.
    Unknown,
}

impl Movement {
    /// The word scripts match on: up, down, same, newly-answered, removed, now-n/a,
    /// no-longer-n/a, unknown.
    pub fn key(&self) -> &'static str {
        match self {
            Movement::Up(_) => "up",
            Movement::Down(_) => "down",
            Movement::Same => "same",
            Movement::NewlyAnswered => "newly-answered",
            Movement::Removed => "removed",
            Movement::NowNotApplicable => "now-n/a",
            Movement::NoLongerNotApplicable => "no-longer-n/a",
            Movement::Unknown => "unknown",
        }
    }
}

/// How the notes changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotesChange {
    Same,
    Added,
    Removed,
    Changed(WordChange),
}

/// One theme's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeDiff {
    pub id: String,
    /// The theme's name, or its id when the routemap does not have it.
    pub name: String,
    pub in_routemap: bool,
    pub before: Answer,
    pub after: Answer,
    pub movement: Movement,
    pub notes: NotesChange,
    /// How the room's note from a workshop changed.
    pub room_note: NotesChange,
    pub evidence_added: Vec<String>,
    pub evidence_removed: Vec<String>,
}

impl ThemeDiff {
    pub fn target_changed(&self) -> bool {
        self.before.target != self.after.target
    }

    pub fn confidence_changed(&self) -> bool {
        self.before.confidence != self.after.confidence
    }

    /// True when nothing about the theme changed.
    pub fn unchanged(&self) -> bool {
        self.movement == Movement::Same
            && self.before.current == self.after.current
            && !self.target_changed()
            && !self.confidence_changed()
            && self.notes == NotesChange::Same
            && self.room_note == NotesChange::Same
            && self.evidence_added.is_empty()
            && self.evidence_removed.is_empty()
    }
}

/// Counts of movements, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub up: usize,
    pub down: usize,
    pub unchanged: usize,
    pub newly_answered: usize,
    pub removed: usize,
    pub now_not_applicable: usize,
    pub no_longer_not_applicable: usize,
    pub unknown: usize,
}

impl Summary {
    /// "4 up, 1 down, 6 unchanged, 1 newly answered" (zero counts left out, but for
    /// up, down and unchanged, which are always said).
    pub fn line(&self) -> String {
        let mut parts = vec![
            format!("{} up", self.up),
            format!("{} down", self.down),
            format!("{} unchanged", self.unchanged),
        ];
        for (count, words) in [
            (self.newly_answered, "newly answered"),
            (self.removed, "no longer answered"),
            (self.now_not_applicable, "now n/a"),
            (self.no_longer_not_applicable, "no longer n/a"),
            (self.unknown, "not comparable"),
        ] {
            if count > 0 {
                parts.push(format!("{count} {words}"));
            }
        }
        parts.join(", ")
    }
}

/// Everything that changed between two assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub routemap_id: String,
    pub routemap_version: String,
    pub stage_names: Vec<(String, String)>,
    /// The number each stage is shown with ([`Routemap::stage_number`]).
    pub stage_numbers: Vec<usize>,
    pub before: Side,
    pub after: Side,
    /// In routemap order, then themes the routemap does not have.
    pub themes: Vec<ThemeDiff>,
    pub summary: Summary,
}

impl Diff {
    /// True when the two assessments say exactly the same things.
    pub fn identical(&self) -> bool {
        self.themes.iter().all(ThemeDiff::unchanged)
            && self.before.authority == self.after.authority
            && self.before.title == self.after.title
    }

    /// True when any theme went down a stage.
    pub fn has_regression(&self) -> bool {
        self.summary.down > 0
    }

    /// A stage's "N Name", or the id as saved when the routemap lacks it.
    pub fn stage_label(&self, stage_id: &str) -> String {
        match self.stage_names.iter().position(|(id, _)| id == stage_id) {
            Some(index) => format!(
                "{} {}",
                self.stage_numbers.get(index).copied().unwrap_or(index + 1),
                self.stage_names[index].1
            ),
            None => format!("? {stage_id}"),
        }
    }

    /// How an answer's current stage reads: "2 Flag planted", "n/a", or "—".
    pub fn current_label(&self, answer: &Answer) -> String {
        match &answer.current {
            Some(Current::Stage(stage)) => self.stage_label(stage),
            Some(Current::NotApplicable) => "n/a".into(),
            None => "—".into(),
        }
    }
}

/// Compares `before` with `after`; both must be assessments of `routemap` (by id).
pub fn compare(
    routemap: &Routemap,
    before: (&Path, &Assessment),
    after: (&Path, &Assessment),
) -> Result<Diff> {
    let (before_path, before_assessment) = before;
    let (after_path, after_assessment) = after;
    if before_assessment.routemap.id != after_assessment.routemap.id {
        return Err(Error::different_routemaps(
            (before_path, &before_assessment.routemap.id),
            (after_path, &after_assessment.routemap.id),
        ));
    }
    let mut ids: Vec<&str> = routemap
        .themes
        .iter()
        .map(|theme| theme.id.as_str())
        .collect();
    for (id, _) in before_assessment
        .answers
        .iter()
        .chain(&after_assessment.answers)
    {
        if routemap.theme_index(id).is_none() && !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let empty = Answer::default();
    let mut summary = Summary::default();
    let themes: Vec<ThemeDiff> = ids
        .into_iter()
        .map(|id| {
            let old = before_assessment.answer(id).unwrap_or(&empty);
            let new = after_assessment.answer(id).unwrap_or(&empty);
            let theme = theme_diff(routemap, id, old, new);
            summary.count(theme.movement);
            theme
        })
        .collect();
    Ok(Diff {
        routemap_id: routemap.id.clone(),
        routemap_version: routemap.version.clone(),
        stage_names: routemap
            .stages
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
        stage_numbers: (0..routemap.stages.len())
            .map(|index| routemap.stage_number(index))
            .collect(),
        before: Side::of(before_path, before_assessment),
        after: Side::of(after_path, after_assessment),
        themes,
        summary,
    })
}

/// One theme compared: its movement, notes and evidence.
fn theme_diff(routemap: &Routemap, id: &str, old: &Answer, new: &Answer) -> ThemeDiff {
    let theme = routemap
        .theme_index(id)
        .map(|index| &routemap.themes[index]);
    let only_in = |these: &[String], those: &[String]| -> Vec<String> {
        these
            .iter()
            .filter(|item| !those.contains(item))
            .cloned()
            .collect()
    };
    ThemeDiff {
        id: id.to_string(),
        name: theme.map_or_else(|| id.to_string(), |t| t.name.clone()),
        in_routemap: theme.is_some(),
        before: old.clone(),
        after: new.clone(),
        movement: movement(routemap, old, new),
        notes: notes_change(old.notes.as_deref(), new.notes.as_deref()),
        room_note: notes_change(old.room_note.as_deref(), new.room_note.as_deref()),
        evidence_added: only_in(&new.evidence, &old.evidence),
        evidence_removed: only_in(&old.evidence, &new.evidence),
    }
}

impl Summary {
    /// Counts one theme's movement.
    fn count(&mut self, movement: Movement) {
        match movement {
            Movement::Up(_) => self.up += 1,
            Movement::Down(_) => self.down += 1,
            Movement::Same => self.unchanged += 1,
            Movement::NewlyAnswered => self.newly_answered += 1,
            Movement::Removed => self.removed += 1,
            Movement::NowNotApplicable => self.now_not_applicable += 1,
            Movement::NoLongerNotApplicable => self.no_longer_not_applicable += 1,
            Movement::Unknown => self.unknown += 1,
        }
    }
}

/// How a theme's current stage moved from `old` to `new`.
pub fn movement(routemap: &Routemap, old: &Answer, new: &Answer) -> Movement {
    match (&old.current, &new.current) {
        (None, None) => Movement::Same,
        (Some(Current::NotApplicable), Some(Current::NotApplicable)) => Movement::Same,
        (_, Some(Current::NotApplicable)) => Movement::NowNotApplicable,
        (Some(Current::NotApplicable), _) => Movement::NoLongerNotApplicable,
        (None, Some(Current::Stage(_))) => Movement::NewlyAnswered,
        (Some(Current::Stage(_)), None) => Movement::Removed,
        (Some(Current::Stage(a)), Some(Current::Stage(b))) => {
            match (routemap.stage_index(a), routemap.stage_index(b)) {
                (Some(a), Some(b)) if b > a => Movement::Up(b - a),
                (Some(a), Some(b)) if b < a => Movement::Down(a - b),
                (Some(_), Some(_)) => Movement::Same,
                _ if a == b => Movement::Same,
                _ => Movement::Unknown,
            }
        }
    }
}

fn notes_change(old: Option<&str>, new: Option<&str>) -> NotesChange {
    match (old, new) {
        (None, None) => NotesChange::Same,
        (None, Some(_)) => NotesChange::Added,
        (Some(_), None) => NotesChange::Removed,
        (Some(a), Some(b)) if a == b => NotesChange::Same,
        (Some(a), Some(b)) => NotesChange::Changed(word_change(a, b)),
    }
}

/// A confidence as a word, or "—".
pub fn confidence_label(confidence: Option<Confidence>) -> &'static str {
    confidence.map_or("—", Confidence::as_str)
}

#[cfg(test)]
mod tests;
