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

    // The theme's name, as large as fits in about a fifth of the height.
    let name_budget = (body.height / 5).clamp(4, 16);
    let timer_width = if timer_shown && body.width >= 100 {
        22
    } else {
        0
    };
    let name_width = body.width.saturating_sub(timer_width + 2);
    let name_area_height;
    match large_layout(&theme.name, name_width, name_budget) {
        Some((size, lines)) => {
            name_area_height = lines.len() as u16 * rows_of(size);
            let name_area = Rect {
                x: body.x + 1,
                y: body.y + 1,
                width: name_width,
                height: name_area_height,
            };
            let big = BigText::builder()
                .pixel_size(size)
                .style(palette.heading)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build();
            frame.render_widget(big, name_area);
        }
        None => {
            let lines: Vec<Line> = wrap_words(&theme.name, usize::from(name_width))
                .into_iter()
                .take(3)
                .map(|l| Line::styled(l, palette.heading.add_modifier(Modifier::UNDERLINED)))
                .collect();
            name_area_height = lines.len() as u16;
            draw_lines(
                frame,
                Rect {
                    x: body.x + 1,
                    y: body.y + 1,
                    width: name_width,
                    height: name_area_height,
                },
                &lines,
                0,
            );
        }
    }
    if timer_width > 0 {
        let timer_area = Rect {
            x: body.right() - timer_width,
            y: body.y + 1,
            width: timer_width,
            height: 4,
        };
        let style = if cx.workshop.running_since.is_some() {
            palette.target
        } else {
            palette.dim
        };
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .alignment(Alignment::Right)
            .lines(vec![Line::from(format_elapsed(elapsed))])
            .build();
        frame.render_widget(big, timer_area);
    }

    let inner = Rect {
        x: body.x + 1,
        y: body.y + 1 + name_area_height + 1,
        width: body.width.saturating_sub(2),
        height: body.height.saturating_sub(name_area_height + 2),
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

fn stages(
    cx: &Ctx,
    palette: &Palette,
    frame: &mut Frame,
    area: Rect,
    counts: &[u32],
    visible: bool,
) {
    let Some(theme) = cx.theme() else {
        return;
    };
    let answer = cx.answer();
    let count = cx.routemap.stages.len();
    if area.height == 0 || count == 0 {
        return;
    }
    let tally_width: u16 = if area.width >= 100 {
        (area.width / 3).min(40)
    } else {
        (area.width / 4).min(20)
    };
    let text_width = area.width.saturating_sub(tally_width + 2);
    // Every stage gets its name line; descriptors share what rows are left.
    let spare = usize::from(area.height).saturating_sub(count);
    let per_stage = spare / count;
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let not_applicable = answer.is_some_and(|a| a.current == Some(Current::NotApplicable));
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for (index, stage) in cx.routemap.stages.iter().enumerate() {
        let mut lines: Vec<Line> = Vec::new();
        let agreed = answer.and_then(|a| a.current_stage()) == Some(stage.id.as_str());
        let head_style = if agreed {
            palette.current
        } else {
            palette.heading
        };
        let mark = if agreed { "●" } else { "○" };
        let label = if agreed { "  ◀ AGREED" } else { "" };
        let head = ellipsize(
            &format!("{mark} {}  {}{label}", index + 1, stage.name),
            usize::from(text_width),
            "…",
        );
        let pad = usize::from(text_width).saturating_sub(head.width()) + 2;
        let bar = if visible {
            let room = usize::from(tally_width).saturating_sub(4);
            let filled = (counts[index] as usize)
                .saturating_mul(room)
                .div_ceil(most as usize)
                .min(room);
            let count_text = if counts[index] > 0 {
                counts[index].to_string()
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
        lines.push(Line::from(vec![
            Span::styled(head, head_style),
            Span::raw(" ".repeat(pad)),
            Span::styled(bar, palette.target),
        ]));
        if per_stage > 0 {
            let descriptor = theme.descriptors.get(index).map_or("", String::as_str);
            let mut wrapped = wrap_words(descriptor, usize::from(text_width).saturating_sub(4));
            if wrapped.len() > per_stage {
                wrapped.truncate(per_stage);
                if let Some(last) = wrapped.last_mut() {
                    *last = ellipsize(
                        &format!("{last} …"),
                        usize::from(text_width).saturating_sub(4),
                        "…",
                    );
                }
            }
            for part in wrapped {
                lines.push(Line::styled(format!("    {part}"), palette.text));
            }
        }
        blocks.push(lines);
    }
    let mut lines: Vec<Line> = Vec::new();
    if not_applicable {
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

/// The end of the workshop: the radar of what was agreed, then the themes to revisit.
pub fn render_summary(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = cx.palette;
    let [top, body, footer] = super::layout::three_bands(area, 1);
    let (answered, total) = cx.assessment.progress(&cx.routemap);
    let title = format!(
        " WORKSHOP SUMMARY │ {} · {answered}/{total} agreed ",
        crate::sanitize::line(&cx.assessment.display_name())
    );
    draw_lines(
        frame,
        top,
        &[Line::styled(
            format!(
                "{title}{}",
                " ".repeat(usize::from(top.width).saturating_sub(title.width()))
            ),
            palette.title_bar,
        )],
        0,
    );
    super::bars::footer_bar(cx, frame, footer);

    let (radar_area, lists_area) = if body.width >= 120 {
        let [radar, lists] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(body);
        (radar, lists)
    } else {
        let [radar, lists] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        (radar, lists)
    };
    let inner = super::layout::pane(
        frame,
        radar_area,
        Line::styled(" Agreed stages ", palette.heading),
        palette.border,
    );
    let mut radar = Radar::of(&cx.routemap, &cx.assessment, false);
    for series in &mut radar.series {
        series.name = "agreed".into();
    }
    radar::render(&radar, inner, frame.buffer_mut(), palette.radar_look());

    let inner = super::layout::pane(
        frame,
        lists_area,
        Line::styled(" To come back to ", palette.heading),
        palette.border,
    );
    let width = usize::from(inner.width);
    let answers = cx.assessment.answers_for(&cx.routemap);
    let mut lines: Vec<Line> = Vec::new();
    let section = |heading: &str, items: Vec<String>, lines: &mut Vec<Line<'static>>| {
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
    section("⚑ Wide spread of votes", spread, &mut lines);
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
    section(
        "Parked",
        numbered(&|a| a.is_some_and(|a| a.parked)),
        &mut lines,
    );
    let open = numbered(&|a| a.is_none_or(|a| a.current.is_none()));
    section("No stage agreed yet", open, &mut lines);
    draw_lines(frame, inner, &lines, 0);
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
