//! What the facilitator types in front of the room: the room's note (`n`), shown in
//! large type as it is typed, with the editor beneath in normal type for the cursor; and
//! the minutes of a countdown (`T`), in large digits.

use super::{Ctx, name};
use crate::text::wrap_words;
use crate::tui::state::Editor;
use crate::workshop::MinutesEntry;
use crate::workshop::bigtype::{self, Size};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear};

/// Rows of the editor beneath the large note, its border included.
const EDITOR_ROWS: u16 = 4;

/// The room's note being written, below the theme's name.
pub fn room_note(cx: &Ctx, frame: &mut Frame, area: Rect, editor: &Editor) {
    let palette = &cx.palette;
    let [heading, large, typing] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(EDITOR_ROWS.min(area.height / 2)),
    ])
    .areas(area);
    let heading_line = Line::styled(
        "The room's note (shown to the room): why this stage, who disagreed",
        palette.heading,
    );
    super::super::draw_lines(frame, heading, &[heading_line], 0);
    let note = crate::sanitize::text(&editor.content()).into_owned();
    let (lines, line_rows) = if note.trim().is_empty() {
        let empty = "(nothing yet: type the room's words)";
        (vec![Line::styled(empty, palette.dim)], 1)
    } else {
        note_lines(cx, &note, large.width, large.height)
    };
    // The end of the note, where the typing is, stays in view; whole lines of large
    // type scroll away, never half a letter.
    let over = lines.len().saturating_sub(usize::from(large.height));
    let skip = over.div_ceil(line_rows) * line_rows;
    super::super::draw_lines(frame, large, &lines, skip);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.border_focus)
        .title(Line::styled(" typing · Esc: done ", palette.heading));
    let inner = block.inner(typing);
    frame.render_widget(block, typing);
    frame.render_widget(&editor.text, inner);
}

/// The note as large as fits (a row left for what the font lacks), else in the
/// smallest large type (its end in view), else in normal type; and the rows a line of
/// it takes.
fn note_lines(cx: &Ctx, note: &str, width: u16, rows: u16) -> (Vec<Line<'static>>, usize) {
    let style = cx.palette.current;
    let large = bigtype::layout(note, width, rows.saturating_sub(1))
        .or_else(|| bigtype::layout_at(note, width, Size::Quadrant));
    match large {
        Some(big) => {
            let mut lines = name::big_lines(&big, style);
            if let Some(left_out) = big.left_out {
                lines.push(Line::styled(left_out, style));
            }
            (lines, usize::from(big.size.cells().1))
        }
        None => {
            let lines = wrap_words(note, usize::from(width))
                .into_iter()
                .map(|part| Line::styled(part, style))
                .collect();
            (lines, 1)
        }
    }
}

/// The countdown's minutes being typed, in a box over the screen.
pub fn minutes(cx: &Ctx, frame: &mut Frame, body: Rect, typed: &MinutesEntry) {
    let palette = &cx.palette;
    // Inside the border, a column clear of it on each side.
    let width = 64.min(body.width).saturating_sub(4);
    let shown = if typed.digits.is_empty() {
        "_ min".to_string()
    } else {
        format!("{} min", typed.digits)
    };
    let mut lines = match bigtype::layout(&shown, width, 4) {
        Some(big) => name::big_lines(&big, palette.target),
        None => vec![Line::styled(shown, palette.target)],
    };
    lines.push(Line::default());
    let help = "Type the minutes, then Enter to start. Enter with no minutes starts or \
                stops the theme's clock instead; Esc cancels.";
    lines.extend(
        wrap_words(help, usize::from(width))
            .into_iter()
            .map(|part| Line::styled(part, palette.text)),
    );
    let area = super::super::centered(body, width + 4, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(palette.border_focus)
        .title(Line::styled(" Countdown on this theme ", palette.heading))
        .style(palette.text);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    super::super::draw_lines(frame, text, &lines, 0);
}
