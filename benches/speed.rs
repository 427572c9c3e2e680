//! Speed, measured (not asserted): `cargo bench --bench speed`.
//!
//! Prints the median and spread of many runs of each operation, so figures from a
//! shared, noisy machine can be compared within one run.

// A benchmark that fails to set up should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use routemap::assessment::{self, Assessment, Current};
use routemap::builtin;
use routemap::clock::Timestamp as Moment;
use routemap::radar::{self, Drawing, Look, Radar};
use routemap::routemap::Routemap;
use routemap::tui::state::{Screen, State};
use routemap::tui::theme::Painter;
use routemap::tui::view;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `work` repeatedly for about `budget` and reports the median, min and p90.
fn measure(name: &str, budget: Duration, mut work: impl FnMut()) -> Duration {
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
