//! Drawing: `render(&State, &mut Frame)`, one module per screen. Views read state and
//! never change it, touch no files, and build only what the frame shows.

mod help;
mod intro;
mod next_steps;
mod quit;
mod review;
mod rollup;
pub mod walk;
pub mod workshop;

use super::keys::{Context, context_of};
use super::state::{EditField, Mode, Screen, State};
use crate::routemap::plural;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

pub use super::state::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    // A palette with its own background (the projector's) paints it first; the default
    // keeps the terminal's own and skips the work.
    if state.palette.text != Style::default() {
        frame.render_widget(Block::default().style(state.palette.text), area);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(state, frame, area);
        return;
    }
    if matches!(state.screen, Screen::Workshop | Screen::WorkshopSummary) {
        // The projector's screen: its own palette and the whole frame.
        frame.render_widget(Block::default().style(state.screen_palette().text), area);
        if state.screen == Screen::Workshop {
            workshop::render(state, frame, area);
        } else {
            workshop::render_summary(state, frame, area);
        }
        unsaved_popups(state, frame, area);
        if state.show_help {
            help::render(state, frame, area);
        }
        return;
    }
    // A status line too long for one row gets two, so its reason is not cut off.
    let footer_rows = match status_line(state) {
        Some((text, _)) if text.chars().count() + 1 > usize::from(area.width) => 2,
        _ => 1,
    };
    let [title, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_rows),
    ])
    .areas(area);
    title_bar(state, frame, title);
    match state.screen {
        Screen::Review => review::render(state, frame, body),
        _ => walk::render(state, frame, body),
    }
    footer_bar(state, frame, footer);
    if let Mode::Editing(editor) = &state.mode {
        editor_popup(state, editor, frame, body);
    }
    if let Mode::Picking(picker) = &state.mode {
        picker_popup(state, picker, frame, body);
    }
    unsaved_popups(state, frame, area);
    if state.show_intro {
        intro::render(state, frame, area);
    }
    if state.show_help {
        help::render(state, frame, area);
    }
}

/// The question on quitting with changes not saved, and where to write them instead.
fn unsaved_popups(state: &State, frame: &mut Frame, area: Rect) {
    match &state.mode {
        Mode::ConfirmQuit => quit::render(state, &state.screen_palette(), frame, area),
        Mode::SaveElsewhere(prompt) => {
            super::prompt::render(prompt, &state.screen_palette(), frame);
        }
        _ => {}
    }
}

fn too_small(state: &State, frame: &mut Frame, area: Rect) {
    let mut text = format!(
        "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
        area.width, area.height
    );
    if state.save_problem.is_some() {
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
            .style(state.palette.warning),
        rect,
    );
}

