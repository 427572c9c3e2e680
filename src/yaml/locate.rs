//! Finding the line and column of a node for errors found after parsing.
//!
//! serde_yaml attaches a position only to errors raised while it deserializes, so to
//! place a semantic problem (a duplicate id, a missing descriptor) we walk the document
//! again along the problem's path and raise a marker error at the node: serde_yaml then
//! tells us where that node starts. Only bad files pay for this, once per problem.

use crate::error::{Location, Problem};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

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

/// More problems than this and the rest are counted, not located (each costs a parse).
const MAX_LOCATED_PROBLEMS: usize = 50;

/// Gives each problem the line and column of its node, in file order.
pub fn locate_problems(text: &str, problems: Vec<PathProblem>) -> Vec<Problem> {
    let total = problems.len();
    let mut located: Vec<Problem> = problems
        .into_iter()
        .take(MAX_LOCATED_PROBLEMS)
        .map(|problem| Problem::new(locate(text, &problem.path), problem.message))
        .collect();
    located.sort_by_key(|problem| problem.location);
    if total > MAX_LOCATED_PROBLEMS {
        located.push(Problem::new(
            None,
            format!(
                "and {} more problems; fix these first",
                total - MAX_LOCATED_PROBLEMS
            ),
        ));
    }
    located
}

const MARKER: &str = "\u{0}routemap-locate\u{0}";

/// Where the node at `path` starts in `text`, or `None` when it is not there.
pub fn locate(text: &str, path: &NodePath) -> Option<Location> {
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match (PathSeed { path: &path.0 }).deserialize(deserializer) {
        Err(error) if error.to_string().contains(MARKER) => error.location().map(|at| Location {
            line: at.line(),
            column: at.column(),
        }),
        _ => None,
    }
}

fn found<E: de::Error>() -> E {
    E::custom(MARKER)
}

fn not_found<E: de::Error>() -> E {
    E::custom("no such node")
}

struct PathSeed<'p> {
    path: &'p [Segment],
}

impl<'de> DeserializeSeed<'de> for PathSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.path.first() {
            None => deserializer.deserialize_any(FailHere),
            Some(Segment::Index(_)) => deserializer.deserialize_seq(Navigate { path: self.path }),
            Some(_) => deserializer.deserialize_map(Navigate { path: self.path }),
        }
    }
}

/// A visitor that fails on whatever node it is given, so serde_yaml marks its position.
struct FailHere;

impl<'de> Visitor<'de> for FailHere {
    type Value = ();
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any node")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(found())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(found())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(found())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(found())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(found())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(found())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(found())
    }
    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(found())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(found())
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(found())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(found())
    }
}

struct Navigate<'p> {
    path: &'p [Segment],
}

impl<'de> Visitor<'de> for Navigate<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a mapping or a sequence")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (target, point_at_key, mut skip) = match self.path.first() {
            Some(Segment::Key(key)) => (key.as_str(), false, 0),
            Some(Segment::KeyName(key, occurrence)) => (key.as_str(), true, *occurrence),
            _ => return Err(not_found()),
        };
        loop {
            let seed = KeySeed {
                target,
                point_at_key: point_at_key && skip == 0,
            };
            let Some(key) = map.next_key_seed(seed)? else {
                break;
            };
            if point_at_key && key == target {
                skip -= 1;
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if key == target {
                return map.next_value_seed(PathSeed {
                    path: &self.path[1..],
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Err(not_found())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some(Segment::Index(index)) = self.path.first() else {
            return Err(not_found());
        };
        for _ in 0..*index {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Err(not_found());
            }
        }
        match seq.next_element_seed(PathSeed {
            path: &self.path[1..],
        })? {
            Some(()) => Err(not_found()),
            None => Err(not_found()),
        }
    }
}

/// Reads a mapping key as text; fails at the key when it is the one to point at.
struct KeySeed<'t> {
    target: &'t str,
    point_at_key: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = String;
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        if self.point_at_key && key == self.target {
            return Err(found());
        }
        Ok(key.to_string())
    }
    fn visit_bool<E: de::Error>(self, key: bool) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }
    fn visit_i64<E: de::Error>(self, key: i64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }
    fn visit_u64<E: de::Error>(self, key: u64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }
    fn visit_f64<E: de::Error>(self, key: f64) -> Result<String, E> {
        self.visit_str(&key.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        self.visit_str("null")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(String::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(String::new())
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
