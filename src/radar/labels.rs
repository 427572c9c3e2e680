//! Where the plot goes and where each spoke's label goes around it.
//!
//! Several layouts are tried: full names wrapped at a few widths, then short numbered
//! names, then bare numbers; the one with the biggest plot whose labels overlap neither
//! each other nor the rings wins. Numbered layouts come with a legend of full names.

use super::Look;
use super::geometry::{max_spokes, spoke_direction};
use crate::text::{ellipsize, wrap_words};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// A label's lines, top-left corner and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedLabel {
    pub lines: Vec<String>,
    pub x: u16,
    pub y: u16,
    pub width: u16,
    /// Lines flush right (labels left of the plot hug it).
    pub align_right: bool,
}

/// A chosen layout: the plot's cells, the labels, whether they are numbered (so a
/// legend must follow), and the rows used from the top of the area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelPlan {
    /// The top row of the area the plan was made for (`used_height` counts from it).
    pub top: u16,
    pub plot: Rect,
    pub labels: Vec<PlacedLabel>,
    pub numbered: bool,
    pub used_height: u16,
}

impl LabelPlan {
    /// The same layout moved down by `rows`.
    pub fn shifted_down(mut self, rows: u16) -> LabelPlan {
        self.top += rows;
        self.plot.y += rows;
        for label in &mut self.labels {
            label.y += rows;
        }
        self
    }
}

/// The tallest plot printed on its own (rows); wider terminals get margins, not a
/// taller picture.
const MAX_STANDALONE_ROWS: u16 = 30;
/// The smallest plot worth drawing (rows).
const MIN_ROWS: u16 = 5;
/// Below this many rows, numbered labels are preferred to long names.
const COMFORTABLE_ROWS: u16 = 9;

/// How spokes are labelled.
enum LabelStyle {
    Names { width: usize },
    ShortNumbered { width: usize },
    Numbers,
}

/// Chooses the layout for `axes` in `area`. With `standalone`, the area's height is free
/// and the plot is as tall as a round plot of the width needs (up to a limit).
///
/// The plot should be big: full names are kept only while their plot is at least
/// `names_keep` per cent as tall as the plot bare numbers allow, and short numbered
/// names only while theirs is at least [`SHORT_NAMES_KEEP`] per cent (a number legend
/// follows them either way).
///
/// `None` when no layout labels every spoke with a plot wide enough for this many spokes
/// (see [`max_spokes`]): the caller then draws one spoke per section, or bars.
pub fn plan_labels(
    axes: &[String],
    area: Rect,
    standalone: Option<u16>,
    look: Look,
    names_keep: u16,
) -> Option<LabelPlan> {
    let ellipsis = look.ellipsis();
    let readable = |plan: &LabelPlan| {
        plan.plot.height >= COMFORTABLE_ROWS.min(max_rows(area, standalone))
            && axes.len() <= max_spokes(plan.plot.width)
    };
    let numbers =
        try_layout(axes, area, standalone, &LabelStyle::Numbers, ellipsis).filter(readable);
    let keeps = |plan: &LabelPlan, share: u16| {
        readable(plan)
            && numbers.as_ref().is_none_or(|biggest| {
                u32::from(plan.plot.height) * 100
                    >= u32::from(biggest.plot.height) * u32::from(share)
            })
    };
    if let Some(plan) =
        best_named_layout(axes, area, standalone, ellipsis).filter(|plan| keeps(plan, names_keep))
    {
        return Some(plan);
    }
    [
        LabelStyle::ShortNumbered { width: 16 },
        LabelStyle::ShortNumbered { width: 12 },
    ]
    .iter()
    .filter_map(|style| try_layout(axes, area, standalone, style, ellipsis))
    .find(|plan| keeps(plan, SHORT_NAMES_KEEP))
    .or(numbers)
}

/// How much of the biggest plot short numbered names may cost (per cent kept).
const SHORT_NAMES_KEEP: u16 = 75;

/// The layout with full names (wrapped at one of a few widths) that gives the biggest
/// plot.
fn best_named_layout(
    axes: &[String],
    area: Rect,
    standalone: Option<u16>,
    ellipsis: &str,
) -> Option<LabelPlan> {
    let longest = axes.iter().map(|axis| axis.width()).max().unwrap_or(1);
    let mut widths: Vec<usize> = [longest.min(30), 26, 22, 18, 14]
        .into_iter()
        .filter(|width| *width <= longest)
        .collect();
    widths.dedup();
    // Try the widths that could give the biggest plot first, and stop once no other
    // could beat the best layout found: placing labels is the costly part.
    let mut candidates: Vec<(u16, usize)> = widths
        .into_iter()
        .filter_map(|width| {
            let texts = texts(axes, &LabelStyle::Names { width }, ellipsis)?;
            Some((rows_at_best(&texts, area, standalone), width))
        })
        .collect();
    candidates.sort_by_key(|(rows, width)| (std::cmp::Reverse(*rows), std::cmp::Reverse(*width)));
    let mut best: Option<LabelPlan> = None;
    for (rows, width) in candidates {
        if best.as_ref().is_some_and(|b| b.plot.height >= rows) {
            break;
        }
        let style = LabelStyle::Names { width };
        if let Some(plan) = try_layout(axes, area, standalone, &style, ellipsis)
            && best
                .as_ref()
                .is_none_or(|b| plan.plot.height > b.plot.height)
        {
            best = Some(plan);
        }
    }
    best
}

