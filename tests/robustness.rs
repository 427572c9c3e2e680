//! No input file makes routemap panic: random bytes, mangled real files, and YAML
//! shapes it has never seen all give an error (or load), never a crash.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use std::path::Path;

const ROUTEMAP: &str = include_str!("../assessments/planting-the-flag.yaml");
const SAVED: &str = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown\nanswers:\n  leadership:\n    current: flag-planted\n    votes: { not-started: 2 }\n    notes: |\n      Two\n      lines\n";

/// A real file with a slice cut out and something else put in its place.
fn mangled(text: &'static str) -> impl Strategy<Value = String> {
    (
        0..text.len(),
        0..40usize,
        "[ -~\\n\\t:#&*!|>{}\\[\\]-]{0,12}",
    )
        .prop_map(move |(at, cut, insert)| {
            let mut start = at.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}{insert}{}", &text[..start], &text[end..])
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_as_a_routemap_is_an_answer_not_a_crash(text in any::<String>()) {
        let _ = routemap::routemap::parse(Path::new("x.yaml"), &text);
    }

    #[test]
    fn any_text_as_an_assessment_is_an_answer_not_a_crash(text in any::<String>()) {
        let _ = routemap::assessment::parse(Path::new("x.yaml"), &text);
    }

    #[test]
    fn a_mangled_routemap_loads_or_says_where(text in mangled(ROUTEMAP)) {
        if let Err(error) = routemap::routemap::parse(Path::new("x.yaml"), &text) {
            let message = error.to_string();
            prop_assert!(message.starts_with("x.yaml"), "{}", message);
            prop_assert!(!message.contains("Error(") && !message.contains("panicked"), "{}", message);
        }
    }

    #[test]
    fn a_mangled_assessment_loads_or_says_where(text in mangled(SAVED)) {
        if let Err(error) = routemap::assessment::parse(Path::new("x.yaml"), &text) {
            let message = error.to_string();
            prop_assert!(message.starts_with("x.yaml"), "{}", message);
        }
    }

    #[test]
    fn any_bytes_from_disk_are_refused_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.yaml");
        std::fs::write(&path, &bytes).unwrap();
        let _ = routemap::routemap::load_file(&path);
        let _ = routemap::store::load_assessment(&path);
    }
}

/// One stage of a theme: its descriptor, whether it is defined, its guidance, and how
/// many criteria it has.
type WildStage = (String, bool, Option<String>, usize);

/// A routemap whose every text is arbitrary (control characters, wide and combining
/// characters, emoji, right-to-left, empty), with 1 to 40 themes in up to 4 sections
/// (or none), 2 to 10 stages numbered from 0 or 1, stages left undefined, guidance,
/// criteria and weights: every shape the format allows.
fn wild_routemap() -> impl Strategy<Value = routemap::routemap::Routemap> {
    use routemap::routemap::{Criterion, Routemap, Section, Stage, StageDetail, Theme, Weight};
    let text = prop_oneof![
        any::<String>(),
        "[\\u{0}-\\u{7f}ŵŷ東京🚒\\u{202e}\\u{301}\\u{200b}*_`\\[\\]() -]{0,60}"
    ];
    let stage = (
        text.clone(),
        proptest::bool::weighted(0.85),
        proptest::option::of(text.clone()),
        0..3usize,
    );
    (
        proptest::collection::vec(text.clone(), 2..=10),
        any::<bool>(),
        proptest::collection::vec(text.clone(), 0..4),
        proptest::collection::vec(
            (
                text.clone(),
                proptest::option::of(text.clone()),
                proptest::collection::vec(stage, 10),
                proptest::option::of(0..4usize),
                1..5000u32,
            ),
            1..40,
        ),
    )
        .prop_map(|(stage_names, from_zero, section_names, themes)| {
            // Ten stages need keys 0…9: a scale numbered from 0.
            let first_stage = usize::from(!from_zero && stage_names.len() < 10);
            let stages: Vec<Stage> = stage_names
                .into_iter()
                .enumerate()
                .map(|(i, name)| Stage {
                    id: format!("s{i}"),
                    name,
                    summary: None,
                })
                .collect();
            let count = stages.len();
            let sections: Vec<Section> = section_names
                .into_iter()
                .enumerate()
                .map(|(i, name)| Section {
                    id: format!("sec{i}"),
                    name,
                })
                .collect();
            let section_count = sections.len();
            let themes = themes
                .into_iter()
                .enumerate()
                .map(|(i, (name, question, wild_stages, section, weight))| {
                    let wild_stages: Vec<WildStage> = wild_stages.into_iter().take(count).collect();
                    let mut details: Vec<StageDetail> = wild_stages
                        .iter()
                        .enumerate()
                        .map(|(s, (_, defined, guidance, criteria))| StageDetail {
                            defined: *defined,
                            guidance: guidance.clone(),
                            criteria: (0..*criteria)
                                .map(|c| Criterion {
                                    id: format!("c{s}-{c}"),
                                    text: format!("{name} {c}"),
                                })
                                .collect(),
                        })
                        .collect();
                    // A theme defines at least one stage.
                    details[0].defined = true;
                    Theme {
                        id: format!("t{i}"),
                        name,
                        section: section.filter(|&s| s < section_count),
                        principles: Vec::new(),
                        question,
                        vision: None,
                        descriptors: wild_stages.into_iter().map(|(d, ..)| d).collect(),
                        details,
                        weight: Weight::new(f64::from(weight) / 1000.0).unwrap_or(Weight::ONE),
                        actions: Vec::new(),
                    }
                })
                .collect();
            Routemap {
                id: "wild".into(),
                title: "Wild".into(),
                version: "1".into(),
                description: None,
                source: None,
                first_stage,
                percent_of_max: from_zero,
                stages,
                sections,
                principles: Vec::new(),
                themes,
            }
        })
}

/// Any key a terminal can send: every printable ASCII character and every special key
/// the program reads, with or without Shift, Ctrl or Alt.
fn any_key() -> impl Strategy<Value = ratatui::crossterm::event::KeyEvent> {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let code = prop_oneof![
        (0x20u8..0x7f).prop_map(|byte| KeyCode::Char(char::from(byte))),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Tab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::F(1),
        ]),
    ];
    let modifiers = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    (code, modifiers).prop_map(|(code, modifiers)| KeyEvent::new(code, modifiers))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn every_screen_draws_any_text_at_any_size_after_any_keys(
        map in wild_routemap(),
        width in 1u16..260,
        height in 1u16..80,
        keys in proptest::collection::vec(any_key(), 0..40),
    ) {
        use ratatui::crossterm::event::Event;
        use routemap::tui::{messages_for, state::State, theme::Painter, update::update, view};
        let assessment = routemap::assessment::Assessment::new(&map, "Anytown", None, routemap::clock::Timestamp(0));
        let mut state = State::new(map, assessment, "x.yaml".into());
        update(&mut state, routemap::tui::update::Msg::Resize(width, height));
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
        for key in keys {
            for msg in messages_for(&state, Event::Key(key)) {
                update(&mut state, msg);
            }
            let mut measured = state.measured;
            terminal.draw(|frame| measured = view::render(&state, &Painter::colors(), frame)).unwrap();
            update(&mut state, routemap::tui::update::Msg::Measured(measured));
        }
    }
}
