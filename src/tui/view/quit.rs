//! The question on quitting while changes are not saved: they are never dropped
//! without the user choosing to drop them.

use super::Ctx;
use super::{centered, draw_lines};
use crate::tui::keys::{BINDINGS, Context};
use crate::tui::theme::Palette;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};

pub fn render(cx: &Ctx, palette: &Palette, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(4));
    let problem = cx
        .save_problem
        .as_ref()
        .map_or("", |problem| problem.detail.as_str());
    let mut lines: Vec<Line> = crate::text::wrap_words(problem, inner_width)
        .into_iter()
        .map(|line| Line::styled(line, palette.error))
        .collect();
    lines.push(Line::default());
    // The choices are the key table's own lines, so the two cannot disagree.
    for binding in BINDINGS
        .iter()
        .filter(|binding| binding.context == Context::QuitUnsaved)
    {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{:>4}  ",
                    binding.label(crate::tui::keys::Digits::of(&cx.routemap))
                ),
                palette.key,
            ),
            Span::styled(binding.help, palette.text),
        ]));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.error)
        .title(Line::styled(
            " Your last changes are not saved ",
            palette.heading,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    draw_lines(frame, inner, &lines, 0);
}
