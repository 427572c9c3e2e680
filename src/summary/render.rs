//! The summary as a text heat map for the terminal, or as a markdown table. Each cell is
//! a count with a shade for its share of the theme's authorities, so the map reads
//! without colour; names pass `crate::sanitize` (and markdown escaping). The text fits
//! the width it is given: theme names end in `…` first, then the shades go.

use super::scan::Cell;
use super::{Figure, Summary, ThemeSummary};
use crate::report::markdown_inline;
use crate::routemap::plural;
use crate::sanitize;
use crate::text::{ellipsize, wrap_words};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Above this many authorities the footer gives only their number.
const LIST_MEMBERS: usize = 40;
/// A withheld figure, as official statistics mark one ("confidential").
pub const WITHHELD: &str = "[c]";
/// Theme names are cut no narrower than this while shaded; below it the shades go.
const THEME_MIN: usize = 12;
/// Narrower than this, each theme's figures go under its name instead of a table.
const THEME_FLOOR: usize = 8;
const GAP: &str = "  ";

/// The shade of a count's share of the theme's placed authorities.
pub fn shade(count: usize, placed: usize) -> char {
    if count == 0 || placed == 0 {
        return '·';
    }
    match count * 100 / placed {
        0..20 => '░',
        20..40 => '▒',
        40..60 => '▓',
        _ => '█',
    }
}

/// The legend of the shades.
pub const SHADE_LEGEND: &str = "Each count is shaded by its share of the authorities placed on the theme: · none, ░ under 20%, ▒ 20–39%, ▓ 40–59%, █ 60% or more.";

/// How a figure reads: the number, or `[c]` when withheld.
fn figure_text(theme: &ThemeSummary, figure: Figure) -> String {
    theme
        .shown(figure)
        .map_or_else(|| WITHHELD.to_string(), |count| count.to_string())
}

/// A heat-map cell: shade (when `shaded`), count, and `*` where the highlighted
/// authority is. A withheld count gets no shade: the shade would tell its size.
/// With `marks`, every cell keeps a column for the mark, so the counts stay in line.
fn stage_cell(theme: &ThemeSummary, index: usize, shaded: bool, marks: bool) -> String {
    let figure = Figure::Stage(index);
    let mark = if theme.highlight == Some(Cell::Stage(u8::try_from(index).unwrap_or(u8::MAX))) {
        "*"
    } else if marks {
        " "
    } else {
        ""
    };
    match theme.shown(figure) {
        Some(count) if shaded => format!(
            "{} {count}{mark}",
            shade(count, theme.count(Figure::Placed))
        ),
        Some(count) => format!("{count}{mark}"),
        None => format!("{WITHHELD}{mark}"),
    }
}

/// Median and quartiles as stage numbers: ("3", "2–4"); `—` for what is not shown.
fn middle(theme: &ThemeSummary) -> (String, String) {
    let number = |stage: Option<usize>| stage.map_or("—".to_string(), |s| (s + 1).to_string());
    let [low, median, high] = theme.quartiles();
    let quartiles = match (low, high) {
        (Some(low), Some(high)) if low == high => number(Some(low)),
        (None, None) => "—".into(),
        _ => format!("{}–{}", number(low), number(high)),
    };
    (number(median), quartiles)
}

/// Where the highlighted authority stands on a theme, against the median when that is
/// shown: "3 above", "2 at", "1 below" (text) or in words (markdown).
fn highlight_words(theme: &ThemeSummary, long: bool) -> String {
    match (theme.highlight, theme.median()) {
        (Some(Cell::Stage(index)), Some(median)) => {
            let index = usize::from(index);
            let side = match index.cmp(&median) {
                std::cmp::Ordering::Less => "below",
                std::cmp::Ordering::Equal => "at",
                std::cmp::Ordering::Greater => "above",
            };
            if long {
                format!("{} ({side} the median)", index + 1)
            } else {
                format!("{} {side}", index + 1)
            }
        }
        (Some(Cell::Stage(index)), None) => format!("{}", usize::from(index) + 1),
        (Some(Cell::NotApplicable), _) => "n/a".into(),
        (Some(Cell::Unknown), _) => "?".into(),
        (Some(Cell::Unanswered) | None, _) => "—".into(),
    }
}

/// "1 authority", "12 authorities".
pub fn authorities(count: usize) -> String {
    if count == 1 {
        "1 authority".into()
    } else {
        format!("{count} authorities")
    }
}

/// The lines above the table: what was summarised.
fn heading(summary: &Summary) -> Vec<String> {
    let counted = if summary.latest_only {
        format!(
            "{} (the latest assessment of each)",
            authorities(summary.authorities)
        )
    } else {
        format!(
            "{} of {}",
            plural(summary.assessments, "assessment"),
            authorities(summary.authorities)
        )
    };
    let mut lines = vec![
        sanitize::line(&summary.routemap_title).into_owned(),
        format!(
            "{} {} · {counted} · {} read, {} skipped",
            sanitize::line(&summary.routemap_id),
            sanitize::line(&summary.routemap_version),
            plural(summary.files_read, "file"),
            summary.files_skipped
        ),
    ];
    if let Some(label) = &summary.highlight {
        lines.push(format!("* marks where {} is", sanitize::line(label)));
    }
    if summary.min_group > 1 {
        lines.push(format!(
            "Figures drawn from fewer than {} are withheld ({WITHHELD}), and others with them so that none can be worked out; see below.",
            authorities(summary.min_group),
        ));
    }
    lines
}

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
        let mut headers: Vec<String> = (1..=summary.stages.len()).map(|n| n.to_string()).collect();
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
                let (median, quartiles) = middle(theme);
                row.extend([median, quartiles]);
                if summary.highlight.is_some() {
                    row.push(highlight_words(theme, false));
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
        let header = pad("THEME", theme_width) + &columns.line(&columns.headers, &widths);
        out.push_str(header.trim_end());
        out.push('\n');
        for (name, cells) in names.iter().zip(&columns.cells) {
            let row = pad(name, theme_width) + &columns.line(cells, &widths);
            out.push_str(row.trim_end());
            out.push('\n');
        }
    } else {
        stacked(&mut out, &names, &columns, width);
    }
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

