//! The stages the room votes on: each stage's name (marked when agreed, last time's, or
//! the median), its full descriptor, and beside it the tally's bar, the count (in large
//! digits from 120 columns when they fit) and the earlier rounds' counts in small type.
//! Nothing is cut: what does not fit scrolls (`J`/`K`), with a line saying so.

use super::super::rich;
use super::{Ctx, LARGE_DIGITS};
use crate::routemap::plural;
use crate::text::wrap_words;
use crate::workshop::bigtype::{self, Size};
use crate::workshop::{At, Shown, Standing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Earlier rounds shown beside a stage: the last few, oldest first.
const ROUNDS_SHOWN: usize = 3;

/// Draws the question, the room's note and the stages; returns how far they scroll.
pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect, shown: &Shown) -> u16 {
    let count = cx.routemap.stages.len();
    if area.height == 0 || count == 0 {
        return 0;
    }
    let mut lines = preamble(cx, shown, usize::from(area.width));
    // Large counts only when every stage's block then still fits without scrolling.
    let large = area.width + 2 >= LARGE_DIGITS
        && shown.cast > 0
        && Columns::new(shown, area.width, true)
            .filter(|columns| columns.tally.is_some())
            .is_some_and(|columns| {
                let rows: usize = (0..count)
                    .map(|i| block(cx, shown, &columns, i).len())
                    .sum();
                lines.len() + rows <= usize::from(area.height)
            });
    let Some(columns) = Columns::new(shown, area.width, large) else {
        return 0; // Small counts always have columns.
    };
    let blocks: Vec<Vec<Line>> = (0..count)
        .map(|index| block(cx, shown, &columns, index))
        .collect();
    // A blank line between stages when there is room: easier to read from the back.
    let needed: usize = lines.len() + blocks.iter().map(Vec::len).sum::<usize>();
    let spaced = needed + count - 1 <= usize::from(area.height);
    for (index, block) in blocks.into_iter().enumerate() {
        if spaced && index > 0 {
            lines.push(Line::default());
        }
        lines.extend(block);
    }
    scrolled(cx, frame, area, &lines)
}

/// Draws `lines` from the scroll position; when they do not all fit, the last row says
/// how many more there are and which key scrolls. Returns how far they can scroll.
pub fn scrolled(cx: &Ctx, frame: &mut Frame, area: Rect, lines: &[Line]) -> u16 {
    let height = usize::from(area.height);
    if lines.len() <= height {
        super::super::draw_lines(frame, area, lines, 0);
        return 0;
    }
    let visible = height.saturating_sub(1);
    let max = lines.len() - visible;
    let skip = usize::from(cx.detail_scroll).min(max);
    let text = Rect {
        height: visible as u16,
        ..area
    };
    super::super::draw_lines(frame, text, lines, skip);
    let after = lines.len() - skip - visible;
    let marker = match (after, skip) {
        (0, _) => " ↑ K scrolls back up ".to_string(),
        (_, 0) => format!(" ↓ {} more: J scrolls down ", plural(after, "line")),
        _ => format!(" ↓ {} more: J scrolls down, K up ", plural(after, "line")),
    };
    let row = Rect {
        y: area.y + visible as u16,
        height: 1,
        ..area
    };
    super::super::draw_lines(frame, row, &[Line::styled(marker, cx.palette.key)], 0);
    u16::try_from(max).unwrap_or(u16::MAX)
}

/// The question, the room's note, and a theme agreed not applicable.
fn preamble(cx: &Ctx, shown: &Shown, width: usize) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    if let Some(question) = cx.theme().and_then(|t| t.question.as_ref()) {
        // Markdown, drawn as the walk draws it: never its raw markup.
        let bold = palette.text.add_modifier(Modifier::BOLD);
        lines.extend(rich::lines(question, width, 0, bold, palette));
        lines.push(Line::default());
    }
    if let Some(note) = &shown.room_note {
        let note = format!("✎ The room's note: {}", crate::sanitize::text(note));
        lines.extend(
            wrap_words(&note, width)
                .into_iter()
                .map(|part| Line::styled(part, palette.current)),
        );
        lines.push(Line::default());
    }
    if shown.standing == Standing::Agreed(At::NotApplicable) {
        // A read-only screen (a follower) offers no key.
        let undo = if cx.read_only.is_none() {
            "(u takes it back) "
        } else {
            ""
        };
        lines.push(Line::styled(
            format!(" – NOT APPLICABLE: left off the radar and the scores {undo}"),
            palette.warning,
        ));
        lines.push(Line::default());
    }
    lines
}

