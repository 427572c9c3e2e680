//! The focused theme's stages as the details show them: each stage's head (its number,
//! name and what it is to the answer), its descriptor, its checklist with the ticks and
//! the checklist's cursor, and its guidance; a stage the theme leaves undefined says so.
//! Text from the routemap is markdown, drawn by `rich`.

use super::super::Ctx;
use super::super::rich;
use crate::assessment::Answer;
use crate::routemap::Theme;
use crate::tui::state::Mode;
use crate::tui::theme::Palette;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What a stage is to the focused theme's answer: its current stage, its target, both
/// or neither. Said by a mark and in words, never by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageRole {
    Neither,
    Current,
    Target,
    Both,
}

impl StageRole {
    pub fn of(answer: Option<&Answer>, stage_id: &str) -> Self {
        let current = answer.and_then(Answer::current_stage) == Some(stage_id);
        let target = answer.and_then(|a| a.target.as_deref()) == Some(stage_id);
        match (current, target) {
            (true, true) => StageRole::Both,
            (true, false) => StageRole::Current,
            (false, true) => StageRole::Target,
            (false, false) => StageRole::Neither,
        }
    }

    pub fn mark(self) -> &'static str {
        match self {
            StageRole::Both => "◉",
            StageRole::Current => "●",
            StageRole::Target => "◎",
            StageRole::Neither => "○",
        }
    }

    /// The words beside the stage's name: "◀ CURRENT", or nothing.
    pub fn words(self) -> &'static str {
        match self {
            StageRole::Both => "◀ CURRENT = TARGET",
            StageRole::Current => "◀ CURRENT",
            StageRole::Target => "◀ TARGET",
            StageRole::Neither => "",
        }
    }

    pub fn style(self, palette: &Palette) -> Style {
        match self {
            StageRole::Current | StageRole::Both => palette.current,
            StageRole::Target => palette.target,
            StageRole::Neither => palette.heading,
        }
    }
}

/// The focused theme's checklist as it stands: the ids ticked, the stage they suggest,
/// and the checklist's cursor (an index into [`Theme::checklist`]) while ticking.
pub struct Ticks<'a> {
    pub met: &'a [String],
    pub suggested: Option<usize>,
    pub cursor: Option<usize>,
}

impl<'a> Ticks<'a> {
    pub fn of(cx: &'a Ctx, theme: &Theme) -> Self {
        let met = cx.answer().map_or(&[][..], |a| a.met.as_slice());
        let cursor = match cx.mode {
            Mode::Ticking(at) => Some(at),
            _ => None,
        };
        Ticks {
            met,
            suggested: theme.suggested_stage(met),
            cursor,
        }
    }
}

/// Lines of one stage, and where the checklist's cursor is among them.
pub struct StageText {
    pub lines: Vec<Line<'static>>,
    pub cursor_line: Option<usize>,
}

/// The words after a stage's name: its role, and "◇ TICKS SUGGEST" for the stage the
/// ticked criteria suggest (when it is not the current one).
pub fn head_words(role: StageRole, suggested: bool) -> String {
    match (role, suggested) {
        (StageRole::Current | StageRole::Both, true) => format!("{} = TICKS", role.words()),
        (StageRole::Neither, true) => "◇ TICKS SUGGEST".to_string(),
        (StageRole::Target, true) => "◀ TARGET · TICKS SUGGEST".to_string(),
        (_, false) => role.words().to_string(),
    }
}

/// Stage `index` of the focused theme, wrapped to `width`: the head line when `head` is
/// set (stacked stages have one; a card has its own border), then the body.
pub fn stage_text(
    cx: &Ctx,
    theme: &Theme,
    index: usize,
    ticks: &Ticks,
    width: usize,
    head: bool,
) -> StageText {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    let indent = if head { 4 } else { 0 };
    if head && let Some(stage) = cx.routemap.stages.get(index) {
        let role = StageRole::of(cx.answer(), &stage.id);
        let style = role.style(palette);
        let words = head_words(role, ticks.suggested == Some(index));
        // The words never give way: a long name is cut (with "…") to leave them room.
        let room = width.saturating_sub(words.width() + 1).max(4);
        let head = crate::text::ellipsize(
            &format!("{} {}", role.mark(), cx.routemap.stage_label(index)),
            room,
            "…",
        );
        let gap = width.saturating_sub(head.width() + words.width()).max(1);
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::raw(" ".repeat(gap)),
            Span::styled(words, style),
        ]));
    }
    if !theme.is_defined(index) {
        let said = "Not defined for this theme: it skips this stage.";
        let room = width.saturating_sub(indent).max(8);
        lines.extend(crate::text::wrap_words(said, room).into_iter().map(|part| {
            Line::styled(
                format!("{}{part}", " ".repeat(indent)),
                palette.dim.add_modifier(Modifier::ITALIC),
            )
        }));
        return StageText {
            lines,
            cursor_line: None,
        };
    }
    let descriptor = theme.descriptors.get(index).map_or("", String::as_str);
    lines.extend(rich::lines(
        descriptor,
        width,
        indent,
        palette.text,
        palette,
    ));
    let cursor_line = criteria_lines(cx, theme, index, ticks, width, indent, &mut lines);
    if let Some(guidance) = theme.details.get(index).and_then(|d| d.guidance.as_deref()) {
        let heading = "To reach the next stage:";
        let room = width.saturating_sub(indent).max(8);
        lines.extend(
            crate::text::wrap_words(heading, room)
                .into_iter()
                .map(|part| {
                    Line::styled(
                        format!("{}{part}", " ".repeat(indent)),
                        palette.dim.add_modifier(Modifier::BOLD),
                    )
                }),
        );
        lines.extend(rich::lines(
            guidance,
            width,
            indent + 2,
            palette.text,
            palette,
        ));
    }
    StageText { lines, cursor_line }
}

