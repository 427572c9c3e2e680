//! Plain-text tables for command output: columns aligned by display width (so Welsh,
//! emoji and CJK line up), no colour, no trailing spaces. Cells hold text from files, so
//! each passes the sanitiser on the way in and stays on one line.

use unicode_width::UnicodeWidthStr;

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        Table {
            rows: vec![header.into_iter().map(cell).collect()],
        }
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(cell).collect());
    }

    fn columns(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// True for the last cell of a row shorter than the table: it runs on into the
    /// columns the row leaves empty, so it widens none of them.
    fn runs_on(&self, row: &[String], column: usize) -> bool {
        row.len() < self.columns() && column + 1 == row.len()
    }

    /// Each column's natural width: its widest cell.
    fn natural_widths(&self) -> Vec<usize> {
        (0..self.columns())
            .map(|column| {
                self.rows
                    .iter()
                    .filter(|row| !self.runs_on(row, column))
                    .filter_map(|row| row.get(column))
                    .map(|cell| cell.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// The table as lines, columns two spaces apart.
    pub fn render(&self) -> String {
        self.render_widths(&self.natural_widths())
    }

    /// The table in at most `width` columns where it can be: the columns of the first
    /// group in `shrink` give up room, the widest first, down to six columns, their
    /// cells (and header) cut with `…`; then the next group's. Other columns keep their
    /// width.
    pub fn render_within(&self, width: usize, shrink: &[&[usize]]) -> String {
        let mut widths = self.natural_widths();
        let floors: Vec<usize> = widths.iter().map(|&w| MIN_SHRUNK.min(w)).collect();
        let total =
            |widths: &[usize]| widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        for group in shrink {
            while total(&widths) > width {
                let widest = group
                    .iter()
                    .copied()
                    .filter(|&c| c < widths.len() && widths[c] > floors[c])
                    .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)));
                let Some(column) = widest else { break };
                widths[column] -= 1;
            }
        }
        self.render_widths(&widths)
    }

    fn render_widths(&self, widths: &[usize]) -> String {
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (column, cell) in row.iter().enumerate() {
                if column > 0 {
                    line.push_str("  ");
                }
                let room = if self.runs_on(row, column) {
                    widths[column..].iter().map(|w| w + 2).sum::<usize>() - 2
                } else {
                    widths[column]
                };
                let cut = crate::text::ellipsize(cell, room, "…");
                line.push_str(&cut);
                line.extend(std::iter::repeat_n(
                    ' ',
                    widths[column].saturating_sub(cut.width()),
                ));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// The narrowest a shrinking column gets.
const MIN_SHRUNK: usize = 6;

/// A cell's text, one line, every control shown rather than sent.
fn cell<S: Into<String>>(text: S) -> String {
    let text = text.into();
    match crate::sanitize::line(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut table = Table::new(["name", "n"]);
        table.row(["Môn", "1"]);
        table.row(["東京", "22"]);
        assert_eq!(table.render(), "name  n\nMôn   1\n東京  22\n");
    }

    #[test]
    fn a_table_fits_the_width_by_cutting_the_columns_that_may_shrink() {
        let mut table = Table::new(["NAME", "AUTHORITY", "N"]);
        table.row(["anytown", &"Very Long Borough Council ".repeat(10), "1"]);
        table.row(["b", "Short", "22"]);
        let text = table.render_within(40, &[&[1]]);
        for line in text.lines() {
            assert!(line.width() <= 40, "{line:?}");
        }
        assert!(text.contains("Very Long Borough Council…   1"), "{text}");
        assert!(text.lines().nth(2).unwrap().ends_with("  22"), "{text}");
        assert_eq!(table.render_within(1000, &[&[1]]), table.render());
    }

    #[test]
    fn cells_cannot_carry_controls_or_break_lines() {
        let mut table = Table::new(["name", "n"]);
        table.row(["a\u{1b}[2J\rok\nnext\u{202e}", "1"]);
        assert_eq!(
            table.render(),
            "name                      n\na^[[2J^Mok^Jnext\\u{202e}  1\n"
        );
    }
}
