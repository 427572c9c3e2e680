//! The review screen: every theme's current and target stage and the gap, beside the
//! radar of both.

use crate::assessment::Current;
use crate::radar::{self, Drawing, Look, Radar};
use crate::text::ellipsize;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

pub fn render(state: &State, frame: &mut Frame, body: Rect) {
    let (table, radar) = if body.width >= 120 {
        let [table, radar] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(body);
        (table, radar)
    } else if body.height >= 44 {
        let [table, radar] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
        (table, radar)
    } else {
        let [table, radar] = Layout::horizontal([
            Constraint::Length(body.width * 11 / 20),
            Constraint::Min(20),
        ])
        .areas(body);
        (table, radar)
    };
    stage_table(state, frame, table);
    radar_pane(state, frame, radar);
}

fn stage_name(state: &State, id: &str, room: usize) -> String {
    match state.routemap.stage_index(id) {
        Some(index) => ellipsize(
            &format!("{} {}", index + 1, state.routemap.stages[index].name),
            room,
            "…",
        ),
        None => ellipsize(&format!("? {id}"), room, "…"),
    }
}

fn stage_table(state: &State, frame: &mut Frame, area: Rect) {
    let palette = &state.palette;
    let (answered, total) = state.assessment.progress(&state.routemap);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(palette.border)
        .title(Line::styled(
            format!(" Review: {answered}/{total} answered "),
            palette.heading,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let digits = total.to_string().len();
    // Columns: number, theme, now, target, gap; the theme takes what the stages leave.
    // The theme keeps at least 14 cells; the stages share the rest, up to 24 each.
    let theme_min = 14.min(width / 3);
    let stage_room = (width.saturating_sub(digits + 1 + theme_min + 2 + 5) / 2).clamp(3, 24);
    let theme_room = width.saturating_sub(digits + 1 + 2 * (stage_room + 1) + 5);
    let header = format!(
        "{:>digits$} {:<theme_room$} {:<stage_room$} {:<stage_room$} {:>4}",
        "#", "Theme", "Now", "Target", "Gap"
    );
    let mut lines = vec![Line::styled(ellipsize(&header, width, ""), palette.dim)];
    let height = usize::from(inner.height).saturating_sub(1 + state.mismatches.len().min(3));
    let first = state
        .selected
        .saturating_sub(height / 2)
        .min(total.saturating_sub(height));
    for (index, theme) in state
        .routemap
        .themes
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
    {
        let answer = state.assessment.answer(&theme.id);
        let now = match answer.and_then(|a| a.current.as_ref()) {
            Some(Current::NotApplicable) => "n/a".to_string(),
            Some(Current::Stage(id)) => stage_name(state, id, stage_room),
            None => "·".to_string(),
        };
        let target = answer
            .and_then(|a| a.target.as_deref())
            .map_or("·".to_string(), |id| stage_name(state, id, stage_room));
        let gap = match (
            answer
                .and_then(|a| a.current_stage())
                .and_then(|s| state.routemap.stage_index(s)),
            answer
                .and_then(|a| a.target.as_deref())
                .and_then(|s| state.routemap.stage_index(s)),
        ) {
            (Some(now), Some(target)) if target > now => format!("+{}", target - now),
            (Some(now), Some(target)) if target < now => format!("−{}", now - target),
            (Some(_), Some(_)) => "0".to_string(),
            _ => String::new(),
        };
        let name = ellipsize(&theme.name, theme_room, "…");
        let pad = |text: &str, room: usize| {
            format!("{text}{}", " ".repeat(room.saturating_sub(text.width())))
        };
        let mut spans = vec![
            Span::styled(format!("{:>digits$} ", index + 1), palette.dim),
            Span::raw(pad(&name, theme_room)),
            Span::raw(" "),
            Span::styled(pad(&now, stage_room), palette.current),
            Span::raw(" "),
            Span::styled(pad(&target, stage_room), palette.target),
            Span::raw(format!(" {gap:>4}")),
        ];
        if index == state.selected {
            spans = spans
                .into_iter()
                .map(|span| span.patch_style(palette.selected))
                .collect();
        }
        lines.push(Line::from(spans));
    }
    for mismatch in state.mismatches.iter().take(3) {
        lines.push(Line::styled(
            ellipsize(&format!("⚠ {mismatch}"), width, "…"),
            palette.warning,
        ));
    }
    super::draw_lines(frame, inner, &lines, 0);
}

fn radar_pane(state: &State, frame: &mut Frame, area: Rect) {
    let palette = &state.palette;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(palette.border)
        .title(Line::styled(" Radar: current and target ", palette.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let radar = Radar::of(&state.routemap, &state.assessment, true);
    let look = Look {
        drawing: Drawing::Braille,
        color: palette.color,
    };
    radar::render(&radar, inner, frame.buffer_mut(), look);
}
