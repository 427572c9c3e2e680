//! A `Diff` as an aligned text table (arrows and words, colour only when asked) or as a
//! GitHub markdown table.
//!
//! Every name, note, path and label comes from a file, so each passes the sanitiser
//! ([`clean`]) before it is laid out: widths are measured on what is shown, and no
//! control reaches the terminal. The colour codes are added after, by [`paint`].

use super::{Diff, Movement, NotesChange, Side, ThemeDiff, confidence_label};
use crate::routemap::plural;
use crate::sanitize;
use crate::text::ellipsize;
use unicode_width::UnicodeWidthStr;

const THEME_WIDTH: usize = 36;
const STAGE_WIDTH: usize = 26;

/// "↑ up 2", "↓ down 1", "= same" …: readable without colour.
pub fn movement_words(movement: &Movement) -> String {
    match movement {
        Movement::Up(by) => format!("↑ up {by}"),
        Movement::Down(by) => format!("↓ down {by}"),
        Movement::Same => "= same".into(),
        Movement::NewlyAnswered => "+ newly answered".into(),
        Movement::Removed => "− no longer answered".into(),
        Movement::NowNotApplicable => "→ now n/a".into(),
        Movement::NoLongerNotApplicable => "← no longer n/a".into(),
        Movement::Unknown => "? not comparable".into(),
    }
}

/// Text from a file on one line, controls shown.
fn clean(text: &str) -> String {
    sanitize::line(text).into_owned()
}

fn side_line(label: &str, side: &Side) -> String {
    let mut name = clean(&side.authority);
    if let Some(title) = &side.title {
        name = format!("{name} — {}", clean(title));
    }
    let when = side
        .updated
        .as_deref()
        .map(|at| {
            format!(
                "  (updated {})",
                clean(&at.replace('T', " ").replace('Z', " UTC"))
            )
        })
        .unwrap_or_default();
    format!("{label:<7} {}  {name}{when}", sanitize::path(&side.path))
}

fn routemap_line(diff: &Diff) -> String {
    let (before, after) = (&diff.before.routemap_version, &diff.after.routemap_version);
    let id = clean(&diff.routemap_id);
    if before != after && !before.is_empty() && !after.is_empty() {
        format!(
            "routemap {id}: version {} → {}; themes matched by id, the rest listed at the end",
            clean(before),
            clean(after)
        )
    } else {
        format!("routemap {id} {}", clean(&diff.routemap_version))
    }
}

fn pad(text: &str, width: usize) -> String {
    let cut = ellipsize(text, width, "…");
    let fill = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(fill))
}

