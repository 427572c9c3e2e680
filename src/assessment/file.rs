//! The saved-assessment file: reading any YAML spelling of the format, writing the one
//! canonical spelling (fixed key order, one field a line, stable under `git diff`).
//!
//! The `format:` line carries a version; reading dispatches on it so a later format can
//! migrate older files. Today there is one: `routemap-assessment/1`.

use super::{Answer, Assessment, Confidence, Current, RoutemapRef};
use crate::clock::{self, Timestamp};
use crate::error::{Error, Result};
use crate::text::is_slug;
use crate::yaml::{self, NodePath, OneOrMany, OrderedMap, PathProblem};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// The format this version writes.
pub const FORMAT: &str = "routemap-assessment/1";
const FORMAT_FAMILY: &str = "routemap-assessment/";
pub(super) const NOT_APPLICABLE: &str = "n/a";
/// The first line the writer emits.
const CANONICAL_FIRST_LINE: &str = "format: routemap-assessment/1\n";

/// Reads only the `format:` line, whatever else the file holds.
#[derive(Deserialize)]
struct FormatProbe {
    #[serde(default)]
    format: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawV1 {
    #[allow(dead_code)]
    format: String,
    routemap: RawRoutemapRef,
    authority: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    updated: Option<String>,
    #[serde(default)]
    workshop: Option<RawWorkshop>,
    #[serde(default)]
    answers: Option<OrderedMap<RawAnswer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkshop {
    #[serde(default)]
    blind: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoutemapRef {
    id: String,
    #[serde(default)]
    version: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    met: Option<OneOrMany>,
    #[serde(default)]
    confidence: Option<RawConfidence>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default)]
    room_note: Option<String>,
    #[serde(default)]
    evidence: Option<OneOrMany>,
    #[serde(default)]
    carried: Option<bool>,
    #[serde(default)]
    parked: Option<bool>,
    #[serde(default)]
    votes: Option<OrderedMap<u32>>,
    #[serde(default)]
    vote_order: Option<Vec<String>>,
    #[serde(default)]
    rounds: Option<Vec<OrderedMap<u32>>>,
    #[serde(default)]
    revealed: Option<bool>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawConfidence {
    Low,
    Medium,
    High,
}

impl From<RawConfidence> for Confidence {
    fn from(raw: RawConfidence) -> Self {
        match raw {
            RawConfidence::Low => Confidence::Low,
            RawConfidence::Medium => Confidence::Medium,
            RawConfidence::High => Confidence::High,
        }
    }
}

/// Parses a saved assessment; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<Assessment> {
    let text = yaml::preflight(path, text)?;
    if yaml::is_blank(text) {
        return Err(Error::invalid_one(
            path,
            Some(crate::error::Location { line: 1, column: 1 }),
            format!("the file is empty; a saved assessment starts 'format: {FORMAT}'"),
        ));
    }
    let located =
        |error: serde_yaml::Error| Error::invalid(path, vec![yaml::humanize(&error, text)]);
    // The canonical spelling says its format on the first line: one YAML pass instead of
    // two (a summary reads thousands of these).
    // (A next line that is indented would continue the value, so it must not be.)
    let canonical = text
        .strip_prefix(CANONICAL_FIRST_LINE)
        .is_some_and(|rest| !rest.starts_with([' ', '\t']));
    let probe: FormatProbe = if canonical {
        FormatProbe {
            format: Some(FORMAT.to_string()),
        }
    } else {
        serde_yaml::from_str(text).map_err(located)?
    };
    let format_at = || yaml::locate(text, &NodePath::root().key("format"));
    match probe.format.as_deref().map(str::trim) {
        Some(FORMAT) => {
            let raw: RawV1 = serde_yaml::from_str(text).map_err(located)?;
            from_v1(raw)
                .map_err(|problems| Error::invalid(path, yaml::locate_problems(text, problems)))
        }
        Some(other) if is_newer_format(other) => Err(Error::invalid_one(
            path,
            format_at(),
            format!(
                "this assessment is in format '{other}', which is newer than this routemap understands ('{FORMAT}'); upgrade routemap to open it"
            ),
        )),
        Some(other) if other.starts_with(FORMAT_FAMILY) => Err(Error::invalid_one(
            path,
            format_at(),
            format!(
                "'format: {other}' is not a version of the assessment format (there is only '{FORMAT}' so far); write 'format: {FORMAT}'"
            ),
        )),
        Some(other) => Err(Error::invalid_one(
            path,
            format_at(),
            format!(
                "'format: {other}' is not a routemap assessment format; a saved assessment starts 'format: {FORMAT}'"
            ),
        )),
        None => Err(Error::invalid_one(
            path,
            None,
            format!(
                "this is not a saved assessment (it has no 'format:' line; is it a routemap?); a saved assessment starts 'format: {FORMAT}'"
            ),
        )),
    }
}

/// `routemap-assessment/N` with N above this version's: written by a later routemap.
fn is_newer_format(format: &str) -> bool {
    let current = FORMAT
        .strip_prefix(FORMAT_FAMILY)
        .and_then(|n| n.parse::<u64>().ok());
    let version = format
        .strip_prefix(FORMAT_FAMILY)
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u64>().ok());
    matches!((version, current), (Some(version), Some(current)) if version > current)
}

