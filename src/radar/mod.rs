//! The maturity radar: one spoke per theme, one ring per stage, each series (current,
//! target, a comparison) a polygon. One renderer, pure and terminal-free: data in, a
//! ratatui `Buffer` out. The TUI places the buffer in its panels; the CLI prints it.

mod bars;
pub mod geometry;
mod labels;
mod paint;
pub mod svg;
mod svg_bars;

pub use bars::render_bars;

use crate::assessment::Assessment;
use crate::routemap::Routemap;
use labels::{LabelPlan, plan_labels};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// How the drawing is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// Unicode braille dots: fine resolution on any UTF-8 terminal.
    Braille,
    /// 7-bit ASCII characters only (labels keep their own text).
    Ascii,
}

/// What a series stands for; sets its marker and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    Current,
    Target,
    Against,
}

impl SeriesKind {
    /// The vertex marker, distinct in shape so the series read without colour.
    pub fn marker(self, drawing: Drawing) -> char {
        match (self, drawing) {
            (SeriesKind::Current, Drawing::Braille) => '●',
            (SeriesKind::Target, Drawing::Braille) => '◆',
            (SeriesKind::Against, Drawing::Braille) => '▲',
            (SeriesKind::Current, Drawing::Ascii) => '*',
            (SeriesKind::Target, Drawing::Ascii) => 'o',
            (SeriesKind::Against, Drawing::Ascii) => '+',
        }
    }

    /// Okabe–Ito hues: distinct for every common kind of colour blindness.
    pub fn color(self) -> Color {
        match self {
            SeriesKind::Current => Color::Rgb(0, 114, 178),
            SeriesKind::Target => Color::Rgb(230, 159, 0),
            SeriesKind::Against => Color::Rgb(0, 158, 115),
        }
    }
}

/// One polygon: a value per axis, the stage index or `None` for a gap (unanswered, n/a).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub kind: SeriesKind,
    pub values: Vec<Option<usize>>,
}

/// Everything the radar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Radar {
    /// Theme names, one per spoke, in routemap order.
    pub axes: Vec<String>,
    /// Stage names, lowest first: one ring each.
    pub stages: Vec<String>,
    pub series: Vec<Series>,
}

/// Colours and emphasis; `plain` draws without colour (NO_COLOR, or a pipe).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub drawing: Drawing,
    pub color: bool,
}

