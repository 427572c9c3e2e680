//! The read-back table that opens the summary: for every theme, the agreed stage, the
//! median, the spread, the rounds and the room's note, so the facilitator can read the
//! result back to the room. What a hidden tally would tell stays hidden here too.

use super::standing::at_words;
use crate::assessment::Assessment;
use crate::routemap::Routemap;
use crate::text::{ellipsize, ellipsize_distinct, wrap_words};
use crate::tui::theme::Palette;
use crate::workshop::{self, Shown, Standing};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// How a theme stands in the table, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Agreed,
    LastTime,
    Other,
}

/// One theme's row, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadBack {
    pub number: String,
    pub theme: String,
    pub agreed: String,
    pub kind: Kind,
    pub median: String,
    /// The median's stage number alone, for a narrow table.
    pub median_short: String,
    pub spread: String,
    pub rounds: String,
    pub note: String,
}

/// Every theme's row, in routemap order.
pub fn read_back(routemap: &Routemap, assessment: &Assessment) -> Vec<ReadBack> {
    routemap
        .themes
        .iter()
        .zip(assessment.answers_for(routemap))
        .enumerate()
        .map(|(index, (theme, answer))| {
            let shown = workshop::shown(routemap, assessment.blind, answer);
            let rounds = answer.map_or(0, |a| a.rounds.len() + usize::from(!a.votes.is_empty()));
            let (agreed, kind) = agreed(routemap, &shown);
            // A hidden tally with votes in it says so; one with none has nothing to hide.
            let hidden = |text: String| {
                if shown.hidden && shown.cast > 0 {
                    "hidden".into()
                } else {
                    text
                }
            };
            ReadBack {
                number: (index + 1).to_string(),
                theme: theme.name.clone(),
                agreed,
                kind,
                median: hidden(shown.median.map_or("—".into(), |m| {
                    at_words(routemap, &workshop::At::Stage(m))
                })),
                median_short: hidden(
                    shown
                        .median
                        .map_or("—".into(), |m| routemap.stage_number(m).to_string()),
                ),
                spread: hidden(spread(routemap, &shown)),
                rounds: if rounds == 0 {
                    "—".into()
                } else {
                    rounds.to_string()
                },
                note: shown
                    .room_note
                    .as_deref()
                    .map(|note| {
                        // One line in the table: the note's lines joined by spaces.
                        let joined = note.split_whitespace().collect::<Vec<_>>().join(" ");
                        crate::sanitize::line(&joined).into_owned()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The agreed column: the stage agreed (≠ when it is not the median), last time's
/// stage (↻, not agreed), parked, or nothing.
fn agreed(routemap: &Routemap, shown: &Shown) -> (String, Kind) {
    let parked = if shown.parked { " · parked" } else { "" };
    match &shown.standing {
        Standing::Agreed(at) => {
            let off = if shown.agreed_off_median { " ≠" } else { "" };
            (format!("{}{off}", at_words(routemap, at)), Kind::Agreed)
        }
        Standing::LastTime(at) => (
            format!("↻ {}{parked}", at_words(routemap, at)),
            Kind::LastTime,
        ),
        Standing::Open if shown.hidden && shown.cast > 0 => ("hidden".into(), Kind::Other),
        Standing::Open if shown.parked => ("parked".into(), Kind::Other),
        Standing::Open => ("—".into(), Kind::Other),
    }
}

/// "1–4 ⚑" (lowest to highest stage voted, flagged when wide), "3", or "—".
fn spread(routemap: &Routemap, shown: &Shown) -> String {
    let Some(tally) = &shown.tally else {
        return "—".into();
    };
    let low = tally.iter().position(|c| *c > 0);
    let high = tally.iter().rposition(|c| *c > 0);
    match (low, high) {
        (Some(low), Some(high)) if low == high => routemap.stage_number(low).to_string(),
        (Some(low), Some(high)) => {
            let flag = if shown.discuss.is_some() { " ⚑" } else { "" };
            format!(
                "{}–{}{flag}",
                routemap.stage_number(low),
                routemap.stage_number(high)
            )
        }
        _ => "—".into(),
    }
}

const HEADINGS: [&str; 7] = ["#", "Theme", "Agreed", "Median", "Spread", "Rounds", "Note"];
/// The columns that give way when the table is too wide, and their narrowest.
const FLEXIBLE: [(usize, usize); 4] = [(1, 10), (2, 10), (3, 6), (6, 6)];
/// Where the table has to, the flexible columns give way further, notes first, down to
/// this (one character and the ellipsis), so no row runs off the screen uncut.
const NARROWEST: usize = 2;
/// The mark of an agreement off the median: kept whole however narrow the column.
const OFF_MEDIAN: &str = " ≠";

/// The cells of a row, in column order; the median short when `short`.
fn cells(row: &ReadBack, short: bool) -> [&str; 7] {
    let median = if short {
        &row.median_short
    } else {
        &row.median
    };
    [
        &row.number,
        &row.theme,
        &row.agreed,
        median,
        &row.spread,
        &row.rounds,
        &row.note,
    ]
}

/// Spaces between the columns (`gap` each) and one before the first.
fn gaps(gap: usize) -> usize {
    gap * (HEADINGS.len() - 1) + 1
}

/// Each column as wide as its widest cell.
fn natural(rows: &[ReadBack], short: bool) -> [usize; 7] {
    let mut natural = HEADINGS.map(UnicodeWidthStr::width);
    for row in rows {
        for (column, cell) in cells(row, short).iter().enumerate() {
            natural[column] = natural[column].max(cell.width());
        }
    }
    natural
}

/// How the table is laid out at a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub widths: [usize; 7],
    /// Spaces between columns: two, or one when the table is tight.
    pub gap: usize,
    /// The median by its stage number alone.
    pub short: bool,
    /// No note column: too narrow to read, so each note is wrapped across the lines
    /// under its row instead.
    pub notes_below: bool,
}

/// The narrowest a note column is worth: below it, notes go under their rows.
const NOTE_LEAST: usize = 16;

/// The narrowest the theme column can be with every theme still told apart from the
/// others once cut ("Information g…", "Information m…"), but no wider than its text.
fn theme_least(rows: &[ReadBack], natural: usize) -> usize {
    let mut unique: Vec<&str> = rows.iter().map(|row| row.theme.as_str()).collect();
    unique.sort_unstable();
    unique.dedup();
    let least = FLEXIBLE[0].1;
    (least..natural)
        .find(|&width| {
            let mut cut = ellipsize_distinct(&unique, width);
            cut.sort_unstable();
            cut.dedup();
            cut.len() == unique.len()
        })
        .unwrap_or(natural)
        .max(least)
        .min(natural)
}

/// Column widths for `width`: as wide as their text when that fits; else one space
/// between columns, the median by number, and the flexible columns sharing what is
/// left (notes under their rows when their column would be too narrow to read).
pub fn columns(rows: &[ReadBack], width: usize) -> Columns {
    // Whole, with the median's name or else its number alone.
    for short in [false, true] {
        let whole = natural(rows, short);
        if whole.iter().sum::<usize>() + gaps(2) <= width {
            return Columns {
                widths: whole,
                gap: 2,
                short,
                notes_below: false,
            };
        }
    }
    let tight = share(rows, width, false);
    if tight.widths[6] >= NOTE_LEAST || rows.iter().all(|row| row.note.is_empty()) {
        tight
    } else {
        share(rows, width, true)
    }
}

/// The tight layout: each flexible column takes what it needs up to an equal share of
/// what is left, none below its narrowest while there is room; when there is not,
/// notes give way first, then the median, the agreed stage and the theme, so every
/// line stays within `width`.
fn share(rows: &[ReadBack], width: usize, notes_below: bool) -> Columns {
    let mut natural = natural(rows, true);
    if notes_below {
        natural[6] = 0;
    }
    let drawn = if notes_below { 6 } else { 7 };
    // One space before each column drawn.
    let room = width.saturating_sub(drawn);
    let fixed: usize = (0..7)
        .filter(|c| !FLEXIBLE.iter().any(|(f, _)| f == c))
        .map(|c| natural[c])
        .sum();
    let mut left = room.saturating_sub(fixed);
    let mut widths = natural;
    let mut flexible: Vec<(usize, usize)> = FLEXIBLE
        .into_iter()
        .filter(|(column, _)| !(notes_below && *column == 6))
        .collect();
    flexible[0].1 = theme_least(rows, natural[1]);
    flexible.sort_by_key(|(column, _)| natural[*column]);
    for (done, (column, least)) in flexible.iter().enumerate() {
        let share = left / (flexible.len() - done);
        widths[*column] = natural[*column].min(share.max(*least));
        left = left.saturating_sub(widths[*column]);
    }
    let mut over = (widths.iter().sum::<usize>() + drawn).saturating_sub(width);
    for column in [6, 3, 2, 1] {
        let give = over.min(widths[column].saturating_sub(NARROWEST));
        widths[column] -= give;
        over -= give;
    }
    Columns {
        widths,
        gap: 1,
        short: true,
        notes_below,
    }
}

/// The agreed cell in `width`: cut with an ellipsis, but the ≠ mark kept whole.
fn agreed_cell(agreed: &str, width: usize) -> String {
    match agreed.strip_suffix(OFF_MEDIAN) {
        Some(stage) if agreed.width() > width => {
            let room = width.saturating_sub(OFF_MEDIAN.width());
            format!("{}{OFF_MEDIAN}", ellipsize(stage, room.max(1), "…"))
        }
        _ => ellipsize(agreed, width, "…"),
    }
}

/// The table as lines for `width`, a legend under it. A note wraps onto the lines
/// below its row: in its column, or across the table when the column is too narrow.
pub fn lines(rows: &[ReadBack], width: usize, palette: &Palette) -> Vec<Line<'static>> {
    let layout = columns(rows, width);
    let Columns { widths, gap, .. } = layout;
    let drawn = if layout.notes_below { 6 } else { 7 };
    let line = |cells: [&str; 7], styles: [Style; 7]| {
        let mut spans = vec![Span::styled(" ", palette.text)];
        for (column, text) in cells.iter().enumerate().take(drawn) {
            let pad = widths[column].saturating_sub(text.width());
            let (before, after) = if column == 0 { (pad, 0) } else { (0, pad) };
            let gap = if column + 1 < drawn { gap } else { 0 };
            spans.push(Span::styled(" ".repeat(before), palette.text));
            spans.push(Span::styled(text.to_string(), styles[column]));
            spans.push(Span::styled(" ".repeat(after + gap), palette.text));
        }
        Line::from(spans)
    };
    let headings: [String; 7] =
        std::array::from_fn(|column| ellipsize(HEADINGS[column], widths[column], "…"));
    let mut lines = vec![line(
        std::array::from_fn(|column| headings[column].as_str()),
        [palette.heading; 7],
    )];
    let themes: Vec<&str> = rows.iter().map(|row| row.theme.as_str()).collect();
    let themes = ellipsize_distinct(&themes, widths[1]);
    for (row, theme) in rows.iter().zip(&themes) {
        let mut styles = [palette.text; 7];
        styles[2] = match row.kind {
            Kind::Agreed => palette.current,
            Kind::LastTime => palette.carried,
            Kind::Other => palette.text,
        };
        let cut: [String; 7] = std::array::from_fn(|column| {
            let cell = cells(row, layout.short)[column];
            match column {
                1 => theme.clone(),
                2 => agreed_cell(cell, widths[column]),
                6 => String::new(),
                _ => ellipsize(cell, widths[column], "…"),
            }
        });
        let mut first: [&str; 7] = std::array::from_fn(|column| cut[column].as_str());
        if layout.notes_below {
            lines.push(line(first, styles));
            lines.extend(note_below(&row.note, 1 + widths[0] + gap, width, palette));
            continue;
        }
        let mut note = wrap_words(&row.note, widths[6].max(1)).into_iter();
        let note_first = note.next().unwrap_or_default();
        first[6] = &note_first;
        lines.push(line(first, styles));
        for more in note {
            let mut cells = [""; 7];
            cells[6] = &more;
            lines.push(line(cells, styles));
        }
    }
    let legend = "≠ agreed another stage than the median · ↻ last time, not agreed yet · ⚑ votes span 3 stages or more";
    for text in wrap_words(legend, width.saturating_sub(1)) {
        lines.push(Line::styled(format!(" {text}"), palette.dim));
    }
    lines
}

/// A row's note on the lines under it, from `indent` (under the theme) to the edge.
fn note_below(note: &str, indent: usize, width: usize, palette: &Palette) -> Vec<Line<'static>> {
    let mark = "✎ ";
    let room = width.saturating_sub(indent + mark.width()).max(1);
    wrap_words(note, room)
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let lead = if index == 0 { mark } else { "  " };
            Line::styled(format!("{}{lead}{text}", " ".repeat(indent)), palette.text)
        })
        .collect()
}

#[cfg(test)]
#[path = "readback_tests.rs"]
mod tests;
