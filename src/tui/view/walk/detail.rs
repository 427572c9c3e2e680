//! The focused theme's pane: its question, every stage's descriptor (stacked, or side
//! by side when there is room), what to do next, its vision, and the answer.

use super::super::Ctx;
use super::super::count_of;
use super::side_by_side;
use crate::assessment::{Answer, Current};
use crate::text::wrap_words;
use crate::tui::theme::Palette;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Pushes text wrapped to `width`, each line indented, keeping the text's own line breaks.
fn push_wrapped(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    width: u16,
    indent: usize,
    style: Style,
) {
    let room = usize::from(width).saturating_sub(indent).max(8);
    // Notes and evidence come from the file as they are: shown, never sent.
    let text = crate::sanitize::text(text);
    for paragraph in text.split('\n') {
        if paragraph.trim().is_empty() {
            lines.push(Line::default());
            continue;
        }
        for part in wrap_words(paragraph, room) {
            lines.push(Line::styled(format!("{}{part}", " ".repeat(indent)), style));
        }
    }
}

/// The focused theme's header: name, place, carried or unmatched notices, question, vision.
fn header_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    let Some(theme) = cx.theme() else {
        return lines;
    };
    push_wrapped(
        &mut lines,
        &theme.name,
        width,
        0,
        palette.heading.add_modifier(Modifier::UNDERLINED),
    );
    // Where the theme sits goes in the pane's border (see `place`), saving a line.
    if cx.answer().is_some_and(|answer| answer.carried) {
        push_wrapped(
            &mut lines,
            "↻ Carried over from the previous assessment: Enter confirms it, or choose a stage.",
            width,
            0,
            palette.carried.add_modifier(Modifier::BOLD),
        );
    }
    for mismatch in &cx.mismatches {
        if let crate::assessment::Mismatch::Stage { theme: id, .. } = mismatch
            && *id == theme.id
        {
            push_wrapped(
                &mut lines,
                &format!("⚠ {mismatch}"),
                width,
                0,
                palette.warning,
            );
        }
    }
    if let Some(question) = &theme.question {
        lines.push(Line::default());
        push_wrapped(
            &mut lines,
            question,
            width,
            0,
            palette.text.add_modifier(Modifier::BOLD),
        );
    }
    lines
}

/// The theme's five-year vision, where the top of the scale leads, and the principles
/// it bears on.
fn vision_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    let Some(theme) = cx.theme() else {
        return lines;
    };
    if let Some(vision) = theme.vision.as_deref() {
        lines.push(Line::default());
        lines.push(Line::styled(
            "Vision",
            palette.dim.add_modifier(Modifier::BOLD),
        ));
        push_wrapped(
            &mut lines,
            vision,
            width,
            0,
            palette.dim.add_modifier(Modifier::ITALIC),
        );
    }
    let principles = cx.routemap.principle_names(theme);
    if !principles.is_empty() {
        lines.push(Line::default());
        let text = format!("Principles: {}", principles.join(", "));
        push_wrapped(&mut lines, &text, width, 0, palette.dim);
    }
    lines
}

/// What a stage is to the focused theme's answer: its current stage, its target, both
/// or neither. Said by a mark and in words, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StageRole {
    Neither,
    Current,
    Target,
    Both,
}

impl StageRole {
    fn of(answer: Option<&Answer>, stage_id: &str) -> Self {
        let current = answer.and_then(Answer::current_stage) == Some(stage_id);
        let target = answer.and_then(|a| a.target.as_deref()) == Some(stage_id);
        match (current, target) {
            (true, true) => StageRole::Both,
            (true, false) => StageRole::Current,
            (false, true) => StageRole::Target,
            (false, false) => StageRole::Neither,
        }
    }

    fn mark(self) -> &'static str {
        match self {
            StageRole::Both => "◉",
            StageRole::Current => "●",
            StageRole::Target => "◎",
            StageRole::Neither => "○",
        }
    }

    /// The words beside the stage's name: "◀ CURRENT", or nothing.
    fn words(self) -> &'static str {
        match self {
            StageRole::Both => "◀ CURRENT = TARGET",
            StageRole::Current => "◀ CURRENT",
            StageRole::Target => "◀ TARGET",
            StageRole::Neither => "",
        }
    }

    fn style(self, palette: &Palette) -> Style {
        match self {
            StageRole::Current | StageRole::Both => palette.current,
            StageRole::Target => palette.target,
            StageRole::Neither => palette.heading,
        }
    }
}

