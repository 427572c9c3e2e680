//! The summary as a text heat map for the terminal, fitted to the width it is given:
//! theme names end in `…` first, then the shades go, and on a very narrow screen each
//! theme's figures are listed under its name. Names pass `crate::sanitize`.

use super::cells::{figure_text, highlight_words, middle, stage_cell};
use super::words::{Legend, footer, heading};
use super::{Figure, Summary};
use crate::sanitize;
use crate::text::{ellipsize, wrap_words};
use unicode_width::UnicodeWidthStr;

/// Theme names are cut no narrower than this while shaded; below it the shades go.
const THEME_MIN: usize = 12;
/// Narrower than this, each theme's figures go under its name instead of a table.
const THEME_FLOOR: usize = 8;
const GAP: &str = "  ";

fn pad(text: &str, width: usize) -> String {
    let cut = ellipsize(text, width, "…");
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// The text table's columns after the theme: headers and each theme's cells.
struct Columns {
    headers: Vec<String>,
    /// The space before each column: one between stage counts (each starts with its
    /// shade, which sets it apart), two elsewhere.
    gaps: Vec<&'static str>,
    /// Per theme, one cell per header.
    cells: Vec<Vec<String>>,
    /// Right-aligned columns (the counts); the rest are left-aligned.
    right: Vec<bool>,
}

impl Columns {
    fn of(summary: &Summary, shaded: bool) -> Columns {
        let not_on_scale = summary.has_not_on_scale();
        let mut headers: Vec<String> = (0..summary.stages.len())
            .map(|index| summary.stage_number(index).to_string())
            .collect();
        if not_on_scale {
            headers.push("?".into());
        }
        headers.extend(["n/a", "ANS", "none", "MEDIAN", "Q1–Q3"].map(String::from));
        let mut right = vec![true; headers.len() - 1];
        right.push(false);
        let stages = summary.stages.len();
        let mut gaps: Vec<&'static str> = (0..headers.len())
            .map(|column| {
                if (1..stages).contains(&column) && shaded {
                    " "
                } else {
                    GAP
                }
            })
            .collect();
        if let Some(label) = &summary.highlight {
            headers.push(sanitize::line(label).to_uppercase());
            right.push(false);
            gaps.push(GAP);
        }
        let cells = summary
            .themes
            .iter()
            .map(|theme| {
                let marks = summary.highlight.is_some();
                let mut row: Vec<String> = (0..summary.stages.len())
                    .map(|index| stage_cell(theme, index, shaded, marks))
                    .collect();
                if not_on_scale {
                    row.push(figure_text(theme, Figure::NotOnScale));
                }
                for figure in [Figure::NotApplicable, Figure::Answered, Figure::Unanswered] {
                    row.push(figure_text(theme, figure));
                }
                let (median, quartiles) = middle(summary, theme);
                row.extend([median, quartiles]);
                if summary.highlight.is_some() {
                    row.push(highlight_words(summary, theme, false));
                }
                row
            })
            .collect();
        Columns {
            headers,
            gaps,
            cells,
            right,
        }
    }

    /// Each column's width: its widest cell, the header's at least (the highlighted
    /// authority's name, a header only, is cut to its column's cells).
    fn widths(&self, highlight: bool) -> Vec<usize> {
        let last = self.headers.len().saturating_sub(1);
        (0..self.headers.len())
            .map(|column| {
                let cells = self
                    .cells
                    .iter()
                    .map(|row| row[column].width())
                    .max()
                    .unwrap_or(0);
                if highlight && column == last {
                    cells.max(self.headers[column].width().min(10))
                } else {
                    cells.max(self.headers[column].width())
                }
            })
            .collect()
    }

    /// Widens the highlighted authority's column (the last) towards its whole name with
    /// up to `spare` columns.
    fn widen_highlight(&self, widths: &mut [usize], spare: usize) {
        if let (Some(width), Some(header)) = (widths.last_mut(), self.headers.last()) {
            *width += header.width().saturating_sub(*width).min(spare);
        }
    }

    /// Room the columns take, their gaps included.
    fn room(&self, widths: &[usize]) -> usize {
        widths
            .iter()
            .zip(&self.gaps)
            .map(|(w, gap)| w + gap.len())
            .sum()
    }

    fn line(&self, cells: &[String], widths: &[usize]) -> String {
        let mut line = String::new();
        let columns = cells.iter().zip(widths).zip(&self.right).zip(&self.gaps);
        for (((cell, &width), &right_aligned), gap) in columns {
            line.push_str(gap);
            if right_aligned {
                line.push_str(&right(cell, width));
            } else {
                line.push_str(&pad(cell, width));
            }
        }
        line
    }
}

/// The summary as a text heat map at most `width` columns wide where it can be: theme
/// names are cut with `…` (no narrower than 12 columns), then the shades are dropped,
/// then (under 8 columns for names) each theme's figures go under its name.
pub fn to_text(summary: &Summary, width: usize) -> String {
    let names: Vec<String> = summary
        .themes
        .iter()
        .map(|t| sanitize::line(&t.name).into_owned())
        .collect();
    let widest_name = names.iter().map(|n| n.width()).max().unwrap_or(0).max(5);
    let layout = |shaded: bool| {
        let columns = Columns::of(summary, shaded);
        let widths = columns.widths(summary.highlight.is_some());
        let fixed = columns.room(&widths);
        (columns, widths, width.saturating_sub(fixed))
    };
    let (mut columns, mut widths, mut room) = layout(true);
    let shaded = room >= THEME_MIN.min(widest_name);
    if !shaded {
        (columns, widths, room) = layout(false);
    }
    let mut out = String::new();
    for line in heading(summary) {
        for part in wrap_words(&line, width) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out.push('\n');
    if room >= THEME_FLOOR {
        let theme_width = widest_name.min(room);
        // The highlighted authority's name is cut to its cells only when the theme names
        // need the room: what they leave goes to the name.
        if summary.highlight.is_some() {
            columns.widen_highlight(&mut widths, room - theme_width);
        }
        let header = pad("THEME", theme_width) + &columns.line(&columns.headers, &widths);
        out.push_str(header.trim_end());
        out.push('\n');
        let shown = crate::text::ellipsize_distinct(&names, theme_width);
        for (name, cells) in shown.iter().zip(&columns.cells) {
            let row = pad(name, theme_width) + &columns.line(cells, &widths);
            out.push_str(row.trim_end());
            out.push('\n');
        }
    } else {
        stacked(&mut out, &names, &columns, width);
    }
    out.push('\n');
    out.push_str(&super::section_table::text(summary, width));
    out.push('\n');
    for line in footer(summary, Legend::Text { shaded }) {
        for part in wrap_words(&line, width) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

/// Too narrow for a table: each theme's name on a line, then its figures as
/// `HEADER: value` pairs, as many to a line as fit.
fn stacked(out: &mut String, names: &[String], columns: &Columns, width: usize) {
    for (name, cells) in names.iter().zip(&columns.cells) {
        out.push_str(&ellipsize(name, width, "…"));
        out.push('\n');
        let mut line = String::new();
        for (header, cell) in columns.headers.iter().zip(cells) {
            let room = width.saturating_sub(GAP.len() + 2 + cell.width()).max(1);
            let item = format!("{}: {cell}", ellipsize(header, room, "…"));
            if !line.is_empty() && line.width() + GAP.len() + item.width() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            line.push_str(GAP);
            line.push_str(&item);
        }
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
}
