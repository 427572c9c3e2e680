//! `routemap completions SHELL` and `routemap man [--dir DIR]`: generated from the
//! command definitions, so they cannot fall out of step with the program.

use super::Output;
use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::path::Path;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "routemap", &mut script);
    Output::stdout(String::from_utf8_lossy(&script).into_owned())
}

/// The man page on stdout, or (with `dir`) every page written into `dir`.
pub fn man(dir: Option<&Path>) -> Result<Output> {
    let command = Cli::command();
    match dir {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(|error| Error::write(Path::new("-"), &error))?;
            Ok(Output::stdout(String::from_utf8_lossy(&page).into_owned()))
        }
        Some(dir) => {
            let mut command = command.disable_help_subcommand(true);
            command.build();
            let pages: Vec<clap::Command> = std::iter::once(command.clone())
                .chain(command.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
                .collect();
            for page in &pages {
                let man = clap_mangen::Man::new(page.clone());
                let path = dir.join(man.get_filename());
                // Atomic, through a fresh temporary file: a link planted at the page's
                // name is replaced, never written through.
                crate::store::write_atomic(&path, |file| man.render(file))?;
            }
            Ok(Output {
                stderr: format!(
                    "Wrote {} man pages into '{}'; 'man routemap' reads them when that folder is on the manual path.\n",
                    pages.len(),
                    crate::sanitize::path(dir)
                ),
                ..Output::default()
            })
        }
    }
}
