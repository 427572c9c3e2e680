//! A braille dot canvas: 2×4 dots per cell, lines drawn in a stroke (solid, dashed,
//! dotted). Each cell belongs to the topmost layer that drew in it, so a series' cell
//! never mixes in the grid's dots and strokes stay recognisable without colour.

use super::Stroke;

/// Dots in screen order: x to the right, y down, both in dots (2 per cell across,
/// 4 down); a dot is as tall as it is wide on a terminal whose cells are 1:2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DotPoint {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct DotCell {
    dots: u8,
    /// 0 for an empty cell; otherwise the layer that owns it.
    layer: u8,
}

pub struct DotCanvas {
    columns: u16,
    rows: u16,
    cells: Vec<DotCell>,
}

/// The braille bit of dot (column, row) within a cell (Unicode's dot numbering).
fn bit(column: usize, row: usize) -> u8 {
    match (column, row) {
        (0, 0) => 0x01,
        (0, 1) => 0x02,
        (0, 2) => 0x04,
        (1, 0) => 0x08,
        (1, 1) => 0x10,
        (1, 2) => 0x20,
        (0, _) => 0x40,
        _ => 0x80,
    }
}

impl Stroke {
    /// Whether the `step`th dot along a line is inked: solid every dot, dashed four on
    /// four off (a horizontal dash fills two cells, then two are blank: shorter gaps
    /// looked solid on screen), dotted every other.
    pub fn inks(self, step: usize) -> bool {
        match self {
            Stroke::Solid => true,
            Stroke::Dashed => step % 8 < 4,
            Stroke::Dotted => step.is_multiple_of(2),
        }
    }
}

impl DotCanvas {
    pub fn new(columns: u16, rows: u16) -> Self {
        DotCanvas {
            columns,
            rows,
            cells: vec![DotCell::default(); usize::from(columns) * usize::from(rows)],
        }
    }

    /// Inks one dot on `layer` (1 and up); a higher layer takes the cell over.
    pub fn dot(&mut self, x: f64, y: f64, layer: u8) {
        let (x, y) = (x.floor(), y.floor());
        if x < 0.0 || y < 0.0 {
            return;
        }
        // Non-negative and compared against the size below, so the casts are exact.
        let (x, y) = (x as usize, y as usize);
        let (column, row) = (x / 2, y / 4);
        if column >= usize::from(self.columns) || row >= usize::from(self.rows) {
            return;
        }
        let cell = &mut self.cells[row * usize::from(self.columns) + column];
        if layer > cell.layer {
            *cell = DotCell { dots: 0, layer };
        }
        if layer == cell.layer {
            cell.dots |= bit(x % 2, y % 4);
        }
    }

    /// A line from `a` to `b` in `stroke`, one dot per step along its longer axis.
    pub fn line(&mut self, a: DotPoint, b: DotPoint, stroke: Stroke, layer: u8) {
        let steps = (b.x - a.x).abs().max((b.y - a.y).abs()).round().max(1.0) as usize;
        for step in 0..=steps {
            if !stroke.inks(step) {
                continue;
            }
            let t = step as f64 / steps as f64;
            self.dot(
                a.x + (b.x - a.x) * t + 0.5,
                a.y + (b.y - a.y) * t + 0.5,
                layer,
            );
        }
    }

    /// Every inked cell: (column, row, braille character, layer).
    pub fn cells(&self) -> impl Iterator<Item = (u16, u16, char, u8)> + '_ {
        let columns = usize::from(self.columns.max(1));
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, cell)| cell.dots != 0)
            .filter_map(move |(index, cell)| {
                let glyph = char::from_u32(0x2800 + u32::from(cell.dots))?;
                let column = u16::try_from(index % columns).ok()?;
                let row = u16::try_from(index / columns).ok()?;
                Some((column, row, glyph, cell.layer))
            })
    }
}

/// A short horizontal sample of a stroke, `cells` wide, for the legend.
pub fn stroke_sample(stroke: Stroke, cells: u16) -> String {
    let mut canvas = DotCanvas::new(cells, 1);
    let end = f64::from(cells * 2) - 1.0;
    canvas.line(
        DotPoint { x: 0.0, y: 1.0 },
        DotPoint { x: end, y: 1.0 },
        stroke,
        1,
    );
    let mut sample: Vec<char> = vec![' '; usize::from(cells)];
    for (column, _, glyph, _) in canvas.cells() {
        sample[usize::from(column)] = glyph;
    }
    sample.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(canvas: &DotCanvas) -> Vec<String> {
        let mut rows = vec![vec![' '; usize::from(canvas.columns)]; usize::from(canvas.rows)];
        for (column, row, glyph, _) in canvas.cells() {
            rows[usize::from(row)][usize::from(column)] = glyph;
        }
        rows.into_iter().map(|r| r.into_iter().collect()).collect()
    }

    #[test]
    fn strokes_differ_in_their_dots() {
        assert_eq!(stroke_sample(Stroke::Solid, 6), "⠒⠒⠒⠒⠒⠒");
        assert_eq!(stroke_sample(Stroke::Dashed, 6), "⠒⠒  ⠒⠒");
        assert_eq!(stroke_sample(Stroke::Dotted, 6), "⠂⠂⠂⠂⠂⠂");
    }

    #[test]
    fn a_higher_layer_takes_the_whole_cell() {
        let mut canvas = DotCanvas::new(2, 1);
        canvas.dot(0.0, 0.0, 1);
        canvas.dot(2.0, 0.0, 1);
        canvas.dot(1.0, 3.0, 2);
        assert_eq!(text(&canvas), vec!["⢀⠁"]);
        // A lower layer cannot draw into a cell a higher one owns.
        canvas.dot(0.0, 1.0, 1);
        assert_eq!(text(&canvas), vec!["⢀⠁"]);
    }

    #[test]
    fn dots_outside_the_canvas_are_ignored() {
        let mut canvas = DotCanvas::new(1, 1);
        canvas.dot(-1.0, 0.0, 1);
        canvas.dot(2.0, 0.0, 1);
        canvas.dot(0.0, 4.0, 1);
        assert_eq!(canvas.cells().count(), 0);
    }

    #[test]
    fn a_diagonal_is_one_dot_thick() {
        let mut canvas = DotCanvas::new(2, 1);
        canvas.line(
            DotPoint { x: 0.0, y: 0.0 },
            DotPoint { x: 3.0, y: 3.0 },
            Stroke::Solid,
            1,
        );
        assert_eq!(text(&canvas), vec!["⠑⢄"]);
    }
}
