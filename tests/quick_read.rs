//! Property test: the summary's quick reader of canonical files never reads a file
//! differently from the full parser, nor accepts one it refuses, and it does read the
//! ordinary files the writer makes.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::vec;
use proptest::prelude::*;
use routemap::assessment::quick::{self, Quick};
use routemap::assessment::{self, Answer, Assessment, Confidence, Current, RoutemapRef};
use routemap::clock::Timestamp;
use std::path::Path;

/// Names as councils have them, and names that need quoting or blocks.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Z][a-zâêîôûŵŷ]{1,9}( [A-Z&][a-z']{0,9}){0,3}",
        1 => "[ a-zA-Z0-9:#'\"\\-\\n\\t|>{}\\[\\],&*!%@`ŵ🚒]{0,30}",
        1 => any::<String>(),
    ]
}

fn slug() -> impl Strategy<Value = String> {
    prop_oneof![4 => "[a-z][a-z0-9-]{0,10}", 1 => "[a-z0-9-]{1,6}"]
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        prop_oneof![
            Just(None),
            Just(Some(Current::NotApplicable)),
            slug().prop_map(|s| Some(Current::Stage(s)))
        ],
        (
            proptest::option::of(slug()),
            vec(prop_oneof![3 => slug(), 1 => name()], 0..3),
        ),
        proptest::option::of(prop_oneof![Just(Confidence::Low), Just(Confidence::High)]),
        proptest::option::of(prop_oneof![
            name(),
            "[a-z ]{1,20}\n[a-z \n]{0,40}",
            any::<String>()
        ]),
        vec(
            prop_oneof!["https://[a-z.]{1,12}/[a-z0-9]{1,8}\\.pdf", name()],
            0..3,
        ),
        any::<bool>(),
        vec((slug(), 1..50u32), 0..3),
    )
        .prop_map(
            |(current, (target, met), confidence, notes, evidence, carried, votes)| {
                let mut seen = std::collections::HashSet::new();
                let mut ticked = std::collections::HashSet::new();
                Answer {
                    current,
                    target,
                    met: met
                        .into_iter()
                        .map(|id| id.trim().to_string())
                        .filter(|id| !id.is_empty() && ticked.insert(id.clone()))
                        .collect(),
                    confidence,
                    notes: notes.filter(|n| !n.is_empty()),
                    evidence: evidence
                        .into_iter()
                        .filter(|e| !e.trim().is_empty())
                        .collect(),
                    carried,
                    parked: false,
                    votes: votes
                        .into_iter()
                        .filter(|(s, _)| seen.insert(s.clone()))
                        .collect(),
                    ..Answer::default()
                }
            },
        )
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        slug(),
        name().prop_filter("an authority", |n| !n.trim().is_empty()),
        proptest::option::of(name()),
        proptest::option::of(0i64..4_000_000_000),
        vec((slug(), answer()), 0..6),
    )
        .prop_map(|(id, authority, title, updated, answers)| {
            let mut seen = std::collections::HashSet::new();
            Assessment {
                routemap: RoutemapRef {
                    id,
                    version: "1".into(),
                },
                authority: authority.trim().to_string(),
                title: title
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
                created: updated.map(|u| Timestamp(u).date()),
                updated: updated.map(Timestamp),
                answers: answers
                    .into_iter()
                    .filter(|(id, a)| !a.is_empty() && seen.insert(id.clone()))
                    .collect(),
                blind: false,
            }
        })
}

/// What the full parser makes of a text, as the quick reader would say it.
fn full(text: &str) -> Option<Quick> {
    assessment::parse(Path::new("p.yaml"), text)
        .ok()
        .map(Quick::of)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn quick_reads_agree_with_the_full_parser(assessment in assessment()) {
        let text = assessment::to_yaml(&assessment);
        if let Some(quick) = quick::read(&text) {
            prop_assert_eq!(Some(quick), full(&text), "{}", text);
        }
    }

    #[test]
    fn a_damaged_file_is_never_read_differently(
        assessment in assessment(),
        at in any::<prop::sample::Index>(),
        insert in prop_oneof![
            Just(String::new()),
            "[ :#\"'\\-\\n\\t|{}a-z0-9]{1,3}",
            Just("\n    current: route-planned".to_string()),
            Just("\n  leadership:".to_string()),
        ],
        cut in 0usize..6,
    ) {
        let text = assessment::to_yaml(&assessment);
        let mut chars: Vec<char> = text.chars().collect();
        let index = at.index(chars.len() + 1);
        let end = (index + cut).min(chars.len());
        chars.splice(index..end, insert.chars());
        let damaged: String = chars.into_iter().collect();
        if let Some(quick) = quick::read(&damaged) {
            prop_assert_eq!(Some(quick), full(&damaged), "{}", damaged);
        }
    }
}

#[test]
fn ordinary_files_take_the_quick_path() {
    let mut assessment = Assessment {
        routemap: RoutemapRef {
            id: "planting-the-flag".into(),
            version: "2011.1".into(),
        },
        authority: "Brighton & Hove City Council".into(),
        title: Some("2026 baseline (draft)".into()),
        created: Some("2026-11-27".into()),
        updated: Some(Timestamp(1_795_788_191)),
        answers: Vec::new(),
        blind: false,
    };
    assessment.answers.push((
        "leadership".into(),
        Answer {
            current: Some(Current::Stage("flag-planted".into())),
            target: Some("on-the-route".into()),
            met: vec!["strategy-agreed".into(), "cio-reports".into()],
            confidence: Some(Confidence::Medium),
            notes: Some(
                "The CIO reports to the deputy: not yet in the top team.\nNext year, perhaps.\n"
                    .into(),
            ),
            evidence: vec!["https://intranet.example/ict-strategy-2026.pdf".into()],
            carried: true,
            parked: false,
            votes: vec![("flag-planted".into(), 7)],
            ..Answer::default()
        },
    ));
    let text = assessment::to_yaml(&assessment);
    assert!(quick::read(&text).is_some(), "{text}");
}
