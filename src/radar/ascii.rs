//! An ASCII line canvas: one character per step along a line's longer axis, so a sloped
//! edge is a single stroke (`__/`, `\__`, `/`), never two or three characters thick.
//! Series differ in their characters, not only in colour: the current stages in line
//! characters, the target in `:`, a comparison in `~`. Each cell belongs to the topmost
//! layer that drew in it.

use super::Stroke;

/// A point in cells: x to the right, y down; cell (c, r) spans [c, c+1) × [r, r+1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellPoint {
    pub x: f64,
    pub y: f64,
}

pub struct AsciiCanvas {
    columns: u16,
    rows: u16,
    /// (character, layer); layer 0 is empty.
    cells: Vec<(char, u8)>,
}

impl Stroke {
    /// The character a line in this stroke is drawn with, or `None` for line characters
    /// chosen by slope (the solid stroke).
    pub fn ascii_mark(self) -> Option<char> {
        match self {
            Stroke::Solid => None,
            Stroke::Dashed => Some(':'),
            Stroke::Dotted => Some('~'),
        }
    }
}

impl AsciiCanvas {
    pub fn new(columns: u16, rows: u16) -> Self {
        AsciiCanvas {
            columns,
            rows,
            cells: vec![(' ', 0); usize::from(columns) * usize::from(rows)],
        }
    }

    /// Puts `mark` at a cell on `layer`, unless a higher layer owns it.
    pub fn put(&mut self, column: i64, row: i64, mark: char, layer: u8) {
        let (Ok(column), Ok(row)) = (usize::try_from(column), usize::try_from(row)) else {
            return;
        };
        if column >= usize::from(self.columns) || row >= usize::from(self.rows) {
            return;
        }
        let cell = &mut self.cells[row * usize::from(self.columns) + column];
        if layer >= cell.1 {
            *cell = (mark, layer);
        }
    }

    /// A line from `a` to `b` in `stroke`: the cells at its ends are left to markers.
    pub fn line(&mut self, a: CellPoint, b: CellPoint, stroke: Stroke, layer: u8) {
        self.draw(a, b, stroke.ascii_mark(), layer);
    }

    /// A line from `a` to `b` all in `mark`.
    pub fn trail(&mut self, a: CellPoint, b: CellPoint, mark: char, layer: u8) {
        self.draw(a, b, Some(mark), layer);
    }

    /// A line in `mark`, or in line characters chosen by slope when `None`.
    fn draw(&mut self, a: CellPoint, b: CellPoint, mark: Option<char>, layer: u8) {
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        // Physically a cell is twice as tall as it is wide.
        if dx.abs() >= dy.abs() * 2.0 {
            self.shallow(a, b, mark, layer);
        } else {
            self.steep(a, b, mark, layer);
        }
    }

    /// One character per column: `_` along the run, `/` or `\` where the row steps.
    fn shallow(&mut self, a: CellPoint, b: CellPoint, mark: Option<char>, layer: u8) {
        let (a, b) = if a.x <= b.x { (a, b) } else { (b, a) };
        let row_at = |column: i64| -> i64 {
            let x = column as f64 + 0.5;
            let t = ((x - a.x) / (b.x - a.x)).clamp(0.0, 1.0);
            (a.y + (b.y - a.y) * t).floor() as i64
        };
        let (first, last) = (a.x.floor() as i64, b.x.floor() as i64);
        let level = row_at(first) == row_at(last);
        for column in first + 1..last {
            let row = row_at(column);
            let mark = match mark {
                Some(mark) => mark,
                None if level => '-',
                // Rising: the last cell of a run climbs to the next row.
                None if b.y < a.y && row_at(column + 1) < row => '/',
                // Falling: the first cell of a run drops from the row above.
                None if b.y > a.y && row_at(column - 1) < row => '\\',
                None => '_',
            };
            self.put(column, row, mark, layer);
        }
    }

