//! Starting the full-screen program: finding or creating the assessment, the one-writer
//! lock, the terminal (with restore on every way out) and the authority prompt.

use super::theme::Painter;
use super::{Session, event_loop, opening, terminal};
use crate::assessment::{self, Assessment};
use crate::builtin::DEFAULT_ROUTEMAP;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use crate::store::{self, Store};
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
pub(super) enum Prepared {
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
    store::clean_leftovers(store.root());
    store::clean_leftovers(&store.root().join(".positions"));
    let painter = Painter::for_terminal(crate::term::stdout_colors());
    let mut terminal = ratatui::try_init().map_err(|error| Error::Terminal {
        reason: format!(
            "it could not be set up: {}",
            crate::error::io_reason(&error)
        ),
    })?;
    terminal::take_pastes_whole();
    // However this function ends (return, error, panic), the terminal is restored.
    let _restore = terminal::RestoreOnDrop;
    terminal::restore_on_signals();
    let opened = opening::session_for(
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
    let carried = match session.state.walk_progress().1 {
        0 => String::new(),
        carried => format!(", {carried} carried to confirm"),
    };
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
            format!("Saved {path} ({answered}/{total} answered{carried})."),
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
