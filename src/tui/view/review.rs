//! The review screen: every theme's current and target stage and the gap, beside the
//! radar of both; with a comparison chosen (`d`), its stages and the movement too.

use super::Ctx;
use crate::assessment::{Answer, Current};
use crate::diff::{Movement, movement};
use crate::radar::{self, Radar};
use crate::text::ellipsize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn render(cx: &Ctx, frame: &mut Frame, body: Rect) {
    let (table, radar) = if body.width >= super::layout::WIDE {
        let [table, radar] = super::layout::wide_split(body);
        (table, radar)
    } else if body.height >= 44 {
        let [table, radar] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
        (table, radar)
    } else {
        let [table, radar] = Layout::horizontal([
            Constraint::Length(body.width * 11 / 20),
            Constraint::Min(20),
        ])
        .areas(body);
        (table, radar)
    };
    // The roll-up goes under the table when the table keeps room for its themes.
    let rollup_height = super::rollup::height(cx);
    if table.height >= rollup_height + 8 {
        let [table, rollup] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(rollup_height)]).areas(table);
        stage_table(cx, frame, table);
        super::rollup::render(cx, frame, rollup);
    } else {
        stage_table(cx, frame, table);
    }
    radar_pane(cx, frame, radar);
}

/// A stage as the table shows it: "3 Route planned", or "3" when names do not fit.
fn stage_name(cx: &Ctx, id: &str, names: bool, room: usize) -> String {
    match cx.routemap.stage_index(id) {
        Some(index) if names => ellipsize(&cx.routemap.stage_label(index), room, "…"),
        Some(index) => cx.routemap.stage_number(index).to_string(),
        None => ellipsize(&format!("? {id}"), room, "…"),
    }
}

fn current_text(cx: &Ctx, answer: Option<&Answer>, names: bool, room: usize) -> String {
    match answer.and_then(|a| a.current.as_ref()) {
        Some(Current::NotApplicable) => "n/a".to_string(),
        Some(Current::Stage(id)) => stage_name(cx, id, names, room),
        None => "·".to_string(),
    }
}

fn gap_text(cx: &Ctx, answer: Option<&Answer>) -> String {
    let index = |stage: Option<&str>| stage.and_then(|s| cx.routemap.stage_index(s));
    match (
        index(answer.and_then(Answer::current_stage)),
        index(answer.and_then(|a| a.target.as_deref())),
    ) {
        (Some(now), Some(target)) if target > now => format!("+{}", target - now),
        (Some(now), Some(target)) if target < now => format!("−{}", now - target),
        (Some(_), Some(_)) => "0".to_string(),
        _ => String::new(),
    }
}

/// The movement since the comparison, and how it reads in a few cells: "↑2", "↓1",
/// "=", "+", "−".
fn move_text(cx: &Ctx, then: Option<&Answer>, now: Option<&Answer>) -> (Movement, String) {
    let empty = Answer::default();
    let moved = movement(&cx.routemap, then.unwrap_or(&empty), now.unwrap_or(&empty));
    let text = match moved {
        Movement::Up(by) => format!("↑{by}"),
        Movement::Down(by) => format!("↓{by}"),
        Movement::Same => "=".into(),
        Movement::NewlyAnswered => "+".into(),
        Movement::Removed => "−".into(),
        Movement::NowNotApplicable | Movement::NoLongerNotApplicable => "n/a".into(),
        Movement::Unknown => "?".into(),
    };
    (moved, text)
}

fn pad(text: &str, room: usize) -> String {
    format!("{text}{}", " ".repeat(room.saturating_sub(text.width())))
}

/// The table's columns at a width: number, theme, (then,) now, (move,) target, gap.
/// Sized by their content: stage columns as wide as the longest "number name" shown, or
/// the number alone when names would leave the themes too little room to tell apart.
struct Columns {
    digits: usize,
    theme: usize,
    stage: usize,
    /// Stage columns give names; otherwise numbers only (the header says which).
    names: bool,
    comparing: bool,
}

