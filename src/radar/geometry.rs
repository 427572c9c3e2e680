//! The radar's geometry, in plot units: the centre at (0, 0), the outermost ring (the top
//! stage) at radius 1, y upwards. Pure math, tested on its own.

use std::f64::consts::TAU;

/// A point in plot units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The direction of spoke `index` of `count`: from 12 o'clock, clockwise, evenly spaced,
/// as (sin, cos) of the angle from the vertical.
pub fn spoke_direction(index: usize, count: usize) -> (f64, f64) {
    let angle = TAU * index as f64 / count.max(1) as f64;
    (angle.sin(), angle.cos())
}

/// The radius of the ring for stage `stage_index` (0 = lowest) on a scale of `stages`:
/// the lowest stage is the innermost ring, the top stage the outermost (radius 1); the
/// centre itself means no answer.
pub fn ring_radius(stage_index: usize, stages: usize) -> f64 {
    (stage_index + 1) as f64 / stages.max(1) as f64
}

/// Where a theme's answer sits: on its spoke, at its stage's ring.
pub fn vertex(spoke: usize, spokes: usize, stage_index: usize, stages: usize) -> Point {
    let (sin, cos) = spoke_direction(spoke, spokes);
    let radius = ring_radius(stage_index, stages);
    Point {
        x: radius * sin,
        y: radius * cos,
    }
}

/// The segments of a series' polygon: consecutive answered spokes are joined (the last
/// back to the first), and an unanswered spoke leaves a gap instead of dropping to zero.
pub fn polygon_segments(points: &[Option<Point>]) -> Vec<(Point, Point)> {
    let count = points.len();
    if count < 2 {
        return Vec::new();
    }
    (0..count)
        .filter_map(|index| {
            let next = (index + 1) % count;
            // With two spokes, the wrap-around segment would retrace the first.
            if count == 2 && index == 1 {
                return None;
            }
            Some((points[index]?, points[next]?))
        })
        .collect()
}

/// A ring as a closed polyline of `steps` segments (a circle in plot units).
pub fn ring(radius: f64, steps: usize) -> Vec<(Point, Point)> {
    let steps = steps.max(8);
    let at = |step: usize| {
        let angle = TAU * step as f64 / steps as f64;
        Point {
            x: radius * angle.sin(),
            y: radius * angle.cos(),
        }
    };
    (0..steps).map(|step| (at(step), at(step + 1))).collect()
}

/// The most spokes a plot `columns` wide can show before it turns into a mesh: the
/// polygon's edges at the middle ring must stay at least [`MIN_EDGE_DOTS`] braille dots
/// long, long enough for a dashed stroke to show a dash, a gap and a dash. Decided by
/// width alone: a round plot's height follows from its width.
pub fn max_spokes(columns: u16) -> usize {
    // The plot's radius is `columns / 2` cells, two dots a cell across: `columns` dots.
    let middle_ring_dots = std::f64::consts::PI * f64::from(columns);
    (middle_ring_dots / MIN_EDGE_DOTS).floor() as usize
}

/// The shortest a polygon edge may be at the middle ring, in braille dots.
pub const MIN_EDGE_DOTS: f64 = 6.0;

/// Maps plot units to a grid of cells that is `columns` wide and `rows` high, where a
/// cell is twice as tall as it is wide (a terminal's character cell). The unit circle,
/// plus `margin`, is fitted into the grid and kept round.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellMapping {
    pub columns: u16,
    pub rows: u16,
    /// Plot units per cell, across.
    pub unit_width: f64,
    /// Plot units per cell, down (twice `unit_width` for round rings).
    pub unit_height: f64,
}

/// The height of a character cell as a multiple of its width.
pub const CELL_ASPECT: f64 = 2.0;

impl CellMapping {
    pub fn new(columns: u16, rows: u16, margin: f64) -> Self {
        let span = 2.0 * (1.0 + margin);
        // Physical size of the grid in cell widths: columns across, rows * aspect down.
        let physical_width = f64::from(columns.max(1));
        let physical_height = f64::from(rows.max(1)) * CELL_ASPECT;
        let units_per_width = span / physical_width.min(physical_height);
        CellMapping {
            columns,
            rows,
            unit_width: units_per_width,
            unit_height: units_per_width * CELL_ASPECT,
        }
    }

