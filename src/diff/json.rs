//! The diff as JSON, schema `routemap-diff/1` (written down in the README; a test checks
//! the output against it). Field names and meanings never change within a version.

use super::{Diff, Movement, NotesChange, Side, ThemeDiff};
use crate::assessment::{Answer, Current};
use serde::Serialize;

pub const SCHEMA: &str = "routemap-diff/1";

#[derive(Serialize)]
struct JsonDiff<'a> {
    schema: &'static str,
    routemap: JsonRoutemap<'a>,
    before: JsonSide<'a>,
    after: JsonSide<'a>,
    identical: bool,
    regression: bool,
    summary: JsonSummary,
    themes: Vec<JsonTheme<'a>>,
}

#[derive(Serialize)]
struct JsonRoutemap<'a> {
    id: &'a str,
    version: &'a str,
    before_version: &'a str,
    after_version: &'a str,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    path: String,
    authority: &'a str,
    title: Option<&'a str>,
    created: Option<&'a str>,
    updated: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSummary {
    up: usize,
    down: usize,
    unchanged: usize,
    newly_answered: usize,
    removed: usize,
    now_not_applicable: usize,
    no_longer_not_applicable: usize,
    not_comparable: usize,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    current: Option<&'a str>,
    target: Option<&'a str>,
    confidence: Option<&'static str>,
    notes: Option<&'a str>,
    room_note: Option<&'a str>,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct JsonNotes {
    change: &'static str,
    words_added: usize,
    words_removed: usize,
}

#[derive(Serialize)]
struct JsonTheme<'a> {
    id: &'a str,
    name: &'a str,
    in_routemap: bool,
    change: &'static str,
    stages_moved: i64,
    before: JsonAnswer<'a>,
    after: JsonAnswer<'a>,
    target_changed: bool,
    confidence_changed: bool,
    notes: JsonNotes,
    room_note: JsonNotes,
    evidence_added: &'a [String],
    evidence_removed: &'a [String],
}

fn side(side: &Side) -> JsonSide<'_> {
    JsonSide {
        path: side.path.to_string_lossy().into_owned(),
        authority: &side.authority,
        title: side.title.as_deref(),
        created: side.created.as_deref(),
        updated: side.updated.as_deref(),
    }
}

fn answer(answer: &Answer) -> JsonAnswer<'_> {
    JsonAnswer {
        current: match &answer.current {
            Some(Current::Stage(stage)) => Some(stage),
            Some(Current::NotApplicable) => Some("n/a"),
            None => None,
        },
        target: answer.target.as_deref(),
        confidence: answer.confidence.map(|c| c.as_str()),
        notes: answer.notes.as_deref(),
        room_note: answer.room_note.as_deref(),
        evidence: &answer.evidence,
    }
}

/// How notes changed, with the words that came and went.
fn notes(change: &NotesChange, before: Option<&str>, after: Option<&str>) -> JsonNotes {
    let words = |text: Option<&str>| text.map_or(0, |n| n.split_whitespace().count());
    let (change, words_added, words_removed) = match change {
        NotesChange::Same => ("same", 0, 0),
        NotesChange::Added => ("added", words(after), 0),
        NotesChange::Removed => ("removed", 0, words(before)),
        NotesChange::Changed(words) => ("changed", words.added, words.removed),
    };
    JsonNotes {
        change,
        words_added,
        words_removed,
    }
}

fn theme(theme: &ThemeDiff) -> JsonTheme<'_> {
    JsonTheme {
        id: &theme.id,
        name: &theme.name,
        in_routemap: theme.in_routemap,
        change: theme.movement.key(),
        stages_moved: match theme.movement {
            Movement::Up(by) => i64::try_from(by).unwrap_or(i64::MAX),
            Movement::Down(by) => -i64::try_from(by).unwrap_or(i64::MAX),
            _ => 0,
        },
        before: answer(&theme.before),
        after: answer(&theme.after),
        target_changed: theme.target_changed(),
        confidence_changed: theme.confidence_changed(),
        notes: notes(
            &theme.notes,
            theme.before.notes.as_deref(),
            theme.after.notes.as_deref(),
        ),
        room_note: notes(
            &theme.room_note,
            theme.before.room_note.as_deref(),
            theme.after.room_note.as_deref(),
        ),
        evidence_added: &theme.evidence_added,
        evidence_removed: &theme.evidence_removed,
    }
}

/// The diff as pretty-printed JSON.
pub fn to_json(diff: &Diff) -> String {
    let summary = &diff.summary;
    let value = JsonDiff {
        schema: SCHEMA,
        routemap: JsonRoutemap {
            id: &diff.routemap_id,
            version: &diff.routemap_version,
            before_version: &diff.before.routemap_version,
            after_version: &diff.after.routemap_version,
        },
        before: side(&diff.before),
        after: side(&diff.after),
        identical: diff.identical(),
        regression: diff.has_regression(),
        summary: JsonSummary {
            up: summary.up,
            down: summary.down,
            unchanged: summary.unchanged,
            newly_answered: summary.newly_answered,
            removed: summary.removed,
            now_not_applicable: summary.now_not_applicable,
            no_longer_not_applicable: summary.no_longer_not_applicable,
            not_comparable: summary.unknown,
        },
        themes: diff.themes.iter().map(theme).collect(),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    crate::jsonout::pretty(&value).unwrap_or_default()
}
