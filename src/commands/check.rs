//! `routemap check FILES...`: validate routemap files; `-` reads one from standard
//! input. A saved assessment given by mistake (or on purpose) is checked as one: read,
//! matched to its routemap, and what the routemap cannot match said.

use super::Output;
use crate::error::Result;
use crate::routemap::{self, Routemap};
use crate::sanitize;
use crate::store::{STDIN_ARG, STDIN_LABEL, Store, stdin_at_most_once};
use std::path::{Path, PathBuf};

pub fn run(store: &Store, files: &[PathBuf]) -> Result<Output> {
    stdin_at_most_once(files.iter().map(|path| path.to_str().unwrap_or_default()))?;
    let mut output = Output::default();
    for given in files {
        if given.as_os_str() != STDIN_ARG && is_saved_assessment(given) {
            check_assessment(store, given, &mut output);
            continue;
        }
        // A bare name that is no file here: a saved assessment's name, as elsewhere.
        if !given.exists()
            && given.components().count() == 1
            && let Some(spec) = given.to_str()
            && let Ok(saved) = store.resolve_assessment(spec)
        {
            check_assessment(store, &saved, &mut output);
            continue;
        }
        let (path, loaded) = if given.as_os_str() == STDIN_ARG {
            (Path::new(STDIN_LABEL), load_stdin())
        } else {
            (given.as_path(), routemap::load_file(given))
        };
        match loaded {
            Ok(routemap) => output.stdout.push_str(&format!(
                "{}: ok, routemap '{}' version {}: {}\n",
                sanitize::path(path),
                sanitize::line(&routemap.id),
                sanitize::line(&routemap.version),
                routemap.summary_line()
            )),
            Err(error) => fail(&mut output, &error.to_string()),
        }
    }
    Ok(output)
}

/// An error, said as every command says one, and the exit status that goes with it.
fn fail(output: &mut Output, said: &str) {
    for line in said.lines() {
        output.stderr.push_str(&format!("error: {line}\n"));
    }
    output.code = 1;
}

/// A routemap read from standard input, named `<stdin>` in messages.
fn load_stdin() -> Result<Routemap> {
    let label = Path::new(STDIN_LABEL);
    let bytes = crate::store::read_capped(
        std::io::stdin().lock(),
        crate::yaml::MAX_ROUTEMAP_BYTES,
        label,
        "routemap",
    )?;
    let text = crate::yaml::text_from_bytes(label, bytes)?;
    routemap::parse(label, &text)
}

/// A file whose head says it is a saved assessment (a broken one included: it is then
/// reported as a saved assessment that cannot be read, not as a bad routemap).
fn is_saved_assessment(path: &Path) -> bool {
    let Ok(file) = crate::store::open_to_read(path) else {
        return false;
    };
    let mut head = Vec::new();
    let read = std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head);
    read.is_ok() && super::output_file::says_saved_assessment(&String::from_utf8_lossy(&head))
}

fn check_assessment(store: &Store, path: &Path, output: &mut Output) {
    let opened = crate::store::load_assessment(path)
        .and_then(|assessment| store.opened(path.to_path_buf(), assessment));
    match opened {
        Ok(opened) => {
            // A newer version of its routemap is how routemaps move on: a note. Anything
            // else the routemap cannot match is kept but never shown: a problem to fix.
            let (notes, problems): (Vec<_>, Vec<_>) =
                opened.mismatches.iter().partition(|mismatch| {
                    matches!(mismatch, crate::assessment::Mismatch::Version { .. })
                });
            for note in notes {
                output
                    .stderr
                    .push_str(&format!("note: {}: {note}\n", sanitize::path(path)));
            }
            if !problems.is_empty() {
                // Each where it is in the file, in the file's order.
                let text = std::fs::read_to_string(path).unwrap_or_default();
                let mut located: Vec<_> = problems
                    .into_iter()
                    .map(|problem| (place_of(&text, problem), problem))
                    .collect();
                located.sort_by_key(|(at, _)| at.map(|at| (at.line, at.column)));
                for (at, problem) in located {
                    let at = at.map_or(String::new(), |at| format!(":{}:{}", at.line, at.column));
                    fail(output, &format!("{}{at}: {problem}", sanitize::path(path)));
                }
                return;
            }
            let (answered, total) = opened.assessment.progress(&opened.routemap);
            output.stdout.push_str(&format!(
                "{}: ok, a saved assessment of {} against routemap '{}' version {}: {answered} of {total} themes answered\n",
                sanitize::path(path),
                sanitize::line(&opened.assessment.authority),
                sanitize::line(&opened.routemap.id),
                sanitize::line(&opened.routemap.version),
            ));
        }
        Err(error) => fail(output, &error.to_string()),
    }
}

/// Where in a saved file's text the answer a mismatch is about is written.
fn place_of(text: &str, mismatch: &crate::assessment::Mismatch) -> Option<crate::error::Location> {
    use crate::assessment::Mismatch;
    use crate::yaml::NodePath;
    let answers = NodePath::root().key("answers");
    let path = match mismatch {
        Mismatch::Version { .. } => NodePath::root().key("routemap"),
        Mismatch::Theme { theme, .. } => answers.key_name(theme),
        Mismatch::Stage { theme, field, .. } | Mismatch::Undefined { theme, field, .. } => {
            answers.key(theme).key(field)
        }
        Mismatch::Criterion { theme, .. } => answers.key(theme).key("met"),
    };
    crate::yaml::locate(text.trim_start_matches('\u{feff}'), &path)
}
