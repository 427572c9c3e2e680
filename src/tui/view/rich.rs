//! A routemap's text on screen: markdown (emphasis, strong, code, lists, links with their
//! address) drawn as styled lines wrapped to a width; plain text stays exactly as plain.

use crate::richtext::{LineKind, Marker, RichLine, RichText, SpanStyle};
use crate::tui::theme::Palette;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// `text` read as markdown and wrapped to `width`, every line indented by `indent`,
/// in `base` style (emphasis and the rest added to it).
pub fn lines(
    text: &str,
    width: usize,
    indent: usize,
    base: Style,
    palette: &Palette,
) -> Vec<Line<'static>> {
    let rich = RichText::parse(text);
    let width = width.saturating_sub(indent).max(8);
    let mut out = Vec::new();
    for line in &rich.lines {
        let (first, rest) = prefixes(line);
        let room = width.saturating_sub(first.width()).max(4);
        let pieces = styled_words(line, base, palette);
        let wrapped = wrap(&pieces, room);
        if wrapped.is_empty() {
            out.push(Line::default());
            continue;
        }
        for (index, spans) in wrapped.into_iter().enumerate() {
            let lead = if index == 0 { &first } else { &rest };
            let mut all = vec![Span::styled(format!("{}{lead}", " ".repeat(indent)), base)];
            all.extend(spans);
            out.push(Line::from(all));
        }
    }
    out
}

/// What goes before a line's text: a bullet or number for a list item (and the room it
/// takes on the item's further lines), a bar for a quote.
fn prefixes(line: &RichLine) -> (String, String) {
    match line.kind {
        LineKind::Item { depth, marker } => {
            let mark = match marker {
                Marker::Bullet => "• ".to_string(),
                Marker::Number(n) => format!("{n}. "),
            };
            let pad = "  ".repeat(depth);
            let hang = " ".repeat(mark.width());
            (format!("{pad}{mark}"), format!("{pad}{hang}"))
        }
        LineKind::ItemText { depth } => {
            let pad = "  ".repeat(depth + 1);
            (pad.clone(), pad)
        }
        LineKind::Quote => ("│ ".into(), "│ ".into()),
        _ => (String::new(), String::new()),
    }
}

/// One piece of a line to wrap: a space, or a word made of one or more styled parts
/// ("(", an address, ")" are one word: no line break may fall between them).
enum Piece {
    Space(Style),
    Word(Vec<(String, Style)>),
}

