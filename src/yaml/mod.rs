//! The YAML layer shared by routemaps and saved assessments: reading a file as text
//! (bounded), checking a text before serde_yaml sees it, turning serde_yaml's errors into
//! sentences with a fix, finding the line of a node for errors found after parsing,
//! order-keeping maps, and the canonical emitter.
//!
//! Every serde_yaml call of the crate lives here, in `routemap/`, `assessment/` or
//! `store.rs`, so the rest of the program never sees YAML.

mod de;
mod emit;
mod humanize;
mod locate;
mod preflight;
mod raw_text;
mod read;
#[cfg(test)]
mod reparse;
mod scan;
mod tree;

pub use de::{OneOrMany, OrderedMap};
pub use emit::{Emitter, flow_plain_or_quoted, plain_or_quoted, quoted};
pub use humanize::humanize;
pub use locate::{NodePath, PathProblem, Segment, locate, locate_problems};
pub use preflight::{MAX_DEPTH, preflight};
pub use raw_text::scalar_texts;
pub(crate) use read::is_fifo;
pub use read::{MAX_ASSESSMENT_BYTES, MAX_ROUTEMAP_BYTES, read_text};

use crate::error::{Error, Location, Result};
use std::path::Path;

/// Checks bytes are UTF-8 text, pointing at the first bad byte when they are not.
pub fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |tail| tail.chars().count()) + 1;
        Error::invalid_one(
            path,
            Some(Location { line, column }),
            "this is not UTF-8 text (a binary file, or text in another encoding); save the file as UTF-8 YAML",
        )
    })
}

/// True when a YAML text holds no content: only whitespace and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim_start_matches('\u{feff}').trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_only_comments_and_whitespace() {
        assert!(is_blank(""));
        assert!(is_blank("# a comment\n\n   \n---\n"));
        assert!(!is_blank("id: x\n"));
    }

    #[test]
    fn binary_is_reported_with_its_position() {
        let error = text_from_bytes(Path::new("f.yaml"), b"ok\nab\xff\xfe".to_vec());
        let message = match error {
            Err(error) => error.to_string(),
            Ok(_) => String::new(),
        };
        assert!(
            message.starts_with("f.yaml:2:3: this is not UTF-8 text"),
            "{message}"
        );
    }
}
