//! Starting the full-screen program: finding or creating the assessment, the one-writer
//! lock, the terminal (with restore on every way out) and the authority prompt.

use super::prompt::{self, Prompt, PromptOutcome};
use super::state::{State, StatusLine};
use super::theme::{Painter, Palette};
use super::{Session, UNSAVED, event_loop};
use crate::assessment::{self, Assessment};
use crate::builtin::DEFAULT_ROUTEMAP;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use crate::store::{self, Store, WriteLock};
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::io::IsTerminal;
use std::path::PathBuf;

/// `routemap new`'s options.
#[derive(Debug, Clone, Default)]
pub struct NewArgs {
    pub authority: Option<String>,
    pub routemap: Option<String>,
    pub title: Option<String>,
    pub from: Option<String>,
}

/// How the program was started.
#[derive(Debug, Clone)]
pub enum Start {
    /// Bare `routemap`: the most recent assessment, or a new one.
    Resume,
    Open(String),
    New(NewArgs),
    /// A saved assessment, straight into workshop mode.
    Workshop(String),
    /// Workshop mode as a read-only second screen that follows the file.
    Follow(String),
}

/// What is known before the screen changes; everything that can fail plainly has.
enum Prepared {
    Existing {
        path: PathBuf,
        assessment: Assessment,
        routemap: Routemap,
        missing_routemap: bool,
    },
    Fresh {
        routemap: Routemap,
        /// The routemap's file, when given as a path: a copy is kept in the data dir.
        given_path: Option<PathBuf>,
        assessment: Assessment,
        needs_authority: bool,
    },
}

/// How the full-screen program ended: a line to print once the screen is restored, and
/// whether changes were lost (a save failed and the user quit anyway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    pub text: String,
    pub changes_lost: bool,
}

/// Runs the full-screen program.
/// `command` is the command's name as typed (`open`), empty for a bare `routemap`.
pub fn run(store: Store, start: Start, command: &str) -> Result<Ending> {
    let workshop = matches!(start, Start::Workshop(_) | Start::Follow(_));
    let follow = matches!(start, Start::Follow(_));
    // Names are resolved first, so a typo is reported as such, terminal or not; nothing
    // is written before the terminal is known to be there.
    let (prepared, unreadable) = prepare(&store, start)?;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::NotATerminal {
            command: command.to_string(),
        });
    }
    if let Prepared::Fresh {
        routemap,
        given_path: Some(path),
        ..
    } = &prepared
    {
        store.keep_routemap(&path.to_string_lossy(), routemap)?;
    }
    store::clean_leftovers(store.root());
    store::clean_leftovers(&store.root().join(".positions"));
    let painter = Painter::for_terminal(crate::term::stdout_colors());
    let mut terminal = ratatui::try_init().map_err(|error| Error::Terminal {
        reason: format!(
            "it could not be set up: {}",
            crate::error::io_reason(&error)
        ),
    })?;
    take_pastes_whole();
    // However this function ends (return, error, panic), the terminal is restored.
    let _restore = RestoreOnDrop;
    restore_on_signals();
    let opened = session_for(
        &store,
        prepared,
        painter,
        &mut terminal,
        &unreadable,
        follow,
    )?;
    let Some(mut session) = opened else {
        return Ok(Ending {
            text: "Nothing was created.".into(),
            changes_lost: false,
        });
    };
    if workshop {
        session.state.screen = super::state::Screen::Workshop;
        session.state.show_intro = false;
    }
    event_loop(&mut terminal, &mut session).map_err(|error| Error::Terminal {
        reason: crate::error::io_reason(&error),
    })?;
    Ok(ending(&session))
}

/// What to say once the screen is restored.
fn ending(session: &Session) -> Ending {
    let path = crate::sanitize::path(session.path());
    let (answered, total) = session.state.assessment.progress(&session.state.routemap);
    let (text, changes_lost) = match (
        &session.state.read_only,
        &session.state.save_problem,
        &session.written_elsewhere,
    ) {
        (Some(_), _, _) => (
            format!("Closed {path} (read-only; nothing was changed)."),
            false,
        ),
        (None, None, _) => (
            format!("Saved {path} ({answered}/{total} answered)."),
            false,
        ),
        (None, Some(_), Some(elsewhere)) => (
            format!(
                "Not saved to {path}; your changes were written to {} instead.",
                crate::sanitize::path(elsewhere)
            ),
            false,
        ),
        (None, Some(problem), None) => (
            format!(
                "Your last changes to {path} were NOT saved and are lost: {}",
                problem.detail
            ),
            true,
        ),
    };
    Ending { text, changes_lost }
}

struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Leaves the alternate screen and raw mode, and shows the cursor again.
fn restore_terminal() {
    use ratatui::crossterm::{cursor, event, execute};
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(std::io::stdout(), cursor::Show);
}

/// Pasted text arrives as one paste, not as keys: pasting "x3t5 hello" outside an
/// editor must not set a stage, a target and open an editor.
fn take_pastes_whole() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
}

/// Every signal whose default action ends the program ends it with the terminal
/// restored (cursor included). Every change is saved when made, so there is nothing
/// else to do, unless a save had failed: then it says so. SIGXFSZ (a file size limit
/// reached while saving) is caught only so that the save fails with an error the
/// program reports, instead of the program being killed mid-write. SIGTSTP (a stop
/// asked from outside) restores the terminal before stopping, and SIGCONT takes it back
/// and redraws. SIGSEGV, SIGBUS, SIGILL and SIGFPE are left alone: they mean the
/// program itself is broken, and no handler can safely carry on.
fn restore_on_signals() {
    use signal_hook::consts::signal::*;
    #[allow(unused_mut)]
    let mut ending = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGSYS, SIGTRAP, SIGIO, SIGABRT,
    ];
    #[cfg(target_os = "linux")]
    ending.extend([libc::SIGSTKFLT, libc::SIGPWR]);
    let handled = ending.iter().copied().chain([SIGXFSZ, SIGTSTP, SIGCONT]);
    let Ok(mut signals) = signal_hook::iterator::Signals::new(handled) else {
        return;
    };
    std::thread::spawn(move || {
        let mut stopped = false;
        for signal in signals.forever() {
            match signal {
                SIGXFSZ => {}
                SIGTSTP => {
                    restore_terminal();
                    stopped = true;
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                }
                SIGCONT if stopped => {
                    stopped = false;
                    take_back_terminal();
                }
                SIGCONT => {}
                _ => {
                    restore_terminal();
                    if UNSAVED.load(std::sync::atomic::Ordering::SeqCst) {
                        eprintln!(
                            "routemap: stopped by a signal; the last changes had NOT been saved (a save failed)."
                        );
                    }
                    std::process::exit(128 + signal);
                }
            }
        }
    });
}

/// After a stop: raw mode and the alternate screen again, and a redraw of the whole
/// screen (the event loop is woken by a resize event, which crossterm makes of SIGWINCH).
fn take_back_terminal() {
    use ratatui::crossterm::{cursor, execute, terminal};
    let _ = terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        cursor::Hide
    );
    take_pastes_whole();
    super::REDRAW_ALL.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// What to open, and (for a bare `routemap`) a note on saved files that could not be
/// read, so that a broken file is never passed over without a word.
fn prepare(store: &Store, start: Start) -> Result<(Prepared, Option<String>)> {
    match start {
        Start::Open(spec) | Start::Workshop(spec) | Start::Follow(spec) => {
            Ok((existing(store, &spec)?, None))
        }
        Start::Resume => {
            let listed = store.list();
            let unreadable: Vec<String> = listed
                .iter()
                .filter(|listed| listed.assessment.is_err())
                .filter_map(|listed| listed.path.file_name())
                .map(|name| crate::sanitize::line(&name.to_string_lossy()).into_owned())
                .collect();
            let note = (!unreadable.is_empty()).then(|| {
                format!(
                    "{} could not be read and {} left as {}; 'routemap list' says why.",
                    crate::text::quoted_names(&unreadable),
                    if unreadable.len() == 1 { "was" } else { "were" },
                    if unreadable.len() == 1 {
                        "it is"
                    } else {
                        "they are"
                    },
                )
            });
            let prepared = match store::most_recent_in(listed) {
                Some(path) => existing(store, &path.to_string_lossy())?,
                None => fresh(store, NewArgs::default())?,
            };
            Ok((prepared, note))
        }
        Start::New(args) => Ok((fresh(store, args)?, None)),
    }
}

