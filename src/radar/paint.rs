//! Drawing the rings, spokes and series into the plot's cells: braille through ratatui's
//! `Canvas`, or a grid of 7-bit ASCII characters chosen by each line's slope. Both draw
//! the same geometry; only the marks differ.

use super::geometry::{
    CellMapping, Point, polygon_segments, ring, ring_radius, spoke_direction, vertex,
};
use super::{Drawing, Look, Radar, SeriesKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line, Points};

/// Room left around the outer ring inside the plot, in plot units.
const MARGIN: f64 = 0.04;

/// A series ready to draw: its polygon's segments and its vertices.
struct SeriesShape {
    kind: SeriesKind,
    segments: Vec<(Point, Point)>,
    vertices: Vec<Point>,
}

/// Every series' shape in drawing order (the comparison first, the current stages last
/// and on top).
fn series_shapes(radar: &Radar) -> Vec<SeriesShape> {
    let spokes = radar.axes.len();
    let stages = radar.stages.len();
    let mut shapes: Vec<_> = radar
        .series
        .iter()
        .map(|series| {
            let points: Vec<Option<Point>> = (0..spokes)
                .map(|spoke| {
                    let stage = series.values.get(spoke).copied().flatten()?;
                    Some(vertex(
                        spoke,
                        spokes,
                        stage.min(stages.saturating_sub(1)),
                        stages,
                    ))
                })
                .collect();
            SeriesShape {
                kind: series.kind,
                segments: polygon_segments(&points),
                vertices: points.iter().flatten().copied().collect(),
            }
        })
        .collect();
    shapes.sort_by_key(|shape| match shape.kind {
        SeriesKind::Against => 0,
        SeriesKind::Target => 1,
        SeriesKind::Current => 2,
    });
    shapes
}

fn grid_segments(radar: &Radar, mapping: &CellMapping) -> Vec<(Point, Point)> {
    let stages = radar.stages.len();
    let spokes = radar.axes.len();
    // Enough steps that a ring's polyline is smooth at this size.
    let steps = (usize::from(mapping.columns) * 2).clamp(24, 720);
    let mut segments: Vec<(Point, Point)> = (0..stages)
        .flat_map(|stage| ring(ring_radius(stage, stages), steps))
        .collect();
    for spoke in 0..spokes {
        let (sin, cos) = spoke_direction(spoke, spokes);
        segments.push((Point { x: 0.0, y: 0.0 }, Point { x: sin, y: cos }));
    }
    segments
}

/// Draws the plot into `plot`.
pub fn paint_plot(radar: &Radar, plot: Rect, buf: &mut Buffer, look: Look) {
    let plot = plot.intersection(buf.area);
    if plot.is_empty() {
        return;
    }
    let mapping = CellMapping::new(plot.width, plot.height, MARGIN);
    let grid = grid_segments(radar, &mapping);
    let series = series_shapes(radar);
    match look.drawing {
        Drawing::Braille => paint_braille(&mapping, &grid, &series, plot, buf, look),
        Drawing::Ascii => paint_ascii(&mapping, &grid, &series, plot, buf),
    }
    // Vertex markers, the same in both drawings, so series read without colour.
    for SeriesShape { kind, vertices, .. } in &series {
        for point in vertices {
            if let Some((column, row)) = mapping.cell(*point) {
                let cell = &mut buf[(plot.x + column, plot.y + row)];
                cell.set_char(kind.marker(look.drawing));
                cell.set_style(look.series_style(*kind));
            }
        }
    }
}

fn paint_braille(
    mapping: &CellMapping,
    grid: &[(Point, Point)],
    series: &[SeriesShape],
    plot: Rect,
    buf: &mut Buffer,
    look: Look,
) {
    let (x_bounds, y_bounds) = mapping.bounds();
    let grid_color = if look.color {
        Color::DarkGray
    } else {
        Color::Reset
    };
    let line = |(a, b): &(Point, Point), color| Line::new(a.x, a.y, b.x, b.y, color);
    // The grid is dotted (every other braille dot) so the series' solid lines stand out
    // even without colour.
    let dot_spacing = mapping.unit_width;
    let mut grid_dots: Vec<(f64, f64)> = Vec::new();
    for (a, b) in grid {
        let length = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
        let steps = (length / dot_spacing).ceil().max(1.0) as usize;
        grid_dots.extend((0..steps).map(|step| {
            let t = step as f64 / steps as f64;
            (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        }));
    }
    Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(x_bounds)
        .y_bounds(y_bounds)
        .paint(|ctx| {
            ctx.draw(&Points {
                coords: &grid_dots,
                color: grid_color,
            });
            ctx.layer();
            for shape in series {
                let color = if look.color {
                    shape.kind.color()
                } else {
                    Color::Reset
                };
                for segment in &shape.segments {
                    ctx.draw(&line(segment, color));
                }
                ctx.layer();
            }
        })
        .render(plot, buf);
}

fn paint_ascii(
    mapping: &CellMapping,
    grid: &[(Point, Point)],
    series: &[SeriesShape],
    plot: Rect,
    buf: &mut Buffer,
) {
    let mut put = |point: Point, mark: char| {
        if let Some((column, row)) = mapping.cell(point) {
            buf[(plot.x + column, plot.y + row)].set_char(mark);
        }
    };
    for (a, b) in grid {
        trace(*a, *b, mapping, |point| put(point, '.'));
    }
    for shape in series {
        for (a, b) in &shape.segments {
            let mark = slope_mark(*a, *b, mapping);
            trace(*a, *b, mapping, |point| put(point, mark));
        }
    }
}

/// Calls `visit` at points along a segment, close enough to touch every cell it crosses.
fn trace(a: Point, b: Point, mapping: &CellMapping, mut visit: impl FnMut(Point)) {
    let columns = (b.x - a.x).abs() / mapping.unit_width;
    let rows = (b.y - a.y).abs() / mapping.unit_height;
    let steps = ((columns.max(rows) * 3.0).ceil() as usize).max(1);
    for step in 0..=steps {
        let t = step as f64 / steps as f64;
        visit(Point {
            x: a.x + (b.x - a.x) * t,
            y: a.y + (b.y - a.y) * t,
        });
    }
}

/// The ASCII character that best draws a segment's direction on the screen.
fn slope_mark(a: Point, b: Point, mapping: &CellMapping) -> char {
    // In screen units (a cell is twice as tall as wide), so the slope looks right.
    let dx = (b.x - a.x) / mapping.unit_width;
    let dy = (b.y - a.y) / mapping.unit_height * super::geometry::CELL_ASPECT;
    if dx.abs() < 1e-9 {
        return '|';
    }
    let slope = dy / dx;
    if slope.abs() < 0.5 {
        '-'
    } else if slope.abs() > 2.5 {
        '|'
    } else if slope > 0.0 {
        '/'
    } else {
        '\\'
    }
}
