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
        ]
    } else {
        &[
            (Context::Normal, "Walking the themes"),
            (Context::Target, "After t (setting a target)"),
            (Context::Editor, "In the notes and evidence editor"),
            (Context::Picker, "Choosing what to compare with (d)"),
        ]
    }
}

/// The help text wrapped to `width`, in blocks that are never split across columns: a
/// heading, or one binding with its description hanging after its keys.
fn help_blocks(cx: &Ctx, width: u16) -> Vec<Vec<Line<'static>>> {
    let palette = &cx.palette;
    let stages = cx.routemap.stages.len();
    let in_workshop = matches!(cx.screen, Screen::Workshop | Screen::WorkshopSummary);
    let label_width = BINDINGS
        .iter()
        .map(|b| b.label(stages).width())
        .max()
        .unwrap_or(0);
    let mut blocks: Vec<Vec<Line<'static>>> = Vec::new();
    let room = usize::from(width).saturating_sub(label_width + 2).max(10);
    for &(context, heading) in sections(in_workshop) {
        let mut heading_block = Vec::new();
        if !blocks.is_empty() {
            heading_block.push(Line::default());
        }
        heading_block.push(Line::styled(heading, palette.heading));
        blocks.push(heading_block);
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            let block = crate::text::wrap_words(binding.help, room)
                .into_iter()
                .enumerate()
                .map(|(index, part)| {
                    let keys = if index == 0 {
                        binding.label(stages)
                    } else {
                        String::new()
                    };
                    Line::from(vec![
                        Span::styled(format!(" {keys:<label_width$} "), palette.key),
                        Span::raw(part),
                    ])
                })
                .collect();
            blocks.push(block);
        }
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
        "● answered ↻ carried – n/a ○ not yet"
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

/// True for a heading's block (or the closing legend): lines of one span, no keys.
fn is_heading(block: &[Line]) -> bool {
    block.iter().all(|line| line.spans.len() <= 1)
}

/// Blocks poured into columns of `rows`, never splitting a block nor leaving a heading
/// at the foot of a column; two columns a page.
fn pages(blocks: Vec<Vec<Line<'static>>>, rows: usize) -> Vec<[Vec<Line<'static>>; 2]> {
    let mut columns: Vec<Vec<Line<'static>>> = Vec::new();
    let mut column: Vec<Line<'static>> = Vec::new();
    // A heading waits for its first binding, so the two go to a column together.
    let mut heading: Vec<Line<'static>> = Vec::new();
    for block in blocks {
        let is_heading = is_heading(&block);
        heading.extend(block);
        if is_heading {
            continue;
        }
        let block = std::mem::take(&mut heading);
        if !column.is_empty() && column.len() + block.len() > rows {
            columns.push(std::mem::take(&mut column));
        }
        // A column does not open with a blank line.
        let skip = usize::from(column.is_empty() && block.first().is_some_and(|l| l.width() == 0));
        column.extend(block.into_iter().skip(skip));
    }
    if column.len() + heading.len() > rows && !column.is_empty() {
        columns.push(std::mem::take(&mut column));
    }
    column.extend(heading);
    columns.push(column);
    columns
        .chunks(2)
        .map(|pair| {
            let mut pair = pair.iter().cloned();
            [
                pair.next().unwrap_or_default(),
                pair.next().unwrap_or_default(),
            ]
        })
        .collect()
}

/// Draws the help over `body`; returns how many pages it has (`?` turns them).
pub fn render(cx: &Ctx, frame: &mut Frame, body: Rect) -> u16 {
    let palette = cx.palette;
    let one_column_width = body.width.saturating_sub(4).min(96);
    let lines: Vec<Line> = help_blocks(cx, one_column_width.saturating_sub(2))
        .into_iter()
        .flatten()
        .collect();
    // One column when it fits the height, else two side by side, else pages of two.
    let rows = usize::from(body.height.saturating_sub(2));
    let split = lines.len() > rows;
    let half = (body.width.saturating_sub(4)) / 2 - 2;
    let (left, right, count) = if split {
        let (left, right) = two_columns(help_blocks(cx, half));
        if left.len().max(right.len()) <= rows {
            (left, right, 1)
        } else {
            let mut pages = pages(help_blocks(cx, half), rows);
            let count = pages.len();
            let page = usize::from(cx.help_page).min(count.saturating_sub(1));
            let [left, right] = pages.swap_remove(page);
            (left, right, count)
        }
    } else {
        (lines, Vec::new(), 1)
    };
    let width = if split {
        body.width.saturating_sub(2)
    } else {
        one_column_width
    };
    let height = (left.len().max(right.len()) as u16 + 2).min(body.height);
    let area = super::centered(body, width, height);
    frame.render_widget(Clear, area);
    let title = if count > 1 {
        format!(
            " Keys, page {} of {count} — ? turns the page, any other key closes ",
            usize::from(cx.help_page).min(count - 1) + 1
        )
    } else {
        " Keys — any key closes ".to_string()
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
        super::draw_lines(frame, inner, &left, 0);
    }
    u16::try_from(count).unwrap_or(u16::MAX)
}
