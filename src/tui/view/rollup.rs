//! The review's roll-up: per section and overall, answered, n/a, carried and below
//! target, the median stage now and as targeted (the report's rule: a stage, never an
//! average), the weighted mean stage number, and the percentage of the maximum when the
//! routemap asks for it. Numbers are the routemap's own (a scale may start at 0).

use super::Ctx;
use crate::report::{self, Tally, words};
use crate::routemap::Routemap;
use crate::text::ellipsize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

/// Rows the roll-up needs, borders included: a header, a row per section, the total.
pub fn height(cx: &Ctx) -> u16 {
    let sections = report::rollup(&cx.routemap, &cx.assessment).sections.len();
    u16::try_from(sections + 4).unwrap_or(u16::MAX)
}

fn median(routemap: &Routemap, stage: Option<usize>) -> String {
    stage.map_or("—".into(), |index| {
        routemap.stage_number(index).to_string()
    })
}

/// The figures after the name, in column order: done (a stage or n/a, as the title bar
/// counts) of themes, n/a, carried, below target, median now→target, mean, and % of max
/// when asked for.
fn figures(routemap: &Routemap, tally: &Tally, percent: bool) -> Vec<String> {
    let mut cells = vec![
        format!("{}/{}", tally.answered(), tally.themes),
        tally.not_applicable.to_string(),
        tally.carried.to_string(),
        tally.below_target.to_string(),
        format!(
            "{}→{}",
            median(routemap, tally.median_current()),
            median(routemap, tally.median_target())
        ),
        words::mean(tally.mean_number()),
    ];
    if percent {
        cells.push(words::percent(tally.percent_of_max()));
    }
    cells
}

const HEADINGS: [&str; 7] = ["done", "n/a", "carr", "below", "median", "mean", "%max"];

pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let inner = super::layout::pane(
        frame,
        area,
        Line::styled(" Roll-up by section (median: now→target) ", palette.heading),
        palette.border,
    );
    let rollup = report::rollup(&cx.routemap, &cx.assessment);
    let percent = rollup.percent_of_max;
    let mut rows: Vec<(String, Vec<String>, bool)> = rollup
        .sections
        .iter()
        .map(|(name, tally)| {
            let name = crate::sanitize::line(name).into_owned();
            (name, figures(&cx.routemap, tally, percent), false)
        })
        .collect();
    rows.push((
        "All themes".into(),
        figures(&cx.routemap, &rollup.overall, percent),
        true,
    ));
    let headings = &HEADINGS[..rows[0].1.len()];
    // Each figure column as wide as its widest cell or heading, so nothing is cut.
    let widths: Vec<usize> = (0..headings.len())
        .map(|column| {
            rows.iter()
                .map(|(_, cells, _)| cells[column].width())
                .chain([headings[column].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let fixed: usize = widths.iter().map(|w| w + 1).sum();
    let longest = rows
        .iter()
        .map(|(name, ..)| name.width())
        .max()
        .unwrap_or(0);
    let name_width = usize::from(inner.width)
        .saturating_sub(fixed)
        .clamp(6, longest.max(5));
    let line = |name: &str, cells: &[String]| {
        let mut text = format!("{:<name_width$}", ellipsize(name, name_width, "…"));
        for (cell, width) in cells.iter().zip(&widths) {
            text.push_str(&format!(" {cell:>width$}"));
        }
        ellipsize(text.trim_end(), usize::from(inner.width), "")
    };
    let headings: Vec<String> = headings.iter().map(|h| h.to_string()).collect();
    let mut lines = vec![Line::styled(line("Group", &headings), palette.dim)];
    for (name, cells, total) in &rows {
        let style = if *total {
            palette.text.add_modifier(Modifier::BOLD)
        } else {
            palette.text
        };
        lines.push(Line::styled(line(name, cells), style));
    }
    super::draw_lines(frame, inner, &lines, 0);
}
