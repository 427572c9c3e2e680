//! Property test: every routemap valid before stages could be numbered from 0, be
//! mappings or be left undefined still loads, and to the same values: the text of every
//! descriptor (whatever YAML would make of it, `~`, `true` and `0x1F` included), the
//! stages numbered from 1, no criteria, guidance, weights or percentages.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::collection::vec;
use proptest::prelude::*;
use routemap::routemap::{StageDetail, Weight, parse};
use routemap::yaml::plain_or_quoted;
use std::path::Path;

/// A descriptor as someone may have written it: words, or a plain scalar YAML reads
/// as something other than text, written bare.
fn descriptor() -> impl Strategy<Value = (String, bool)> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z ,.;'()ŵŷ-]{0,40}[A-Za-z.]".prop_map(|text| (text, false)),
        1 => prop_oneof![
            Just("~"), Just("null"), Just("Null"), Just("true"), Just("False"), Just("12"),
            Just("0x1F"), Just("0o17"), Just("1e3"), Just("-.5"), Just(".inf"), Just("2011.1"),
            Just("+7"),
        ]
        .prop_map(|text| (text.to_string(), true)),
        1 => "[ -~\n]{1,30}"
            .prop_filter("not blank", |t| !t.trim().is_empty())
            .prop_map(|text| (text, false)),
    ]
}

/// A routemap in the shape every file had: stages a list, each theme's stages text.
fn routemap() -> impl Strategy<Value = (String, Vec<Vec<String>>)> {
    (2usize..=9, 1usize..6).prop_flat_map(|(stages, themes)| {
        vec(vec(descriptor(), stages), themes).prop_map(move |themes| {
            let mut text = String::from("id: old\ntitle: Old\nversion: \"1\"\nstages:\n");
            for stage in 0..stages {
                text.push_str(&format!("  - id: s{stage}\n    name: Stage {stage}\n"));
            }
            text.push_str("themes:\n");
            let mut expected = Vec::new();
            for (index, descriptors) in themes.iter().enumerate() {
                text.push_str(&format!(
                    "  - id: t{index}\n    name: Theme {index}\n    stages:\n"
                ));
                for (stage, (descriptor, bare)) in descriptors.iter().enumerate() {
                    let spelt = if *bare {
                        descriptor.clone()
                    } else {
                        plain_or_quoted(descriptor)
                    };
                    text.push_str(&format!("      s{stage}: {spelt}\n"));
                }
                expected.push(
                    descriptors
                        .iter()
                        .map(|(descriptor, _)| descriptor.trim_end().to_string())
                        .collect(),
                );
            }
            (text, expected)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_routemap_valid_before_loads_to_the_same_values((text, expected) in routemap()) {
        let loaded = parse(Path::new("old.yaml"), &text)
            .map_err(|error| TestCaseError::fail(format!("{error}\n---\n{text}")))?;
        prop_assert_eq!(loaded.first_stage, 1);
        prop_assert!(!loaded.percent_of_max);
        for (index, stage) in loaded.stages.iter().enumerate() {
            prop_assert_eq!(loaded.stage_number(index), index + 1);
            prop_assert_eq!(&stage.name, &format!("Stage {index}"));
        }
        prop_assert_eq!(loaded.themes.len(), expected.len());
        for (theme, descriptors) in loaded.themes.iter().zip(&expected) {
            prop_assert_eq!(&theme.descriptors, descriptors, "{}", text);
            prop_assert!(theme.details.iter().all(|detail| *detail == StageDetail::plain()));
            prop_assert_eq!(theme.weight, Weight::ONE);
        }
    }
}

/// The routemaps shipped before (the first edition, 2011.1, kept as fixtures): saved
/// copies of them in users' data directories must still load, and mean the same.
#[test]
fn the_routemaps_shipped_before_load_as_they_did() {
    for (file, themes) in [
        ("planting-the-flag-2011.1.yaml", 12),
        ("procurement-and-sourcing-2011.1.yaml", 5),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/routemaps/first-edition")
            .join(file);
        let routemap = routemap::routemap::load_file(&path).unwrap();
        assert_eq!(routemap.version, "2011.1");
        assert_eq!(routemap.themes.len(), themes);
        assert_eq!(routemap.first_stage, 1);
        assert!(routemap.principles.is_empty());
        assert!(routemap.themes.iter().all(|theme| {
            theme.weight == Weight::ONE
                && theme.principles.is_empty()
                && theme.details.iter().all(|d| *d == StageDetail::plain())
                && theme.descriptors.iter().all(|d| !d.is_empty())
        }));
    }
}
