//! `routemap git-diff`: `routemap diff` as git's external diff driver. Git calls it with
//! seven arguments (path, old file, old hash, old mode, new file, new hash, new mode),
//! or nine for a rename or copy (the same, then the new path and git's similarity lines);
//! a side that does not exist is `/dev/null`. See the README for the one-time set-up.

use super::Output;
use super::diff::compute;
use crate::error::{Error, Result};
use crate::sanitize;
use crate::store::Store;
use crate::term;

/// What git says about one file pair.
struct Pair<'a> {
    path: &'a str,
    old: &'a str,
    new: &'a str,
    /// For a rename or copy: the new path and git's similarity lines.
    renamed: Option<(&'a str, &'a str)>,
}

fn pair(args: &[String]) -> Result<Pair<'_>> {
    match args {
        [path, old, _, _, new, _, _] => Ok(Pair {
            path,
            old,
            new,
            renamed: None,
        }),
        [path, old, _, _, new, _, _, new_path, info] => Ok(Pair {
            path,
            old,
            new,
            renamed: Some((new_path, info)),
        }),
        _ => Err(Error::Usage(format!(
            "git-diff is git's diff driver and takes the 7 or 9 arguments git gives it, not {}; run 'routemap diff A B' yourself",
            args.len()
        ))),
    }
}

/// The first line: the file, and for a rename where it went and how alike they are.
fn header(pair: &Pair) -> String {
    let path = sanitize::line(pair.path);
    match pair.renamed {
        None => format!("routemap diff {path}\n"),
        Some((new_path, info)) => {
            // Git's lines read "similarity index 90%", "rename from …", "rename to …"
            // (or "copy from …"): the first says how alike, the others which it was.
            let similarity = info
                .lines()
                .find(|line| line.starts_with("similarity index"))
                .map(|line| format!(", {}", sanitize::line(line.trim())))
                .unwrap_or_default();
            let how = if info.lines().any(|line| line.starts_with("copy ")) {
                "copied"
            } else {
                "renamed"
            };
            format!(
                "routemap diff {path} → {} ({how}{similarity})\n",
                sanitize::line(new_path)
            )
        }
    }
}

pub fn run(store: &Store, args: &[String]) -> Result<Output> {
    let pair = pair(args)?;
    let header = header(&pair);
    let (old, new) = (pair.old, pair.new);
    if old == "/dev/null" || new == "/dev/null" {
        let what = if old == "/dev/null" { "new" } else { "deleted" };
        return Ok(Output::stdout(format!("{header}({what} assessment)\n")));
    }
    // Git's temporary copies have odd names, so they are read as paths, never names.
    let as_path = |file: &str| {
        if file.contains('/') {
            file.to_string()
        } else {
            format!("./{file}")
        }
    };
    // Git runs the driver for every file the attributes name; one that is not an
    // assessment gets a word, not a failure that stops the whole `git diff`.
    let mut diff = match compute(store, &as_path(old), &as_path(new)) {
        Ok(diff) => diff,
        Err(error) => {
            return Ok(Output::stdout(format!(
                "{header}(not compared: {error}; 'git diff --no-ext-diff' shows the plain text)\n"
            )));
        }
    };
    // Git's temporary files mean nothing to the reader: each side is named by the
    // tracked file it stands for, before anything is drawn.
    let new_path = pair.renamed.map_or(pair.path, |(new_path, _)| new_path);
    diff.before.path = format!("a/{}", pair.path).into();
    diff.after.path = format!("b/{new_path}").into();
    let text = crate::diff::to_text_fitted(
        &diff,
        &crate::diff::TextLayout {
            verbose: true,
            colors: term::stdout_colors(),
            width: usize::from(term::output_width()),
            ascii: false,
        },
    );
    Ok(Output::stdout(format!("{header}{text}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn seven_or_nine_arguments_and_nothing_else() {
        let seven = args(&["a.yaml", "/tmp/x", "0", "100644", "a.yaml", "0", "100644"]);
        assert!(pair(&seven).is_ok_and(|p| p.renamed.is_none()));
        let mut nine = seven.clone();
        nine.extend(args(&[
            "b.yaml",
            "similarity index 93%\nrename from a.yaml\n",
        ]));
        let renamed = pair(&nine).unwrap();
        assert_eq!(
            header(&renamed),
            "routemap diff a.yaml → b.yaml (renamed, similarity index 93%)\n"
        );
        for count in [0, 6, 8, 10] {
            let wrong = args(&vec!["x"; count]);
            let message = pair(&wrong).err().unwrap().to_string();
            assert!(message.contains("7 or 9 arguments"), "{message}");
        }
    }

    #[test]
    fn a_copy_says_so() {
        let mut nine = args(&["a.yaml", "/tmp/x", "0", "100644", "/tmp/y", "0", "100644"]);
        nine.extend(args(&[
            "c.yaml",
            "similarity index 100%\ncopy from a.yaml\ncopy to c.yaml\n",
        ]));
        assert_eq!(
            header(&pair(&nine).unwrap()),
            "routemap diff a.yaml → c.yaml (copied, similarity index 100%)\n"
        );
    }
}
