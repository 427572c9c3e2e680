//! The summary as a markdown table; names pass `crate::sanitize` and markdown escaping.

use super::cells::{figure_text, highlight_words, middle, stage_cell};
use super::words::{Legend, footer, heading};
use super::{Figure, Summary};
use crate::report::markdown_inline;
use std::fmt::Write as _;

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
        let (median, quartiles) = middle(summary, theme);
        cells.extend([median, quartiles]);
        if summary.highlight.is_some() {
            cells.push(highlight_words(summary, theme, true));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    super::section_table::markdown(summary, &mut out);
    for line in footer(summary, Legend::Markdown) {
        let _ = writeln!(out, "{}\n", markdown_inline(&line));
    }
    out
}
