//! End-to-end: `routemap new` in a working directory that holds a file named like a
//! routemap id. The id is looked up in the data directory and the built-ins only.
//!
//! The tmux driving is kept to the few steps this test needs (a private socket, a
//! session started in a chosen directory, waiting for the screen).

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.run(&["capture-pane", "-p", "-t", "one"]);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for '{text}'; the screen was:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn new_ignores_a_file_named_like_a_routemap_in_the_working_directory() {
    let data = tempfile::tempdir().unwrap();
    let stray = tempfile::tempdir().unwrap();
    let impostor = include_str!("../assessments/procurement-and-sourcing.yaml")
        .replace("id: procurement-and-sourcing", "id: planting-the-flag");
    std::fs::write(stray.path().join("planting-the-flag"), impostor).unwrap();
    let tmux = Tmux {
        socket: format!("routemap-e2e-lookup-{}", std::process::id()),
    };
    let command = format!(
        "'{}' --data-dir '{}' new --authority Anytown --routemap planting-the-flag; echo EXIT=$?; sleep 600",
        env!("CARGO_BIN_EXE_routemap"),
        data.path().display()
    );
    let directory = stray.path().to_str().unwrap();
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "one",
        "-x",
        "100",
        "-y",
        "30",
        "-c",
        directory,
        "-e",
        "TERM=xterm-256color",
        &command,
    ]);
    let screen = tmux.wait_for("0/12 answered");
    assert!(screen.contains("Leadership"), "{screen}");
    tmux.run(&["send-keys", "-t", "one", "q"]);
    tmux.wait_for("EXIT=0");
    assert!(
        !Path::new(&data.path().join("routemaps")).exists(),
        "nothing was copied from the working directory"
    );
}
