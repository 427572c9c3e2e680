//! Horizontal bars, for when a radar cannot be read: fewer than three themes (no area to
//! enclose), or more than the space can draw a spoke for. In a pane too short for every
//! row, the rows shown follow the focused theme and say how many more there are above
//! and below. Every cut string ends in an ellipsis.

use super::{Drawing, Look, Radar, SeriesKind};
use crate::text::{ellipsize, wrap_words};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;
use window::Window;

mod window;

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BarRow {
    /// A section's name above its themes.
    Heading(String),
    /// Theme (axis) `index`.
    Theme(usize),
}

/// What the bars show: a note above, the rows, the focused theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarList {
    pub note: Option<String>,
    pub rows: Vec<BarRow>,
    pub focus: Option<usize>,
}

impl BarList {
    /// Every theme in routemap order, under a note saying why bars are drawn.
    pub fn all(radar: &Radar) -> BarList {
        BarList {
            note: Some(why_bars(radar)),
            rows: (0..radar.axes.len()).map(BarRow::Theme).collect(),
            focus: None,
        }
    }

    /// Rows the list takes at `width` with nothing cut: note, blank, rows, blank, key.
    pub fn height(&self, radar: &Radar, look: Look, width: u16) -> usize {
        let note = self.note_lines(width).len();
        note + usize::from(note > 0) + self.rows.len() + 1 + key_lines(radar, look, width).len()
    }

    fn note_lines(&self, width: u16) -> Vec<String> {
        self.note
            .as_deref()
            .map(|note| wrap_words(note, usize::from(width)))
            .unwrap_or_default()
    }
}

/// Why there are bars and not a radar.
pub fn why_bars(radar: &Radar) -> String {
    if radar.axes.len() < super::MIN_SPOKES {
        format!(
            "A radar needs {} or more themes; this routemap has {}, so here are bars.",
            super::MIN_SPOKES,
            radar.axes.len()
        )
    } else {
        format!(
            "{} themes are too many for a readable radar at this width; here are bars.",
            radar.axes.len()
        )
    }
}

/// Bars for every theme, with a note saying why.
pub fn render_bars(radar: &Radar, area: Rect, buf: &mut Buffer, look: Look) {
    draw(radar, &BarList::all(radar), area, buf, look);
}

/// Draws `list` into `area`: as many rows as fit, around the focus.
pub fn draw(radar: &Radar, list: &BarList, area: Rect, buf: &mut Buffer, look: Look) {
    let width = usize::from(area.width);
    let mut row = area.y;
    let mut line = |text: &str, style: Style, row: &mut u16| {
        if *row < area.bottom() {
            buf.set_stringn(
                area.x,
                *row,
                ellipsize(text, width, look.ellipsis()),
                width,
                style,
            );
        }
        *row += 1;
    };
    let note = list.note_lines(area.width);
    for part in &note {
        line(part, look.grid_style(), &mut row);
    }
    if !note.is_empty() {
        row += 1;
    }
    let key = key_lines(radar, look, area.width);
    let room = usize::from(area.bottom().saturating_sub(row)).saturating_sub(key.len() + 1);
    let window = Window::around(list, room);
    let columns = Columns::of(radar, list, area.width);
    // Names cut to the column; those that would read alike cut by character instead.
    let labels = crate::text::ellipsize_distinct_with(&radar.axes, columns.name, look.ellipsis());
    if window.above > 0 {
        more_marker(buf, area, &mut row, look, window.above, true);
    }
    for bar_row in &list.rows[window.first..window.end] {
        if row >= area.bottom() {
            break;
        }
        match bar_row {
            BarRow::Heading(name) => {
                let heading = ellipsize(name, width, look.ellipsis());
                buf.set_stringn(
                    area.x,
                    row,
                    heading,
                    width,
                    Style::default().add_modifier(Modifier::BOLD),
                );
            }
            BarRow::Theme(index) => {
                theme_bar(
                    radar,
                    *index,
                    labels.get(*index).map_or("", String::as_str),
                    list.focus == Some(*index),
                    &columns,
                    area,
                    row,
                    buf,
                    look,
                );
            }
        }
        row += 1;
    }
    if window.below > 0 {
        more_marker(buf, area, &mut row, look, window.below, false);
    }
    row += 1;
    for part in &key {
        if row < area.bottom() {
            buf.set_stringn(area.x, row, part, width, look.grid_style());
        }
        row += 1;
    }
}

fn more_marker(buf: &mut Buffer, area: Rect, row: &mut u16, look: Look, count: usize, above: bool) {
    if *row >= area.bottom() {
        return;
    }
    let arrow = match (look.drawing, above) {
        (Drawing::Braille, true) => "↑",
        (Drawing::Braille, false) => "↓",
        (Drawing::Ascii, true) => "^",
        (Drawing::Ascii, false) => "v",
    };
    let text = ellipsize(
        &format!("{arrow} {count} more"),
        usize::from(area.width),
        look.ellipsis(),
    );
    buf.set_stringn(
        area.x,
        *row,
        text,
        usize::from(area.width),
        look.grid_style(),
    );
    *row += 1;
}

/// The widths every theme row shares: number, name, bar.
struct Columns {
    digits: usize,
    name: usize,
    bar: usize,
}

