//! The walk's list of themes, by section, each with its mark and stage.

use super::super::Ctx;
use crate::assessment::{Answer, Current};
use crate::text::ellipsize;
use crate::tui::theme::Palette;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The mark and short status of a theme in the list: never colour alone.
pub fn mark(cx: &Ctx, answer: Option<&Answer>) -> (&'static str, String) {
    let Some(answer) = answer else {
        return ("○", String::new());
    };
    let stage_number = |id: &str| {
        cx.routemap
            .stage_index(id)
            .map_or("?".to_string(), |i| cx.routemap.stage_number(i).to_string())
    };
    let target = answer
        .target
        .as_deref()
        .map(|t| format!("→{}", stage_number(t)))
        .unwrap_or_default();
    match &answer.current {
        Some(Current::NotApplicable) if answer.carried => ("↻", "n/a".into()),
        Some(Current::NotApplicable) => ("–", "n/a".into()),
        Some(Current::Stage(stage)) if answer.carried => {
            ("↻", format!("{}{target}", stage_number(stage)))
        }
        Some(Current::Stage(stage)) if cx.routemap.stage_index(stage).is_none() => {
            ("?", "?".into())
        }
        Some(Current::Stage(stage)) => ("●", format!("{}{target}", stage_number(stage))),
        None if !target.is_empty() => ("○", target),
        None => ("○", String::new()),
    }
}

enum Row {
    /// A section's heading; `None` heads the themes of no section.
    Section(Option<usize>),
    Theme(usize),
}

/// The list in the walk's order: a heading where a section starts (and one for the
/// themes of no section, when the routemap has sections), then its themes.
fn list_rows(cx: &Ctx) -> Vec<Row> {
    let mut rows = Vec::with_capacity(cx.order.len() + cx.routemap.sections.len() + 1);
    let mut previous = None;
    for &index in &cx.order {
        let section = cx.routemap.themes[index].section;
        if !cx.routemap.sections.is_empty() && previous != Some(section) {
            rows.push(Row::Section(section));
        }
        previous = Some(section);
        rows.push(Row::Theme(index));
    }
    rows
}

pub(super) fn theme_list(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let (answered, _, total) = cx.walk_progress();
    let inner = super::super::layout::pane(
        frame,
        area,
        Line::styled(format!(" Themes {answered}/{total} "), palette.heading),
        palette.border,
    );
    let rows = list_rows(cx);
    let selected_row = rows
        .iter()
        .position(|row| matches!(row, Row::Theme(i) if *i == cx.selected))
        .unwrap_or(0);
    // Keep the focused theme in view, centred where the list is longer than the pane.
    let height = usize::from(inner.height);
    let first = selected_row
        .saturating_sub(height / 2)
        .min(rows.len().saturating_sub(height));
    let width = usize::from(inner.width);
    let answers = cx.assessment.answers_for(&cx.routemap);
    let names = shown_names(cx, &answers, width);
    let lines: Vec<Line> = rows[first..rows.len().min(first + height)]
        .iter()
        .map(|row| match row {
            Row::Section(section) => section_line(cx, &answers, *section, width),
            Row::Theme(index) => theme_line(cx, *index, &names[*index], width, palette),
        })
        .collect();
    super::super::draw_lines(frame, inner, &lines, 0);
    if first > 0 {
        frame.render_widget(
            Paragraph::new("▲").style(palette.dim),
            Rect {
                x: area.right().saturating_sub(2),
                y: area.y,
                width: 1,
                height: 1,
            },
        );
    }
    if first + height < rows.len() {
        frame.render_widget(
            Paragraph::new("▼").style(palette.dim),
            Rect {
                x: area.right().saturating_sub(2),
                y: area.bottom().saturating_sub(1),
                width: 1,
                height: 1,
            },
        );
    }
}

fn section_line(
    cx: &Ctx,
    answers: &[Option<&Answer>],
    section: Option<usize>,
    width: usize,
) -> Line<'static> {
    let name = match section {
        Some(section) => cx
            .routemap
            .sections
            .get(section)
            .map_or("", |s| s.name.as_str()),
        None => crate::report::OTHER_THEMES,
    };
    let in_section = || {
        cx.routemap
            .themes
            .iter()
            .zip(answers)
            .filter(|(theme, _)| theme.section == section)
    };
    let themes: Vec<_> = in_section().map(|(theme, _)| theme).collect();
    let done = in_section()
        .filter(|(_, answer)| answer.is_some_and(|a| a.current.is_some() && !a.carried))
        .count();
    let count = format!(" {done}/{}", themes.len());
    let name = ellipsize(name, width.saturating_sub(count.width()), "…");
    Line::from(vec![
        Span::styled(name, cx.palette.heading.add_modifier(Modifier::UNDERLINED)),
        Span::styled(count, cx.palette.dim),
    ])
}

/// Every theme's name cut to the room its row leaves beside its status ("3→4", "n/a");
/// names whose cuts would read alike are cut again together, so they stay told apart.
fn shown_names(cx: &Ctx, answers: &[Option<&Answer>], width: usize) -> Vec<String> {
    let digits = cx.routemap.themes.len().to_string().len();
    let rooms: Vec<usize> = answers
        .iter()
        .map(|answer| width.saturating_sub(2 + digits + 1 + mark(cx, *answer).1.width() + 1))
        .collect();
    let names: Vec<&str> = cx.routemap.themes.iter().map(|t| t.name.as_str()).collect();
    let mut shown: Vec<String> = names
        .iter()
        .zip(&rooms)
        .map(|(name, room)| ellipsize(name, *room, "…"))
        .collect();
    let mut alike: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (index, text) in shown.iter().enumerate() {
        alike.entry(text.as_str()).or_default().push(index);
    }
    let recut: Vec<(usize, String)> = alike
        .into_values()
        .filter(|members| members.iter().any(|&i| names[i] != names[members[0]]))
        .flat_map(|members| {
            let room = members.iter().map(|&i| rooms[i]).min().unwrap_or(0);
            let group: Vec<&str> = members.iter().map(|&i| names[i]).collect();
            members
                .into_iter()
                .zip(crate::text::ellipsize_distinct(&group, room))
        })
        .collect();
    for (index, text) in recut {
        shown[index] = text;
    }
    shown
}

fn theme_line(
    cx: &Ctx,
    index: usize,
    name: &str,
    width: usize,
    palette: &Palette,
) -> Line<'static> {
    let theme = &cx.routemap.themes[index];
    let answer = cx.assessment.answer(&theme.id);
    let (symbol, status) = mark(cx, answer);
    // Numbered as on the radar and the review, so names cut short stay distinct.
    let digits = cx.routemap.themes.len().to_string().len();
    let number = format!("{:>digits$} ", index + 1);
    let status_width = status.width();
    let padding = width.saturating_sub(2 + number.len() + name.width() + status_width);
    let text = format!("{symbol} {number}{name}{}{status}", " ".repeat(padding));
    let style = if index == cx.selected {
        palette.selected
    } else if answer.is_some_and(|a| a.carried) {
        palette.carried
    } else {
        palette.text
    };
    Line::styled(text, style)
}
