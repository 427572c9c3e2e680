//! How wide to print: `--width N`, else `COLUMNS`, else the terminal's width, else 80.
//!
//! The terminal is asked directly (an ioctl on stdout), never through a child process
//! such as `tput`: a command that prints text starts nothing else.

/// The narrowest and widest output drawn; a width outside is brought inside.
pub const MIN_WIDTH: u16 = 20;
pub const MAX_WIDTH: u16 = 1000;
const FALLBACK: u16 = 80;

/// The width to print at: `flag` when given, else `COLUMNS`, else stdout's terminal.
pub fn output_width_for(flag: Option<u16>) -> u16 {
    choose_width(
        flag,
        std::env::var("COLUMNS").ok().as_deref(),
        terminal_columns,
    )
}

/// The width for a listing (`list`): as [`output_width_for`], except that printed into a
/// pipe or file with no width asked for it is unbounded, so a script reading it gets
/// every name whole.
pub fn listing_width_for(flag: Option<u16>) -> usize {
    let columns = std::env::var("COLUMNS").ok();
    asked_width(flag, columns.as_deref())
        .or_else(terminal_columns)
        .map_or(usize::MAX, |width| {
            usize::from(width.clamp(MIN_WIDTH, MAX_WIDTH))
        })
}

/// The rule, without the environment (for tests): the terminal is asked only when
/// neither the flag nor `COLUMNS` gives a width. A `COLUMNS` that is not a number is
/// ignored, as if unset.
pub fn choose_width(
    flag: Option<u16>,
    columns: Option<&str>,
    terminal: impl FnOnce() -> Option<u16>,
) -> u16 {
    asked_width(flag, columns)
        .or_else(terminal)
        .unwrap_or(FALLBACK)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// The width the user asked for: the flag, else a numeric, non-zero `COLUMNS`.
fn asked_width(flag: Option<u16>, columns: Option<&str>) -> Option<u16> {
    flag.or_else(|| columns.and_then(|value| value.trim().parse::<u16>().ok()))
        .filter(|&width| width > 0)
}

/// The columns of the terminal stdout is connected to; `None` when it is not one.
pub fn terminal_columns() -> Option<u16> {
    let stdout = std::io::stdout();
    if !std::io::IsTerminal::is_terminal(&stdout) {
        return None;
    }
    let size = rustix::termios::tcgetwinsize(&stdout).ok()?;
    Some(size.ws_col).filter(|&columns| columns > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> Option<u16> {
        panic!("the terminal is asked only when nothing else gives a width")
    }

    #[test]
    fn the_flag_then_columns_then_the_terminal_then_80() {
        assert_eq!(choose_width(Some(120), Some("60"), never), 120);
        assert_eq!(choose_width(None, Some("60"), never), 60);
        assert_eq!(choose_width(None, Some(" 200\n"), never), 200);
        assert_eq!(choose_width(None, None, || Some(132)), 132);
        assert_eq!(choose_width(None, Some("wide"), || Some(90)), 90);
        assert_eq!(choose_width(None, Some("0"), || None), 80);
        assert_eq!(choose_width(None, None, || None), 80);
    }

    #[test]
    fn widths_are_kept_within_what_can_be_drawn() {
        assert_eq!(choose_width(None, Some("5"), never), MIN_WIDTH);
        assert_eq!(choose_width(None, Some("60000"), never), MAX_WIDTH);
        assert_eq!(choose_width(None, None, || Some(3)), MIN_WIDTH);
    }
}
