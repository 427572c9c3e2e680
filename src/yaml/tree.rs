//! The first document of a YAML text as a tree of nodes with their positions, built in
//! one pass from the scanner's tokens by the rules of libyaml's parser, so that a node
//! is placed exactly where serde_yaml would report it.

use super::locate::{NodePath, Segment};
use super::scan::{self, Kind, Mark, Style, Token};
use std::cell::RefCell;
use std::collections::HashMap;

/// A parsed document: its nodes, and where a second document starts, if one does.
#[derive(Debug)]
pub struct Tree<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    root: Option<usize>,
    second_document: Option<Mark>,
    /// For each mapping looked into: its keys as text, each with the positions of the
    /// pairs that have it. Built on first use, so each key is read once however many
    /// problems are located.
    key_index: RefCell<HashMap<usize, HashMap<String, Vec<usize>>>>,
}

#[derive(Debug)]
struct Node {
    mark: Mark,
    kind: NodeKind,
}

#[derive(Debug)]
enum NodeKind {
    /// Nothing written: YAML's null.
    Empty,
    Scalar {
        style: Style,
        span: (usize, usize),
        tagged: bool,
    },
    /// An alias, to the node its anchor names (none when the anchor is unknown).
    Alias(Option<usize>),
    Sequence(Vec<usize>),
    Mapping(Vec<(usize, usize)>),
}

impl<'t> Tree<'t> {
    /// Parses `text`, or `None` when it nests deeper than `max_depth`.
    pub fn parse(text: &'t str, max_depth: usize) -> Option<Tree<'t>> {
        let mut tokens = Vec::new();
        scan::scan(text, &mut tokens, max_depth).ok()?;
        let mut parser = Parser {
            tokens: &tokens,
            position: 0,
            text,
            nodes: Vec::new(),
            anchors: HashMap::new(),
            failed: false,
        };
        let root = parser.document();
        let second_document = parser.second_document();
        Some(Tree {
            text,
            nodes: parser.nodes,
            root,
            second_document,
            key_index: RefCell::default(),
        })
    }

    /// Where a second document starts (serde_yaml refuses it without saying where).
    pub fn second_document(&self) -> Option<Mark> {
        self.second_document
    }

    /// Where the node at `path` starts, as serde_yaml would report it.
    pub fn locate(&self, path: &NodePath) -> Option<Mark> {
        let mut node = self.resolve(self.root?)?;
        for segment in &path.0 {
            match (segment, &self.nodes[node].kind) {
                (Segment::Key(key), NodeKind::Mapping(pairs)) => {
                    let position = self.pair_with_key(node, key, 0)?;
                    node = self.resolve(pairs[position].1)?;
                }
                (Segment::KeyName(key, occurrence), NodeKind::Mapping(pairs)) => {
                    let position = self.pair_with_key(node, key, *occurrence)?;
                    return Some(self.nodes[self.resolve(pairs[position].0)?].mark);
                }
                (Segment::Index(index), NodeKind::Sequence(items)) => {
                    node = self.resolve(*items.get(*index)?)?;
                }
                _ => return None,
            }
        }
        Some(self.nodes[node].mark)
    }

    /// Every path into the document, up to `limit` of them (for tests against the
    /// oracle).
    #[cfg(test)]
    fn paths(&self, limit: usize) -> Vec<NodePath> {
        let mut paths = Vec::new();
        let mut stack: Vec<(usize, NodePath)> = self
            .root
            .into_iter()
            .map(|root| (root, NodePath::root()))
            .collect();
        while let Some((node, path)) = stack.pop() {
            if paths.len() >= limit {
                break;
            }
            let Some(node) = self.resolve(node) else {
                continue;
            };
            // An alias can name its own ancestor; serde_yaml stops such paths at 128.
            if path.0.len() > 64 {
                continue;
            }
            match &self.nodes[node].kind {
                NodeKind::Mapping(pairs) => {
                    let mut seen: HashMap<String, usize> = HashMap::new();
                    for (key, value) in pairs {
                        let Some(text) = self.key_text(*key) else {
                            continue;
                        };
                        let occurrence = seen.entry(text.clone()).or_default();
                        paths.push(path.key_name_nth(&text, *occurrence));
                        *occurrence += 1;
                        stack.push((*value, path.key(&text)));
                    }
                }
                NodeKind::Sequence(items) => {
                    for (index, item) in items.iter().enumerate() {
                        stack.push((*item, path.index(index)));
                    }
                }
                _ => {}
            }
            paths.push(path);
        }
        paths
    }

    /// The position of the `occurrence`-th pair (from 0) of a mapping whose key reads
    /// as `key`.
    fn pair_with_key(&self, mapping: usize, key: &str, occurrence: usize) -> Option<usize> {
        let mut index = self.key_index.borrow_mut();
        let keys = index.entry(mapping).or_insert_with(|| {
            let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
            if let NodeKind::Mapping(pairs) = &self.nodes[mapping].kind {
                for (position, (name, _)) in pairs.iter().enumerate() {
                    if let Some(text) = self.key_text(*name) {
                        keys.entry(text).or_default().push(position);
                    }
                }
            }
            keys
        });
        keys.get(key)?.get(occurrence).copied()
    }

    /// The node itself, or the one an alias names.
    fn resolve(&self, node: usize) -> Option<usize> {
        match self.nodes[node].kind {
            NodeKind::Alias(target) => target,
            _ => Some(node),
        }
    }

    /// A key as the loader reads it into text (`1` and `0x1` both read as "1").
    fn key_text(&self, node: usize) -> Option<String> {
        match &self.nodes[self.resolve(node)?].kind {
            NodeKind::Empty => Some("null".into()),
            NodeKind::Sequence(_) | NodeKind::Mapping(_) => Some(String::new()),
            NodeKind::Scalar {
                style,
                span: (start, end),
                tagged: false,
            } => {
                let raw = self.text.get(*start..*end)?;
                match style {
                    Style::Plain => plain_key_text(raw),
                    Style::SingleQuoted | Style::DoubleQuoted => quoted_text(raw, *style),
                    Style::Literal | Style::Folded => None,
                }
            }
            NodeKind::Scalar { tagged: true, .. } | NodeKind::Alias(_) => None,
        }
    }
}

/// A plain key's text: a slug reads as itself; anything else the way serde_yaml reads
/// it (numbers, booleans and null resolve).
fn plain_key_text(raw: &str) -> Option<String> {
    let mut chars = raw.chars();
    let slug_like = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !matches!(raw, "null" | "true" | "false");
    if slug_like {
        return Some(raw.to_string());
    }
    serde_yaml::from_str::<KeyProbe>(raw).ok().map(|key| key.0)
}

fn quoted_text(raw: &str, style: Style) -> Option<String> {
    let inner = raw.get(1..raw.len().saturating_sub(1))?;
    let escaped = match style {
        Style::SingleQuoted => inner.contains('\''),
        _ => inner.contains('\\') || inner.contains('"'),
    };
    if !escaped && !inner.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        return Some(inner.to_string());
    }
    serde_yaml::from_str::<String>(raw).ok()
}

