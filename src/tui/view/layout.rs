//! Layout helpers the screens share: the three bands of a screen, the bordered pane,
//! the wide split, a centred rectangle and lines drawn straight into the buffer.

use crate::routemap::plural;
use crate::tui::theme::Palette;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

/// A screen's three bands: a title row, the body, and a footer of `footer_rows`.
pub fn three_bands(area: Rect, footer_rows: u16) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_rows),
    ])
    .areas(area)
}

/// From this width a screen puts its two halves side by side, 55 to 45.
pub const WIDE: u16 = 120;

/// The body split into a larger left part and the rest, side by side (55 to 45).
pub fn wide_split(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
}

/// A border's title cut to fit a box `width` wide (its corners left free), ending in
/// "…" when cut, in the style of its first part: never cut off mid-word by the corner.
pub fn fit_title<'a>(title: Line<'a>, width: u16) -> Line<'a> {
    let room = usize::from(width.saturating_sub(2));
    if title.width() <= room {
        return title;
    }
    let style = title.spans.first().map_or(title.style, |span| span.style);
    let text: String = title
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    let mut cut = crate::text::ellipsize(text.trim_end(), room.saturating_sub(1), "…");
    cut.push(' ');
    Line::styled(cut, style)
}

/// A bordered pane with a title in the heading style; draws the border and returns
/// the area inside it.
pub fn pane(frame: &mut Frame, area: Rect, title: Line<'_>, border: Style) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(fit_title(title, area.width));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// [`pane`] with a plain title in the palette's heading style and border.
pub fn titled_pane(frame: &mut Frame, area: Rect, title: &str, palette: &Palette) -> Rect {
    pane(
        frame,
        area,
        Line::styled(title.to_string(), palette.heading),
        palette.border,
    )
}

/// A `width` × `height` rectangle centred in `outer` (clamped to fit it).
pub fn centered(outer: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(outer.width);
    let height = height.min(outer.height);
    Rect {
        x: outer.x + (outer.width - width) / 2,
        y: outer.y + (outer.height - height) / 2,
        width,
        height,
    }
}

/// Draws lines already wrapped to the area's width, from line `skip`, straight into
/// the buffer: no re-wrapping and no restyling of blank cells, which a frame of
/// Paragraphs spends most of its time on.
pub fn draw_lines(frame: &mut Frame, area: Rect, lines: &[Line<'_>], skip: usize) {
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    for (row, line) in lines
        .iter()
        .skip(skip)
        .take(usize::from(area.height))
        .enumerate()
    {
        buf.set_line(area.x, area.y + row as u16, line, area.width);
    }
}

/// "3 of 12 themes".
pub fn count_of(index: usize, total: usize) -> String {
    format!("{} of {}", index + 1, plural(total, "theme"))
}
