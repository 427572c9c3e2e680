//! Reading the text a character at a time, with libyaml's notions of line break,
//! blank and end, and its way of counting lines and columns.

use super::{Scanner, Sink};

impl<S: Sink> Scanner<'_, '_, S> {
    pub(super) fn column(&self) -> isize {
        self.mark.column as isize
    }

    pub(super) fn at_end(&self) -> bool {
        self.mark.byte >= self.bytes.len()
    }

    /// The byte `k` bytes ahead, 0 past the end (every look-ahead of libyaml is over
    /// ASCII characters, so bytes and characters line up).
    pub(super) fn byte_at(&self, k: usize) -> u8 {
        self.bytes.get(self.mark.byte + k).copied().unwrap_or(0)
    }

    pub(super) fn is_break_at(&self, k: usize) -> bool {
        let rest = self.bytes.get(self.mark.byte + k..).unwrap_or_default();
        matches!(rest.first(), Some(b'\r' | b'\n'))
            || rest.starts_with(NEL)
            || rest.starts_with(LINE_SEPARATOR)
            || rest.starts_with(PARAGRAPH_SEPARATOR)
    }

    pub(super) fn is_breakz_at(&self, k: usize) -> bool {
        self.mark.byte + k >= self.bytes.len() || self.is_break_at(k)
    }

    pub(super) fn is_blank_at(&self, k: usize) -> bool {
        matches!(self.byte_at(k), b' ' | b'\t')
    }

    pub(super) fn is_blankz_at(&self, k: usize) -> bool {
        self.is_blank_at(k) || self.is_breakz_at(k)
    }

    /// Moves past one character.
    pub(super) fn skip(&mut self) {
        self.mark.byte += utf8_width(self.byte_at(0)).min(self.bytes.len() - self.mark.byte);
        self.mark.column += 1;
    }

    /// Moves past one line break (CR LF counts as one).
    pub(super) fn skip_line(&mut self) {
        if self.byte_at(0) == b'\r' && self.byte_at(1) == b'\n' {
            self.mark.byte += 2;
        } else if self.is_break_at(0) {
            self.mark.byte += utf8_width(self.byte_at(0));
        } else {
            return;
        }
        self.mark.line += 1;
        self.mark.column = 0;
    }
}

pub(super) const BOM: &[u8] = "\u{feff}".as_bytes();
const NEL: &[u8] = "\u{85}".as_bytes();
const LINE_SEPARATOR: &[u8] = "\u{2028}".as_bytes();
const PARAGRAPH_SEPARATOR: &[u8] = "\u{2029}".as_bytes();

/// The length of the UTF-8 character that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}
