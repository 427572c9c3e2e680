//! The workshop on a shared screen: one theme at a time, its name in large type, the
//! stages with the room's tally, and at the end a summary. High contrast, no private
//! notes or evidence, nothing said by colour alone.

use super::Ctx;
use super::draw_lines;
use crate::assessment::Current;
use crate::radar::{self, Radar};
use crate::routemap::plural;
use crate::text::{ellipsize, wrap_words};
use crate::tui::theme::Palette;
use crate::workshop;
use font8x8::UnicodeFonts;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use std::time::Duration;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// "03:12", or "1:03:12" past the hour.
pub fn format_elapsed(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    if seconds >= 3600 {
        format!(
            "{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    } else {
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }
}

/// True when every character of the text has a glyph in the large font.
fn drawable_large(text: &str) -> bool {
    const FONTS: [&dyn Fn(char) -> bool; 3] = [
        &|c| font8x8::BASIC_FONTS.get(c).is_some(),
        &|c| font8x8::LATIN_FONTS.get(c).is_some(),
        &|c| font8x8::GREEK_FONTS.get(c).is_some(),
    ];
    text.chars()
        .all(|c| c == ' ' || FONTS.iter().any(|has| has(c)))
}

/// The largest pixel size at which `text` fits `width` in at most `max_rows` rows, and
/// the lines it wraps to; `None` when it does not fit large at all.
pub fn large_layout(text: &str, width: u16, max_rows: u16) -> Option<(PixelSize, Vec<String>)> {
    if !drawable_large(text) {
        return None;
    }
    // (size, cells a glyph takes across, rows a line takes)
    let sizes = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ];
    sizes
        .into_iter()
        .find_map(|(size, glyph_width, line_rows)| {
            let per_line = usize::from(width / glyph_width);
            if per_line == 0 {
                return None;
            }
            let lines = wrap_words(text, per_line);
            let fits = lines.iter().all(|line| line.chars().count() <= per_line)
                && lines.len() as u16 * line_rows <= max_rows;
            fits.then_some((size, lines))
        })
}

fn rows_of(size: PixelSize) -> u16 {
    match size {
        PixelSize::Full => 8,
        _ => 4,
    }
}

pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = cx.palette;
    let Some(theme) = cx.theme() else {
        return;
    };
    let [top, body, footer] = super::layout::three_bands(area, 1);
    progress_line(cx, &palette, frame, top);
    super::bars::footer_bar(cx, frame, footer);

    let answer = cx.answer();
    let counts = workshop::tally(&cx.routemap, answer);
    let visible = cx.workshop.tally_visible();
    let elapsed = cx.workshop.elapsed(&theme.id, true);
    let timer_shown = cx.workshop.running_since.is_some() || elapsed > Duration::ZERO;
    let timer_width = if timer_shown && body.width >= 100 {
        22
    } else {
        0
    };
    let name_area = Rect {
        x: body.x + 1,
        y: body.y + 1,
        width: body.width.saturating_sub(timer_width + 2),
        // The theme's name, as large as fits in about a fifth of the height.
        height: (body.height / 5).clamp(4, 16),
    };
    let name_height = theme_name(cx, frame, name_area, &theme.name);
    if timer_width > 0 {
        let timer_area = Rect {
            x: body.right() - timer_width,
            y: body.y + 1,
            width: timer_width,
            height: 4,
        };
        timer(cx, frame, timer_area, elapsed);
    }
    let inner = Rect {
        x: body.x + 1,
        y: body.y + 1 + name_height + 1,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(name_height + 2),
    };
    let mut lines: Vec<Line> = Vec::new();
    if let Some(question) = &theme.question {
        for line in wrap_words(question, usize::from(inner.width))
            .into_iter()
            .take(3)
        {
            lines.push(Line::styled(
                line,
                palette.text.add_modifier(Modifier::BOLD),
            ));
        }
        lines.push(Line::default());
    }
    lines.extend(status_lines(cx, &palette, &counts, visible));
    lines.push(Line::default());
    let used = lines.len() as u16;
    draw_lines(frame, inner, &lines, 0);
    let stages_area = Rect {
        y: inner.y + used,
        height: inner.height.saturating_sub(used),
        ..inner
    };
    stages(cx, &palette, frame, stages_area, &counts, visible);
}

