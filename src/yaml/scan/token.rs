//! The tokens the scanner produces and where they go.

/// A position as libyaml counts it: byte offset, and line and column from 0 (columns
/// in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

/// The kinds of token libyaml produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    StreamEnd,
    Directive,
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias,
    Anchor,
    Tag,
    Scalar(Style),
}

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// One token and the text it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: Mark,
    pub end: Mark,
}

/// Where tokens go: a list (to parse them) or a counter (to check nesting only).
pub trait Sink {
    fn push(&mut self, token: Token);
    /// Puts a token before the `at`-th one; libyaml inserts a key's tokens once it
    /// sees the `:` after the key.
    fn insert(&mut self, at: usize, token: Token);
    fn count(&self) -> usize;
}

impl Sink for Vec<Token> {
    fn push(&mut self, token: Token) {
        Vec::push(self, token);
    }
    fn insert(&mut self, at: usize, token: Token) {
        Vec::insert(self, at.min(self.len()), token);
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// Counts tokens, and the aliases among them, and keeps none.
#[derive(Debug, Default)]
pub struct Counter {
    pub tokens: usize,
    pub aliases: usize,
}

impl Sink for Counter {
    fn push(&mut self, token: Token) {
        self.tokens += 1;
        if token.kind == Kind::Alias {
            self.aliases += 1;
        }
    }
    fn insert(&mut self, _: usize, token: Token) {
        self.push(token);
    }
    fn count(&self) -> usize {
        self.tokens
    }
}

/// The document nests collections deeper than allowed; `at` is where the level
/// over the limit opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub at: Mark,
}
