//! What each fuzz target does with its input. Shared (by `#[path]`) with
//! `tests/crashers.rs`, which replays every crasher kept in `tests/fixtures/crashers/`
//! through the same code on stable, in the normal test suite.

#![allow(dead_code, clippy::panic)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use routemap::assessment::{self, Answer, Assessment, Current};
use routemap::builtin;
use routemap::clock::Timestamp;
use routemap::tui::state::{Comparison, Screen, State};
use routemap::tui::theme::Painter;
use routemap::tui::update::{Effect, Msg, update};
use routemap::tui::{messages_for, view};
use std::path::Path;
use std::time::Duration;

const PATH: &str = "fuzz.yaml";

/// Bytes as a routemap file; one that loads is drawn as well.
pub fn routemap_file(bytes: &[u8]) {
    let path = Path::new(PATH);
    let Ok(text) = routemap::yaml::text_from_bytes(path, bytes.to_vec()) else {
        return;
    };
    if let Ok(routemap) = routemap::routemap::parse(path, &text) {
        let assessment = Assessment::new(&routemap, "Fuzz", None, Timestamp(0));
        let mut state = State::new(routemap, assessment, PATH.into());
        for screen in [Screen::Walk, Screen::Review, Screen::Workshop] {
            state.screen = screen;
            let _ = draw(&state, 80, 24);
        }
    }
}

/// Bytes as a saved assessment; one that loads must save to a file that loads back to
/// the same bytes, and is drawn against the built-in routemap.
pub fn save_file(bytes: &[u8]) {
    let path = Path::new(PATH);
    let Ok(text) = routemap::yaml::text_from_bytes(path, bytes.to_vec()) else {
        return;
    };
    let Ok(mut loaded) = assessment::parse(path, &text) else {
        return;
    };
    saves_and_loads_back(&loaded);
    let routemap = builtin_routemap();
    loaded.order_by(&routemap);
    let mut state = State::new(routemap, loaded, PATH.into());
    for screen in [
        Screen::Walk,
        Screen::Review,
        Screen::Workshop,
        Screen::WorkshopSummary,
    ] {
        state.screen = screen;
        let _ = draw(&state, 120, 40);
    }
}

/// Bytes as events for the full-screen program on the built-in routemap: three bytes
/// an event (key, resize or tick), the first byte picking the screen to start on.
pub fn key_events(bytes: &[u8]) {
    let Some((first, events)) = bytes.split_first() else {
        return;
    };
    let mut state = starting_state(*first);
    let started = std::time::Instant::now();
    let count = events.chunks(3).count();
    for (number, chunk) in events.chunks(3).enumerate() {
        let messages = match event_of(chunk) {
            Input::Event(event) => messages_for(&state, event),
            Input::Tick(after) => vec![Msg::Tick(started + after)],
        };
        for message in messages {
            for effect in update(&mut state, message) {
                match effect {
                    Effect::Save => saves_and_loads_back(&state.assessment),
                    Effect::ListComparisons => {
                        let others = vec![comparison(&state)];
                        for effect in update(&mut state, Msg::Comparisons(others)) {
                            if effect == Effect::Save {
                                saves_and_loads_back(&state.assessment);
                            }
                        }
                    }
                    Effect::Quit => return,
                    // Quitting once saving works: the fuzzed session has no file, so on.
                    Effect::QuitIfSaved => {}
                    // What the runner does with the disk or the terminal, not the state.
                    Effect::RememberPosition
                    | Effect::SaveElsewhere(_)
                    | Effect::WriteReport
                    | Effect::Bell => {}
                }
            }
        }
        // Every fourth state and the last are drawn: drawing is most of the cost.
        if number % 4 == 3 || number + 1 == count {
            let (width, height) = state.size;
            let measured = draw(&state, width.min(250), height.min(80));
            update(&mut state, Msg::Measured(measured));
        }
    }
}

/// The built-in routemap, parsed once per process.
fn builtin_routemap() -> routemap::routemap::Routemap {
    static PARSED: std::sync::OnceLock<routemap::routemap::Routemap> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(
            || match builtin::find(builtin::DEFAULT_ROUTEMAP).map(|file| file.load()) {
                Some(Ok(routemap)) => routemap,
                _ => panic!("the built-in routemap loads"),
            },
        )
        .clone()
}

