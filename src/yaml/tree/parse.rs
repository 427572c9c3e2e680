//! Building the tree from tokens, state by state as libyaml's parser does, so that
//! each node gets the mark of the event serde_yaml would see for it.

use super::{Node, NodeKind};
use crate::yaml::scan::{Kind, Mark, Token};
use std::collections::HashMap;

pub(super) struct Parser<'a> {
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
    pub(super) fn new(tokens: &'a [Token], text: &'a str) -> Self {
        Parser {
            tokens,
            position: 0,
            text,
            nodes: Vec::new(),
            anchors: HashMap::new(),
            failed: false,
        }
    }

    pub(super) fn into_nodes(self) -> Vec<Node> {
        self.nodes
    }

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
    pub(super) fn document(&mut self) -> Option<usize> {
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
    pub(super) fn second_document(&mut self) -> Option<Mark> {
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
                if !self.entry_separator(&mut first) {
                    return;
                }
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

    /// Before a flow collection's entry: the `,` that must come after the first one, as
    /// libyaml requires; false (and the parse failed) when it is missing.
    fn entry_separator(&mut self, first: &mut bool) -> bool {
        if !*first {
            if !self.peek_is(&[Kind::FlowEntry]) {
                self.failed = true;
                return false;
            }
            self.advance();
        }
        *first = false;
        true
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
                if !self.entry_separator(&mut first) {
                    return;
                }
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
