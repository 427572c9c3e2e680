//! What the output is connected to: whether to use colour and how wide to draw.

use std::io::IsTerminal;

/// True when stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// True when the user has asked for no colour (`NO_COLOR` set to anything non-empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Colour for printed output: only on a terminal, and never with NO_COLOR.
pub fn color_for_stdout() -> bool {
    stdout_is_terminal() && !no_color_requested()
}

/// The width to print at: the terminal's, or 80 when piped.
pub fn output_width() -> u16 {
    // Asked only of a terminal: off one, crossterm falls back to running `tput`, which
    // costs more than the rest of `routemap radar` put together.
    if !stdout_is_terminal() {
        return 80;
    }
    match ratatui::crossterm::terminal::size() {
        Ok((columns, _)) if columns >= 20 => columns,
        _ => 80,
    }
}