/// A line's text as pieces: words (glued across style changes) and the spaces between.
fn styled_words(line: &RichLine, base: Style, palette: &Palette) -> Vec<Piece> {
    if line.kind == LineKind::Rule {
        return vec![Piece::Word(vec![("────────".into(), palette.dim)])];
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let push_part = |pieces: &mut Vec<Piece>, part: String, style: Style| {
        match pieces.last_mut() {
            // No space since the last word: this part belongs to it.
            Some(Piece::Word(parts)) => parts.push((part, style)),
            _ => pieces.push(Piece::Word(vec![(part, style)])),
        }
    };
    for span in &line.spans {
        let style = match line.kind {
            LineKind::Heading(_) => style_of(span.style, base, palette)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            LineKind::Code => palette.dim,
            _ => style_of(span.style, base, palette),
        };
        let mut word = String::new();
        for c in span.text.chars() {
            if c == ' ' {
                if !word.is_empty() {
                    push_part(&mut pieces, std::mem::take(&mut word), style);
                }
                pieces.push(Piece::Space(style));
            } else {
                word.push(c);
            }
        }
        if !word.is_empty() {
            push_part(&mut pieces, word, style);
        }
    }
    pieces
}

fn style_of(span: SpanStyle, base: Style, palette: &Palette) -> Style {
    let mut style = base;
    if span.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if span.emphasis {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if span.code {
        style = style.patch(palette.key);
    }
    if span.link {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    if span.address {
        style = palette.dim;
    }
    style
}

/// Greedy word wrap of pieces to `width`; a word wider than the line is split.
fn wrap(pieces: &[Piece], width: usize) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for piece in pieces {
        let parts = match piece {
            Piece::Space(style) => {
                if used > 0 && used < width {
                    line.push(Span::styled(" ", *style));
                    used += 1;
                }
                continue;
            }
            Piece::Word(parts) => parts,
        };
        let word_width: usize = parts.iter().map(|(text, _)| text.width()).sum();
        if used > 0 && used + word_width > width {
            trim_trailing_space(&mut line);
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for (text, style) in parts {
            let mut rest = text.as_str();
            // A word longer than the whole line: as much as fits, then the rest.
            while used + rest.width() > width {
                let first = rest.chars().next().map_or(0, |c| {
                    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
                });
                if used > 0 && used + first > width {
                    // Not even its first character fits here: the rest on a new line.
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                    continue;
                }
                let cut = crate::text::split_at_width(rest, width.saturating_sub(used).max(1));
                line.push(Span::styled(rest[..cut].to_string(), *style));
                lines.push(std::mem::take(&mut line));
                used = 0;
                rest = &rest[cut..];
            }
            if !rest.is_empty() {
                line.push(Span::styled(rest.to_string(), *style));
                used += rest.width();
            }
        }
    }
    trim_trailing_space(&mut line);
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn trim_trailing_space(line: &mut Vec<Span<'static>>) {
    while line.last().is_some_and(|span| span.content == " ") {
        line.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn plain_text_wraps_as_plain() {
        let palette = Palette::monochrome();
        let shown = lines("one two three four", 9, 0, Style::default(), &palette);
        assert_eq!(text_of(&shown), ["one two", "three", "four"]);
    }

    #[test]
    fn markdown_is_drawn_not_shown() {
        let palette = Palette::monochrome();
        let text = "Keep **every** record.\n\n- a *list*\n- see [the guide](https://example.org/g)";
        let shown = lines(text, 60, 2, Style::default(), &palette);
        let plain = text_of(&shown);
        assert!(plain.iter().all(|line| !line.contains("**")), "{plain:?}");
        assert!(
            plain.contains(&"  Keep every record.".to_string()),
            "{plain:?}"
        );
        assert!(
            plain.iter().any(|l| l.starts_with("  • a list")),
            "{plain:?}"
        );
        assert!(
            plain
                .iter()
                .any(|l| l.contains("the guide") && l.contains("https://example.org/g")),
            "a link shows its address: {plain:?}"
        );
        let strong = shown
            .iter()
            .flat_map(|line| &line.spans)
            .find(|span| span.content == "every")
            .unwrap();
        assert!(strong.style.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn a_link_keeps_its_bracket_with_its_address() {
        let palette = Palette::monochrome();
        let text = "See [the docs](https://example.org/docs) and `code`.";
        for width in 14..40 {
            let plain = text_of(&lines(text, width, 0, Style::default(), &palette));
            assert!(
                plain.iter().all(|line| !line.ends_with('(')),
                "{width}: {plain:?}"
            );
            // Nothing is lost or doubled in the wrapping.
            let joined: String = plain.concat().split_whitespace().collect();
            assert_eq!(joined, "Seethedocs(https://example.org/docs)andcode.");
        }
    }

    proptest::proptest! {
        #[test]
        fn no_line_is_wider_than_asked(
            text in "([a-zé界 ()*_`\\[\\]]|\\[x\\]\\(https://e\\.org/[a-z]{0,30}\\)){0,40}",
            width in 10usize..50,
        ) {
            let palette = Palette::monochrome();
            for line in lines(&text, width, 2, Style::default(), &palette) {
                proptest::prop_assert!(line.width() <= width, "{line:?}");
            }
        }
    }

    #[test]
    fn list_items_hang_their_further_lines() {
        let palette = Palette::monochrome();
        let shown = lines(
            "- one two three four five",
            12,
            0,
            Style::default(),
            &palette,
        );
        let plain = text_of(&shown);
        assert_eq!(plain[0], "• one two");
        assert!(plain[1].starts_with("  "), "{plain:?}");
    }
}
