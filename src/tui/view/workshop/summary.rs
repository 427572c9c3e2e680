//! The end of the workshop: the read-back table first, then the radar of what was
//! agreed beside the themes to come back to. When they do not all fit, the screen
//! scrolls (`J`/`K`) as one page, the table at its top.

use super::{Ctx, bands, header, inset, readback};
use crate::assessment::Answer;
use crate::radar::{self, Radar};
use crate::text::ellipsize;
use crate::workshop;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

/// The radar and the lists need this many rows to be read.
const PANES_LEAST: u16 = 16;

/// Draws the summary; returns how far it scrolls.
pub fn render_summary(cx: &Ctx, frame: &mut Frame, area: Rect) -> u16 {
    let [top, strip, body, footer] = bands(cx, area);
    header::title_row(cx, frame, top, true);
    header::progress_strip(cx, frame, strip, true);
    super::super::bars::footer_bar(cx, frame, footer);
    let body = inset(body);
    let rows = readback::read_back(&cx.routemap, &cx.assessment);
    let table = readback::lines(&rows, usize::from(body.width), &cx.palette);
    let table_rows = table.len() as u16 + 1;
    // The panes take what the table leaves, or the whole page when that is too little.
    let panes_rows = match body.height.saturating_sub(table_rows) {
        rest if rest >= PANES_LEAST => rest,
        _ => body.height,
    };
    let page = table_rows + panes_rows;
    let max_scroll = page.saturating_sub(body.height);
    let scroll = cx.detail_scroll.min(max_scroll);
    super::super::draw_lines(frame, body, &table, usize::from(scroll));
    let panes_top = body.y + table_rows - scroll.min(table_rows);
    let panes = Rect {
        y: panes_top,
        height: (body.bottom().saturating_sub(panes_top)).min(panes_rows),
        ..body
    };
    if panes.height >= PANES_LEAST.min(panes_rows) {
        draw_panes(cx, frame, panes);
    } else if panes.height > 0 {
        let more = " ↓ J: the radar of agreed stages and the themes to come back to ";
        let line = Line::styled(
            ellipsize(more, usize::from(body.width), "…"),
            cx.palette.key,
        );
        super::super::draw_lines(frame, Rect { height: 1, ..panes }, &[line], 0);
    }
    max_scroll
}

/// The radar of agreed stages beside the themes to come back to.
fn draw_panes(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = cx.palette;
    let [radar_area, lists_area] = if area.width >= super::super::layout::WIDE {
        super::super::layout::wide_split(area)
    } else {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    let inner = super::super::layout::titled_pane(frame, radar_area, " Agreed stages ", &palette);
    // Only what the room agreed: last time's carried stages are not a series here at
    // all (the read-back table marks them ↻), so nothing on this screen anchors the room.
    let mut radar = Radar::of(&cx.routemap, &cx.assessment, false);
    for series in &mut radar.series {
        series.name = "agreed".into();
        series.values = workshop::agreed_stages(&cx.routemap, &cx.assessment);
    }
    radar::render(&radar, inner, frame.buffer_mut(), palette.radar_look());
    let inner = super::super::layout::titled_pane(frame, lists_area, " To come back to ", &palette);
    let lines = to_come_back_to(cx, usize::from(inner.width));
    super::super::draw_lines(frame, inner, &lines, 0);
}

/// The themes to come back to: votes spread widely, parked, no stage agreed yet.
fn to_come_back_to(cx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let palette = cx.palette;
    let answers = cx.assessment.answers_for(&cx.routemap);
    let mut lines: Vec<Line> = Vec::new();
    let mut section = |heading: &str, items: Vec<String>| {
        lines.push(Line::styled(
            format!("{heading} ({})", items.len()),
            palette.heading,
        ));
        if items.is_empty() {
            lines.push(Line::styled("  none", palette.dim));
        }
        for item in items {
            lines.push(Line::styled(
                ellipsize(&format!("  {item}"), width, "…"),
                palette.text,
            ));
        }
        lines.push(Line::default());
    };
    // "12 Theme name" for every theme whose answer passes `keep`.
    let numbered = |keep: &dyn Fn(Option<&Answer>) -> bool| -> Vec<String> {
        cx.routemap
            .themes
            .iter()
            .zip(&answers)
            .enumerate()
            .filter(|(_, (_, answer))| keep(**answer))
            .map(|(index, (theme, _))| format!("{:>2} {}", index + 1, theme.name))
            .collect()
    };
    let blind = cx.assessment.blind;
    section(
        "⚑ Wide spread of votes",
        numbered(&|a| workshop::shown(&cx.routemap, blind, a).discuss.is_some()),
    );
    section("Parked", numbered(&|a| a.is_some_and(|a| a.parked)));
    section(
        "No stage agreed yet",
        numbered(&|a| !workshop::standing(&cx.routemap, a).is_agreed()),
    );
    let hidden = numbered(&|a| {
        a.is_some_and(|a| !a.votes.is_empty()) && workshop::shown(&cx.routemap, blind, a).hidden
    });
    if !hidden.is_empty() {
        section("Blind tally not yet revealed", hidden);
    }
    lines
}
