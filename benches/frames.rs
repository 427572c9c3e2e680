//! Renders the wide walk frame many times, for a profiler:
//! `cargo bench --bench frames --no-run`, then `valgrind --tool=callgrind` on the binary
//! it names (an argument gives a routemap of that many themes).
#![allow(clippy::unwrap_used)]
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use routemap::assessment::{Assessment, Current};
use routemap::builtin;
use routemap::clock::Timestamp;
use routemap::tui::state::State;
use routemap::tui::theme::Painter;
use routemap::tui::view;

fn main() {
    let themes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let routemap = if themes == 0 {
        builtin::find(builtin::DEFAULT_ROUTEMAP)
            .unwrap()
            .load()
            .unwrap()
    } else {
        let mut text = String::from(
            "id: big\ntitle: Big\nversion: '1'\nstages:\n  - {id: a, name: A}\n  - {id: b, name: B}\nthemes:\n",
        );
        for t in 0..themes {
            text.push_str(&format!(
                "  - {{id: t{t}, name: Theme {t}, stages: {{a: x, b: y}}}}\n"
            ));
        }
        routemap::routemap::parse(std::path::Path::new("big.yaml"), &text).unwrap()
    };
    let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
    for theme in &routemap.themes {
        assessment.answer_mut(&routemap, &theme.id).current =
            Some(Current::Stage(routemap.stages[0].id.clone()));
    }
    let mut state = State::new(routemap, assessment, "a.yaml".into());
    state.size = (250, 70);
    let mut terminal = Terminal::new(TestBackend::new(250, 70)).unwrap();
    for _ in 0..50 {
        terminal
            .draw(|frame| {
                view::render(&state, &Painter::colors(), frame);
            })
            .unwrap();
    }
}