/// Reads a scalar into text the way the locator's key reader does.
struct KeyProbe(String);

impl<'de> serde::Deserialize<'de> for KeyProbe {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Probe;
        impl serde::de::Visitor<'_> for Probe {
            type Value = KeyProbe;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a key")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyProbe, E> {
                Ok(KeyProbe(key.to_string()))
            }
            fn visit_bool<E: serde::de::Error>(self, key: bool) -> Result<KeyProbe, E> {
                Ok(KeyProbe(key.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, key: i64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(key.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, key: u64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(key.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, key: f64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(key.to_string()))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<KeyProbe, E> {
                Ok(KeyProbe("null".into()))
            }
        }
        deserializer.deserialize_any(Probe)
    }
}

struct Parser<'a> {
    tokens: &'a [Token],
    position: usize,
    text: &'a str,
    nodes: Vec<Node>,
    anchors: HashMap<&'a str, usize>,
    /// libyaml stopped here; what follows is left out.
    failed: bool,
}

const STREAM_END: Token = Token {
    kind: Kind::StreamEnd,
    start: Mark {
        byte: usize::MAX,
        line: usize::MAX,
        column: 0,
    },
    end: Mark {
        byte: usize::MAX,
        line: usize::MAX,
        column: 0,
    },
};

impl<'a> Parser<'a> {
    fn peek(&self) -> Token {
        self.tokens
            .get(self.position)
            .copied()
            .unwrap_or(STREAM_END)
    }

    fn peek_is(&self, kinds: &[Kind]) -> bool {
        kinds.contains(&self.peek().kind)
    }

    fn advance(&mut self) {
        self.position += 1;
    }

    fn add(&mut self, mark: Mark, kind: NodeKind) -> usize {
        self.nodes.push(Node { mark, kind });
        self.nodes.len() - 1
    }

    fn empty(&mut self, mark: Mark) -> usize {
        self.add(mark, NodeKind::Empty)
    }

