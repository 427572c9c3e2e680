//! Property tests: any assessment saves and loads back equal, and saving what was loaded
//! writes the same bytes; any text survives in notes, titles and evidence.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::vec;
use proptest::prelude::*;
use routemap::assessment::{self, Answer, Assessment, Confidence, Current, RoutemapRef};
use routemap::clock::Timestamp;
use std::path::Path;

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,12}"
}

/// A slug longer than the 1024 characters YAML allows an implicit key (a theme or stage
/// id in a routemap may be that long).
fn long_slug() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1000,1100}"
}

/// Text YAML gives a meaning to when it starts, ends or holds it, as a key or value.
fn odd_text() -> impl Strategy<Value = String> {
    let pieces = [
        "? ", "?", "<<", "- ", "-", ": ", ":", "#", " #", "&a", "*a", "!t", "!!str", "|", ">", "'",
        "\"", "%", "@", "`", "---", "...", " ", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{2028}",
        "\u{feff}", "\u{0}", "\u{7f}", "~", "null", "1", "0x1F", "1e3", ".inf", "true", "y", "[",
        "]", "{", "}", ",", "=", "\\", "ŵ", "🚒", "\u{202e}",
    ];
    vec(prop::sample::select(pieces.to_vec()), 1..6).prop_map(|parts| parts.concat())
}

/// A theme or stage key: a slug, any text, odd text, or very long.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => slug(),
        2 => any_text(),
        2 => odd_text(),
        1 => long_slug(),
        1 => (long_slug(), odd_text()).prop_map(|(long, odd)| format!("{odd}{long}{odd}")),
    ]
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

/// A tally: distinct stage ids, counts of 1 or more (up to the most a count holds).
fn tally() -> impl Strategy<Value = Vec<(String, u32)>> {
    // Stage ids long enough to need explicit `? key` syntax too (libyaml gives up on an
    // implicit key after 1,024 bytes).
    let stage = prop_oneof![4 => id_as_typed(), 1 => long_slug()];
    vec((stage, prop_oneof![1..1000u32, Just(u32::MAX)]), 0..4).prop_map(|votes| {
        let mut seen = std::collections::HashSet::new();
        votes
            .into_iter()
            .filter(|(stage, _)| seen.insert(stage.clone()))
            .collect()
    })
}

/// The order of votes, earlier rounds, the room's note.
type WorkshopRecord = (Vec<String>, Vec<Vec<(String, u32)>>, Option<String>);

/// A workshop's record of a theme.
fn workshop() -> impl Strategy<Value = WorkshopRecord> {
    (
        vec(id_as_typed(), 0..5),
        vec(
            tally().prop_filter("a round has votes", |t| !t.is_empty()),
            0..3,
        ),
        proptest::option::of(any_text().prop_filter("notes are non-empty", |t| !t.is_empty())),
    )
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
            prop_oneof![id_as_typed(), long_slug()].prop_map(|s| Some(Current::Stage(s)))
        ],
        (
            proptest::option::of(prop_oneof![id_as_typed(), long_slug()]),
            vec(id_as_typed(), 0..5),
        ),
        proptest::option::of(prop_oneof![
            Just(Confidence::Low),
            Just(Confidence::Medium),
            Just(Confidence::High)
        ]),
        proptest::option::of(any_text().prop_filter("notes are non-empty", |t| !t.is_empty())),
        vec(non_blank_text(), 0..3),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        tally(),
        workshop(),
    )
        .prop_map(
            |(
                current,
                (target, met),
                confidence,
                notes,
                evidence,
                (carried, parked, revealed),
                votes,
                (vote_order, rounds, room_note),
            )| {
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
                    vote_order,
                    rounds,
                    revealed,
                    room_note,
                }
            },
        )
        .prop_filter("answers say something", |answer| !answer.is_empty())
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        prop_oneof![4 => slug(), 1 => long_slug()],
        any_text(),
        non_blank_text(),
        proptest::option::of(non_blank_text()),
        proptest::option::of(0..253_402_300_799i64),
        vec((any_key(), answer()), 0..6),
        any::<bool>(),
    )
        .prop_map(|(id, version, authority, title, updated, answers, blind)| {
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
                created: updated.map(|at| Timestamp(at).date()),
                updated: updated.map(Timestamp),
                answers,
                blind,
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
