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

    /// The table as lines, columns two spaces apart.
    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|column| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(column))
                    .map(|cell| cell.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (column, cell) in row.iter().enumerate() {
                if column > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                line.extend(std::iter::repeat_n(
                    ' ',
                    widths[column].saturating_sub(cell.width()),
                ));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

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
    fn cells_cannot_carry_controls_or_break_lines() {
        let mut table = Table::new(["name", "n"]);
        table.row(["a\u{1b}[2J\rok\nnext\u{202e}", "1"]);
        assert_eq!(
            table.render(),
            "name                      n\na^[[2J^Mok^Jnext\\u{202e}  1\n"
        );
    }
}
