//! The review's roll-up: per section and overall, answered, n/a, carried and below
//! target, and the median current and target stage (the report's rule: a stage, never
//! an average).

use super::Ctx;
use crate::report::{self, Tally};
use crate::text::ellipsize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// Rows the roll-up needs, borders included: a header, a row per section, the total.
pub fn height(cx: &Ctx) -> u16 {
    let sections = report::rollup(&cx.routemap, &cx.assessment).sections.len();
    u16::try_from(sections + 4).unwrap_or(u16::MAX)
}

fn median(stage: Option<usize>) -> String {
    stage.map_or("—".into(), |index| (index + 1).to_string())
}

/// Columns after the name: done (a stage or n/a, as the title bar counts) of themes,
/// n/a, carried, below target, and the medians now and as targeted ("2→4").
fn row(name: &str, tally: &Tally, name_width: usize) -> String {
    format!(
        "{:<name_width$} {:>5} {:>3} {:>4} {:>5} {:>5}",
        ellipsize(&crate::sanitize::line(name), name_width, "…"),
        format!("{}/{}", tally.answered + tally.not_applicable, tally.themes),
        tally.not_applicable,
        tally.carried,
        tally.below_target,
        format!(
            "{}→{}",
            median(tally.median_current()),
            median(tally.median_target())
        ),
    )
}

pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let inner = super::layout::pane(
        frame,
        area,
        Line::styled(" Roll-up: median stage now→target ", palette.heading),
        palette.border,
    );
    let rollup = report::rollup(&cx.routemap, &cx.assessment);
    let fixed = 6 + 4 + 5 + 6 + 6;
    let name_width = usize::from(inner.width).saturating_sub(fixed).clamp(6, 40);
    let header = format!(
        "{:<name_width$} {:>5} {:>3} {:>4} {:>5} {:>5}",
        "Group", "done", "n/a", "carr", "below", "stage"
    );
    let mut lines = vec![Line::styled(header, palette.dim)];
    for (name, tally) in &rollup.sections {
        lines.push(Line::styled(row(name, tally, name_width), palette.text));
    }
    let total = row("All themes", &rollup.overall, name_width);
    lines.push(Line::styled(
        total,
        palette.text.add_modifier(Modifier::BOLD),
    ));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let cut = ellipsize(text.trim_end(), usize::from(inner.width), "");
            Line::styled(cut, line.style)
        })
        .collect();
    super::draw_lines(frame, inner, &lines, 0);
}
