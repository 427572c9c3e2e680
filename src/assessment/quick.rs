//! A fast read of what a summary needs from a saved assessment (routemap, authority,
//! dates, each theme's current stage), for files in the canonical spelling the writer
//! emits. A summary reads thousands of files; a full YAML parse costs most of its time.
//!
//! It accepts only a strict subset of the canonical spelling (keys in the writer's
//! order, simple plain values, literal blocks for notes) and answers `None` for
//! anything else, which the caller then reads with the full parser: so a file is never
//! read differently, or accepted when the full parser would refuse it. A property test
//! holds it to that against the full parser.

use super::{Current, FORMAT};
use crate::clock::{self, Timestamp};
use crate::text::is_slug;

/// What a summary needs of an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quick {
    pub routemap_id: String,
    /// The routemap's version the assessment was saved against.
    pub routemap_version: String,
    pub authority: String,
    pub created: Option<String>,
    pub updated: Option<Timestamp>,
    /// (theme id, current stage) for every theme answered, in file order.
    pub answers: Vec<(String, Option<Current>)>,
}

impl Quick {
    /// The same fields of a fully parsed assessment.
    pub fn of(assessment: super::Assessment) -> Quick {
        Quick {
            routemap_id: assessment.routemap.id,
            routemap_version: assessment.routemap.version,
            authority: assessment.authority,
            created: assessment.created,
            updated: assessment.updated,
            answers: assessment
                .answers
                .into_iter()
                .map(|(id, answer)| (id, answer.current))
                .collect(),
        }
    }
}

/// A character YAML does not allow raw, or that the full parser treats specially.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

/// YAML words a plain scalar must not be, to be read as text.
fn is_keyword(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null" | "nan" | "inf"
    )
}

/// A plain scalar surely read back as itself: it starts with a letter (or a digit when a
/// space follows somewhere, so it cannot be a number: "2026 baseline"), holds only
/// letters, digits, single inner spaces and `-_./()'&:#%?=+~@!*;$`, has no `: ` or ` #`
/// (which would start a mapping or a comment), does not end in `:`, and is no keyword.
fn simple_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_alphabetic() || (first.is_ascii_digit() && text.contains(' ')))
        && !text.ends_with([' ', ':'])
        && !text.contains("  ")
        && !text.contains(": ")
        && !text.contains(" #")
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -_./()'&:#%?=+~@!*;$".contains(c))
        && !is_keyword(text)
}

/// A slug that is plain YAML text (not a number or keyword).
fn simple_slug(text: &str) -> bool {
    is_slug(text) && text.starts_with(|c: char| c.is_ascii_lowercase()) && !is_keyword(text)
}

/// The lines of the file, consumed in order.
struct Lines<'a> {
    lines: std::iter::Peekable<std::str::Split<'a, char>>,
}

impl<'a> Lines<'a> {
    fn peek(&mut self) -> Option<&'a str> {
        self.lines.peek().copied()
    }

    /// The value of `indent` spaces, `key: value`, when the next line is that.
    fn field(&mut self, indent: usize, key: &str) -> Option<&'a str> {
        const SPACES: &str = "      ";
        let line = self.peek()?;
        let value = line
            .strip_prefix(SPACES.get(..indent)?)?
            .strip_prefix(key)?
            .strip_prefix(": ")?;
        self.lines.next();
        Some(value)
    }
}

/// Reads a canonical file; `None` when it is anything but plainly canonical.
pub fn read(text: &str) -> Option<Quick> {
    let body = text
        .strip_prefix("format: ")?
        .strip_prefix(FORMAT)?
        .strip_prefix('\n')?;
    if !text.ends_with('\n') || text.chars().any(forbidden) {
        return None;
    }
    let mut lines = Lines {
        lines: body[..body.len().saturating_sub(1)].split('\n').peekable(),
    };
    if body.is_empty() {
        return None;
    }
    let routemap = lines.field(0, "routemap")?;
    let (routemap_id, routemap_version) = routemap_ref(routemap)?;
    let authority = lines.field(0, "authority")?;
    if !simple_plain(authority) {
        return None;
    }
    if let Some(title) = lines.field(0, "title")
        && !simple_plain(title)
    {
        return None;
    }
    let created = match lines.field(0, "created") {
        Some(date) => Some(clock::parse_date(date).filter(|d| d == date)?),
        None => None,
    };
    let updated = match lines.field(0, "updated") {
        Some(at) => Some(clock::parse_timestamp(at).filter(|i| i.timestamp() == at)?),
        None => None,
    };
    let mut answers: Vec<(String, Option<Current>)> = Vec::new();
    if lines.peek() == Some("answers:") {
        lines.lines.next();
        while let Some(line) = lines.lines.next() {
            let theme = line.strip_prefix("  ")?.strip_suffix(':')?;
            if !simple_slug(theme) || answers.iter().any(|(id, _)| id == theme) {
                return None;
            }
            answers.push((theme.to_string(), answer(&mut lines)?));
        }
        if answers.is_empty() {
            return None;
        }
    }
    if lines.peek().is_some() {
        return None;
    }
    Some(Quick {
        routemap_id,
        routemap_version,
        authority: authority.to_string(),
        created,
        updated,
        answers,
    })
}

