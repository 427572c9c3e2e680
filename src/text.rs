//! Small text helpers used by messages and file names.

/// The candidate nearest to `word` by edit distance, when it is near enough to be a
/// likely typo (at most a third of the word's length, and at least 1 edit allowed).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    // The distance costs the product of the lengths; nobody mistypes a 64-letter word.
    if length > 64 {
        return None;
    }
    let limit = (length / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Edit distance over characters, counting a swap of neighbours as one edit (the
/// optimal string alignment distance), since swapped letters are the commonest typo.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            table[i * width + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (table[(i - 1) * width + j] + 1)
                    .min(table[i * width + j - 1] + 1)
                    .min(table[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(table[(i - 2) * width + j - 2] + 1);
                }
                best
            };
        }
    }
    table[a.len() * width + b.len()]
}

/// True for an id of the form PRODUCT.md gives: `[a-z0-9-]+`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest slug [`slugify`] makes. Slugs become file names, and a file name must
/// fit a file system's 255 bytes with room for a `-NNNN` counter, the `.yaml`
/// extension and the lock side file's `.` and `.lock`; this leaves plenty, and keeps a
/// name readable in a listing.
pub const MAX_SLUG_LEN: usize = 100;

/// A slug made from any text: letters transliterated to ASCII first (Môn → mon,
/// ŵ → w, Gàidhlig → gaidhlig), then ASCII letters and digits kept (lowercased), runs
/// of anything else become one '-'. Empty when nothing transliterates to a letter or
/// digit. At most [`MAX_SLUG_LEN`] bytes, cut at a word break where one is near.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let ascii = deunicode::deunicode_with_tofu(text, "-");
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() > MAX_SLUG_LEN {
            break;
        }
    }
    if slug.len() > MAX_SLUG_LEN {
        // The slug is ASCII, so any byte index is a character boundary.
        let cut = match slug[..=MAX_SLUG_LEN].rfind('-') {
            Some(dash) if dash * 4 >= MAX_SLUG_LEN * 3 => dash,
            _ => MAX_SLUG_LEN,
        };
        slug.truncate(cut);
    }
    slug.trim_end_matches('-').to_string()
}

/// The byte index where `text` is cut to at most `width` columns (at least one
/// character, so a cut always moves on).
pub fn split_at_width(text: &str, width: usize) -> usize {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    for (index, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && index > 0 {
            return index;
        }
        used += w;
    }
    text.len()
}

/// Greedy word wrap by display width. A word wider than `width` is split.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // The word alone is too wide: split it at the width.
            let head = truncate_width(&word, width);
            let rest = word[head.len()..].to_string();
            lines.push(head);
            word = rest;
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest prefix of `text` (whole characters) no wider than `width`.
pub fn truncate_width(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// The text cut to `width` with an ellipsis when it is wider, preferring a word break.
pub fn ellipsize(text: &str, width: usize, ellipsis: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(ellipsis.width());
    let cut = truncate_width(text, room);
    let at_word = match cut.rfind(' ') {
        Some(space) if space * 2 >= cut.len() => cut[..space].trim_end().to_string(),
        _ => cut.trim_end().to_string(),
    };
    format!("{at_word}{ellipsis}")
}

/// Each name cut to `width` as [`ellipsize`] cuts it, except that names whose cuts
/// would read alike (while the names differ) are cut by character instead
/// ("Information g…", "Information m…"), and those still alike drop the words they
/// all begin with ("…number 12?"), so the rows of a table stay told apart.
pub fn ellipsize_distinct<S: AsRef<str>>(names: &[S], width: usize) -> Vec<String> {
    ellipsize_distinct_with(names, width, "…")
}

/// [`ellipsize_distinct`] with another ellipsis ("..." in 7-bit output).
pub fn ellipsize_distinct_with<S: AsRef<str>>(
    names: &[S],
    width: usize,
    ellipsis: &str,
) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    let room = width.saturating_sub(ellipsis.width());
    let mut shown: Vec<String> = names
        .iter()
        .map(|name| ellipsize(name, width, ellipsis))
        .collect();
    for index in alike(&shown, &names) {
        shown[index] = format!("{}{ellipsis}", truncate_width(names[index], room));
    }
    // Still alike: the words they share at the start give way to those that differ.
    let clashing = alike(&shown, &names);
    let mut groups: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for &index in &clashing {
        groups.entry(shown[index].as_str()).or_default().push(index);
    }
    let mut recut = Vec::new();
    for members in groups.values() {
        let shared = shared_words(members.iter().map(|&index| names[index]));
        for &index in members {
            let rest = &names[index][shared..];
            // By character: in a narrow column every letter of the difference counts.
            let rest = if rest.width() > room {
                format!(
                    "{}{ellipsis}",
                    truncate_width(rest, room.saturating_sub(ellipsis.width())).trim_end()
                )
            } else {
                rest.to_string()
            };
            recut.push((index, format!("{ellipsis}{rest}")));
        }
    }
    for (index, text) in recut {
        shown[index] = text;
    }
    shown
}

/// The byte length of the whole words all of `names` begin with (spaces included).
fn shared_words<'a>(mut names: impl Iterator<Item = &'a str>) -> usize {
    let Some(first) = names.next() else {
        return 0;
    };
    let mut common = first.len();
    for name in names {
        common = first
            .bytes()
            .zip(name.bytes())
            .take(common)
            .take_while(|(a, b)| a == b)
            .count();
    }
    // Back to the end of the last whole word (a space), on a character boundary.
    first[..common].rfind(' ').map_or(0, |space| space + 1)
}

