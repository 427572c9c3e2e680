//! The walk's "next steps" for the focused theme: the stage to reach next and how (the
//! routemap's guidance), and what each role the routemap names should do now (the same words as the
//! report's action plan). Text from the routemap is shown, never sent (`sanitize`).

use super::Ctx;
use crate::assessment::Current;
use crate::report::role_label;
use crate::sanitize;
use crate::text::wrap_words;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The heading line and what follows; empty when there is nothing to say.
pub fn lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let Some(theme) = cx.theme() else {
        return Vec::new();
    };
    let width = usize::from(width).max(12);
    let mut lines = Vec::new();
    if let Some(label) = next_stage(cx) {
        lines.push(Line::default());
        // "Next stage: " then the label, wrapped under itself.
        let lead = "Next stage: ";
        for (index, part) in wrap_words(&label, width.saturating_sub(lead.width()))
            .into_iter()
            .enumerate()
        {
            let head = if index == 0 {
                lead.to_string()
            } else {
                " ".repeat(lead.width())
            };
            lines.push(Line::from(vec![
                Span::styled(head, palette.dim.add_modifier(Modifier::BOLD)),
                Span::styled(part, palette.target.add_modifier(Modifier::BOLD)),
            ]));
        }
    }
    if theme.actions.is_empty() {
        return lines;
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "What each role should do now",
        palette.dim.add_modifier(Modifier::BOLD),
    ));
    let label_width = theme
        .actions
        .iter()
        .map(|(role, _)| sanitize::line(&role_label(role)).width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (role, actions) in &theme.actions {
        let label = sanitize::line(&role_label(role)).into_owned();
        for (index, action) in actions.iter().enumerate() {
            let room = width.saturating_sub(label_width + 4);
            let action = sanitize::text(action);
            for (line_index, part) in wrap_words(&action, room).into_iter().enumerate() {
                let head = if index == 0 && line_index == 0 {
                    format!("  {label:<label_width$}  ")
                } else {
                    " ".repeat(label_width + 4)
                };
                lines.push(Line::from(vec![
                    Span::styled(head, palette.heading),
                    Span::styled(part, palette.text),
                ]));
            }
        }
    }
    lines
}

/// "3 Route planned (the target is 4 Managed)": the stage to reach next. How to reach
/// it (the current stage's guidance) and what it looks like are with the stages above.
/// Stages the theme leaves undefined are passed over.
fn next_stage(cx: &Ctx) -> Option<String> {
    let theme = cx.theme()?;
    let answer = cx.answer()?;
    let Some(Current::Stage(current)) = &answer.current else {
        return None;
    };
    let routemap = &cx.routemap;
    let current = routemap.stage_index(current)?;
    let next = (current + 1..routemap.stages.len()).find(|&index| theme.is_defined(index))?;
    let target = answer
        .target
        .as_deref()
        .and_then(|t| routemap.stage_index(t));
    let towards = match target {
        Some(target) if target > next => {
            format!(
                " (the target is {})",
                sanitize::line(&routemap.stage_label(target))
            )
        }
        Some(target) if target == next => " (the target)".to_string(),
        Some(_) => " (the target is already reached)".to_string(),
        None => String::new(),
    };
    Some(format!(
        "{}{towards}",
        sanitize::line(&routemap.stage_label(next))
    ))
}