/// The theme's name in large type when it fits `area` (at most its height), else in
/// plain text; returns the rows it took.
fn theme_name(cx: &Ctx, frame: &mut Frame, area: Rect, name: &str) -> u16 {
    let palette = cx.palette;
    if let Some((size, lines)) = large_layout(name, area.width, area.height) {
        let height = lines.len() as u16 * rows_of(size);
        let big = BigText::builder()
            .pixel_size(size)
            .style(palette.heading)
            .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .build();
        frame.render_widget(big, Rect { height, ..area });
        return height;
    }
    let lines: Vec<Line> = wrap_words(name, usize::from(area.width))
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, palette.heading.add_modifier(Modifier::UNDERLINED)))
        .collect();
    let height = lines.len() as u16;
    draw_lines(frame, Rect { height, ..area }, &lines, 0);
    height
}

/// The theme's timer in large digits, bright while it runs.
fn timer(cx: &Ctx, frame: &mut Frame, area: Rect, elapsed: Duration) {
    let style = if cx.workshop.running_since.is_some() {
        cx.palette.target
    } else {
        cx.palette.dim
    };
    let big = BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(style)
        .alignment(Alignment::Right)
        .lines(vec![Line::from(format_elapsed(elapsed))])
        .build();
    frame.render_widget(big, area);
}

fn progress_line(cx: &Ctx, palette: &Palette, frame: &mut Frame, area: Rect) {
    let (answered, total) = cx.assessment.progress(&cx.routemap);
    let mut left = format!(
        " WORKSHOP │ theme {} of {}",
        cx.selected + 1,
        cx.routemap.themes.len()
    );
    if let Some(section) = cx.theme().and_then(|t| cx.routemap.section_of(t)) {
        left.push_str(&format!(" · {}", section.name));
    }
    let mut flags = Vec::new();
    if cx.workshop.blind {
        flags.push(if cx.workshop.revealed {
            "BLIND (revealed)"
        } else {
            "BLIND"
        });
    }
    if cx.answer().is_some_and(|a| a.parked) {
        flags.push("PARKED");
    }
    if cx.read_only.is_some() {
        flags.push("READ-ONLY");
    } else if cx.save_problem.is_some() {
        flags.push("⚠ NOT SAVED");
    }
    let timer = cx
        .theme()
        .map(|t| cx.workshop.elapsed(&t.id, true))
        .unwrap_or_default();
    let timer_flag = format!(
        "⏱ {}{}",
        format_elapsed(timer),
        if cx.workshop.running_since.is_some() {
            ""
        } else {
            " (stopped)"
        }
    );
    if cx.workshop.running_since.is_some() || timer > Duration::ZERO {
        flags.push(&timer_flag);
    }
    let right = format!(
        "{} · {answered}/{total} agreed ",
        flags
            .iter()
            .map(|f| format!("[{f}]"))
            .chain([crate::sanitize::line(&cx.assessment.display_name()).into_owned()])
            .collect::<Vec<_>>()
            .join(" ")
    );
    let right = ellipsize(&right, usize::from(area.width) / 2, "…");
    let left = ellipsize(
        &left,
        usize::from(area.width).saturating_sub(right.width() + 1),
        "…",
    );
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::styled(
        format!("{left}{}{right}", " ".repeat(gap)),
        palette.title_bar,
    );
    draw_lines(frame, area, &[line], 0);
}

/// Votes cast and the median, then on a line of its own (so it is never cut off) the
/// flag for a spread that needs discussing.
fn status_lines(cx: &Ctx, palette: &Palette, counts: &[u32], visible: bool) -> Vec<Line<'static>> {
    let total = workshop::total(counts);
    let keys = crate::tui::keys::digit_keys(cx.routemap.stages.len());
    if total == 0 {
        return vec![Line::styled(
            format!("No votes yet: {keys} adds a vote for that stage."),
            palette.dim,
        )];
    }
    let cast = Span::styled(
        format!("{} cast", plural(total as usize, "vote")),
        palette.text,
    );
    if !visible {
        return vec![Line::from(vec![
            cast,
            Span::styled("  ·  tally hidden: v reveals it", palette.dim),
        ])];
    }
    let mut lines = vec![match workshop::median(counts) {
        Some(median) => Line::from(vec![
            cast,
            Span::styled(
                format!(
                    "  ·  median {} {} (Enter agrees it)",
                    median + 1,
                    cx.routemap.stages[median].name
                ),
                palette.text,
            ),
        ]),
        None => Line::from(cast),
    }];
    if workshop::needs_discussion(counts) {
        lines.push(Line::styled(
            format!(
                " ⚑ DISCUSS: the votes span {} stages ",
                workshop::span(counts)
            ),
            palette.warning,
        ));
    }
    lines
}

