//! Tests of merging, field by field.

use super::*;
use crate::builtin;
use crate::clock::Timestamp;

fn routemap() -> Routemap {
    builtin::planting_the_flag()
}

fn part(themes: &[(&str, &str, Option<&str>)]) -> Assessment {
    let routemap = routemap();
    let mut assessment = Assessment::new(&routemap, "Anytown Borough Council", None, Timestamp(0));
    for (theme, stage, notes) in themes {
        let answer = assessment.answer_mut(&routemap, theme);
        answer.current = Some(Current::Stage((*stage).into()));
        answer.notes = notes.map(str::to_string);
    }
    assessment
}

fn inputs(parts: Vec<Assessment>) -> Vec<(PathBuf, Assessment)> {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, a)| (PathBuf::from(format!("officer-{}.yaml", i + 1)), a))
        .collect()
}

#[test]
fn separate_themes_are_taken_and_shared_ones_agree() {
    let a = part(&[
        (
            "leadership",
            "flag-planted",
            Some("From the CEO interview."),
        ),
        ("governance", "route-planned", None),
    ]);
    let b = part(&[
        ("governance", "route-planned", Some("Board minutes.")),
        ("infrastructure", "on-the-route", None),
    ]);
    let merged = merge(&routemap(), &inputs(vec![a, b]), Timestamp(5)).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!((merged.taken, merged.agreed), (2, 1));
    let ids: Vec<&str> = merged
        .assessment
        .answers
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(ids, ["leadership", "governance", "infrastructure"]);
    assert_eq!(
        merged
            .assessment
            .answer("governance")
            .unwrap()
            .notes
            .as_deref(),
        Some("Board minutes.")
    );
    assert_eq!(merged.assessment.updated, Some(Timestamp(5)));
}

#[test]
fn different_answers_are_a_conflict_recorded_in_notes() {
    let a = part(&[("leadership", "flag-planted", Some("We think 2."))]);
    let b = part(&[("leadership", "on-the-route", Some("Clearly 4."))]);
    let merged = merge(&routemap(), &inputs(vec![a, b]), Timestamp(0)).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.theme_name, "Leadership");
    assert_eq!(conflict.answers[0].1, "current 2 Flag planted");
    assert_eq!(conflict.answers[1].1, "current 4 On the route");
    let answer = merged.assessment.answer("leadership").unwrap();
    assert_eq!(answer.current, None, "never silently picked");
    assert_eq!(
        answer.notes.as_deref(),
        Some(
            "Merge conflict: the files disagree on the stage; choose it, then edit this note.\n- officer-1.yaml: current 2 Flag planted\n- officer-2.yaml: current 4 On the route\n\nFrom officer-1.yaml:\nWe think 2.\n\nFrom officer-2.yaml:\nClearly 4."
        )
    );
}

#[test]
fn a_target_or_confidence_difference_is_a_conflict_on_that_field_only() {
    let routemap = routemap();
    let mut a = part(&[("leadership", "flag-planted", None)]);
    a.answer_mut(&routemap, "leadership").target = Some("route-planned".into());
    let mut b = a.clone();
    b.answer_mut(&routemap, "leadership").target = Some("on-the-route".into());
    let merged = merge(&routemap, &inputs(vec![a.clone(), b]), Timestamp(0)).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].answers[1].1,
        "current 2 Flag planted, target 4 On the route"
    );
    // The stage both give is kept; only the target they differ on is left unset.
    let answer = merged.assessment.answer("leadership").unwrap();
    assert_eq!(answer.current, Some(Current::Stage("flag-planted".into())));
    assert_eq!(answer.target, None);
    assert!(
        answer.notes.as_deref().unwrap_or_default().starts_with(
            "Merge conflict: the files disagree on the target; choose it, then edit this note."
        ),
        "{answer:?}"
    );
    let mut c = a.clone();
    c.answer_mut(&routemap, "leadership").confidence = Some(crate::assessment::Confidence::Low);
    let mut d = a.clone();
    d.answer_mut(&routemap, "leadership").confidence = Some(crate::assessment::Confidence::High);
    let merged = merge(&routemap, &inputs(vec![c, d]), Timestamp(0)).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let answer = merged.assessment.answer("leadership").unwrap();
    assert_eq!(answer.target.as_deref(), Some("route-planned"));
    assert_eq!(answer.confidence, None);
}

