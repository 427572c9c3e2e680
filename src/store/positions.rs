//! Where each assessment was left: the focused theme, remembered for the next time it
//! opens (and read by a second screen that follows the facilitator's).

use super::Store;
use super::files;
use super::write::{TEMP_PREFIX, TEMP_SUFFIX};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

impl Store {
    /// Where the focused theme of an assessment is remembered (a second screen watches it).
    pub(crate) fn position_file(&self, assessment_path: &Path) -> PathBuf {
        let absolute =
            fs::canonicalize(assessment_path).unwrap_or_else(|_| assessment_path.to_path_buf());
        // FNV-1a: a stable name for the path, the same in every build.
        let hash = absolute
            .to_string_lossy()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
            });
        self.root.join(".positions").join(format!("{hash:016x}"))
    }

    /// Remembers the focused theme of an assessment, for the next time it opens. Best
    /// effort and not fsynced: losing it loses only the place, never an answer. Written
    /// through a fresh temporary file, and only into a real folder, so a link planted
    /// in `.positions` cannot make it write anywhere else.
    pub fn remember_position(&self, assessment_path: &Path, theme_id: &str) {
        self.remember_place(assessment_path, theme_id, false);
    }

    /// As [`Store::remember_position`], and whether the workshop's summary is open, so
    /// that a second screen shows the read-back when the facilitator does. The file
    /// holds the theme id, then `summary` on a second line when it is open.
    pub fn remember_place(&self, assessment_path: &Path, theme_id: &str, summary: bool) {
        let file = self.position_file(assessment_path);
        let Some(dir) = file.parent() else {
            return;
        };
        let _ = fs::create_dir(dir);
        if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            return;
        }
        let Ok(mut temp) = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)
        else {
            return;
        };
        let text = if summary {
            format!("{theme_id}\nsummary\n")
        } else {
            theme_id.to_string()
        };
        if temp.write_all(text.as_bytes()).is_ok() {
            let _ = temp.persist(&file);
        }
    }

    /// The theme that was focused when the assessment was last left.
    pub fn recall_position(&self, assessment_path: &Path) -> Option<String> {
        self.recall_place(assessment_path).map(|(theme, _)| theme)
    }

    /// The theme focused when the assessment was last left, and whether the workshop's
    /// summary was open.
    pub fn recall_place(&self, assessment_path: &Path) -> Option<(String, bool)> {
        use std::io::Read;
        let path = self.position_file(assessment_path);
        let file = files::no_follow(fs::OpenOptions::new().read(true))
            .open(path)
            .ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        // A theme id, not a file to slurp: a few kilobytes at most.
        let mut text = String::new();
        file.take(64 * 1024).read_to_string(&mut text).ok()?;
        let mut lines = text.lines();
        let theme = lines.next()?.trim().to_string();
        let summary = lines.next().is_some_and(|line| line.trim() == "summary");
        (!theme.is_empty()).then_some((theme, summary))
    }
}
