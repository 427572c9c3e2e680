//! The walk screen: the theme list, the focused theme (question, vision, every stage's
//! descriptor, notes, evidence) and, on a wide terminal, the radar.

mod cards;
mod detail;
mod list;
mod stages;

use super::Ctx;
use crate::radar::{self, Radar};
use detail::detail;
pub use detail::{DetailMeasure, detail_lines};
pub use list::mark;
use list::theme_list;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

/// Where the walk's panes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkLayout {
    pub list: Rect,
    pub detail: Rect,
    pub radar: Option<Rect>,
}

/// Below this width the radar is left to the review screen.
const RADAR_MIN_WIDTH: u16 = 120;
const RADAR_MIN_HEIGHT: u16 = 18;

pub fn layout(body: Rect) -> WalkLayout {
    let wide = body.width >= RADAR_MIN_WIDTH && body.height >= RADAR_MIN_HEIGHT;
    if wide {
        let radar_width = radar_pane_width(body);
        let list_width = ((body.width - radar_width) * 2 / 5).clamp(28, 44);
        let [list, detail, radar] = Layout::horizontal([
            Constraint::Length(list_width),
            Constraint::Min(40),
            Constraint::Length(radar_width),
        ])
        .areas(body);
        WalkLayout {
            list,
            detail,
            radar: Some(radar),
        }
    } else {
        let list_width = (body.width * 2 / 5).clamp(28, 40);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(30)]).areas(body);
        WalkLayout {
            list,
            detail,
            radar: None,
        }
    }
}

/// The radar pane's width: a third of the screen, and no wider than a round plot as tall
/// as the pane can use (two columns a row, plus room for numbered labels each side, the
/// labels above and below, the legend and the border).
fn radar_pane_width(body: Rect) -> u16 {
    let plot_rows = body.height.saturating_sub(2 + 2 + 2);
    let widest_useful = plot_rows * 2 + 2 * 4 + 2;
    (body.width / 3).clamp(38, 90).min(widest_useful.max(38))
}

/// Draws the walk; returns how its detail pane was drawn.
pub fn render(cx: &Ctx, frame: &mut Frame, body: Rect) -> DetailMeasure {
    let panes = layout(body);
    theme_list(cx, frame, panes.list);
    let measure = detail(cx, frame, panes.detail);
    if let Some(area) = panes.radar {
        radar_panel(cx, frame, area);
    }
    measure
}

fn radar_panel(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let inner = super::layout::pane(
        frame,
        area,
        Line::styled(" Radar ", palette.heading),
        palette.border,
    );
    let radar = Radar::of(&cx.routemap, &cx.assessment, true);
    let look = palette.radar_look();
    radar::render_focused(&radar, inner, frame.buffer_mut(), look, Some(cx.selected));
}
