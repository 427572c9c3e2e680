//! The pieces of a `Diff`'s text forms (side lines, movement words, the lines of what
//! else changed) and the GitHub markdown table; the text table is laid out in
//! `diff::text`.
//!
//! Every name, note, path and label comes from a file, so each passes the sanitiser
//! ([`clean`]) before it is laid out: widths are measured on what is shown, and no
//! control reaches the terminal.

use super::text::{TextLayout, to_text_fitted};
use super::{Diff, Movement, NotesChange, Side, ThemeDiff, confidence_label};
use crate::routemap::plural;
use crate::sanitize;

/// The characters the text form draws with: Unicode, or 7-bit ASCII for `--ascii`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub up: &'static str,
    pub down: &'static str,
    pub minus: &'static str,
    pub arrow: &'static str,
    pub back: &'static str,
    /// No answer.
    pub none: &'static str,
    /// Between an authority and its title.
    pub dash: &'static str,
    pub ellipsis: &'static str,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        up: "↑",
        down: "↓",
        minus: "−",
        arrow: "→",
        back: "←",
        none: "—",
        dash: "—",
        ellipsis: "…",
    };
    pub const ASCII: Glyphs = Glyphs {
        up: "^",
        down: "v",
        minus: "-",
        arrow: "->",
        back: "<-",
        none: "-",
        dash: "-",
        ellipsis: "...",
    };

    /// "↑ up 2", "↓ down 1", "= same" …: readable without colour.
    pub fn movement(&self, movement: &Movement) -> String {
        match movement {
            Movement::Up(by) => format!("{} up {by}", self.up),
            Movement::Down(by) => format!("{} down {by}", self.down),
            Movement::Same => "= same".into(),
            Movement::NewlyAnswered => "+ newly answered".into(),
            Movement::Removed => format!("{} no longer answered", self.minus),
            Movement::NowNotApplicable => format!("{} now n/a", self.arrow),
            Movement::NoLongerNotApplicable => format!("{} no longer n/a", self.back),
            Movement::Unknown => "? not comparable".into(),
        }
    }
}

/// "↑ up 2", "↓ down 1", "= same" …: readable without colour.
pub fn movement_words(movement: &Movement) -> String {
    Glyphs::UNICODE.movement(movement)
}

/// Text from a file on one line, controls shown.
pub(super) fn clean(text: &str) -> String {
    sanitize::line(text).into_owned()
}

pub(super) fn side_line(label: &str, side: &Side, glyphs: &Glyphs) -> String {
    let mut name = clean(&side.authority);
    if let Some(title) = &side.title {
        name = format!("{name} {} {}", glyphs.dash, clean(title));
    }
    let when = side
        .updated
        .as_deref()
        .map(|at| {
            format!(
                "  (updated {})",
                clean(&at.replace('T', " ").replace('Z', " UTC"))
            )
        })
        .unwrap_or_default();
    format!("{label:<7} {}  {name}{when}", sanitize::path(&side.path))
}

pub(super) fn routemap_line(diff: &Diff, glyphs: &Glyphs) -> String {
    let (before, after) = (&diff.before.routemap_version, &diff.after.routemap_version);
    let id = clean(&diff.routemap_id);
    if before != after && !before.is_empty() && !after.is_empty() {
        format!(
            "routemap {id}: version {} {} {}; themes matched by id, the rest listed at the end",
            clean(before),
            glyphs.arrow,
            clean(after)
        )
    } else {
        format!("routemap {id} {}", clean(&diff.routemap_version))
    }
}

/// The lines under a theme that say what else changed.
pub(super) fn detail_lines(
    diff: &Diff,
    theme: &ThemeDiff,
    verbose: bool,
    glyphs: &Glyphs,
) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    if theme.target_changed() {
        let label = |target: &Option<String>| {
            target
                .as_deref()
                .map_or(glyphs.none.to_string(), |t| diff.stage_label(t))
        };
        let (before, after) = (label(&theme.before.target), label(&theme.after.target));
        lines.push((
            "target".into(),
            format!("{before} {} {after}", glyphs.arrow),
        ));
    }
    if theme.confidence_changed() {
        let label = |confidence| match confidence_label(confidence) {
            "—" => glyphs.none,
            word => word,
        };
        let (before, after) = (
            label(theme.before.confidence),
            label(theme.after.confidence),
        );
        lines.push((
            "confidence".into(),
            format!("{before} {} {after}", glyphs.arrow),
        ));
    }
    let (before, after) = (&theme.before, &theme.after);
    lines.extend(notes_lines(
        "notes",
        &theme.notes,
        [&before.notes, &after.notes],
        verbose,
        glyphs,
    ));
    lines.extend(notes_lines(
        "room note",
        &theme.room_note,
        [&before.room_note, &after.room_note],
        verbose,
        glyphs,
    ));
    lines.extend(evidence_lines(theme, glyphs));
    if !theme.in_routemap {
        lines.push(("note".into(), "not in this version of the routemap".into()));
    }
    lines
        .into_iter()
        .map(|(label, text)| (label, clean(&text)))
        .collect()
}

