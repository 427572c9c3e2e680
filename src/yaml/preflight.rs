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
    let mut tokens = Counter::default();
    if let Err(too_deep) = scan::scan(text, &mut tokens, MAX_DEPTH) {
        return Err(Error::invalid_one(
            path,
            Some(location_from(too_deep.at)),
            format!(
                "lists and mappings nest more than {MAX_DEPTH} levels deep here; no routemap or saved assessment needs more than a few, so flatten this"
            ),
        ));
    }
    if tokens.aliases > 0 {
        expansion_within_bounds(path, text)?;
    }
    Ok(text)
}

/// How far aliases may expand a file: twice the largest file read. serde_yaml bounds
/// how many times aliases are followed, not what they repeat, so one long string named
/// ten thousand times (a megabyte on disk) would be read as gigabytes.
pub const MAX_EXPANDED_BYTES: u64 = 32 * 1024 * 1024;

/// Refuses a text whose aliases would expand it past [`MAX_EXPANDED_BYTES`], naming
/// the alias that expands to the most. Only texts with aliases get here (few do).
fn expansion_within_bounds(path: &Path, text: &str) -> Result<()> {
    let Some(tree) = super::tree::Tree::parse(text, MAX_DEPTH) else {
        return Ok(());
    };
    let (expanded, largest) = tree.expansion();
    if expanded <= MAX_EXPANDED_BYTES {
        return Ok(());
    }
    let name: String = largest
        .and_then(|mark| text.get(mark.byte..))
        .map(|rest| {
            rest.chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
                .take(40)
                .collect()
        })
        .unwrap_or_default();
    Err(Error::invalid_one(
        path,
        largest.map(location_from),
        format!(
            "the aliases here ('{}' and the like) would expand the file to more than {} MiB; write the values out, or name fewer of them",
            crate::sanitize::line(&name),
            MAX_EXPANDED_BYTES / (1024 * 1024)
        ),
    ))
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
    fn aliases_that_would_expand_past_the_limit_are_refused_where_they_are() {
        // One long string, repeated by alias: small on disk, gigabytes once read.
        let long = "y".repeat(1_000_000);
        let mut text = format!("a:\n  - &s \"{long}\"\n");
        for _ in 0..100 {
            text.push_str("  - *s\n");
        }
        let said = message(&text);
        assert!(
            said.starts_with("f.yaml:3:5: the aliases here ('*s' and the like) would expand the file to more than 32 MiB;"),
            "{}",
            &said[..said.len().min(300)]
        );
        // The billion laughs: each anchor names ten of the one before.
        let mut laughs = String::from("a: &a [\"lol\"]\n");
        let mut previous = 'a';
        for name in 'b'..='j' {
            let refs = vec![format!("*{previous}"); 10].join(", ");
            laughs.push_str(&format!("{name}: &{name} [{refs}]\n"));
            previous = name;
        }
        assert!(message(&laughs).contains("would expand the file to more than 32 MiB"));
        // A few aliases of short values are fine.
        assert!(message("a: &x [1, 2]\nb: *x\nc: *x\n").starts_with("ok"));
        // An alias naming its own ancestor is not followed for ever.
        assert!(!message("a: &x [*x, *x]\n").is_empty());
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
