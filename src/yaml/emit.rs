//! The canonical YAML spelling routemap writes: block style, two-space indents, plain
//! scalars where YAML reads them back unchanged, double quotes otherwise, and literal
//! blocks for multi-line text. Every choice is checked by reading it back, so whatever
//! the text (any Unicode, control characters, odd spacing) the file loads to the same value.
//!
//! Keys are written `key: value` (an implicit key) while they are short; YAML readers
//! give up on an implicit key after 1024 characters (libyaml counts bytes), so a longer
//! key (a theme or stage id can be any length) is written explicitly, `? key` on one line
//! and `: value` on the next, which every reader takes at any length.

/// The longest key, in bytes as spelt, written as an implicit key.
const MAX_IMPLICIT_KEY: usize = 1000;

/// Builds a YAML document line by line.
#[derive(Debug, Default)]
pub struct Emitter {
    out: String,
}

impl Emitter {
    pub fn new() -> Self {
        Emitter::default()
    }

    /// `key: value`, with the value already spelt (see [`plain_or_quoted`], [`quoted`]).
    pub fn field(&mut self, indent: usize, key: &str, value: &str) {
        self.key(indent, key);
        self.out.push(' ');
        self.out.push_str(value);
        self.out.push('\n');
    }

    /// `key:` alone, opening a nested mapping or list.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.key(indent, key);
        self.out.push('\n');
    }

    /// `key: text` for any text: plain, quoted or a literal block.
    pub fn text(&mut self, indent: usize, key: &str, text: &str) {
        match literal_block(indent + 2, text) {
            Some(block) => {
                self.key(indent, key);
                self.out.push(' ');
                self.out.push_str(&block);
            }
            None => self.field(indent, key, &plain_or_quoted(text)),
        }
    }

    /// `key: { a: 1, b: 2 }` with the values already spelt; a nested block mapping
    /// instead when a key is too long to be implicit (a flow mapping has no other way).
    pub fn flow_mapping(&mut self, indent: usize, key: &str, entries: &[(String, String)]) {
        if entries.iter().all(|(name, _)| is_implicit_key(name)) {
            let inner: Vec<String> = entries
                .iter()
                .map(|(name, value)| format!("{}: {value}", flow_plain_or_quoted(name)))
                .collect();
            self.field(indent, key, &format!("{{ {} }}", inner.join(", ")));
        } else {
            self.open(indent, key);
            for (name, value) in entries {
                self.field(indent + 2, name, value);
            }
        }
    }

    /// `- item` of a list of text.
    pub fn item(&mut self, indent: usize, text: &str) {
        self.indent(indent);
        self.out.push_str("- ");
        self.out.push_str(&plain_or_quoted(text));
        self.out.push('\n');
    }

    /// `- { key: value, … }` of a list: a flow mapping on one line, or, when a key is too
    /// long to be an implicit key, a block mapping under a bare `-`.
    pub fn mapping_item(&mut self, indent: usize, entries: &[(String, String)]) {
        if entries.iter().all(|(name, _)| is_implicit_key(name)) {
            let inner: Vec<String> = entries
                .iter()
                .map(|(name, value)| format!("{}: {value}", flow_plain_or_quoted(name)))
                .collect();
            self.raw_item(indent, &format!("{{ {} }}", inner.join(", ")));
        } else {
            self.indent(indent);
            self.out.push_str("-\n");
            for (name, value) in entries {
                self.field(indent + 2, name, value);
            }
        }
    }

    /// `- value` of a list, with the value already spelt (a flow mapping, say).
    pub fn raw_item(&mut self, indent: usize, value: &str) {
        self.indent(indent);
        self.out.push_str("- ");
        self.out.push_str(value);
        self.out.push('\n');
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    /// `key:` (implicit) or `? key` and `:` on the next line (explicit), without the
    /// line's end: the caller adds the value or the newline.
    fn key(&mut self, indent: usize, key: &str) {
        self.indent(indent);
        let spelt = plain_or_quoted(key);
        if spelt.len() <= MAX_IMPLICIT_KEY {
            self.out.push_str(&spelt);
        } else {
            self.out.push_str("? ");
            self.out.push_str(&spelt);
            self.out.push('\n');
            self.indent(indent);
        }
        self.out.push(':');
    }
}

