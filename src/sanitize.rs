//! The one gate between text read from files and a terminal or a text output.
//!
//! Names, notes, ids, titles and file names come from files anyone may have written. A
//! control character in them must never reach a terminal as a control sequence: ESC
//! starts sequences that retitle the terminal, write the clipboard (OSC 52) or clear the
//! screen; CR lets a message overwrite itself with a forged line; bidirectional overrides
//! make text read differently from what it is. So every such character is shown as a
//! visible stand-in instead, and text with none of them is passed through untouched.
//!
//! - C0 controls and DEL as caret notation (`^[` for ESC, `^M` for CR, `^?` for DEL),
//!   the way `cat -v` and most terminals' own echo show them;
//! - C1 controls (U+0080–U+009F), bidirectional embeddings, overrides and isolates, and
//!   the line and paragraph separators as `\u{…}`, the way Rust and JSON write them.
//!
//! [`text`] keeps newlines and tabs (notes are multi-line); [`line()`] shows them too,
//! for places where one value must stay on one line (a table cell, a file name in a
//! message).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Text that may span lines: newlines and tabs kept, every other control shown.
pub fn text(input: &str) -> Cow<'_, str> {
    clean(input, true)
}

/// Text that must stay on one line: newlines and tabs are shown as well.
pub fn line(input: &str) -> Cow<'_, str> {
    clean(input, false)
}

/// A path for a message or listing, on one line.
pub fn path(input: &std::path::Path) -> String {
    line(&input.to_string_lossy()).into_owned()
}

/// True for a character that must not reach a terminal as itself.
pub fn is_unsafe(c: char, keep_line_breaks: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_line_breaks,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidirectional embeddings, overrides (LRE RLE PDF LRO RLO) and isolates
        // (LRI RLI FSI PDI), and the line and paragraph separators some terminals and
        // editors break lines at.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn clean(input: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    // Most text is printable ASCII: a byte test settles it without decoding characters
    // (reports sanitise every text of the routemap, so this is on the hot path).
    let plain_byte =
        |b: &u8| (0x20..0x7f).contains(b) || (keep_line_breaks && (*b == b'\n' || *b == b'\t'));
    if input.as_bytes().iter().all(plain_byte)
        || !input.chars().any(|c| is_unsafe(c, keep_line_breaks))
    {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        if !is_unsafe(c, keep_line_breaks) {
            out.push(c);
        } else if c <= '\u{1f}' {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        } else if c == '\u{7f}' {
            out.push_str("^?");
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_passes_through_unchanged_and_unallocated() {
        for plain in [
            "Anytown Borough Council",
            "Cyngor Sir Ynys Môn — ŵ ŷ",
            "emoji 🚩 and 東京",
            "",
        ] {
            assert!(matches!(text(plain), Cow::Borrowed(_)), "{plain}");
            assert!(matches!(line(plain), Cow::Borrowed(_)), "{plain}");
        }
        assert!(matches!(text("two\nlines\tand a tab"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        let hostile = "Evil\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J";
        let shown = line(hostile);
        assert_eq!(shown, "Evil^[]0;PWNED^G^[]52;c;aGk=^G^[[2J");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn carriage_return_cannot_forge_a_line() {
        assert_eq!(text("bad\rok: fine"), "bad^Mok: fine");
        assert_eq!(line("a\nb\tc"), "a^Jb^Ic");
        assert_eq!(text("a\nb\tc"), "a\nb\tc");
        assert_eq!(line("nul\u{0} del\u{7f}"), "nul^@ del^?");
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_written_as_escapes() {
        assert_eq!(line("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(line("file\u{202e}fdp.exe"), "file\\u{202e}fdp.exe");
        assert_eq!(line("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(text("para\u{2029}graph"), "para\\u{2029}graph");
    }

    #[test]
    fn nothing_unsafe_survives_any_input() {
        let every: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for keep in [true, false] {
            let shown = clean(&every, keep);
            assert!(
                !shown.chars().any(|c| is_unsafe(c, keep)),
                "keep_line_breaks={keep}"
            );
        }
    }
}
