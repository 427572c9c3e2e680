//! `routemap check FILES...`: validate routemap files; `-` reads one from standard
//! input.

use super::Output;
use crate::error::Result;
use crate::routemap::{self, Routemap};
use crate::sanitize;
use crate::store::{STDIN_ARG, STDIN_LABEL, stdin_at_most_once};
use std::path::{Path, PathBuf};

pub fn run(files: &[PathBuf]) -> Result<Output> {
    stdin_at_most_once(files.iter().map(|path| path.to_str().unwrap_or_default()))?;
    let mut output = Output::default();
    for given in files {
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
            Err(error) => {
                output.stderr.push_str(&format!("{error}\n"));
                output.code = 1;
            }
        }
    }
    Ok(output)
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
