//! The file an open assessment saves to, guarded against writing over someone else's
//! change.
//!
//! It remembers what it last read or wrote (the assessment and the file's [`Stamp`]).
//! Before each save it looks again: when the file is no longer what it left there, the
//! file is read and this session's changes are re-applied on top of it
//! ([`crate::assessment::reapply`]); when they conflict, nothing is written and the
//! caller is told, so that nothing someone else wrote is ever overwritten unseen.

use super::files::Stamp;
use crate::assessment::{self, Assessment, Conflict};
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An assessment's file and what this session last knew of it.
#[derive(Debug)]
pub struct SavedFile {
    /// The file's real path: a symbolic link is resolved once, when it is opened, so that
    /// the lock and every save go to the file itself and the link stays a link.
    path: PathBuf,
    /// The assessment as it is on disk, as far as this session knows.
    base: Assessment,
    /// The file as it was when last read or written; `None` when it did not exist.
    stamp: Option<Stamp>,
}

/// What a save did, when it worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written; the file was as this session left it.
    Written,
    /// Someone else had changed the file; their changes were kept and this session's
    /// applied on top. The assessment passed in now holds both.
    Reapplied,
    /// The file had been deleted or moved away; it was written again.
    Recreated,
}

/// Why a save did not happen. Nothing was written in any case.
#[derive(Debug)]
pub enum NotSaved {
    /// The write failed (disk full, permissions, …).
    Failed(Error),
    /// The file was changed by someone else in the same places as this session.
    Conflict(Vec<Conflict>),
    /// The file was changed by someone else and cannot be read now (half-written by an
    /// editor, or broken): this session will not guess.
    Unreadable(Error),
    /// The file was replaced by a link or something that is not a file: writing would
    /// replace it rather than go where it now points.
    Replaced,
    /// The file's permissions were changed so that it may not be written.
    MadeReadOnly(String),
}

/// A failed save in words: a short line for the status bar, and the whole story for the
/// question asked on quitting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveProblem {
    pub short: String,
    pub detail: String,
}