fn max_rows(area: Rect, standalone: Option<u16>) -> u16 {
    match standalone {
        Some(width) => (width / 2).min(MAX_STANDALONE_ROWS),
        None => area.height.min(area.width / 2),
    }
}

/// The label text of each spoke in a style; `None` when a name cannot fit.
fn texts(axes: &[String], style: &LabelStyle, ellipsis: &str) -> Option<Vec<Vec<String>>> {
    let digits = axes.len().to_string().len();
    axes.iter()
        .enumerate()
        .map(|(index, name)| match style {
            LabelStyle::Names { width } => {
                // Words are never split: a long word widens its label instead.
                let longest_word = name.split_whitespace().map(|w| w.width()).max();
                let lines = wrap_words(name, (*width).max(longest_word.unwrap_or(0)));
                (lines.len() <= 3).then_some(lines)
            }
            LabelStyle::ShortNumbered { width } => {
                let number = format!("{:>digits$} ", index + 1);
                let room = width.saturating_sub(number.len());
                Some(vec![format!("{number}{}", ellipsize(name, room, ellipsis))])
            }
            LabelStyle::Numbers => Some(vec![(index + 1).to_string()]),
        })
        .collect()
}

/// Rows above and below the plot and the width left for it, given the label texts.
fn margins(texts: &[Vec<String>], area: Rect) -> Option<(u16, u16, u16)> {
    let count = texts.len();
    let block_width =
        |lines: &Vec<String>| lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16;
    // Top and bottom labels stack above and below the plot; side labels sit beside it.
    let mut top_rows = 0u16;
    let mut bottom_rows = 0u16;
    let mut side_width = 0u16;
    for (index, lines) in texts.iter().enumerate() {
        let (sin, cos) = spoke_direction(index, count);
        // Near-vertical spokes put their labels above or below the plot, near-horizontal
        // ones beside it; the diagonal ones find room in the corners.
        if sin.abs() < 0.35 {
            if cos > 0.0 {
                top_rows = top_rows.max(lines.len() as u16);
            } else {
                bottom_rows = bottom_rows.max(lines.len() as u16);
            }
        } else if sin.abs() > 0.8 {
            side_width = side_width.max(block_width(lines));
        }
    }
    let width_for_plot = area.width.checked_sub(2 * (side_width + 2))?;
    Some((top_rows, bottom_rows, width_for_plot))
}

/// The most rows a layout of these texts could give the plot (before placing labels).
fn rows_at_best(texts: &[Vec<String>], area: Rect, standalone: Option<u16>) -> u16 {
    let Some((top_rows, bottom_rows, width_for_plot)) = margins(texts, area) else {
        return 0;
    };
    match standalone {
        Some(_) => (width_for_plot / 2).min(MAX_STANDALONE_ROWS),
        None => area
            .height
            .saturating_sub(top_rows + bottom_rows)
            .min(width_for_plot / 2),
    }
}

fn try_layout(
    axes: &[String],
    area: Rect,
    standalone: Option<u16>,
    style: &LabelStyle,
    ellipsis: &str,
) -> Option<LabelPlan> {
    let texts = texts(axes, style, ellipsis)?;
    let (top_rows, bottom_rows, width_for_plot) = margins(&texts, area)?;
    // Diagonal labels of several lines may need a row or two more above and below.
    (0..=3).find_map(|extra| {
        let top_rows = top_rows + extra;
        let bottom_rows = bottom_rows + extra;
        let rows = match standalone {
            Some(_) => (width_for_plot / 2).min(MAX_STANDALONE_ROWS),
            None => area
                .height
                .saturating_sub(top_rows + bottom_rows)
                .min(width_for_plot / 2),
        };
        if rows < MIN_ROWS {
            return None;
        }
        let columns = rows * 2;
        let plot = Rect {
            x: area.x + (area.width - columns) / 2,
            y: area.y + top_rows,
            width: columns,
            height: rows,
        };
        let labels = place_all(&texts, plot, area)?;
        // Rows actually used: the lowest label or the plot's bottom.
        let lowest = labels
            .iter()
            .map(|l| l.y + l.lines.len() as u16)
            .max()
            .unwrap_or(0);
        Some(LabelPlan {
            top: area.y,
            plot,
            numbered: !matches!(style, LabelStyle::Names { .. }),
            used_height: lowest.max(plot.bottom()) - area.y,
            labels,
        })
    })
}

