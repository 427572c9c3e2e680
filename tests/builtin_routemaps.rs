//! The promises the shipped routemaps make, read from the files of `assessments/`:
//! Planting the Flag's twelve themes under the strategy's own names; every stage of
//! every theme described in evidence an officer can point to, with a checklist from the
//! second stage up and guidance on how to reach the next; actions for every role; the
//! strategy's principles tagged per theme; and attribution that says whose words are
//! whose (Socitm's, Terry Street's article's, or this project's).

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use routemap::routemap::{Routemap, load_file};
use std::path::Path;

fn load(file: &str) -> Routemap {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assessments")
        .join(file);
    load_file(&path).unwrap_or_else(|error| panic!("{error}"))
}

fn main_routemap() -> Routemap {
    load("planting-the-flag.yaml")
}

fn extension() -> Routemap {
    load("procurement-and-sourcing.yaml")
}

fn both() -> [Routemap; 2] {
    [main_routemap(), extension()]
}

/// The strategy's six strategic capabilities and six information and technology issues,
/// as the strategy names them, in its order.
const CAPABILITIES: [&str; 6] = [
    "Leadership",
    "Governance",
    "Organisational change",
    "Strategic commissioning",
    "Shared services",
    "Professionalism",
];
const ISSUES: [&str; 6] = [
    "Business change",
    "Digital access and inclusion",
    "Local public services infrastructure",
    "Information governance",
    "Information management, assurance and transparency",
    "ICT policies of central government departments",
];

#[test]
fn planting_the_flag_has_the_strategys_twelve_themes_under_its_own_names_and_title() {
    let routemap = main_routemap();
    assert_eq!(
        routemap.title,
        "Planting the Flag: a strategy for ICT-enabled local public services reform"
    );
    let sections: Vec<&str> = routemap.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        sections,
        [
            "Strategic capabilities",
            "Information and technology issues"
        ]
    );
    let names: Vec<(&str, &str)> = routemap
        .themes
        .iter()
        .map(|theme| {
            let section = routemap.section_of(theme).unwrap();
            (section.name.as_str(), theme.name.as_str())
        })
        .collect();
    let expected: Vec<(&str, &str)> = CAPABILITIES
        .iter()
        .map(|name| ("Strategic capabilities", *name))
        .chain(
            ISSUES
                .iter()
                .map(|name| ("Information and technology issues", *name)),
        )
        .collect();
    assert_eq!(names, expected);
    let ids: Vec<&str> = routemap.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, common::PTF_THEMES);
    let stages: Vec<&str> = routemap.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(stages, common::PTF_STAGES);
}

#[test]
fn the_extension_is_on_the_same_five_stage_scale_and_leaves_commissioning_to_the_main_routemap() {
    let (main, extension) = (main_routemap(), extension());
    assert_eq!(extension.stages, main.stages);
    let names: Vec<&str> = extension.themes.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Flexibility to change solutions",
            "Sharing solutions",
            "Frameworks of pre-awarded solutions",
            "Collaborative procurement and call-off",
        ]
    );
    // The intelligent client (and supplier management) is Strategic commissioning's.
    assert!(extension.theme_index("intelligent-client").is_none());
    let commissioning = &main.themes[main.theme_index("strategic-commissioning").unwrap()];
    let checklist: String = (0..main.stages.len())
        .flat_map(|stage| commissioning.criteria(stage))
        .map(|criterion| criterion.text.to_lowercase())
        .collect();
    assert!(checklist.contains("intelligent client"), "{checklist}");
    assert!(checklist.contains("supplier"), "{checklist}");
}

#[test]
fn every_stage_of_every_theme_is_described_by_the_theme_itself() {
    for routemap in both() {
        for theme in &routemap.themes {
            for (index, stage) in routemap.stages.iter().enumerate() {
                let descriptor = &theme.descriptors[index];
                assert!(
                    theme.is_defined(index)
                        && !descriptor.trim().is_empty()
                        && Some(descriptor) != stage.summary.as_ref(),
                    "{}: theme '{}' does not describe stage '{}'",
                    routemap.id,
                    theme.id,
                    stage.id
                );
            }
        }
    }
}

