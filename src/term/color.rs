//! Colour: whether, and how many.
//!
//! Whether is decided once, by the crates clap itself uses, so that `routemap`'s output
//! and clap's help and errors always agree: `--color always|never` first, then
//! `NO_COLOR` (no colour), `CLICOLOR_FORCE` (colour even into a pipe), `CLICOLOR=0` (no
//! colour), and otherwise colour only on a terminal whose `TERM` is not `dumb`.
//!
//! How many: 24-bit when `COLORTERM` says the terminal has it, else the 256-colour
//! palette when `TERM` names it, else the 16 basic colours every terminal has.

use ratatui::style::Color;
use std::ffi::OsString;
use std::fmt::Write as _;

/// `--color`: when to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR, CLICOLOR=0 or TERM=dumb say otherwise
    #[default]
    Auto,
    /// Always, even into a pipe or a file
    Always,
    /// Never
    Never,
}

/// How much colour an output takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Colors {
    Off,
    /// The 16 basic ANSI colours.
    Basic,
    /// The xterm 256-colour palette.
    Indexed,
    /// 24-bit colour.
    TrueColor,
}

impl Colors {
    pub fn on(self) -> bool {
        self != Colors::Off
    }

    /// The depth a terminal takes, from `COLORTERM` and `TERM` (pure, for tests).
    pub fn depth(colorterm: Option<&str>, term: Option<&str>) -> Colors {
        let term = term.unwrap_or_default();
        if matches!(colorterm, Some("truecolor" | "24bit")) || term.ends_with("-direct") {
            Colors::TrueColor
        } else if term.contains("256col") {
            Colors::Indexed
        } else {
            Colors::Basic
        }
    }
}

/// Sets the colour choice for the whole run: clap's messages and ours follow it.
pub fn set_color_choice(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// The `--color` value on a command line, found before clap parses it so that clap's own
/// errors and help already follow it. A value clap would refuse counts as `auto` here
/// (clap then says what is wrong with it).
pub fn color_in_args(args: &[OsString]) -> ColorWhen {
    let mut found = ColorWhen::Auto;
    let mut args = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_str().unwrap_or_default());
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--color" => args.next().unwrap_or_default(),
            _ => match arg.strip_prefix("--color=") {
                Some(value) => value,
                None => continue,
            },
        };
        found = match value {
            "always" => ColorWhen::Always,
            "never" => ColorWhen::Never,
            _ => ColorWhen::Auto,
        };
    }
    found
}

/// The colour of stdout: off, or the terminal's depth.
pub fn stdout_colors() -> Colors {
    let stdout = std::io::stdout();
    match anstream::AutoStream::choice(&stdout) {
        anstream::ColorChoice::Never => Colors::Off,
        _ => Colors::depth(
            std::env::var("COLORTERM").ok().as_deref(),
            std::env::var("TERM").ok().as_deref(),
        ),
    }
}

/// `color` as the nearest colour `colors` can show. Named and indexed colours are left
/// as they are; only 24-bit ones are brought down.
pub fn fit(color: Color, colors: Colors) -> Color {
    match (color, colors) {
        (Color::Rgb(r, g, b), Colors::Indexed) => Color::Indexed(nearest_indexed(r, g, b)),
        (Color::Rgb(r, g, b), Colors::Basic) => nearest_basic(r, g, b),
        _ => color,
    }
}

/// The nearest colour of the xterm palette's 6×6×6 cube or its grey ramp.
fn nearest_indexed(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |value: u8| -> u8 {
        match value {
            0..48 => 0,
            48..115 => 1,
            _ => (value - 35) / 40,
        }
    };
    let (cr, cg, cb) = (level(r), level(g), level(b));
    let cube = (
        LEVELS[usize::from(cr)],
        LEVELS[usize::from(cg)],
        LEVELS[usize::from(cb)],
    );
    let average = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey_step = u8::try_from(average.saturating_sub(3) / 10)
        .unwrap_or(23)
        .min(23);
    let grey = 8 + 10 * grey_step;
    let distance = |(x, y, z): (u8, u8, u8)| {
        [(r, x), (g, y), (b, z)]
            .iter()
            .map(|&(a, b)| (i32::from(a) - i32::from(b)).pow(2))
            .sum::<i32>()
    };
    if distance((grey, grey, grey)) < distance(cube) {
        232 + grey_step
    } else {
        16 + 36 * cr + 6 * cg + cb
    }
}

/// The basic colour of the same hue; greys by lightness. The hue bands keep the
/// Okabe–Ito series apart (blue, orange, bluish green, vermilion), which plain RGB
/// distance would fold into cyan and yellow.
fn nearest_basic(r: u8, g: u8, b: u8) -> Color {
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let spread = f32::from(max - min);
    if max == 0 || spread / f32::from(max) < 0.25 {
        return match max {
            0..64 => Color::Black,
            64..160 => Color::DarkGray,
            160..224 => Color::Gray,
            _ => Color::White,
        };
    }
    let (r, g, b) = (f32::from(r), f32::from(g), f32::from(b));
    let max = f32::from(max);
    let hue = if max == r {
        (60.0 * (g - b) / spread).rem_euclid(360.0)
    } else if max == g {
        60.0 * (b - r) / spread + 120.0
    } else {
        60.0 * (r - g) / spread + 240.0
    };
    match hue {
        h if h < 35.0 => Color::Red,
        h if h < 75.0 => Color::Yellow,
        h if h < 165.0 => Color::Green,
        h if h < 190.0 => Color::Cyan,
        h if h < 270.0 => Color::Blue,
        h if h < 330.0 => Color::Magenta,
        _ => Color::Red,
    }
}

