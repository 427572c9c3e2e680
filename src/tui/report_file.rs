//! The report key (`p`): the report of the assessment on screen, written as markdown and
//! HTML into the data directory's `reports/` folder, named after the saved file. These
//! are routemap's own output, rewritten each time; nothing else is ever written there.

use crate::error::Result;
use crate::report::{self, Report};
use crate::store::{self, Store};
use crate::tui::state::State;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of the data directory the report key writes into.
pub const REPORTS_DIR: &str = "reports";

fn report_of(path: &Path, state: &State, stand_in: bool) -> Report {
    let mismatches = if stand_in {
        Vec::new()
    } else {
        state.mismatches.clone()
    };
    report::build(report::Input {
        path,
        assessment: &state.assessment,
        routemap: &state.routemap,
        stand_in,
        mismatches: &mismatches,
        movement: None,
        previous: None,
        role: None,
    })
}

/// Writes `<data dir>/reports/<name>.md` and `.html`; their paths.
pub fn write(store: &Store, path: &Path, state: &State, stand_in: bool) -> Result<[PathBuf; 2]> {
    let report = report_of(path, state, stand_in);
    let stem = path.file_stem().map_or_else(
        || "report".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let dir = store.root().join(REPORTS_DIR);
    let markdown = dir.join(format!("{stem}.md"));
    let html = dir.join(format!("{stem}.html"));
    let markdown_text = report::to_markdown(&report);
    store::write_atomic(&markdown, |file| file.write_all(markdown_text.as_bytes()))?;
    let html_text = report::to_html(&report);
    store::write_atomic(&html, |file| file.write_all(html_text.as_bytes()))?;
    Ok([markdown, html])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Assessment, Current};
    use crate::builtin;
    use crate::clock::Timestamp;

    #[test]
    fn both_files_go_into_the_reports_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        let routemap = builtin::planting_the_flag();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadership").current =
            Some(Current::Stage("flag-planted".into()));
        let state = State::new(routemap, assessment, "anytown.yaml".into());
        let [markdown, html] =
            write(&store, &dir.path().join("anytown.yaml"), &state, false).unwrap();
        assert_eq!(markdown, dir.path().join("reports/anytown.md"));
        assert!(
            std::fs::read_to_string(&markdown)
                .unwrap()
                .starts_with("# Maturity report: Anytown")
        );
        assert!(
            std::fs::read_to_string(&html)
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        );
        assert!(
            store.list().is_empty(),
            "reports are not listed as assessments"
        );
    }
}
