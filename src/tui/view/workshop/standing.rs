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
    // The figure the room reads from the back: the median, or while hidden the count.
    let figure = match (shown.hidden, shown.median) {
        (false, Some(median)) => Some(cx.routemap.stage_number(median).to_string()),
        (true, _) if shown.cast > 0 => Some(shown.cast.to_string()),
        _ => None,
    };
    let big = figure
        .filter(|_| area.width >= LARGE_DIGITS - 2)
        .and_then(|figure| bigtype::layout(&figure, 40, 4));
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
    if let Some(big) = &big {
        rows = rows.max(big.rows.len());
        let style = if shown.hidden {
            cx.palette.text
        } else {
            cx.palette.target
        };
        super::super::draw_lines(frame, area, &name::big_lines(big, style), 0);
    }
    let text_area = Rect {
        x: area.x + big_width as u16,
        width: text_width as u16,
        ..area
    };
    super::super::draw_lines(frame, text_area, &lines, 0);
    (rows as u16).min(area.height)
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
    let mut lines = Vec::new();
    let mut say = |text: String, style| {
        for part in wrap_words(&text, width) {
            lines.push(Line::styled(part, style));
        }
    };
    let cast = format!("{} cast", plural(shown.cast as usize, "vote"));
    if shown.hidden {
        say(
            if shown.cast == 0 {
                format!(
                    "Blind voting: no votes yet. {keys} adds one; the tally stays hidden until v."
                )
            } else {
                format!("{cast} · tally hidden: v reveals it")
            },
            palette.text,
        );
        return lines;
    }
    let agreed_at_median = matches!(
        (&shown.standing, shown.median),
        (Standing::Agreed(At::Stage(stage)), Some(median)) if *stage == median
    );
    match shown.median {
        None => say(
            format!("No votes yet: {keys} adds a vote for that stage, once a hand."),
            palette.text,
        ),
        Some(median) => {
            let name = at_words(&cx.routemap, &At::Stage(median));
            let which = if shown.cast == 1 { "for" } else { "median" };
            let enter = if agreed_at_median {
                ""
            } else {
                " (Enter agrees it)"
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
