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
    if let Some(warning) = newer_first(&diff, args) {
        output.stderr.push_str(&warning);
    }
    if args.fail_on_regression && diff.has_regression() {
        output.code = REGRESSION_EXIT;
    }
    Ok(output)
}

/// A word when the first assessment was updated after the second: a diff reads "from
/// before to after", so swapped arguments would show every rise as a fall. Said on
/// stderr, and the diff still given: comparing backwards can be meant.
fn newer_first(diff: &Diff, args: &DiffArgs) -> Option<String> {
    // Both are RFC 3339 in UTC, written the one way, so they order as text.
    let (before, after) = (
        diff.before.updated.as_deref()?,
        diff.after.updated.as_deref()?,
    );
    if before <= after {
        return None;
    }
    let day = |at: &str| at.get(..10).unwrap_or(at).to_string();
    // Named as the user named them, so the command to run instead is theirs swapped.
    let (first, second) = (
        crate::sanitize::line(args.before),
        crate::sanitize::line(args.after),
    );
    Some(format!(
        "warning: the first assessment, '{first}' (updated {}), is newer than the second, '{second}' (updated {}): rises show as falls; to see the change since the older one, run 'routemap diff {second} {first}'.\n",
        day(before),
        day(after),
    ))
}