#[test]
fn every_stage_above_the_first_has_a_checklist_of_two_to_four_and_every_stage_below_the_top_has_guidance()
 {
    for routemap in both() {
        let top = routemap.stages.len() - 1;
        for theme in &routemap.themes {
            for (index, detail) in theme.details.iter().enumerate() {
                let at = format!("{} '{}' stage {}", routemap.id, theme.id, index + 1);
                let count = detail.criteria.len();
                if index == 0 {
                    // Where every theme starts: nothing to show, so nothing to tick.
                    assert_eq!(count, 0, "{at}");
                } else {
                    assert!((2..=4).contains(&count), "{at}: {count} criteria");
                }
                let guidance = detail.guidance.as_deref().unwrap_or("");
                assert_eq!(!guidance.trim().is_empty(), index < top, "{at}: guidance");
            }
        }
    }
}

/// Words that let two officers with the same evidence pick different stages.
const VAGUE: [&str; 13] = [
    "most",
    "several",
    "key",
    "major",
    "regularly",
    "trusted",
    "respected",
    "simply",
    "many",
    "some",
    "few",
    "often",
    "recognised",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

#[test]
fn descriptors_and_criteria_above_the_first_stage_use_no_vague_quantifiers_or_adjectives() {
    for routemap in both() {
        for theme in &routemap.themes {
            for index in 1..routemap.stages.len() {
                let texts = std::iter::once(theme.descriptors[index].as_str())
                    .chain(theme.criteria(index).iter().map(|c| c.text.as_str()));
                for text in texts {
                    for word in words(text) {
                        assert!(
                            !VAGUE.contains(&word.as_str()),
                            "{} '{}' stage {}: '{word}' in: {text}",
                            routemap.id,
                            theme.id,
                            index + 1
                        );
                    }
                }
            }
        }
    }
}

/// A stage counts when all of it holds, and so does every stage below: a descriptor
/// that says what is still missing ("but nothing is shared yet") would fail an
/// organisation that is further on in that one respect, so none does above the first.
#[test]
fn no_descriptor_above_the_first_stage_says_what_is_missing() {
    for routemap in both() {
        for theme in &routemap.themes {
            for index in 1..routemap.stages.len() {
                let descriptor = &theme.descriptors[index];
                for word in words(descriptor) {
                    assert!(
                        !["but", "yet"].contains(&word.as_str()),
                        "{} '{}' stage {}: '{word}' in: {descriptor}",
                        routemap.id,
                        theme.id,
                        index + 1
                    );
                }
            }
        }
    }
}

/// How the slogans of the first edition began ("Champion transparency…").
const SLOGAN_OPENINGS: [&str; 8] = [
    "Champion",
    "Support",
    "Promote",
    "Embrace",
    "Lead with",
    "Treat",
    "Expect",
    "Make ",
];

#[test]
fn every_theme_has_deliverable_actions_for_the_ceo_the_cfo_and_the_cio() {
    for routemap in both() {
        for theme in &routemap.themes {
            let roles: Vec<&str> = theme.actions.iter().map(|(r, _)| r.as_str()).collect();
            assert_eq!(
                roles,
                ["ceo", "cfo", "cio"],
                "{} '{}'",
                routemap.id,
                theme.id
            );
            for (role, actions) in &theme.actions {
                assert!(!actions.is_empty(), "{} '{}' {role}", routemap.id, theme.id);
                for action in actions {
                    assert!(
                        !SLOGAN_OPENINGS.iter().any(|s| action.starts_with(s)),
                        "{} '{}' {role}: a slogan, not a deliverable: {action}",
                        routemap.id,
                        theme.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_strategys_three_principles_are_tagged_per_theme_in_both_files() {
    for routemap in both() {
        let principles: Vec<&str> = routemap.principles.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(principles, ["collaborate", "redesign", "innovate"]);
        for theme in &routemap.themes {
            assert!(
                !theme.principles.is_empty(),
                "{} '{}'",
                routemap.id,
                theme.id
            );
        }
    }
    // Each principle bears on some theme of the strategy, and not every theme on each
    // (the first edition claimed all three ran through every theme).
    let main = main_routemap();
    for index in 0..main.principles.len() {
        let tagged = main
            .themes
            .iter()
            .filter(|theme| theme.principles.contains(&index))
            .count();
        assert!(
            (1..12).contains(&tagged),
            "{}: {tagged}",
            main.principles[index].id
        );
    }
}

#[test]
fn attribution_says_whose_words_are_whose() {
    let has = |text: &str, needed: &str| text.to_lowercase().contains(&needed.to_lowercase());
    let main = main_routemap();
    let source = main.source.clone().unwrap();
    let description = main.description.clone().unwrap();
    for needed in ["Socitm", "Local CIO Council", "Planting the Flag", "2011"] {
        assert!(source.contains(needed), "source lacks '{needed}': {source}");
    }
    for needed in [
        "not Socitm's words",
        "the routemap project's",
        "A stage counts only when all of it holds",
    ] {
        assert!(
            has(&description, needed),
            "description lacks '{needed}': {description}"
        );
    }

    let extension = extension();
    let source = extension.source.clone().unwrap();
    let description = extension.description.clone().unwrap();
    for needed in [
        "Terry Street",
        "Socitm Consulting",
        "Flying the flag for ICT enabled public services",
        "31 May 2011",
    ] {
        assert!(source.contains(needed), "source lacks '{needed}': {source}");
        assert!(
            has(&description, needed),
            "description lacks '{needed}': {description}"
        );
    }
    for needed in [
        "not in the strategy",
        "the routemap project's",
        "A stage counts only when all of it holds",
    ] {
        assert!(
            has(&description, needed),
            "description lacks '{needed}': {description}"
        );
    }
    // The article cites an OGC framework; G-Cloud began in 2012.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments/procurement-and-sourcing.yaml"),
    )
    .unwrap();
    assert!(!text.contains("G-Cloud"));
    assert!(text.contains("OGC"));
}

#[test]
fn versions_claim_no_date_of_origin() {
    for routemap in both() {
        let year_like = routemap
            .version
            .split(|c: char| !c.is_ascii_digit())
            .any(|part| part.len() == 4 && (part.starts_with("19") || part.starts_with("20")));
        assert!(
            !year_like,
            "{}: version '{}'",
            routemap.id, routemap.version
        );
    }
}

#[test]
fn the_built_in_set_is_these_two_files() {
    let ids: Vec<&str> = routemap::builtin::files().map(|file| file.id()).collect();
    assert_eq!(ids, ["planting-the-flag", "procurement-and-sourcing"]);
    for file in routemap::builtin::files() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file.display_path());
        assert_eq!(std::fs::read_to_string(path).unwrap(), file.text);
    }
}

fn first_edition(file: &str) -> Routemap {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/routemaps/first-edition")
        .join(file);
    load_file(&path).unwrap()
}

#[test]
fn the_main_routemap_keeps_every_theme_and_stage_id_of_the_first_edition() {
    let (before, now) = (
        first_edition("planting-the-flag-2011.1.yaml"),
        main_routemap(),
    );
    let ids = |routemap: &Routemap| -> (Vec<String>, Vec<String>) {
        (
            routemap.themes.iter().map(|t| t.id.clone()).collect(),
            routemap.stages.iter().map(|s| s.id.clone()).collect(),
        )
    };
    assert_eq!(ids(&before), ids(&now));
    assert_ne!(before.version, now.version);
}

#[test]
fn a_save_made_against_the_first_edition_opens_with_every_answer_matched() {
    let data = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown\nanswers:\n",
    );
    for (index, theme) in common::PTF_THEMES.iter().enumerate() {
        let stage = common::PTF_STAGES[index % common::PTF_STAGES.len()];
        text.push_str(&format!(
            "  {theme}: {{ current: {stage}, target: destination-reached }}\n"
        ));
    }
    std::fs::write(data.path().join("anytown.yaml"), text).unwrap();
    let output = common::routemap(data.path())
        .args(["report", "anytown", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["routemap"]["version"], "2.0");
    assert_eq!(json["routemap"]["assessed_version"], "2011.1");
    // The only thing the new version cannot place is the version itself, said once.
    assert_eq!(
        json["unmatched"],
        serde_json::json!([
            "saved against routemap version '2011.1', which is not kept here; shown against version '2.0'"
        ])
    );
    let on_scale = json["themes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|theme| theme["on_scale"] == true && !theme["current"].is_null())
        .count();
    assert_eq!(on_scale, 12);
}

#[test]
fn a_save_made_against_the_first_procurement_routemap_keeps_and_lists_what_moved() {
    let data = tempfile::tempdir().unwrap();
    let text = "format: routemap-assessment/1\nroutemap: { id: procurement-and-sourcing, version: \"2011.1\" }\nauthority: Anytown\nanswers:\n  lock-in: { current: managed }\n  intelligent-client: { current: collaborative }\n";
    let path = data.path().join("anytown.yaml");
    std::fs::write(&path, text).unwrap();
    let output = common::routemap(data.path())
        .args(["report", "anytown", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["unmatched"],
        serde_json::json!([
            "saved against routemap version '2011.1', which is not kept here; shown against version '2.0'",
            "theme 'lock-in': current stage 'managed' is not on the routemap's scale; it is kept as it is",
            "theme 'intelligent-client' is not in the routemap; its answer is kept but not shown"
        ])
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
