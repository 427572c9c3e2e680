//! Finding the line and column of a node for errors found after parsing.
//!
//! serde_yaml attaches a position only to errors raised while it deserializes, so to
//! place a semantic problem (a duplicate id, a missing descriptor) we parse the text once
//! more into a tree of positioned nodes (see `tree.rs`) and follow each problem's path
//! in it: one pass however many problems there are.

use super::preflight::MAX_DEPTH;
use super::scan::Mark;
use super::tree::Tree;
use crate::error::{Location, Problem};

/// One step into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// The value under a key of a mapping.
    Key(String),
    /// The key itself (to point at a misspelt or unknown key); the number counts
    /// earlier keys of the same text, to point at the second of a duplicate.
    KeyName(String, usize),
    /// An element of a sequence.
    Index(usize),
}

/// A path to a node, from the document root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodePath(pub Vec<Segment>);

impl NodePath {
    pub fn root() -> Self {
        NodePath(Vec::new())
    }
    pub fn key(&self, key: &str) -> Self {
        self.with(Segment::Key(key.to_string()))
    }
    pub fn key_name(&self, key: &str) -> Self {
        self.with(Segment::KeyName(key.to_string(), 0))
    }
    /// The `occurrence`-th key (from 0) with this text, for duplicates.
    pub fn key_name_nth(&self, key: &str, occurrence: usize) -> Self {
        self.with(Segment::KeyName(key.to_string(), occurrence))
    }
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }
    /// The path from serde's spelling of it: `themes[0].stages`, or empty for the root.
    pub fn from_serde_path(text: &str) -> Self {
        let mut path = NodePath::root();
        for part in text.split('.').filter(|part| !part.is_empty()) {
            let mut pieces = part.split('[');
            if let Some(key) = pieces.next().filter(|key| !key.is_empty()) {
                path = path.key(key);
            }
            for index in pieces {
                if let Ok(index) = index.trim_end_matches(']').parse() {
                    path = path.index(index);
                }
            }
        }
        path
    }

    fn with(&self, segment: Segment) -> Self {
        let mut path = self.0.clone();
        path.push(segment);
        NodePath(path)
    }
}

/// A problem found after parsing, at the node it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    pub path: NodePath,
    pub message: String,
}

/// More problems than this and the rest are counted, not listed.
const MAX_LISTED_PROBLEMS: usize = 50;

/// Gives each problem the line and column of its node, in file order.
pub fn locate_problems(text: &str, problems: Vec<PathProblem>) -> Vec<Problem> {
    let tree = Tree::parse(text, MAX_DEPTH);
    let total = problems.len();
    let mut located: Vec<Problem> = problems
        .into_iter()
        .map(|problem| {
            let at = tree.as_ref().and_then(|tree| tree.locate(&problem.path));
            Problem::new(at.map(location), problem.message)
        })
        .collect();
    located.sort_by_key(|problem| problem.location);
    located.truncate(MAX_LISTED_PROBLEMS);
    if total > MAX_LISTED_PROBLEMS {
        located.push(Problem::new(
            None,
            format!(
                "and {} more problems; fix these first",
                total - MAX_LISTED_PROBLEMS
            ),
        ));
    }
    located
}

/// Where the node at `path` starts in `text`, or `None` when it is not there.
pub fn locate(text: &str, path: &NodePath) -> Option<Location> {
    let tree = Tree::parse(text, MAX_DEPTH)?;
    tree.locate(path).map(location)
}

/// A scanner mark as a location, both counted from 1.
pub(super) fn location(mark: Mark) -> Location {
    Location {
        line: mark.line + 1,
        column: mark.column + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "id: x\nstages:\n  - id: a\n    name: A\n  - id: b\n    name: B\nthemes:\n  - id: t\n    stages:\n      a: one\n      zz: two\n";

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn finds_values_keys_and_elements() {
        let root = NodePath::root();
        assert_eq!(locate(DOC, &root.key("id")), at(1, 5));
        assert_eq!(locate(DOC, &root.key("stages").index(1)), at(5, 5));
        assert_eq!(
            locate(DOC, &root.key("stages").index(1).key("id")),
            at(5, 9)
        );
        let theme_stages = root.key("themes").index(0).key("stages");
        assert_eq!(locate(DOC, &theme_stages), at(10, 7));
        assert_eq!(locate(DOC, &theme_stages.key_name("zz")), at(11, 7));
        let twice = "a: 1\nb: 2\na: 3\n";
        assert_eq!(
            locate(twice, &NodePath::root().key_name_nth("a", 1)),
            at(3, 1)
        );
    }

    #[test]
    fn serde_paths_parse() {
        let path = NodePath::from_serde_path("themes[3].stages");
        assert_eq!(path, NodePath::root().key("themes").index(3).key("stages"));
        assert_eq!(NodePath::from_serde_path(""), NodePath::root());
    }

    #[test]
    fn missing_nodes_have_no_location() {
        let root = NodePath::root();
        assert_eq!(locate(DOC, &root.key("nothing")), None);
        assert_eq!(locate(DOC, &root.key("stages").index(7)), None);
        assert_eq!(locate("- a\n", &root.key("id")), None);
        assert_eq!(locate(": : :", &root.key("id")), None);
    }

    #[test]
    fn flow_style_is_found_too() {
        let doc = "themes: [{id: a, stages: {x: 1}}, {id: b}]\n";
        assert_eq!(
            locate(doc, &NodePath::root().key("themes").index(1).key("id")),
            at(1, 40)
        );
    }
}
