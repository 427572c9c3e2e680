//! The first document of a YAML text as a tree of nodes with their positions, built in
//! one pass from the scanner's tokens by the rules of libyaml's parser, so that a node
//! is placed exactly where serde_yaml would report it.

use super::locate::{NodePath, Segment};
use super::scan::{self, Mark, Style};
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
        let mut parser = parse::Parser::new(&tokens, text);
        let root = parser.document();
        let second_document = parser.second_document();
        Some(Tree {
            text,
            nodes: parser.into_nodes(),
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

    /// How many bytes of text the document reads as once every alias is replaced by
    /// what its anchor names (saturating: an alias inside what it names is endless),
    /// and the alias that expands to the most, first in the file among equals.
    pub fn expansion(&self) -> (u64, Option<Mark>) {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            New,
            Open,
            Done(u64),
        }
        let mut states = vec![State::New; self.nodes.len()];
        let children = |node: usize| -> Vec<usize> {
            match &self.nodes[node].kind {
                NodeKind::Sequence(items) => items.clone(),
                NodeKind::Mapping(pairs) => pairs.iter().flat_map(|(k, v)| [*k, *v]).collect(),
                NodeKind::Alias(Some(target)) => vec![*target],
                _ => Vec::new(),
            }
        };
        // Depth first without recursion: an alias chain may be as long as the file.
        let mut stack: Vec<usize> = (0..self.nodes.len()).rev().collect();
        while let Some(&node) = stack.last() {
            match states[node] {
                State::Done(_) => {
                    stack.pop();
                }
                State::New => {
                    states[node] = State::Open;
                    stack.extend(
                        children(node)
                            .into_iter()
                            .filter(|c| states[*c] == State::New),
                    );
                }
                State::Open => {
                    let own = match &self.nodes[node].kind {
                        NodeKind::Scalar { span, .. } => (span.1 - span.0) as u64,
                        _ => 0,
                    };
                    let size = children(node)
                        .iter()
                        .fold(own, |sum, child| match states[*child] {
                            State::Done(size) => sum.saturating_add(size),
                            // Still open: an ancestor, so the alias names itself.
                            _ => u64::MAX,
                        });
                    states[node] = State::Done(size);
                    stack.pop();
                }
            }
        }
        let size = |node: usize| match states[node] {
            State::Done(size) => size,
            _ => u64::MAX,
        };
        let mut largest: Option<(u64, Mark)> = None;
        for (index, node) in self.nodes.iter().enumerate() {
            if matches!(node.kind, NodeKind::Alias(Some(_)))
                && largest.is_none_or(|(most, _)| size(index) > most)
            {
                largest = Some((size(index), node.mark));
            }
        }
        (self.root.map_or(0, size), largest.map(|(_, mark)| mark))
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

mod parse;
#[cfg(test)]
mod tests;
