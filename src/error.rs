//! Everything that can go wrong for a user, as one enum.
//!
//! The rule for messages: one sentence per problem, saying what is wrong and what to do,
//! naming the file (and line and column where known), values in single quotes. `main`
//! prints the `Display` form to stderr; `Debug` output never reaches a user.
//!
//! Paths and values quoted in a message come from files and command lines anyone may
//! have written, so every one passes [`crate::sanitize`] here, where the message is made:
//! a message can neither carry a control sequence nor break into a forged line, wherever
//! it is shown (stderr, the full-screen program's status line).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::sanitize::{line as clean, path as shown};

/// A line and column in a file, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// One problem found in a file: where (when known) and a sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Option<Location>,
    pub message: String,
}

impl Problem {
    pub fn new(location: Option<Location>, message: impl Into<String>) -> Self {
        Problem {
            location,
            message: message.into(),
        }
    }
}

/// The problems of one file, printed one per line as `file:line:column: sentence`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblems {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for FileProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            match problem.location {
                Some(at) => write!(
                    f,
                    "{}:{}:{}: {}",
                    shown(&self.path),
                    at.line,
                    at.column,
                    clean(&problem.message)
                )?,
                None => write!(f, "{}: {}", shown(&self.path), clean(&problem.message))?,
            }
        }
        Ok(())
    }
}

/// What can go wrong for a user of routemap.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error(
        "cannot read '{}': {}; check the path and that you may read it",
        shown(path),
        clean(reason)
    )]
    Read { path: PathBuf, reason: String },

    /// A file was read but its content is wrong (syntax, shape or rules).
    #[error("{0}")]
    Invalid(FileProblems),

    /// A file could not be written; nothing on disk was changed.
    #[error(
        "cannot write '{}': {}; the previous file, if any, is unchanged",
        shown(path),
        clean(reason)
    )]
    Write { path: PathBuf, reason: String },

    /// No routemap by that name or path.
    #[error("no routemap '{}' was found; {}", clean(name), clean(hint))]
    RoutemapNotFound { name: String, hint: String },

    /// No saved assessment by that name or path. The message says where it looked, in
    /// the order it looked (the resolution rule of `store::resolve`).
    #[error("{}", not_found_message(name, data_dir, *path_only))]
    AssessmentNotFound {
        name: String,
        data_dir: PathBuf,
        /// The name has a directory part, so it was looked for only as a path.
        path_only: bool,
    },

    /// Another routemap process holds the assessment open for writing.
    #[error(
        "'{}' is open in another routemap process; close that one first, or open this one read-only",
        shown(path)
    )]
    Locked { path: PathBuf },

    /// An output file exists and the command would overwrite it.
    #[error(
        "'{}' already exists; choose another name or pass --force to overwrite it",
        shown(path)
    )]
    WouldOverwrite { path: PathBuf },

    /// An output file would replace a saved assessment or a routemap.
    #[error(
        "'{}' is {what}; routemap never writes output over one, even with --force; choose another file name",
        shown(path)
    )]
    Protected { path: PathBuf, what: &'static str },

    /// The user's data directory cannot be found or made.
    #[error(
        "cannot find a data directory (no home directory is set); pass --data-dir DIR or set ROUTEMAP_DATA_DIR"
    )]
    NoDataDir,

    /// The data directory exists but cannot hold saved assessments.
    #[error("the data directory '{}' {reason}; pass --data-dir DIR or set ROUTEMAP_DATA_DIR to a folder", path.display())]
    DataDirUnusable { path: PathBuf, reason: String },

    /// The terminal under the full-screen program failed (it went away, or an I/O
    /// error): not something the user typed wrong, so not a usage error.
    #[error(
        "the terminal failed ({}); nothing was lost, since every change is saved as it is made",
        clean(reason)
    )]
    Terminal { reason: String },

    /// Something the user asked for that does not fit what they gave.
    #[error("{}", clean(.0))]
    Usage(String),

    /// Files that cannot be used together (assessments of different routemaps or
    /// authorities).
    #[error("{}", clean(.0))]
    Incompatible(String),

    /// A name (an authority, a role, a saved assessment) that is not there, or fits
    /// more than one thing: a problem with what was given, not with how the command was
    /// typed.
    #[error("{}", clean(.0))]
    NotFound(String),

    /// What was given holds nothing the command can use.
    #[error("{}", clean(.0))]
    Unusable(String),

    /// A full-screen command was started without a terminal.
    #[error(
        "'{}' is a full-screen program and needs a terminal; run it in a terminal, not through a pipe",
        typed(command)
    )]
    NotATerminal { command: String },
}

/// A command as typed: `routemap` and the command's name, if any.
fn typed(command: &str) -> String {
    match clean(command).trim() {
        "" => "routemap".to_string(),
        name => format!("routemap {name}"),
    }
}

