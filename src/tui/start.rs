//! Starting the full-screen program: finding or creating the assessment, the one-writer
//! lock, the terminal (with restore on every way out) and the authority prompt.

use super::prompt::{self, Prompt, PromptOutcome};
use super::state::{Message, State};
use super::theme::Palette;
use super::{Session, event_loop};
use crate::assessment::{self, Assessment};
use crate::builtin::DEFAULT_ROUTEMAP;
use crate::clock::Instant;
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
        assessment: Assessment,
        needs_authority: bool,
    },
}

/// Runs the full-screen program; returns a line to print once the screen is restored.
pub fn run(store: Store, start: Start, command: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(Error::NotATerminal {
            command: command.to_string(),
        });
    }
    let workshop = matches!(start, Start::Workshop(_));
    let prepared = prepare(&store, start)?;
    let palette = Palette::for_terminal(crate::term::no_color_requested());
    let mut terminal = ratatui::try_init()
        .map_err(|error| Error::Usage(format!("cannot start the full-screen program: {error}")))?;
    // However this function ends (return, error, panic), the terminal is restored.
    let _restore = RestoreOnDrop;
    restore_on_signals();
    let Some(mut session) = session_for(&store, prepared, palette, &mut terminal)? else {
        return Ok("Nothing was created.".into());
    };
    if workshop {
        session.state.screen = super::state::Screen::Workshop;
        session.state.show_intro = false;
    }
    event_loop(&mut terminal, &mut session)
        .map_err(|error| Error::Usage(format!("the terminal failed: {error}")))?;
    let (answered, total) = session.state.assessment.progress(&session.state.routemap);
    Ok(match session.state.read_only {
        Some(_) => format!(
            "Closed {} (read-only; nothing was changed).",
            session.path.display()
        ),
        None => format!(
            "Saved {} ({answered}/{total} answered).",
            session.path.display()
        ),
    })
}

struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// SIGTERM, SIGHUP and SIGINT end the program with the terminal restored. Every change
/// is saved when made, so there is nothing else to do.
fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                ratatui::restore();
                std::process::exit(128 + signal);
            }
        });
    }
}

fn prepare(store: &Store, start: Start) -> Result<Prepared> {
    match start {
        Start::Open(spec) | Start::Workshop(spec) => existing(store, &spec),
        Start::Resume => match store.most_recent() {
            Some(path) => existing(store, &path.to_string_lossy()),
            None => fresh(store, NewArgs::default()),
        },
        Start::New(args) => fresh(store, args),
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
    let previous = match &args.from {
        Some(spec) => Some(store.open_assessment(spec)?),
        None => None,
    };
    let routemap_spec = args
        .routemap
        .clone()
        .or_else(|| previous.as_ref().map(|p| p.assessment.routemap.id.clone()))
        .unwrap_or_else(|| DEFAULT_ROUTEMAP.to_string());
    let routemap = store.resolve_routemap(&routemap_spec)?;
    store.keep_routemap(&routemap_spec, &routemap)?;
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
        Instant::now(),
    );
    if let Some(previous) = previous {
        assessment.answers = carried_answers(&previous.assessment);
        assessment.order_by(&routemap);
    }
    Ok(Prepared::Fresh {
        routemap,
        assessment,
        needs_authority,
    })
}

/// A previous assessment's answers for a reassessment: each one with a stage is marked
/// carried over until confirmed or changed; workshop votes stay with the old session.
pub fn carried_answers(previous: &Assessment) -> Vec<(String, assessment::Answer)> {
    previous
        .answers
        .iter()
        .map(|(theme, answer)| {
            let mut answer = answer.clone();
            answer.votes.clear();
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
    palette: Palette,
    terminal: &mut ratatui::DefaultTerminal,
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
        } => {
            if needs_authority {
                let heading = format!("New assessment: {}", routemap.title);
                let Some(authority) = ask(
                    terminal,
                    &palette,
                    &heading,
                    "Which authority is being assessed? (e.g. Anytown Borough Council)",
                )?
                else {
                    return Ok(None);
                };
                assessment.authority = authority;
            }
            let path = store.new_assessment_path(&assessment);
            store::save_assessment(&path, &assessment)?;
            (path, assessment, routemap, false)
        }
    };
    let lock = if missing_routemap {
        None
    } else {
        Some(WriteLock::acquire(&path))
    };
    let mut state = State::new(routemap, assessment, path.display().to_string(), palette);
    let lock = match lock {
        Some(Ok(lock)) => Some(lock),
        Some(Err(Error::Locked { .. })) => {
            state.read_only =
                Some("open in another routemap process; changes here are not saved".into());
            None
        }
        Some(Err(error)) => return Err(error),
        None => {
            state.read_only = Some(format!(
                "its routemap '{}' was not found; the answers are shown as saved",
                state.assessment.routemap.id
            ));
            None
        }
    };
    if let Some(reason) = &state.read_only {
        state.message = Some(Message {
            text: format!("Read-only: {reason}."),
            is_error: true,
        });
    } else if !state.mismatches.is_empty() {
        state.message = Some(Message {
            text: format!(
                "{} answer(s) do not match this routemap; they are kept as saved (r lists them).",
                state.mismatches.len()
            ),
            is_error: false,
        });
    }
    if let Some(theme) = store.recall_position(&path) {
        state.focus_theme(&theme);
    }
    // Before the first answer, the routemap introduces itself (whose words these are).
    state.show_intro = state.assessment.answers.is_empty() && !missing_routemap;
    Ok(Some(Session {
        store: store.clone(),
        path,
        state,
        lock,
        stand_in: missing_routemap,
    }))
}

/// Asks one question on the full screen; `None` when the user cancels.
fn ask(
    terminal: &mut ratatui::DefaultTerminal,
    palette: &Palette,
    heading: &str,
    question: &str,
) -> Result<Option<String>> {
    let failed = |error: std::io::Error| Error::Usage(format!("the terminal failed: {error}"));
    let mut prompt = Prompt::new(heading, question, "");
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