fn saves_and_loads_back(original: &Assessment) {
    let saved = assessment::to_yaml(original);
    let loaded = assessment::parse(Path::new(PATH), &saved)
        .unwrap_or_else(|error| panic!("a saved file does not load: {error}\n{saved}"));
    assert_eq!(
        assessment::to_yaml(&loaded),
        saved,
        "saving what was loaded changed it"
    );
}

/// Draws the state as the runner would; returns what the frame measured.
fn draw(state: &State, width: u16, height: u16) -> routemap::tui::state::Measured {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let mut measured = state.measured;
    let _ = terminal.draw(|frame| measured = view::render(state, &Painter::monochrome(), frame));
    measured
}

fn starting_state(choice: u8) -> State {
    let routemap = builtin_routemap();
    let mut assessment = Assessment::new(
        &routemap,
        "Anytown Borough Council",
        Some("2026"),
        Timestamp(0),
    );
    if choice & 0x10 != 0 {
        // Some answers already given, one carried over, one with votes.
        let first = &routemap.themes[0].id;
        let answer = assessment.answer_mut(&routemap, first);
        answer.current = Some(Current::Stage(routemap.stages[1].id.clone()));
        answer.carried = true;
        answer.votes = vec![(routemap.stages[0].id.clone(), 3)];
    }
    let mut state = State::new(routemap, assessment, PATH.into());
    state.size = (80, 24);
    state.screen = match choice % 4 {
        0 => Screen::Walk,
        1 => Screen::Review,
        2 => Screen::Workshop,
        _ => Screen::WorkshopSummary,
    };
    if choice & 0x20 != 0 {
        state.read_only = Some("another routemap process has it open".into());
    }
    state
}

fn comparison(state: &State) -> Comparison {
    let mut other = state.assessment.clone();
    other.title = Some("2025 baseline".into());
    if let Some(theme) = state.routemap.themes.last() {
        let answer: &mut Answer = other.answer_mut(&state.routemap, &theme.id);
        answer.current = Some(Current::NotApplicable);
    }
    Comparison {
        name: "Anytown Borough Council — 2025 baseline".into(),
        path: "other.yaml".into(),
        assessment: other,
    }
}

enum Input {
    Event(Event),
    Tick(Duration),
}

fn event_of(chunk: &[u8]) -> Input {
    let byte = |index: usize| chunk.get(index).copied().unwrap_or(0);
    match byte(0) {
        0..=199 => Input::Event(Event::Key(key_of(byte(0), byte(1), byte(2)))),
        200..=229 => Input::Event(Event::Resize(u16::from(byte(1)), u16::from(byte(2)))),
        _ => Input::Tick(Duration::from_secs(
            u64::from(byte(1)) * 60 + u64::from(byte(2)),
        )),
    }
}

fn key_of(selector: u8, code: u8, flags: u8) -> KeyEvent {
    let code = match selector % 4 {
        // Mostly the keys the program uses: letters, digits, punctuation.
        0 | 1 => KeyCode::Char(char::from(b' ' + code % 95)),
        2 => match code % 24 {
            0 => KeyCode::Enter,
            1 => KeyCode::Esc,
            2 => KeyCode::Backspace,
            3 => KeyCode::Tab,
            4 => KeyCode::BackTab,
            5 => KeyCode::Delete,
            6 => KeyCode::Up,
            7 => KeyCode::Down,
            8 => KeyCode::Left,
            9 => KeyCode::Right,
            10 => KeyCode::Home,
            11 => KeyCode::End,
            12 => KeyCode::PageUp,
            13 => KeyCode::PageDown,
            14 => KeyCode::Insert,
            15 => KeyCode::Null,
            n => KeyCode::F(n - 15),
        },
        // Text that is hard to draw or to save: controls, wide, combining, bidi.
        _ => KeyCode::Char(
            [
                '\u{0}', '\u{1b}', '\t', '\n', '\r', '\u{7f}', '\u{85}', '\u{2028}', '\u{feff}',
                'é', 'ŵ', '東', '🚒', '\u{301}', '\u{200b}', '\u{202e}', '"', '\'', ':', '#', '-',
                '?', '|', '>', '&', '*', '!', '%', '@', '`', '[', '{',
            ][usize::from(code) % 32],
        ),
    };
    let mut modifiers = KeyModifiers::empty();
    if flags & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if flags & 2 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    if flags & 4 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    let kind = match flags >> 6 {
        0 | 1 => KeyEventKind::Press,
        2 => KeyEventKind::Repeat,
        _ => KeyEventKind::Release,
    };
    KeyEvent {
        code,
        modifiers,
        kind,
        state: KeyEventState::empty(),
    }
}
