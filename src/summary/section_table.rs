//! The sections' scores under the heat map (a row per section, then all themes):
//! authorities, the weighted median stage, the mean stage number and, when the routemap
//! asks for it, the percentage of the maximum. A section whose scores may not be shown
//! (see `Summary::section_suppressed`) reads `[c]` throughout, as a withheld figure.

use super::cells::WITHHELD;
use super::{SectionScore, Summary};
use crate::report::{markdown_inline, words};
use crate::sanitize;
use crate::text::ellipsize;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// A section's (or all themes') cells, each `[c]` when its scores are withheld.
fn cells(summary: &Summary, section: &SectionScore) -> Vec<String> {
    let columns = if summary.percent_of_max { 4 } else { 3 };
    if summary.section_suppressed(section) {
        return vec![WITHHELD.to_string(); columns];
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
    cells
}

fn rows(summary: &Summary) -> impl Iterator<Item = &SectionScore> {
    summary
        .sections
        .iter()
        .chain(std::iter::once(&summary.overall))
}

/// The table as text, no wider than `width` where it can be (names cut with `…`).
pub fn text(summary: &Summary, width: usize) -> String {
    let mut headers = vec!["AUTH", "MEDIAN", "MEAN"];
    if summary.percent_of_max {
        headers.push("% OF MAX");
    }
    let widths: Vec<usize> = headers.iter().map(|h| h.width().max(4) + 2).collect();
    let fixed: usize = widths.iter().sum();
    let widest = rows(summary)
        .map(|row| sanitize::line(&row.name).width())
        .max()
        .unwrap_or(0)
        .max("SECTION".len());
    let name_width = widest.min(width.saturating_sub(fixed)).max(7);
    let line = |name: &str, cells: &[String]| {
        let name = ellipsize(name, name_width, "…");
        let mut line = format!(
            "{name}{}",
            " ".repeat(name_width - name.width().min(name_width))
        );
        for (cell, width) in cells.iter().zip(&widths) {
            let _ = write!(
                line,
                "{}{cell}",
                " ".repeat(width.saturating_sub(cell.width()))
            );
        }
        line.trim_end().to_string()
    };
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let mut out = line("SECTION", &header) + "\n";
    for row in rows(summary) {
        out.push_str(&line(&sanitize::line(&row.name), &cells(summary, row)));
        out.push('\n');
    }
    out
}

/// The table in markdown.
pub fn markdown(summary: &Summary, out: &mut String) {
    let mut header = vec!["Section", "Authorities", "Median", "Mean"];
    if summary.percent_of_max {
        header.push("% of max");
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(header.len() - 1));
    for row in rows(summary) {
        let cells: Vec<String> = cells(summary, row)
            .iter()
            .map(|cell| markdown_inline(cell))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            markdown_inline(&row.name),
            cells.join(" | ")
        );
    }
    out.push('\n');
}
