//! Labels in place of authorities' names (`--anonymise`): "Authority A", "Authority B",
//! … given in the order of a keyed hash of each name, so they do not follow name order,
//! and a reader who knows which authorities are in the region cannot recompute them.
//! The key is random, made once and kept in the data directory (`.anonymise-key`), so
//! the same authorities get the same labels run after run on this machine. It is not
//! encryption: keep the key file to yourself.

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::Path;

/// The file in the data directory that holds the key.
pub const KEY_FILE: &str = ".anonymise-key";

/// A key for the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub u64, pub u64);

impl Key {
    /// A fresh random key (std's hasher seeds are random per process).
    pub fn random() -> Key {
        let draw = || RandomState::new().build_hasher().finish();
        Key(draw(), draw())
    }

    /// The key kept in `data_dir`, made and saved when there is none; `None` as the
    /// second value when it could not be kept (the labels then differ next run).
    pub fn kept_in(data_dir: &Path) -> (Key, bool) {
        let path = data_dir.join(KEY_FILE);
        if let Ok(text) = fs::read_to_string(&path)
            && let Some(key) = Key::parse(&text)
        {
            return (key, true);
        }
        let key = Key::random();
        let text = format!("{:016x}{:016x}\n", key.0, key.1);
        let kept =
            crate::store::write_atomic(&path, |file| file.write_all(text.as_bytes())).is_ok();
        (key, kept)
    }

    fn parse(text: &str) -> Option<Key> {
        let text = text.trim();
        if text.len() != 32 {
            return None;
        }
        let high = u64::from_str_radix(text.get(..16)?, 16).ok()?;
        let low = u64::from_str_radix(text.get(16..)?, 16).ok()?;
        Some(Key(high, low))
    }

    /// The keyed hash of a name (FNV-1a over key, name, key: stable across builds).
    fn hash(self, name: &str) -> u64 {
        let mut hash = 0xcbf2_9ce4_8422_2325u64;
        let mut eat = |bytes: &[u8]| {
            for byte in bytes {
                hash = (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
            }
        };
        eat(&self.0.to_le_bytes());
        eat(name.as_bytes());
        eat(&self.1.to_le_bytes());
        hash
    }
}

/// "A", "B", …, "Z", "AA", "AB", …: the label for a position.
fn letters(mut position: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (position % 26) as u8);
        if position < 26 {
            break;
        }
        position = position / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// A label for each of `names` (in their order), by keyed-hash rank.
pub fn labels(names: &[&str], key: Key) -> Vec<String> {
    let mut ranked: Vec<(u64, &str, usize)> = names
        .iter()
        .enumerate()
        .map(|(index, name)| (key.hash(name), *name, index))
        .collect();
    ranked.sort();
    let mut labels = vec![String::new(); names.len()];
    for (rank, (_, _, index)) in ranked.into_iter().enumerate() {
        labels[index] = format!("Authority {}", letters(rank));
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_on_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(26 + 26 * 26), "AAA");
    }

    #[test]
    fn labels_are_stable_for_a_key_and_do_not_follow_name_order() {
        let names: Vec<String> = (0..40).map(|i| format!("Council {i:02}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let key = Key(7, 11);
        let first = labels(&refs, key);
        assert_eq!(first, labels(&refs, key), "stable");
        let mut sorted = first.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 40, "distinct");
        let in_name_order: Vec<String> = (0..40)
            .map(|i| format!("Authority {}", letters(i)))
            .collect();
        assert_ne!(first, in_name_order);
        assert_ne!(
            labels(&refs, Key(8, 11)),
            first,
            "another key, other labels"
        );
    }

    #[test]
    fn the_key_is_kept_in_the_data_directory() {
        let dir = tempfile::tempdir().unwrap();
        let (key, kept) = Key::kept_in(dir.path());
        assert!(kept);
        assert_eq!(Key::kept_in(dir.path()), (key, true));
    }
}
