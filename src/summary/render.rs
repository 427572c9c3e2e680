//! The summary as a text heat map for the terminal, or as a markdown table. Each cell is
//! a count with a shade for its share of the theme's authorities, so the map reads
//! without colour; names pass `crate::sanitize` (and markdown escaping).

use super::scan::Cell;
use super::{SectionScore, Summary, ThemeSummary};
use crate::report::markdown_inline;
use crate::report::words;
use crate::routemap::plural;
use crate::sanitize;
use crate::text::{ellipsize, wrap_words};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Above this many authorities the text lists only their number.
const LIST_MEMBERS: usize = 40;
const THEME_WIDTH: usize = 34;

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

/// The legend of the shades and the marks.
pub const SHADE_LEGEND: &str = "Each count is shaded by its share of the authorities placed on the theme: · none, ░ under 20%, ▒ 20–39%, ▓ 40–59%, █ 60% or more.";

/// How a count reads: the number, or "<N" when suppressed.
fn count_text(summary: &Summary, count: usize) -> String {
    match summary.shown(count) {
        Some(count) => count.to_string(),
        None => format!("<{}", summary.min_group),
    }
}

/// A heat-map cell: shade, count, and `*` where the highlighted authority is.
fn stage_cell(summary: &Summary, theme: &ThemeSummary, index: usize) -> String {
    let count = theme.at_stage[index];
    let mark = if theme.highlight == Some(Cell::Stage(u8::try_from(index).unwrap_or(u8::MAX))) {
        "*"
    } else {
        ""
    };
    // A suppressed count gets no shade either: the shade would tell its size.
    let shade = match summary.shown(count) {
        Some(_) => shade(count, theme.placed()),
        None => ' ',
    };
    format!("{shade} {}{mark}", count_text(summary, count))
}

/// Median and quartiles as stage numbers: ("3", "2–4").
fn middle(summary: &Summary, theme: &ThemeSummary) -> (String, String) {
    match theme.quartiles() {
        Some((low, median, high)) if !summary.theme_suppressed(theme) => {
            let number = |index| summary.stage_number(index);
            let quartiles = if low == high {
                format!("{}", number(low))
            } else {
                format!("{}–{}", number(low), number(high))
            };
            (format!("{}", number(median)), quartiles)
        }
        _ => ("—".into(), "—".into()),
    }
}