/// The answer's confidence, notes and evidence.
fn answer_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let answer = cx.answer();
    let mut lines = vec![Line::default()];
    let confidence = answer
        .and_then(|a| a.confidence)
        .map_or("not set", |c| c.as_str());
    lines.push(Line::from(vec![
        Span::styled("Confidence ", palette.dim.add_modifier(Modifier::BOLD)),
        Span::raw(confidence.to_string()),
        Span::styled("  (c)", palette.dim),
    ]));
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Notes", palette.dim.add_modifier(Modifier::BOLD)),
        Span::styled("  (n to edit)", palette.dim),
    ]));
    match answer.and_then(|a| a.notes.as_deref()) {
        Some(notes) => push_wrapped(&mut lines, notes, width, 2, palette.text),
        None => lines.push(Line::styled("  none yet", palette.dim)),
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Evidence", palette.dim.add_modifier(Modifier::BOLD)),
        Span::styled("  (e to edit)", palette.dim),
    ]));
    match answer
        .map(|a| a.evidence.as_slice())
        .filter(|e| !e.is_empty())
    {
        Some(evidence) => {
            for item in evidence {
                push_wrapped(&mut lines, &format!("• {item}"), width, 2, palette.text);
            }
        }
        None => lines.push(Line::styled("  none yet", palette.dim)),
    }
    lines
}

/// Every line of the stacked detail pane, wrapped to `width`.
pub fn detail_lines(cx: &Ctx, width: u16, with_stages: bool) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = header_lines(cx, width);
    let Some(theme) = cx.theme() else {
        return lines;
    };
    let answer = cx.answer();
    if with_stages {
        lines.push(Line::default());
        let stages = cx.routemap.stages.len();
        // The footer gives the keys; a tall pane can afford to say them here too.
        if cx.size.1 >= 40 {
            let keys = crate::tui::keys::digit_keys(stages);
            push_wrapped(
                &mut lines,
                &format!("Stages: {keys} sets the current stage, t then {keys} the target, x n/a"),
                width,
                0,
                palette.dim,
            );
        }
        if answer.is_some_and(|a| a.current == Some(Current::NotApplicable)) {
            push_wrapped(
                &mut lines,
                "– Not applicable: left off the radar and the scores (x to undo)",
                width,
                0,
                palette.warning,
            );
        }
        for (index, stage) in cx.routemap.stages.iter().enumerate() {
            let stage_role = StageRole::of(answer, &stage.id);
            let (mark, role) = (stage_role.mark(), stage_role.words());
            let style = stage_role.style(palette);
            let head = format!("{mark} {} {}", index + 1, stage.name);
            let gap = usize::from(width)
                .saturating_sub(head.width() + role.width())
                .max(1);
            lines.push(Line::from(vec![
                Span::styled(head, style),
                Span::raw(" ".repeat(gap)),
                Span::styled(role, style),
            ]));
            let descriptor = theme.descriptors.get(index).map_or("", String::as_str);
            push_wrapped(&mut lines, descriptor, width, 4, palette.text);
        }
    }
    lines.extend(super::super::next_steps::lines(cx, width));
    lines.extend(vision_lines(cx, width));
    lines.extend(answer_lines(cx, width));
    lines
}

/// "Strategic capabilities · 1 of 12 themes": where the focused theme sits.
fn place(cx: &Ctx) -> String {
    let mut place = count_of(cx.selected, cx.routemap.themes.len());
    if let Some(section) = cx.theme().and_then(|theme| cx.routemap.section_of(theme)) {
        place = format!("{} · {place}", section.name);
    }
    place
}

