//! Driving the real binary in a real terminal: a tmux server of our own (a private
//! socket), one session per window, one temporary data dir.

// Each end-to-end file uses some of these helpers, not all.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long to wait for a screen before failing: 15 s, or `ROUTEMAP_E2E_DEADLINE_SECS`
/// on a slow or loaded machine.
pub fn deadline() -> Duration {
    let seconds = std::env::var("ROUTEMAP_E2E_DEADLINE_SECS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(15);
    Duration::from_secs(seconds)
}

/// One tmux server of our own (a private socket), one session, one temporary data dir.
pub struct Tmux {
    socket: String,
    pub data: tempfile::TempDir,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        let socket = format!("routemap-e2e-{name}-{}", std::process::id());
        Tmux {
            socket,
            data: tempfile::tempdir().unwrap(),
        }
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Starts `routemap ARGS` in a window of the given size; the shell stays afterwards
    /// and prints the exit code, so the screen can be read after the program ends.
    pub fn start(&self, window: &str, args: &str, width: u16, height: u16) {
        self.start_after(window, "", args, width, height);
    }

    /// [`Tmux::start`], with shell commands run first in the same shell (`ulimit -f 4;`).
    pub fn start_after(&self, window: &str, before: &str, args: &str, width: u16, height: u16) {
        let binary = env!("CARGO_BIN_EXE_routemap");
        let command = format!(
            "{before} '{binary}' --data-dir '{}' {args}; echo EXIT=$?; sleep 600",
            self.data.path().display()
        );
        let (w, h) = (width.to_string(), height.to_string());
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg("/dev/null")
            .args(["new-session", "-d", "-s", window, "-x", &w, "-y", &h])
            .arg("-e")
            .arg("TERM=xterm-256color")
            .arg(&command)
            .status()
            .expect("tmux starts");
    }

    pub fn keys(&self, window: &str, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", window, key]);
        }
    }

    /// Sends text literally (no key-name lookup), for non-ASCII input.
    pub fn type_text(&self, window: &str, text: &str) {
        self.tmux(&["send-keys", "-t", window, "-l", text]);
    }

    pub fn screen(&self, window: &str) -> String {
        self.tmux(&["capture-pane", "-p", "-t", window])
    }

    /// Waits until the screen satisfies `ready` and has settled (the same on two
    /// captures in a row, so a frame caught half drawn does not count); fails with the
    /// last screen.
    pub fn wait(&self, window: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + deadline();
        let mut previous = String::new();
        loop {
            let screen = self.screen(window);
            if ready(&screen) && screen == previous {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            previous = screen;
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn wait_for(&self, window: &str, text: &str) -> String {
        self.wait(window, &format!("'{text}'"), |screen| screen.contains(text))
    }

    pub fn cursor_visible(&self, window: &str) -> bool {
        self.tmux(&["display-message", "-p", "-t", window, "#{cursor_flag}"])
            .trim()
            == "1"
    }

    /// Waits for the routemap process of this data dir to be gone.
    pub fn wait_until_gone(&self) {
        let deadline = Instant::now() + deadline();
        while !self.routemap_pid().is_empty() {
            assert!(Instant::now() < deadline, "routemap did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A new assessment opens with "About this routemap"; any key closes it.
    pub fn begin(&self, window: &str) -> String {
        let intro = self.wait_for(window, "any key to begin");
        self.keys(window, &["Enter"]);
        self.wait(window, "the introduction to close", |s| {
            !s.contains("About this routemap")
        });
        intro
    }

    pub fn alternate_screen_on(&self, window: &str) -> bool {
        self.tmux(&["display-message", "-p", "-t", window, "#{alternate_on}"])
            .trim()
            == "1"
    }

    pub fn saved(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.data.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        files
    }

    /// The pid of the routemap process started with this data dir.
    pub fn routemap_pid(&self) -> String {
        let output = Command::new("pgrep")
            .arg("-f")
            .arg(format!(
                "routemap --data-dir {}",
                self.data.path().display()
            ))
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}
