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

fn stage_name(cx: &Ctx, id: &str, room: usize) -> String {
    match cx.routemap.stage_index(id) {
        // Too narrow for a name to say anything: the number alone.
        Some(index) if room < 8 => (index + 1).to_string(),
        Some(index) => ellipsize(
            &format!("{} {}", index + 1, cx.routemap.stages[index].name),
            room,
            "…",
        ),
        None => ellipsize(&format!("? {id}"), room, "…"),
    }
}

fn current_text(cx: &Ctx, answer: Option<&Answer>, room: usize) -> String {
    match answer.and_then(|a| a.current.as_ref()) {
        Some(Current::NotApplicable) => "n/a".to_string(),
        Some(Current::Stage(id)) => stage_name(cx, id, room),
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
struct Columns {
    digits: usize,
    theme: usize,
    stage: usize,
    comparing: bool,
}

impl Columns {
    /// Number, gap (and movement) fixed; stages share what the theme leaves, the theme
    /// keeping at least 14 cells.
    fn fit(width: usize, themes: usize, comparing: bool) -> Self {
        let digits = themes.to_string().len();
        let stage_columns = if comparing { 3 } else { 2 };
        let fixed = digits + 1 + 5 + if comparing { 5 } else { 0 };
        let theme_min = 14.min(width / 3);
        let stage =
            (width.saturating_sub(fixed + theme_min + stage_columns) / stage_columns).clamp(3, 24);
        let theme = width.saturating_sub(fixed + stage_columns * (stage + 1));
        Columns {
            digits,
            theme,
            stage,
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
) -> Line<'static> {
    let palette = &cx.palette;
    let name = cx
        .routemap
        .themes
        .get(index)
        .map_or("", |t| t.name.as_str());
    let (digits, room) = (columns.digits, columns.stage);
    let mut spans = vec![
        Span::styled(format!("{:>digits$} ", index + 1), palette.dim),
        Span::raw(pad(&ellipsize(name, columns.theme, "…"), columns.theme)),
    ];
    if let Some(then) = then {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            pad(&current_text(cx, then, room), room),
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
        pad(&current_text(cx, answer, room), room),
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
        .map_or("·".to_string(), |id| stage_name(cx, id, room));
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
    let (answered, total) = cx.assessment.progress(&cx.routemap);
    let title = match &cx.comparison {
        Some(other) => format!(
            " Review: {answered}/{total} answered · compared with {} ",
            other.name
        ),
        None => format!(" Review: {answered}/{total} answered "),
    };
    let title = ellipsize(&title, usize::from(area.width.saturating_sub(2)), "…");
    let inner = super::layout::titled_pane(frame, area, &title, palette);
    let width = usize::from(inner.width);
    let columns = Columns::fit(width, total, cx.comparison.is_some());
    let mut lines = vec![Line::styled(
        ellipsize(&columns.header(), width, ""),
        palette.dim,
    )];
    let answers = cx.assessment.answers_for(&cx.routemap);
    let theirs = cx
        .comparison
        .as_ref()
        .map(|other| other.assessment.answers_for(&cx.routemap));
    // The focused theme stays in view, centred where the table is longer than the pane.
    let height = usize::from(inner.height).saturating_sub(1 + cx.mismatches.len().min(3));
    let first = cx
        .selected
        .saturating_sub(height / 2)
        .min(total.saturating_sub(height));
    for index in (first..total).take(height) {
        let then = theirs.as_ref().map(|theirs| theirs[index]);
        lines.push(row(cx, &columns, index, answers[index], then));
    }
    for mismatch in cx.mismatches.iter().take(3) {
        lines.push(Line::styled(
            ellipsize(&format!("⚠ {mismatch}"), width, "…"),
            palette.warning,
        ));
    }
    super::draw_lines(frame, inner, &lines, 0);
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
    radar::render(&radar, inner, frame.buffer_mut(), look);
}
