//! The full-screen program. This module is the runner: it owns the terminal, reads
//! events, calls `update`, and does the effects `update` asks for (save, remember the
//! place, quit). Everything else is plain state, pure functions and views.

mod follow;
pub mod keys;
mod opening;
pub mod prompt;
mod report_file;
mod start;
pub mod state;
mod terminal;
pub mod theme;
mod undo;
pub mod update;
pub mod view;

pub use start::{Ending, NewArgs, Start, run};

use crate::clock::Timestamp;
use crate::store::{self, Store};
use follow::Wake;
use keys::{Action, Context, action_for, context_of};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use state::{State, StatusLine};
use std::path::PathBuf;
use std::time::Duration;
use update::{Effect, Msg, update};

/// Turns a terminal event into messages for `update`: usually one, none for keys that
/// mean nothing here, two for Esc-then-key typed fast in the editor (which terminals
/// and tmux deliver as Alt+key): leave the editor, then the key.
pub fn messages_for(state: &State, event: Event) -> Vec<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let context = context_of(state);
            match action_for(context, &key, keys::Digits::of(&state.routemap)) {
                Some(action) => vec![Msg::Action(action)],
                // A terminal sends Esc and a key typed fast after it as Alt and the key:
                // where Esc leaves what is open, it is taken as both.
                None if key.modifiers == KeyModifiers::ALT && leaves_on_esc(context) => {
                    let plain = KeyEvent::new(key.code, KeyModifiers::NONE);
                    let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
                    let digits = keys::Digits::of(&state.routemap);
                    let mut messages: Vec<Msg> = action_for(context, &escape, digits)
                        .map(Msg::Action)
                        .into_iter()
                        .collect();
                    let after = keys::screen_context(state.screen);
                    messages.extend(
                        action_for(after, &plain, keys::Digits::of(&state.routemap))
                            .map(Msg::Action),
                    );
                    messages
                }
                None if context.takes_text() => vec![Msg::EditorKey(key)],
                None if context == Context::SaveElsewhere => vec![Msg::PromptKey(key)],
                // Any other key after `t` cancels the target rather than doing something else.
                None if context == Context::Target => vec![Msg::Action(Action::CancelTarget)],
                None if context == Context::ConfirmAll => {
                    vec![Msg::Action(Action::CancelConfirmAll)]
                }
                // A digit below the scale (0 on a scale from 1) says what the keys are,
                // as one above it does, rather than nothing.
                None if context == Context::Normal
                    && matches!(key.code, KeyCode::Char('0'))
                    && key.modifiers.is_empty() =>
                {
                    vec![Msg::Action(Action::SetCurrent(usize::MAX))]
                }
                // "Any key to begin": a key with no binding closes the introduction too.
                None if state.show_intro => vec![Msg::Action(Action::Back)],
                // Any key that does not scroll the help closes it; after `s`, any key
                // that is not a stage's digit cancels.
                None if context == Context::Help => vec![Msg::Action(Action::CloseHelp)],
                None if context == Context::ShowStage => {
                    vec![Msg::Action(Action::CancelShowStage)]
                }
                None => Vec::new(),
            }
        }
        Event::Resize(width, height) => vec![Msg::Resize(width, height)],
        Event::Paste(text) => vec![Msg::Paste(text)],
        _ => Vec::new(),
    }
}

/// The contexts that Esc leaves for the screen's own keys.
fn leaves_on_esc(context: Context) -> bool {
    matches!(
        context,
        Context::Editor
            | Context::RoomNote
            | Context::Minutes
            | Context::Stage
            | Context::Checklist
            | Context::Target
            | Context::ShowStage
            | Context::Agree
    )
}

/// The assessment being worked on: where it is saved and what may be written.
pub struct Session {
    pub store: Store,
    /// The assessment's file, guarded against overwriting changes made outside.
    pub file: store::SavedFile,
    pub state: State,
    /// Held while this process may write; `None` when read-only.
    pub lock: Option<store::WriteLock>,
    /// Where the changes went when the assessment's own file could not be saved.
    pub written_elsewhere: Option<PathBuf>,
    /// The routemap was not found: the state holds a stand-in made from the answers.
    pub stand_in: bool,
    /// The palettes the screens are drawn in, chosen once for this terminal.
    pub painter: theme::Painter,
    /// A second screen's inputs (`workshop --follow`): it redraws when the file changes.
    follow: Option<follow::Follow>,
}

