//! The legends under the plot: each series by its marker and stroke, the scale, and
//! (when spokes carry numbers) which theme each number is.

use super::{Drawing, Look, Radar, Series, ascii, braille};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// How wide a stroke sample is in the legend, in cells.
const SAMPLE_CELLS: u16 = 6;

/// A series' legend entry: its marker, a sample of its stroke, its name.
fn entry(series: &Series, look: Look, room: usize) -> Vec<Span<'static>> {
    let sample = match look.drawing {
        Drawing::Braille => braille::stroke_sample(series.kind.stroke(), SAMPLE_CELLS),
        Drawing::Ascii => ascii::stroke_sample(series.kind.stroke(), SAMPLE_CELLS),
    };
    let fixed = 2 + usize::from(SAMPLE_CELLS);
    vec![
        Span::styled(
            format!("{}{sample}", series.kind.marker(look.drawing)),
            look.series_style(series.kind),
        ),
        Span::raw(format!(
            " {}",
            crate::text::ellipsize(&series.name, room.saturating_sub(fixed), look.ellipsis())
        )),
    ]
}

/// Each series by marker, stroke and name (on one line when they fit), then the scale.
pub fn series_legend_lines(radar: &Radar, look: Look, width: u16) -> Vec<Line<'static>> {
    let gap = 2;
    let one_line: usize = radar
        .series
        .iter()
        .map(|s| s.name.width() + 2 + usize::from(SAMPLE_CELLS) + gap)
        .sum::<usize>()
        .saturating_sub(gap);
    let mut lines: Vec<Line<'static>> = if one_line <= usize::from(width) {
        let mut spans = Vec::new();
        for series in &radar.series {
            if !spans.is_empty() {
                spans.push(Span::raw(" ".repeat(gap)));
            }
            spans.extend(entry(series, look, usize::MAX));
        }
        vec![Line::from(spans)]
    } else {
        // One series a line, names shortened to fit.
        radar
            .series
            .iter()
            .map(|series| Line::from(entry(series, look, usize::from(width))))
            .collect()
    };
    // The lowest stage is the innermost ring, not the centre (the centre is no answer).
    let scale = format!(
        "rings: {} (inner) to {} (outer)",
        radar.stages.first().map_or("", String::as_str),
        radar.stages.last().map_or("", String::as_str)
    );
    let last_width = lines.last().map_or(0, Line::width);
    if lines.len() == 1 && last_width + 4 + scale.width() <= usize::from(width) {
        if let Some(line) = lines.last_mut() {
            line.spans.push(Span::raw("    "));
            line.spans.push(Span::styled(scale, look.grid_style()));
        }
    } else {
        lines.extend(
            crate::text::wrap_words(&scale, usize::from(width))
                .into_iter()
                .map(|part| Line::styled(part, look.grid_style())),
        );
    }
    lines
}

/// The number legend's layout: as many columns of "N name" as fit the width.
fn number_legend_columns(radar: &Radar, width: u16) -> (usize, usize) {
    let digits = radar.axes.len().to_string().len();
    let widest = radar
        .axes
        .iter()
        .map(|name| name.width())
        .max()
        .unwrap_or(0)
        + digits
        + 1;
    let column_width = (widest + 3).min(usize::from(width).max(1));
    let columns = (usize::from(width) / column_width).max(1);
    (columns, column_width)
}

pub fn number_legend_rows(radar: &Radar, width: u16) -> u16 {
    let (columns, _) = number_legend_columns(radar, width);
    u16::try_from(radar.axes.len().div_ceil(columns)).unwrap_or(u16::MAX)
}

/// Which theme each spoke number is, the focused one highlighted as on the plot.
pub fn number_legend(
    radar: &Radar,
    area: Rect,
    buf: &mut Buffer,
    first_row: u16,
    look: Look,
    focus: Option<usize>,
) {
    let digits = radar.axes.len().to_string().len();
    let (columns, column_width) = number_legend_columns(radar, area.width);
    let rows = radar.axes.len().div_ceil(columns);
    for (index, name) in radar.axes.iter().enumerate() {
        // Numbers run down each column, then across.
        let (column, row) = (index / rows, index % rows);
        let y = first_row + row as u16;
        let x = area.x + (column * column_width) as u16;
        if y >= area.bottom() || x >= area.right() {
            continue;
        }
        let room = usize::from(area.right() - x).min(column_width.saturating_sub(2));
        let text = format!("{:>digits$} {name}", index + 1);
        let text = crate::text::ellipsize(&text, room, look.ellipsis());
        let style = if focus == Some(index) {
            look.focus_label_style()
        } else {
            Style::default()
        };
        buf.set_stringn(x, y, text, room, style);
    }
}