/// The focused theme's pane; returns how far it can scroll.
pub(super) fn detail(cx: &Ctx, frame: &mut Frame, area: Rect) -> u16 {
    let palette = &cx.palette;
    // Scrolled down, the top border also says "more: K ↑": the title leaves it room.
    let marker_room = if cx.detail_scroll > 0 { 13 } else { 0 };
    let title = crate::text::ellipsize(
        &format!(" {} ", place(cx)),
        usize::from(area.width.saturating_sub(4 + marker_room)),
        "…",
    );
    let inner = super::super::layout::pane(
        frame,
        area,
        Line::styled(title, palette.dim),
        palette.border_focus,
    );
    if !side_by_side(cx, inner) {
        let lines = detail_lines(cx, inner.width, true);
        let total = lines.len() as u16;
        let scroll = cx.detail_scroll.min(total.saturating_sub(inner.height));
        super::super::draw_lines(frame, inner, &lines, usize::from(scroll));
        if total > scroll + inner.height {
            let more = Rect {
                x: area.right().saturating_sub(12),
                y: area.bottom().saturating_sub(1),
                width: 11.min(area.width),
                height: 1,
            };
            frame.render_widget(Paragraph::new(" more: J ↓ ").style(palette.key), more);
        }
        if scroll > 0 {
            let more = Rect {
                x: area.right().saturating_sub(12),
                y: area.y,
                width: 11.min(area.width),
                height: 1,
            };
            frame.render_widget(Paragraph::new(" more: K ↑ ").style(palette.key), more);
        }
        return total.saturating_sub(inner.height);
    }
    // Wide: header, the stages as columns side by side, then the answer.
    let header = header_lines(cx, inner.width);
    let mut answer_text = super::super::next_steps::lines(cx, inner.width);
    answer_text.extend(vision_lines(cx, inner.width));
    answer_text.extend(answer_lines(cx, inner.width));
    let columns = stage_columns_height(cx, inner.width);
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(header.len() as u16 + 1),
        Constraint::Length(columns),
        Constraint::Min(0),
    ])
    .areas(inner);
    super::super::draw_lines(frame, top, &header, 0);
    stage_columns(cx, frame, middle);
    super::super::draw_lines(frame, bottom, &answer_text, 0);
    0
}

fn column_width(cx: &Ctx, width: u16) -> u16 {
    width / cx.routemap.stages.len().max(1) as u16
}

fn stage_column_lines(cx: &Ctx, index: usize, inner_width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    let (Some(stage), Some(theme)) = (cx.routemap.stages.get(index), cx.theme()) else {
        return lines;
    };
    let style = StageRole::of(cx.answer(), &stage.id).style(palette);
    push_wrapped(
        &mut lines,
        &format!("{} {}", index + 1, stage.name),
        inner_width,
        0,
        style,
    );
    lines.push(Line::default());
    push_wrapped(
        &mut lines,
        theme.descriptors.get(index).map_or("", String::as_str),
        inner_width,
        0,
        palette.text,
    );
    lines
}

fn stage_columns_height(cx: &Ctx, width: u16) -> u16 {
    let inner = column_width(cx, width).saturating_sub(2);
    let tallest = (0..cx.routemap.stages.len())
        .map(|i| stage_column_lines(cx, i, inner).len())
        .max()
        .unwrap_or(0);
    tallest as u16 + 2
}

fn stage_columns(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let count = cx.routemap.stages.len();
    let columns = Layout::horizontal(vec![Constraint::Ratio(1, count as u32); count]).split(area);
    for (index, column) in columns.iter().enumerate() {
        let Some(stage) = cx.routemap.stages.get(index) else {
            continue;
        };
        let stage_role = StageRole::of(cx.answer(), &stage.id);
        let (mark, role) = (stage_role.mark(), stage_role.words());
        let chosen = !role.is_empty();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(if chosen {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(if chosen {
                stage_role.style(palette)
            } else {
                palette.border
            })
            .title(Line::styled(
                format!(" {mark} {} ", index + 1),
                stage_role.style(palette),
            ))
            .title_bottom(super::super::layout::fit_title(
                Line::styled(
                    role.trim_start_matches("◀ ").to_string(),
                    stage_role.style(palette),
                ),
                column.width,
            ));
        let inner = block.inner(*column);
        frame.render_widget(block, *column);
        super::super::draw_lines(frame, inner, &stage_column_lines(cx, index, inner.width), 0);
    }
}
