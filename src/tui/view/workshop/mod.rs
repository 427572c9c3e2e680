//! The workshop on a shared screen: one theme at a time, its name in large type, the
//! stages with the room's tally, and at the end a summary that opens with a read-back
//! table. High contrast, no private notes or evidence, nothing said by colour alone.
//!
//! What a screen may show of a theme comes from `workshop::shown` alone, so a hidden
//! tally cannot leak through any part of it; progress from `workshop::progress`.

mod clocks;
mod entry;
mod header;
mod name;
mod readback;
mod stage_view;
mod stages;
mod standing;
mod summary;

pub use clocks::format_elapsed;
pub use summary::render_summary;

use super::Ctx;
use crate::tui::state::Mode;
use crate::workshop;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

/// From this width the counts and the median are drawn in large digits.
pub const LARGE_DIGITS: u16 = 120;

/// The theme screen; returns how far its stages (or a stage in full) can scroll.
pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect) -> u16 {
    let [top, strip, body, footer] = bands(cx, area);
    header::title_row(cx, frame, top, false);
    header::progress_strip(cx, frame, strip, false);
    super::bars::footer_bar(cx, frame, footer);
    let Some(theme) = cx.theme() else {
        return 0;
    };
    let shown = workshop::shown(&cx.routemap, cx.assessment.blind, cx.answer());
    let body = inset(body);
    if let Mode::StageInFull(stage) = cx.mode {
        return stage_view::render(cx, frame, body, stage, &shown);
    }
    let clock_width = if body.width >= 100 && clocks::readout(cx).is_some() {
        clocks::PANEL_WIDTH
    } else {
        0
    };
    let [name_area, clock_area] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(clock_width)]).areas(Rect {
            // The name as large as fits in about a fifth of the height.
            height: (body.height / 5).clamp(4, 16),
            ..body
        });
    let name_rows = name::draw_name(cx, frame, name_area, &theme.name);
    let clock_rows = clocks::panel(cx, frame, clock_area);
    // Blank rows between the parts when the screen is tall; else the stages need them.
    let gap = u16::from(body.height >= 40);
    let rest = below(body, name_rows.max(clock_rows) + gap);
    if let Mode::EditingRoomNote(editor) = &cx.mode {
        entry::room_note(cx, frame, rest, editor);
        return 0;
    }
    let standing_rows = standing::render(cx, frame, rest, &shown);
    let max_scroll = stages::render(cx, frame, below(rest, standing_rows + gap), &shown);
    if let Mode::AwaitMinutes(typed) = &cx.mode {
        entry::minutes(cx, frame, body, typed);
    }
    max_scroll
}

/// A workshop screen's bands: the title row, the progress strip, the body, and the
/// footer (two rows when the status line needs them, so its reason is not cut off).
fn bands(cx: &Ctx, area: Rect) -> [Rect; 4] {
    let footer_rows = match super::bars::status_line(cx) {
        Some((text, _)) if text.chars().count() + 1 > usize::from(area.width) => 2,
        _ => 1,
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_rows),
    ])
    .areas(area)
}

/// The area a column in from each side, below a blank row: text clear of the edges.
fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(1),
    }
}

/// What is left of `area` below its first `rows` rows.
fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect {
        y: area.y + rows,
        height: area.height - rows,
        ..area
    }
}

#[cfg(test)]
mod tests {
    use crate::tui::state::{Screen, State};
    use crate::tui::theme::Painter;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn workshop() -> State {
        let mut state = crate::tui::update::tests::state();
        state.screen = Screen::Workshop;
        state
    }

    /// The screen as text, and how far it scrolls.
    /// Below the title row (where the authority's name may be cut), without the digit
    /// keys' "1…5".
    fn cut(text: &str) -> bool {
        text.lines()
            .skip(1)
            .any(|line| line.replace("1…5", "").contains('…'))
    }

    fn screen(state: &mut State, width: u16, height: u16) -> (String, u16) {
        state.size = (width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut measured = state.measured;
        terminal
            .draw(|frame| measured = super::super::render(state, &Painter::monochrome(), frame))
            .unwrap();
        let text = crate::textout::buffer_to_text(terminal.backend().buffer(), false);
        (text, measured.detail_max_scroll)
    }

    #[test]
    fn at_80_by_24_every_descriptor_can_be_read_whole_by_scrolling() {
        let mut state = workshop();
        let (_, max) = screen(&mut state, 80, 24);
        assert!(max > 0, "five descriptors do not fit 80×24");
        let mut seen = String::new();
        for scroll in 0..=max {
            state.detail_scroll = scroll;
            let (text, _) = screen(&mut state, 80, 24);
            assert!(!cut(&text), "nothing cut:\n{text}");
            seen.push_str(&text);
        }
        let words: Vec<&str> = seen.split_whitespace().collect();
        for descriptor in &state.routemap.themes[0].descriptors {
            for word in descriptor.split_whitespace() {
                assert!(words.contains(&word), "'{word}' never shown");
            }
        }
    }

    #[test]
    fn a_stage_name_too_long_for_its_column_is_wrapped_not_cut() {
        let mut state = workshop();
        let long = "Yn arwain y ffordd yng Nghymru a thu hwnt i'r ffin gyda phartneriaid";
        state.routemap.stages[4].name = long.into();
        state.routemap.themes[0].descriptors[4] = "Byr.".into();
        let (text, _) = screen(&mut state, 80, 60);
        let words: Vec<&str> = text.split_whitespace().collect();
        for word in long.split_whitespace() {
            assert!(words.contains(&word), "'{word}' cut:\n{text}");
        }
        assert!(!cut(&text), "{text}");
    }

    #[test]
    fn without_colour_block_glyphs_are_never_underlined() {
        let mut state = workshop();
        for c in "2333241".chars() {
            let vote = c.to_digit(10).unwrap() as usize - 1;
            crate::workshop::voting::cast_vote(
                &state.routemap.clone(),
                state
                    .assessment
                    .answer_mut(&state.routemap.clone(), "leadership"),
                vote,
            );
        }
        for (width, height) in [(80, 24), (160, 45)] {
            state.size = (width, height);
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| {
                    super::super::render(&state, &Painter::monochrome(), frame);
                })
                .unwrap();
            let buffer = terminal.backend().buffer();
            let underlined = buffer.content().iter().filter(|cell| {
                cell.modifier.contains(ratatui::style::Modifier::UNDERLINED)
                    && (cell.symbol() == " "
                        || cell.symbol() == "·"
                        || cell.symbol().chars().all(|c| ('▀'..='▟').contains(&c)))
            });
            assert_eq!(underlined.count(), 0, "at {width}×{height}");
        }
    }
}
