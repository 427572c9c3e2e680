//! Wide details: the stages as cards side by side. Used only when every card fits
//! whole, with room left for the answer below; otherwise the details are stacked and
//! scroll, so no card is ever cut off.

use super::super::Ctx;
use super::detail::{
    DetailMeasure, after_stages, header_lines, more_markers, not_applicable_lines, push_wrapped,
};
use super::stages::{StageRole, StageText, Ticks, checklist_summary, head_words, stage_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders};

/// Each card gets at least this many cells across.
const CARD_MIN_WIDTH: u16 = 24;
/// Lines of the answer that must still show below the cards.
const ROOM_BELOW: usize = 6;

/// Draws the details with the stages as cards, if they fit whole; `None` if not.
pub(super) fn draw(cx: &Ctx, frame: &mut Frame, area: Rect, inner: Rect) -> Option<DetailMeasure> {
    let count = cx.routemap.stages.len();
    let theme = cx.theme()?;
    if count == 0 || inner.width < count as u16 * CARD_MIN_WIDTH || inner.height < 24 {
        return None;
    }
    let ticks = Ticks::of(cx, theme);
    let mut header = header_lines(cx, inner.width);
    header.push(Line::default());
    header.extend(not_applicable_lines(cx, inner.width));
    header.extend(checklist_summary(
        cx,
        theme,
        &ticks,
        usize::from(inner.width),
    ));
    let columns = Layout::horizontal(vec![Constraint::Ratio(1, count as u32); count]).split(inner);
    let cards: Vec<StageText> = columns
        .iter()
        .enumerate()
        .map(|(index, column)| card_text(cx, index, &ticks, column.width.saturating_sub(2)))
        .collect();
    let card_height = cards.iter().map(|c| c.lines.len()).max().unwrap_or(0) + 2;
    let rest = after_stages(cx, inner.width);
    if header.len() + card_height + ROOM_BELOW.min(rest.len()) > usize::from(inner.height) {
        return None;
    }
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(header.len() as u16),
        Constraint::Length(card_height as u16),
        Constraint::Min(0),
    ])
    .areas(inner);
    super::super::draw_lines(frame, top, &header, 0);
    for ((index, column), card) in columns.iter().enumerate().zip(cards) {
        let column = Rect {
            y: middle.y,
            height: middle.height,
            ..*column
        };
        draw_card(
            cx,
            frame,
            index,
            column,
            &card,
            ticks.suggested == Some(index),
        );
    }
    let max = rest.len().saturating_sub(usize::from(bottom.height));
    let scroll = usize::from(cx.detail_scroll).min(max);
    super::super::draw_lines(frame, bottom, &rest, scroll);
    more_markers(cx, frame, area, scroll > 0, scroll < max);
    Some(DetailMeasure {
        max_scroll: u16::try_from(max).unwrap_or(u16::MAX),
        scroll: u16::try_from(scroll).unwrap_or(u16::MAX),
        page: bottom.height,
    })
}

/// A card's text: the stage's name (its number is on the border), a blank line, then
/// the stage's descriptor, checklist and guidance.
fn card_text(cx: &Ctx, index: usize, ticks: &Ticks, width: u16) -> StageText {
    let mut lines = Vec::new();
    let (Some(stage), Some(theme)) = (cx.routemap.stages.get(index), cx.theme()) else {
        return StageText {
            lines,
            cursor_line: None,
        };
    };
    let style = StageRole::of(cx.answer(), &stage.id).style(&cx.palette);
    push_wrapped(&mut lines, &stage.name, width, 0, style);
    lines.push(Line::default());
    let body = stage_text(cx, theme, index, ticks, usize::from(width), false);
    let cursor_line = body.cursor_line.map(|line| line + lines.len());
    lines.extend(body.lines);
    StageText { lines, cursor_line }
}

fn draw_card(
    cx: &Ctx,
    frame: &mut Frame,
    index: usize,
    column: Rect,
    card: &StageText,
    suggested: bool,
) {
    let palette = &cx.palette;
    let Some(stage) = cx.routemap.stages.get(index) else {
        return;
    };
    let role = StageRole::of(cx.answer(), &stage.id);
    let chosen = role != StageRole::Neither;
    let words = head_words(role, suggested);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(if chosen {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if chosen {
            role.style(palette)
        } else {
            palette.border
        })
        .title(Line::styled(
            format!(" {} {} ", role.mark(), cx.routemap.stage_number(index)),
            role.style(palette),
        ))
        .title_bottom(super::super::layout::fit_title(
            Line::styled(
                words.trim_start_matches("◀ ").to_string(),
                role.style(palette),
            ),
            column.width,
        ));
    let inner = block.inner(column);
    frame.render_widget(block, column);
    super::super::draw_lines(frame, inner, &card.lines, 0);
}
