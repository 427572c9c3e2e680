//! Speed, measured (not asserted): `cargo bench --bench speed`.
//!
//! Prints the median and spread of many runs of each operation, so figures from a
//! shared, noisy machine can be compared within one run. Hand-rolled rather than
//! criterion: medians, minimum and p90 are all the figures we quote, and criterion would
//! add some forty crates to the build for plots and statistics we do not use.
//!
//! Hostile inputs are measured at three sizes, and the growth of the time is set
//! against the growth of the input: every input must cost time linear in its size
//! (exponent 1; 2 would be quadratic).

// A benchmark that fails to set up should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use routemap::assessment::{self, Assessment, Current};
use routemap::builtin;
use routemap::clock::Timestamp as Moment;
use routemap::radar::{self, Drawing, Look, Radar};
use routemap::routemap::Routemap;
use routemap::store::{self, Store};
use routemap::tui::state::{Screen, State};
use routemap::tui::theme::Painter;
use routemap::tui::view;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `work` repeatedly for about `budget` and reports the median, min and p90;
/// skipped (zero) when `cargo bench --bench speed -- WORD` names only other cases.
fn measure(name: &str, budget: Duration, mut work: impl FnMut()) -> Duration {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    if !wanted.is_empty() && !wanted.iter().any(|word| name.contains(word.as_str())) {
        return Duration::ZERO;
    }
    work();
    let mut samples = Vec::new();
    let started = Instant::now();
    while started.elapsed() < budget || samples.len() < 10 {
        let t = Instant::now();
        work();
        samples.push(t.elapsed());
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let p90 = samples[samples.len() * 9 / 10];
    println!(
        "{name:<48} median {:>10.1?}  min {:>10.1?}  p90 {:>10.1?}  ({} runs)",
        median,
        samples[0],
        p90,
        samples.len()
    );
    median
}

fn big_routemap(themes: usize) -> String {
    let mut text = String::from("id: big\ntitle: Big\nversion: '1'\nstages:\n");
    for s in 0..5 {
        text.push_str(&format!("  - {{id: s{s}, name: Stage {s}}}\n"));
    }
    text.push_str(
        "sections:\n  - {id: a, name: First half}\n  - {id: b, name: Second half}\nthemes:\n",
    );
    for t in 0..themes {
        let section = if t < themes / 2 { "a" } else { "b" };
        text.push_str(&format!(
            "  - id: t{t}\n    name: Theme number {t} with a reasonably long name\n    section: {section}\n    question: How far along is theme {t}?\n    stages:\n"
        ));
        for s in 0..5 {
            text.push_str(&format!("      s{s}: What theme {t} looks like at stage {s}, in a sentence or two of plain words.\n"));
        }
    }
    text
}

fn answered(routemap: &Routemap) -> Assessment {
    let mut assessment = Assessment::new(
        routemap,
        "Anytown Borough Council",
        Some("2026 baseline"),
        Moment(0),
    );
    for (index, theme) in routemap.themes.iter().enumerate() {
        let answer = assessment.answer_mut(routemap, &theme.id);
        answer.current = Some(Current::Stage(
            routemap.stages[index % routemap.stages.len()].id.clone(),
        ));
        answer.target = Some(
            routemap.stages[(index + 1) % routemap.stages.len()]
                .id
                .clone(),
        );
        answer.notes = Some(format!("Notes on theme {index}.\nA second line."));
    }
    assessment
}

fn frame(state: &State, width: u16, height: u16) -> impl FnMut() {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut state = state.clone();
    state.size = (width, height);
    move || {
        terminal
            .draw(|frame| {
                view::render(&state, &Painter::colors(), frame);
            })
            .unwrap();
    }
}

fn main() {
    let budget = Duration::from_millis(400);
    let builtin_file = builtin::find(builtin::DEFAULT_ROUTEMAP).unwrap();
    let ptf = builtin_file.load().unwrap();
    measure("load the built-in routemap (12 themes)", budget, || {
        black_box(builtin_file.load().unwrap());
    });
    let big_text = big_routemap(1000);
    measure("load a 1,000-theme routemap", budget, || {
        black_box(routemap::routemap::parse(Path::new("big.yaml"), &big_text).unwrap());
    });
    let big = routemap::routemap::parse(Path::new("big.yaml"), &big_text).unwrap();
    let long_text = long_routemap(1000, "s4");
    measure(
        &format!(
            "load a 1,000-theme routemap, long text ({})",
            megabytes(long_text.len())
        ),
        budget,
        || {
            black_box(routemap::routemap::parse(Path::new("long.yaml"), &long_text).unwrap());
        },
    );

    let saved = assessment::to_yaml(&answered(&ptf));
    measure("parse a saved assessment (12 answers)", budget, || {
        black_box(assessment::parse(Path::new("a.yaml"), &saved).unwrap());
    });
    let full = answered(&ptf);
    measure("write a saved assessment (12 answers)", budget, || {
        black_box(assessment::to_yaml(&full));
    });

    let mut empty = Terminal::new(TestBackend::new(250, 70)).unwrap();
    measure(
        "floor: an empty frame on TestBackend, 250x70",
        budget,
        || {
            empty.draw(|_| {}).unwrap();
        },
    );
    let mut state = State::new(ptf.clone(), answered(&ptf), "a.yaml".into());
    measure("TUI frame, walk, 80x24", budget, frame(&state, 80, 24));
    measure(
        "TUI frame, walk with radar, 250x70",
        budget,
        frame(&state, 250, 70),
    );
    state.screen = Screen::Review;
    measure("TUI frame, review, 250x70", budget, frame(&state, 250, 70));
    let mut room = State::new(ptf.clone(), answered(&ptf), "a.yaml".into());
    room.screen = Screen::Workshop;
    let leadership = room.assessment.answer_mut(&ptf, "leadership");
    leadership.votes = vec![("flag-planted".into(), 3), ("route-planned".into(), 12)];
    leadership.rounds = vec![vec![("not-started".into(), 4), ("on-the-route".into(), 9)]];
    measure("TUI frame, workshop, 250x70", budget, frame(&room, 250, 70));
    measure("TUI frame, workshop, 80x24", budget, frame(&room, 80, 24));
    room.screen = Screen::WorkshopSummary;
    measure(
        "TUI frame, workshop summary, 250x70",
        budget,
        frame(&room, 250, 70),
    );
    let mut big_state = State::new(big.clone(), answered(&big), "big.yaml".into());
    big_state.selected = 500;
    measure(
        "TUI frame, walk, 1,000 themes, 250x70",
        budget,
        frame(&big_state, 250, 70),
    );
    measure(
        "TUI frame, walk, 1,000 themes, 80x24",
        budget,
        frame(&big_state, 80, 24),
    );

    notes_editor(budget, &ptf);
    stored_files(budget, &ptf);
    hostile_inputs(budget);

    let look = Look {
        drawing: Drawing::Braille,
        color: false,
    };
    let ptf_radar = Radar::of(&ptf, &answered(&ptf), true);
    measure("radar, 12 themes, 80 columns, braille", budget, || {
        black_box(radar::render_standalone(&ptf_radar, 80, look));
    });
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 75, 66));
    measure("radar into a 75x66 TUI panel, braille", budget, || {
        radar::render(&ptf_radar, buffer.area, &mut buffer, look);
    });
    let ascii = Look {
        drawing: Drawing::Ascii,
        color: false,
    };
    measure("radar, 12 themes, 80 columns, ascii", budget, || {
        black_box(radar::render_standalone(&ptf_radar, 80, ascii));
    });
}

