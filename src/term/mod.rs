//! What the output is connected to: whether to use colour, how many colours, and how
//! wide to draw. Every command and the full-screen program ask here, so one rule holds
//! everywhere (clap's own help and errors included).

mod color;
mod width;

pub use color::{ColorWhen, Colors, color_in_args, fit, set_color_choice, sgr, stdout_colors};
pub use width::{
    MAX_WIDTH, MIN_WIDTH, choose_width, listing_width_for, output_width_for, terminal_columns,
};

use std::io::IsTerminal;

/// True when stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// True when stderr is a terminal: hints meant for a person go there, and only then.
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Colour for printed output, by the rules of [`stdout_colors`].
pub fn color_for_stdout() -> bool {
    stdout_colors().on()
}

/// The width to print at when no `--width` was given: see [`output_width_for`].
pub fn output_width() -> u16 {
    output_width_for(None)
}
