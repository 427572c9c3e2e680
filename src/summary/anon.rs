//! Labels in place of authorities' names (`--anonymise`): "Authority A", "Authority B",
//! … given in the order of a keyed pseudo-random function of each name (SipHash-2-4 under
//! a 128-bit key): a keyed permutation of the authorities, so the labels follow neither
//! name order nor anything a reader who knows the region's members could recompute.
//!
//! The key is drawn from the operating system's random source once and kept in the data
//! directory (`.anonymise-key`, readable by its owner only), so the same authorities get
//! the same labels run after run for this user; anyone without the key cannot map the
//! labels back. It is not encryption: keep the key file to yourself (and out of git).

#[cfg(test)]
use std::fs;
use std::path::Path;

/// The file in the data directory that holds the key.
pub const KEY_FILE: &str = ".anonymise-key";

/// A key for the labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub u64, pub u64);

/// How the key kept in the data directory was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Read from the key file.
    Read,
    /// Made now and saved (the first anonymised summary, or the file was unusable).
    Made,
    /// Made now but could not be saved: the labels will differ next time.
    NotSaved,
}

impl Key {
    /// A fresh key from the operating system's random source; `None` when it has none.
    pub fn random() -> Option<Key> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).ok()?;
        let (high, low) = bytes.split_at(8);
        Some(Key(
            u64::from_le_bytes(high.try_into().ok()?),
            u64::from_le_bytes(low.try_into().ok()?),
        ))
    }

    /// The key kept in `data_dir`, made and saved when there is none (or it is
    /// unreadable). A key file others may read is made private (mode 0600) first.
    pub fn kept_in(data_dir: &Path) -> Option<(Key, Kept)> {
        let path = data_dir.join(KEY_FILE);
        if let Some(key) = read_private(&path) {
            return Some((key, Kept::Read));
        }
        let key = Key::random()?;
        let text = format!("{:016x}{:016x}\n", key.0, key.1);
        let saved = crate::store::write_private(&path, text.as_bytes()).is_ok();
        Some((key, if saved { Kept::Made } else { Kept::NotSaved }))
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

    /// The keyed hash of a name.
    fn hash(self, name: &str) -> u64 {
        siphash24(self, name.as_bytes())
    }
}

/// The key in `path`, once the file is readable by its owner only.
fn read_private(path: &Path) -> Option<Key> {
    // A key is 33 bytes; whatever else is there is not read whole.
    let text = crate::yaml::read_text(path, 1024, "key file").ok()?;
    let key = Key::parse(&text)?;
    #[cfg(unix)]
    make_private(path);
    Some(key)
}

/// Takes group and other permissions off the key file, never through a link.
#[cfg(unix)]
fn make_private(path: &Path) {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let Ok(file) = rustix::fs::open(path, flags, Mode::empty()) else {
        return;
    };
    if let Ok(stat) = rustix::fs::fstat(&file) {
        let mode = Mode::from_raw_mode(stat.st_mode);
        if mode.intersects(Mode::RWXG | Mode::RWXO) {
            let _ = rustix::fs::fchmod(&file, Mode::RUSR | Mode::WUSR);
        }
    }
}

/// SipHash-2-4 (Aumasson and Bernstein), the keyed function std's hash maps use: a
/// pseudo-random function of the message under a 128-bit key.
fn siphash24(key: Key, message: &[u8]) -> u64 {
    let mut v = [
        key.0 ^ 0x736f_6d65_7073_6575,
        key.1 ^ 0x646f_7261_6e64_6f6d,
        key.0 ^ 0x6c79_6765_6e65_7261,
        key.1 ^ 0x7465_6462_7974_6573,
    ];
    let round = |v: &mut [u64; 4]| {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    };
    let compress = |v: &mut [u64; 4], word: u64| {
        v[3] ^= word;
        round(v);
        round(v);
        v[0] ^= word;
    };
    let mut chunks = message.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        compress(&mut v, u64::from_le_bytes(word));
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    // The length's low byte goes in the top byte of the last word.
    last[7] = (message.len() & 0xff) as u8;
    compress(&mut v, u64::from_le_bytes(last));
    v[2] ^= 0xff;
    for _ in 0..4 {
        round(&mut v);
    }
    v[0] ^ v[1] ^ v[2] ^ v[3]
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
    fn the_key_is_random_private_and_kept_in_the_data_directory() {
        let dir = tempfile::tempdir().unwrap();
        let (key, kept) = Key::kept_in(dir.path()).unwrap();
        assert_eq!(kept, Kept::Made);
        assert_eq!(Key::kept_in(dir.path()), Some((key, Kept::Read)));
        let other = tempfile::tempdir().unwrap();
        assert_ne!(
            Key::kept_in(other.path()).unwrap().0,
            key,
            "random per user"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let path = dir.path().join(KEY_FILE);
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600, "only its owner may read it");
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            assert_eq!(Key::kept_in(dir.path()), Some((key, Kept::Read)));
            assert_eq!(
                mode(&path),
                0o600,
                "a key others could read is made private"
            );
            // An unusable key file is replaced by a private one.
            fs::write(&path, "not a key").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            let (_, kept) = Key::kept_in(dir.path()).unwrap();
            assert_eq!(kept, Kept::Made);
            assert_eq!(mode(&path), 0o600);
        }
    }

    #[test]
    fn siphash_is_siphash_2_4() {
        // The reference vectors of the SipHash paper: key 00 01 … 0f, messages
        // 00 01 … (n−1).
        let key = Key(0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
        let message: Vec<u8> = (0..15).collect();
        assert_eq!(siphash24(key, &message[..0]), 0x726f_db47_dd0e_0e31);
        assert_eq!(siphash24(key, &message[..1]), 0x74f8_39c5_93dc_67fd);
        assert_eq!(siphash24(key, &message[..15]), 0xa129_ca61_49be_45e5);
        // And std's own SipHash-2-4 agrees on any text.
        #[allow(deprecated)]
        for text in [
            "",
            "Anytown",
            "Cyngor Sir Ynys Môn",
            "a much longer name of a council",
        ] {
            use std::hash::Hasher;
            let mut std_hasher = std::hash::SipHasher::new_with_keys(key.0, key.1);
            std_hasher.write(text.as_bytes());
            assert_eq!(
                siphash24(key, text.as_bytes()),
                std_hasher.finish(),
                "{text}"
            );
        }
    }
}