/// A routemap of `themes` themes with a paragraph for each stage; `last_stage` names
/// the last descriptor's stage ("s4" is valid; anything else is a problem per theme).
fn long_routemap(themes: usize, last_stage: &str) -> String {
    let mut text = String::from("id: long\ntitle: Long\nversion: '1'\nstages:\n");
    for stage in 0..5 {
        text.push_str(&format!("  - {{id: s{stage}, name: Stage {stage}}}\n"));
    }
    text.push_str("themes:\n");
    let paragraph = "Words about what the theme looks like at this stage. ".repeat(18);
    for theme in 0..themes {
        text.push_str(&format!(
            "  - id: t{theme}\n    name: Theme {theme}\n    stages:\n"
        ));
        for stage in 0..4 {
            text.push_str(&format!("      s{stage}: {paragraph}\n"));
        }
        text.push_str(&format!("      {last_stage}: {paragraph}\n"));
    }
    text
}

fn megabytes(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes / 1000)
    }
}

/// Saving one assessment, and listing a data directory of 1,000.
fn stored_files(budget: Duration, routemap: &Routemap) {
    let dir = tempfile::tempdir().unwrap();
    let full = answered(routemap);
    let path = dir.path().join("anytown.yaml");
    measure(
        "save a 12-theme assessment (write, fsync, rename)",
        budget,
        || store::save_assessment(&path, &full).unwrap(),
    );
    std::fs::remove_file(&path).unwrap();
    for n in 0..1000 {
        let mut other = full.clone();
        other.authority = format!("Authority number {n}");
        let text = assessment::to_yaml(&other);
        std::fs::write(dir.path().join(format!("a{n:04}.yaml")), text).unwrap();
    }
    let data = Store::open(Some(dir.path().to_path_buf())).unwrap();
    measure("list 1,000 saved assessments", budget, || {
        let listed = data.list();
        assert_eq!(listed.len(), 1000);
        black_box(listed);
    });
}