fn not_found_message(name: &str, data_dir: &Path, path_only: bool) -> String {
    let name = clean(name);
    if path_only {
        return format!(
            "no saved assessment '{name}' was found: there is no such file; check the path"
        );
    }
    let file_name = if name.ends_with(".yaml") || name.ends_with(".yml") {
        name.to_string()
    } else {
        format!("{name}.yaml")
    };
    format!(
        "no saved assessment '{name}' was found: there is no file '{name}' here, no '{file_name}' in '{}' and no saved assessment of an authority of that name; run 'routemap list' to see the saved ones",
        shown(data_dir)
    )
}

impl Error {
    /// Two assessments that must share a routemap do not: one wording for every command.
    pub fn different_routemaps(first: (&Path, &str), second: (&Path, &str)) -> Self {
        Error::Incompatible(format!(
            "'{}' is an assessment against routemap '{}' but '{}' is against '{}'; give assessments of the same routemap",
            shown(first.0),
            clean(first.1),
            shown(second.0),
            clean(second.1)
        ))
    }

    /// The exit code this error maps to: 2 for usage errors, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Terminal { .. } => 4,
            _ => 1,
        }
    }

    pub fn read(path: &Path, error: &io::Error) -> Self {
        Error::Read {
            path: path.to_path_buf(),
            reason: io_reason(error),
        }
    }

    pub fn write(path: &Path, error: &io::Error) -> Self {
        Error::Write {
            path: path.to_path_buf(),
            reason: io_reason(error),
        }
    }

    pub fn invalid(path: &Path, problems: Vec<Problem>) -> Self {
        Error::Invalid(FileProblems {
            path: path.to_path_buf(),
            problems,
        })
    }

    /// One problem in a file.
    pub fn invalid_one(
        path: &Path,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Self {
        Error::invalid(path, vec![Problem::new(location, message)])
    }
}

/// An I/O error as a few plain words, without the "(os error 2)" tail.
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory, not a file".into(),
        io::ErrorKind::AlreadyExists => "it already exists".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(end) => text[..end].to_lowercase(),
                None => text.to_lowercase(),
            }
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_one_per_line_with_location() {
        let problems = FileProblems {
            path: PathBuf::from("map.yaml"),
            problems: vec![
                Problem::new(Some(Location { line: 3, column: 5 }), "first"),
                Problem::new(None, "second"),
            ],
        };
        assert_eq!(
            problems.to_string(),
            "map.yaml:3:5: first\nmap.yaml: second"
        );
    }

    #[test]
    fn quoted_paths_and_values_cannot_send_controls_or_forge_lines() {
        let hostile = "x\u{1b}]0;PWNED\u{7}\r\nok: fine\u{9b}2J\u{202e}";
        let errors = [
            Error::invalid_one(
                Path::new(hostile),
                Some(Location { line: 1, column: 2 }),
                format!("stage '{hostile}' is unknown"),
            ),
            Error::read(Path::new(hostile), &io::Error::other(hostile)),
            Error::write(Path::new(hostile), &io::Error::other(hostile)),
            Error::RoutemapNotFound {
                name: hostile.into(),
                hint: hostile.into(),
            },
            Error::AssessmentNotFound {
                name: hostile.into(),
                data_dir: hostile.into(),
                path_only: false,
            },
            Error::Locked {
                path: hostile.into(),
            },
            Error::Protected {
                path: hostile.into(),
                what: "a saved assessment",
            },
            Error::WouldOverwrite {
                path: hostile.into(),
            },
            Error::Usage(hostile.into()),
            Error::Terminal {
                reason: hostile.into(),
            },
            Error::Incompatible(hostile.into()),
            Error::NotATerminal {
                command: hostile.into(),
            },
        ];
        for error in errors {
            let message = error.to_string();
            assert!(
                !message.chars().any(char::is_control) && !message.contains(['\u{202e}', '\u{9b}']),
                "{message:?}"
            );
            assert!(message.contains("x^[]0;PWNED^G^M^Jok: fine"), "{message}");
        }
    }

    #[test]
    fn io_reasons_are_plain_words() {
        let error = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(io_reason(&error), "no such file or directory");
        let error = io::Error::from_raw_os_error(21);
        assert!(!io_reason(&error).contains("os error"));
    }

    #[test]
    fn usage_errors_exit_2_the_terminal_4_others_1() {
        assert_eq!(Error::Usage("x".into()).exit_code(), 2);
        assert_eq!(Error::NoDataDir.exit_code(), 1);
        let lost = Error::Terminal {
            reason: "input/output error".into(),
        };
        assert_eq!(lost.exit_code(), 4);
        assert!(
            lost.to_string()
                .starts_with("the terminal failed (input/output error)")
        );
    }
}