/// How the stage list is laid out: the text column, the tally's bars, the tallest
/// count, and how many descriptor lines each stage may have.
struct StageColumns {
    text: u16,
    tally: u16,
    most: u32,
    per_stage: usize,
}

fn stages(
    cx: &Ctx,
    palette: &Palette,
    frame: &mut Frame,
    area: Rect,
    counts: &[u32],
    visible: bool,
) {
    let count = cx.routemap.stages.len();
    if area.height == 0 || count == 0 {
        return;
    }
    let tally = if area.width >= 100 {
        (area.width / 3).min(40)
    } else {
        (area.width / 4).min(20)
    };
    let columns = StageColumns {
        text: area.width.saturating_sub(tally + 2),
        tally,
        most: counts.iter().copied().max().unwrap_or(0).max(1),
        // Every stage gets its name line; descriptors share what rows are left.
        per_stage: usize::from(area.height).saturating_sub(count) / count,
    };
    let blocks: Vec<Vec<Line>> = (0..count)
        .map(|index| stage_block(cx, palette, &columns, index, counts, visible))
        .collect();
    let mut lines: Vec<Line> = Vec::new();
    if cx
        .answer()
        .is_some_and(|a| a.current == Some(Current::NotApplicable))
    {
        lines.push(Line::styled(
            " – NOT APPLICABLE: left off the radar and the scores (x undoes) ",
            palette.warning,
        ));
    }
    // A blank line between stages when the screen has the room: easier to read from
    // the back of a room.
    let needed: usize = blocks.iter().map(Vec::len).sum::<usize>() + lines.len();
    let spaced = needed + count.saturating_sub(1) <= usize::from(area.height);
    for (index, block) in blocks.into_iter().enumerate() {
        if spaced && index > 0 {
            lines.push(Line::default());
        }
        lines.extend(block);
    }
    draw_lines(frame, area, &lines, 0);
}

/// One stage: its name (marked when agreed) with the tally's bar, then as much of its
/// descriptor as the room allows.
fn stage_block(
    cx: &Ctx,
    palette: &Palette,
    columns: &StageColumns,
    index: usize,
    counts: &[u32],
    visible: bool,
) -> Vec<Line<'static>> {
    let (Some(stage), Some(theme)) = (cx.routemap.stages.get(index), cx.theme()) else {
        return Vec::new();
    };
    let text_width = usize::from(columns.text);
    let agreed = cx.answer().and_then(|a| a.current_stage()) == Some(stage.id.as_str());
    let (mark, label, head_style) = if agreed {
        ("●", "  ◀ AGREED", palette.current)
    } else {
        ("○", "", palette.heading)
    };
    let head = ellipsize(
        &format!("{mark} {}  {}{label}", index + 1, stage.name),
        text_width,
        "…",
    );
    let pad = text_width.saturating_sub(head.width()) + 2;
    let votes = counts.get(index).copied().unwrap_or(0);
    let bar = if visible {
        let room = usize::from(columns.tally).saturating_sub(4);
        let filled = (votes as usize)
            .saturating_mul(room)
            .div_ceil(columns.most as usize)
            .min(room);
        let count_text = if votes > 0 {
            votes.to_string()
        } else {
            String::new()
        };
        format!(
            "{}{} {count_text}",
            "█".repeat(filled),
            "·".repeat(room - filled)
        )
    } else {
        String::new()
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(head, head_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(bar, palette.target),
    ])];
    if columns.per_stage > 0 {
        let room = text_width.saturating_sub(4);
        let descriptor = theme.descriptors.get(index).map_or("", String::as_str);
        let mut wrapped = wrap_words(descriptor, room);
        if wrapped.len() > columns.per_stage {
            wrapped.truncate(columns.per_stage);
            if let Some(last) = wrapped.last_mut() {
                *last = ellipsize(&format!("{last} …"), room, "…");
            }
        }
        lines.extend(
            wrapped
                .into_iter()
                .map(|part| Line::styled(format!("    {part}"), palette.text)),
        );
    }
    lines
}

