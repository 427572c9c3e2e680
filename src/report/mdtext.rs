//! Text from files made safe for markdown: sanitised (`crate::sanitize`), then every
//! character markdown gives a meaning escaped, so a name can neither break a table
//! (`|`) nor turn into a link, heading, list or raw HTML.

use crate::richtext::{LineKind, Marker, RichLine, RichText, Span};
use crate::sanitize;

/// The characters that mean something to markdown (or to the HTML it may hold).
const MARKUP: [char; 13] = [
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!',
];

/// Text on one line, escaped for markdown (also safe in a table cell).
pub fn inline(text: &str) -> String {
    let clean = sanitize::line(text);
    if !clean.contains(MARKUP) {
        return clean.into_owned();
    }
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        if MARKUP.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes the start of an escaped line that would otherwise start a list or heading.
fn guard_line_start(mut escaped: String) -> String {
    let start = escaped.trim_start();
    let starts_block = start.starts_with(['-', '+', '='])
        || start
            .split_once(['.', ')'])
            .is_some_and(|(head, _)| !head.is_empty() && head.chars().all(|c| c.is_ascii_digit()));
    if starts_block && let Some(at) = escaped.find(['-', '+', '=', '.', ')']) {
        escaped.insert(at, '\\');
    }
    escaped
}

/// Text that may span lines (notes): each line escaped, line breaks kept as hard
/// breaks, blank lines as paragraph breaks, and a line that would start a list,
/// heading or quote escaped at its start.
pub fn block(text: &str) -> String {
    let clean = sanitize::text(text);
    let lines: Vec<String> = clean
        .trim_end()
        .split('\n')
        .map(|line| guard_line_start(inline(line.trim_end())))
        .collect();
    let mut out = String::new();
    for (index, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_blank = lines.get(index + 1).is_some_and(String::is_empty);
        if index + 1 < lines.len() && !line.is_empty() && !next_blank {
            out.push_str("  ");
        }
        if index + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

/// A span re-spelt in markdown: its text escaped, its style as markup.
fn span(span: &Span) -> String {
    let style = span.style;
    if style.code {
        // A run of backticks longer than any inside, and spaces if it starts or ends
        // with one, so the code cannot close early.
        let longest = span
            .text
            .split(|c| c != '`')
            .map(str::len)
            .max()
            .unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = if span.text.starts_with('`') || span.text.ends_with('`') {
            " "
        } else {
            ""
        };
        return format!("{fence}{pad}{}{pad}{fence}", span.text);
    }
    let text = inline(&span.text);
    let trimmed = text.trim();
    if trimmed.is_empty() || !(style.emphasis || style.strong) {
        return text;
    }
    let mark = match (style.emphasis, style.strong) {
        (true, true) => "***",
        (false, true) => "**",
        _ => "*",
    };
    // Spaces stay outside the markers, where markdown needs them.
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{trimmed}{mark}{tail}")
}

fn spans(spans: &[Span]) -> String {
    spans.iter().map(span).collect()
}

/// One line of [`RichText`] in markdown; code lines come back bare (the caller fences).
fn rich_line(line: &RichLine) -> String {
    match line.kind {
        LineKind::Text => guard_line_start(spans(&line.spans)),
        LineKind::Blank => String::new(),
        LineKind::Item { depth, marker } => {
            let marker = match marker {
                Marker::Bullet => "-".to_string(),
                Marker::Number(n) => format!("{n}."),
            };
            format!("{}{marker} {}", "    ".repeat(depth), spans(&line.spans))
        }
        LineKind::ItemText { depth } => {
            format!("{}{}", "    ".repeat(depth + 1), spans(&line.spans))
        }
        LineKind::Heading(_) => format!("**{}**", inline(&line.text())),
        LineKind::Quote => format!("> {}", spans(&line.spans)),
        LineKind::Code => sanitize::line(&line.text()).replace("```", "'''"),
        LineKind::Rule => "* * *".into(),
    }
}

/// True when `next` continues the block `line` is in, so `line` ends in a hard break.
fn continues(line: LineKind, next: LineKind) -> bool {
    matches!(
        (line, next),
        (LineKind::Text, LineKind::Text)
            | (
                LineKind::Item { .. } | LineKind::ItemText { .. },
                LineKind::ItemText { .. }
            )
            | (LineKind::Quote, LineKind::Quote)
    )
}

/// Markdown read from a file (see [`RichText`]), spelt again as markdown for a report:
/// every text escaped, only the structure the reader understood re-created (headings
/// become bold lines, so they cannot break the report's own headings).
pub fn rich_block(rich: &RichText) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for (index, line) in rich.lines.iter().enumerate() {
        let is_code = line.kind == LineKind::Code;
        if is_code && !in_code {
            out.push_str("```text\n");
        } else if in_code && !is_code {
            out.push_str("```\n");
        }
        in_code = is_code;
        out.push_str(&rich_line(line));
        match rich.lines.get(index + 1) {
            Some(next) if continues(line.kind, next.kind) => out.push_str("  \n"),
            Some(_) => out.push('\n'),
            None if in_code => out.push_str("\n```"),
            None => {}
        }
    }
    out
}

/// Markdown read from a file, on one line (a table cell, a sentence): its lines joined
/// by spaces, list items marked, styles kept.
pub fn rich_inline(rich: &RichText) -> String {
    rich.lines
        .iter()
        .filter(|line| line.kind != LineKind::Blank)
        .map(|line| match line.kind {
            LineKind::Item {
                marker: Marker::Number(n),
                ..
            } => format!("{n}. {}", spans(&line.spans)),
            LineKind::Item { .. } => format!("• {}", spans(&line.spans)),
            LineKind::Code => format!("`{}`", line.text().replace('`', "'")),
            LineKind::Heading(_) => format!("**{}**", inline(&line.text())),
            _ => spans(&line.spans),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_break_a_table_or_make_markup() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("<script>"), "\\<script\\>");
        assert_eq!(inline("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(inline("two\nlines"), "two^Jlines");
        assert_eq!(inline("Môn 🚩"), "Môn 🚩");
    }

    #[test]
    fn blocks_keep_lines_and_cannot_start_lists_or_headings() {
        assert_eq!(block("one\ntwo"), "one  \ntwo");
        assert_eq!(block("para\n\nnext"), "para\n\nnext");
        assert_eq!(
            block("- item\n# head\n1. first"),
            "\\- item  \n\\# head  \n1\\. first"
        );
        assert_eq!(block("esc\u{1b}[2J"), "esc^\\[\\[2J");
    }

    #[test]
    fn markdown_from_a_file_is_spelt_again_with_every_text_escaped() {
        let rich = RichText::parse(
            "Do *this* and **that** | `a|b`:\n\n- see [the guide](https://e.org/x_y)\n- <b>bold?</b>\n  more\n\n# Head",
        );
        assert_eq!(
            rich_block(&rich),
            "Do *this* and **that** \\| `a|b`:\n\n- see the guide (https://e.org/x\\_y)\n- \\<b\\>bold?\\</b\\>  \n    more\n\n**Head**"
        );
        assert_eq!(
            rich_inline(&rich),
            "Do *this* and **that** \\| `a|b`: • see the guide (https://e.org/x\\_y) • \\<b\\>bold?\\</b\\> more **Head**"
        );
        let code = RichText::parse("Run:\n\n```\nlet a = 1;\n```");
        assert_eq!(rich_block(&code), "Run:\n\n```text\nlet a = 1;\n```");
        let code_span = Span {
            text: "a`b".into(),
            style: crate::richtext::SpanStyle {
                code: true,
                ..Default::default()
            },
        };
        assert_eq!(span(&code_span), "``a`b``");
    }
}
