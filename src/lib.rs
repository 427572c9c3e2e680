//! routemap: assess an organisation's maturity against a routemap, in the terminal.
//!
//! The library holds everything; the binary (`main.rs`) only parses the command line,
//! calls [`commands::run`] and turns its result into output and an exit status.
//!
//! # Layers
//!
//! Each layer uses only the layers below it; nothing reaches back up.
//!
//! ```text
//!   main.rs ─ cli (clap types) ─ commands (one module a command: text out, exit code)
//!                                   │
//!        ┌──────────────┬───────────┼─────────────┬──────────────┐
//!       tui          report      summary        diff, merge     radar
//!   (full screen)  (plan, roll-up) (a region)   (two files)    (geometry →
//!        │              │           │             │           braille, ASCII, SVG)
//!        └──────────────┴─────┬─────┴─────────────┴──────────────┘
//!                          store (data dir, names → files, atomic saves, locks)
//!                             │
//!          assessment (answers, the saved format)   routemap (the model, validation)
//!                             │                          │
//!                            yaml (bounded reading, located errors, the canonical writer)
//!
//!   beside them all: sanitize (text from files, made safe to show), error (what can go
//!   wrong, in one sentence), term and textout (colour, width, a buffer as text)
//! ```
//!
//! # A key press, from the terminal to the disk
//!
//! ```text
//!  terminal ──event──▶ tui::messages_for ──Msg──▶ tui::update::update ──Vec<Effect>──▶ runner
//!     ▲               (keys::BINDINGS:           (the only code that        (tui/mod.rs:
//!     │                key → Action,              changes State; pure,       Session::apply)
//!     │                per context)               no I/O, unit-tested)          │
//!     │                                                                        │ Effect::Save
//!     │                                                                        ▼
//!     │                                                  store::SavedFile::save: is the file
//!     │                                                  still as we left it? (else re-apply
//!     │                                                  our change on top, or stop: conflict)
//!     │                                                  → store::write_atomic: temp file,
//!     │                                                  fsync, rename, fsync the folder
//!     │
//!     └──── tui::view::render(&State, &Painter) draws the frame, and hands back
//!           Measured (how far the details scroll) as Msg::Measured
//! ```
//!
//! # Where each kind of change goes
//!
//! - A rule about what a routemap or a save may say: [`routemap`] (validation, with a
//!   located error) and [`assessment`] (the saved format and its canonical writer).
//! - How files are found, read, written or locked: [`store`].
//! - What a key does: a line in [`tui::keys::BINDINGS`] (the help, the footer and the
//!   README's key table all follow it) and an arm in [`tui::update`].
//! - How something looks: the views in `tui::view` (a [`tui::theme::Palette`] is chosen
//!   by the runner and handed to them; the state holds no colours).
//! - A new command: [`cli`] for its arguments, a module in [`commands`] for what it
//!   prints, computing a value first (as [`diff::Diff`] and [`report::Report`] are)
//!   and rendering it per format.
//! - Any text that came from a file, on its way to a terminal or a text output:
//!   through [`sanitize`].

// Nothing a user can influence may unwrap or panic; tests may (a failing unwrap there
// is a failing test).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// A dependency nothing uses is a build cost and a supply-chain risk for nothing: CI's
// clippy run (-D warnings) fails on one. (Tests and benches are left out: the
// development dependencies each serve only some of them.)
#![cfg_attr(not(test), warn(unused_crate_dependencies))]

pub mod assessment;
pub mod builtin;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod diff;
pub mod error;
pub mod jsonout;
pub mod merge;
pub mod radar;
pub mod report;
pub mod richtext;
pub mod routemap;
pub mod sanitize;
pub mod store;
pub mod summary;
pub mod table;
pub mod term;
pub mod text;
pub mod textout;
pub mod tui;
pub mod watch;
pub mod workshop;
pub mod yaml;

pub use error::{Error, Result};