    /// The plot-unit bounds of the grid, for a canvas: ([left, right], [bottom, top]).
    pub fn bounds(&self) -> ([f64; 2], [f64; 2]) {
        let half_width = self.unit_width * f64::from(self.columns) / 2.0;
        let half_height = self.unit_height * f64::from(self.rows) / 2.0;
        ([-half_width, half_width], [-half_height, half_height])
    }

    /// The cell (column, row) a point falls in, or `None` outside the grid.
    pub fn cell(&self, point: Point) -> Option<(u16, u16)> {
        let ([left, _], [_, top]) = self.bounds();
        let column = ((point.x - left) / self.unit_width).floor();
        let row = ((top - point.y) / self.unit_height).floor();
        let inside = column >= 0.0
            && row >= 0.0
            && column < f64::from(self.columns)
            && row < f64::from(self.rows);
        // In range by the check above, so the casts cannot truncate.
        inside.then_some((column as u16, row as u16))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn spokes_start_at_twelve_and_go_clockwise() {
        let (sin, cos) = spoke_direction(0, 4);
        assert!(close(sin, 0.0) && close(cos, 1.0), "first spoke points up");
        let (sin, cos) = spoke_direction(1, 4);
        assert!(
            close(sin, 1.0) && close(cos, 0.0),
            "second spoke points right: clockwise"
        );
        let (sin, cos) = spoke_direction(2, 4);
        assert!(close(sin, 0.0) && close(cos, -1.0));
        let (sin, _) = spoke_direction(1, 12);
        assert!(close(sin, 0.5), "12 spokes are 30 degrees apart");
    }

    #[test]
    fn the_top_stage_lands_on_the_outer_ring() {
        let top = vertex(0, 12, 4, 5);
        assert!(close(top.x, 0.0) && close(top.y, 1.0));
        let lowest = vertex(3, 12, 0, 5);
        assert!(
            close((lowest.x.powi(2) + lowest.y.powi(2)).sqrt(), 0.2),
            "lowest stage is the innermost ring, not the centre"
        );
        assert!(close(ring_radius(2, 5), 0.6));
    }

    #[test]
    fn gaps_break_the_polygon() {
        let p = |x| Some(Point { x, y: 0.0 });
        assert_eq!(
            polygon_segments(&[p(1.0), p(2.0), p(3.0)]).len(),
            3,
            "closed"
        );
        assert_eq!(polygon_segments(&[p(1.0), None, p(3.0), p(4.0)]).len(), 2);
        assert_eq!(polygon_segments(&[p(1.0), None, None]).len(), 0);
        assert_eq!(
            polygon_segments(&[p(1.0), p(2.0)]).len(),
            1,
            "two spokes: one segment"
        );
    }

    #[test]
    fn cells_are_corrected_for_aspect_so_rings_are_round() {
        let mapping = CellMapping::new(40, 20, 0.0);
        assert!(close(mapping.unit_height, 2.0 * mapping.unit_width));
        // The unit circle spans the full width and the full height.
        assert_eq!(
            mapping.cell(Point { x: -0.999, y: 0.0 }).map(|c| c.0),
            Some(0)
        );
        assert_eq!(
            mapping.cell(Point { x: 0.999, y: 0.0 }).map(|c| c.0),
            Some(39)
        );
        assert_eq!(
            mapping.cell(Point { x: 0.0, y: 0.999 }).map(|c| c.1),
            Some(0)
        );
        assert_eq!(
            mapping.cell(Point { x: 0.0, y: -0.999 }).map(|c| c.1),
            Some(19)
        );
        assert_eq!(mapping.cell(Point { x: 1.5, y: 0.0 }), None);
    }

    #[test]
    fn the_spoke_limit_grows_with_the_width() {
        assert_eq!(max_spokes(22), 11, "a 22-column plot cannot take 12 spokes");
        assert_eq!(max_spokes(40), 20);
        assert_eq!(max_spokes(60), 31, "30 themes fit a 60-column plot");
        assert!(max_spokes(110) < 60, "60 themes never fit a printed radar");
        assert_eq!(max_spokes(0), 0);
    }

    #[test]
    fn a_wide_grid_keeps_the_circle_round_by_height() {
        let mapping = CellMapping::new(100, 20, 0.0);
        let ([left, right], [bottom, top]) = mapping.bounds();
        assert!(close(top - bottom, 2.0));
        assert!(close((right - left) / (top - bottom), 100.0 / 40.0));
    }
}