/// The stage's criteria, each "[x]" or "[ ]" and its text hanging after it; the one
/// under the cursor marked "▸" and highlighted. Returns the cursor's line.
fn criteria_lines(
    cx: &Ctx,
    theme: &Theme,
    index: usize,
    ticks: &Ticks,
    width: usize,
    indent: usize,
    lines: &mut Vec<Line<'static>>,
) -> Option<usize> {
    let palette = &cx.palette;
    // The checklist's position of this stage's first criterion.
    let first = theme
        .checklist()
        .position(|(stage, _)| stage == index)
        .unwrap_or(0);
    let mut cursor_line = None;
    for (offset, criterion) in theme.criteria(index).iter().enumerate() {
        let ticked = ticks.met.contains(&criterion.id);
        let here = ticks.cursor == Some(first + offset);
        let pointer = if here { "▸ " } else { "  " };
        let (box_text, box_style) = if ticked {
            ("[x] ", palette.current.add_modifier(Modifier::BOLD))
        } else {
            ("[ ] ", palette.dim)
        };
        let lead = format!("{}{pointer}", " ".repeat(indent.saturating_sub(2)));
        let hang = lead.width() + box_text.width();
        let body = rich::lines(&criterion.text, width, hang, palette.text, palette);
        if here {
            cursor_line = Some(lines.len());
        }
        for (row, line) in body.into_iter().enumerate() {
            let mut spans = if row == 0 {
                vec![
                    Span::styled(lead.clone(), palette.key),
                    Span::styled(box_text, box_style),
                ]
            } else {
                Vec::new()
            };
            // The first span of a rich line is its indent: replaced by the box on the
            // first row, kept as the hang after it.
            let mut rest = line.spans.into_iter();
            if row == 0 {
                rest.next();
            }
            spans.extend(rest);
            let mut line = Line::from(spans);
            if here {
                line = line.patch_style(palette.selected);
            }
            lines.push(line);
        }
    }
    cursor_line
}

/// "Checklist: 3 of 7 met · the ticks suggest 1 Emerging (m ticks)", and a warning
/// when the stage chosen is one the ticks do not support. Nothing for a theme without
/// criteria.
pub fn checklist_summary(
    cx: &Ctx,
    theme: &Theme,
    ticks: &Ticks,
    width: usize,
) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    if !theme.has_criteria() {
        return Vec::new();
    }
    let total = theme.checklist().count();
    let met = theme
        .checklist()
        .filter(|(_, c)| ticks.met.contains(&c.id))
        .count();
    let mut text = format!("Checklist: {met} of {total} met");
    if let Some(suggested) = ticks.suggested {
        text.push_str(&format!(
            " · the ticks suggest {}",
            cx.routemap.stage_label(suggested)
        ));
    }
    let key = if ticks.cursor.is_some() {
        "  (Space ticks, Esc done)"
    } else {
        "  (m to tick)"
    };
    let mut lines: Vec<Line<'static>> = crate::text::wrap_words(&format!("{text}{key}"), width)
        .into_iter()
        .map(|part| Line::styled(part, palette.dim.add_modifier(Modifier::BOLD)))
        .collect();
    let chosen = cx
        .answer()
        .and_then(Answer::current_stage)
        .and_then(|id| cx.routemap.stage_index(id));
    if let Some(chosen) = chosen
        && theme.unsupported(chosen, ticks.met)
    {
        let warning = format!(
            "⚠ The ticks do not support {}: a criterion of it or of a stage below is not met. The stage chosen stands.",
            // A name that ends its own sentence ("Data padded.") loses its full stop
            // before the colon.
            cx.routemap.stage_label(chosen).trim_end_matches('.')
        );
        lines.extend(
            crate::text::wrap_words(&warning, width)
                .into_iter()
                .map(|part| Line::styled(part, palette.warning)),
        );
    }
    lines
}