/// The indices of `shown` texts that read alike while their names differ.
fn alike(shown: &[String], names: &[&str]) -> Vec<usize> {
    let mut first: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    let mut clashing: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (text, name) in shown.iter().zip(names) {
        match first.get(text.as_str()) {
            Some(earlier) if earlier != name => {
                clashing.insert(text);
            }
            Some(_) => {}
            None => {
                first.insert(text, name);
            }
        }
    }
    (0..shown.len())
        .filter(|&index| clashing.contains(shown[index].as_str()))
        .collect()
}

/// The longest start of `text` no longer than `bytes`, cut at a line break where one
/// falls in its second half, else at a character boundary.
pub fn prefix_within(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(newline) if newline >= end / 2 => &text[..newline],
        _ => &text[..end],
    }
}

/// Names as a list for a message: 'a', 'b' and 'c'.
pub fn quoted_names<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n.as_ref())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_keeps_whole_characters_and_prefers_a_line_break() {
        assert_eq!(prefix_within("short", 10), "short");
        assert_eq!(prefix_within("ŵŵŵ", 3), "ŵ");
        assert_eq!(prefix_within("one\ntwo three", 10), "one\ntwo th");
        assert_eq!(prefix_within("one two\nthree", 10), "one two");
    }

    #[test]
    fn names_cut_alike_are_cut_by_character_instead() {
        let names = [
            "Information governance",
            "Information management, assurance",
            "Leadership and direction",
        ];
        assert_eq!(
            ellipsize_distinct(&names, 14),
            ["Information g…", "Information m…", "Leadership…"]
        );
        // Names that fit are left alone, and so are names the same in full.
        assert_eq!(ellipsize_distinct(&["a", "a"], 5), ["a", "a"]);
        // Alike to the last character that fits: the start and the end.
        assert_eq!(
            ellipsize_distinct(
                &[
                    "How do you manage number 12?",
                    "How do you manage number 13?"
                ],
                16
            ),
            ["…12?", "…13?"]
        );
    }

    #[test]
    fn long_words_get_no_guess() {
        let long = "a".repeat(65);
        let near = format!("{long}b");
        assert_eq!(closest(&long, [near.as_str()]), None);
        assert_eq!(closest("leadreship", ["leadership"]), Some("leadership"));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("nmae", "name"), 1);
    }

    #[test]
    fn closest_finds_typos_but_not_strangers() {
        let keys = ["id", "name", "question", "vision"];
        assert_eq!(closest("quesiton", keys), Some("question"));
        assert_eq!(closest("nmae", keys), Some("name"));
        assert_eq!(closest("colour", keys), None);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("planting-the-flag"));
        assert!(is_slug("stage-2"));
        assert!(!is_slug("Planting"));
        assert!(!is_slug(""));
        assert!(!is_slug("a_b"));
        assert_eq!(
            slugify("Anytown Borough Council — 2026!"),
            "anytown-borough-council-2026"
        );
        assert_eq!(slugify("Cyngor Sir Ynys Môn"), "cyngor-sir-ynys-mon");
        assert_eq!(
            slugify("Cyngor Gwynedd — Caernarfon ŵŷ"),
            "cyngor-gwynedd-caernarfon-wy"
        );
        assert_eq!(
            slugify("Comhairle nan Eilean Siar — Gàidhlig"),
            "comhairle-nan-eilean-siar-gaidhlig"
        );
        assert_eq!(slugify("Straße"), "strasse");
        assert_eq!(slugify("\u{1b}[2J"), "2j");
        assert_eq!(slugify("\u{10ffff}"), "");
    }

    #[test]
    fn slugs_are_capped_at_a_word_break_so_file_names_fit() {
        let long = "Royal Borough of ".repeat(20) + "Anytown";
        let slug = slugify(&long);
        assert!(slug.len() <= MAX_SLUG_LEN, "{}", slug.len());
        assert!(slug.len() > MAX_SLUG_LEN - 10, "{}", slug.len());
        assert!(slug.starts_with("royal-borough-of-royal"));
        assert!(!slug.ends_with('-'));
        assert!(is_slug(&slug));
        // The longest name made from it, its counter and its lock side file fit a
        // file system's 255 bytes.
        assert!(format!(".{slug}-9999.yaml.lock").len() <= 255);
        let unbroken = "a".repeat(300);
        assert_eq!(slugify(&unbroken), "a".repeat(MAX_SLUG_LEN));
    }

    proptest::proptest! {
        #[test]
        fn any_text_slugs_to_a_short_slug_or_nothing(text in "[a-zA-Z0-9 é_-]{0,400}|\\PC{0,100}") {
            let slug = slugify(&text);
            proptest::prop_assert!(slug.is_empty() || is_slug(&slug));
            proptest::prop_assert!(slug.len() <= MAX_SLUG_LEN);
            proptest::prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
        }
    }

    #[test]
    fn wrapping_and_shortening() {
        assert_eq!(
            wrap_words("Information management, assurance and transparency", 24),
            ["Information management,", "assurance and", "transparency"]
        );
        assert_eq!(wrap_words("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap_words("  ", 3), Vec::<String>::new());
        assert_eq!(
            ellipsize("Organisational change", 16, "…"),
            "Organisational…"
        );
        assert_eq!(ellipsize("Short", 16, "…"), "Short");
        assert_eq!(
            ellipsize("Digital access and inclusion", 20, "..."),
            "Digital access..."
        );
        assert_eq!(truncate_width("東京都", 5), "東京");
    }

    #[test]
    fn quoted_names_reads_as_english() {
        assert_eq!(quoted_names(&["a"]), "'a'");
        assert_eq!(quoted_names(&["a", "b", "c"]), "'a', 'b' and 'c'");
    }
}