/// The end of the workshop: the radar of what was agreed, then the themes to revisit.
pub fn render_summary(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = cx.palette;
    let [top, body, footer] = super::layout::three_bands(area, 1);
    let (answered, total) = cx.assessment.progress(&cx.routemap);
    let title = format!(
        " WORKSHOP SUMMARY │ {} · {answered}/{total} agreed ",
        crate::sanitize::line(&cx.assessment.display_name())
    );
    let bar = format!(
        "{title}{}",
        " ".repeat(usize::from(top.width).saturating_sub(title.width()))
    );
    draw_lines(frame, top, &[Line::styled(bar, palette.title_bar)], 0);
    super::bars::footer_bar(cx, frame, footer);

    let [radar_area, lists_area] = if body.width >= super::layout::WIDE {
        super::layout::wide_split(body)
    } else {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
    };
    let inner = super::layout::titled_pane(frame, radar_area, " Agreed stages ", &palette);
    let mut radar = Radar::of(&cx.routemap, &cx.assessment, false);
    for series in &mut radar.series {
        series.name = "agreed".into();
    }
    radar::render(&radar, inner, frame.buffer_mut(), palette.radar_look());
    let inner = super::layout::titled_pane(frame, lists_area, " To come back to ", &palette);
    draw_lines(
        frame,
        inner,
        &to_come_back_to(cx, usize::from(inner.width)),
        0,
    );
}

/// The themes to come back to: votes spread widely, parked, no stage agreed yet.
fn to_come_back_to(cx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let palette = cx.palette;
    let answers = cx.assessment.answers_for(&cx.routemap);
    let mut lines: Vec<Line> = Vec::new();
    let mut section = |heading: &str, items: Vec<String>| {
        lines.push(Line::styled(
            format!("{heading} ({})", items.len()),
            palette.heading,
        ));
        if items.is_empty() {
            lines.push(Line::styled("  none", palette.dim));
        }
        for item in items {
            lines.push(Line::styled(
                ellipsize(&format!("  {item}"), width, "…"),
                palette.text,
            ));
        }
        lines.push(Line::default());
    };
    let spread: Vec<String> = cx
        .routemap
        .themes
        .iter()
        .zip(&answers)
        .enumerate()
        .filter_map(|(index, (theme, answer))| {
            let counts = workshop::tally(&cx.routemap, *answer);
            workshop::needs_discussion(&counts).then(|| {
                let tally: Vec<String> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(stage, c)| format!("{}:{c}", stage + 1))
                    .collect();
                format!(
                    "{:>2} {} — votes {}",
                    index + 1,
                    theme.name,
                    tally.join(" ")
                )
            })
        })
        .collect();
    section("⚑ Wide spread of votes", spread);
    // "12 Theme name" for every theme whose answer passes `keep`.
    let numbered = |keep: &dyn Fn(Option<&crate::assessment::Answer>) -> bool| -> Vec<String> {
        cx.routemap
            .themes
            .iter()
            .zip(&answers)
            .enumerate()
            .filter(|(_, (_, answer))| keep(**answer))
            .map(|(index, (theme, _))| format!("{:>2} {}", index + 1, theme.name))
            .collect()
    };
    section("Parked", numbered(&|a| a.is_some_and(|a| a.parked)));
    section(
        "No stage agreed yet",
        numbered(&|a| a.is_none_or(|a| a.current.is_none())),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_type_shrinks_to_fit_and_gives_up_gracefully() {
        let (size, lines) = large_layout("Leadership", 160, 16).unwrap();
        assert_eq!((size, lines.len()), (PixelSize::Full, 1));
        let (size, _) = large_layout("Leadership", 60, 4).unwrap();
        assert_eq!(size, PixelSize::Quadrant);
        let (size, lines) = large_layout("Information governance", 100, 8).unwrap();
        assert_eq!((size, lines.len()), (PixelSize::HalfHeight, 2));
        assert!(
            large_layout("Information management, assurance and transparency", 76, 4).is_none()
        );
        assert!(
            large_layout("Cyngor Môn", 200, 16).is_some(),
            "Latin-1 letters have glyphs"
        );
        assert!(
            large_layout("Ŵyn 🚒", 200, 16).is_none(),
            "no glyph: plain text instead of holes"
        );
    }

    #[test]
    fn elapsed_time_reads_minutes_and_hours() {
        assert_eq!(format_elapsed(Duration::from_secs(192)), "03:12");
        assert_eq!(format_elapsed(Duration::from_secs(3723)), "1:02:03");
    }
}