fn from_v1(raw: RawV1) -> std::result::Result<Assessment, Vec<PathProblem>> {
    let root = NodePath::root();
    let mut problems = Vec::new();
    let mut problem =
        |path: NodePath, message: String| problems.push(PathProblem { path, message });

    if !is_slug(&raw.routemap.id) {
        problem(
            root.key("routemap").key("id"),
            format!(
                "routemap id '{}' is not a slug; write the id of the routemap this assessment uses",
                raw.routemap.id
            ),
        );
    }
    if raw.authority.trim().is_empty() {
        problem(
            root.key("authority"),
            "the authority is empty; write the name of the authority assessed".into(),
        );
    }
    let created = raw.created.as_deref().map(|text| {
        clock::parse_date(text).unwrap_or_else(|| {
            problem(
                root.key("created"),
                format!("created '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27"),
            );
            String::new()
        })
    });
    let updated = raw.updated.as_deref().map(|text| {
        clock::parse_timestamp(text).unwrap_or_else(|| {
            problem(root.key("updated"), format!("updated '{text}' is not a date and time; write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-27T14:03:11Z"));
            Timestamp(0)
        })
    });

    let answers_path = root.key("answers");
    let mut answers: Vec<(String, Answer)> = Vec::new();
    // The ids in `answers`, so that spotting a duplicate stays linear in the file.
    let mut answered: HashSet<String> = HashSet::new();
    for (theme_id, raw_answer) in raw.answers.map(|a| a.0).unwrap_or_default() {
        if answered.contains(&theme_id) {
            problem(
                answers_path.key_name_nth(&theme_id, 1),
                format!("theme '{theme_id}' is answered twice; keep one answer"),
            );
            continue;
        }
        let path = answers_path.key(&theme_id);
        let answer = read_answer(&path, &theme_id, raw_answer, &mut problem);
        if !answer.is_empty() {
            answered.insert(theme_id.clone());
            answers.push((theme_id, answer));
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Assessment {
        routemap: RoutemapRef {
            id: raw.routemap.id,
            version: raw.routemap.version.unwrap_or_default(),
        },
        authority: raw.authority.trim().to_string(),
        title: raw
            .title
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()),
        created,
        updated,
        answers,
        blind: raw.workshop.and_then(|w| w.blind).unwrap_or(false),
    })
}