/// Which table the legend explains.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Legend {
    Text { shaded: bool },
    Markdown,
}

/// The lines under the table: stage names, shading, columns, the median rule,
/// suppression, the members.
fn footer(summary: &Summary, legend: Legend) -> Vec<String> {
    let stages: Vec<String> = (0..summary.stages.len())
        .map(|i| sanitize::line(&summary.stage_label(i)).into_owned())
        .collect();
    let mut lines = vec![format!("Stages: {}.", stages.join(", "))];
    let (answered, not_answered, not_on_scale, quartiles) = match legend {
        Legend::Text { .. } => ("ANS", "none", "?", "Q1–Q3: the quartiles"),
        Legend::Markdown => ("Answered", "Not answered", "Not on the scale", "Quartiles"),
    };
    let mut columns = format!(
        "{answered}: authorities that answered (a stage, or n/a: not applicable); {not_answered}: not answered"
    );
    if summary.has_not_on_scale() {
        let _ = write!(
            columns,
            "; {not_on_scale}: at a stage the scale does not have"
        );
    }
    if legend == Legend::Markdown {
        lines.push(format!("{SHADE_LEGEND} {columns}."));
    } else if legend == (Legend::Text { shaded: true }) {
        lines.push(format!("{SHADE_LEGEND} {columns}; {quartiles}."));
    } else {
        lines.push(format!("{columns}; {quartiles}. (Too narrow for shading.)"));
    }
    lines.push("Median and quartiles are stages, by nearest rank over the authorities placed on the theme (with an even number, the lower middle); stages are ordered but not evenly spaced, so nothing is averaged.".into());
    if let Some(line) = suppression_words(summary) {
        lines.push(line);
    }
    lines.push(members_line(summary));
    lines
}

/// What was withheld and why, when anything could be.
fn suppression_words(summary: &Summary) -> Option<String> {
    if summary.min_group <= 1 {
        return None;
    }
    let group = authorities(summary.min_group);
    if summary.authorities < summary.min_group {
        return Some(format!(
            "{WITHHELD}: withheld. Every figure is withheld, as the summary covers fewer than {group}."
        ));
    }
    let withheld = summary.withheld();
    let mut line = format!(
        "{WITHHELD}: withheld. No figure drawn from fewer than {group} is shown; where one is withheld, the next smallest of the same total are too, so that no withheld figure can be worked out by subtracting the others from a total shown. "
    );
    match withheld {
        0 => line.push_str("Nothing needed withholding."),
        1 => line.push_str("1 figure is withheld."),
        many => {
            let _ = write!(line, "{many} figures are withheld.");
        }
    }
    let themes = summary.quartiles_withheld();
    if themes > 0 {
        let _ = write!(
            line,
            " Medians and quartiles are shown only where they tell nothing about a withheld figure (some are withheld on {}).",
            plural(themes, "theme")
        );
    }
    Some(line)
}

/// The authorities, one each: listed, or counted when there are many.
fn members_line(summary: &Summary) -> String {
    if summary.members.len() > LIST_MEMBERS {
        return format!(
            "{}, too many to list here (--format json lists them).",
            authorities(summary.members.len())
        );
    }
    let names: Vec<String> = summary
        .members
        .iter()
        .map(|m| sanitize::line(&m.shown_as).into_owned())
        .collect();
    format!("Authorities: {}.", names.join(", "))
}

/// The summary as a markdown table.
pub fn to_markdown(summary: &Summary) -> String {
    let mut lines = heading(summary).into_iter();
    let mut out = format!(
        "## Summary: {}\n\n",
        markdown_inline(&lines.next().unwrap_or_default())
    );
    for line in lines {
        let _ = writeln!(out, "{}  ", markdown_inline(&line));
    }
    out.push('\n');
    let not_on_scale = summary.has_not_on_scale();
    let mut header = vec!["Theme".to_string()];
    header.extend((0..summary.stages.len()).map(|i| markdown_inline(&summary.stage_label(i))));
    if not_on_scale {
        header.push("Not on the scale".into());
    }
    header.extend(["n/a", "Answered", "Not answered", "Median", "Quartiles"].map(String::from));
    if let Some(label) = &summary.highlight {
        header.push(markdown_inline(label));
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(header.len() - 1));
    for theme in &summary.themes {
        let mut cells = vec![markdown_inline(&theme.name)];
        cells.extend(
            (0..summary.stages.len()).map(|i| markdown_inline(&stage_cell(theme, i, true, false))),
        );
        if not_on_scale {
            cells.push(markdown_inline(&figure_text(theme, Figure::NotOnScale)));
        }
        for figure in [Figure::NotApplicable, Figure::Answered, Figure::Unanswered] {
            cells.push(markdown_inline(&figure_text(theme, figure)));
        }
        let (median, quartiles) = middle(theme);
        cells.extend([median, quartiles]);
        if summary.highlight.is_some() {
            cells.push(highlight_words(theme, true));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for line in footer(summary, Legend::Markdown) {
        let _ = writeln!(out, "{}\n", markdown_inline(&line));
    }
    out
}