/// Set while a change is not on disk, so a signal that ends the program can say so.
static UNSAVED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Set when the terminal was given back after a stop: the next frame is drawn whole.
static REDRAW_ALL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Session {
    pub fn path(&self) -> &std::path::Path {
        self.file.path()
    }

    fn save(&mut self) {
        if self.state.read_only.is_some() {
            return;
        }
        self.state.assessment.touch(Timestamp::now());
        let saved = self
            .file
            .save(&mut self.state.assessment, &self.state.routemap);
        let state = &mut self.state;
        let was_failing = state.save_problem.is_some();
        match saved {
            Ok(outcome) => {
                state.save_problem = None;
                let note = match outcome {
                    store::Saved::Reapplied => {
                        state.mismatches =
                            crate::assessment::mismatches(&state.assessment, &state.routemap);
                        Some(
                            "The file was changed by another program: its changes are kept and yours applied on top.",
                        )
                    }
                    store::Saved::Recreated => {
                        // Its lock went with it: take a new one, so a second process
                        // opening the new file is read-only again.
                        if self.lock.is_some() {
                            self.lock = store::WriteLock::acquire(self.file.path()).ok();
                        }
                        Some("The file had been deleted or moved away; it is saved again.")
                    }
                    store::Saved::Written if was_failing => {
                        Some("Saved: every change is on disk again.")
                    }
                    store::Saved::Written => None,
                };
                if let Some(note) = note {
                    state.message = Some(StatusLine {
                        text: note.into(),
                        is_error: false,
                    });
                }
            }
            Err(not_saved) => {
                state.save_problem = Some(not_saved.describe(self.file.path(), &state.routemap));
                state.save_elsewhere_suggestion = elsewhere_suggestion(self.file.path());
            }
        }
        UNSAVED.store(
            self.state.save_problem.is_some(),
            std::sync::atomic::Ordering::SeqCst,
        );
    }

    /// Writes the assessment to a new file the user named; true when it is written.
    fn save_elsewhere(&mut self, path: &std::path::Path) -> bool {
        let text = crate::assessment::to_yaml(&self.state.assessment);
        let problem = match store::write_new(path, |file| {
            std::io::Write::write_all(file, text.as_bytes())
        }) {
            Ok(()) => {
                self.written_elsewhere = Some(path.to_path_buf());
                UNSAVED.store(false, std::sync::atomic::Ordering::SeqCst);
                return true;
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                "That file exists already; give the name of a new one.".to_string()
            }
            Err(error) => format!("Cannot write there: {}.", crate::error::io_reason(&error)),
        };
        if let state::Mode::SaveElsewhere(prompt) = &mut self.state.mode {
            prompt.problem = Some(problem);
        }
        false
    }

    /// A second screen reads the file again, and goes where the facilitator is.
    fn reload(&mut self) {
        match store::load_assessment(self.file.path()) {
            Ok(assessment) => {
                self.state.mismatches =
                    crate::assessment::mismatches(&assessment, &self.state.routemap);
                self.state.assessment = assessment;
            }
            Err(error) => {
                self.state.message = Some(StatusLine {
                    text: format!("Showing the file as last read: {error}"),
                    is_error: true,
                });
            }
        }
        if let Some((theme, summary)) = self.store.recall_place(self.file.path()) {
            self.state.focus_theme(&theme);
            // The read-back goes up on the second screen when the facilitator opens it.
            self.state.screen = match (self.state.screen, summary) {
                (state::Screen::Workshop, true) => state::Screen::WorkshopSummary,
                (state::Screen::WorkshopSummary, false) => state::Screen::Workshop,
                (screen, _) => screen,
            };
        }
    }

    fn remember_position(&self) {
        // A second screen's place is the facilitator's, never the other way round.
        if self.follow.is_some() {
            return;
        }
        if let Some(theme) = self.state.theme() {
            let summary = self.state.screen == state::Screen::WorkshopSummary;
            self.store
                .remember_place(self.file.path(), &theme.id, summary);
        }
    }

    /// The other saved assessments of this routemap, newest first.
    fn comparisons(&self) -> Vec<state::Comparison> {
        let own = std::fs::canonicalize(self.file.path()).ok();
        let mut found: Vec<state::Comparison> = self
            .store
            .list()
            .into_iter()
            .filter(|listed| std::fs::canonicalize(&listed.path).ok() != own)
            .filter_map(|listed| {
                let assessment = listed.assessment.ok()?;
                (assessment.routemap.id == self.state.routemap.id).then(|| state::Comparison {
                    name: crate::sanitize::line(&assessment.display_name()).into_owned(),
                    path: listed.path,
                    assessment,
                })
            })
            .collect();
        found.sort_by_key(|candidate| std::cmp::Reverse(candidate.assessment.updated));
        found
    }

    /// Writes the report files and says where they went (or why not).
    fn write_report(&mut self) {
        let written = report_file::write(&self.store, self.file.path(), &self.state, self.stand_in);
        self.state.message = Some(match written {
            Ok([markdown, html]) => StatusLine {
                // "…/reports/anytown.md and .html": the one path, short enough for 80 columns.
                text: format!(
                    "Report written: {} and .{}",
                    crate::sanitize::path(&markdown),
                    html.extension()
                        .map_or_else(String::new, |e| e.to_string_lossy().into_owned())
                ),
                is_error: false,
            },
            Err(error) => StatusLine {
                text: format!("Report not written: {error}"),
                is_error: true,
            },
        });
    }

    /// Does what `update` asked; true when the program should end.
    fn apply(&mut self, effects: &[Effect]) -> bool {
        if effects.contains(&Effect::WriteReport) {
            self.write_report();
        }
        if effects.contains(&Effect::ListComparisons) {
            let candidates = self.comparisons();
            update(&mut self.state, Msg::Comparisons(candidates));
        }
        if effects.contains(&Effect::Save) {
            self.save();
        }
        if effects.contains(&Effect::RememberPosition) {
            self.remember_position();
        }
        if effects.contains(&Effect::Bell) {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
        for effect in effects {
            if let Effect::SaveElsewhere(path) = effect
                && self.save_elsewhere(path)
            {
                return true;
            }
        }
        effects.contains(&Effect::Quit)
            || (effects.contains(&Effect::QuitIfSaved) && self.state.save_problem.is_none())
    }
}

/// A new file to offer for changes that cannot be saved in place: beside the home
/// directory's files (the data directory may be the full or read-only disk).
fn elsewhere_suggestion(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "assessment".into());
    let name = format!("{stem}-unsaved.yaml");
    match std::env::var_os("HOME") {
        Some(home) if !home.is_empty() => format!("~/{name}"),
        _ => name,
    }
}

