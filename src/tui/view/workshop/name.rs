//! Text in large type on screen, from `workshop::bigtype`: the theme's name (letters the
//! font lacks composed, what it cannot draw shown beneath in normal type), and the
//! rows of any large text as lines a screen draws or scrolls.

use super::Ctx;
use crate::text::{ellipsize, wrap_words};
use crate::workshop::bigtype::{self, BigType};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// The rows of a large text as lines, in `style` made solid.
pub fn big_lines(big: &BigType, style: Style) -> Vec<Line<'static>> {
    let style = solid(style);
    big.rows
        .iter()
        .map(|row| Line::styled(row.clone(), style))
        .collect()
}

/// A style for block glyphs: never underlined (the monochrome palette marks some
/// meanings so), since under blocks and the blanks between them an underline only draws
/// stray lines.
pub fn solid(style: Style) -> Style {
    style.remove_modifier(Modifier::UNDERLINED)
}

/// The theme's name in large type when it fits `area`, else in normal type (up to three
/// lines); returns the rows it took.
pub fn draw_name(cx: &Ctx, frame: &mut Frame, area: Rect, name: &str) -> u16 {
    let lines = name_lines(name, area.width, area.height, cx.palette.heading);
    let rows = lines.len() as u16;
    super::super::draw_lines(
        frame,
        Rect {
            height: rows,
            ..area
        },
        &lines,
        0,
    );
    rows
}

/// The name's lines for an area `width` × `height`: the large rows, then what the font
/// could not draw in normal type (within the height when a smaller size allows, else on
/// the row below it: the large type is not given up for an emoji).
pub fn name_lines(name: &str, width: u16, height: u16, style: Style) -> Vec<Line<'static>> {
    let large = bigtype::layout(name, width, height).map(|big| match big.left_out {
        Some(_) if big.rows.len() as u16 + 1 > height => {
            bigtype::layout(name, width, height.saturating_sub(1)).unwrap_or(big)
        }
        _ => big,
    });
    if let Some(big) = large {
        let mut lines = big_lines(&big, style);
        if let Some(left_out) = &big.left_out {
            lines.push(Line::styled(left_out.clone(), style));
        }
        return lines;
    }
    let mut wrapped = wrap_words(name, usize::from(width.max(1)));
    if wrapped.len() > 3 {
        let rest = wrapped.split_off(2).join(" ");
        wrapped.push(ellipsize(&rest, usize::from(width), "…"));
    }
    wrapped
        .into_iter()
        .map(|line| Line::styled(line, style.add_modifier(Modifier::UNDERLINED)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    #[test]
    fn a_welsh_name_with_an_emoji_is_large_with_the_emoji_beneath() {
        let lines = name_lines("Dŵr a Gwastraff 🐉", 160, 9, Style::default());
        assert_eq!(lines.len(), 9, "eight rows of large type and one beneath");
        assert_eq!(text(&lines)[8], "🐉");
        assert!(text(&lines)[0].contains('█'));
        let smaller = name_lines("Dŵr 🐉", 60, 8, Style::default());
        assert_eq!(
            smaller.len(),
            5,
            "a smaller size leaves a row for what the font lacks"
        );
        let tight = name_lines("Dŵr 🐉", 60, 4, Style::default());
        assert_eq!(tight.len(), 5, "no smaller size: the row beneath");
        assert_eq!(text(&tight)[4], "🐉");
    }

    #[test]
    fn a_name_too_long_for_large_type_is_plain_text_in_three_lines_at_most() {
        let name =
            "Information management, assurance and transparency across all partners in the region";
        let lines = name_lines(name, 30, 4, Style::default());
        assert_eq!(lines.len(), 3);
        assert!(text(&lines)[2].ends_with('…'));
        let emoji = name_lines("🚒🚒", 80, 8, Style::default());
        assert_eq!(text(&emoji), ["🚒🚒"], "nothing to draw large: plain");
    }
}