fn existing(store: &Store, spec: &str) -> Result<Prepared> {
    match store.open_assessment(spec) {
        Ok(opened) => Ok(Prepared::Existing {
            path: opened.path,
            assessment: opened.assessment,
            routemap: opened.routemap,
            missing_routemap: false,
        }),
        // The routemap is gone: show the answers as saved rather than refuse to open.
        Err(Error::RoutemapNotFound { .. }) => {
            let path = store.resolve_assessment(spec)?;
            let assessment = store::load_assessment(&path)?;
            let routemap = assessment::stand_in_routemap(&assessment);
            Ok(Prepared::Existing {
                path,
                assessment,
                routemap,
                missing_routemap: true,
            })
        }
        Err(error) => Err(error),
    }
}

fn fresh(store: &Store, args: NewArgs) -> Result<Prepared> {
    // Said before any question is asked, not after the answer.
    store.check_writable()?;
    let previous = match &args.from {
        Some(spec) => Some(store.open_assessment(spec)?),
        None => None,
    };
    // Typed by the user: the command line's rule. Taken from the previous assessment:
    // an id from inside a saved file, looked up in the data dir and built-ins only.
    let (routemap, given_path) = match &args.routemap {
        Some(typed) => {
            let found = store.find_routemap(typed)?;
            (found.routemap, found.given_path)
        }
        None => {
            let id = previous
                .as_ref()
                .map_or(DEFAULT_ROUTEMAP, |p| p.assessment.routemap.id.as_str());
            (store.resolve_routemap(id)?, None)
        }
    };
    let authority = args
        .authority
        .clone()
        .filter(|a| !a.trim().is_empty())
        .or_else(|| previous.as_ref().map(|p| p.assessment.authority.clone()));
    let needs_authority = authority.is_none();
    let mut assessment = Assessment::new(
        &routemap,
        authority.as_deref().unwrap_or(""),
        args.title.as_deref(),
        Timestamp::now(),
    );
    if let Some(previous) = previous {
        assessment.answers = carried_answers(&previous.assessment);
        assessment.order_by(&routemap);
    }
    Ok(Prepared::Fresh {
        routemap,
        given_path,
        assessment,
        needs_authority,
    })
}

/// A previous assessment's answers for a reassessment: each one with a stage is marked
/// carried over until confirmed or changed; the workshop's votes, rounds and room notes
/// stay with the old session.
pub fn carried_answers(previous: &Assessment) -> Vec<(String, assessment::Answer)> {
    previous
        .answers
        .iter()
        .map(|(theme, answer)| {
            let mut answer = answer.clone();
            answer.votes.clear();
            answer.vote_order.clear();
            answer.rounds.clear();
            answer.revealed = false;
            answer.room_note = None;
            answer.parked = false;
            answer.carried = answer.current.is_some();
            (theme.clone(), answer)
        })
        .filter(|(_, answer)| !answer.is_empty())
        .collect()
}

fn session_for(
    store: &Store,
    prepared: Prepared,
    painter: Painter,
    terminal: &mut ratatui::DefaultTerminal,
    note: &Option<String>,
    follow: bool,
) -> Result<Option<Session>> {
    let (path, assessment, routemap, missing_routemap) = match prepared {
        Prepared::Existing {
            path,
            assessment,
            routemap,
            missing_routemap,
        } => (path, assessment, routemap, missing_routemap),
        Prepared::Fresh {
            routemap,
            mut assessment,
            needs_authority,
            ..
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
            let path = store.create_assessment(&assessment)?;
            (path, assessment, routemap, false)
        }
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
    state.message = opening_message(&state, note);
    if let Some(theme) = store.recall_position(file.path()) {
        state.focus_theme(&theme);
    }
    // Before the first answer, the routemap introduces itself (whose words these are).
    state.show_intro = state.assessment.answers.is_empty() && !missing_routemap;
    let follow = if follow {
        let position = store.position_file(file.path());
        let watching = super::follow::Follow::start(file.path(), &position);
        Some(watching.map_err(|error| Error::Read {
            path: file.path().to_path_buf(),
            reason: format!(
                "it cannot be watched for changes ({})",
                crate::error::io_reason(&error)
            ),
        })?)
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
        if let Event::Key(key) = event::read().map_err(failed)? {
            if key.kind == KeyEventKind::Release {
                continue;
            }
            match prompt.key(key) {
                PromptOutcome::Typing => {}
                PromptOutcome::Answered(answer) => return Ok(Some(answer)),
                PromptOutcome::Cancelled => return Ok(None),
            }
        }
    }
}
