//! The help screen, generated from the key map so it always tells the truth.

use crate::tui::keys::{BINDINGS, Context};
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The help text as lines wrapped to `width`: a heading per context, then its keys,
/// each description hanging after its keys.
fn help_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let palette = &state.palette;
    let label_width = BINDINGS.iter().map(|b| b.label.width()).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (context, heading) in [
        (Context::Normal, "Walking the themes"),
        (Context::Target, "After t (setting a target)"),
        (Context::Editor, "In the notes and evidence editor"),
        (Context::Picker, "Choosing what to compare with (d)"),
    ] {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading, palette.heading));
        let room = usize::from(width).saturating_sub(label_width + 2).max(10);
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            for (index, part) in crate::text::wrap_words(binding.help, room)
                .into_iter()
                .enumerate()
            {
                let keys = if index == 0 { binding.label } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {keys:<label_width$} "), palette.key),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "● answered ↻ carried – n/a ○ not yet",
        palette.dim,
    ));
    lines.push(Line::styled(
        "Every change is saved as you make it.",
        palette.dim,
    ));
    lines
}

pub fn render(state: &State, frame: &mut Frame, body: Rect) {
    let palette = &state.palette;
    let one_column_width = body.width.saturating_sub(4).min(96);
    let mut lines = help_lines(state, one_column_width.saturating_sub(2));
    // One column when it fits the height, else two side by side.
    let two_columns = lines.len() as u16 + 2 > body.height;
    if two_columns {
        lines = help_lines(state, (body.width.saturating_sub(4)) / 2 - 2);
    }
    let width = if two_columns {
        body.width.saturating_sub(2)
    } else {
        body.width.saturating_sub(4).min(96)
    };
    let wanted = if two_columns {
        lines.len().div_ceil(2) as u16 + 2
    } else {
        lines.len() as u16 + 2
    };
    let height = wanted.min(body.height);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, area);
    let title = " Keys — any key closes ";
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(palette.border_focus)
        .title(Line::styled(title, palette.heading));
    let inner = block.inner(area);
    frame.render_widget(block.style(palette.text), area);
    if two_columns {
        let split = lines.len().div_ceil(2);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);
        let (first, second) = lines.split_at(split);
        frame.render_widget(
            Paragraph::new(first.to_vec()).wrap(Wrap { trim: false }),
            left,
        );
        frame.render_widget(
            Paragraph::new(second.to_vec()).wrap(Wrap { trim: false }),
            right,
        );
    } else {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
