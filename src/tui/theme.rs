//! Palettes. Every meaning is carried by a symbol or a word as well as by colour, so the
//! monochrome palette (NO_COLOR) reads just as well; series hues are Okabe–Ito, safe for
//! colour-blind readers.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub name: &'static str,
    pub text: Style,
    pub title_bar: Style,
    pub heading: Style,
    pub dim: Style,
    pub key: Style,
    pub selected: Style,
    pub current: Style,
    pub target: Style,
    pub carried: Style,
    pub warning: Style,
    pub error: Style,
    pub border: Style,
    pub border_focus: Style,
    /// Whether the radar may use colour.
    pub color: bool,
}

/// Okabe–Ito: blue (current), orange (target), vermilion (warnings), bluish green.
const BLUE: Color = Color::Rgb(0, 114, 178);
const ORANGE: Color = Color::Rgb(230, 159, 0);
const VERMILION: Color = Color::Rgb(213, 94, 0);
const SKY: Color = Color::Rgb(86, 180, 233);

impl Palette {
    /// Colour for a normal terminal.
    pub fn default_colors() -> Self {
        Palette {
            name: "default",
            text: Style::default(),
            title_bar: Style::default()
                .fg(Color::Black)
                .bg(SKY)
                .add_modifier(Modifier::BOLD),
            heading: Style::default().add_modifier(Modifier::BOLD),
            dim: Style::default().fg(Color::DarkGray),
            key: Style::default().fg(SKY).add_modifier(Modifier::BOLD),
            selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            current: Style::default().fg(BLUE).add_modifier(Modifier::BOLD),
            target: Style::default().fg(ORANGE).add_modifier(Modifier::BOLD),
            carried: Style::default().fg(ORANGE),
            warning: Style::default().fg(ORANGE).add_modifier(Modifier::BOLD),
            error: Style::default().fg(VERMILION).add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::DarkGray),
            border_focus: Style::default().fg(SKY),
            color: true,
        }
    }

    /// No colour at all (NO_COLOR): bold, reverse and underline only.
    pub fn monochrome() -> Self {
        let plain = Style::default();
        Palette {
            name: "monochrome",
            text: plain,
            title_bar: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            key: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            current: plain.add_modifier(Modifier::BOLD),
            target: plain.add_modifier(Modifier::UNDERLINED),
            carried: plain.add_modifier(Modifier::ITALIC),
            warning: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            color: false,
        }
    }

    /// For a projector: white on black, bold, no thin or pale colours.
    pub fn high_contrast() -> Self {
        let base = Style::default().fg(Color::White).bg(Color::Black);
        Palette {
            name: "high-contrast",
            text: base.add_modifier(Modifier::BOLD),
            title_bar: Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            heading: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            dim: base,
            key: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            current: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            target: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            carried: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            warning: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            border: base,
            border_focus: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            color: true,
        }
    }

    /// The palette for this run: monochrome when NO_COLOR is set.
    pub fn for_terminal(no_color: bool) -> Self {
        if no_color {
            Palette::monochrome()
        } else {
            Palette::default_colors()
        }
    }
}
