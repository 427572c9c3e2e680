//! Where the focused theme stands, above its stages: votes cast and the median (in
//! large digits from 120 columns), a wide spread flagged, what was agreed (and whether
//! it is the median), last time's stage, parked, the round. While the tally is hidden:
//! how many votes were cast, and nothing else.

use super::{Ctx, LARGE_DIGITS, name};
use crate::routemap::{Routemap, plural};
use crate::text::wrap_words;
use crate::tui::keys::digit_keys;
use crate::tui::theme::Palette;
use crate::workshop::bigtype;
use crate::workshop::{At, Shown, Standing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the block; returns the rows it took.
pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect, shown: &Shown) -> u16 {
    let figure = figure(cx, shown);
    let big = figure
        .as_ref()
        .filter(|_| area.width >= LARGE_DIGITS - 2)
        .and_then(|figure| bigtype::layout(&figure.digits, 40, 4));
    let big_width = big.as_ref().map_or(0, |big| {
        big.rows
            .iter()
            .map(|r| r.chars().count())
            .max()
            .unwrap_or(0)
            + 3
    });
    let text_width = usize::from(area.width).saturating_sub(big_width);
    let lines = lines(cx, shown, text_width);
    let mut rows = lines.len();
    if let (Some(big), Some(figure)) = (&big, &figure) {
        // The digits, and under them in normal type what they are.
        let mut drawn = name::big_lines(big, figure.style);
        drawn.push(Line::styled(figure.label, figure.style));
        rows = rows.max(drawn.len());
        super::super::draw_lines(frame, area, &drawn, 0);
    }
    let text_area = Rect {
        x: area.x + big_width as u16,
        width: text_width as u16,
        ..area
    };
    super::super::draw_lines(frame, text_area, &lines, 0);
    (rows as u16).min(area.height)
}

/// The figure the room reads from the back, and the word under it saying what it is.
struct Figure {
    digits: String,
    label: &'static str,
    style: ratatui::style::Style,
}

/// The agreed stage once there is one, else the median; while the tally is hidden,
/// how many votes were cast (so the facilitator can count hands), and nothing else.
fn figure(cx: &Ctx, shown: &Shown) -> Option<Figure> {
    let stage = |index: usize| cx.routemap.stage_number(index).to_string();
    let (digits, label, style) = match (&shown.standing, shown.median) {
        _ if shown.hidden => {
            (shown.cast > 0).then_some(())?;
            (shown.cast.to_string(), "votes", cx.palette.text)
        }
        (Standing::Agreed(At::Stage(agreed)), _) => (stage(*agreed), "agreed", cx.palette.current),
        (_, Some(median)) => (stage(median), "median", cx.palette.target),
        _ => return None,
    };
    Some(Figure {
        digits,
        label,
        style,
    })
}

/// "3 Route planned", "not applicable", "'gone'" (a stage the routemap lacks).
pub fn at_words(routemap: &Routemap, at: &At) -> String {
    match at {
        At::Stage(index) => routemap
            .stages
            .get(*index)
            .map_or_else(String::new, |_| routemap.stage_label(*index)),
        At::NotApplicable => "not applicable".into(),
        At::Unknown(id) => format!("'{}'", crate::sanitize::line(id)),
    }
}

/// The block's lines, wrapped to `width`.
fn lines(cx: &Ctx, shown: &Shown, width: usize) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let keys = digit_keys(&cx.routemap);
    // A read-only screen (a follower) offers no keys: none of them would act.
    let acts = cx.read_only.is_none();
    let mut lines = Vec::new();
    let mut say = |text: String, style| {
        for part in wrap_words(&text, width) {
            lines.push(Line::styled(part, style));
        }
    };
    let cast = format!("{} cast", plural(shown.cast as usize, "vote"));
    if shown.hidden {
        say(
            match (shown.cast, acts) {
                (0, true) => format!(
                    "Blind voting: no votes yet. {keys} adds one; the tally stays hidden until v."
                ),
                (0, false) => "Blind voting: no votes yet; the tally stays hidden.".into(),
                (_, true) => format!("{cast} · tally hidden: v reveals it"),
                (_, false) => format!("{cast} · tally hidden"),
            },
            palette.text,
        );
        return lines;
    }
    match shown.median {
        None if acts => say(
            format!("No votes yet: {keys} adds a vote for that stage, once a hand."),
            palette.text,
        ),
        None => say("No votes yet.".into(), palette.text),
        Some(median) => {
            let name = at_words(&cx.routemap, &At::Stage(median));
            let which = if shown.cast == 1 { "for" } else { "median" };
            // Once a stage is agreed, Enter would agree again: no hint.
            let enter = if acts && !shown.standing.is_agreed() {
                " (Enter agrees it)"
            } else {
                ""
            };
            say(format!("{cast} · {which} {name}{enter}"), palette.text);
        }
    }
    lines.extend(discuss_line(shown, palette));
    lines.extend(standing_lines(cx, shown, width));
    lines
}

fn discuss_line(shown: &Shown, palette: &Palette) -> Option<Line<'static>> {
    shown.discuss.map(|span| {
        Line::styled(
            format!(" ⚑ DISCUSS: the votes span {span} stages "),
            palette.warning,
        )
    })
}

/// Agreed (and whether it is the median), last time, parked, the round.
fn standing_lines(cx: &Ctx, shown: &Shown, width: usize) -> Vec<Line<'static>> {
    let palette = &cx.palette;
    let mut lines = Vec::new();
    match &shown.standing {
        Standing::Agreed(at) => {
            let mut spans = vec![Span::styled(
                format!("◀ AGREED: {}", at_words(&cx.routemap, at)),
                palette.current,
            )];
            if shown.agreed_off_median {
                spans.push(Span::styled(
                    "  ≠ not the median of the votes".to_string(),
                    palette.warning,
                ));
            }
            lines.push(Line::from(spans));
        }
        Standing::LastTime(at) => lines.push(Line::styled(
            format!(
                "↻ last time: {}, not agreed yet",
                at_words(&cx.routemap, at)
            ),
            palette.carried,
        )),
        Standing::Open => {}
    }
    if shown.parked {
        lines.push(Line::styled(
            "PARKED, to come back to (agreeing unparks it)".to_string(),
            palette.carried,
        ));
    }
    let earlier = shown.earlier_rounds.len();
    if earlier > 0 {
        let text = format!(
            "Round {}: earlier rounds are shown small beside each stage ({})",
            earlier + 1,
            (1..=earlier)
                .map(|round| format!("r{round}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        lines.extend(
            wrap_words(&text, width)
                .into_iter()
                .map(|part| Line::styled(part, palette.dim)),
        );
    }
    lines
}