/// ANSI colour for a movement (Okabe–Ito bluish green up, vermilion down).
fn paint(text: &str, movement: &Movement, color: bool) -> String {
    let code = match movement {
        Movement::Up(_) | Movement::NewlyAnswered => "38;2;0;158;115",
        Movement::Down(_) | Movement::Removed => "38;2;213;94;0",
        _ => return text.to_string(),
    };
    if color {
        format!("\u{1b}[1;{code}m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

/// The lines under a theme that say what else changed.
fn detail_lines(diff: &Diff, theme: &ThemeDiff, verbose: bool) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    if theme.target_changed() {
        let label = |target: &Option<String>| {
            target
                .as_deref()
                .map_or("—".to_string(), |t| diff.stage_label(t))
        };
        lines.push((
            "target".to_string(),
            format!(
                "{} → {}",
                label(&theme.before.target),
                label(&theme.after.target)
            ),
        ));
    }
    if theme.confidence_changed() {
        lines.push((
            "confidence".to_string(),
            format!(
                "{} → {}",
                confidence_label(theme.before.confidence),
                confidence_label(theme.after.confidence)
            ),
        ));
    }
    match &theme.notes {
        NotesChange::Same => {}
        NotesChange::Added => lines.push(("notes".into(), "added".into())),
        NotesChange::Removed => lines.push(("notes".into(), "removed".into())),
        NotesChange::Changed(words) => {
            let counts = match (words.added, words.removed) {
                (0, 0) => "spacing only".to_string(),
                (added, 0) => format!("+{}", plural(added, "word")),
                (0, removed) => format!("−{}", plural(removed, "word")),
                (added, removed) => {
                    format!("+{}, −{}", plural(added, "word"), plural(removed, "word"))
                }
            };
            lines.push(("notes".into(), format!("changed: {counts}")));
        }
    }
    if verbose && theme.notes != NotesChange::Same {
        for (label, text) in [
            ("  before", &theme.before.notes),
            ("  after", &theme.after.notes),
        ] {
            for (index, line) in text.as_deref().unwrap_or("(none)").lines().enumerate() {
                lines.push((
                    if index == 0 {
                        label.to_string()
                    } else {
                        String::new()
                    },
                    line.to_string(),
                ));
            }
        }
    }
    for (index, item) in theme.evidence_added.iter().enumerate() {
        lines.push((
            if index == 0 {
                "evidence".into()
            } else {
                String::new()
            },
            format!("+ {item}"),
        ));
    }
    for (index, item) in theme.evidence_removed.iter().enumerate() {
        let label = if index == 0 && theme.evidence_added.is_empty() {
            "evidence"
        } else {
            ""
        };
        lines.push((label.to_string(), format!("− {item}")));
    }
    if !theme.in_routemap {
        lines.push(("note".into(), "not in this version of the routemap".into()));
    }
    lines
        .into_iter()
        .map(|(label, text)| (label, clean(&text)))
        .collect()
}

/// The diff as an aligned text table.
pub fn to_text(diff: &Diff, verbose: bool, color: bool) -> String {
    let mut out = vec![
        side_line("before", &diff.before),
        side_line("after", &diff.after),
        routemap_line(diff),
        String::new(),
    ];
    if diff.identical() {
        out.push("The two assessments are identical.".into());
        out.push(String::new());
        out.push(diff.summary.line());
        return out.join("\n") + "\n";
    }
    let theme_width = diff
        .themes
        .iter()
        .map(|t| clean(&t.name).width())
        .max()
        .unwrap_or(5)
        .clamp(5, THEME_WIDTH);
    let label = |answer| clean(&diff.current_label(answer));
    let stage_width = diff
        .themes
        .iter()
        .flat_map(|t| [label(&t.before).width(), label(&t.after).width()])
        .max()
        .unwrap_or(6)
        .clamp(6, STAGE_WIDTH);
    out.push(format!(
        "{}  {}  {}  CHANGE",
        pad("THEME", theme_width),
        pad("BEFORE", stage_width),
        pad("AFTER", stage_width)
    ));
    for theme in &diff.themes {
        let words = movement_words(&theme.movement);
        out.push(format!(
            "{}  {}  {}  {}",
            pad(&clean(&theme.name), theme_width),
            pad(&label(&theme.before), stage_width),
            pad(&label(&theme.after), stage_width),
            paint(&words, &theme.movement, color)
        ));
        for (what, text) in detail_lines(diff, theme, verbose) {
            out.push(format!("    {what:<10}  {text}").trim_end().to_string());
        }
    }
    out.push(String::new());
    out.push(diff.summary.line());
    out.join("\n") + "\n"
}

/// Text safe inside a markdown table cell: on one line, controls shown.
fn cell(text: &str) -> String {
    clean(&text.replace('|', "\\|").replace('\n', "<br>"))
}

/// The diff as a GitHub markdown table.
pub fn to_markdown(diff: &Diff, verbose: bool) -> String {
    let side = |label: &str, side: &Side| {
        let title = side
            .title
            .as_deref()
            .map(|t| format!(" — {}", cell(t)))
            .unwrap_or_default();
        let updated = side
            .updated
            .as_deref()
            .map(|u| format!(", updated {}", cell(u)))
            .unwrap_or_default();
        format!(
            "- **{label}:** `{}` — {}{title}{updated}",
            sanitize::path(&side.path),
            cell(&side.authority)
        )
    };
    let mut out = vec![
        format!("## Changes in {}", cell(&diff.after.authority)),
        String::new(),
        side("before", &diff.before),
        side("after", &diff.after),
        format!(
            "- **routemap:** {}",
            routemap_line(diff).trim_start_matches("routemap ")
        ),
        String::new(),
    ];
    if diff.identical() {
        out.push("The two assessments are identical.".into());
        out.push(String::new());
        out.push(format!("**{}**", diff.summary.line()));
        return out.join("\n") + "\n";
    }
    out.push("| Theme | Before | After | Change | Other changes |".into());
    out.push("|---|---|---|---|---|".into());
    for theme in &diff.themes {
        let others: Vec<String> = detail_lines(diff, theme, verbose)
            .into_iter()
            .map(|(what, text)| {
                if what.trim().is_empty() {
                    text
                } else {
                    format!("{}: {text}", what.trim())
                }
            })
            .collect();
        out.push(format!(
            "| {} | {} | {} | {} | {} |",
            cell(&theme.name),
            cell(&diff.current_label(&theme.before)),
            cell(&diff.current_label(&theme.after)),
            movement_words(&theme.movement),
            cell(&others.join("<br>"))
        ));
    }
    out.push(String::new());
    out.push(format!("**{}**", diff.summary.line()));
    out.join("\n") + "\n"
}
