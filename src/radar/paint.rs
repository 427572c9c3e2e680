//! Drawing the grid, the series and their vertices into the plot's cells, in braille dots
//! or in 7-bit ASCII. Both draw the same geometry with the same rules:
//!
//! - the grid is sparse, a tick where each ring crosses each spoke, so the data is the
//!   only continuous line on the plot and stands out without colour;
//! - each series has its own stroke (current solid, target dashed, comparison dotted) and
//!   its own vertex marker, and owns the cells it passes through;
//! - a focused spoke (the theme being answered) is drawn in full, dotted, under the
//!   series; its label is highlighted.

use super::ascii::{AsciiCanvas, CellPoint};
use super::braille::{DotCanvas, DotPoint};
use super::geometry::{CellMapping, Point, polygon_segments, vertex};
use super::{Drawing, Look, Radar, SeriesKind, Stroke};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Room left around the outer ring inside the plot, in plot units.
const MARGIN: f64 = 0.04;

/// Paint layers, lowest first: a higher layer takes over a cell a lower one drew in.
const GRID: u8 = 1;
const FOCUS: u8 = 2;

fn series_layer(kind: SeriesKind) -> u8 {
    match kind {
        SeriesKind::Against => 3,
        SeriesKind::Target => 4,
        SeriesKind::Current => 5,
    }
}

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
    shapes.sort_by_key(|shape| series_layer(shape.kind));
    shapes
}

/// Where each ring crosses each spoke, and the centre.
fn grid_ticks(radar: &Radar) -> Vec<Point> {
    let (spokes, stages) = (radar.axes.len(), radar.stages.len());
    let mut ticks = vec![Point { x: 0.0, y: 0.0 }];
    for spoke in 0..spokes {
        ticks.extend((0..stages).map(|stage| vertex(spoke, spokes, stage, stages)));
    }
    ticks
}

/// Draws the plot into `plot`, with the spoke of theme `focus` drawn in full.
pub fn paint_plot(radar: &Radar, plot: Rect, buf: &mut Buffer, look: Look, focus: Option<usize>) {
    let plot = plot.intersection(buf.area);
    if plot.is_empty() {
        return;
    }
    let mapping = CellMapping::new(plot.width, plot.height, MARGIN);
    let series = series_shapes(radar);
    let focus = focus
        .filter(|spoke| *spoke < radar.axes.len())
        .map(|spoke| {
            vertex(
                spoke,
                radar.axes.len(),
                radar.stages.len().saturating_sub(1),
                radar.stages.len(),
            )
        });
    let style_of = |layer: u8| -> Style {
        match layer {
            GRID => look.grid_style(),
            FOCUS => look.focus_style(),
            _ => series
                .iter()
                .find(|shape| series_layer(shape.kind) == layer)
                .map_or(Style::default(), |shape| look.series_style(shape.kind)),
        }
    };
    match look.drawing {
        Drawing::Braille => {
            let canvas = braille_plot(&mapping, &grid_ticks(radar), focus, &series);
            for (column, row, glyph, layer) in canvas.cells() {
                buf[(plot.x + column, plot.y + row)]
                    .set_char(glyph)
                    .set_style(style_of(layer));
            }
        }
        Drawing::Ascii => {
            let canvas = ascii_plot(&mapping, &grid_ticks(radar), focus, &series);
            for (column, row, mark, layer) in canvas.cells() {
                buf[(plot.x + column, plot.y + row)]
                    .set_char(mark)
                    .set_style(style_of(layer));
            }
        }
    }
    // Vertex markers, the same in both drawings, on top of everything.
    for SeriesShape { kind, vertices, .. } in &series {
        for point in vertices {
            if let Some((column, row)) = mapping.cell(*point) {
                buf[(plot.x + column, plot.y + row)]
                    .set_char(kind.marker(look.drawing))
                    .set_style(look.series_style(*kind));
            }
        }
    }
}

