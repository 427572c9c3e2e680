//! The focused theme's pane: its question, every stage (stacked and scrolled, or as
//! cards side by side when they fit whole), what to do next, its vision, and the answer.

use super::super::Ctx;
use super::super::count_of;
use super::super::rich;
use super::cards;
use super::stages::{Ticks, checklist_summary, stage_text};
use crate::assessment::Current;
use crate::text::wrap_words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Pushes text wrapped to `width`, each line indented, keeping the text's own line breaks.
/// How much of an answer's notes the details show (a few screens of text).
const NOTES_SHOWN_BYTES: usize = 16 * 1024;

pub(super) fn push_wrapped(
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
pub(super) fn header_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
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
        lines.extend(rich::lines(
            question,
            usize::from(width),
            0,
            palette.text.add_modifier(Modifier::BOLD),
            palette,
        ));
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
        lines.extend(rich::lines(
            vision,
            usize::from(width),
            0,
            palette.dim.add_modifier(Modifier::ITALIC),
            palette,
        ));
    }
    let principles = cx.routemap.principle_names(theme);
    if !principles.is_empty() {
        lines.push(Line::default());
        let text = format!("Principles: {}", principles.join(", "));
        push_wrapped(&mut lines, &text, width, 0, palette.dim);
    }
    lines
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
        Some(notes) => {
            // Long notes are shown in part, so a frame costs the same however much was
            // written (10 MB of notes took a third of a second a frame); `n` shows all.
            let shown = crate::text::prefix_within(notes, NOTES_SHOWN_BYTES);
            push_wrapped(&mut lines, shown, width, 2, palette.text);
            if shown.len() < notes.len() {
                let more = notes[shown.len()..].chars().count();
                lines.push(Line::styled(
                    format!("  … and {more} more characters: n shows the notes in full"),
                    palette.dim,
                ));
            }
        }
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

/// The stacked details: every line wrapped to a width, where each stage's text starts,
/// and the line of the checklist's cursor.
pub struct DetailText {
    pub lines: Vec<Line<'static>>,
    /// The line each stage's head is on, by stage index.
    pub stage_starts: Vec<usize>,
    pub cursor_line: Option<usize>,
}

/// Every line of the stacked detail pane, wrapped to `width`.
pub fn detail_lines(cx: &Ctx, width: u16) -> DetailText {
    let palette = &cx.palette;
    let mut lines = header_lines(cx, width);
    let mut stage_starts = Vec::new();
    let mut cursor_line = None;
    let Some(theme) = cx.theme() else {
        return DetailText {
            lines,
            stage_starts,
            cursor_line,
        };
    };
    lines.push(Line::default());
    // The footer gives the keys; a tall pane can afford to say them here too.
    if cx.size.1 >= 40 {
        let keys = crate::tui::keys::digit_keys(&cx.routemap);
        push_wrapped(
            &mut lines,
            &format!("Stages: {keys} sets the current stage, t then {keys} the target, x n/a"),
            width,
            0,
            palette.dim,
        );
    }
    lines.extend(not_applicable_lines(cx, width));
    let ticks = Ticks::of(cx, theme);
    lines.extend(checklist_summary(cx, theme, &ticks, usize::from(width)));
    for index in 0..cx.routemap.stages.len() {
        stage_starts.push(lines.len());
        let text = stage_text(cx, theme, index, &ticks, usize::from(width), true);
        if let Some(line) = text.cursor_line {
            cursor_line = Some(lines.len() + line);
        }
        lines.extend(text.lines);
    }
    lines.extend(after_stages(cx, width));
    DetailText {
        lines,
        stage_starts,
        cursor_line,
    }
}

/// "– Not applicable: …" when the theme is marked so.
pub(super) fn not_applicable_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if cx
        .answer()
        .is_some_and(|a| a.current == Some(Current::NotApplicable))
    {
        push_wrapped(
            &mut lines,
            "– Not applicable: left off the radar and the scores (x to undo)",
            width,
            0,
            cx.palette.warning,
        );
    }
    lines
}

/// What follows the stages: the next stage and what each role should do, the vision,
/// and the answer's confidence, notes and evidence.
pub(super) fn after_stages(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let mut lines = super::super::next_steps::lines(cx, width);
    lines.extend(vision_lines(cx, width));
    lines.extend(answer_lines(cx, width));
    lines
}

/// "Strategic capabilities · 1 of 12 themes": where the focused theme sits.
fn place(cx: &Ctx) -> String {
    let mut place = count_of(cx.display_position(), cx.routemap.themes.len());
    if let Some(section) = cx.theme().and_then(|theme| cx.routemap.section_of(theme)) {
        place = format!("{} · {place}", section.name);
    }
    place
}

