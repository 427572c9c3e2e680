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

/// Column headings, in the order of [`figures`]; and the order columns are left out in
/// when the pane is narrow (carried, n/a, below target, then the mean), so that the
/// section names stay readable.
const HEADINGS: [&str; 7] = ["done", "n/a", "carr", "below", "median", "mean", "%max"];
const DROP_ORDER: [usize; 4] = [2, 1, 3, 5];
/// The room a section's name keeps before columns are dropped.
const NAME_ROOM: usize = 14;

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
    let count = rows[0].1.len();
    // Each figure column as wide as its widest cell or heading, so nothing is cut.
    let widths: Vec<usize> = (0..count)
        .map(|column| {
            rows.iter()
                .map(|(_, cells, _)| cells[column].width())
                .chain([HEADINGS[column].width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let longest = rows
        .iter()
        .map(|(name, ..)| name.width())
        .max()
        .unwrap_or(0);
    let width = usize::from(inner.width);
    let mut shown: Vec<usize> = (0..count).collect();
    let fixed = |shown: &[usize]| shown.iter().map(|&c| widths[c] + 1).sum::<usize>();
    for drop in DROP_ORDER {
        if width.saturating_sub(fixed(&shown)) >= longest.min(NAME_ROOM) {
            break;
        }
        shown.retain(|&column| column != drop);
    }
    let name_width = width.saturating_sub(fixed(&shown)).clamp(6, longest.max(5));
    let line = |name: &str, cells: &[String]| {
        let mut text = format!("{:<name_width$}", ellipsize(name, name_width, "…"));
        for &column in &shown {
            let cell_width = widths[column];
            text.push_str(&format!(" {:>cell_width$}", cells[column]));
        }
        ellipsize(text.trim_end(), width, "")
    };
    let headings: Vec<String> = HEADINGS[..count].iter().map(|h| h.to_string()).collect();
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