/// Plot units to braille dots (two across and four down per cell).
fn to_dots(mapping: &CellMapping, point: Point) -> DotPoint {
    let ([left, _], [_, top]) = mapping.bounds();
    DotPoint {
        x: (point.x - left) / mapping.unit_width * 2.0,
        y: (top - point.y) / mapping.unit_height * 4.0,
    }
}

fn braille_plot(
    mapping: &CellMapping,
    ticks: &[Point],
    focus: Option<Point>,
    series: &[SeriesShape],
) -> DotCanvas {
    let mut canvas = DotCanvas::new(mapping.columns, mapping.rows);
    for tick in ticks {
        let dot = to_dots(mapping, *tick);
        canvas.dot(dot.x + 0.5, dot.y + 0.5, GRID);
    }
    // The outer ring, every third dot: a frame that reads as a dotted circle.
    for dot in outer_ring(mapping, 3.0) {
        canvas.dot(dot.x + 0.5, dot.y + 0.5, GRID);
    }
    if let Some(end) = focus {
        let centre = to_dots(mapping, Point { x: 0.0, y: 0.0 });
        canvas.line(centre, to_dots(mapping, end), Stroke::Dotted, FOCUS);
    }
    for shape in series {
        for (a, b) in &shape.segments {
            canvas.line(
                to_dots(mapping, *a),
                to_dots(mapping, *b),
                shape.kind.stroke(),
                series_layer(shape.kind),
            );
        }
    }
    canvas
}

/// Points around the outer ring (radius 1), about `spacing` apart in braille dots.
fn outer_ring(mapping: &CellMapping, spacing: f64) -> Vec<DotPoint> {
    let radius = 2.0 / mapping.unit_width;
    let steps = (std::f64::consts::TAU * radius / spacing).round().max(8.0) as usize;
    (0..steps)
        .map(|step| {
            let angle = std::f64::consts::TAU * step as f64 / steps as f64;
            to_dots(
                mapping,
                Point {
                    x: angle.sin(),
                    y: angle.cos(),
                },
            )
        })
        .collect()
}

/// Plot units to cells.
fn to_cells(mapping: &CellMapping, point: Point) -> CellPoint {
    let ([left, _], [_, top]) = mapping.bounds();
    CellPoint {
        x: (point.x - left) / mapping.unit_width,
        y: (top - point.y) / mapping.unit_height,
    }
}

fn ascii_plot(
    mapping: &CellMapping,
    ticks: &[Point],
    focus: Option<Point>,
    series: &[SeriesShape],
) -> AsciiCanvas {
    let mut canvas = AsciiCanvas::new(mapping.columns, mapping.rows);
    for (index, tick) in ticks.iter().enumerate() {
        let cell = to_cells(mapping, *tick);
        // The first tick is the centre.
        let mark = if index == 0 { '+' } else { '.' };
        canvas.put(cell.x.floor() as i64, cell.y.floor() as i64, mark, GRID);
    }
    // The outer ring, every other cell it passes through: a dotted frame.
    let mut ring_cells: Vec<(i64, i64)> = Vec::new();
    for dot in outer_ring(mapping, 0.5) {
        let cell = ((dot.x / 2.0).floor() as i64, (dot.y / 4.0).floor() as i64);
        if ring_cells.last() != Some(&cell) && ring_cells.first() != Some(&cell) {
            ring_cells.push(cell);
        }
    }
    for (column, row) in ring_cells.iter().step_by(2) {
        canvas.put(*column, *row, '.', GRID);
    }
    if let Some(end) = focus {
        let centre = to_cells(mapping, Point { x: 0.0, y: 0.0 });
        canvas.trail(centre, to_cells(mapping, end), '.', FOCUS);
    }
    for shape in series {
        for (a, b) in &shape.segments {
            canvas.line(
                to_cells(mapping, *a),
                to_cells(mapping, *b),
                shape.kind.stroke(),
                series_layer(shape.kind),
            );
        }
    }
    canvas
}