/// The inputs that once took most of a minute, each at three sizes.
fn hostile_inputs(budget: Duration) {
    let refused = |text: &str| {
        black_box(routemap::routemap::parse(Path::new("x.yaml"), text).unwrap_err());
    };
    linear(
        "deep nesting [[[…]]], refused",
        budget,
        [50_000, 100_000, 200_000],
        |size| format!("id: {}{}\n", "[".repeat(size / 2), "]".repeat(size / 2)),
        refused,
    );
    linear(
        "nesting 30 deep, line after line",
        budget,
        [1_000_000, 2_000_000, 4_000_000],
        |size| {
            let line = format!("  - {}{}\n", "[".repeat(30), "]".repeat(30));
            format!("list:\n{}", line.repeat(size / line.len()))
        },
        refused,
    );
    linear(
        "invalid routemap, a problem in every theme",
        budget,
        [250, 500, 1000],
        |themes| long_routemap(themes, "s9"),
        refused,
    );
    linear(
        "invalid saved assessment, a problem in every answer",
        budget,
        [5_000, 10_000, 20_000],
        |answers| {
            let mut text = String::from(
                "format: routemap-assessment/1\nroutemap: { id: x }\nauthority: A\nanswers:\n",
            );
            for n in 0..answers {
                // An unknown field: every answer is wrong (an unknown stage is kept, not
                // refused, so it would not do).
                text.push_str(&format!(
                    "  theme-{n}:\n    current: stage\n    colour: blue\n"
                ));
            }
            text
        },
        |text| {
            black_box(assessment::parse(Path::new("x.yaml"), text).unwrap_err());
        },
    );
}

/// Measures `work` on inputs made at three sizes and gives the exponent k of time ~
/// size^k between the smallest and the largest: about 1 when the cost is linear (a
/// little over, as bigger working sets miss the caches more), 2 when it is quadratic.
fn linear(
    name: &str,
    budget: Duration,
    sizes: [usize; 3],
    make: impl Fn(usize) -> String,
    mut work: impl FnMut(&str),
) {
    let inputs: Vec<String> = sizes.iter().map(|size| make(*size)).collect();
    let medians: Vec<Duration> = inputs
        .iter()
        .map(|input| {
            let label = format!("{name}, {}", megabytes(input.len()));
            measure(&label, budget, || work(input))
        })
        .collect();
    let input_growth = inputs[2].len() as f64 / inputs[0].len() as f64;
    let time_growth = medians[2].as_secs_f64() / medians[0].as_secs_f64();
    // Time ~ size^k: k is 1 for a linear cost, 2 for a quadratic one.
    let exponent = time_growth.ln() / input_growth.ln();
    let verdict = if exponent < 1.5 {
        "linear"
    } else {
        "SUPERLINEAR"
    };
    println!(
        "{:<48} input x{input_growth:.1}, time x{time_growth:.1}: exponent {exponent:.2}, {verdict}",
        format!("  {name}")
    );
}

/// A keystroke in the notes editor with 10 MB of notes (issue 9: it cost 0.8 s of CPU
/// per key when the whole text was cloned on each): the update for a typed character
/// and its Backspace, so the text stays the same size, then a frame at 250x70.
fn notes_editor(budget: Duration, ptf: &Routemap) {
    let sentence = "The partnership board met in March and agreed the shared plan.";
    let lines = format!("{sentence}\n").repeat(10 * 1024 * 1024 / (sentence.len() + 1));
    let one_line = format!("{sentence} ").repeat(10 * 1024 * 1024 / (sentence.len() + 1));
    for (shape, notes) in [("in lines", lines), ("on one line", one_line)] {
        notes_editor_with(budget, ptf, shape, notes);
    }
}

fn notes_editor_with(budget: Duration, ptf: &Routemap, shape: &str, notes: String) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use routemap::tui::messages_for;
    use routemap::tui::update::update;
    let mut assessment = answered(ptf);
    let size = megabytes(notes.len());
    assessment.answer_mut(ptf, "leadership").notes = Some(notes);
    let mut state = State::new(ptf.clone(), assessment, "a.yaml".into());
    state.size = (250, 70);
    let press = |state: &mut State, code: KeyCode| {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        for msg in messages_for(state, event) {
            black_box(update(state, msg));
        }
    };
    press(&mut state, KeyCode::Char('n'));
    assert!(state.is_editing(), "the notes editor is open");
    measure(
        &format!("a key and Backspace in the notes editor, {size} {shape}"),
        budget,
        || {
            press(&mut state, KeyCode::Char('x'));
            press(&mut state, KeyCode::Backspace);
        },
    );
    measure(
        &format!("TUI frame, notes editor open on {size} {shape}, 250x70"),
        budget,
        frame(&state, 250, 70),
    );
}