impl Columns {
    /// The name column gets what its longest name needs when it can (names tell rows
    /// apart; the bar already shows the stage); the bar three cells a stage, or two when
    /// the names need the room; the stage text what is left.
    fn of(radar: &Radar, list: &BarList, width: u16) -> Columns {
        let width = usize::from(width);
        let digits = radar.axes.len().to_string().len();
        let longest = list
            .rows
            .iter()
            .filter_map(|row| match row {
                BarRow::Theme(index) => radar.axes.get(*index).map(|name| name.width()),
                BarRow::Heading(_) => None,
            })
            .max()
            .unwrap_or(0)
            .max(4);
        let stages = radar.stages.len().max(1);
        // Pointer, number and the gaps around the bar: "▸ 12 name  bar  4/5 stage".
        let available = width.saturating_sub(2 + digits + 1 + 2 + 2);
        // The stage text keeps at least its number, "4/5".
        let stage_number = 2 * stages.to_string().len() + 1;
        let name_for = |bar: usize| {
            longest
                .min(available.saturating_sub(bar + stage_number))
                .max(longest.min(available / 3))
                .max(4)
        };
        let mut bar = stages * 3;
        if name_for(bar) < longest {
            bar = stages * 2;
        }
        Columns {
            digits,
            name: name_for(bar),
            bar,
        }
    }
}

/// The stage beside a bar, its number of the top stage's first so a cut keeps it:
/// "4/5 On the route" (or "3/4" on a scale numbered from 0).
fn stage_text(radar: &Radar, index: usize) -> String {
    let name = radar.stages.get(index).map_or("", String::as_str);
    format!("{} {name}", stage_fraction(radar, index))
}

/// "4/5": a stage's number over the top stage's.
fn stage_fraction(radar: &Radar, index: usize) -> String {
    let top = radar.stage_number(radar.stages.len().saturating_sub(1));
    format!("{}/{top}", radar.stage_number(index))
}

#[allow(clippy::too_many_arguments)]
fn theme_bar(
    radar: &Radar,
    index: usize,
    label: &str,
    focused: bool,
    columns: &Columns,
    area: Rect,
    row: u16,
    buf: &mut Buffer,
    look: Look,
) {
    let right = area.right();
    let pointer = match (focused, look.drawing) {
        (false, _) => " ",
        (true, Drawing::Braille) => "▸",
        (true, Drawing::Ascii) => ">",
    };
    let label = format!(
        "{pointer} {:>digits$} {label}{}",
        index + 1,
        " ".repeat(columns.name.saturating_sub(label.width())),
        digits = columns.digits
    );
    let name_style = if focused {
        look.focus_label_style()
    } else {
        Style::default()
    };
    let room = usize::from(area.width);
    buf.set_stringn(
        area.x,
        row,
        ellipsize(&label, room, look.ellipsis()),
        room,
        name_style,
    );
    let x = area.x + u16::try_from(label.width() + 2).unwrap_or(u16::MAX);
    let stages = radar.stages.len().max(1);
    let (full, empty) = match look.drawing {
        Drawing::Braille => ('█', '░'),
        Drawing::Ascii => ('#', '.'),
    };
    let current = value(radar, SeriesKind::Current, index);
    let filled = current.map_or(0, |stage| (stage + 1) * columns.bar / stages);
    for position in 0..columns.bar {
        let Some(column) = x.checked_add(position as u16).filter(|c| *c < right) else {
            break;
        };
        let (mark, style) = if position < filled {
            (full, look.series_style(SeriesKind::Current))
        } else {
            (empty, look.grid_style())
        };
        buf[(column, row)].set_char(mark).set_style(style);
    }
    // Other series as their markers on the bar, at their stage's end.
    for series in radar
        .series
        .iter()
        .filter(|s| s.kind != SeriesKind::Current)
    {
        if let Some(stage) = series.values.get(index).copied().flatten() {
            let position = ((stage + 1) * columns.bar / stages).saturating_sub(1);
            if let Some(column) = x.checked_add(position as u16).filter(|c| *c < right) {
                buf[(column, row)]
                    .set_char(series.kind.marker(look.drawing))
                    .set_style(look.series_style(series.kind));
            }
        }
    }
    let text_x = x.saturating_add(columns.bar as u16 + 2);
    if text_x < right {
        let room = usize::from(right - text_x);
        let text = stage_text_in(radar, current, room, look);
        buf.set_stringn(text_x, row, text, room, Style::default());
    }
}

/// The stage beside a bar in `room` cells: whole, or cut with an ellipsis, or when even
/// that leaves no word, the number alone ("4/5"; "-" for no answer).
fn stage_text_in(radar: &Radar, current: Option<usize>, room: usize, look: Look) -> String {
    let (whole, short) = match current {
        Some(stage) => (stage_text(radar, stage), stage_fraction(radar, stage)),
        None => (unanswered(radar), "-".to_string()),
    };
    if whole.width() <= room {
        whole
    } else if room >= short.width() + 2 + look.ellipsis().width() {
        ellipsize(&whole, room, look.ellipsis())
    } else {
        short
    }
}

/// The key under the bars, wrapped to the width.
fn key_lines(radar: &Radar, look: Look, width: u16) -> Vec<String> {
    let full = match look.drawing {
        Drawing::Braille => '█',
        Drawing::Ascii => '#',
    };
    let mut key = format!(
        "{full} {} stage (bar length: stage {} to {})",
        current_name(radar),
        radar.stage_number(0),
        radar.stage_number(radar.stages.len().saturating_sub(1))
    );
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
    wrap_words(&key, usize::from(width))
}

/// What the bar stands for, the current series' name: "current", or "agreed" in a
/// workshop's summary, so the key never calls an agreed stage a current one.
fn current_name(radar: &Radar) -> &str {
    radar
        .series
        .iter()
        .find(|s| s.kind == SeriesKind::Current)
        .map_or("current", |s| s.name.as_str())
}

/// Beside an empty bar: "not answered", or "not agreed" in a workshop's summary.
fn unanswered(radar: &Radar) -> String {
    match current_name(radar) {
        "current" => "not answered".into(),
        name => format!("not {name}"),
    }
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
