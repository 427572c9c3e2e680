//! JSON for output: every JSON the program prints goes through [`pretty`].
//!
//! serde_json escapes only what JSON requires (C0 controls, `"` and `\`) and writes the
//! rest of Unicode as itself. Text from files may hold C1 controls (U+009B is a CSI to
//! many terminals), bidirectional overrides and line separators, and JSON is often read
//! on a terminal (`| less`, `jq`-less pipelines), so those are written as `\uXXXX` escapes
//! too: the same characters [`crate::sanitize`] shows, the value unchanged for a parser.

use crate::sanitize;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

/// `value` as pretty-printed JSON (two-space indent, as serde_json's own), ending in a
/// newline, with every character unsafe for a terminal escaped.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)?;
    out.push(b'\n');
    // serde_json writes only UTF-8, and the escapes added are ASCII.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A formatter that lays out like the one it wraps and escapes, in strings and keys,
/// what serde_json would leave raw but a terminal would act on.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            // C0 controls never reach here (serde_json escapes them as char escapes).
            if sanitize::is_unsafe(c, true) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the wrapped formatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn c1_controls_bidi_overrides_and_separators_are_escaped_and_read_back() {
        let hostile = "Evil\u{1b}]0;PWNED\u{7}\r\u{9b}2J\u{202e}txt\u{2028}\u{7f} ŵ 🚩";
        let mut value = BTreeMap::new();
        value.insert(hostile, vec![hostile]);
        let json = pretty(&value).unwrap();
        assert!(
            !json.chars().any(|c| sanitize::is_unsafe(c, true)),
            "{json:?}"
        );
        assert!(json.contains(r"Evil\u001b]0;PWNED\u0007\r\u009b2J\u202etxt\u2028\u007f ŵ 🚩"));
        let back: BTreeMap<String, Vec<String>> = serde_json::from_str(&json).unwrap();
        assert_eq!(back.keys().next().map(String::as_str), Some(hostile));
        assert_eq!(back[hostile], [hostile]);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let value = serde_json::json!({"a": [1, {"b": null}], "c": "plain", "d": []});
        assert_eq!(
            pretty(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
    }
}