#[test]
fn what_one_file_leaves_unset_is_no_disagreement() {
    let routemap = routemap();
    let mut a = part(&[("leadership", "flag-planted", None)]);
    a.answer_mut(&routemap, "leadership").target = Some("route-planned".into());
    a.answer_mut(&routemap, "leadership").confidence = Some(crate::assessment::Confidence::High);
    // The other officer only wrote a note; a third gave the confidence only.
    let mut b = Assessment::new(&routemap, "Anytown Borough Council", None, Timestamp(0));
    b.answer_mut(&routemap, "leadership").notes = Some("I think we are at 2 too".into());
    let mut c = Assessment::new(&routemap, "Anytown Borough Council", None, Timestamp(0));
    c.answer_mut(&routemap, "leadership").confidence = Some(crate::assessment::Confidence::High);
    let merged = merge(&routemap, &inputs(vec![a, b, c]), Timestamp(0)).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.agreed, 1);
    let answer = merged.assessment.answer("leadership").unwrap();
    assert_eq!(answer.current, Some(Current::Stage("flag-planted".into())));
    assert_eq!(answer.target.as_deref(), Some("route-planned"));
    assert_eq!(answer.confidence, Some(crate::assessment::Confidence::High));
    assert_eq!(answer.notes.as_deref(), Some("I think we are at 2 too"));
}

#[test]
fn evidence_is_united_without_repeats() {
    let routemap = routemap();
    let mut a = part(&[("leadership", "flag-planted", None)]);
    let mut b = a.clone();
    a.answer_mut(&routemap, "leadership").evidence = vec!["x.pdf".into(), "y.pdf".into()];
    b.answer_mut(&routemap, "leadership").evidence = vec!["y.pdf".into(), "z.pdf".into()];
    let merged = merge(&routemap, &inputs(vec![a, b]), Timestamp(0)).unwrap();
    assert_eq!(
        merged.assessment.answer("leadership").unwrap().evidence,
        ["x.pdf", "y.pdf", "z.pdf"]
    );
}

#[test]
fn other_authorities_and_routemaps_are_refused() {
    let a = part(&[]);
    let mut b = part(&[]);
    b.authority = "Othertown".into();
    let error = merge(&routemap(), &inputs(vec![a.clone(), b]), Timestamp(0)).unwrap_err();
    assert!(
        error.to_string().contains(
            "assesses 'Anytown Borough Council' but 'officer-2.yaml' assesses 'Othertown'"
        ),
        "{error}"
    );
    let mut c = part(&[]);
    c.authority = "anytown  borough council".into();
    assert!(
        merge(&routemap(), &inputs(vec![a.clone(), c]), Timestamp(0)).is_ok(),
        "case and spacing do not matter"
    );
    let mut d = part(&[]);
    d.routemap.id = "procurement-and-sourcing".into();
    assert!(merge(&routemap(), &inputs(vec![a, d]), Timestamp(0)).is_err());
}

#[test]
fn room_notes_and_rounds_travel_with_the_answer() {
    let routemap = routemap();
    let mut a = part(&[("leadership", "flag-planted", None)]);
    a.blind = true;
    let mut b = part(&[("leadership", "flag-planted", None)]);
    let room = a.answer_mut(&routemap, "leadership");
    room.room_note = Some("Agreed 2 after a second round.".into());
    room.rounds = vec![vec![("destination".into(), 3)]];
    b.answer_mut(&routemap, "leadership").rounds = room.rounds.clone();
    b.answer_mut(&routemap, "leadership").room_note = Some("Finance said 1.".into());
    let merged = merge(&routemap, &inputs(vec![a.clone(), b]), Timestamp(0)).unwrap();
    assert!(merged.conflicts.is_empty() && merged.assessment.blind);
    let leadership = merged.assessment.answer("leadership").unwrap();
    assert_eq!(leadership.rounds.len(), 1);
    assert_eq!(
        leadership.room_note.as_deref(),
        Some(
            "From officer-1.yaml:\nAgreed 2 after a second round.\n\nFrom officer-2.yaml:\nFinance said 1."
        )
    );
    // Other rounds of voting: a conflict, and the room's words kept in its note.
    let mut c = part(&[("leadership", "flag-planted", None)]);
    c.answer_mut(&routemap, "leadership").rounds = vec![vec![("not-started".into(), 1)]];
    let merged = merge(&routemap, &inputs(vec![a, c]), Timestamp(0)).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let notes = merged
        .assessment
        .answer("leadership")
        .unwrap()
        .notes
        .clone()
        .unwrap();
    assert!(
        notes.contains("The room's note in officer-1.yaml:\nAgreed 2 after a second round."),
        "{notes}"
    );
}
