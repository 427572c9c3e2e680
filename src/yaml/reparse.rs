//! The first way of locating a node, kept as the oracle the one-pass tree is tested
//! against: walk the document with serde_yaml itself along the path and fail at the
//! node with a marker error, whose position serde_yaml reports. One full parse per node.

use super::locate::{NodePath, Segment};
use crate::error::Location;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

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
