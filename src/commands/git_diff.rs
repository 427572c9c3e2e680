//! `routemap git-diff`: `routemap diff` as git's external diff driver. Git calls it with
//! seven arguments (path, old file, old hash, old mode, new file, new hash, new mode);
//! a side that does not exist is `/dev/null`. See the README for the one-time set-up.

use super::Output;
use super::diff::compute;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::term;

pub fn run(store: &Store, args: &[String]) -> Result<Output> {
    let [path, old, _, _, new, _, _] = args else {
        return Err(Error::Usage(format!(
            "git-diff is git's diff driver and takes the 7 arguments git gives it, not {}; run 'routemap diff A B' yourself",
            args.len()
        )));
    };
    let header = format!("routemap diff {path}\n");
    if old == "/dev/null" || new == "/dev/null" {
        let what = if old == "/dev/null" { "new" } else { "deleted" };
        return Ok(Output::stdout(format!("{header}({what} assessment)\n")));
    }
    // Git's temporary copies have odd names, so they are read as paths, never names.
    let as_path = |file: &String| {
        if file.contains('/') {
            file.clone()
        } else {
            format!("./{file}")
        }
    };
    // Git runs the driver for every file the attributes name; one that is not an
    // assessment gets a word, not a failure that stops the whole `git diff`.
    let diff = match compute(store, &as_path(old), &as_path(new)) {
        Ok(diff) => diff,
        Err(error) => {
            return Ok(Output::stdout(format!(
                "{header}(not compared: {error}; 'git diff --no-ext-diff' shows the plain text)\n"
            )));
        }
    };
    let mut text = crate::diff::to_text(&diff, true, term::color_for_stdout());
    // Git's temporary files mean nothing to the reader; name the tracked file instead.
    text = text.replacen(
        &diff.before.path.display().to_string(),
        &format!("a/{path}"),
        1,
    );
    text = text.replacen(
        &diff.after.path.display().to_string(),
        &format!("b/{path}"),
        1,
    );
    Ok(Output::stdout(format!("{header}{text}")))
}
