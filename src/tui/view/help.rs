//! The help screen, generated from the key map so it always tells the truth.

use super::Ctx;
use crate::tui::keys::{BINDINGS, Context};
use crate::tui::state::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use unicode_width::UnicodeWidthStr;

/// The key map's sections shown on a screen, with their headings.
fn sections(in_workshop: bool) -> &'static [(Context, &'static str)] {
    if in_workshop {
        &[
            (Context::Workshop, "Workshop: one theme at a time"),
            (Context::Agree, "After a (agreeing a stage)"),
            (Context::Stage, "A stage in full (d)"),
            (Context::Minutes, "After T (a countdown's minutes)"),
            (Context::RoomNote, "Writing the room's note (n)"),
            (Context::Summary, "Workshop summary"),
            (Context::Help, "In this help"),
        ]
    } else {
        &[
            (Context::Normal, "Walking the themes"),
            (Context::Target, "After t (setting a target)"),
            (Context::ShowStage, "After s (showing a stage's text)"),
            (Context::Checklist, "Ticking criteria (m)"),
            (Context::Editor, "In the notes and evidence editor"),
            (Context::Picker, "Choosing what to compare with (d)"),
            (Context::Help, "In this help"),
        ]
    }
}

/// The help text wrapped to `width`, in blocks that are never split across columns: a
/// section (its heading, and each binding with its description hanging after its keys),
/// then the legend.
fn help_blocks(cx: &Ctx, width: u16) -> Vec<Vec<Line<'static>>> {
    let palette = &cx.palette;
    let digits = crate::tui::keys::Digits::of(&cx.routemap);
    let label_width = BINDINGS
        .iter()
        .map(|b| b.label(digits).width())
        .max()
        .unwrap_or(0);
    let in_workshop = matches!(cx.screen, Screen::Workshop | Screen::WorkshopSummary);
    let mut blocks: Vec<Vec<Line<'static>>> = Vec::new();
    let room = usize::from(width).saturating_sub(label_width + 2).max(10);
    for &(context, heading) in sections(in_workshop) {
        let mut section = Vec::new();
        if !blocks.is_empty() {
            section.push(Line::default());
        }
        section.push(Line::styled(heading, palette.heading));
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            let block: Vec<Line<'static>> = crate::text::wrap_words(binding.help, room)
                .into_iter()
                .enumerate()
                .map(|(index, part)| {
                    let keys = if index == 0 {
                        binding.label(digits)
                    } else {
                        String::new()
                    };
                    Line::from(vec![
                        Span::styled(format!(" {keys:<label_width$} "), palette.key),
                        Span::raw(part),
                    ])
                })
                .collect();
            section.extend(block);
        }
        blocks.push(section);
    }
    blocks.push(closing(cx, in_workshop, width));
    blocks
}

/// The marks the screens use, and whether changes are on disk.
fn closing(cx: &Ctx, in_workshop: bool, width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let legend = if in_workshop {
        "● agreed ↻ last time, not agreed ◇ median ≠ not the median ⚑ spread wide; \
         strip: █ agreed ▒ parked · remaining"
    } else {
        "● answered ↻ carried – n/a ○ not yet ? a stage the routemap lacks"
    };
    let mut lines = vec![Line::default()];
    lines.extend(
        crate::text::wrap_words(legend, usize::from(width))
            .into_iter()
            .map(|part| Line::styled(part, palette.dim)),
    );
    lines.push(if cx.save_problem.is_some() {
        Line::styled(
            "Saving is failing: your last changes are NOT on disk.",
            palette.error,
        )
    } else {
        Line::styled("Every change is saved as you make it.", palette.dim)
    });
    lines
}

/// Blocks split into two columns of nearly equal height, at a block boundary.
fn two_columns(blocks: Vec<Vec<Line<'static>>>) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let total: usize = blocks.iter().map(Vec::len).sum();
    let mut left = Vec::new();
    let mut right = Vec::new();
    for block in blocks {
        if left.len() + block.len() / 2 < total.div_ceil(2) && right.is_empty() {
            left.extend(block);
        } else {
            right.extend(block);
        }
    }
    if right.first().is_some_and(|line| line.width() == 0) {
        right.remove(0);
    }
    (left, right)
}

/// Draws the help over the screen; returns how far it can scroll. One column when it
/// fits, else two side by side when they fit, else one column that scrolls.
pub fn render(cx: &Ctx, frame: &mut Frame, body: Rect) -> u16 {
    let palette = cx.palette;
    let one_column_width = body.width.saturating_sub(4).min(96);
    let lines: Vec<Line> = help_blocks(cx, one_column_width.saturating_sub(2))
        .into_iter()
        .flatten()
        .collect();
    let fits = |rows: usize| rows as u16 + 2 <= body.height;
    let (left, right) = if fits(lines.len()) || body.width < 100 {
        (lines, Vec::new())
    } else {
        let (left, right) = two_columns(help_blocks(cx, (body.width.saturating_sub(4)) / 2 - 2));
        if fits(left.len().max(right.len())) {
            (left, right)
        } else {
            (lines, Vec::new())
        }
    };
    let split = !right.is_empty();
    let width = if split {
        body.width.saturating_sub(2)
    } else {
        one_column_width
    };
    let rows = left.len().max(right.len());
    let height = (rows as u16 + 2).min(body.height);
    let area = super::centered(body, width, height);
    let max_scroll = rows.saturating_sub(usize::from(height.saturating_sub(2)));
    let scroll = usize::from(cx.help_scroll).min(max_scroll);
    frame.render_widget(Clear, area);
    let title = if max_scroll > 0 {
        " Keys — ↓↑ scroll, any other key closes "
    } else {
        " Keys — any key closes "
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(palette.border_focus)
        .title(super::layout::fit_title(
            Line::styled(title, palette.heading),
            area.width,
        ));
    let inner = block.inner(area);
    frame.render_widget(block.style(palette.text), area);
    if split {
        let [left_area, right_area] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);
        super::draw_lines(frame, left_area, &left, 0);
        super::draw_lines(frame, right_area, &right, 0);
    } else {
        super::draw_lines(frame, inner, &left, scroll);
    }
    let mut marker = |text: &'static str, y: u16| {
        let width = (text.chars().count() as u16).min(area.width);
        let at = Rect {
            x: area.right().saturating_sub(width + 2),
            y,
            width,
            height: 1,
        };
        frame.render_widget(
            ratatui::widgets::Paragraph::new(text).style(palette.key),
            at,
        );
    };
    if scroll < max_scroll {
        marker(" more: ↓ ", area.bottom().saturating_sub(1));
    }
    if scroll > 0 {
        marker(" more: ↑ ", area.y);
    }
    u16::try_from(max_scroll).unwrap_or(u16::MAX)
}
