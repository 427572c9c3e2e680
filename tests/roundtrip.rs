//! Property tests: any assessment saves and loads back equal, and saving what was loaded
//! writes the same bytes; any text survives in notes, titles and evidence.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::vec;
use proptest::prelude::*;
use routemap::assessment::{self, Answer, Assessment, Confidence, Current, RoutemapRef};
use routemap::clock::Instant;
use std::path::Path;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,12}"
}

/// Any text at all: Unicode, control characters, newlines, leading and trailing spaces.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9:#'\"\\-\\n\\t|>{}\\[\\],&*!%@`ŵŷ🚒]{0,40}",
        vec(
            prop_oneof![
                Just("\n".to_string()),
                Just("  ".to_string()),
                "[a-z :#-]{0,8}"
            ],
            0..8
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn non_blank_text() -> impl Strategy<Value = String> {
    any_text().prop_filter("not blank", |t| !t.trim().is_empty())
}

/// A stage or criterion id as a save may hold it: a slug, or anything typed by hand
/// (kept as written and flagged, never refused), trimmed as the reader trims it.
fn id_as_typed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => slug(),
        1 => non_blank_text()
            .prop_map(|t| t.trim().to_string())
            .prop_filter("not n/a", |t| t != "n/a"),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        prop_oneof![
            Just(None),
            Just(Some(Current::NotApplicable)),
            id_as_typed().prop_map(|s| Some(Current::Stage(s)))
        ],
        (
            proptest::option::of(id_as_typed()),
            vec(id_as_typed(), 0..5),
        ),
        proptest::option::of(prop_oneof![
            Just(Confidence::Low),
            Just(Confidence::Medium),
            Just(Confidence::High)
        ]),
        proptest::option::of(any_text().prop_filter("notes are non-empty", |t| !t.is_empty())),
        vec(non_blank_text(), 0..3),
        (any::<bool>(), any::<bool>()),
        vec((id_as_typed(), 1..1000u32), 0..4),
    )
        .prop_map(
            |(current, (target, met), confidence, notes, evidence, (carried, parked), votes)| {
                let mut seen = std::collections::HashSet::new();
                let votes = votes
                    .into_iter()
                    .filter(|(stage, _)| seen.insert(stage.clone()))
                    .collect();
                let mut ticked = std::collections::HashSet::new();
                let met = met
                    .into_iter()
                    .filter(|id| ticked.insert(id.clone()))
                    .collect();
                Answer {
                    current,
                    target,
                    met,
                    confidence,
                    notes,
                    evidence,
                    carried,
                    parked,
                    votes,
                }
            },
        )
        .prop_filter("answers say something", |answer| !answer.is_empty())
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        slug(),
        any_text(),
        non_blank_text(),
        proptest::option::of(non_blank_text()),
        proptest::option::of(0..253_402_300_799i64),
        vec((prop_oneof![slug(), any_text()], answer()), 0..6),
    )
        .prop_map(|(id, version, authority, title, updated, answers)| {
            let mut seen = std::collections::HashSet::new();
            let answers = answers
                .into_iter()
                .filter(|(theme, _)| seen.insert(theme.clone()))
                .collect();
            Assessment {
                routemap: RoutemapRef {
                    id,
                    version: version.trim().to_string(),
                },
                authority: authority.trim().to_string(),
                title: title.map(|t| t.trim().to_string()),
                created: updated.map(|at| Instant(at).date()),
                updated: updated.map(Instant),
                answers,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn save_load_save_is_byte_identical(original in assessment()) {
        let saved = assessment::to_yaml(&original);
        let loaded = assessment::parse(Path::new("a.yaml"), &saved)
            .map_err(|error| TestCaseError::fail(format!("{error}\n---\n{saved}")))?;
        prop_assert_eq!(&loaded, &original, "{}", saved);
        prop_assert_eq!(assessment::to_yaml(&loaded), saved);
    }
}
