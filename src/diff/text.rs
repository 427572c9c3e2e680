//! A `Diff` as an aligned text table that fits the width it is given: columns share
//! the width (the widest gives way first, cut with an ellipsis), and every other line
//! wraps, so no line is ever wider than asked. `--ascii` keeps it to 7-bit ASCII for
//! email and old terminals (arrows as `^ v =`).
//!
//! Text from files passes the sanitiser before it is measured, and colour codes are
//! added after the layout, by [`paint`].

use super::render::{Glyphs, clean, detail_lines, routemap_line, side_line};
use super::{Diff, Movement};
use crate::term::{self, Colors};
use crate::text::{truncate_width, wrap_words};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// How to lay the table out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLayout {
    /// Changed notes in full.
    pub verbose: bool,
    pub colors: Colors,
    /// The widest a line may be, in columns.
    pub width: usize,
    pub ascii: bool,
}

/// The gap between columns.
const GAP: &str = "  ";
/// Detail lines under a theme: an indent, a label column, then the text.
const DETAIL_INDENT: usize = 4;
const DETAIL_LABEL: usize = 10;

/// The diff as a text table no wider than `layout.width`.
pub fn to_text_fitted(diff: &Diff, layout: &TextLayout) -> String {
    let glyphs = if layout.ascii {
        Glyphs::ASCII
    } else {
        Glyphs::UNICODE
    };
    let width = layout.width.max(1);
    let mut out: Vec<String> = Vec::new();
    out.push(cut(
        &side_line("before", &diff.before, &glyphs),
        width,
        &glyphs,
    ));
    out.push(cut(
        &side_line("after", &diff.after, &glyphs),
        width,
        &glyphs,
    ));
    out.extend(wrap_words(&routemap_line(diff, &glyphs), width));
    out.push(String::new());
    if diff.identical() {
        out.push("The two assessments are identical.".into());
        out.push(String::new());
        out.extend(wrap_summary(&diff.summary.line(), width));
        return out.join("\n") + "\n";
    }
    let label = |answer| {
        let label = clean(&diff.current_label(answer));
        if label == "—" {
            glyphs.none.to_string()
        } else {
            label
        }
    };
    let rows: Vec<[String; 4]> = diff
        .themes
        .iter()
        .map(|theme| {
            [
                clean(&theme.name),
                label(&theme.before),
                label(&theme.after),
                glyphs.movement(&theme.movement),
            ]
        })
        .collect();
    let header = ["THEME", "BEFORE", "AFTER", "CHANGE"].map(String::from);
    let widths = column_widths(&natural_widths(&header, &rows), width);
    // Names that would be cut alike are cut so as to stay told apart.
    let names: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    let shown = crate::text::ellipsize_distinct_with(&names, widths[0], glyphs.ellipsis);
    let rows: Vec<[String; 4]> = rows
        .iter()
        .zip(shown)
        .map(|(row, name)| [name, row[1].clone(), row[2].clone(), row[3].clone()])
        .collect();
    out.push(row_line(&header, &widths, &glyphs, None, layout.colors));
    for (theme, row) in diff.themes.iter().zip(&rows) {
        out.push(row_line(
            row,
            &widths,
            &glyphs,
            Some(&theme.movement),
            layout.colors,
        ));
        for (what, text) in detail_lines(diff, theme, layout.verbose, &glyphs) {
            out.extend(detail(&what, &text, width, &glyphs));
        }
    }
    out.push(String::new());
    out.extend(wrap_summary(&diff.summary.line(), width));
    out.join("\n") + "\n"
}

/// The columns' widths within `width`. CHANGE carries the result ("↓ down 1", "− no
/// longer answered"), so it keeps its whole width while the others can give way: the
/// theme's name, which matters next, keeps about twice the room of each stage. Only
/// when they would be cut to almost nothing does CHANGE give way too.
fn column_widths(natural: &[usize], width: usize) -> Vec<usize> {
    const LEAST: usize = 6 + 4 + 4;
    let change = natural.get(3).copied().unwrap_or(0);
    let room = width.saturating_sub(change + GAP.len());
    if room >= LEAST + 2 * GAP.len() {
        let mut widths = fit_columns(&natural[..3], &[2, 1, 1], room, GAP.len());
        widths.push(change);
        widths
    } else {
        fit_columns(natural, &[2, 1, 1, 1], width, GAP.len())
    }
}

