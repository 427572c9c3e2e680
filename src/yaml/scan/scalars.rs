//! The tokens that span text: anchors, aliases, tags and the five kinds of scalar.
//! Each follows the matching `yaml_parser_scan_*` function of libyaml; only the extent
//! of the token matters here, not its value.

use super::{Kind, Scanner, Sink, Style};

impl<S: Sink> Scanner<'_, '_, S> {
    /// `&name` or `*name`.
    pub(super) fn anchor(&mut self, kind: Kind) {
        let start = self.mark;
        self.skip();
        while is_alpha(self.byte_at(0)) {
            self.skip();
        }
        self.push(kind, start);
    }

    /// `!`, `!suffix`, `!handle!suffix` or `!<verbatim>`.
    pub(super) fn tag(&mut self) {
        let start = self.mark;
        if self.byte_at(1) == b'<' {
            self.skip();
            self.skip();
            self.tag_uri(true);
            if self.byte_at(0) == b'>' {
                self.skip();
            }
        } else {
            self.skip();
            while is_alpha(self.byte_at(0)) {
                self.skip();
            }
            if self.byte_at(0) == b'!' {
                self.skip();
            }
            self.tag_uri(false);
        }
        self.push(Kind::Tag, start);
    }

    fn tag_uri(&mut self, verbatim: bool) {
        loop {
            let c = self.byte_at(0);
            if c == b'%' {
                if !(self.byte_at(1).is_ascii_hexdigit() && self.byte_at(2).is_ascii_hexdigit()) {
                    return;
                }
                self.skip();
                self.skip();
                self.skip();
            } else if is_alpha(c)
                || b";/?:@&=+$.%!~*'()".contains(&c)
                || (verbatim && b",[]".contains(&c))
            {
                self.skip();
            } else {
                return;
            }
        }
    }

    /// `|` or `>` and the lines indented under it.
    pub(super) fn block_scalar(&mut self, literal: bool) {
        let start = self.mark;
        self.skip();
        let increment = self.block_scalar_indicators();
        while self.is_blank_at(0) {
            self.skip();
        }
        if self.byte_at(0) == b'#' {
            while !self.is_breakz_at(0) {
                self.skip();
            }
        }
        if self.is_break_at(0) {
            self.skip_line();
        }
        let mut indent = match increment {
            0 => 0,
            _ if self.indent >= 0 => self.indent + increment,
            _ => increment,
        };
        self.block_scalar_breaks(&mut indent);
        while self.column() == indent && !self.at_end() {
            while !self.is_breakz_at(0) {
                self.skip();
            }
            if self.at_end() {
                break;
            }
            self.skip_line();
            self.block_scalar_breaks(&mut indent);
        }
        let style = if literal {
            Style::Literal
        } else {
            Style::Folded
        };
        self.push(Kind::Scalar(style), start);
    }

    /// The chomping (`+`, `-`) and indentation (`1`…`9`) indicators, either order;
    /// the indentation increment, 0 when not given.
    fn block_scalar_indicators(&mut self) -> isize {
        let mut increment = 0;
        let mut chomping_seen = false;
        for _ in 0..2 {
            let c = self.byte_at(0);
            if (c == b'+' || c == b'-') && !chomping_seen {
                chomping_seen = true;
                self.skip();
            } else if (b'1'..=b'9').contains(&c) && increment == 0 {
                increment = isize::from(c - b'0');
                self.skip();
            } else {
                break;
            }
        }
        increment
    }

    /// Blank lines and indentation before a block scalar's next line; settles the
    /// indentation when it was not given (the deepest of the leading blank lines, at
    /// least one more than the enclosing block).
    fn block_scalar_breaks(&mut self, indent: &mut isize) {
        let mut max_indent = 0;
        loop {
            while (*indent == 0 || self.column() < *indent) && self.byte_at(0) == b' ' {
                self.skip();
            }
            max_indent = max_indent.max(self.column());
            if !self.is_break_at(0) {
                break;
            }
            self.skip_line();
        }
        if *indent == 0 {
            *indent = max_indent.max(self.indent + 1).max(1);
        }
    }

