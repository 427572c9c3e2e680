//! serde_yaml's errors, rewritten as one sentence that says what to write instead.

use super::locate::{NodePath, locate};
use super::preflight::MAX_DEPTH;
use super::tree::Tree;
use crate::error::{Location, Problem};
use crate::text::closest;

const SECOND_DOCUMENT: &str = "more than one document";

/// Turns a serde_yaml error on `text` into a located problem with a fix.
pub fn humanize(error: &serde_yaml::Error, text: &str) -> Problem {
    let mut location = error.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    });
    let raw = error.to_string();
    // serde_yaml places a duplicate key at its mapping; point at the second key instead.
    if let Some(start) = raw.find("duplicate field `") {
        let key = backticked(&raw[start..])
            .first()
            .copied()
            .unwrap_or_default();
        let mapping = NodePath::from_serde_path(raw[..start].trim_end_matches(": ").trim());
        if let Some(at) = locate(text, &mapping.key_name_nth(key, 1)) {
            location = Some(at);
        }
    }
    // serde_yaml refuses a second document without saying where it starts.
    if raw.contains(SECOND_DOCUMENT) && location.is_none() {
        location = Tree::parse(text, MAX_DEPTH)
            .and_then(|tree| tree.second_document())
            .map(super::locate::location);
    }
    Problem::new(location, message_for(&raw))
}

/// The phrases serde and its derive use; what comes before one of them is the node path.
const SERDE_PHRASES: [&str; 8] = [
    "unknown field `",
    "missing field `",
    "duplicate field `",
    "invalid type: ",
    "invalid value: ",
    "unknown variant `",
    "invalid length ",
    "repetition limit exceeded",
];

fn message_for(raw: &str) -> String {
    let text = strip_position(raw);
    for phrase in SERDE_PHRASES {
        if let Some(start) = text.find(phrase) {
            let path = text[..start].trim_end_matches(": ").trim();
            return serde_message(&text[start..], path);
        }
    }
    if text.contains(SECOND_DOCUMENT) {
        return "a second YAML document starts here; a file holds one document, so remove this one (or the '---' line that starts it)".into();
    }
    // Our own custom errors carry "path: sentence"; libyaml's scanner errors carry none.
    if let Some((path, message)) = split_path(text) {
        return format!("{message} (in {path})");
    }
    syntax_message(text)
}

/// Removes serde_yaml's " at line L column C" (the location is reported separately).
fn strip_position(raw: &str) -> &str {
    match raw.find(" at line ") {
        Some(start) if !raw[start..].contains(", while ") => &raw[..start],
        _ => raw,
    }
}

/// Splits "text at line L column C" into the text and the position, if it has one.
fn split_position(text: &str) -> (&str, Option<&str>) {
    match text.find(" at line ") {
        Some(start) => (&text[..start], Some(&text[start + 1..])),
        None => (text, None),
    }
}

fn split_path(text: &str) -> Option<(&str, &str)> {
    let (path, message) = text.split_once(": ")?;
    let is_path = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
    is_path.then_some((path, message))
}

fn place(path: &str) -> String {
    if path.is_empty() || path == "." {
        " at the top level".to_string()
    } else {
        format!(" in {path}")
    }
}

/// The names between backticks in serde's "expected one of `a`, `b`" lists.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn serde_message(text: &str, path: &str) -> String {
    let names = backticked(text);
    let first = names.first().copied().unwrap_or_default();
    let where_ = place(path);
    if text.starts_with("unknown field") {
        let allowed = &names[1.min(names.len())..];
        if allowed.is_empty() {
            return format!("unknown key '{first}'{where_}; remove it, nothing is allowed here");
        }
        return match closest(first, allowed.iter().copied()) {
            Some(guess) => format!("unknown key '{first}'{where_}; did you mean '{guess}'?"),
            None => format!(
                "unknown key '{first}'{where_}; remove it or use one of {}",
                quoted_list(allowed)
            ),
        };
    }
    if text.starts_with("unknown variant") {
        let allowed = &names[1.min(names.len())..];
        return format!(
            "'{first}' is not allowed{where_}; use one of {}",
            quoted_list(allowed)
        );
    }
    if text.starts_with("missing field") {
        return format!("'{first}' is missing{where_}; add a '{first}:' line");
    }
    if text.starts_with("duplicate field") {
        return format!("'{first}' is given twice{where_}; keep only one of them");
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "something else"));
        let found = plain_found(found);
        return format!(
            "{}{where_} is {found} but should be {}",
            if path.is_empty() {
                "the file"
            } else {
                "the value"
            },
            plain_expectation(expected)
        )
        .replacen("the file at the top level", "the file", 1);
    }
    if text.starts_with("repetition limit exceeded") {
        return "the file expands aliases too many times (an alias bomb?); write the values out instead of repeating '*alias' references".into();
    }
    format!("{text}{where_}; check this value")
}

/// serde's names for what it found, as a user writing YAML would say them.
fn plain_found(found: &str) -> String {
    let found = found.trim();
    if found == "sequence" {
        return "a list".into();
    }
    if found == "map" {
        return "a mapping".into();
    }
    if found == "unit value" {
        return "empty".into();
    }
    for (prefix, said) in [
        ("integer ", "the number "),
        ("floating point ", "the number "),
        ("boolean ", ""),
        ("string ", "the text "),
    ] {
        if let Some(value) = found.strip_prefix(prefix) {
            return format!("{said}{}", value.trim_matches('`'));
        }
    }
    found.to_string()
}