/// How the details were drawn, for `update`: how far they can scroll, how far they are
/// scrolled, and how many lines a page holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailMeasure {
    pub max_scroll: u16,
    pub scroll: u16,
    pub page: u16,
}

/// The scroll that shows what was asked for: a stage's text at the top (`s`), the
/// checklist's cursor in view, or where the user scrolled to.
fn scroll_for(cx: &Ctx, text: &DetailText, height: usize, max: usize) -> usize {
    let mut scroll = usize::from(cx.detail_scroll);
    if let Some(start) = cx.show_stage.and_then(|stage| text.stage_starts.get(stage)) {
        scroll = *start;
    }
    if let Some(line) = text.cursor_line {
        // A line of context above the cursor, and the whole criterion below it.
        if line < scroll + 1 {
            scroll = line.saturating_sub(1);
        } else if line + 3 > scroll + height {
            scroll = (line + 3).saturating_sub(height);
        }
    }
    scroll.min(max)
}

/// The focused theme's pane; returns how it was drawn.
pub(super) fn detail(cx: &Ctx, frame: &mut Frame, area: Rect) -> DetailMeasure {
    let palette = &cx.palette;
    let inner = super::super::layout::pane(frame, area, Line::default(), palette.border_focus);
    let measure = match cards::draw(cx, frame, area, inner) {
        Some(measure) => measure,
        None => stacked(cx, frame, area, inner),
    };
    // The title last, once the scroll is known: scrolled down, the top border also
    // says "more: K ↑", and the title leaves it room.
    let marker_room = if measure.scroll > 0 { 13 } else { 2 };
    let title = crate::text::ellipsize(
        &format!(" {} ", place(cx)),
        usize::from(area.width.saturating_sub(marker_room)),
        "…",
    );
    let title = Line::styled(title, palette.dim);
    frame.buffer_mut().set_line(
        area.x + 1,
        area.y,
        &title,
        area.width.saturating_sub(marker_room),
    );
    measure
}

/// The details stacked in one column, scrolled.
fn stacked(cx: &Ctx, frame: &mut Frame, area: Rect, inner: Rect) -> DetailMeasure {
    let text = detail_lines(cx, inner.width);
    let height = usize::from(inner.height);
    let max = text.lines.len().saturating_sub(height);
    let scroll = scroll_for(cx, &text, height, max);
    super::super::draw_lines(frame, inner, &text.lines, scroll);
    more_markers(cx, frame, area, scroll > 0, scroll < max);
    DetailMeasure {
        max_scroll: u16::try_from(max).unwrap_or(u16::MAX),
        scroll: u16::try_from(scroll).unwrap_or(u16::MAX),
        page: inner.height,
    }
}

/// "more: K ↑" on the top border and "more: J ↓" on the bottom one, where there is
/// more to read that way.
pub(super) fn more_markers(cx: &Ctx, frame: &mut Frame, area: Rect, above: bool, below: bool) {
    let style = cx.palette.key;
    let at = |y| Rect {
        x: area.right().saturating_sub(12),
        y,
        width: 11.min(area.width),
        height: 1,
    };
    if below {
        let y = area.bottom().saturating_sub(1);
        frame.render_widget(Paragraph::new(" more: J ↓ ").style(style), at(y));
    }
    if above {
        frame.render_widget(Paragraph::new(" more: K ↑ ").style(style), at(area.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;
    use crate::clock::Timestamp;
    use crate::tui::state::State;
    use crate::tui::theme::Painter;

    #[test]
    fn long_notes_are_shown_in_part_with_the_way_to_all_of_them() {
        let routemap = crate::builtin::planting_the_flag();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        let notes = "The board met and agreed the plan.\n".repeat(10_000);
        assessment.answer_mut(&routemap, "leadership").notes = Some(notes.clone());
        let state = State::new(routemap, assessment, "a.yaml".into());
        let cx = Ctx::new(&state, &Painter::monochrome());
        let lines = answer_lines(&cx, 80);
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        // A few screens of it, not 10,000 lines, then how much more and how to see it.
        assert!(text.len() < 600, "{}", text.len());
        let last = text
            .iter()
            .find(|line| line.contains("more characters"))
            .expect("the rest is said");
        let shown: usize =
            notes.len() - crate::text::prefix_within(&notes, NOTES_SHOWN_BYTES).len();
        assert_eq!(
            last.trim(),
            format!("… and {shown} more characters: n shows the notes in full")
        );
    }
}
