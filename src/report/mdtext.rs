//! Text from files made safe for markdown: sanitised (`crate::sanitize`), then every
//! character markdown gives a meaning escaped, so a name can neither break a table
//! (`|`) nor turn into a link, heading, list or raw HTML.

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

/// Text that may span lines (notes): each line escaped, line breaks kept as hard
/// breaks, blank lines as paragraph breaks, and a line that would start a list,
/// heading or quote escaped at its start.
pub fn block(text: &str) -> String {
    let clean = sanitize::text(text);
    let lines: Vec<String> = clean
        .trim_end()
        .split('\n')
        .map(|line| {
            let mut escaped = inline(line.trim_end());
            let start = escaped.trim_start();
            let starts_block = start.starts_with(['-', '+', '='])
                || start.split_once(['.', ')']).is_some_and(|(head, _)| {
                    !head.is_empty() && head.chars().all(|c| c.is_ascii_digit())
                });
            if starts_block && let Some(at) = escaped.find(['-', '+', '=', '.', ')']) {
                escaped.insert(at, '\\');
            }
            escaped
        })
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
}