/// One theme's answer as written, its problems reported at `path`.
fn read_answer(
    path: &NodePath,
    theme_id: &str,
    raw: RawAnswer,
    problem: &mut impl FnMut(NodePath, String),
) -> Answer {
    // A stage that is not a slug (typed by hand: 'level-1.5') is kept as written and
    // flagged when matched to the routemap, as an unknown stage is: never a reason to
    // refuse the file.
    let current = match raw.current.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(NOT_APPLICABLE) => Some(Current::NotApplicable),
        Some(stage) => Some(Current::Stage(stage.to_string())),
    };
    let target = raw
        .target
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let met = read_met(path, theme_id, raw.met, problem);
    let votes = read_tally(&path.key("votes"), theme_id, raw.votes, problem);
    let rounds = raw
        .rounds
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(n, round)| read_tally(&path.key("rounds").index(n), theme_id, Some(round), problem))
        .filter(|round| !round.is_empty())
        .collect();
    let vote_order = raw.vote_order.unwrap_or_default();
    for (n, stage) in vote_order.iter().enumerate() {
        // As in the tally: a stage that is not a slug is kept; no stage at all is not.
        if stage.trim().is_empty() {
            problem(
                path.key("vote_order").index(n),
                format!(
                    "vote_order of theme '{theme_id}' lists an empty stage; list the stage ids of the votes, oldest first"
                ),
            );
        }
    }
    Answer {
        current,
        target,
        met,
        confidence: raw.confidence.map(Confidence::from),
        notes: raw.notes.filter(|notes| !notes.is_empty()),
        room_note: raw.room_note.filter(|note| !note.is_empty()),
        evidence: raw
            .evidence
            .map(|list| {
                list.0
                    .into_iter()
                    .filter(|item| !item.trim().is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        carried: raw.carried.unwrap_or(false),
        parked: raw.parked.unwrap_or(false),
        votes,
        vote_order,
        rounds,
        revealed: raw.revealed.unwrap_or(false),
    }
}

/// The criteria ticked as met, each once.
fn read_met(
    path: &NodePath,
    theme_id: &str,
    raw: Option<OneOrMany>,
    problem: &mut impl FnMut(NodePath, String),
) -> Vec<String> {
    let mut met: Vec<String> = Vec::new();
    let mut ticked: HashSet<String> = HashSet::new();
    let listed = raw.map(|list| list.0).unwrap_or_default();
    let single = listed.len() == 1;
    for (position, id) in listed.into_iter().enumerate() {
        let id = id.trim().to_string();
        if id.is_empty() {
            continue;
        }
        if !ticked.insert(id.clone()) {
            let at = if single {
                path.key("met")
            } else {
                path.key("met").index(position)
            };
            problem(
                at,
                format!(
                    "criterion '{id}' is listed twice in 'met' of theme '{theme_id}'; keep one"
                ),
            );
            continue;
        }
        met.push(id);
    }
    met
}

/// A tally as written (`{ stage-id: count, … }`): stage ids that are slugs, each once;
/// zero counts are dropped. `path` is where it sits, for the messages.
fn read_tally(
    path: &NodePath,
    theme_id: &str,
    raw: Option<OrderedMap<u32>>,
    problem: &mut impl FnMut(NodePath, String),
) -> Vec<(String, u32)> {
    let mut votes: Vec<(String, u32)> = Vec::new();
    // Seen stages by hash: a tally of thousands of stages is not read in quadratic time.
    let mut voted: HashSet<String> = HashSet::new();
    for (stage, count) in raw.map(|v| v.0).unwrap_or_default() {
        // Like a stage chosen, a tally for a stage that is not a slug is kept and
        // flagged; only a tally naming no stage at all says nothing to keep.
        if stage.trim().is_empty() {
            problem(
                path.key_name(&stage),
                format!("votes in theme '{theme_id}' name no stage; write 'stage-id: count'"),
            );
        } else if voted.contains(&stage) {
            problem(
                path.key_name_nth(&stage, 1),
                format!(
                    "votes for stage '{stage}' of theme '{theme_id}' are given twice; keep one count"
                ),
            );
        } else {
            voted.insert(stage.clone());
            if count > 0 {
                votes.push((stage, count));
            }
        }
    }
    votes
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
