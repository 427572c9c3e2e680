//! A shadow of libyaml's scanner (the one under serde_yaml): the same tokens at the same
//! marks, without building scalar values.
//!
//! Two things need it. libyaml's time grows with the nesting of flow collections times
//! the number of tokens (200 KB of `[[[…` takes most of a minute), so the nesting must
//! be bounded before serde_yaml sees the text; and serde_yaml gives a node's position
//! only in an error, so finding every problem's line in one pass needs our own tokens.
//!
//! It follows libyaml 0.2.5 (as ported by unsafe-libyaml) rule for rule where a valid
//! document is concerned. Where libyaml would stop with an error this scanner carries
//! on as best it can: libyaml reads nothing past its first error, so what is scanned
//! there cannot make it slow, and the loader reports libyaml's error anyway.

mod chars;
mod scalars;
mod token;

pub use token::{Counter, Kind, Mark, Sink, Style, Token, TooDeep};

/// Scans `text` into `sink`, failing as soon as collections nest more than `max_depth`
/// deep (block and flow levels together).
pub fn scan(text: &str, sink: &mut impl Sink, max_depth: usize) -> Result<(), TooDeep> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        mark: Mark::default(),
        flow_level: 0,
        indent: -1,
        indents: Vec::new(),
        simple_key_allowed: true,
        simple_keys: vec![SimpleKey::NONE],
        sink,
        max_depth,
    };
    scanner.run()
}

/// A place where a key may start (before its `:` is seen).
#[derive(Debug, Clone, Copy)]
struct SimpleKey {
    possible: bool,
    mark: Mark,
    token_number: usize,
}

impl SimpleKey {
    const NONE: SimpleKey = SimpleKey {
        possible: false,
        mark: Mark {
            byte: 0,
            line: 0,
            column: 0,
        },
        token_number: 0,
    };
}

/// libyaml forgets a possible simple key after this many bytes.
const SIMPLE_KEY_REACH: usize = 1024;

struct Scanner<'t, 's, S> {
    bytes: &'t [u8],
    mark: Mark,
    flow_level: usize,
    /// The column of the innermost block collection, -1 at the top.
    indent: isize,
    indents: Vec<isize>,
    simple_key_allowed: bool,
    /// One per flow level, the block level first.
    simple_keys: Vec<SimpleKey>,
    sink: &'s mut S,
    max_depth: usize,
}

impl<S: Sink> Scanner<'_, '_, S> {
    fn run(&mut self) -> Result<(), TooDeep> {
        loop {
            self.scan_to_next_token();
            self.unroll_indent(self.column());
            if self.at_end() {
                return self.stream_end();
            }
            self.next_token()?;
        }
    }

    fn next_token(&mut self) -> Result<(), TooDeep> {
        let c = self.byte_at(0);
        let at_line_start = self.mark.column == 0;
        if at_line_start && c == b'%' {
            self.directive();
        } else if at_line_start && self.document_indicator(b'-') {
            self.document_marker(Kind::DocumentStart);
        } else if at_line_start && self.document_indicator(b'.') {
            self.document_marker(Kind::DocumentEnd);
        } else if c == b'[' || c == b'{' {
            self.flow_collection_start(c)?;
        } else if c == b']' || c == b'}' {
            self.flow_collection_end(c);
        } else if c == b',' {
            self.remove_simple_key();
            self.simple_key_allowed = true;
            self.single(Kind::FlowEntry);
        } else if c == b'-' && self.is_blankz_at(1) {
            self.block_entry()?;
        } else if c == b'?' && (self.flow_level > 0 || self.is_blankz_at(1)) {
            self.key()?;
        } else if c == b':' && (self.flow_level > 0 || self.is_blankz_at(1)) {
            self.value()?;
        } else if c == b'*' || c == b'&' {
            self.save_simple_key();
            self.simple_key_allowed = false;
            self.anchor(if c == b'*' { Kind::Alias } else { Kind::Anchor });
        } else if c == b'!' {
            self.save_simple_key();
            self.simple_key_allowed = false;
            self.tag();
        } else if (c == b'|' || c == b'>') && self.flow_level == 0 {
            self.remove_simple_key();
            self.simple_key_allowed = true;
            self.block_scalar(c == b'|');
        } else if c == b'\'' || c == b'"' {
            self.save_simple_key();
            self.simple_key_allowed = false;
            self.flow_scalar(c == b'\'');
        } else if self.starts_plain_scalar(c) {
            self.save_simple_key();
            self.simple_key_allowed = false;
            self.plain_scalar();
        } else {
            // libyaml stops here ("found character that cannot start any token").
            self.skip();
        }
        Ok(())
    }

    fn starts_plain_scalar(&self, c: u8) -> bool {
        let indicator = self.is_blankz_at(0) || b"-?:,[]{}#&*!|>'\"%@`".contains(&c);
        !indicator
            || (c == b'-' && !self.is_blank_at(1))
            || (self.flow_level == 0 && (c == b'?' || c == b':') && !self.is_blankz_at(1))
    }

    fn scan_to_next_token(&mut self) {
        loop {
            if self.mark.column == 0 && self.bytes[self.mark.byte..].starts_with(chars::BOM) {
                self.skip();
            }
            while self.byte_at(0) == b' '
                || ((self.flow_level > 0 || !self.simple_key_allowed) && self.byte_at(0) == b'\t')
            {
                self.skip();
            }
            if self.byte_at(0) == b'#' {
                while !self.is_breakz_at(0) {
                    self.skip();
                }
            }
            if !self.is_break_at(0) {
                break;
            }
            self.skip_line();
            if self.flow_level == 0 {
                self.simple_key_allowed = true;
            }
        }
    }

