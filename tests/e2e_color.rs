//! End-to-end, on a real terminal (tmux): colour is on by default and off under
//! `NO_COLOR`, `CLICOLOR=0`, `TERM=dumb` and `--color never`, for routemap's output and
//! clap's errors alike; the width is the terminal's; hints are shown on a terminal.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/tmux.rs"]
mod tmux;

use tmux::Tmux;

const SAVED: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2.0\" }
authority: Anytown Borough Council
answers:
  leadership: { current: flag-planted, target: on-the-route }
  governance: { current: route-planned }
  shared-services: { current: on-the-route }
";

/// Runs `radar`, then a command line clap refuses, in a terminal of `width` columns with
/// `env` set; returns the screen with its colours as escape codes.
fn screen_of(tmux: &Tmux, window: &str, env: &str, flag: &str, width: u16) -> String {
    let binary = env!("CARGO_BIN_EXE_routemap");
    let data = tmux.data.path().display().to_string();
    let script = format!(
        "unset CI NO_COLOR CLICOLOR CLICOLOR_FORCE COLORTERM COLUMNS; export {env}; \
         '{binary}' --data-dir '{data}' {flag} radar anytown; \
         '{binary}' --data-dir '{data}' {flag} diff only-one; echo DONE; sleep 600"
    );
    tmux.tmux(&[
        "new-session",
        "-d",
        "-s",
        window,
        "-x",
        &width.to_string(),
        "-y",
        "60",
        "sh",
        "-c",
        &script,
    ]);
    tmux.wait_for(window, "DONE");
    tmux.tmux(&["capture-pane", "-e", "-p", "-t", window])
}

/// Whether any text on the screen is coloured (a foreground colour code).
fn coloured(screen: &str) -> bool {
    screen.contains("\u{1b}[3") || screen.contains("\u{1b}[9") || screen.contains(";3")
}

#[test]
fn colour_on_a_terminal_follows_the_environment_for_routemap_and_clap() {
    let tmux = Tmux::new("color");
    std::fs::write(tmux.data.path().join("anytown.yaml"), SAVED).unwrap();
    let cases = [
        ("plain", "TERM=xterm-256color", "", true),
        ("dumb", "TERM=dumb", "", false),
        ("clicolor", "TERM=xterm-256color CLICOLOR=0", "", false),
        ("nocolor", "TERM=xterm-256color NO_COLOR=1", "", false),
        ("never", "TERM=xterm-256color", "--color never", false),
        ("always", "TERM=dumb", "--color always", true),
    ];
    for (window, env, flag, expected) in cases {
        let screen = screen_of(&tmux, window, env, flag, 100);
        let (radar, clap) = screen
            .split_once("error:")
            .or_else(|| screen.split_once("\u{1b}[1m\u{1b}[31merror"))
            .unwrap_or((&screen, ""));
        assert!(screen.contains("Leadership"), "{window}:\n{screen}");
        assert!(screen.contains("required arguments"), "{window}:\n{screen}");
        assert_eq!(coloured(radar), expected, "{window}: the radar\n{screen:?}");
        let clap_coloured = screen.contains("\u{1b}[1m\u{1b}[31merror")
            || screen.contains("\u{1b}[31m\u{1b}[1merror")
            || clap.contains("\u{1b}[");
        assert_eq!(clap_coloured, expected, "{window}: clap\n{screen:?}");
    }
}

#[test]
fn the_width_is_the_terminals_and_hints_show_on_a_terminal() {
    let tmux = Tmux::new("width");
    std::fs::write(tmux.data.path().join("anytown.yaml"), SAVED).unwrap();
    let screen = screen_of(&tmux, "narrow", "TERM=xterm", "--color never", 50);
    let plain = tmux.screen("narrow");
    let radar: Vec<&str> = plain.lines().take_while(|l| !l.contains("error")).collect();
    assert!(radar.len() > 10, "{screen}");
    assert!(
        radar
            .iter()
            .all(|line| line.trim_end().chars().count() <= 50),
        "{plain}"
    );
    assert!(radar[0].ends_with('…'), "the header is cut to 50: {plain}");

    let empty = Tmux::new("hint");
    empty.start("list", "list", 100, 10);
    let screen = empty.wait_for("list", "EXIT=");
    assert!(
        screen.contains("No saved assessments in") && screen.contains("EXIT=0"),
        "{screen}"
    );
}