/// The least room a theme's name keeps before stage names give way to numbers.
const THEME_ROOM: usize = 36;

impl Columns {
    fn fit(cx: &Ctx, width: usize, comparing: bool) -> Self {
        let routemap = &cx.routemap;
        let digits = routemap.themes.len().to_string().len();
        let stage_columns = if comparing { 3 } else { 2 };
        // Number and space, the gap, the movement (the carried mark takes the space
        // before "now", counted with the stage columns).
        let fixed = digits + 1 + 5 + if comparing { 5 } else { 0 };
        let longest_theme = cx
            .order
            .iter()
            .map(|&i| routemap.themes[i].name.width())
            .max()
            .unwrap_or(0);
        let label = (0..routemap.stages.len())
            .map(|i| routemap.stage_label(i).width())
            .max()
            .unwrap_or(0)
            .max(3);
        let with_names = width.saturating_sub(fixed + stage_columns * (label + 1));
        let names = with_names >= longest_theme.min(THEME_ROOM);
        let stage = if names {
            label
        } else {
            // "n/a", "Now", "Then" and the widest number.
            let number = routemap.stage_number(routemap.stages.len().saturating_sub(1));
            number.to_string().len().max(if comparing { 4 } else { 3 })
        };
        // The theme column no wider than its longest name, so the eye does not travel
        // across empty space from a name to its stages.
        let theme = width
            .saturating_sub(fixed + stage_columns * (stage + 1))
            .min(longest_theme.max(5))
            .max(4);
        Columns {
            digits,
            theme,
            stage,
            names,
            comparing,
        }
    }

    /// The heading row: each heading in its column's room, shortened rather than
    /// pushing the next one off.
    fn header(&self) -> String {
        let heading = |words: &[&'static str], room: usize| {
            let word = words
                .iter()
                .find(|word| word.width() <= room)
                .copied()
                .unwrap_or("");
            pad(word, room)
        };
        let digits = self.digits;
        let mut header = format!("{:>digits$} {}", "#", pad("Theme", self.theme));
        if self.comparing {
            header.push_str(&format!(" {}", heading(&["Then", "Was", "W"], self.stage)));
        }
        header.push_str(&format!(" {}", heading(&["Now", "N"], self.stage)));
        if self.comparing {
            header.push_str(" Move");
        }
        header.push_str(&format!(
            " {} {:>4}",
            heading(&["Target", "Tgt", "T"], self.stage),
            "Gap"
        ));
        header
    }
}

/// One theme's row: number, name, (then,) now, (move,) target and gap.
fn row(
    cx: &Ctx,
    columns: &Columns,
    index: usize,
    answer: Option<&Answer>,
    then: Option<Option<&Answer>>,
    shown_name: &str,
) -> Line<'static> {
    let palette = &cx.palette;
    let (digits, room, names) = (columns.digits, columns.stage, columns.names);
    let mut spans = vec![
        Span::styled(format!("{:>digits$} ", index + 1), palette.dim),
        Span::raw(pad(shown_name, columns.theme)),
    ];
    if let Some(then) = then {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            pad(&current_text(cx, then, names, room), room),
            palette.dim,
        ));
    }
    // A carried answer is marked, as in the walk's list: last time's, not yet confirmed.
    let carried = answer.is_some_and(|a| a.carried);
    let (mark, style) = if carried {
        ("↻", palette.carried)
    } else {
        (" ", palette.current)
    };
    spans.push(Span::styled(mark, style));
    spans.push(Span::styled(
        pad(&current_text(cx, answer, names, room), room),
        style,
    ));
    if let Some(then) = then {
        let (movement, moved) = move_text(cx, then, answer);
        // A theme gone down a stage is the one to look at.
        let style = if matches!(movement, Movement::Down(_)) {
            palette.warning
        } else {
            Style::default()
        };
        spans.push(Span::styled(format!(" {moved:<4}"), style));
    }
    let target = answer
        .and_then(|a| a.target.as_deref())
        .map_or("·".to_string(), |id| stage_name(cx, id, names, room));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(pad(&target, room), palette.target));
    spans.push(Span::raw(format!(" {:>4}", gap_text(cx, answer))));
    if index == cx.selected {
        spans = spans
            .into_iter()
            .map(|span| span.patch_style(palette.selected))
            .collect();
    }
    Line::from(spans)
}

