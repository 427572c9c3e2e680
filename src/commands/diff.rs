//! `routemap diff A B [--format text|markdown|json] [--fail-on-regression] [--verbose]`.

use super::Output;
use crate::cli::DiffFormat;
use crate::diff::{self, Diff};
use crate::error::Result;
use crate::store::Store;
use crate::term;

/// Exit status when `--fail-on-regression` finds a theme that went down.
pub const REGRESSION_EXIT: i32 = 3;

pub struct DiffArgs<'a> {
    pub before: &'a str,
    pub after: &'a str,
    pub format: DiffFormat,
    pub fail_on_regression: bool,
    pub verbose: bool,
}

/// Opens both assessments and compares them against the later one's routemap.
pub fn compute(store: &Store, before: &str, after: &str) -> Result<Diff> {
    let old = store.open_assessment(before)?;
    let new = store.open_assessment(after)?;
    diff::compare(
        &new.routemap,
        (&old.path, &old.assessment),
        (&new.path, &new.assessment),
    )
}

pub fn run(store: &Store, args: &DiffArgs) -> Result<Output> {
    let diff = compute(store, args.before, args.after)?;
    let text = match args.format {
        DiffFormat::Text => diff::to_text(&diff, args.verbose, term::color_for_stdout()),
        DiffFormat::Markdown => diff::to_markdown(&diff, args.verbose),
        DiffFormat::Json => diff::to_json(&diff),
    };
    let mut output = Output::stdout(text);
    if args.fail_on_regression && diff.has_regression() {
        output.code = REGRESSION_EXIT;
    }
    Ok(output)
}
