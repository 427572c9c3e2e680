//! End-to-end: nothing is lost or overwritten unseen when saving goes wrong, driven in a
//! real terminal (tmux) as a user would meet it: a full disk, a file changed by another
//! program, a link, a read-only file, another user, a signal.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use std::fs;
use std::path::Path;
use std::process::Command;
use tmux::{Tmux, read};

/// Replaces a file the way `git pull` or an editor's "save" does: a new file renamed over it.
fn replace_from_outside(path: &Path, text: &str) {
    let temp = path.with_extension("outside");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, path).unwrap();
}

#[test]
fn a_full_disk_is_never_reported_as_saved() {
    let tmux = Tmux::new("full");
    // A file size limit of 2 KiB stands in for a full disk: every write past it fails.
    tmux.start_after("w", "ulimit -f 2;", "new --authority Anytown", 80, 24);
    tmux.wait_for("w", "0/12 answered");
    tmux.begin("w");
    tmux.keys("w", &["2"]);
    tmux.wait_for("w", "1/12 answered");
    tmux.keys("w", &["n"]);
    tmux.wait_for("w", "Notes — Leadership");
    // Typed in pieces, as a person types: crossterm reads at most 1 KiB per wake-up of
    // its edge-triggered poll, so one 3 KiB burst of keys (not a bracketed paste) would
    // wait for the next key press (crossterm-rs/crossterm#1057).
    for _ in 0..5 {
        tmux.type_text("w", &"too many words ".repeat(40));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    tmux.keys("w", &["Escape"]);
    let screen = tmux.wait_for("w", "NOT SAVED");
    assert!(screen.contains("Not saved"), "{screen}");
    // Moving on does not make the failure scroll away.
    tmux.keys("w", &["j", "j"]);
    let screen = tmux.wait_for("w", "3 of 12 themes");
    assert!(
        screen.contains("NOT SAVED") && screen.contains("file too large"),
        "{screen}"
    );
    tmux.keys("w", &["q"]);
    tmux.wait_for("w", "Your last changes are not saved");
    tmux.keys("w", &["Q"]);
    let after = tmux.wait_for("w", "EXIT=1");
    assert!(after.contains("were NOT saved"), "{after}");
    assert!(!after.contains("Saved "), "{after}");
    let file = tmux.saved().remove(0);
    let text = read(&file);
    assert!(text.contains("current: flag-planted"), "{text}");
    // What fitted was saved as it was typed; the rest, reported lost, is not there.
    assert!(text.matches("too many words").count() < 200, "{text}");
}

#[test]
fn a_change_made_outside_is_kept_and_a_conflict_is_never_overwritten() {
    let tmux = Tmux::new("outside");
    let home = tempfile::tempdir().unwrap();
    let before = format!("export HOME='{}';", home.path().display());
    tmux.start_after("w", &before, "new --authority Anytown", 100, 30);
    tmux.wait_for("w", "0/12 answered");
    tmux.begin("w");
    tmux.keys("w", &["1"]);
    tmux.wait_for("w", "1/12 answered");
    let file = tmux.saved().remove(0);

    // Someone else answers Governance (a git pull, say) while the file is open.
    let text = read(&file);
    replace_from_outside(
        &file,
        &format!("{text}  governance:\n    current: on-the-route\n"),
    );
    tmux.keys("w", &["t", "5"]);
    let screen = tmux.wait_for("w", "changed by another program");
    assert!(screen.contains("2/12 answered"), "{screen}");
    let text = read(&file);
    assert!(
        text.contains("  leadership:\n    current: not-started\n    target: destination-reached\n"),
        "{text}"
    );
    assert!(
        text.contains("  governance:\n    current: on-the-route\n"),
        "{text}"
    );

    // Then they change Leadership's stage, and so do we: nothing is written.
    let theirs = read(&file).replace("    current: not-started\n", "    current: on-the-route\n");
    replace_from_outside(&file, &theirs);
    tmux.keys("w", &["2"]);
    let screen = tmux.wait_for("w", "NOT SAVED");
    assert!(
        screen.contains("another program changed Leadership (current) too"),
        "{screen}"
    );
    assert_eq!(read(&file), theirs, "their change is untouched");

    // Quitting offers to write ours elsewhere.
    tmux.keys("w", &["q"]);
    tmux.wait_for("w", "Your last changes are not saved");
    tmux.keys("w", &["w"]);
    tmux.wait_for("w", "~/anytown-unsaved.yaml");
    tmux.keys("w", &["Enter"]);
    let after = tmux.wait_for("w", "EXIT=0");
    assert!(after.contains("your changes were written to"), "{after}");
    let rescued = read(&home.path().join("anytown-unsaved.yaml"));
    assert!(
        rescued.contains(
            "  leadership:\n    current: flag-planted\n    target: destination-reached\n"
        ),
        "{rescued}"
    );
    assert_eq!(read(&file), theirs);
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_once_and_the_lock_is_on_the_file_itself() {
    let tmux = Tmux::new("link");
    let file = tmux.data.path().join("anytown.yaml");
    fs::write(
        &file,
        "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown\n",
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("current.yaml");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    tmux.start("one", &format!("open '{}'", link.display()), 80, 24);
    tmux.wait_for("one", "0/12 answered");
    tmux.begin("one");
    tmux.keys("one", &["3"]);
    tmux.wait_for("one", "1/12 answered");
    assert!(read(&file).contains("current: route-planned"));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    // The file opened by its own name is the same file, so it is locked.
    tmux.start("two", &format!("open '{}'", file.display()), 80, 24);
    tmux.wait_for("two", "READ-ONLY");
    tmux.keys("two", &["q"]);
    tmux.keys("one", &["q"]);
    tmux.wait_for("one", "EXIT=0");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_and_is_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let tmux = Tmux::new("readonly");
    let file = tmux.data.path().join("anytown.yaml");
    let text = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown\n";
    fs::write(&file, text).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    tmux.start("w", "open anytown", 160, 30);
    tmux.wait_for("w", "READ-ONLY");
    tmux.begin("w");
    let screen = tmux.wait_for("w", "READ-ONLY");
    assert!(screen.contains("the file is read-only"), "{screen}");
    tmux.keys("w", &["3"]);
    tmux.wait_for("w", "changes here are not saved");
    tmux.keys("w", &["q"]);
    let after = tmux.wait_for("w", "EXIT=0");
    assert!(after.contains("read-only; nothing was changed"), "{after}");
    assert_eq!(read(&file), text);
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

/// Another user's assessment (root's, in a folder everyone may read) opens read-only
/// for an ordinary user, instead of being replaced by a file that user owns.
#[cfg(unix)]
#[test]
fn another_users_file_opens_read_only() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let is_root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let has_setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !is_root || !has_setpriv {
        eprintln!("skipped: needs root and setpriv to act as a second user");
        return;
    }
    let tmux = Tmux::new("otheruser");
    fs::set_permissions(tmux.data.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let file = tmux.data.path().join("anytown.yaml");
    let text = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown\n";
    fs::write(&file, text).unwrap();
    tmux.start_after(
        "w",
        "export HOME=/tmp; setpriv --reuid=65534 --regid=65534 --clear-groups",
        "open anytown",
        80,
        24,
    );
    tmux.wait_for("w", "READ-ONLY");
    tmux.begin("w");
    let screen = tmux.wait_for("w", "READ-ONLY");
    assert!(screen.contains("belongs to someone else"), "{screen}");
    tmux.keys("w", &["3", "q"]);
    tmux.wait_for("w", "EXIT=0");
    assert_eq!(read(&file), text);
    assert_eq!(fs::metadata(&file).unwrap().uid(), 0, "still root's file");
}

#[test]
fn every_signal_that_ends_the_program_restores_the_terminal_and_cursor() {
    let tmux = Tmux::new("allsignals");
    let mut signals = vec![
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
        ("HUP", 1),
        ("TERM", 15),
        ("QUIT", 3),
        ("INT", 2),
        ("ABRT", 6),
    ];
    if cfg!(all(
        target_os = "linux",
        any(target_arch = "x86_64", target_arch = "aarch64")
    )) {
        signals.extend([("STKFLT", 16), ("PWR", 30)]);
    }
    for (signal, number) in signals {
        let window = signal.to_lowercase();
        tmux.start(&window, "new --authority Anytown", 80, 24);
        tmux.wait_for(&window, "answered");
        assert!(!tmux.cursor_visible(&window), "the walk hides the cursor");
        let pid = tmux.routemap_pid();
        Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        tmux.wait_for(&window, &format!("EXIT={}", 128 + number));
        tmux.wait_until_gone();
        assert!(
            !tmux.alternate_screen_on(&window),
            "SIG{signal} leaves the alternate screen"
        );
        assert!(
            tmux.cursor_visible(&window),
            "SIG{signal} shows the cursor again"
        );
    }
}

#[test]
fn a_bare_start_says_which_saved_files_could_not_be_read() {
    let tmux = Tmux::new("unreadable");
    let broken = tmux.data.path().join("anytown.yaml");
    let text = "format: routemap-assessment/1\nauthority: [\n";
    fs::write(&broken, text).unwrap();
    tmux.start("w", "", 100, 30);
    let screen = tmux.wait_for("w", "Which authority is being assessed?");
    assert!(
        screen.contains("'anytown.yaml' could not be read and was left as it is"),
        "{screen}"
    );
    tmux.keys("w", &["Escape"]);
    tmux.wait_for("w", "EXIT=0");
    assert_eq!(read(&broken), text, "the broken file is untouched");
}

#[test]
fn a_stop_from_outside_gives_the_terminal_back_and_a_continue_takes_it_again() {
    let tmux = Tmux::new("stop");
    tmux.start("w", "new --authority Anytown", 80, 24);
    tmux.wait_for("w", "0/12 answered");
    tmux.begin("w");
    let pid = tmux.routemap_pid();
    Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    let deadline = std::time::Instant::now() + tmux::deadline();
    while tmux.alternate_screen_on("w") {
        assert!(
            std::time::Instant::now() < deadline,
            "the stop restores the screen"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(tmux.cursor_visible("w"), "and shows the cursor");
    Command::new("kill").args(["-CONT", &pid]).status().unwrap();
    let screen = tmux.wait_for("w", "0/12 answered");
    assert!(screen.contains("Leadership"), "redrawn whole:\n{screen}");
    assert!(tmux.alternate_screen_on("w"));
    tmux.keys("w", &["2"]);
    tmux.wait_for("w", "1/12 answered");
    tmux.keys("w", &["q"]);
    tmux.wait_for("w", "EXIT=0");
}

/// A data dir that cannot be written is said before the authority is asked for.
#[cfg(unix)]
#[test]
fn a_data_dir_that_cannot_be_written_is_said_before_any_question() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let is_root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if !is_root {
        eprintln!("skipped: needs root and setpriv to act as a second user");
        return;
    }
    let tmux = Tmux::new("rodir");
    fs::set_permissions(tmux.data.path(), fs::Permissions::from_mode(0o755)).unwrap();
    tmux.start_after(
        "w",
        "export HOME=/tmp; setpriv --reuid=65534 --regid=65534 --clear-groups",
        "new",
        100,
        30,
    );
    let screen = tmux.wait_for("w", "EXIT=1");
    assert!(screen.contains("cannot be written to"), "{screen}");
    assert!(!screen.contains("Which authority"), "{screen}");
}