fn stage_table(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    // Counted as the title bar counts.
    let total = cx.routemap.themes.len();
    let progress = cx.progress_label();
    let title = match &cx.comparison {
        Some(other) => format!(" Review: {progress} · compared with {} ", other.name),
        None => format!(" Review: {progress} "),
    };
    let title = ellipsize(&title, usize::from(area.width.saturating_sub(2)), "…");
    let inner = super::layout::titled_pane(frame, area, &title, palette);
    let width = usize::from(inner.width);
    let columns = Columns::fit(cx, width, cx.comparison.is_some());
    let mut lines = vec![Line::styled(
        ellipsize(&columns.header(), width, ""),
        palette.dim,
    )];
    let answers = cx.assessment.answers_for(&cx.routemap);
    let theirs = cx
        .comparison
        .as_ref()
        .map(|other| other.assessment.answers_for(&cx.routemap));
    // The focused theme's name in full under the table when its row cuts it short.
    let focused = focused_name_lines(cx, &columns, width);
    // The focused theme stays in view, centred where the table is longer than the pane.
    let height =
        usize::from(inner.height).saturating_sub(1 + cx.mismatches.len().min(3) + focused.len());
    let at = cx.display_position();
    let first = at
        .saturating_sub(height / 2)
        .min(total.saturating_sub(height));
    // Names cut to the column, those that would read alike cut by character instead.
    let names: Vec<&str> = cx.routemap.themes.iter().map(|t| t.name.as_str()).collect();
    let shown_names = crate::text::ellipsize_distinct(&names, columns.theme);
    for &index in cx.order.iter().skip(first).take(height) {
        let then = theirs.as_ref().map(|theirs| theirs[index]);
        let shown = shown_names.get(index).map_or("", String::as_str);
        lines.push(row(cx, &columns, index, answers[index], then, shown));
    }
    lines.extend(focused);
    for mismatch in cx.mismatches.iter().take(3) {
        lines.push(Line::styled(
            ellipsize(&format!("⚠ {mismatch}"), width, "…"),
            palette.warning,
        ));
    }
    super::draw_lines(frame, inner, &lines, 0);
}

/// The focused theme's number and whole name, wrapped, when its row has to cut it.
fn focused_name_lines(cx: &Ctx, columns: &Columns, width: usize) -> Vec<Line<'static>> {
    let Some(theme) = cx.theme() else {
        return Vec::new();
    };
    if theme.name.width() <= columns.theme {
        return Vec::new();
    }
    let text = format!("▸ {} {}", cx.selected + 1, theme.name);
    crate::text::wrap_words(&text, width)
        .into_iter()
        .take(3)
        .map(|line| Line::styled(line, cx.palette.heading))
        .collect()
}

fn radar_pane(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let palette = &cx.palette;
    let title = if cx.comparison.is_some() {
        " Radar: now, target and compared "
    } else {
        " Radar: current and target "
    };
    let inner = super::layout::titled_pane(frame, area, title, palette);
    let mut radar = Radar::of(&cx.routemap, &cx.assessment, true);
    if let Some(other) = &cx.comparison {
        radar = radar.against(&cx.routemap, &other.assessment, &other.name);
    }
    let look = palette.radar_look();
    // The focused theme marked; where bars stand in for spokes, they follow it.
    radar::render_focused(&radar, inner, frame.buffer_mut(), look, Some(cx.selected));
}