/// Each column's width: its widest cell, header included; BEFORE and AFTER alike, so
/// the two stages line up as a pair.
fn natural_widths(header: &[String; 4], rows: &[[String; 4]]) -> Vec<usize> {
    let mut widths: Vec<usize> = (0..4)
        .map(|column| {
            std::iter::once(header)
                .chain(rows)
                .map(|row| row[column].width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let stages = widths[1].max(widths[2]);
    widths[1] = stages;
    widths[2] = stages;
    widths
}

/// Column widths that fit `width` with `gap` between columns: while too wide, the
/// column widest for its weight gives up a column (the first of equals), down to one
/// each. A column of weight 2 keeps about twice the room of one of weight 1.
pub fn fit_columns(natural: &[usize], weights: &[usize], width: usize, gap: usize) -> Vec<usize> {
    let mut widths = natural.to_vec();
    let gaps = gap * natural.len().saturating_sub(1);
    let mut total: usize = widths.iter().sum::<usize>() + gaps;
    let weight = |column: usize| weights.get(column).copied().unwrap_or(1).max(1);
    while total > width {
        // Compared as width_a / weight_a against width_b / weight_b, without division.
        let Some(widest) = (0..widths.len())
            .filter(|&column| widths[column] > 1)
            .max_by(|&a, &b| {
                (widths[a] * weight(b))
                    .cmp(&(widths[b] * weight(a)))
                    .then(b.cmp(&a))
            })
        else {
            break;
        };
        widths[widest] -= 1;
        total -= 1;
    }
    widths
}

/// One row: cells padded or cut to their widths, the last not padded, the change
/// painted by movement.
fn row_line(
    cells: &[String; 4],
    widths: &[usize],
    glyphs: &Glyphs,
    movement: Option<&Movement>,
    colors: Colors,
) -> String {
    let mut line = String::new();
    for (column, (cell, &width)) in cells.iter().zip(widths).enumerate() {
        let shown = cut(cell, width, glyphs);
        if column + 1 == cells.len() {
            match movement {
                Some(movement) => line.push_str(&paint(&shown, movement, colors)),
                None => line.push_str(&shown),
            }
        } else {
            line.push_str(&shown);
            line.push_str(&" ".repeat(width.saturating_sub(shown.width())));
            line.push_str(GAP);
        }
    }
    line.trim_end().to_string()
}

/// A detail line under a theme, wrapped with a hanging indent; when the width leaves
/// too little room beside the label, the text goes under it.
fn detail(what: &str, text: &str, width: usize, glyphs: &Glyphs) -> Vec<String> {
    let lead = DETAIL_INDENT + DETAIL_LABEL + GAP.len();
    let label = format!(
        "{}{}",
        " ".repeat(DETAIL_INDENT),
        cut(what, DETAIL_LABEL, glyphs)
    );
    if width >= lead + 20 {
        let indent = " ".repeat(lead);
        let mut lines = Vec::new();
        for (index, piece) in wrap_words(text, width - lead).into_iter().enumerate() {
            let head = if index == 0 {
                format!("{label:<lead$}")
            } else {
                indent.clone()
            };
            lines.push(format!("{head}{piece}").trim_end().to_string());
        }
        if lines.is_empty() {
            lines.push(label.trim_end().to_string());
        }
        return lines;
    }
    let mut lines = vec![label.trim_end().to_string()];
    lines.extend(
        wrap_words(text, width.saturating_sub(DETAIL_INDENT).max(1))
            .into_iter()
            .map(|piece| format!("{}{piece}", " ".repeat(DETAIL_INDENT.min(width - 1)))),
    );
    lines.retain(|line| !line.is_empty());
    lines
}

/// The summary, broken after its commas to fit.
fn wrap_summary(summary: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for part in summary.split(", ") {
        let piece = if line.is_empty() {
            part.to_string()
        } else {
            format!("{line}, {part}")
        };
        if piece.width() <= width || line.is_empty() {
            line = piece;
        } else {
            lines.push(format!("{line},"));
            line = part.to_string();
        }
    }
    lines.push(line);
    lines
        .into_iter()
        .flat_map(|line| wrap_words(&line, width))
        .collect()
}

/// Text cut to `width` columns, ending in the glyph set's ellipsis when cut. Cut by
/// character, not at a word: in a narrow column every letter kept says more.
fn cut(text: &str, width: usize, glyphs: &Glyphs) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(glyphs.ellipsis.width());
    if room == 0 {
        return truncate_width(text, width);
    }
    format!(
        "{}{}",
        truncate_width(text, room).trim_end(),
        glyphs.ellipsis
    )
}

/// Colour for a movement (Okabe–Ito bluish green up, vermilion down), at the depth the
/// output takes; the words say the same without it.
fn paint(text: &str, movement: &Movement, colors: Colors) -> String {
    let color = match movement {
        Movement::Up(_) | Movement::NewlyAnswered => Color::Rgb(0, 158, 115),
        Movement::Down(_) | Movement::Removed => Color::Rgb(213, 94, 0),
        _ => return text.to_string(),
    };
    if colors.on() {
        format!(
            "{}{text}\u{1b}[0m",
            term::sgr(term::fit(color, colors), true)
        )
    } else {
        text.to_string()
    }
}
