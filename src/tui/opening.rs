//! Opening a session: the authority asked for when a new assessment needs one, the
//! file created, the one-writer lock taken (or why it is read-only), and the first line
//! of the status bar.

use super::Session;
use super::prompt::{self, Prompt, PromptOutcome};
use super::start::Prepared;
use super::state::{State, StatusLine};
use super::theme::{Painter, Palette};
use crate::error::{Error, Result};
use crate::store::{self, Store, WriteLock};
use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub(super) fn session_for(
    store: &Store,
    prepared: Prepared,
    painter: Painter,
    terminal: &mut ratatui::DefaultTerminal,
    note: &Option<String>,
    follow: bool,
) -> Result<Option<Session>> {
    let Some(Opened {
        path,
        assessment,
        routemap,
        missing_routemap,
        kept_note,
    }) = open_or_create(store, prepared, &painter, terminal, note)?
    else {
        return Ok(None);
    };
    let file = store::SavedFile::open(&path, &assessment);
    let mut state = State::new(routemap, assessment, file.path().display().to_string());
    // A second screen takes no lock: the facilitator's program must stay the writer,
    // whichever starts first.
    let (lock, read_only) = if follow {
        let why = "a second screen that follows the facilitator's; keys here change nothing";
        (None, Some(why.to_string()))
    } else {
        writer_lock(file.path(), missing_routemap, &state)
    };
    state.read_only = read_only;
    state.message = opening_message(&state, note).or(kept_note.map(|note| StatusLine {
        text: format!("Note: {note}."),
        is_error: false,
    }));
    if let Some(theme) = store.recall_position(file.path()) {
        state.focus_theme(&theme);
    }
    // Before the first answer, the routemap introduces itself (whose words these are).
    state.show_intro = state.assessment.answers.is_empty() && !missing_routemap;
    let follow = if follow {
        Some(watch(store, file.path())?)
    } else {
        None
    };
    Ok(Some(Session {
        store: store.clone(),
        file,
        state,
        lock,
        written_elsewhere: None,
        stand_in: missing_routemap,
        painter,
        follow,
    }))
}

/// What a session opens: the saved file, its assessment and routemap, and a note on the
/// routemap kept in the data directory.
struct Opened {
    path: std::path::PathBuf,
    assessment: crate::assessment::Assessment,
    routemap: crate::routemap::Routemap,
    missing_routemap: bool,
    kept_note: Option<String>,
}

/// The saved assessment, or a new one created once its authority is known; `None` when
/// the user cancels at the authority question (nothing is created then).
fn open_or_create(
    store: &Store,
    prepared: Prepared,
    painter: &Painter,
    terminal: &mut ratatui::DefaultTerminal,
    note: &Option<String>,
) -> Result<Option<Opened>> {
    match prepared {
        Prepared::Existing {
            path,
            assessment,
            routemap,
            missing_routemap,
        } => Ok(Some(Opened {
            path,
            assessment,
            routemap,
            missing_routemap,
            kept_note: None,
        })),
        Prepared::Fresh {
            routemap,
            mut assessment,
            needs_authority,
            given_path,
        } => {
            if needs_authority {
                let heading = format!("New assessment: {}", crate::sanitize::line(&routemap.title));
                let Some(authority) = ask(
                    terminal,
                    &painter.normal,
                    &heading,
                    "Which authority is being assessed? (e.g. Anytown Borough Council)",
                    note.as_deref(),
                )?
                else {
                    return Ok(None);
                };
                assessment.authority = authority;
            }
            // Only now, with the assessment going ahead: a cancelled one leaves nothing,
            // not even a copy of the routemap it would have used.
            let mut kept_note = None;
            if let Some(given) = given_path {
                let kept = store.keep_routemap(&given.to_string_lossy(), &routemap)?;
                kept_note = kept.note(&routemap);
            }
            let path = store.create_assessment(&assessment)?;
            Ok(Some(Opened {
                path,
                assessment,
                routemap,
                missing_routemap: false,
                kept_note,
            }))
        }
    }
}

/// Watching the file for a second screen (`--follow`).
fn watch(store: &Store, path: &std::path::Path) -> Result<super::follow::Follow> {
    let position = store.position_file(path);
    super::follow::Follow::start(path, &position).map_err(|error| Error::Read {
        path: path.to_path_buf(),
        reason: format!(
            "it cannot be watched for changes ({})",
            crate::error::io_reason(&error)
        ),
    })
}

/// The one-writer lock, or why this session is read-only: the routemap is missing, the
/// file or its folder may not be written, or another process (or user) holds the lock.
/// None of these stops the assessment being shown.
fn writer_lock(
    path: &std::path::Path,
    missing_routemap: bool,
    state: &State,
) -> (Option<WriteLock>, Option<String>) {
    if missing_routemap {
        let reason = format!(
            "its routemap '{}' was not found; the answers are shown as saved",
            crate::sanitize::line(&state.assessment.routemap.id)
        );
        return (None, Some(reason));
    }
    if let Some(reason) = store::why_not_writable(path) {
        return (None, Some(format!("{reason}; changes here are not saved")));
    }
    match WriteLock::acquire(path) {
        Ok(lock) => (Some(lock), None),
        Err(Error::Locked { .. }) => (
            None,
            Some("open in another routemap process; changes here are not saved".into()),
        ),
        Err(error) => (
            None,
            Some(format!(
                "the lock cannot be taken ({}); changes here are not saved",
                crate::sanitize::line(&error.to_string())
            )),
        ),
    }
}

/// The first line of the status bar: why it is read-only, what does not match, or a
/// note about saved files that could not be read.
fn opening_message(state: &State, note: &Option<String>) -> Option<StatusLine> {
    if let Some(reason) = &state.read_only {
        Some(StatusLine {
            text: format!("Read-only: {reason}."),
            is_error: true,
        })
    } else if !state.mismatches.is_empty() {
        Some(StatusLine {
            text: format!(
                "{} answer(s) do not match this routemap; they are kept as saved (r lists them).",
                state.mismatches.len()
            ),
            is_error: false,
        })
    } else {
        note.as_ref().map(|note| StatusLine {
            text: note.clone(),
            is_error: true,
        })
    }
}

/// Asks one question on the full screen; `None` when the user cancels.
fn ask(
    terminal: &mut ratatui::DefaultTerminal,
    palette: &Palette,
    heading: &str,
    question: &str,
    note: Option<&str>,
) -> Result<Option<String>> {
    let failed = |error: std::io::Error| Error::Terminal {
        reason: crate::error::io_reason(&error),
    };
    let mut prompt = Prompt::new(heading, question, "");
    prompt.problem = note.map(str::to_string);
    loop {
        terminal
            .draw(|frame| prompt::render(&prompt, palette, frame))
            .map_err(failed)?;
        match event::read().map_err(failed)? {
            Event::Key(key) if key.kind != KeyEventKind::Release => match prompt.key(key) {
                PromptOutcome::Typing => {}
                PromptOutcome::Answered(answer) => return Ok(Some(answer)),
                PromptOutcome::Cancelled => return Ok(None),
            },
            Event::Paste(text) => prompt.paste(&text),
            _ => {}
        }
    }
}