    /// The first document's root node.
    fn document(&mut self) -> Option<usize> {
        let first = self.peek();
        match first.kind {
            Kind::StreamEnd => None,
            Kind::Directive | Kind::DocumentStart => {
                while self.peek_is(&[Kind::Directive]) {
                    self.advance();
                }
                if !self.peek_is(&[Kind::DocumentStart]) {
                    self.failed = true;
                    return None;
                }
                self.advance();
                let next = self.peek();
                let ends = [
                    Kind::Directive,
                    Kind::DocumentStart,
                    Kind::DocumentEnd,
                    Kind::StreamEnd,
                ];
                if ends.contains(&next.kind) {
                    Some(self.empty(next.start))
                } else {
                    Some(self.node(true, false))
                }
            }
            _ => Some(self.node(true, false)),
        }
    }

    /// Where the next document starts after the first, if there is one.
    fn second_document(&mut self) -> Option<Mark> {
        if self.failed {
            return None;
        }
        while self.peek_is(&[Kind::DocumentEnd]) {
            self.advance();
        }
        let next = self.peek();
        (next.kind != Kind::StreamEnd).then_some(next.start)
    }

    fn node(&mut self, block: bool, indentless: bool) -> usize {
        let first = self.peek();
        if first.kind == Kind::Alias {
            self.advance();
            let name = self.token_text(&first).get(1..).unwrap_or_default();
            let target = self.anchors.get(name).copied();
            return self.add(first.start, NodeKind::Alias(target));
        }
        let (anchor, tagged) = self.properties();
        let content = self.peek();
        let mark = if anchor.is_some() || tagged {
            first.start
        } else {
            content.start
        };
        let id = match content.kind {
            Kind::BlockEntry if indentless => self.add(mark, NodeKind::Sequence(Vec::new())),
            Kind::Scalar(style) => {
                self.advance();
                let span = (content.start.byte, content.end.byte);
                self.add(
                    mark,
                    NodeKind::Scalar {
                        style,
                        span,
                        tagged,
                    },
                )
            }
            Kind::FlowSequenceStart => self.add(mark, NodeKind::Sequence(Vec::new())),
            Kind::BlockSequenceStart if block => self.add(mark, NodeKind::Sequence(Vec::new())),
            Kind::FlowMappingStart => self.add(mark, NodeKind::Mapping(Vec::new())),
            Kind::BlockMappingStart if block => self.add(mark, NodeKind::Mapping(Vec::new())),
            _ => {
                if anchor.is_none() && !tagged {
                    self.failed = true;
                }
                self.empty(mark)
            }
        };
        // The loader learns an anchor at its node's first event, before the children.
        if let Some(name) = anchor {
            self.anchors.insert(name, id);
        }
        match content.kind {
            Kind::BlockEntry if indentless => self.indentless_sequence(id),
            Kind::FlowSequenceStart => self.flow_sequence(id),
            Kind::BlockSequenceStart if block => self.block_sequence(id),
            Kind::FlowMappingStart => self.flow_mapping(id),
            Kind::BlockMappingStart if block => self.block_mapping(id),
            _ => {}
        }
        id
    }

    /// An anchor and a tag before a node, in either order: the anchor's name, and
    /// whether a tag was given.
    fn properties(&mut self) -> (Option<&'a str>, bool) {
        let mut anchor = None;
        let mut tagged = false;
        for _ in 0..2 {
            let token = self.peek();
            match token.kind {
                Kind::Anchor if anchor.is_none() => {
                    anchor = Some(self.token_text(&token).get(1..).unwrap_or_default());
                }
                Kind::Tag if !tagged => tagged = true,
                _ => break,
            }
            self.advance();
        }
        (anchor, tagged)
    }

