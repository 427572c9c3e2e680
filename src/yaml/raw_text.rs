//! The text of scalars as written in the file, for values that YAML reads as something
//! other than text (`~`, `true`, `0x1F`) where a field that may also be a mapping had to
//! be read without knowing which. A field read as a string gets exactly this text, so
//! taking it from here keeps such a value meaning what it always meant.
//!
//! All the wanted nodes are found in one walk of the document, however many there are.

use super::de::KeyText;
use super::locate::{NodePath, Segment};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::HashMap;
use std::fmt;

/// The paths wanted, as a tree: one walk visits each node once.
#[derive(Default)]
struct Wanted {
    /// The index of the result this node fills, when it is wanted itself.
    slot: Option<usize>,
    /// Children by (key, how many earlier keys of that text) or by sequence index.
    keys: HashMap<(String, usize), Wanted>,
    items: HashMap<usize, Wanted>,
}

impl Wanted {
    fn add(&mut self, path: &[Segment], slot: usize) {
        match path.split_first() {
            None => self.slot = Some(slot),
            Some((Segment::Key(key), rest)) => self
                .keys
                .entry((key.clone(), 0))
                .or_default()
                .add(rest, slot),
            Some((Segment::KeyName(key, nth), rest)) => self
                .keys
                .entry((key.clone(), *nth))
                .or_default()
                .add(rest, slot),
            Some((Segment::Index(index), rest)) => {
                self.items.entry(*index).or_default().add(rest, slot);
            }
        }
    }
}

/// The text as written of the scalar at each path (`None` where there is no scalar).
pub fn scalar_texts(text: &str, paths: &[NodePath]) -> Vec<Option<String>> {
    let mut found = vec![None; paths.len()];
    if paths.is_empty() {
        return found;
    }
    let mut wanted = Wanted::default();
    for (slot, path) in paths.iter().enumerate() {
        wanted.add(&path.0, slot);
    }
    let deserializer = serde_yaml::Deserializer::from_str(text);
    // A document that parsed once parses again; a failure only leaves slots empty.
    let _ = Walk {
        wanted: &wanted,
        found: &mut found,
    }
    .deserialize(deserializer);
    found
}

struct Walk<'w> {
    wanted: &'w Wanted,
    found: &'w mut Vec<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if let Some(slot) = self.wanted.slot {
            let text = String::deserialize(deserializer)?;
            self.found[slot] = Some(text);
            Ok(())
        } else if !self.wanted.keys.is_empty() {
            deserializer.deserialize_map(self)
        } else if !self.wanted.items.is_empty() {
            deserializer.deserialize_seq(self)
        } else {
            deserializer.deserialize_ignored_any(IgnoredAny).map(|_| ())
        }
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("the document as it was read before")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        while let Some(KeyText(key)) = map.next_key::<KeyText>()? {
            let count = seen.entry(key.clone()).or_default();
            let nth = *count;
            *count += 1;
            match self.wanted.keys.get(&(key, nth)) {
                Some(child) => map.next_value_seed(Walk {
                    wanted: child,
                    found: self.found,
                })?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let more = match self.wanted.items.get(&index) {
                Some(child) => seq
                    .next_element_seed(Walk {
                        wanted: child,
                        found: self.found,
                    })?
                    .is_some(),
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_come_back_as_written() {
        let text = "themes:\n  - stages: { a: ~, b: 0x1F, c: text }\n  - stages:\n      a: True\n      a: 1e3\n";
        let theme = |n: usize| NodePath::root().key("themes").index(n).key("stages");
        let paths = [
            theme(0).key("a"),
            theme(0).key("b"),
            theme(1).key("a"),
            theme(1).key_name_nth("a", 1),
            theme(0).key("missing"),
        ];
        assert_eq!(
            scalar_texts(text, &paths),
            [
                Some("~".to_string()),
                Some("0x1F".to_string()),
                Some("True".to_string()),
                Some("1e3".to_string()),
                None
            ]
        );
    }

    #[test]
    fn nothing_wanted_reads_nothing() {
        assert!(scalar_texts("a: [", &[]).is_empty());
    }
}