/// How the stage list is laid out.
struct Columns {
    /// The width of a stage's name, and of its descriptor beside large counts.
    text: usize,
    /// The width of a descriptor: under a one-row tally it has the whole width.
    descriptor: usize,
    /// The tally beside them; `None` while it is hidden.
    tally: Option<Tally>,
}

struct Tally {
    counts: Vec<u32>,
    most: u32,
    bar: usize,
    /// Counts in large digits (four rows a stage at least).
    large: bool,
    count_width: usize,
    /// Each stage's earlier rounds in small type, "r1 2 · r2 0".
    rounds: Vec<String>,
    rounds_width: usize,
}

impl Columns {
    /// The columns for `width`; `None` when large counts leave the stages too narrow a
    /// column. Small counts always fit: on a narrow screen the earlier rounds give way
    /// (the status line still says there were some), then the bar shortens.
    fn new(shown: &Shown, width: u16, large: bool) -> Option<Columns> {
        let width = usize::from(width);
        let Some(counts) = shown.tally.clone() else {
            return Some(Columns {
                text: width,
                descriptor: width,
                tally: None,
            });
        };
        let most = counts.iter().copied().max().unwrap_or(0).max(1);
        let digits = most.to_string().len();
        let count_width = if large { digits * 8 } else { digits };
        let mut rounds = earlier_rounds(shown, counts.len());
        let mut bar = if width + 2 >= usize::from(LARGE_DIGITS) {
            (width / 5).clamp(10, 30)
        } else {
            (width / 6).clamp(6, 16)
        };
        let text_width = |bar: usize, rounds: &[String]| {
            let rounds_width = rounds.iter().map(|r| r.width()).max().unwrap_or(0);
            let rounds_room = if rounds_width > 0 {
                rounds_width + 2
            } else {
                0
            };
            width.saturating_sub(bar + 1 + count_width + rounds_room + 2)
        };
        const NARROWEST: usize = 20;
        if text_width(bar, &rounds) < NARROWEST {
            if large {
                return None;
            }
            rounds.clear();
            if text_width(bar, &rounds) < NARROWEST {
                bar = 3;
            }
        }
        let text = text_width(bar, &rounds).max(1);
        let rounds_width = rounds.iter().map(|r| r.width()).max().unwrap_or(0);
        Some(Columns {
            text,
            descriptor: if large { text } else { width },
            tally: Some(Tally {
                counts,
                most,
                bar,
                large,
                count_width,
                rounds,
                rounds_width,
            }),
        })
    }
}

