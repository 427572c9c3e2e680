//! The bars around a screen: the title bar, the footer (a status line or the keys that
//! matter now) and the notice shown instead when the terminal is too small.

use super::Ctx;
use crate::tui::keys;
use crate::tui::state::{MIN_HEIGHT, MIN_WIDTH, Mode};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn too_small(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let mut text = format!(
        "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    if cx.save_problem.is_some() {
        text.push_str(" · ⚠ NOT SAVED: make it bigger to see why");
    }
    let lines = crate::text::wrap_words(&text, usize::from(area.width.max(1)));
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: top,
        height: (lines.len() as u16).min(area.height),
        ..area
    };
    let text: Vec<Line> = lines.into_iter().map(Line::from).collect();
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .style(cx.palette.warning),
        rect,
    );
}

pub fn title_bar(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let progress = format!("{} ", cx.progress_label());
    let with_routemap = format!("{} {} · {progress}", cx.routemap.id, cx.routemap.version);
    // On a narrow terminal the authority's name matters more than the routemap's id.
    let mut right = if usize::from(area.width) >= with_routemap.chars().count() + 36 {
        with_routemap
    } else {
        progress
    };
    if !cx.mismatches.is_empty() {
        right = format!("⚠ {} unmatched · {right}", cx.mismatches.len());
    }
    if cx.read_only.is_some() {
        right = format!("READ-ONLY · {right}");
    }
    // A failed save is a badge of its own, in the error style, ahead of the rest.
    let badge = if cx.read_only.is_none() && cx.save_problem.is_some() {
        " ⚠ NOT SAVED "
    } else {
        ""
    };
    let right_width = (right.chars().count() + badge.chars().count()) as u16;
    let left_room = usize::from(area.width.saturating_sub(right_width + 1));
    let left = crate::text::ellipsize(
        &format!(
            " routemap │ {}",
            crate::sanitize::line(&cx.assessment.display_name())
        ),
        left_room,
        "…",
    );
    frame.render_widget(Paragraph::new(left).style(palette.title_bar), area);
    let right_area = Rect {
        x: area.right().saturating_sub(right_width),
        width: right_width.min(area.width),
        ..area
    };
    let line = Line::from(vec![
        Span::styled(badge, palette.error),
        Span::styled(right, palette.title_bar),
    ]);
    frame.render_widget(Paragraph::new(line), right_area);
}

/// The status line's text and whether it is an error: the answer to the last key, else
/// a failed save (which stays until a save works), else nothing (the keys are shown).
pub fn status_line<'a>(cx: &'a Ctx<'a>) -> Option<(&'a str, bool)> {
    match (&cx.message, &cx.save_problem) {
        (Some(message), _) => Some((message.text.as_str(), message.is_error)),
        (None, Some(problem)) if !matches!(cx.mode, Mode::ConfirmQuit) => {
            Some((problem.short.as_str(), true))
        }
        _ => None,
    }
}

/// The status message, or the keys that matter now, in the given palette.
pub fn footer_bar(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    if let Some((text, is_error)) = status_line(cx) {
        let style = if is_error {
            palette.error
        } else {
            palette.warning
        };
        let width = usize::from(area.width.saturating_sub(1)).max(1);
        let mut lines = crate::text::wrap_words(text, width);
        let rows = usize::from(area.height.max(1));
        if lines.len() > rows {
            let rest = lines.split_off(rows - 1).join(" ");
            lines.push(crate::text::ellipsize(&rest, width, "…"));
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| Line::styled(format!(" {line}"), style))
            .collect();
        frame.render_widget(Paragraph::new(lines).style(style), area);
        return;
    }
    // Drop hints from the middle (the least needed) until the rest fit; help and quit stay.
    let mut hints = keys::hints(cx.state());
    let width = |hints: &[(String, &str)]| {
        hints
            .iter()
            .map(|(key, what)| key.chars().count() + what.chars().count() + 3)
            .sum::<usize>()
            + 1
    };
    while width(&hints) > usize::from(area.width) && hints.len() > 2 {
        hints.remove(hints.len() - 3);
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in hints {
        spans.push(Span::styled(key, palette.key));
        spans.push(Span::styled(format!(" {what}  "), palette.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