/// serde's expectation names, as a user writing YAML would say them.
fn plain_expectation(expected: &str) -> String {
    let expected = expected.trim();
    if expected.starts_with("struct ") || expected == "a map" || expected.ends_with("mapping") {
        return "a mapping of 'key: value' lines".into();
    }
    if expected.contains("sequence") || expected.contains("list") {
        return "a list ('- item' lines, or [a, b])".into();
    }
    match expected {
        "a string" => "text".into(),
        "a boolean" => "true or false".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".into(),
        other => other.into(),
    }
}

/// libyaml's syntax errors, with the fix that usually applies.
fn syntax_message(text: &str) -> String {
    let (what, context) = match text.split_once(", while ") {
        Some((what, context)) => (what, Some(context)),
        None => (text, None),
    };
    // The problem's own position is reported separately; the context's is worth
    // keeping only when it points somewhere else.
    let (what, position) = split_position(what);
    let context = context.map(|context| match split_position(context) {
        (context, Some(at)) if Some(at) != position => format!("{context} that starts {at}"),
        (context, _) => context.to_string(),
    });
    let hint = if what.contains("did not find expected key")
        || what.contains("did not find expected '-' indicator")
        || what.contains("block mapping")
    {
        "check the indentation: a key must line up with the keys above it"
    } else if what.contains("mapping values are not allowed") {
        "this line is indented further than the keys above it, or a value holds ': ' and needs quotes"
    } else if what.contains("tab character") {
        "indent with spaces, not tabs"
    } else if what.contains("found character that cannot start any token") {
        "indent with spaces, not tabs, and quote values that start with '@', '`' or '%'"
    } else if what.contains("found undefined alias") {
        "an '*alias' has no '&anchor' before it; define the anchor or write the value out"
    } else if what.contains("unexpected end of stream") {
        "a quote or bracket is never closed; close it"
    } else if what.contains("control characters are not allowed") {
        "the file holds control characters; save it as plain UTF-8 text"
    } else if what.contains("recursion limit exceeded") {
        "the file nests too deeply; flatten it"
    } else if what.contains("duplicate entry with key") || what.contains("duplicate key") {
        "a key is given twice; keep only one"
    } else if what.contains("EOF while parsing") {
        "the file ends too early; complete it"
    } else {
        "fix the YAML at this point"
    };
    match context {
        Some(context) => format!("YAML syntax error: {what} (while {context}); {hint}"),
        None => format!("YAML syntax error: {what}; {hint}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_suggests_the_nearest_key() {
        let message = message_for(
            "themes[1]: unknown field `nmae`, expected one of `id`, `name`, `section` at line 6 column 5",
        );
        assert_eq!(
            message,
            "unknown key 'nmae' in themes[1]; did you mean 'name'?"
        );
    }

    #[test]
    fn unknown_field_far_from_all_lists_them() {
        let message = message_for("unknown field `zzzzzz`, expected `id` or `title`");
        assert_eq!(
            message,
            "unknown key 'zzzzzz' at the top level; remove it or use one of 'id', 'title'"
        );
    }

    #[test]
    fn missing_and_duplicate_fields_say_what_to_do() {
        assert_eq!(
            message_for("themes[0]: missing field `stages` at line 3 column 5"),
            "'stages' is missing in themes[0]; add a 'stages:' line"
        );
        assert_eq!(
            message_for("duplicate field `version`"),
            "'version' is given twice at the top level; keep only one of them"
        );
    }

    #[test]
    fn invalid_types_are_said_plainly() {
        assert_eq!(
            message_for(
                "themes[0].n: invalid type: string \"x\", expected a sequence at line 2 column 30"
            ),
            "the value in themes[0].n is the text \"x\" but should be a list ('- item' lines, or [a, b])"
        );
        assert_eq!(
            message_for("invalid type: sequence, expected struct Raw"),
            "the file is a list but should be a mapping of 'key: value' lines"
        );
    }

    #[test]
    fn unknown_variants_list_the_choices() {
        assert_eq!(
            message_for(
                "answers.a.confidence: unknown variant `hihg`, expected one of `low`, `medium`, `high` at line 9 column 17"
            ),
            "'hihg' is not allowed in answers.a.confidence; use one of 'low', 'medium', 'high'"
        );
    }

    #[test]
    fn syntax_errors_get_a_hint() {
        let message = message_for(
            "did not find expected key at line 5 column 4, while parsing a block mapping at line 3 column 3",
        );
        assert!(
            message.starts_with("YAML syntax error: did not find expected key"),
            "{message}"
        );
        assert!(
            message.ends_with("check the indentation: a key must line up with the keys above it")
        );
        assert!(
            message_for("mapping values are not allowed in this context at line 1 column 11")
                .contains("needs quotes")
        );
    }

    #[test]
    fn our_own_custom_messages_keep_their_path() {
        assert_eq!(
            message_for("themes[0].actions: a role's actions must be text at line 4 column 3"),
            "a role's actions must be text (in themes[0].actions)"
        );
    }

    #[test]
    fn a_second_document_is_pointed_at() {
        let text = "a: 1\n---\nb: 2\n";
        let error = serde_yaml::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
        let problem = humanize(&error, text);
        assert_eq!(problem.location, Some(Location { line: 2, column: 1 }));
        assert!(
            problem
                .message
                .starts_with("a second YAML document starts here"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn alias_bombs_are_named() {
        assert!(message_for("repetition limit exceeded").contains("alias bomb"));
    }
}
