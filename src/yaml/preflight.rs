//! What is checked on a text before serde_yaml sees it, each in one linear pass: a
//! leading byte-order mark is dropped, characters YAML forbids are pointed at, and
//! nesting is bounded (libyaml's time grows with nesting times length).

use super::scan::{self, Counter, Mark};
use crate::error::{Error, Location, Result};
use std::path::Path;

/// How deep lists and mappings may nest. A routemap needs 5 levels and a saved
/// assessment 4. libyaml's time per token grows with the depth of flow nesting, so
/// the bound also bounds the cost of the worst file of the largest size.
pub const MAX_DEPTH: usize = 32;

/// The text ready for serde_yaml: without a leading byte-order mark (which libyaml
/// would take as a character of the first key), with no forbidden character and
/// nesting no deeper than [`MAX_DEPTH`]. `path` names the file in errors.
pub fn preflight<'t>(path: &Path, text: &'t str) -> Result<&'t str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((byte, c)) = text.char_indices().find(|(_, c)| !yaml_allows(*c)) {
        return Err(Error::invalid_one(
            path,
            Some(location_of(text, byte)),
            format!(
                "the file holds the control character U+{:04X}, which YAML does not allow; delete it, or save the file as plain UTF-8 text",
                u32::from(c)
            ),
        ));
    }
    if let Err(too_deep) = scan::scan(text, &mut Counter::default(), MAX_DEPTH) {
        return Err(Error::invalid_one(
            path,
            Some(location_from(too_deep.at)),
            format!(
                "lists and mappings nest more than {MAX_DEPTH} levels deep here; no routemap or saved assessment needs more than a few, so flatten this"
            ),
        ));
    }
    Ok(text)
}

/// The characters a YAML stream may hold (YAML 1.1 and libyaml's reader).
fn yaml_allows(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}'
        | '\u{10000}'..)
}

fn location_from(mark: Mark) -> Location {
    Location {
        line: mark.line + 1,
        column: mark.column + 1,
    }
}

/// The line and column of a byte offset, counting line breaks as YAML does.
fn location_of(text: &str, byte: usize) -> Location {
    let mut line = 1;
    let mut column = 1;
    let mut previous = '\0';
    for c in text[..byte].chars() {
        let crlf = previous == '\r' && c == '\n';
        if crlf {
            // The line was already counted at the '\r'.
        } else if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        previous = c;
    }
    Location { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        match preflight(Path::new("f.yaml"), text) {
            Ok(text) => format!("ok: {text}"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(message("\u{feff}id: x\n"), "ok: id: x\n");
    }

    #[test]
    fn forbidden_characters_are_pointed_at() {
        assert_eq!(
            message("a: 1\r\nb: x\u{0}y\n"),
            "f.yaml:2:5: the file holds the control character U+0000, which YAML does not allow; delete it, or save the file as plain UTF-8 text"
        );
        assert!(
            message("a: \u{7f}")
                .starts_with("f.yaml:1:4: the file holds the control character U+007F")
        );
        assert!(message("a: \u{fffe}").contains("U+FFFE"));
        assert!(message("a: \u{85}\u{2028}é🚒\t\r\n").starts_with("ok"));
    }

    #[test]
    fn deep_nesting_is_refused_where_it_goes_too_deep() {
        let flow = format!("id: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(
            message(&flow),
            "f.yaml:1:36: lists and mappings nest more than 32 levels deep here; no routemap or saved assessment needs more than a few, so flatten this"
        );
        let block: String = (0..70)
            .map(|depth| format!("{}- \n", "  ".repeat(depth)))
            .collect();
        assert!(
            message(&block).starts_with("f.yaml:33:65: lists and mappings nest"),
            "{}",
            message(&block)
        );
        let fine = format!("id: {}{}\n", "[".repeat(31), "]".repeat(31));
        assert!(message(&fine).starts_with("ok"));
    }

    #[test]
    fn brackets_in_text_are_not_nesting() {
        let text = format!(
            "a: it's {0}\nb: '{0}'\nc: \"{0}\"\nd: |\n  {0}\n# {0}\ne: x{0}\n",
            "[{".repeat(100)
        );
        assert!(message(&text).starts_with("ok"), "{}", message(&text));
    }
}
