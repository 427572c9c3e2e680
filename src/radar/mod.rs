//! The maturity radar: one spoke per theme, one ring per stage, each series (current,
//! target, a comparison) a polygon. One renderer, pure and terminal-free: data in, a
//! ratatui `Buffer` out. The TUI places the buffer in its panels; the CLI prints it.

mod ascii;
mod bars;
mod braille;
mod draw;
pub mod geometry;
mod labels;
mod legend;
mod paint;
mod sections;
pub mod svg;
mod svg_bars;
mod svg_legend;

pub use bars::render_bars;

use crate::assessment::Assessment;
use crate::routemap::Routemap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

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
            (SeriesKind::Against, Drawing::Ascii) => '^',
        }
    }

    /// The line a series is drawn in, so series differ in shape, not only in colour:
    /// the current stages solid, the target dashed, a comparison dotted.
    pub fn stroke(self) -> Stroke {
        match self {
            SeriesKind::Current => Stroke::Solid,
            SeriesKind::Target => Stroke::Dashed,
            SeriesKind::Against => Stroke::Dotted,
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

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    Dashed,
    Dotted,
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
    /// The number the lowest stage is shown with ([`Routemap::stage_number`] of it): the
    /// routemap's own numbering, from 0 or from 1.
    pub first_stage: usize,
    pub series: Vec<Series>,
    /// The routemap's sections, in order, with the axes of each; themes without a
    /// section make a group of their own at the end. Empty without sections.
    pub groups: Vec<AxisGroup>,
}

/// A section of the routemap and the axes (theme indices) in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxisGroup {
    pub name: String,
    pub axes: Vec<usize>,
    /// Each axis's theme weight in thousandths, in the order of `axes` (empty when all
    /// weigh the same): a section's spoke is its weighted median, as in the roll-up.
    pub weights: Vec<u64>,
}

/// Colours and emphasis; `plain` draws without colour (NO_COLOR, or a pipe).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub drawing: Drawing,
    pub color: bool,
}

impl Look {
    /// What ends a cut string: `…`, or `...` in 7-bit ASCII.
    pub fn ellipsis(self) -> &'static str {
        match self.drawing {
            Drawing::Braille => "…",
            Drawing::Ascii => "...",
        }
    }

    fn grid_style(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    /// The focused theme's label: reversed, so it shows in any palette.
    fn focus_label_style(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The focused theme's spoke: a bright neutral in colour, plain without (bold is
    /// the series' emphasis).
    fn focus_style(self) -> Style {
        if self.color {
            Style::default().fg(Color::White)
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
                .map(|theme| shown(&theme.name))
                .collect(),
            stages: routemap
                .stages
                .iter()
                .map(|stage| shown(&stage.name))
                .collect(),
            first_stage: routemap.stage_number(0),
            series,
            groups: section_groups(routemap),
        }
    }

    /// Adds another assessment's current stages as a comparison series.
    pub fn against(mut self, routemap: &Routemap, other: &Assessment, name: &str) -> Radar {
        self.series.push(Series {
            name: shown(name),
            kind: SeriesKind::Against,
            values: current_values(routemap, other),
        });
        self
    }

    /// The number stage `index` is shown with: the routemap's own.
    pub fn stage_number(&self, index: usize) -> usize {
        self.first_stage + index
    }

    /// True when there are too few or too many themes for a radar to read.
    pub fn needs_bars(&self) -> bool {
        self.axes.len() < MIN_SPOKES || self.axes.len() > MAX_SPOKES
    }
}

/// The routemap's sections with their themes; themes without a section go last, under a
/// heading of their own. Empty when the routemap has no sections.
fn section_groups(routemap: &Routemap) -> Vec<AxisGroup> {
    if routemap.sections.is_empty() {
        return Vec::new();
    }
    let mut groups: Vec<AxisGroup> = routemap
        .sections
        .iter()
        .map(|section| AxisGroup {
            name: shown(&section.name),
            axes: Vec::new(),
            weights: Vec::new(),
        })
        .collect();
    let mut loose = AxisGroup {
        name: "Other themes".into(),
        axes: Vec::new(),
        weights: Vec::new(),
    };
    for (index, theme) in routemap.themes.iter().enumerate() {
        let group = match theme.section.and_then(|section| groups.get_mut(section)) {
            Some(group) => group,
            None => &mut loose,
        };
        group.axes.push(index);
        group.weights.push(theme.weight.thousandths());
    }
    if !loose.axes.is_empty() {
        groups.push(loose);
    }
    // A section no theme names draws nothing.
    groups.retain(|group| !group.axes.is_empty());
    groups
}

/// A name from a file as the radar draws it: on one line, controls shown (the labels
/// reach a terminal, as printed text or in the full-screen program).
fn shown(name: &str) -> String {
    crate::sanitize::line(name).into_owned()
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
/// labels had to be numbered, the number legend, as far as the area allows. With too many
/// themes for the area, a spoke per section and bars, or bars alone.
pub fn render(radar: &Radar, area: Rect, buf: &mut Buffer, look: Look) {
    draw::in_area(radar, area, buf, look, None);
}

/// [`render`], with theme `focus` (an index into `axes`) marked: its spoke drawn, its
/// label highlighted; in bars, the rows shown follow it.
pub fn render_focused(
    radar: &Radar,
    area: Rect,
    buf: &mut Buffer,
    look: Look,
    focus: Option<usize>,
) {
    draw::in_area(radar, area, buf, look, focus);
}

/// The radar at a given width for printing, as tall as a round plot needs.
pub fn render_standalone(radar: &Radar, width: u16, look: Look) -> Buffer {
    draw::standalone(radar, width, look)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod svg_legend_tests;
