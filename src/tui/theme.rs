//! Palettes. Every meaning is carried by a symbol or a word as well as by colour, so the
//! monochrome palette (NO_COLOR) reads just as well; series hues are Okabe–Ito, safe for
//! colour-blind readers.

use ratatui::style::{Color, Modifier, Style};

/// The styles the screens use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
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

    /// For a projector: white on black, bold, in the bright ANSI colours (93, 96, 91),
    /// never the dim ones (33, 36) that a projector washes out.
    pub fn high_contrast() -> Self {
        let base = Style::default().fg(Color::White).bg(Color::Black);
        let bright = |color: Color| base.fg(color).add_modifier(Modifier::BOLD);
        Palette {
            text: base.add_modifier(Modifier::BOLD),
            title_bar: Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            heading: bright(Color::LightYellow),
            dim: base,
            key: bright(Color::LightYellow),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            current: bright(Color::LightCyan),
            target: bright(Color::LightYellow),
            carried: bright(Color::LightMagenta),
            warning: Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            border: base,
            border_focus: bright(Color::LightYellow),
            // The radar's own colours are the screen's blue and orange, dim on a
            // projector's black: it is drawn in the palette's white, its series told
            // apart by their strokes.
            color: false,
        }
    }

    /// For a projector in a bright room (`L` in a workshop): black on white, in the
    /// deep ANSI colours that stay dark on a white wall (blue, magenta, red); never
    /// yellow or cyan text, which a bright room turns to nothing.
    pub fn light_room() -> Self {
        let base = Style::default().fg(Color::Black).bg(Color::White);
        let deep = |color: Color| base.fg(color).add_modifier(Modifier::BOLD);
        Palette {
            text: base.add_modifier(Modifier::BOLD),
            title_bar: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            heading: deep(Color::Blue),
            dim: base,
            key: deep(Color::Blue),
            selected: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            current: deep(Color::Blue),
            target: deep(Color::Magenta),
            carried: deep(Color::Magenta),
            warning: Style::default()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            border: base,
            border_focus: deep(Color::Blue),
            // As on the dark projector: the radar in the palette's black, by strokes.
            color: false,
        }
    }

    /// The palette for this run, from the same colour decision as printed output:
    /// monochrome when colour is off (NO_COLOR, CLICOLOR=0, TERM=dumb, --color never),
    /// and every 24-bit colour brought down to what the terminal shows.
    pub fn for_terminal(colors: crate::term::Colors) -> Self {
        if !colors.on() {
            return Palette::monochrome();
        }
        let mut palette = Palette::default_colors();
        for style in [
            &mut palette.text,
            &mut palette.title_bar,
            &mut palette.heading,
            &mut palette.dim,
            &mut palette.key,
            &mut palette.selected,
            &mut palette.current,
            &mut palette.target,
            &mut palette.carried,
            &mut palette.warning,
            &mut palette.error,
            &mut palette.border,
            &mut palette.border_focus,
        ] {
            style.fg = style.fg.map(|color| crate::term::fit(color, colors));
            style.bg = style.bg.map(|color| crate::term::fit(color, colors));
        }
        palette
    }
}

impl Palette {
    /// How the radar is drawn on screen in this palette: braille, in colour when the
    /// palette has colour.
    pub fn radar_look(&self) -> crate::radar::Look {
        crate::radar::Look {
            drawing: crate::radar::Drawing::Braille,
            color: self.color,
        }
    }
}

/// The palettes of one run, chosen once from the terminal's colour support: the views
/// pick one per screen, so the model never holds a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Painter {
    /// The walk, the review and their pop-ups.
    pub normal: Palette,
    /// The workshop's screens, for a projector: high contrast when there is colour.
    pub projector: Palette,
    /// The workshop's screens in a bright room (`L`): dark on white when there is colour.
    pub projector_light: Palette,
}

impl Painter {
    pub fn for_terminal(colors: crate::term::Colors) -> Self {
        let normal = Palette::for_terminal(colors);
        if !normal.color {
            return Painter::monochrome();
        }
        Painter {
            normal,
            projector: Palette::high_contrast(),
            projector_light: Palette::light_room(),
        }
    }