/// True when a cell lies inside the plot's outer ring (where the drawing is).
fn inside_plot(plot: Rect, column: u16, row: u16) -> bool {
    let center_x = f64::from(plot.x) + f64::from(plot.width) / 2.0;
    let center_y = f64::from(plot.y) + f64::from(plot.height) / 2.0;
    let dx = (f64::from(column) + 0.5 - center_x) / (f64::from(plot.width) / 2.0 + 0.5);
    let dy = (f64::from(row) + 0.5 - center_y) / (f64::from(plot.height) / 2.0 + 0.5);
    dx * dx + dy * dy <= 1.0
}

fn place_all(texts: &[Vec<String>], plot: Rect, area: Rect) -> Option<Vec<PlacedLabel>> {
    let count = texts.len();
    let center_x = f64::from(plot.x) + f64::from(plot.width) / 2.0;
    let center_y = f64::from(plot.y) + f64::from(plot.height) / 2.0;
    let mut placed: Vec<PlacedLabel> = Vec::with_capacity(count);
    for (index, lines) in texts.iter().enumerate() {
        let (sin, cos) = spoke_direction(index, count);
        let width = lines.iter().map(|l| l.width()).max().unwrap_or(0) as f64;
        let height = lines.len() as f64;
        let anchor_x = center_x + sin * (f64::from(plot.width) / 2.0 + 1.0);
        let anchor_y = center_y - cos * (f64::from(plot.height) / 2.0 + 0.5);
        let x = if sin.abs() < 0.35 {
            anchor_x - width / 2.0
        } else if sin > 0.0 {
            anchor_x
        } else {
            anchor_x - width
        };
        let y = if cos > 0.7 {
            anchor_y - height + 0.5
        } else if cos < -0.7 {
            anchor_y - 0.5
        } else {
            anchor_y - height / 2.0
        };
        // Nudge outwards (away from the centre) first, then along the other axis.
        let out_x = if sin >= 0.0 { 1 } else { -1 };
        let out_y = if cos >= 0.0 { -1 } else { 1 };
        let nudges = [
            (0, 0),
            (0, out_y),
            (out_x, 0),
            (out_x, out_y),
            (0, -out_y),
            (2 * out_x, 0),
            (0, 2 * out_y),
        ];
        let found = nudges.iter().find_map(|(dx, dy)| {
            let mut candidate =
                candidate(lines, x.round() as i32 + dx, y.round() as i32 + dy, area)?;
            candidate.align_right = sin < -0.35;
            fits(&candidate, plot, &placed).then_some(candidate)
        });
        let found = found?;
        placed.push(found);
    }
    Some(placed)
}

fn candidate(lines: &[String], x: i32, y: i32, area: Rect) -> Option<PlacedLabel> {
    let width = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    let width = u16::try_from(width).ok()?;
    let max_x = i32::from(area.right()) - i32::from(width);
    let x = x.clamp(i32::from(area.x), max_x.max(i32::from(area.x)));
    let bottom = y + lines.len() as i32;
    if y < i32::from(area.y) || bottom > i32::from(area.bottom()) || width > area.width {
        return None;
    }
    Some(PlacedLabel {
        lines: lines.to_vec(),
        x: u16::try_from(x).ok()?,
        y: u16::try_from(y).ok()?,
        width,
        align_right: false,
    })
}

fn fits(label: &PlacedLabel, plot: Rect, placed: &[PlacedLabel]) -> bool {
    let rows = label.y..label.y + label.lines.len() as u16;
    let clear_of_plot = rows
        .clone()
        .all(|row| (label.x..label.x + label.width).all(|column| !inside_plot(plot, column, row)));
    let clear_of_others = placed.iter().all(|other| {
        let other_rows = other.y..other.y + other.lines.len() as u16;
        let rows_overlap = rows.start < other_rows.end && other_rows.start < rows.end;
        // Two blank columns between labels on the same rows, so they read apart.
        let columns_overlap =
            label.x < other.x + other.width + 2 && other.x < label.x + label.width + 2;
        !(rows_overlap && columns_overlap)
    });
    clear_of_plot && clear_of_others
}

/// Writes the labels into the buffer, the label of spoke `focus` highlighted.
pub fn place(plan: &LabelPlan, buf: &mut Buffer, look: Look, focus: Option<usize>) {
    for (index, label) in plan.labels.iter().enumerate() {
        let style = if focus == Some(index) {
            look.focus_label_style()
        } else if look.color {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            Style::default()
        };
        for (offset, line) in label.lines.iter().enumerate() {
            let indent = if label.align_right {
                label.width.saturating_sub(line.width() as u16)
            } else {
                0
            };
            buf.set_stringn(
                label.x + indent,
                label.y + offset as u16,
                line,
                usize::from(label.width - indent),
                style,
            );
        }
    }
}
