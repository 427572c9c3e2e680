//! Deserializers for the shapes serde's derive does not give directly: a mapping that
//! keeps its order and its duplicate keys (so validation can report them), and a value
//! that may be written as one string or a list of strings.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A YAML mapping as written: entries in file order, duplicate keys kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a mapping")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<KeyText, V>()? {
                    entries.push((key.0, value));
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A mapping key as text, whatever scalar it was written as (`1:`, `true:`).
pub(super) struct KeyText(pub(super) String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = KeyText;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a plain key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyText, E> {
                Ok(KeyText(key.to_string()))
            }
            fn visit_bool<E: de::Error>(self, key: bool) -> Result<KeyText, E> {
                Ok(KeyText(key.to_string()))
            }
            fn visit_i64<E: de::Error>(self, key: i64) -> Result<KeyText, E> {
                Ok(KeyText(key.to_string()))
            }
            fn visit_u64<E: de::Error>(self, key: u64) -> Result<KeyText, E> {
                Ok(KeyText(key.to_string()))
            }
            fn visit_f64<E: de::Error>(self, key: f64) -> Result<KeyText, E> {
                Ok(KeyText(key.to_string()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

/// A list of strings that may also be written as a single string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = OneOrMany;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a list of text lines")
            }
            fn visit_unit<E: de::Error>(self) -> Result<OneOrMany, E> {
                Ok(OneOrMany::default())
            }
            fn visit_str<E: de::Error>(self, item: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![item.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(OneOrMany(items))
            }
        }
        deserializer.deserialize_any(ListVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_map_keeps_order_and_duplicates() {
        let map: OrderedMap<String> = serde_yaml::from_str("b: 1\na: 2\nb: 3\n").unwrap();
        let keys: Vec<&str> = map.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn ordered_map_of_empty_value_is_empty() {
        #[derive(serde::Deserialize)]
        struct Holder {
            m: OrderedMap<u32>,
        }
        let holder: Result<Holder, _> = serde_yaml::from_str("m:\n");
        assert!(holder.is_ok_and(|h| h.m.0.is_empty()));
    }

    #[test]
    fn one_or_many_accepts_both_spellings() {
        let one: Result<OneOrMany, _> = serde_yaml::from_str("just one");
        assert_eq!(one.ok(), Some(OneOrMany(vec!["just one".into()])));
        let many: Result<OneOrMany, _> = serde_yaml::from_str("[a, b]");
        assert_eq!(many.ok(), Some(OneOrMany(vec!["a".into(), "b".into()])));
        let bad: Result<OneOrMany, _> = serde_yaml::from_str("{a: b}");
        assert!(bad.is_err());
    }
}