impl Look {
    fn grid_style(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    fn series_style(self, kind: SeriesKind) -> Style {
        if self.color {
            Style::default()
                .fg(kind.color())
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }
}

/// The fewest themes a radar can show; with fewer, bars are drawn.
pub const MIN_SPOKES: usize = 3;
/// The most themes a radar shows legibly; with more, bars are drawn.
pub const MAX_SPOKES: usize = 60;

impl Radar {
    /// The radar of an assessment: the current stages, and the targets when asked.
    pub fn of(routemap: &Routemap, assessment: &Assessment, with_target: bool) -> Radar {
        let mut series = vec![Series {
            name: "current".into(),
            kind: SeriesKind::Current,
            values: current_values(routemap, assessment),
        }];
        if with_target {
            series.push(Series {
                name: "target".into(),
                kind: SeriesKind::Target,
                values: target_values(routemap, assessment),
            });
        }
        Radar {
            axes: routemap
                .themes
                .iter()
                .map(|theme| theme.name.clone())
                .collect(),
            stages: routemap
                .stages
                .iter()
                .map(|stage| stage.name.clone())
                .collect(),
            series,
        }
    }

    /// Adds another assessment's current stages as a comparison series.
    pub fn against(mut self, routemap: &Routemap, other: &Assessment, name: &str) -> Radar {
        self.series.push(Series {
            name: name.to_string(),
            kind: SeriesKind::Against,
            values: current_values(routemap, other),
        });
        self
    }

    /// True when there are too few or too many themes for a radar to read.
    pub fn needs_bars(&self) -> bool {
        self.axes.len() < MIN_SPOKES || self.axes.len() > MAX_SPOKES
    }
}

/// The current stage index per theme; `None` for unanswered, n/a or an unknown stage.
pub fn current_values(routemap: &Routemap, assessment: &Assessment) -> Vec<Option<usize>> {
    assessment
        .answers_for(routemap)
        .into_iter()
        .map(|answer| routemap.stage_index(answer?.current_stage()?))
        .collect()
}

/// The target stage index per theme.
pub fn target_values(routemap: &Routemap, assessment: &Assessment) -> Vec<Option<usize>> {
    assessment
        .answers_for(routemap)
        .into_iter()
        .map(|answer| routemap.stage_index(answer?.target.as_deref()?))
        .collect()
}

/// Draws the radar into `area` of `buf`: plot, spoke labels, series legend and, when
/// labels had to be numbered, the number legend, as far as the area allows.
pub fn render(radar: &Radar, area: Rect, buf: &mut Buffer, look: Look) {
    if area.width < 12 || area.height < 6 {
        return;
    }
    if radar.needs_bars() {
        render_bars(radar, area, buf, look);
        return;
    }
    let legend_rows = series_legend_lines(radar, look, area.width).len() as u16;
    let body = Rect {
        height: area.height.saturating_sub(legend_rows),
        ..area
    };
    let plan = plan_labels(&radar.axes, body, None, look);
    // Centre the picture in the height it leaves spare (less any number legend).
    let numbers = if plan.numbered {
        number_legend_rows(radar, area.width)
    } else {
        0
    };
    let spare = body.height.saturating_sub(plan.used_height + numbers) / 2;
    let plan = plan.shifted_down(spare);
    paint::paint_plot(radar, plan.plot, buf, look);
    labels::place(&plan, buf, look);
    let mut row = body.y + spare + plan.used_height;
    for line in series_legend_lines(radar, look, area.width) {
        if row >= area.bottom() {
            break;
        }
        buf.set_line(area.x, row, &line, area.width);
        row += 1;
    }
    // A partial legend would mislead: show it whole or not at all (the TUI's review
    // table numbers the themes anyway).
    if plan.numbered && row + number_legend_rows(radar, area.width) <= area.bottom() {
        number_legend(radar, area, buf, row, look);
    }
}

/// The radar at a given width for printing, as tall as a round plot needs.
pub fn render_standalone(radar: &Radar, width: u16, look: Look) -> Buffer {
    if radar.needs_bars() {
        let height = u16::try_from(bars::height(radar)).unwrap_or(u16::MAX);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        render_bars(radar, buf.area, &mut buf, look);
        return buf;
    }
    let probe = Rect::new(0, 0, width, u16::MAX / 4);
    let plan: LabelPlan = plan_labels(&radar.axes, probe, Some(width), look);
    let legend = series_legend_lines(radar, look, width);
    let numbers = if plan.numbered {
        number_legend_rows(radar, width)
    } else {
        0
    };
    let height = plan.used_height + legend.len() as u16 + numbers;
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    // The plan made in the probe is the plan: a standalone layout's rows depend on the
    // width alone, and the probe's top-left is the buffer's.
    paint::paint_plot(radar, plan.plot, &mut buf, look);
    labels::place(&plan, &mut buf, look);
    let mut row = plan.used_height;
    for line in legend {
        buf.set_line(0, row, &line, width);
        row += 1;
    }
    if plan.numbered {
        number_legend(radar, area, &mut buf, row, look);
    }
    buf
}

fn series_legend_lines(radar: &Radar, look: Look, width: u16) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let ellipsis = if look.drawing == Drawing::Ascii {
        "..."
    } else {
        "…"
    };
    let entry = |series: &Series, room: usize| {
        vec![
            Span::styled(
                series.kind.marker(look.drawing).to_string(),
                look.series_style(series.kind),
            ),
            Span::raw(format!(
                " {}",
                crate::text::ellipsize(&series.name, room.saturating_sub(2), ellipsis)
            )),
        ]
    };
    let one_line: usize = radar.series.iter().map(|s| s.name.width() + 4).sum();
    let mut lines: Vec<Line<'static>> = if one_line <= usize::from(width) {
        let mut spans = Vec::new();
        for series in &radar.series {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.extend(entry(series, usize::MAX));
        }
        vec![Line::from(spans)]
    } else {
        // One series a line, names shortened to fit.
        radar
            .series
            .iter()
            .map(|series| Line::from(entry(series, usize::from(width))))
            .collect()
    };
    let scale = format!(
        "rings: {} (centre) to {} (edge)",
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

fn number_legend_rows(radar: &Radar, width: u16) -> u16 {
    let (columns, _) = number_legend_columns(radar, width);
    u16::try_from(radar.axes.len().div_ceil(columns)).unwrap_or(u16::MAX)
}

fn number_legend(radar: &Radar, area: Rect, buf: &mut Buffer, first_row: u16, look: Look) {
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
        let ellipsis = if look.drawing == Drawing::Ascii {
            "..."
        } else {
            "…"
        };
        let text = crate::text::ellipsize(&text, room, ellipsis);
        buf.set_stringn(x, y, text, room, Style::default());
    }
}

#[cfg(test)]
mod tests;
