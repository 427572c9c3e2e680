//! "About this routemap": its title, version, description and source, shown over the
//! walk when an assessment has no answers yet (and on `i`), so the note on whose words
//! the descriptors are reaches the user before the first answer.

use super::Ctx;
use crate::routemap::plural;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear};

/// Text from the routemap file, wrapped, with controls shown rather than sent.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    crate::sanitize::text(text)
        .split('\n')
        .flat_map(|paragraph| crate::text::wrap_words(paragraph, width))
        .collect()
}

/// The overlay's lines at a width.
pub fn lines(cx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let routemap = &cx.routemap;
    let mut lines: Vec<Line> = wrapped(&routemap.title, width)
        .into_iter()
        .map(|line| Line::styled(line, palette.heading.add_modifier(Modifier::BOLD)))
        .collect();
    lines.push(Line::styled(
        format!(
            "{} {} · {}, {}",
            crate::sanitize::line(&routemap.id),
            crate::sanitize::line(&routemap.version),
            plural(routemap.themes.len(), "theme"),
            plural(routemap.stages.len(), "stage")
        ),
        palette.dim,
    ));
    if let Some(description) = &routemap.description {
        lines.push(Line::default());
        lines.extend(super::rich::lines(
            description,
            width,
            0,
            palette.text,
            palette,
        ));
    }
    if let Some(source) = &routemap.source {
        lines.push(Line::default());
        lines.extend(
            wrapped(&format!("Source: {source}"), width)
                .into_iter()
                .map(|line| Line::styled(line, palette.dim)),
        );
    }
    lines
}

pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let width = area.width.saturating_sub(4).min(84);
    let text_width = usize::from(width.saturating_sub(4));
    let text = lines(cx, text_width);
    let height = (text.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.border_focus)
        .title(Line::styled(" About this routemap ", palette.heading))
        .title_bottom(Line::styled(
            " any key to begin · i shows this again ",
            palette.key,
        ));
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(block, popup);
    super::draw_lines(frame, inner, &text, 0);
}
