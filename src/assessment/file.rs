//! The saved-assessment file: reading any YAML spelling of the format, writing the one
//! canonical spelling (fixed key order, one field a line, stable under `git diff`).
//!
//! The `format:` line carries a version; reading dispatches on it so a later format can
//! migrate older files. Today there is one: `routemap-assessment/1`.

use super::{Answer, Assessment, Confidence, Current, RoutemapRef};
use crate::clock::{self, Timestamp};
use crate::error::{Error, Result};
use crate::text::is_slug;
use crate::yaml::{
    self, Emitter, NodePath, OneOrMany, OrderedMap, PathProblem, flow_plain_or_quoted,
    plain_or_quoted, quoted,
};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// The format this version writes.
pub const FORMAT: &str = "routemap-assessment/1";
const FORMAT_FAMILY: &str = "routemap-assessment/";
const NOT_APPLICABLE: &str = "n/a";
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
        let path = answers_path.key(&theme_id);
        if answered.contains(&theme_id) {
            problem(
                answers_path.key_name_nth(&theme_id, 1),
                format!("theme '{theme_id}' is answered twice; keep one answer"),
            );
            continue;
        }
        // A stage that is not a slug (typed by hand: 'level-1.5') is kept as written
        // and flagged when matched to the routemap, as an unknown stage is: never a
        // reason to refuse the file.
        let current = match raw_answer.current.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(NOT_APPLICABLE) => Some(Current::NotApplicable),
            Some(stage) => Some(Current::Stage(stage.to_string())),
        };
        let target = raw_answer
            .target
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        let mut met: Vec<String> = Vec::new();
        let mut ticked: std::collections::HashSet<String> = std::collections::HashSet::new();
        let met_list = raw_answer.met.map(|list| list.0).unwrap_or_default();
        let single = met_list.len() == 1;
        for (position, id) in met_list.into_iter().enumerate() {
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
        let votes = read_tally(
            &path.key("votes"),
            &theme_id,
            raw_answer.votes,
            &mut problem,
        );
        let rounds = raw_answer
            .rounds
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(n, round)| {
                read_tally(
                    &path.key("rounds").index(n),
                    &theme_id,
                    Some(round),
                    &mut problem,
                )
            })
            .filter(|round| !round.is_empty())
            .collect();
        let vote_order = raw_answer.vote_order.unwrap_or_default();
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
        let answer = Answer {
            current,
            target,
            met,
            confidence: raw_answer.confidence.map(Confidence::from),
            notes: raw_answer.notes.filter(|notes| !notes.is_empty()),
            room_note: raw_answer.room_note.filter(|note| !note.is_empty()),
            evidence: raw_answer
                .evidence
                .map(|list| {
                    list.0
                        .into_iter()
                        .filter(|item| !item.trim().is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            carried: raw_answer.carried.unwrap_or(false),
            parked: raw_answer.parked.unwrap_or(false),
            votes,
            vote_order,
            rounds,
            revealed: raw_answer.revealed.unwrap_or(false),
        };
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

/// A tally's entries to write: stage id and count, counts above zero.
fn tally_entries(votes: &[(String, u32)]) -> Vec<(String, String)> {
    votes
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stage, count)| (stage.clone(), count.to_string()))
        .collect()
}

/// The canonical YAML of an assessment. Same assessment, same bytes.
pub fn to_yaml(assessment: &Assessment) -> String {
    let mut out = Emitter::new();
    out.field(0, "format", FORMAT);
    out.field(
        0,
        "routemap",
        &format!(
            "{{ id: {}, version: {} }}",
            flow_plain_or_quoted(&assessment.routemap.id),
            quoted(&assessment.routemap.version)
        ),
    );
    out.text(0, "authority", &assessment.authority);
    if let Some(title) = &assessment.title {
        out.text(0, "title", title);
    }
    if let Some(created) = &assessment.created {
        out.field(0, "created", created);
    }
    if let Some(updated) = assessment.updated {
        out.field(0, "updated", &updated.timestamp());
    }
    if assessment.blind {
        out.field(0, "workshop", "{ blind: true }");
    }
    let answers: Vec<_> = assessment
        .answers
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .collect();
    if !answers.is_empty() {
        out.open(0, "answers");
    }
    for (theme_id, answer) in answers {
        out.open(2, theme_id);
        match &answer.current {
            Some(Current::Stage(stage)) => out.field(4, "current", &plain_or_quoted(stage)),
            Some(Current::NotApplicable) => out.field(4, "current", NOT_APPLICABLE),
            None => {}
        }
        if let Some(target) = &answer.target {
            out.field(4, "target", &plain_or_quoted(target));
        }
        if !answer.met.is_empty() {
            out.open(4, "met");
            for id in &answer.met {
                out.item(6, id);
            }
        }
        if let Some(confidence) = answer.confidence {
            out.field(4, "confidence", confidence.as_str());
        }
        if let Some(notes) = &answer.notes {
            out.text(4, "notes", notes);
        }
        if let Some(note) = &answer.room_note {
            out.text(4, "room_note", note);
        }
        if !answer.evidence.is_empty() {
            out.open(4, "evidence");
            for item in &answer.evidence {
                out.item(6, item);
            }
        }
        if answer.carried {
            out.field(4, "carried", "true");
        }
        if answer.parked {
            out.field(4, "parked", "true");
        }
        let votes = tally_entries(&answer.votes);
        if !votes.is_empty() {
            out.flow_mapping(4, "votes", &votes);
        }
        if !answer.vote_order.is_empty() {
            let order: Vec<String> = answer
                .vote_order
                .iter()
                .map(|s| flow_plain_or_quoted(s))
                .collect();
            out.field(4, "vote_order", &format!("[{}]", order.join(", ")));
        }
        let rounds: Vec<Vec<(String, String)>> = answer
            .rounds
            .iter()
            .map(|round| tally_entries(round))
            .filter(|round| !round.is_empty())
            .collect();
        if !rounds.is_empty() {
            out.open(4, "rounds");
            for round in &rounds {
                out.mapping_item(6, round);
            }
        }
        if answer.revealed {
            out.field(4, "revealed", "true");
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"format: routemap-assessment/1
routemap: { id: planting-the-flag, version: "2011.1" }
authority: Anytown Borough Council
title: 2026 baseline
created: 2026-11-27
updated: 2026-11-27T14:03:11Z
answers:
  leadership:
    current: flag-planted
    target: on-the-route
    confidence: medium
    notes: |
      The CIO reports to the deputy chief executive.
      Cyngor: ŵ ŷ — 🚒
    evidence:
      - https://intranet.example/ict-strategy-2026.pdf
    carried: true
    votes: { not-started: 2, flag-planted: 7, route-planned: 1 }
  governance:
    current: n/a
"#;

    fn load(text: &str) -> Result<Assessment> {
        parse(Path::new("a.yaml"), text)
    }

    fn message(text: &str) -> String {
        match load(text) {
            Ok(_) => "ok".into(),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn the_product_example_round_trips_byte_for_byte() {
        let assessment = load(EXAMPLE).unwrap();
        assert_eq!(assessment.answers.len(), 2);
        let leadership = &assessment.answers[0].1;
        assert_eq!(
            leadership.current,
            Some(Current::Stage("flag-planted".into()))
        );
        assert_eq!(leadership.confidence, Some(Confidence::Medium));
        assert!(leadership.carried);
        assert_eq!(leadership.votes[1], ("flag-planted".to_string(), 7));
        assert_eq!(
            assessment.answers[1].1.current,
            Some(Current::NotApplicable)
        );
        assert_eq!(to_yaml(&assessment), EXAMPLE);
    }

    #[test]
    fn any_yaml_spelling_reads_the_same() {
        let flow = r#"{"format": "routemap-assessment/1", routemap: {id: planting-the-flag, version: '2011.1'},
          authority: "Anytown Borough Council", title: '2026 baseline', created: "2026-11-27",
          updated: "2026-11-27T15:03:11+01:00",
          answers: {leadership: {current: flag-planted, target: on-the-route, confidence: medium,
            notes: "The CIO reports to the deputy chief executive.\nCyngor: ŵ ŷ — 🚒\n",
            evidence: "https://intranet.example/ict-strategy-2026.pdf", carried: yes,
            votes: {not-started: 2, flag-planted: 7, route-planned: 1}},
            governance: {current: n/a}}}"#;
        // `yes` is text to serde_yaml, not a boolean: YAML 1.2. Spell it true here.
        let flow = flow.replace("carried: yes", "carried: true");
        assert_eq!(to_yaml(&load(&flow).unwrap()), EXAMPLE);
    }

    #[test]
    fn absent_and_empty_answers_are_fine() {
        let minimal = "format: routemap-assessment/1\nroutemap: {id: x}\nauthority: A\n";
        let assessment = load(minimal).unwrap();
        assert!(assessment.answers.is_empty());
        assert_eq!(
            to_yaml(&assessment),
            "format: routemap-assessment/1\nroutemap: { id: x, version: \"\" }\nauthority: A\n"
        );
        let empty = format!("{minimal}answers:\n  leadership:\n  governance: {{}}\n");
        assert!(load(&empty).unwrap().answers.is_empty());
    }

    #[test]
    fn wrong_formats_say_what_to_do() {
        assert_eq!(
            message(""),
            "a.yaml:1:1: the file is empty; a saved assessment starts 'format: routemap-assessment/1'"
        );
        assert!(message("id: planting-the-flag\ntitle: x\n").contains("is it a routemap?"));
        assert_eq!(
            message("format: routemap-assessment/2\n"),
            "a.yaml:1:9: this assessment is in format 'routemap-assessment/2', which is newer than this routemap understands ('routemap-assessment/1'); upgrade routemap to open it"
        );
        assert!(
            message("format: something-else\n")
                .starts_with("a.yaml:1:9: 'format: something-else' is not")
        );
        assert_eq!(
            message("format: routemap-assessment/0\n"),
            "a.yaml:1:9: 'format: routemap-assessment/0' is not a version of the assessment format (there is only 'routemap-assessment/1' so far); write 'format: routemap-assessment/1'"
        );
        assert!(message("format: routemap-assessment/1.5\n").contains("is not a version"));
        assert!(
            message("format: routemap-assessment/99999999999999999999999\n")
                .contains("is not a version")
        );
        assert!(message("format: routemap-assessment/12\n").contains("newer"));
    }

    #[test]
    fn bad_fields_are_located() {
        let typo = EXAMPLE.replace("    confidence: medium", "    confidense: medium");
        assert_eq!(
            message(&typo),
            "a.yaml:11:5: unknown key 'confidense' in answers.leadership; did you mean 'confidence'?"
        );
        let level = EXAMPLE.replace("confidence: medium", "confidence: huge");
        assert!(
            message(&level).starts_with("a.yaml:11:17: 'huge' is not allowed"),
            "{}",
            message(&level)
        );
        let date = EXAMPLE.replace("created: 2026-11-27", "created: 27/11/2026");
        assert_eq!(
            message(&date),
            "a.yaml:5:10: created '27/11/2026' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-27"
        );
        let votes = EXAMPLE.replace("flag-planted: 7", "flag-planted: -7");
        assert_eq!(
            message(&votes),
            "a.yaml:18:44: the value in answers.leadership.votes.flag-planted is the number -7 but should be a whole number (0 or more)"
        );
    }

    const WORKSHOP: &str = r#"format: routemap-assessment/1
routemap: { id: planting-the-flag, version: "2011.1" }
authority: Cyngor Gwynedd
workshop: { blind: true }
answers:
  leadership:
    current: flag-planted
    room_note: |
      Dŵr — we agreed 2; finance disagreed.
    votes: { flag-planted: 2, on-the-route: 1 }
    vote_order: [flag-planted, on-the-route, flag-planted]
    rounds:
      - { not-started: 1, flag-planted: 3, destination: 2 }
      - { flag-planted: 4 }
    revealed: true
"#;

    #[test]
    fn the_workshop_fields_round_trip_byte_for_byte() {
        let assessment = load(WORKSHOP).unwrap();
        assert!(assessment.blind);
        let leadership = &assessment.answers[0].1;
        assert_eq!(
            leadership.vote_order,
            ["flag-planted", "on-the-route", "flag-planted"]
        );
        assert_eq!(leadership.rounds.len(), 2);
        assert_eq!(leadership.rounds[1], [("flag-planted".to_string(), 4)]);
        assert!(leadership.revealed);
        assert_eq!(
            leadership.room_note.as_deref(),
            Some("Dŵr — we agreed 2; finance disagreed.\n")
        );
        assert_eq!(to_yaml(&assessment), WORKSHOP);
    }

    #[test]
    fn files_without_the_workshop_fields_read_as_before() {
        let assessment = load(EXAMPLE).unwrap();
        assert!(!assessment.blind);
        let leadership = &assessment.answers[0].1;
        assert!(leadership.vote_order.is_empty() && leadership.rounds.is_empty());
        assert!(!leadership.revealed && leadership.room_note.is_none());
        let unblind = WORKSHOP.replace("workshop: { blind: true }", "workshop: { blind: false }");
        assert!(!load(&unblind).unwrap().blind);
        assert!(!to_yaml(&load(&unblind).unwrap()).contains("workshop:"));
    }

    #[test]
    fn bad_workshop_fields_are_located() {
        let order = WORKSHOP.replace("on-the-route, flag-planted]", "'', flag-planted]");
        assert_eq!(
            message(&order),
            "a.yaml:11:32: vote_order of theme 'leadership' lists an empty stage; list the stage ids of the votes, oldest first"
        );
        let twice = WORKSHOP.replace(
            "- { flag-planted: 4 }",
            "- { flag-planted: 4, flag-planted: 1 }",
        );
        assert_eq!(
            message(&twice),
            "a.yaml:14:28: votes for stage 'flag-planted' of theme 'leadership' are given twice; keep one count"
        );
        let typo = WORKSHOP.replace("{ blind: true }", "{ blnd: true }");
        assert!(
            message(&typo).contains("unknown key 'blnd'"),
            "{}",
            message(&typo)
        );
    }

    #[test]
    fn a_stage_typed_by_hand_is_kept_as_written_never_refused() {
        let typed = EXAMPLE
            .replace("current: flag-planted", "current: level-1.5")
            .replace("target: on-the-route", "target: On The Route")
            .replace("flag-planted: 7", "Half way: 7");
        let assessment = load(&typed).unwrap();
        let leadership = &assessment.answers[0].1;
        assert_eq!(leadership.current, Some(Current::Stage("level-1.5".into())));
        assert_eq!(leadership.target.as_deref(), Some("On The Route"));
        assert_eq!(leadership.votes[1], ("Half way".to_string(), 7));
        assert_eq!(to_yaml(&assessment), typed, "and written back as it was");
        assert_eq!(
            message(&EXAMPLE.replace("flag-planted: 7", "\"\": 7")),
            "a.yaml:18:30: votes in theme 'leadership' name no stage; write 'stage-id: count'"
        );
    }

    #[test]
    fn criteria_met_are_a_list_of_ids_written_one_a_line() {
        let flow = "format: routemap-assessment/1\nroutemap: {id: x, version: '1'}\nauthority: A\nanswers:\n  t: {current: level-2, met: [list, model, 'Typed by hand']}\n  u: {met: one}\n";
        let assessment = load(flow).unwrap();
        assert_eq!(
            assessment.answers[0].1.met,
            ["list", "model", "Typed by hand"]
        );
        assert_eq!(
            assessment.answers[1].1.met,
            ["one"],
            "one id may be written alone"
        );
        assert_eq!(
            to_yaml(&assessment),
            "format: routemap-assessment/1\nroutemap: { id: x, version: \"1\" }\nauthority: A\nanswers:\n  t:\n    current: level-2\n    met:\n      - list\n      - model\n      - Typed by hand\n  u:\n    met:\n      - one\n"
        );
        let twice = flow.replace("[list, model,", "[list, list,");
        assert_eq!(
            message(&twice),
            "a.yaml:5:37: criterion 'list' is listed twice in 'met' of theme 't'; keep one"
        );
        let empty = flow.replace("met: one", "met: []");
        assert_eq!(
            load(&empty).unwrap().answers.len(),
            1,
            "an empty list says nothing"
        );
    }

    #[test]
    fn duplicate_answers_are_refused() {
        let twice = EXAMPLE.replace("  governance:\n", "  leadership:\n");
        assert_eq!(
            message(&twice),
            "a.yaml:19:3: theme 'leadership' is answered twice; keep one answer"
        );
    }
}