/// `{ id: ID, version: "V" }` with a plain slug id and a version without escapes: the
/// id and the version.
fn routemap_ref(value: &str) -> Option<(String, String)> {
    let inner = value.strip_prefix("{ id: ")?.strip_suffix("\" }")?;
    let (id, version) = inner.split_once(", version: \"")?;
    let version_plain = version.chars().all(|c| c != '"' && c != '\\');
    (simple_slug(id) && version_plain).then(|| (id.to_string(), version.to_string()))
}

/// One theme's fields (indent 4), in the writer's order; its current stage.
fn answer(lines: &mut Lines) -> Option<Option<Current>> {
    let mut any = false;
    let current = match lines.field(4, "current") {
        Some("n/a") => Some(Current::NotApplicable),
        Some(stage) if simple_slug(stage) => Some(Current::Stage(stage.to_string())),
        Some(_) => return None,
        None => None,
    };
    any |= current.is_some();
    if let Some(target) = lines.field(4, "target") {
        any = true;
        if !simple_slug(target) {
            return None;
        }
    }
    if lines.peek() == Some("    met:") {
        any = true;
        lines.lines.next();
        let mut seen: Vec<&str> = Vec::new();
        while let Some(id) = lines.peek().and_then(|l| l.strip_prefix("      - ")) {
            if !simple_slug(id) || seen.contains(&id) {
                return None;
            }
            seen.push(id);
            lines.lines.next();
        }
        if seen.is_empty() {
            return None;
        }
    }
    if let Some(confidence) = lines.field(4, "confidence") {
        any = true;
        if !matches!(confidence, "low" | "medium" | "high") {
            return None;
        }
    }
    if let Some(notes) = lines.field(4, "notes") {
        any = true;
        notes_value(lines, notes)?;
    }
    if lines.peek() == Some("    evidence:") {
        any = true;
        lines.lines.next();
        let mut items = 0;
        while let Some(item) = lines.peek().and_then(|l| l.strip_prefix("      - ")) {
            if !simple_plain(item) {
                return None;
            }
            items += 1;
            lines.lines.next();
        }
        if items == 0 {
            return None;
        }
    }
    for flag in ["carried", "parked"] {
        if let Some(value) = lines.field(4, flag) {
            any = true;
            if value != "true" {
                return None;
            }
        }
    }
    if let Some(votes) = lines.field(4, "votes") {
        any = true;
        votes_value(votes)?;
    }
    any.then_some(current)
}

/// Notes: a simple plain line, or a literal block (`|`, `|-`, `|+`) whose lines are
/// empty or indented six spaces, the first of them exactly six.
fn notes_value(lines: &mut Lines, value: &str) -> Option<()> {
    if simple_plain(value) {
        return Some(());
    }
    if !matches!(value, "|" | "|-" | "|+") {
        return None;
    }
    let mut first = true;
    while let Some(line) = lines.peek() {
        if line.is_empty() {
            lines.lines.next();
            continue;
        }
        let Some(content) = line.strip_prefix("      ") else {
            break;
        };
        if content.trim().is_empty() || (first && content.starts_with([' ', '\t'])) {
            return None;
        }
        first = false;
        lines.lines.next();
    }
    // A block of no content is a different thing from the writer's output.
    (!first).then_some(())
}

/// `{ stage: N, … }` with slugs, distinct, and counts that fit.
fn votes_value(value: &str) -> Option<()> {
    let inner = value.strip_prefix("{ ")?.strip_suffix(" }")?;
    let mut seen: Vec<&str> = Vec::new();
    for pair in inner.split(", ") {
        let (stage, count) = pair.split_once(": ")?;
        let digits_only = !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit());
        if !simple_slug(stage)
            || seen.contains(&stage)
            || !digits_only
            || count.parse::<u32>().ok()? == 0
        {
            return None;
        }
        seen.push(stage);
    }
    Some(())
}

#[cfg(test)]
#[path = "quick_tests.rs"]
mod tests;