    fn stream_end(&mut self) -> Result<(), TooDeep> {
        if self.mark.column != 0 {
            self.mark.column = 0;
            self.mark.line += 1;
        }
        self.unroll_indent(-1);
        self.remove_simple_key();
        self.simple_key_allowed = false;
        self.sink.push(Token {
            kind: Kind::StreamEnd,
            start: self.mark,
            end: self.mark,
        });
        Ok(())
    }

    fn directive(&mut self) {
        self.unroll_indent(-1);
        self.remove_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        while !self.is_breakz_at(0) {
            self.skip();
        }
        self.push(Kind::Directive, start);
        if self.is_break_at(0) {
            self.skip_line();
        }
    }

    fn document_indicator(&self, c: u8) -> bool {
        self.byte_at(0) == c && self.byte_at(1) == c && self.byte_at(2) == c && self.is_blankz_at(3)
    }

    fn document_marker(&mut self, kind: Kind) {
        self.unroll_indent(-1);
        self.remove_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip();
        self.skip();
        self.skip();
        self.push(kind, start);
    }

    fn flow_collection_start(&mut self, c: u8) -> Result<(), TooDeep> {
        self.save_simple_key();
        self.simple_keys.push(SimpleKey::NONE);
        self.flow_level += 1;
        self.check_depth(self.mark)?;
        self.simple_key_allowed = true;
        let kind = if c == b'[' {
            Kind::FlowSequenceStart
        } else {
            Kind::FlowMappingStart
        };
        self.single(kind);
        Ok(())
    }

    fn flow_collection_end(&mut self, c: u8) {
        self.remove_simple_key();
        if self.flow_level > 0 {
            self.flow_level -= 1;
            self.simple_keys.pop();
        }
        self.simple_key_allowed = false;
        let kind = if c == b']' {
            Kind::FlowSequenceEnd
        } else {
            Kind::FlowMappingEnd
        };
        self.single(kind);
    }

    fn block_entry(&mut self) -> Result<(), TooDeep> {
        if self.flow_level == 0 {
            self.roll_indent(self.column(), None, Kind::BlockSequenceStart, self.mark)?;
        }
        self.remove_simple_key();
        self.simple_key_allowed = true;
        self.single(Kind::BlockEntry);
        Ok(())
    }

    fn key(&mut self) -> Result<(), TooDeep> {
        if self.flow_level == 0 {
            self.roll_indent(self.column(), None, Kind::BlockMappingStart, self.mark)?;
        }
        self.remove_simple_key();
        self.simple_key_allowed = self.flow_level == 0;
        self.single(Kind::Key);
        Ok(())
    }

    fn value(&mut self) -> Result<(), TooDeep> {
        let key = self.current_key();
        if key.possible && !self.is_stale(&key) {
            self.sink.insert(
                key.token_number,
                Token {
                    kind: Kind::Key,
                    start: key.mark,
                    end: key.mark,
                },
            );
            let column = key.mark.column as isize;
            self.roll_indent(
                column,
                Some(key.token_number),
                Kind::BlockMappingStart,
                key.mark,
            )?;
            self.set_current_key(SimpleKey::NONE);
            self.simple_key_allowed = false;
        } else {
            if self.flow_level == 0 {
                self.roll_indent(self.column(), None, Kind::BlockMappingStart, self.mark)?;
            }
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.single(Kind::Value);
        Ok(())
    }

    fn save_simple_key(&mut self) {
        if self.simple_key_allowed {
            self.set_current_key(SimpleKey {
                possible: true,
                mark: self.mark,
                token_number: self.sink.count(),
            });
        }
    }

    fn remove_simple_key(&mut self) {
        self.set_current_key(SimpleKey::NONE);
    }

    fn current_key(&self) -> SimpleKey {
        self.simple_keys.last().copied().unwrap_or(SimpleKey::NONE)
    }

    fn set_current_key(&mut self, key: SimpleKey) {
        if let Some(last) = self.simple_keys.last_mut() {
            *last = key;
        }
    }

    /// libyaml drops a possible key at a new line or past its reach; checking at use
    /// is the same, as both only grow.
    fn is_stale(&self, key: &SimpleKey) -> bool {
        key.mark.line < self.mark.line || key.mark.byte + SIMPLE_KEY_REACH < self.mark.byte
    }

    fn roll_indent(
        &mut self,
        column: isize,
        number: Option<usize>,
        kind: Kind,
        mark: Mark,
    ) -> Result<(), TooDeep> {
        if self.flow_level > 0 || self.indent >= column {
            return Ok(());
        }
        self.indents.push(self.indent);
        self.indent = column;
        self.check_depth(mark)?;
        let token = Token {
            kind,
            start: mark,
            end: mark,
        };
        match number {
            Some(at) => self.sink.insert(at, token),
            None => self.sink.push(token),
        }
        Ok(())
    }

    fn unroll_indent(&mut self, column: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > column {
            self.sink.push(Token {
                kind: Kind::BlockEnd,
                start: self.mark,
                end: self.mark,
            });
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    fn check_depth(&self, at: Mark) -> Result<(), TooDeep> {
        if self.indents.len() + self.flow_level > self.max_depth {
            return Err(TooDeep { at });
        }
        Ok(())
    }

    /// A one-character token at the current position.
    fn single(&mut self, kind: Kind) {
        let start = self.mark;
        self.skip();
        self.push(kind, start);
    }

    fn push(&mut self, kind: Kind, start: Mark) {
        self.sink.push(Token {
            kind,
            start,
            end: self.mark,
        });
    }
}

#[cfg(test)]
mod tests;