/// The escape sequence that starts text in `fg` (and bold): attributes reset first, so
/// each run of text says all of its look.
pub fn sgr(fg: Color, bold: bool) -> String {
    let mut code = String::from("\u{1b}[0");
    if bold {
        code.push_str(";1");
    }
    let basic = match fg {
        Color::Black => Some(30),
        Color::Red => Some(31),
        Color::Green => Some(32),
        Color::Yellow => Some(33),
        Color::Blue => Some(34),
        Color::Magenta => Some(35),
        Color::Cyan => Some(36),
        Color::Gray => Some(37),
        Color::DarkGray => Some(90),
        Color::LightRed => Some(91),
        Color::LightGreen => Some(92),
        Color::LightYellow => Some(93),
        Color::LightBlue => Some(94),
        Color::LightMagenta => Some(95),
        Color::LightCyan => Some(96),
        Color::White => Some(97),
        _ => None,
    };
    match (basic, fg) {
        (Some(number), _) => {
            let _ = write!(code, ";{number}");
        }
        (None, Color::Rgb(r, g, b)) => {
            let _ = write!(code, ";38;2;{r};{g};{b}");
        }
        (None, Color::Indexed(index)) => {
            let _ = write!(code, ";38;5;{index}");
        }
        _ => {}
    }
    code.push('m');
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn the_color_flag_is_found_before_parsing() {
        assert_eq!(color_in_args(&args("routemap list")), ColorWhen::Auto);
        assert_eq!(
            color_in_args(&args("routemap --color never list")),
            ColorWhen::Never
        );
        assert_eq!(
            color_in_args(&args("routemap diff a b --color=always")),
            ColorWhen::Always
        );
        assert_eq!(
            color_in_args(&args("routemap --color always --color=never x")),
            ColorWhen::Never,
            "the last one wins, as clap takes it"
        );
        assert_eq!(
            color_in_args(&args("routemap check -- --color=always")),
            ColorWhen::Auto,
            "after -- it is a file name"
        );
        assert_eq!(
            color_in_args(&args("routemap --color sometimes")),
            ColorWhen::Auto
        );
    }

    #[test]
    fn depth_follows_colorterm_then_term() {
        assert_eq!(
            Colors::depth(Some("truecolor"), Some("xterm")),
            Colors::TrueColor
        );
        assert_eq!(Colors::depth(Some("24bit"), None), Colors::TrueColor);
        assert_eq!(Colors::depth(None, Some("xterm-direct")), Colors::TrueColor);
        assert_eq!(Colors::depth(None, Some("tmux-256color")), Colors::Indexed);
        assert_eq!(Colors::depth(Some(""), Some("xterm")), Colors::Basic);
        assert_eq!(Colors::depth(None, Some("linux")), Colors::Basic);
        assert_eq!(Colors::depth(None, None), Colors::Basic);
    }

    #[test]
    fn rgb_comes_down_to_the_nearest_indexed_colour() {
        assert_eq!(
            fit(Color::Rgb(0, 0, 0), Colors::Indexed),
            Color::Indexed(16)
        );
        assert_eq!(
            fit(Color::Rgb(255, 255, 255), Colors::Indexed),
            Color::Indexed(231)
        );
        assert_eq!(
            fit(Color::Rgb(128, 128, 128), Colors::Indexed),
            Color::Indexed(244),
            "a grey takes the grey ramp"
        );
        // Okabe–Ito blue (0, 114, 178): the cube's (0, 1, 3) = 16 + 0 + 6 + 3.
        assert_eq!(
            fit(Color::Rgb(0, 114, 178), Colors::Indexed),
            Color::Indexed(25)
        );
        assert_eq!(fit(Color::Red, Colors::Indexed), Color::Red);
        assert_eq!(
            fit(Color::Rgb(1, 2, 3), Colors::TrueColor),
            Color::Rgb(1, 2, 3)
        );
    }

    #[test]
    fn the_okabe_ito_series_stay_apart_in_16_colours() {
        let series = [
            Color::Rgb(0, 114, 178),
            Color::Rgb(230, 159, 0),
            Color::Rgb(0, 158, 115),
            Color::Rgb(213, 94, 0),
        ];
        let basic: Vec<Color> = series.iter().map(|&c| fit(c, Colors::Basic)).collect();
        assert_eq!(
            basic,
            [Color::Blue, Color::Yellow, Color::Green, Color::Red]
        );
        assert_eq!(fit(Color::Rgb(20, 20, 20), Colors::Basic), Color::Black);
        assert_eq!(fit(Color::Rgb(240, 240, 235), Colors::Basic), Color::White);
    }

    #[test]
    fn sgr_writes_each_depth() {
        assert_eq!(sgr(Color::Rgb(1, 2, 3), true), "\u{1b}[0;1;38;2;1;2;3m");
        assert_eq!(sgr(Color::Indexed(25), false), "\u{1b}[0;38;5;25m");
        assert_eq!(sgr(Color::Blue, false), "\u{1b}[0;34m");
        assert_eq!(sgr(Color::Reset, false), "\u{1b}[0m");
    }
}