impl SavedFile {
    /// The file at `path` (resolved to its real path), which holds `assessment` now.
    pub fn open(path: &Path, assessment: &Assessment) -> SavedFile {
        let path = real_path(path);
        SavedFile {
            stamp: Stamp::of(&path).ok(),
            base: assessment.clone(),
            path,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `ours`, re-applying it on top of the file when someone else changed it
    /// (then `ours` becomes the combined assessment, in routemap order).
    pub fn save(&mut self, ours: &mut Assessment, routemap: &Routemap) -> Result<Saved, NotSaved> {
        let mut outcome = Saved::Written;
        let observed = Stamp::of(&self.path).ok();
        if observed != self.stamp {
            if let Ok(metadata) = std::fs::symlink_metadata(&self.path) {
                if !metadata.is_file() {
                    return Err(NotSaved::Replaced);
                }
                if let Some(reason) = super::why_not_writable(&self.path) {
                    return Err(NotSaved::MadeReadOnly(reason));
                }
            }
            if observed.is_none() {
                outcome = Saved::Recreated;
            } else {
                let theirs = super::load_assessment(&self.path).map_err(NotSaved::Unreadable)?;
                if theirs != self.base {
                    let mut merged = assessment::reapply(&self.base, ours, &theirs)
                        .map_err(NotSaved::Conflict)?;
                    merged.order_by(routemap);
                    *ours = merged;
                    outcome = Saved::Reapplied;
                }
                self.base = theirs;
            }
        }
        let mut text = assessment::to_yaml(ours);
        // A file that starts with a byte order mark (some Windows editors write one)
        // keeps it: it is read past, and the file stays as its editor made it.
        if starts_with_bom(&self.path) {
            text.insert(0, '\u{feff}');
        }
        let path = self.path.clone();
        super::write_atomic_checked(
            &self.path,
            |file| file.write_all(text.as_bytes()),
            // The last look, just before the rename: a change made while the new file
            // was being written is not overwritten either.
            || {
                if Stamp::of(&path).ok() == observed {
                    Ok(())
                } else {
                    Err(io::Error::other(
                        "another program changed the file while it was being saved; the next change tries again",
                    ))
                }
            },
        )
        .map_err(NotSaved::Failed)?;
        self.stamp = Stamp::of(&self.path).ok();
        self.base = ours.clone();
        Ok(outcome)
    }
}

/// The real path of a file that exists; the path as given otherwise.
/// True when the file at `path` begins with UTF-8's byte order mark.
fn starts_with_bom(path: &Path) -> bool {
    let Ok(file) = super::open_to_read(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(3);
    let read = io::Read::read_to_end(&mut io::Read::take(file, 3), &mut head);
    read.is_ok() && head == "\u{feff}".as_bytes()
}

pub fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl NotSaved {
    /// What went wrong, for the status line (short, so the reason is never cut off) and
    /// for the question on quitting (the whole story, naming the file).
    pub fn describe(&self, path: &Path, routemap: &Routemap) -> SaveProblem {
        let file = crate::sanitize::path(path);
        let (short, detail) = match self {
            NotSaved::Failed(error) => {
                let reason = match error {
                    Error::Write { reason, .. } => reason.clone(),
                    other => other.to_string(),
                };
                (
                    format!("Not saved: {reason}. The next change tries again; q for choices."),
                    format!("'{file}' could not be written: {reason}. The file on disk is as it was before your last changes."),
                )
            }
            NotSaved::Unreadable(_) => (
                "Not saved: another program left the file unreadable; once it is fixed the next change saves.".to_string(),
                format!("'{file}' was changed by another program and cannot be read now, so it was not written over; fix or restore it and the next change saves."),
            ),
            NotSaved::Replaced => (
                "Not saved: the file was replaced by a link or a non-file; reopen it to go on.".to_string(),
                format!("'{file}' was replaced by a link or something that is not a file while it was open; it was left as it is."),
            ),
            NotSaved::MadeReadOnly(reason) => (
                format!("Not saved: {reason}."),
                format!("'{file}' may no longer be written: {reason}. It was left as it is."),
            ),
            NotSaved::Conflict(conflicts) => {
                let places = conflict_places(conflicts, routemap);
                (
                    format!("Not saved: another program changed {places} too; q for choices."),
                    format!("'{file}' was changed by another program in the same place as you ({places}); nothing was written over their change."),
                )
            }
        };
        SaveProblem {
            short: crate::sanitize::line(&short).into_owned(),
            detail: crate::sanitize::line(&detail).into_owned(),
        }
    }
}

/// "Leadership (current), title": where both sides changed the same thing.
fn conflict_places(conflicts: &[Conflict], routemap: &Routemap) -> String {
    let places: Vec<String> = conflicts
        .iter()
        .map(|conflict| match &conflict.theme {
            Some(theme) => {
                let name = routemap
                    .theme_index(theme)
                    .and_then(|index| routemap.themes.get(index))
                    .map_or(theme.as_str(), |theme| theme.name.as_str());
                format!("{name} ({})", conflict.field)
            }
            None => format!("the {}", conflict.field),
        })
        .collect();
    places.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Current;
    use crate::builtin;
    use crate::clock::Timestamp;
    use std::fs;

    fn setup() -> (tempfile::TempDir, PathBuf, Assessment, Routemap) {
        let dir = tempfile::tempdir().unwrap();
        let routemap = builtin::planting_the_flag();
        let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        let path = dir.path().join("anytown.yaml");
        super::super::save_assessment(&path, &assessment).unwrap();
        (dir, path, assessment, routemap)
    }

    fn stage(id: &str) -> Option<Current> {
        Some(Current::Stage(id.into()))
    }

    #[test]
    fn a_byte_order_mark_is_kept() {
        let (_dir, path, mut ours, routemap) = setup();
        // Saved by an editor that starts UTF-8 files with a byte order mark.
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let mut file = SavedFile::open(&path, &ours);
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        file.save(&mut ours, &routemap).unwrap();
        let saved = fs::read_to_string(&path).unwrap();
        assert!(
            saved.starts_with("\u{feff}format: routemap-assessment/1\n"),
            "{saved:?}"
        );
        assert_eq!(super::super::load_assessment(&path).unwrap(), ours);
        // And a file without one gets none.
        let text = saved.trim_start_matches('\u{feff}').to_string();
        fs::write(&path, &text).unwrap();
        let mut file = SavedFile::open(&path, &ours);
        ours.answer_mut(&routemap, "leadership").current = stage("route-planned");
        file.save(&mut ours, &routemap).unwrap();
        assert!(fs::read_to_string(&path).unwrap().starts_with("format:"));
    }

    #[test]
    fn a_change_made_outside_is_kept_and_ours_applied_on_top() {
        let (_dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        // Someone edits the file (git pull, an editor) while it is open.
        let mut theirs = ours.clone();
        theirs.answer_mut(&routemap, "governance").current = stage("route-planned");
        super::super::save_assessment(&path, &theirs).unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        assert_eq!(file.save(&mut ours, &routemap).unwrap(), Saved::Reapplied);
        let on_disk = super::super::load_assessment(&path).unwrap();
        assert_eq!(
            on_disk.answer("governance").unwrap().current,
            stage("route-planned")
        );
        assert_eq!(
            on_disk.answer("leadership").unwrap().current,
            stage("flag-planted")
        );
        assert_eq!(on_disk, ours, "the session now holds both changes");
        ours.answer_mut(&routemap, "leadership").target = Some("destination".into());
        assert_eq!(file.save(&mut ours, &routemap).unwrap(), Saved::Written);
    }

    #[test]
    fn a_conflicting_change_made_outside_is_never_overwritten() {
        let (_dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        let mut theirs = ours.clone();
        theirs.answer_mut(&routemap, "leadership").current = stage("route-planned");
        super::super::save_assessment(&path, &theirs).unwrap();
        let before = fs::read(&path).unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        let refused = file.save(&mut ours, &routemap).unwrap_err();
        assert!(matches!(&refused, NotSaved::Conflict(c) if c.len() == 1));
        assert_eq!(fs::read(&path).unwrap(), before);
        let said = refused.describe(&path, &routemap);
        assert_eq!(
            said.short,
            "Not saved: another program changed Leadership (current) too; q for choices."
        );
        assert!(
            said.detail
                .contains("in the same place as you (Leadership (current))"),
            "{said:?}"
        );
    }

    #[test]
    fn a_file_broken_outside_is_not_overwritten() {
        let (_dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        fs::write(&path, "format: routemap-assessment/1\nauthority: [\n").unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        assert!(matches!(
            file.save(&mut ours, &routemap),
            Err(NotSaved::Unreadable(_))
        ));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "format: routemap-assessment/1\nauthority: [\n"
        );
    }

    #[test]
    fn a_file_deleted_outside_is_written_again() {
        let (_dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        fs::remove_file(&path).unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        assert_eq!(file.save(&mut ours, &routemap).unwrap(), Saved::Recreated);
        assert_eq!(super::super::load_assessment(&path).unwrap(), ours);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_turned_into_a_link_while_open_is_not_replaced() {
        let (dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        let moved = dir.path().join("shared.yaml");
        fs::rename(&path, &moved).unwrap();
        std::os::unix::fs::symlink(&moved, &path).unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        assert!(matches!(
            file.save(&mut ours, &routemap),
            Err(NotSaved::Replaced)
        ));
        assert!(
            fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_made_read_only_while_open_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path, mut ours, routemap) = setup();
        let mut file = SavedFile::open(&path, &ours);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let before = fs::read(&path).unwrap();
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        let refused = file.save(&mut ours, &routemap).unwrap_err();
        assert!(matches!(refused, NotSaved::MadeReadOnly(_)));
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_file_stays_a_link_and_the_file_itself_is_saved() {
        let (dir, path, mut ours, routemap) = setup();
        let link = dir.path().join("current.yaml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let mut file = SavedFile::open(&link, &ours);
        assert_eq!(file.path(), fs::canonicalize(&path).unwrap());
        ours.answer_mut(&routemap, "leadership").current = stage("flag-planted");
        file.save(&mut ours, &routemap).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(super::super::load_assessment(&link).unwrap(), ours);
    }
}
