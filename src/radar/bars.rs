//! Horizontal bars, for when a radar cannot be read: fewer than three themes (no area to
//! enclose) or too many to label.

use super::{Drawing, Look, Radar, SeriesKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// Rows the bars take: a note, a blank, a row per theme, a blank and a key.
pub fn height(radar: &Radar) -> usize {
    radar.axes.len() + 4
}

pub fn render_bars(radar: &Radar, area: Rect, buf: &mut Buffer, look: Look) {
    let note = if radar.axes.len() < super::MIN_SPOKES {
        format!(
            "A radar needs {} or more themes; this routemap has {}, so here are bars.",
            super::MIN_SPOKES,
            radar.axes.len()
        )
    } else {
        format!(
            "{} themes are too many for a readable radar; here are bars.",
            radar.axes.len()
        )
    };
    let width = usize::from(area.width);
    let mut row = area.y;
    let line = |text: &str, style: Style, buf: &mut Buffer, row: &mut u16| {
        if *row < area.bottom() {
            buf.set_stringn(area.x, *row, text, width, style);
        }
        *row += 1;
    };
    line(&note, look.grid_style(), buf, &mut row);
    line("", Style::default(), buf, &mut row);
    let stages = radar.stages.len().max(1);
    let name_width = radar
        .axes
        .iter()
        .map(|a| a.width())
        .max()
        .unwrap_or(0)
        .min(width / 3)
        .max(4);
    let bar_width = (stages * 4)
        .min(width.saturating_sub(name_width + 3))
        .max(stages);
    let (full, empty) = match look.drawing {
        Drawing::Braille => ('█', '░'),
        Drawing::Ascii => ('#', '.'),
    };
    for (index, name) in radar.axes.iter().enumerate() {
        if row >= area.bottom() {
            break;
        }
        let label = crate::text::ellipsize(
            name,
            name_width,
            if look.drawing == Drawing::Ascii {
                "..."
            } else {
                "…"
            },
        );
        let padding = name_width.saturating_sub(label.width());
        let mut x = area.x;
        buf.set_stringn(
            x,
            row,
            format!("{label}{}  ", " ".repeat(padding)),
            width,
            Style::default(),
        );
        x += (name_width + 2) as u16;
        let current = value(radar, SeriesKind::Current, index);
        let filled = current.map_or(0, |stage| (stage + 1) * bar_width / stages);
        for position in 0..bar_width {
            if x + position as u16 >= area.right() {
                break;
            }
            let mark = if position < filled { full } else { empty };
            let style = if position < filled {
                look.series_style(SeriesKind::Current)
            } else {
                look.grid_style()
            };
            buf[(x + position as u16, row)]
                .set_char(mark)
                .set_style(style);
        }
        // Other series as their markers on the bar, at their stage's end.
        for series in radar
            .series
            .iter()
            .filter(|s| s.kind != SeriesKind::Current)
        {
            if let Some(stage) = series.values.get(index).copied().flatten() {
                let position = ((stage + 1) * bar_width / stages).saturating_sub(1);
                if x + (position as u16) < area.right() {
                    buf[(x + position as u16, row)]
                        .set_char(series.kind.marker(look.drawing))
                        .set_style(look.series_style(series.kind));
                }
            }
        }
        let stage_text = match current {
            Some(stage) => format!(
                "  {} ({}/{})",
                radar.stages.get(stage).map_or("", String::as_str),
                stage + 1,
                stages
            ),
            None => "  not answered".to_string(),
        };
        let text_x = x + bar_width as u16;
        if text_x < area.right() {
            buf.set_stringn(
                text_x,
                row,
                stage_text,
                usize::from(area.right() - text_x),
                Style::default(),
            );
        }
        row += 1;
    }
    row += 1;
    let mut key = format!("{full} current stage (bar length: stage 1 to {stages})");
    for series in radar
        .series
        .iter()
        .filter(|s| s.kind != SeriesKind::Current)
    {
        key.push_str(&format!(
            "  {} {}",
            series.kind.marker(look.drawing),
            series.name
        ));
    }
    line(&key, look.grid_style(), buf, &mut row);
}

fn value(radar: &Radar, kind: SeriesKind, index: usize) -> Option<usize> {
    radar
        .series
        .iter()
        .find(|s| s.kind == kind)?
        .values
        .get(index)
        .copied()
        .flatten()
}