/// The event loop: draw, block until input (no ticking while idle), update, act.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    session: &mut Session,
) -> std::io::Result<()> {
    if let Ok(size) = terminal.size() {
        update(&mut session.state, Msg::Resize(size.width, size.height));
    }
    loop {
        if REDRAW_ALL.swap(false, std::sync::atomic::Ordering::SeqCst) {
            terminal.clear()?;
        }
        let mut measured = session.state.measured;
        terminal.draw(|frame| measured = view::render(&session.state, &session.painter, frame))?;
        if measured != session.state.measured || session.state.show_stage.is_some() {
            update(&mut session.state, Msg::Measured(measured));
        }
        let mut effects = Vec::new();
        let mut quit = false;
        // One event, then whatever else is already waiting (a burst of typing or a
        // paste), so a burst costs one save rather than one per key.
        // Block until input; only a running workshop clock wakes the loop: on its next
        // second, or when its countdown runs out.
        let focused = session.state.theme().map(|t| t.id.as_str());
        let wait = session.state.workshop.next_wake(focused);
        let mut next = Some(next_input(session.follow.as_ref(), wait)?);
        effects.extend(update(
            &mut session.state,
            Msg::Tick(std::time::Instant::now()),
        ));
        while let Some(input) = next.take() {
            match input {
                Wake::Event(event) => {
                    for msg in messages_for(&session.state, event) {
                        let new_effects = update(&mut session.state, msg);
                        quit |= new_effects.contains(&Effect::Quit);
                        effects.extend(new_effects);
                    }
                }
                Wake::Changed => session.reload(),
                Wake::Timeout => {}
            }
            if !quit {
                next = ready_input(session.follow.as_ref())?;
            }
        }
        if session.apply(&effects) {
            return Ok(());
        }
    }
}

/// The next input: a terminal event (or on a second screen, news that the file
/// changed), waiting for ever or at most `wait`.
fn next_input(follow: Option<&follow::Follow>, wait: Option<Duration>) -> std::io::Result<Wake> {
    if let Some(follow) = follow {
        return follow.next(wait);
    }
    match wait {
        Some(wait) if !event::poll(wait)? => Ok(Wake::Timeout),
        _ => Ok(Wake::Event(event::read()?)),
    }
}

/// An input already waiting, if any: a burst of typing or a paste.
fn ready_input(follow: Option<&follow::Follow>) -> std::io::Result<Option<Wake>> {
    if let Some(follow) = follow {
        return follow.ready();
    }
    Ok(if event::poll(Duration::ZERO)? {
        Some(Wake::Event(event::read()?))
    } else {
        None
    })
}
