//! A rendered `Buffer` as printable text: one line per row, trailing blanks trimmed, and
//! ANSI colour only when asked, at the depth asked.

use crate::term::{self, Colors};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// The buffer's rows as text lines, in 24-bit colour when `color`.
pub fn buffer_to_text(buf: &Buffer, color: bool) -> String {
    buffer_to_text_in(
        buf,
        if color {
            Colors::TrueColor
        } else {
            Colors::Off
        },
    )
}

/// The buffer's rows as text lines, colours brought down to what `colors` can show.
pub fn buffer_to_text_in(buf: &Buffer, colors: Colors) -> String {
    let color = colors.on();
    let area = buf.area;
    let mut out = String::new();
    for row in area.top()..area.bottom() {
        let mut cells: Vec<(&str, Color, bool)> = Vec::new();
        let mut skip = 0usize;
        for column in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(column, row)];
            // A wide character covers the cells after it.
            skip = cell.symbol().width().saturating_sub(1);
            cells.push((
                cell.symbol(),
                cell.fg,
                cell.modifier.contains(Modifier::BOLD),
            ));
        }
        while cells
            .last()
            .is_some_and(|(symbol, _, _)| symbol.trim().is_empty())
        {
            cells.pop();
        }
        let mut current: Option<(Color, bool)> = None;
        for (symbol, fg, bold) in cells {
            if color && current != Some((fg, bold)) {
                out.push_str(&term::sgr(term::fit(fg, colors), bold));
                current = Some((fg, bold));
            }
            out.push_str(symbol);
        }
        if current.is_some() {
            out.push_str("\u{1b}[0m");
        }
        out.push('\n');
    }
    // Blank rows at the end say nothing.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Where each style lands in a buffer, for snapshots that can see a wrong colour: one
/// letter a cell for its style (in order of first use), `.` for the default style and a
/// blank for a blank cell in it, then a legend of what each letter is.
pub fn style_map(buf: &Buffer) -> String {
    const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut styles: Vec<(Color, Color, Modifier)> = Vec::new();
    let mut map = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let mut line = String::new();
        for x in buf.area.left()..buf.area.right() {
            let cell = &buf[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            if style == (Color::Reset, Color::Reset, Modifier::empty()) {
                line.push(if cell.symbol().trim().is_empty() {
                    ' '
                } else {
                    '.'
                });
                continue;
            }
            let index = styles
                .iter()
                .position(|known| *known == style)
                .unwrap_or_else(|| {
                    styles.push(style);
                    styles.len() - 1
                });
            line.push(LETTERS.chars().nth(index).unwrap_or('?'));
        }
        map.push_str(line.trim_end());
        map.push('\n');
    }
    for (letter, (fg, bg, modifier)) in LETTERS.chars().zip(&styles) {
        let _ = writeln!(map, "{letter}: fg {fg:?}, bg {bg:?}, {modifier:?}");
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn plain_text_trims_and_skips_wide_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 3));
        buf.set_string(0, 0, "東京 ok", Style::default());
        buf.set_string(1, 1, "x", Style::default());
        assert_eq!(buffer_to_text(&buf, false), "東京 ok\n x\n");
    }

    #[test]
    fn a_style_map_names_every_style_once() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        buf.set_string(0, 0, "ab", Style::default().fg(Color::Red));
        buf.set_string(3, 0, "c", Style::default());
        buf.set_string(0, 1, "d", Style::default().fg(Color::Red));
        buf.set_string(1, 1, " e", Style::default().add_modifier(Modifier::BOLD));
        assert_eq!(
            style_map(&buf),
            "AA .\nABB\nA: fg Red, bg Reset, NONE\nB: fg Reset, bg Reset, BOLD\n"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_string(0, 0, "ab", Style::default().fg(Color::Rgb(0, 114, 178)));
        assert!(!buffer_to_text(&buf, false).contains('\u{1b}'));
        assert_eq!(
            buffer_to_text(&buf, true),
            "\u{1b}[0;38;2;0;114;178mab\u{1b}[0m\n"
        );
        assert_eq!(
            buffer_to_text_in(&buf, Colors::Indexed),
            "\u{1b}[0;38;5;25mab\u{1b}[0m\n"
        );
        assert_eq!(
            buffer_to_text_in(&buf, Colors::Basic),
            "\u{1b}[0;34mab\u{1b}[0m\n"
        );
    }
}