    /// Every screen without colour (NO_COLOR): bold, reverse and underline only.
    pub fn monochrome() -> Self {
        Painter {
            normal: Palette::monochrome(),
            projector: Palette::monochrome(),
            projector_light: Palette::monochrome(),
        }
    }

    /// Full colour, as on a 24-bit terminal.
    pub fn colors() -> Self {
        Painter {
            normal: Palette::default_colors(),
            projector: Palette::high_contrast(),
            projector_light: Palette::light_room(),
        }
    }

    /// The palette a screen is drawn in; `bright_room` when the workshop was switched
    /// to the light palette.
    pub fn palette_for(&self, screen: super::state::Screen, bright_room: bool) -> Palette {
        use super::state::Screen;
        match screen {
            Screen::Workshop | Screen::WorkshopSummary if bright_room => self.projector_light,
            Screen::Workshop | Screen::WorkshopSummary => self.projector,
            Screen::Walk | Screen::Review => self.normal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::Colors;

    #[test]
    fn the_palette_follows_the_colour_decision() {
        assert_eq!(Palette::for_terminal(Colors::Off), Palette::monochrome());
        assert_eq!(
            Palette::for_terminal(Colors::TrueColor),
            Palette::default_colors()
        );
        let basic = Palette::for_terminal(Colors::Basic);
        assert_eq!(basic.current.fg, Some(Color::Blue));
        assert_eq!(basic.target.fg, Some(Color::Yellow));
        assert_eq!(basic.title_bar.bg, Some(Color::Blue));
        let indexed = Palette::for_terminal(Colors::Indexed);
        assert_eq!(indexed.current.fg, Some(Color::Indexed(25)));
        assert!(indexed.color && basic.color);
    }

    /// Every colour the projector palettes use, as (foreground, background) pairs.
    fn colours_of(palette: &Palette) -> Vec<Color> {
        [
            palette.text,
            palette.title_bar,
            palette.heading,
            palette.dim,
            palette.key,
            palette.selected,
            palette.current,
            palette.target,
            palette.carried,
            palette.warning,
            palette.error,
            palette.border,
            palette.border_focus,
        ]
        .iter()
        .flat_map(|style| style.fg.into_iter().chain(style.bg))
        .collect()
    }

    #[test]
    fn the_projector_uses_the_bright_ansi_colours_never_the_dim_ones() {
        let colours = colours_of(&Palette::high_contrast());
        for dim in [Color::Yellow, Color::Cyan, Color::Red, Color::Gray] {
            assert!(!colours.contains(&dim), "{dim:?} washes out on a projector");
        }
        assert!(colours.contains(&Color::LightYellow) && colours.contains(&Color::LightCyan));
        assert!(
            colours
                .iter()
                .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_))),
            "the 16 ANSI colours only: a projector's laptop may show nothing else"
        );
    }

    #[test]
    fn a_bright_room_gets_dark_text_on_white_with_no_pale_text() {
        let light = Palette::light_room();
        assert_eq!(
            (light.text.fg, light.text.bg),
            (Some(Color::Black), Some(Color::White))
        );
        for style in [
            light.heading,
            light.key,
            light.current,
            light.target,
            light.carried,
        ] {
            let pale = [
                Color::Yellow,
                Color::LightYellow,
                Color::Cyan,
                Color::LightCyan,
            ];
            assert!(!pale.iter().any(|c| style.fg == Some(*c)), "{style:?}");
            assert_eq!(style.bg, Some(Color::White));
        }
        let painter = Painter::colors();
        use crate::tui::state::Screen;
        assert_eq!(painter.palette_for(Screen::Workshop, true), light);
        assert_eq!(
            painter.palette_for(Screen::WorkshopSummary, false),
            Palette::high_contrast()
        );
        assert_eq!(
            painter.palette_for(Screen::Walk, true),
            painter.normal,
            "the walk is not for a room"
        );
        assert_eq!(Painter::for_terminal(Colors::Off), Painter::monochrome());
    }
}