fn title_bar(state: &State, frame: &mut Frame, area: Rect) {
    let palette = &state.palette;
    let (answered, total) = state.assessment.progress(&state.routemap);
    let mut right = format!(
        "{} {} · {answered}/{total} answered ",
        state.routemap.id, state.routemap.version
    );
    if !state.mismatches.is_empty() {
        right = format!("⚠ {} unmatched · {right}", state.mismatches.len());
    }
    if state.read_only.is_some() {
        right = format!("READ-ONLY · {right}");
    }
    // A failed save is a badge of its own, in the error style, ahead of the rest.
    let badge = if state.read_only.is_none() && state.save_problem.is_some() {
        " ⚠ NOT SAVED "
    } else {
        ""
    };
    let right_width = (right.chars().count() + badge.chars().count()) as u16;
    let left_room = usize::from(area.width.saturating_sub(right_width + 1));
    let left = crate::text::ellipsize(
        &format!(
            " routemap │ {}",
            crate::sanitize::line(&state.assessment.display_name())
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

/// The keys worth showing for what the user is doing now.
fn hints(state: &State) -> Vec<(&'static str, String)> {
    let stages = state.routemap.stages.len();
    match context_of(state) {
        Context::Target => vec![
            (stage_keys(stages), "target stage".into()),
            ("0", "clear".into()),
            ("Esc", "cancel".into()),
        ],
        Context::Workshop => vec![
            (stage_keys(stages), "vote".into()),
            ("⌫", "undo vote".into()),
            ("Enter", "agree median".into()),
            ("a", "agree other".into()),
            ("b", "blind".into()),
            ("v", "reveal".into()),
            ("T", "timer".into()),
            ("p", "park".into()),
            ("→", "next".into()),
            ("s", "summary".into()),
            ("?", "help".into()),
            ("q", "quit".into()),
        ],
        Context::Agree => vec![
            (stage_keys(stages), "agreed stage".into()),
            ("Esc", "cancel".into()),
        ],
        Context::Summary => vec![
            ("s", "back to the themes".into()),
            ("w", "leave the workshop".into()),
            ("?", "help".into()),
            ("q", "quit".into()),
        ],
        Context::Picker => vec![
            ("↑↓", "choose".into()),
            ("Enter", "compare".into()),
            ("Esc", "cancel".into()),
        ],
        Context::Editor if state.save_problem.is_some() => {
            vec![("Esc", "done (NOT saved: see q)".into())]
        }
        Context::Editor => vec![("Esc", "done (saved as you type)".into())],
        Context::QuitUnsaved => vec![
            ("r", "retry".into()),
            ("w", "write elsewhere".into()),
            ("Q", "quit without them".into()),
            ("Esc", "back".into()),
        ],
        Context::SaveElsewhere => vec![("Enter", "write".into()), ("Esc", "back".into())],
        Context::Normal => {
            let mut hints = vec![
                (stage_keys(stages), "stage".into()),
                ("t", "target".into()),
                ("x", "n/a".into()),
                ("n", "notes".into()),
                ("e", "evidence".into()),
            ];
            if state.answer().is_some_and(|answer| answer.carried) {
                hints.insert(0, ("Enter", "confirm".into()));
            }
            hints.push((
                "r",
                if state.screen == Screen::Review {
                    "walk".into()
                } else {
                    "review".into()
                },
            ));
            if state.screen == Screen::Review {
                hints.push(("p", "report".into()));
            }
            hints.push(("?", "help".into()));
            hints.push(("q", "quit".into()));
            hints
        }
    }
}

/// The status line's text and whether it is an error: the answer to the last key, else
/// a failed save (which stays until a save works), else nothing (the keys are shown).
fn status_line(state: &State) -> Option<(&str, bool)> {
    match (&state.message, &state.save_problem) {
        (Some(message), _) => Some((message.text.as_str(), message.is_error)),
        (None, Some(problem)) if !matches!(state.mode, Mode::ConfirmQuit) => {
            Some((problem.short.as_str(), true))
        }
        _ => None,
    }
}

/// "1-5" for a scale of five (scales have 2 to 9 stages).
pub fn stage_keys(stages: usize) -> &'static str {
    const RANGES: [&str; 10] = [
        "1", "1", "1-2", "1-3", "1-4", "1-5", "1-6", "1-7", "1-8", "1-9",
    ];
    RANGES[stages.min(9)]
}

fn footer_bar(state: &State, frame: &mut Frame, area: Rect) {
    footer_bar_with(state, &state.palette, frame, area);
}

/// The status message, or the keys that matter now, in the given palette.
pub fn footer_bar_with(
    state: &State,
    palette: &crate::tui::theme::Palette,
    frame: &mut Frame,
    area: Rect,
) {
    if let Some((text, is_error)) = status_line(state) {
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
    let mut hints = hints(state);
    let width = |hints: &[(&str, String)]| {
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

fn editor_popup(state: &State, editor: &super::state::Editor, frame: &mut Frame, body: Rect) {
    let palette = &state.palette;
    let theme = state.theme().map_or("", |theme| theme.name.as_str());
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
    let saving = if state.save_problem.is_some() {
        "NOT saved: saving is failing."
    } else {
        "Saved as you type."
    };
    let help = format!("{help} {saving}");
    // Over the lower part of the theme's pane, so its name and question stay in view.
    let pane = match state.screen {
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
        .title_bottom(Line::styled(format!(" {help} "), palette.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.text, inner);
}

fn picker_popup(state: &State, picker: &super::state::Picker, frame: &mut Frame, body: Rect) {
    let palette = &state.palette;
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
            let (answered, total) = candidate.assessment.progress(&state.routemap);
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

/// A `width` × `height` rectangle centred in `outer` (clamped to fit it).
pub fn centered(outer: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(outer.width);
    let height = height.min(outer.height);
    Rect {
        x: outer.x + (outer.width - width) / 2,
        y: outer.y + (outer.height - height) / 2,
        width,
        height,
    }
}

/// Draws lines already wrapped to the area's width, from line `skip`, straight into
/// the buffer: no re-wrapping and no restyling of blank cells, which a frame of
/// Paragraphs spends most of its time on.
pub fn draw_lines(frame: &mut Frame, area: Rect, lines: &[Line<'_>], skip: usize) {
    let buf = frame.buffer_mut();
    let area = area.intersection(buf.area);
    for (row, line) in lines
        .iter()
        .skip(skip)
        .take(usize::from(area.height))
        .enumerate()
    {
        buf.set_line(area.x, area.y + row as u16, line, area.width);
    }
}

/// A paragraph of wrapped text for the panes.
pub fn wrapped(lines: Vec<Line<'static>>, style: Style) -> Paragraph<'static> {
    Paragraph::new(lines)
        .style(style)
        .wrap(Wrap { trim: false })
}

/// "3 of 12 themes".
pub fn count_of(index: usize, total: usize) -> String {
    format!("{} of {}", index + 1, plural(total, "theme"))
}