    /// `'…'` or `"…"`, over as many lines as it takes.
    pub(super) fn flow_scalar(&mut self, single: bool) {
        let start = self.mark;
        let quote = if single { b'\'' } else { b'"' };
        self.skip();
        loop {
            let at_document_marker = self.mark.column == 0
                && (self.document_indicator(b'-') || self.document_indicator(b'.'));
            if at_document_marker || self.at_end() {
                break;
            }
            while !self.is_blankz_at(0) {
                let c = self.byte_at(0);
                if single && c == b'\'' && self.byte_at(1) == b'\'' {
                    self.skip();
                    self.skip();
                } else if c == quote {
                    break;
                } else if !single && c == b'\\' && self.is_break_at(1) {
                    self.skip();
                    self.skip_line();
                    break;
                } else if !single && c == b'\\' {
                    if !self.escape() {
                        self.push(Kind::Scalar(Style::DoubleQuoted), start);
                        return;
                    }
                } else {
                    self.skip();
                }
            }
            if self.byte_at(0) == quote {
                self.skip();
                break;
            }
            while self.is_blank_at(0) || self.is_break_at(0) {
                if self.is_blank_at(0) {
                    self.skip();
                } else {
                    self.skip_line();
                }
            }
        }
        let style = if single {
            Style::SingleQuoted
        } else {
            Style::DoubleQuoted
        };
        self.push(Kind::Scalar(style), start);
    }

    /// A backslash escape of a double-quoted scalar; false when libyaml refuses it.
    fn escape(&mut self) -> bool {
        let digits = match self.byte_at(1) {
            b'0' | b'a' | b'b' | b't' | b'\t' | b'n' | b'v' | b'f' | b'r' | b'e' | b' ' | b'"'
            | b'/' | b'\\' | b'N' | b'_' | b'L' | b'P' => 0,
            b'x' => 2,
            b'u' => 4,
            b'U' => 8,
            _ => return false,
        };
        self.skip();
        self.skip();
        for _ in 0..digits {
            if !self.byte_at(0).is_ascii_hexdigit() {
                return false;
            }
            self.skip();
        }
        true
    }

    /// An unquoted scalar; in block context it goes on over lines indented more than
    /// the enclosing block.
    pub(super) fn plain_scalar(&mut self) {
        let start = self.mark;
        let mut end = self.mark;
        let indent = self.indent + 1;
        let mut leading_blanks = false;
        loop {
            let at_document_marker = self.mark.column == 0
                && (self.document_indicator(b'-') || self.document_indicator(b'.'));
            if at_document_marker || self.byte_at(0) == b'#' {
                break;
            }
            while !self.is_blankz_at(0) {
                let c = self.byte_at(0);
                if self.flow_level > 0 && c == b':' && b",?[]{}".contains(&self.byte_at(1)) {
                    // libyaml stops: "found unexpected ':'".
                    self.sink.push(super::Token {
                        kind: Kind::Scalar(Style::Plain),
                        start,
                        end,
                    });
                    return;
                }
                if (c == b':' && self.is_blankz_at(1))
                    || (self.flow_level > 0 && b",[]{}".contains(&c))
                {
                    break;
                }
                leading_blanks = false;
                self.skip();
                end = self.mark;
            }
            if !(self.is_blank_at(0) || self.is_break_at(0)) {
                break;
            }
            while self.is_blank_at(0) || self.is_break_at(0) {
                if self.is_blank_at(0) {
                    self.skip();
                } else {
                    self.skip_line();
                    leading_blanks = true;
                }
            }
            if self.flow_level == 0 && self.column() < indent {
                break;
            }
        }
        self.sink.push(super::Token {
            kind: Kind::Scalar(Style::Plain),
            start,
            end,
        });
        if leading_blanks {
            self.simple_key_allowed = true;
        }
    }
}

/// libyaml's "alpha": the characters of anchor names and tag handles.
fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}
