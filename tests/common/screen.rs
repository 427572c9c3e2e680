//! Driving the TUI's state and drawing it on ratatui's TestBackend, as the runner does:
//! keys become messages through the key map, and what a frame measured flows back.

#![allow(dead_code, clippy::unwrap_used)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use routemap::tui::state::State;
use routemap::tui::theme::Painter;
use routemap::tui::update::{Msg, update};
use routemap::tui::{messages_for, view};

pub fn key(state: &mut State, code: KeyCode) {
    for msg in messages_for(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        update(state, msg);
    }
}

pub fn keys(state: &mut State, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

pub fn draw(state: &mut State, width: u16, height: u16) -> String {
    state.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut measured = state.measured;
    terminal
        .draw(|frame| {
            measured = view::render(state, &Painter::monochrome(), frame);
        })
        .unwrap();
    // As the runner does: what the frame measured flows back (how far the details
    // scroll, a stage brought into view).
    update(state, Msg::Measured(measured));
    terminal.backend().to_string()
}

/// The screen in colour, and under it where each style lands: a snapshot that fails
/// when a colour or an emphasis changes, not only when text does.
pub fn draw_styled(state: &mut State, width: u16, height: u16) -> String {
    state.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            view::render(state, &Painter::colors(), frame);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    format!(
        "{}\n--- styles ---\n{}",
        routemap::textout::buffer_to_text(buffer, false),
        routemap::textout::style_map(buffer)
    )
}