/// Where the highlighted authority stands on a theme, against the median.
fn highlight_words(summary: &Summary, theme: &ThemeSummary) -> String {
    let median = theme.quartiles().map(|(_, median, _)| median);
    match (theme.highlight, median) {
        (Some(Cell::Stage(index)), Some(median)) => {
            let index = usize::from(index);
            let side = match index.cmp(&median) {
                std::cmp::Ordering::Less => "below the median",
                std::cmp::Ordering::Equal => "at the median",
                std::cmp::Ordering::Greater => "above the median",
            };
            format!("{} ({side})", summary.stage_number(index))
        }
        (Some(Cell::Stage(index)), None) => format!("{}", summary.stage_number(index.into())),
        (Some(Cell::NotApplicable), _) => "n/a".into(),
        (Some(Cell::Unknown), _) => "? not on the scale".into(),
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
            "Figures drawn from fewer than {} are suppressed (shown as <{} or —).",
            authorities(summary.min_group),
            summary.min_group
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

/// The summary as a text heat map.
pub fn to_text(summary: &Summary) -> String {
    let mut out = heading(summary).join("\n");
    out.push_str("\n\n");
    let theme_width = summary
        .themes
        .iter()
        .map(|t| sanitize::line(&t.name).width())
        .max()
        .unwrap_or(5)
        .clamp(5, THEME_WIDTH);
    let cell_width = 7;
    let unknown = summary.themes.iter().any(|t| t.unknown > 0);
    let mut header = format!("{}  ", pad("THEME", theme_width));
    for index in 0..summary.stages.len() {
        header.push_str(&right(&summary.stage_number(index).to_string(), cell_width));
    }
    header.push_str(&right("ANS", 6));
    header.push_str(&right("n/a", 6));
    header.push_str(&right("none", 6));
    if unknown {
        header.push_str(&right("?", 6));
    }
    header.push_str("  MEDIAN  QUARTILES");
    if let Some(label) = &summary.highlight {
        let _ = write!(header, "  {}", sanitize::line(label).to_uppercase());
    }
    out.push_str(header.trim_end());
    out.push('\n');
    for theme in &summary.themes {
        let mut row = format!("{}  ", pad(&sanitize::line(&theme.name), theme_width));
        if summary.theme_suppressed(theme) {
            let _ = write!(
                row,
                "suppressed: fewer than {} placed on this theme",
                authorities(summary.min_group)
            );
        } else {
            for index in 0..summary.stages.len() {
                row.push_str(&right(&stage_cell(summary, theme, index), cell_width));
            }
            row.push_str(&right(&count_text(summary, theme.answered()), 6));
            row.push_str(&right(&count_text(summary, theme.not_applicable), 6));
            row.push_str(&right(&count_text(summary, theme.unanswered), 6));
            if unknown {
                row.push_str(&right(&count_text(summary, theme.unknown), 6));
            }
            let (median, quartiles) = middle(summary, theme);
            let _ = write!(row, "  {}  {}", right(&median, 6), pad(&quartiles, 9));
            if summary.highlight.is_some() {
                let _ = write!(row, "  {}", highlight_words(summary, theme));
            }
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&section_table(summary));
    out.push('\n');
    for line in footer(summary) {
        for part in wrap_words(&line, 88) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

/// A section's (or all themes') cells: authorities, median, mean and, when the routemap
/// asks for it, the percentage of the maximum; `None` when suppressed.
fn section_cells(summary: &Summary, section: &SectionScore) -> Option<Vec<String>> {
    if summary.section_suppressed(section) {
        return None;
    }
    let score = &section.score;
    let mut cells = vec![
        section.authorities.to_string(),
        score.median().map_or("—".into(), |index| {
            summary.stage_number(index).to_string()
        }),
        words::mean(score.mean_number()),
    ];
    if summary.percent_of_max {
        cells.push(words::percent(score.percent_of_max()));
    }
    Some(cells)
}

/// The sections' scores under the heat map: a row per section, then all themes.
fn section_table(summary: &Summary) -> String {
    let rows: Vec<&SectionScore> = summary
        .sections
        .iter()
        .chain(std::iter::once(&summary.overall))
        .collect();
    let name_width = rows
        .iter()
        .map(|row| sanitize::line(&row.name).width())
        .max()
        .unwrap_or(7)
        .clamp(7, THEME_WIDTH);
    let mut out = format!(
        "{}  {}{}{}",
        pad("SECTION", name_width),
        right("AUTH", 6),
        right("MEDIAN", 8),
        right("MEAN", 6)
    );
    if summary.percent_of_max {
        out.push_str(&right("% OF MAX", 10));
    }
    out.push('\n');
    for row in rows {
        let mut line = format!("{}  ", pad(&sanitize::line(&row.name), name_width));
        match section_cells(summary, row) {
            Some(cells) => {
                for (cell, width) in cells.iter().zip([6, 8, 6, 10]) {
                    line.push_str(&right(cell, width));
                }
            }
            None => {
                let _ = write!(
                    line,
                    "suppressed: fewer than {} placed",
                    authorities(summary.min_group)
                );
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The lines under the table: stage names, shading, the median rule, the members.
fn footer(summary: &Summary) -> Vec<String> {
    let stages: Vec<String> = (0..summary.stages.len())
        .map(|i| sanitize::line(&summary.stage_label(i)).into_owned())
        .collect();
    let unknown = if summary.themes.iter().any(|t| t.unknown > 0) {
        "; ?: at a stage the scale does not have"
    } else {
        ""
    };
    let mut lines = vec![
        format!("Stages: {}.", stages.join(", ")),
        format!("{SHADE_LEGEND} ANS: authorities that chose a stage; n/a: not applicable; none: not answered{unknown}."),
        "Median and quartiles are stages, by nearest rank over the authorities placed on the theme (with an even number, the lower middle).".into(),
        section_rule(summary),
    ];
    if summary.members.len() <= LIST_MEMBERS {
        let names: Vec<String> = summary
            .members
            .iter()
            .map(|m| sanitize::line(&m.shown_as).into_owned())
            .collect();
        lines.push(format!("Authorities: {}.", names.join(", ")));
    } else {
        lines.push(format!(
            "Authorities: {} (--format json lists them).",
            summary.members.len()
        ));
    }
    lines
}

/// How the section scores are made.
fn section_rule(summary: &Summary) -> String {
    let percent = if summary.percent_of_max {
        " The percentage of the maximum is the sum of stage numbers times weights over the sum of each theme's highest stage number times its weight."
    } else {
        ""
    };
    format!(
        "Section scores pool every authority's answers to the section's themes, each counted as often as its theme's weight (AUTH: authorities placed on any of them): the median is the stage at the middle of the weight, the mean is of stage numbers, a score rather than a distance.{percent}"
    )
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
    let unknown = summary.themes.iter().any(|t| t.unknown > 0);
    let mut header = vec!["Theme".to_string()];
    header.extend((0..summary.stages.len()).map(|i| markdown_inline(&summary.stage_label(i))));
    header.extend(["Answered".into(), "n/a".into(), "Not answered".into()]);
    if unknown {
        header.push("Not on the scale".into());
    }
    header.extend(["Median".into(), "Quartiles".into()]);
    if let Some(label) = &summary.highlight {
        header.push(markdown_inline(label));
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(header.len() - 1));
    for theme in &summary.themes {
        let mut cells = vec![markdown_inline(&theme.name)];
        if summary.theme_suppressed(theme) {
            cells.extend(std::iter::repeat_n(
                "suppressed".to_string(),
                header.len() - 1,
            ));
        } else {
            cells.extend(
                (0..summary.stages.len()).map(|i| markdown_inline(&stage_cell(summary, theme, i))),
            );
            cells.push(markdown_inline(&count_text(summary, theme.answered())));
            cells.push(markdown_inline(&count_text(summary, theme.not_applicable)));
            cells.push(markdown_inline(&count_text(summary, theme.unanswered)));
            if unknown {
                cells.push(markdown_inline(&count_text(summary, theme.unknown)));
            }
            let (median, quartiles) = middle(summary, theme);
            cells.extend([median, quartiles]);
            if summary.highlight.is_some() {
                cells.push(highlight_words(summary, theme));
            }
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    section_markdown(summary, &mut out);
    for line in footer(summary) {
        let _ = writeln!(out, "{}\n", markdown_inline(&line));
    }
    out
}

/// The sections' scores as a markdown table.
fn section_markdown(summary: &Summary, out: &mut String) {
    let mut header = vec!["Section", "Authorities", "Median", "Mean"];
    if summary.percent_of_max {
        header.push("% of max");
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(header.len() - 1));
    for row in summary
        .sections
        .iter()
        .chain(std::iter::once(&summary.overall))
    {
        let cells = section_cells(summary, row)
            .unwrap_or_else(|| vec!["suppressed".to_string(); header.len() - 1]);
        let _ = writeln!(
            out,
            "| {} | {} |",
            markdown_inline(&row.name),
            cells.join(" | ")
        );
    }
    out.push('\n');
}
