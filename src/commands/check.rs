//! `routemap check FILES...`: validate routemap files.

use super::Output;
use crate::routemap;
use crate::sanitize;
use std::path::PathBuf;

pub fn run(files: &[PathBuf]) -> Output {
    let mut output = Output::default();
    for path in files {
        match routemap::load_file(path) {
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
    output
}