/// What happened to a notes field (the notes, or the room's note), in words counted;
/// in full with `verbose`.
fn notes_lines(
    label: &str,
    change: &NotesChange,
    [before, after]: [&Option<String>; 2],
    verbose: bool,
    glyphs: &Glyphs,
) -> Vec<(String, String)> {
    let Some(said) = notes_words(change, glyphs) else {
        return Vec::new();
    };
    let mut lines = vec![(label.to_string(), said)];
    if verbose {
        for (label, text) in [("  before", before), ("  after", after)] {
            let text = text.as_deref().unwrap_or("(none)");
            for (index, line) in text.lines().enumerate() {
                let label = if index == 0 { label } else { "" };
                lines.push((label.to_string(), line.to_string()));
            }
        }
    }
    lines
}

/// Evidence added (+) and removed, one item a line, labelled once.
fn evidence_lines(theme: &ThemeDiff, glyphs: &Glyphs) -> Vec<(String, String)> {
    let added = theme.evidence_added.iter().map(|item| format!("+ {item}"));
    let removed = theme
        .evidence_removed
        .iter()
        .map(|item| format!("{} {item}", glyphs.minus));
    added
        .chain(removed)
        .enumerate()
        .map(|(index, text)| {
            let label = if index == 0 { "evidence" } else { "" };
            (label.to_string(), text)
        })
        .collect()
}

/// The diff as a text table at its natural width (no column cut), 24-bit colour when
/// `color`; [`to_text_fitted`] fits a width.
pub fn to_text(diff: &Diff, verbose: bool, color: bool) -> String {
    to_text_fitted(
        diff,
        &TextLayout {
            verbose,
            colors: if color {
                crate::term::Colors::TrueColor
            } else {
                crate::term::Colors::Off
            },
            width: usize::from(crate::term::MAX_WIDTH),
            ascii: false,
        },
    )
}

/// The files' words in markdown: on one line, controls shown, and every character
/// markdown or HTML gives a meaning escaped, so a name is never markup (nor splits a
/// table cell).
fn cell(text: &str) -> String {
    crate::report::mdtext::inline(text)
}

/// The diff as a GitHub markdown table.
pub fn to_markdown(diff: &Diff, verbose: bool) -> String {
    let side = |label: &str, side: &Side| {
        let title = side
            .title
            .as_deref()
            .map(|t| format!(" — {}", cell(t)))
            .unwrap_or_default();
        let updated = side
            .updated
            .as_deref()
            .map(|u| format!(", updated {}", cell(u)))
            .unwrap_or_default();
        format!(
            "- **{label}:** {} — {}{title}{updated}",
            cell(&sanitize::path(&side.path)),
            cell(&side.authority)
        )
    };
    let mut out = vec![
        format!("## Changes in {}", cell(&diff.after.authority)),
        String::new(),
        side("before", &diff.before),
        side("after", &diff.after),
        format!(
            "- **routemap:** {}",
            cell(routemap_line(diff, &Glyphs::UNICODE).trim_start_matches("routemap "))
        ),
        String::new(),
    ];
    if diff.identical() {
        out.push("The two assessments are identical.".into());
        out.push(String::new());
        out.push(format!("**{}**", diff.summary.line()));
        return out.join("\n") + "\n";
    }
    out.push("| Theme | Before | After | Change | Other changes |".into());
    out.push("|---|---|---|---|---|".into());
    for theme in &diff.themes {
        let others: Vec<String> = detail_lines(diff, theme, verbose, &Glyphs::UNICODE)
            .into_iter()
            .map(|(what, text)| {
                if what.trim().is_empty() {
                    cell(&text)
                } else {
                    cell(&format!("{}: {text}", what.trim()))
                }
            })
            .collect();
        out.push(format!(
            "| {} | {} | {} | {} | {} |",
            cell(&theme.name),
            cell(&diff.current_label(&theme.before)),
            cell(&diff.current_label(&theme.after)),
            movement_words(&theme.movement),
            others.join("<br>")
        ));
    }
    out.push(String::new());
    out.push(format!("**{}**", diff.summary.line()));
    out.join("\n") + "\n"
}

/// How notes changed, in words: "added", "changed: +3 words, −1 word"; `None` when not.
fn notes_words(change: &NotesChange, glyphs: &Glyphs) -> Option<String> {
    match change {
        NotesChange::Same => None,
        NotesChange::Added => Some("added".into()),
        NotesChange::Removed => Some("removed".into()),
        NotesChange::Changed(words) => {
            let counts = match (words.added, words.removed) {
                (0, 0) => "spacing only".to_string(),
                (added, 0) => format!("+{}", plural(added, "word")),
                (0, removed) => format!("{}{}", glyphs.minus, plural(removed, "word")),
                (added, removed) => format!(
                    "+{}, {}{}",
                    plural(added, "word"),
                    glyphs.minus,
                    plural(removed, "word")
                ),
            };
            Some(format!("changed: {counts}"))
        }
    }
}