    /// One character per row: `|` when the line stays in its column, else `/` or `\`.
    fn steep(&mut self, a: CellPoint, b: CellPoint, mark: Option<char>, layer: u8) {
        let (a, b) = if a.y <= b.y { (a, b) } else { (b, a) };
        let column_at = |row: i64| -> i64 {
            let y = row as f64 + 0.5;
            let t = ((y - a.y) / (b.y - a.y)).clamp(0.0, 1.0);
            (a.x + (b.x - a.x) * t).floor() as i64
        };
        let (first, last) = (a.y.floor() as i64, b.y.floor() as i64);
        // Columns per row: below about a third of a column the line reads as upright.
        let lean = (b.x - a.x) / (b.y - a.y);
        for row in first + 1..last {
            let column = column_at(row);
            let mark = match mark {
                Some(mark) => mark,
                None if lean.abs() < 0.3 => '|',
                // Going down the screen: leaning left is `/`, leaning right is `\`.
                None if lean < 0.0 => '/',
                None => '\\',
            };
            self.put(column, row, mark, layer);
        }
    }

    /// Every drawn cell: (column, row, character, layer).
    pub fn cells(&self) -> impl Iterator<Item = (u16, u16, char, u8)> + '_ {
        let columns = usize::from(self.columns.max(1));
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, (_, layer))| *layer != 0)
            .filter_map(move |(index, (mark, layer))| {
                let column = u16::try_from(index % columns).ok()?;
                let row = u16::try_from(index / columns).ok()?;
                Some((column, row, *mark, *layer))
            })
    }
}

/// A short horizontal sample of a stroke for the legend, `cells` wide.
pub fn stroke_sample(stroke: Stroke, cells: u16) -> String {
    let mark = stroke.ascii_mark().unwrap_or('-');
    std::iter::repeat_n(mark, usize::from(cells)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(columns: u16, rows: u16, a: (f64, f64), b: (f64, f64), stroke: Stroke) -> Vec<String> {
        let mut canvas = AsciiCanvas::new(columns, rows);
        canvas.line(
            CellPoint { x: a.0, y: a.1 },
            CellPoint { x: b.0, y: b.1 },
            stroke,
            1,
        );
        let mut grid = vec![vec![' '; usize::from(columns)]; usize::from(rows)];
        for (column, row, mark, _) in canvas.cells() {
            grid[usize::from(row)][usize::from(column)] = mark;
        }
        grid.into_iter()
            .map(|r| r.into_iter().collect::<String>().trim_end().to_string())
            .collect()
    }

    #[test]
    fn a_rising_shallow_line_is_one_stroke() {
        let lines = draw(9, 3, (0.5, 2.5), (8.5, 0.5), Stroke::Solid);
        assert_eq!(lines, vec!["       _", "   ___/", " _/"]);
    }

    #[test]
    fn a_falling_shallow_line_is_one_stroke() {
        let lines = draw(9, 3, (0.5, 0.5), (8.5, 2.5), Stroke::Solid);
        assert_eq!(lines, vec![" _", "  \\___", "      \\_"]);
    }

    #[test]
    fn a_steep_line_is_one_character_a_row() {
        let lines = draw(4, 5, (0.5, 4.5), (3.5, 0.5), Stroke::Solid);
        for line in &lines[1..4] {
            assert_eq!(line.trim().len(), 1, "{lines:?}");
        }
        assert!(lines[1..4].iter().all(|l| l.trim() == "/"), "{lines:?}");
        let upright = draw(3, 5, (1.5, 0.5), (1.5, 4.5), Stroke::Solid);
        assert_eq!(upright[1..4], [" |", " |", " |"]);
    }

    #[test]
    fn strokes_differ_in_characters() {
        let solid = draw(10, 1, (0.5, 0.5), (9.5, 0.5), Stroke::Solid);
        let dashed = draw(10, 1, (0.5, 0.5), (9.5, 0.5), Stroke::Dashed);
        let dotted = draw(10, 1, (0.5, 0.5), (9.5, 0.5), Stroke::Dotted);
        assert_eq!(solid, vec![" --------"]);
        assert_eq!(dashed, vec![" ::::::::"]);
        assert_eq!(dotted, vec![" ~~~~~~~~"]);
    }
}