/// True when the key is written `key: value`, short enough for every YAML reader.
fn is_implicit_key(key: &str) -> bool {
    plain_or_quoted(key).len() <= MAX_IMPLICIT_KEY
}

/// Characters YAML forbids in a plain or literal scalar, or that readers mangle; and
/// the bidirectional controls, which would make `git diff` or an editor show the saved
/// text reordered (the file says "\u202E" instead, and reads back the same).
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// The text as a plain scalar when YAML reads it back as the same string in block and
/// flow context alike; otherwise double-quoted.
/// [`plain_or_quoted`] for text inside `[…]` or `{…}`: libyaml ends a plain scalar there
/// at a ':' not followed by a space, and refuses the rest, so such text is quoted too.
pub fn flow_plain_or_quoted(text: &str) -> String {
    if text.contains(':') || text.contains('#') {
        quoted(text)
    } else {
        plain_or_quoted(text)
    }
}

pub fn plain_or_quoted(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let structurally_plain = !first.is_whitespace()
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !text.ends_with(char::is_whitespace)
        && !text.ends_with(':')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text
            .chars()
            .any(|c| c == '\n' || c == '\t' || ",[]{}".contains(c) || needs_escape(c));
    structurally_plain && !is_yaml_11_bool(text) && reads_back_as(text, text)
}

/// YAML 1.1 readers (PyYAML, many others) take these as booleans; quote them so every
/// reader of a saved file sees text.
fn is_yaml_11_bool(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false"
    )
}

/// True when `value: <spelling>` loads as the string `expected`.
fn reads_back_as(spelling: &str, expected: &str) -> bool {
    let document = format!("value: {spelling}\n");
    matches!(
        serde_yaml::from_str::<std::collections::BTreeMap<String, serde_yaml::Value>>(&document)
            .ok()
            .and_then(|mut map| map.remove("value")),
        Some(serde_yaml::Value::String(read)) if read == expected
    )
}

/// The text in double quotes, with YAML escapes for what cannot appear raw.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Multi-line text as a literal block (`|`, `|-` or `|+` and the lines indented), when
/// that reads back exactly; `None` for one-line text or text a block cannot carry.
fn literal_block(indent: usize, text: &str) -> Option<String> {
    if !text.contains('\n') || text.chars().any(needs_escape) {
        return None;
    }
    // The layout is the same at any depth, so checking it under a top-level key suffices.
    let check = format!("value: {}", spell_literal(2, text));
    let reads_back = matches!(
        serde_yaml::from_str::<std::collections::BTreeMap<String, String>>(&check)
            .ok()
            .and_then(|mut map| map.remove("value")),
        Some(read) if read == text
    );
    reads_back.then(|| spell_literal(indent, text))
}

