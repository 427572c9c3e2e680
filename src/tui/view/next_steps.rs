//! The walk's "next steps" for the focused theme: the descriptor of the stage to reach
//! next, and what each role the routemap names should do now (the same words as the
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
    if let Some((label, descriptor)) = next_stage(cx) {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("Next: ", palette.dim.add_modifier(Modifier::BOLD)),
            Span::styled(label, palette.target.add_modifier(Modifier::BOLD)),
        ]));
        for part in wrap_words(&sanitize::text(&descriptor), width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {part}"), palette.text));
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

/// "To reach 3 Route planned (target 4)" and its descriptor, for a theme at a stage
/// below the top of the scale.
fn next_stage(cx: &Ctx) -> Option<(String, String)> {
    let theme = cx.theme()?;
    let answer = cx.answer()?;
    let Some(Current::Stage(current)) = &answer.current else {
        return None;
    };
    let next = cx.routemap.stage_index(current)? + 1;
    let stage = cx.routemap.stages.get(next)?;
    let target = answer
        .target
        .as_deref()
        .and_then(|t| cx.routemap.stage_index(t));
    let towards = match target {
        Some(target) if target > next => format!(", on the way to the target, {}", target + 1),
        Some(target) if target == next => ", the target".to_string(),
        Some(_) => " (the target is reached)".to_string(),
        None => String::new(),
    };
    let label = format!(
        "to reach {} {}{towards}",
        next + 1,
        sanitize::line(&stage.name)
    );
    Some((
        label,
        theme.descriptors.get(next).cloned().unwrap_or_default(),
    ))
}
