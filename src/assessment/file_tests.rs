//! Reading and writing the saved format.

use super::*;
use crate::assessment::to_yaml;

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
