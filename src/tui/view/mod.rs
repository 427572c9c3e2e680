//! Drawing: `render(&State, &Painter, &mut Frame)`, one module per screen. Views read the
//! state and never change it, touch no files, and build only what the frame shows; what
//! they measure that keys need (how far the details scroll) they hand back.

mod bars;
mod context;
mod help;
mod intro;
pub mod layout;
mod next_steps;
mod popups;
mod quit;
mod review;
mod rich;
mod rollup;
pub mod walk;
pub mod workshop;

use super::state::{MIN_HEIGHT, MIN_WIDTH, Measured, Mode, Screen, State};
use super::theme::Painter;
pub use context::Ctx;
pub use layout::{centered, count_of, draw_lines};
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::widgets::Block;

/// Draws the screen the state is on, in the painter's palette for it; returns what it
/// measured for `update`.
pub fn render(state: &State, painter: &Painter, frame: &mut Frame) -> Measured {
    let cx = &Ctx::new(state, painter);
    let area = frame.area();
    // A palette with its own background (the projector's) paints it first; the default
    // keeps the terminal's own and skips the work.
    if cx.palette.text != Style::default() {
        frame.render_widget(Block::default().style(cx.palette.text), area);
    }
    if cx.too_small() || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        bars::too_small(cx, frame, area);
        return state.measured;
    }
    let mut measured = state.measured;
    if matches!(cx.screen, Screen::Workshop | Screen::WorkshopSummary) {
        measured.detail_max_scroll = if cx.screen == Screen::Workshop {
            workshop::render(cx, frame, area)
        } else {
            workshop::render_summary(cx, frame, area)
        };
    } else {
        // A status line too long for one row gets two, so its reason is not cut off.
        let footer_rows = match bars::status_line(cx) {
            Some((text, _)) if text.chars().count() + 1 > usize::from(area.width) => 2,
            _ => 1,
        };
        let [title, body, footer] = layout::three_bands(area, footer_rows);
        bars::title_bar(cx, frame, title);
        match cx.screen {
            Screen::Review => review::render(cx, frame, body),
            _ => {
                let detail = walk::render(cx, frame, body);
                measured.detail_max_scroll = detail.max_scroll;
                measured.detail_scroll = detail.scroll;
                measured.detail_page = detail.page;
            }
        }
        bars::footer_bar(cx, frame, footer);
        match &cx.mode {
            Mode::Editing(editor) => popups::editor_popup(cx, editor, frame, body),
            Mode::Picking(picker) => popups::picker_popup(cx, picker, frame, body),
            _ => {}
        }
    }
    popups::unsaved_popups(cx, frame, area);
    if cx.show_intro {
        intro::render(cx, frame, area);
    }
    if cx.show_help {
        measured.help_max_scroll = help::render(cx, frame, area);
    }
    measured
}