fn spell_literal(indent: usize, text: &str) -> String {
    let body = text.trim_end_matches('\n');
    let chomping = match text.len() - body.len() {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let first_line = body
        .split('\n')
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let indicator = if first_line.starts_with(' ') { "2" } else { "" };
    let mut block = format!("|{indicator}{chomping}\n");
    // Splitting leaves an empty piece after a final newline; the chomping carries it.
    let lines = text.strip_suffix('\n').unwrap_or(text).split('\n');
    for line in lines {
        if !line.is_empty() {
            block.extend(std::iter::repeat_n(' ', indent));
            block.push_str(line);
        }
        block.push('\n');
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_safe() {
        assert_eq!(
            plain_or_quoted("Anytown Borough Council"),
            "Anytown Borough Council"
        );
        assert_eq!(
            plain_or_quoted("https://intranet.example/x.pdf"),
            "https://intranet.example/x.pdf"
        );
        assert_eq!(
            plain_or_quoted("Cyngor Gwynedd — ŵ 🚒"),
            "Cyngor Gwynedd — ŵ 🚒"
        );
    }

    #[test]
    fn quoted_when_yaml_would_read_something_else() {
        for text in [
            "", "true", "no", "null", "~", "2011.1", "12", "a: b", "x #y", "- a", " lead", "a,b",
            "0x1F",
        ] {
            assert!(
                plain_or_quoted(text).starts_with('"'),
                "{text:?} must be quoted"
            );
        }
        assert_eq!(
            quoted("say \"hi\"\\\n\u{7}"),
            "\"say \\\"hi\\\"\\\\\\n\\u0007\""
        );
    }

    fn emitted_text(text: &str) -> String {
        let mut emitter = Emitter::new();
        emitter.open(0, "answers");
        emitter.text(2, "notes", text);
        emitter.finish()
    }

    fn read_back(document: &str) -> String {
        let map: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
            serde_yaml::from_str(document).unwrap();
        map["answers"]["notes"].clone()
    }

    #[test]
    fn multi_line_text_is_a_literal_block() {
        let text = "Line one\n  indented\n\nlast\n";
        let document = emitted_text(text);
        assert_eq!(
            document,
            "answers:\n  notes: |\n    Line one\n      indented\n\n    last\n"
        );
        assert_eq!(read_back(&document), text);
    }

    #[test]
    fn chomping_follows_trailing_newlines() {
        for text in [
            "a\nb",
            "a\nb\n",
            "a\nb\n\n\n",
            "\n\nfirst blank",
            "  lead\nspace",
            "a\n\n",
        ] {
            let document = emitted_text(text);
            assert_eq!(read_back(&document), text, "{document}");
        }
        assert!(emitted_text("a\nb").contains("|-\n"));
        assert!(emitted_text("a\nb\n\n").contains("|+\n"));
    }

    #[test]
    fn long_keys_are_written_explicitly_and_read_back() {
        let long = "t".repeat(1100);
        let mut emitter = Emitter::new();
        emitter.open(0, "answers");
        emitter.open(2, &long);
        emitter.text(4, "notes", "two\nlines");
        emitter.field(4, &long, "x");
        let document = emitter.finish();
        assert!(document.starts_with(&format!("answers:\n  ? {long}\n  :\n")));
        let read: std::collections::BTreeMap<
            String,
            std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
        > = serde_yaml::from_str(&document).unwrap();
        assert_eq!(read["answers"][&long]["notes"], "two\nlines");
        assert_eq!(read["answers"][&long][&long], "x");
    }

    #[test]
    fn text_in_flow_collections_with_a_colon_is_quoted() {
        for text in ["a:b", "x/:?y", "#tag", "a#b"] {
            let mut emitter = Emitter::new();
            emitter.field(0, "list", &format!("[{}]", flow_plain_or_quoted(text)));
            let yaml = emitter.finish();
            let read: std::collections::BTreeMap<String, Vec<String>> =
                serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(read["list"], [text], "{yaml}");
        }
        assert_eq!(flow_plain_or_quoted("flag-planted"), "flag-planted");
    }

    #[test]
    fn flow_mappings_with_a_long_key_become_block_mappings() {
        let short = vec![("a".to_string(), "1".to_string())];
        let mut emitter = Emitter::new();
        emitter.flow_mapping(0, "votes", &short);
        assert_eq!(emitter.finish(), "votes: { a: 1 }\n");
        let long = "s".repeat(1100);
        let entries = vec![
            ("a".to_string(), "1".to_string()),
            (long.clone(), "2".to_string()),
        ];
        let mut emitter = Emitter::new();
        emitter.flow_mapping(0, "votes", &entries);
        let document = emitter.finish();
        assert_eq!(document, format!("votes:\n  a: 1\n  ? {long}\n  : 2\n"));
        let read: std::collections::BTreeMap<String, std::collections::BTreeMap<String, u32>> =
            serde_yaml::from_str(&document).unwrap();
        assert_eq!(read["votes"][&long], 2);
    }

    #[test]
    fn awkward_text_falls_back_to_quotes() {
        let text = "bell\u{7}\nline";
        let document = emitted_text(text);
        assert!(document.contains('"'));
        assert_eq!(read_back(&document), text);
    }

    #[test]
    fn bidirectional_controls_are_written_as_escapes_and_read_back() {
        for text in ["evil\u{202e}txt.exe", "a\u{2066}b\u{2069}", "\u{200f}x"] {
            let spelt = plain_or_quoted(text);
            assert!(spelt.is_ascii(), "{spelt}");
            let read: String = serde_yaml::from_str(&spelt).unwrap();
            assert_eq!(read, text);
        }
        assert_eq!(plain_or_quoted("evil\u{202e}txt"), "\"evil\\u202Etxt\"");
    }
}
