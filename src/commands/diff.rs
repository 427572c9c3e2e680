//! `routemap diff A B [--format text|markdown|json] [--fail-on-regression] [--verbose]
//! [--ascii] [--width N]`; either of A and B may be `-`, standard input.

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
    pub ascii: bool,
    pub width: Option<u16>,
}

/// Opens both assessments and compares them against the later one's routemap.
pub fn compute(store: &Store, before: &str, after: &str) -> Result<Diff> {
    crate::store::stdin_at_most_once([before, after])?;
    let old = store.open_assessment_or_stdin(before)?;
    let new = store.open_assessment_or_stdin(after)?;
    diff::compare(
        &new.routemap,
        (&old.path, &old.assessment),
        (&new.path, &new.assessment),
    )
}

pub fn run(store: &Store, args: &DiffArgs) -> Result<Output> {
    let diff = compute(store, args.before, args.after)?;
    let text = match args.format {
        DiffFormat::Text => diff::to_text_fitted(
            &diff,
            &diff::TextLayout {
                verbose: args.verbose,
                colors: term::stdout_colors(),
                width: usize::from(term::output_width_for(args.width)),
                ascii: args.ascii,
            },
        ),
        DiffFormat::Markdown => diff::to_markdown(&diff, args.verbose),
        DiffFormat::Json => diff::to_json(&diff),
    };
    let mut output = Output::stdout(text);
    if args.fail_on_regression && diff.has_regression() {
        output.code = REGRESSION_EXIT;
    }
    Ok(output)
}