/// Each stage's counts in the last few earlier rounds, in small type.
fn earlier_rounds(shown: &Shown, stages: usize) -> Vec<String> {
    let rounds = &shown.earlier_rounds;
    let first = rounds.len().saturating_sub(ROUNDS_SHOWN);
    (0..stages)
        .map(|stage| {
            rounds
                .iter()
                .enumerate()
                .skip(first)
                .map(|(index, round)| {
                    format!("r{} {}", index + 1, round.get(stage).copied().unwrap_or(0))
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect()
}

/// How a stage's name is marked: its symbol, the words after it, its style.
fn marking(cx: &Ctx, shown: &Shown, index: usize) -> (&'static str, &'static str, Style) {
    let palette = &cx.palette;
    match &shown.standing {
        Standing::Agreed(At::Stage(stage)) if *stage == index => {
            let words = if shown.agreed_off_median {
                "  ◀ AGREED, not the median"
            } else {
                "  ◀ AGREED"
            };
            ("●", words, palette.current)
        }
        Standing::LastTime(At::Stage(stage)) if *stage == index => {
            ("↻", "  ↻ last time, not agreed yet", palette.carried)
        }
        _ if shown.median == Some(index) => ("○", "  ◇ median", palette.heading),
        _ => ("○", "", palette.heading),
    }
}

/// One stage: its name and full descriptor, the tally beside them.
fn block(cx: &Ctx, shown: &Shown, columns: &Columns, index: usize) -> Vec<Line<'static>> {
    let (Some(stage), Some(theme)) = (cx.routemap.stages.get(index), cx.theme()) else {
        return Vec::new();
    };
    let (mark, words, head_style) = marking(cx, shown, index);
    // The name is wrapped, never cut: what the room votes on is read whole.
    let head = format!(
        "{mark} {}  {}{words}",
        cx.routemap.stage_number(index),
        stage.name
    );
    let head_lines = if head.width() <= columns.text {
        vec![head]
    } else {
        wrap_words(&head, columns.text)
    };
    let mut text: Vec<Line<'static>> = head_lines
        .into_iter()
        .enumerate()
        .map(|(row, part)| {
            let part = if row == 0 {
                part
            } else {
                format!("     {part}")
            };
            Line::from(Span::styled(part, head_style))
        })
        .collect();
    // The descriptor is markdown, drawn as the walk draws it, under the name.
    let descriptor = theme.descriptors.get(index).map_or("", String::as_str);
    text.extend(rich::lines(
        descriptor,
        columns.descriptor,
        5,
        cx.palette.text,
        &cx.palette,
    ));
    let Some(tally) = &columns.tally else {
        return text;
    };
    let beside = tally_rows(cx, tally, index);
    let rows = text.len().max(beside.len());
    (0..rows)
        .map(|row| {
            let left = text.get(row).cloned().unwrap_or_default();
            if row >= beside.len() {
                return left;
            }
            let pad = columns.text.saturating_sub(left.width()) + 2;
            let mut spans = left.spans;
            spans.push(Span::styled(" ".repeat(pad), cx.palette.text));
            spans.extend(beside.get(row).cloned().unwrap_or_default());
            Line::from(spans)
        })
        .collect()
}

/// The tally beside a stage, row by row: the bar, the count, the earlier rounds.
fn tally_rows(cx: &Ctx, tally: &Tally, index: usize) -> Vec<Vec<Span<'static>>> {
    let palette = &cx.palette;
    let votes = tally.counts.get(index).copied().unwrap_or(0);
    let filled = (u64::from(votes) * tally.bar as u64)
        .div_ceil(u64::from(tally.most))
        .min(tally.bar as u64) as usize;
    let count = if votes > 0 {
        votes.to_string()
    } else {
        String::new()
    };
    let digits = if tally.large {
        bigtype::layout_at(&count, tally.count_width as u16, Size::HalfHeight)
            .map(|big| big.rows)
            .unwrap_or_default()
    } else {
        vec![count]
    };
    let rows = if tally.large { 4 } else { 1 };
    let rounds = tally.rounds.get(index).cloned().unwrap_or_default();
    let solid = super::name::solid(palette.target);
    (0..rows)
        .map(|row| {
            // A thick bar for the back of the room; an empty stage shows its baseline.
            let rest = if row == 1 || !tally.large { '·' } else { ' ' };
            let bar = if row < 3 {
                format!(
                    "{}{}",
                    "█".repeat(filled),
                    rest.to_string().repeat(tally.bar - filled)
                )
            } else {
                " ".repeat(tally.bar)
            };
            let digit = digits.get(row).cloned().unwrap_or_default();
            // Large rows keep their glyphs' columns; small counts line up on the right.
            let width = tally.count_width;
            let digit = if tally.large {
                format!("{digit:<width$}")
            } else {
                format!("{digit:>width$}")
            };
            let mut spans = vec![
                Span::styled(bar, solid),
                Span::styled(" ", palette.text),
                Span::styled(digit, solid),
            ];
            if row == 0 && tally.rounds_width > 0 {
                spans.push(Span::styled(format!("  {rounds}"), palette.dim));
            }
            spans
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(tally: Vec<u32>, rounds: usize) -> Shown {
        Shown {
            hidden: false,
            cast: tally.iter().map(|c| u64::from(*c)).sum(),
            median: Some(0),
            discuss: None,
            standing: Standing::Open,
            agreed_off_median: false,
            earlier_rounds: vec![tally.clone(); rounds],
            parked: false,
            room_note: None,
            tally: Some(tally),
        }
    }

    #[test]
    fn small_counts_always_have_columns_and_rounds_give_way_first() {
        let huge = shown(vec![u32::MAX, 1, 0, 0, 0], 3);
        let narrow = Columns::new(&huge, 58, false).unwrap();
        let tally = narrow.tally.unwrap();
        assert!(narrow.text >= 20, "{}", narrow.text);
        assert!(tally.rounds.is_empty(), "the rounds gave way");
        assert!(
            Columns::new(&huge, 158, true).is_none(),
            "ten large digits do not fit"
        );
        let room = Columns::new(&shown(vec![2, 1, 0, 0, 0], 2), 158, true).unwrap();
        assert_eq!(
            room.tally.unwrap().rounds.len(),
            5,
            "the rounds beside each stage"
        );
        let tiny = Columns::new(&huge, 10, false).unwrap();
        assert!(tiny.text >= 1);
    }
}