    fn token_text(&self, token: &Token) -> &'a str {
        self.text
            .get(token.start.byte..token.end.byte)
            .unwrap_or_default()
    }

    fn push_item(&mut self, collection: usize, item: usize) {
        if let NodeKind::Sequence(items) = &mut self.nodes[collection].kind {
            items.push(item);
        }
    }

    fn push_pair(&mut self, collection: usize, key: usize, value: usize) {
        if let NodeKind::Mapping(pairs) = &mut self.nodes[collection].kind {
            pairs.push((key, value));
        }
    }

    /// A node, or an empty one at `mark` when the next token is one of `enders`.
    fn node_unless(&mut self, enders: &[Kind], mark: Mark, block: bool, indentless: bool) -> usize {
        if self.peek_is(enders) {
            self.empty(mark)
        } else {
            self.node(block, indentless)
        }
    }

    fn block_sequence(&mut self, id: usize) {
        self.advance();
        while !self.failed {
            let token = self.peek();
            match token.kind {
                Kind::BlockEntry => {
                    self.advance();
                    let enders = [Kind::BlockEntry, Kind::BlockEnd];
                    let item = self.node_unless(&enders, token.end, true, false);
                    self.push_item(id, item);
                }
                Kind::BlockEnd => {
                    self.advance();
                    return;
                }
                _ => self.failed = true,
            }
        }
    }

    fn indentless_sequence(&mut self, id: usize) {
        while !self.failed && self.peek_is(&[Kind::BlockEntry]) {
            let token = self.peek();
            self.advance();
            let enders = [Kind::BlockEntry, Kind::Key, Kind::Value, Kind::BlockEnd];
            let item = self.node_unless(&enders, token.end, true, false);
            self.push_item(id, item);
        }
    }

    fn block_mapping(&mut self, id: usize) {
        self.advance();
        let enders = [Kind::Key, Kind::Value, Kind::BlockEnd];
        while !self.failed {
            let token = self.peek();
            let key = match token.kind {
                Kind::Key => {
                    self.advance();
                    self.node_unless(&enders, token.end, true, true)
                }
                Kind::BlockEnd => {
                    self.advance();
                    return;
                }
                _ => {
                    self.failed = true;
                    return;
                }
            };
            let token = self.peek();
            let value = if token.kind == Kind::Value {
                self.advance();
                self.node_unless(&enders, token.end, true, true)
            } else {
                self.empty(token.start)
            };
            self.push_pair(id, key, value);
        }
    }

    fn flow_sequence(&mut self, id: usize) {
        self.advance();
        let mut first = true;
        while !self.failed {
            if !self.peek_is(&[Kind::FlowSequenceEnd]) {
                if !first {
                    if !self.peek_is(&[Kind::FlowEntry]) {
                        self.failed = true;
                        return;
                    }
                    self.advance();
                }
                first = false;
                let token = self.peek();
                if token.kind == Kind::Key {
                    let pair = self.single_pair(token);
                    self.push_item(id, pair);
                    continue;
                }
                if token.kind != Kind::FlowSequenceEnd {
                    let item = self.node(false, false);
                    self.push_item(id, item);
                    continue;
                }
            }
            self.advance();
            return;
        }
    }

    /// `[? a : b]` or `[a: b]`: a mapping of one pair inside a flow sequence.
    fn single_pair(&mut self, key_token: Token) -> usize {
        let id = self.add(key_token.start, NodeKind::Mapping(Vec::new()));
        self.advance();
        let token = self.peek();
        let enders = [Kind::Value, Kind::FlowEntry, Kind::FlowSequenceEnd];
        let key = if enders.contains(&token.kind) {
            // libyaml steps over the token here, whatever it is.
            self.advance();
            self.empty(token.end)
        } else {
            self.node(false, false)
        };
        let mut token = self.peek();
        let value = if token.kind == Kind::Value {
            self.advance();
            token = self.peek();
            if [Kind::FlowEntry, Kind::FlowSequenceEnd].contains(&token.kind) {
                self.empty(token.start)
            } else {
                self.node(false, false)
            }
        } else {
            self.empty(token.start)
        };
        self.push_pair(id, key, value);
        id
    }

    fn flow_mapping(&mut self, id: usize) {
        self.advance();
        let mut first = true;
        while !self.failed {
            if !self.peek_is(&[Kind::FlowMappingEnd]) {
                if !first {
                    if !self.peek_is(&[Kind::FlowEntry]) {
                        self.failed = true;
                        return;
                    }
                    self.advance();
                }
                first = false;
                let token = self.peek();
                if token.kind == Kind::Key {
                    self.advance();
                    let enders = [Kind::Value, Kind::FlowEntry, Kind::FlowMappingEnd];
                    let start = self.peek().start;
                    let key = self.node_unless(&enders, start, false, false);
                    let value = self.flow_mapping_value();
                    self.push_pair(id, key, value);
                    continue;
                }
                if token.kind != Kind::FlowMappingEnd {
                    let key = self.node(false, false);
                    let value = self.empty(self.peek().start);
                    self.push_pair(id, key, value);
                    continue;
                }
            }
            self.advance();
            return;
        }
    }

    fn flow_mapping_value(&mut self) -> usize {
        let token = self.peek();
        if token.kind != Kind::Value {
            return self.empty(token.start);
        }
        self.advance();
        let start = self.peek().start;
        self.node_unless(
            &[Kind::FlowEntry, Kind::FlowMappingEnd],
            start,
            false,
            false,
        )
    }
}

#[cfg(test)]
mod tests;
