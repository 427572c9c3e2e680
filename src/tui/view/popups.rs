//! Pop-ups over a screen: the notes and evidence editor, the picker of an assessment to
//! compare with, and the questions asked when a change could not be saved.

use super::layout::{centered, draw_lines};
use super::{Ctx, quit, walk};
use crate::tui::state::{EditField, Editor, Mode, Picker, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear};

/// The question on quitting with changes not saved, and where to write them instead.
pub fn unsaved_popups(cx: &Ctx, frame: &mut Frame, area: Rect) {
    match &cx.mode {
        Mode::ConfirmQuit => quit::render(cx, &cx.palette, frame, area),
        Mode::SaveElsewhere(prompt) => {
            crate::tui::prompt::render(prompt, &cx.palette, frame);
        }
        _ => {}
    }
}

pub fn editor_popup(cx: &Ctx, editor: &Editor, frame: &mut Frame, body: Rect) {
    let palette = &cx.palette;
    let theme = cx.theme().map_or("", |theme| theme.name.as_str());
    let (what, help) = match editor.field {
        EditField::Notes => (
            "Notes",
            "Type freely; Enter starts a new line. Esc finishes.",
        ),
        EditField::Evidence => (
            "Evidence",
            "One link, path or reference a line. Esc finishes.",
        ),
    };
    let saving = if cx.save_problem.is_some() {
        "NOT saved: saving is failing."
    } else {
        "Saved as you type."
    };
    let help = format!("{help} {saving}");
    // Over the lower part of the theme's pane, so its name and question stay in view.
    let pane = match cx.screen {
        Screen::Walk => walk::layout(body).detail,
        _ => body,
    };
    let height = (pane.height / 2).max(8).min(pane.height);
    let area = Rect {
        y: pane.bottom() - height,
        height,
        ..pane
    };
    let width = area.width;
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.border_focus)
        .title(Line::styled(
            format!(
                " {what} — {} ",
                crate::text::ellipsize(theme, usize::from(width.saturating_sub(16)), "…")
            ),
            palette.heading,
        ))
        .title_bottom(super::layout::fit_title(
            Line::styled(format!(" {help} "), palette.dim),
            width,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.text, inner);
}

pub fn picker_popup(cx: &Ctx, picker: &Picker, frame: &mut Frame, body: Rect) {
    let palette = &cx.palette;
    let width = body.width.saturating_sub(8).min(90);
    let height = (picker.candidates.len() as u16 + 2)
        .min(body.height.saturating_sub(2))
        .max(3);
    let area = centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.border_focus)
        .title(Line::styled(" Compare with … ", palette.heading))
        .title_bottom(Line::styled(" Enter compares · Esc cancels ", palette.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let first = picker
        .selected
        .saturating_sub(rows / 2)
        .min(picker.candidates.len().saturating_sub(rows));
    let lines: Vec<Line> = picker
        .candidates
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(index, candidate)| {
            let (answered, total) = candidate.assessment.progress(&cx.routemap);
            let updated = candidate
                .assessment
                .updated
                .map(|at| at.date())
                .unwrap_or_default();
            let tail = format!("  {answered}/{total}  {updated}");
            let name_room = usize::from(inner.width).saturating_sub(tail.chars().count() + 2);
            let name = crate::text::ellipsize(&candidate.name, name_room, "…");
            let pad =
                name_room.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
            let marker = if index == picker.selected {
                "▶ "
            } else {
                "  "
            };
            let text = format!("{marker}{name}{}{tail}", " ".repeat(pad));
            let style = if index == picker.selected {
                palette.selected
            } else {
                palette.text
            };
            Line::styled(text, style)
        })
        .collect();
    draw_lines(frame, inner, &lines, 0);
}
