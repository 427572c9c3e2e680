//! The clocks on screen: the focused theme's count-up clock or countdown in large digits
//! beside its name (the countdown's alert when it runs out), and in the progress strip
//! the same in words with the session's time. The session's time is shown only while a
//! clock ticks, or on the summary: with no clock running the screen is not redrawn, and
//! a clock that stands still would tell the room the wrong time.

use super::Ctx;
use super::name;
use crate::workshop::Countdown;
use crate::workshop::bigtype::{self, Size};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::time::Duration;

/// The width of the clock beside the theme's name: "1:02:03" in quadrant digits.
pub const PANEL_WIDTH: u16 = 30;

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

/// What the focused theme's clocks say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readout {
    pub elapsed: Duration,
    pub running: bool,
    /// The countdown's length and state, when one is set.
    pub countdown: Option<(Duration, Countdown)>,
}

/// The focused theme's clocks; `None` when none was started on it.
pub fn readout(cx: &Ctx) -> Option<Readout> {
    let theme = cx.theme()?;
    let elapsed = cx.workshop.elapsed(&theme.id, true);
    let running = cx.workshop.running_since.is_some();
    let countdown = cx.workshop.countdown(&theme.id, true);
    (running || countdown.is_some() || elapsed > Duration::ZERO).then_some(Readout {
        elapsed,
        running,
        countdown,
    })
}

/// The big figure and the words under it: the time left, the time over (the alert), or
/// the time on the theme.
fn figure(cx: &Ctx, readout: &Readout) -> (String, String, Style) {
    let palette = &cx.palette;
    let live = if readout.running {
        palette.target
    } else {
        palette.dim
    };
    let stopped = if readout.running { "" } else { " (stopped)" };
    match readout.countdown {
        Some((length, Countdown::Left(left))) => (
            format_elapsed(left),
            format!("left of {}{stopped}", format_elapsed(length)),
            live,
        ),
        Some((length, Countdown::Over(over))) => (
            format!("+{}", format_elapsed(over)),
            format!(" TIME UP: {} ran out ", format_elapsed(length)),
            palette.error,
        ),
        None => (
            format_elapsed(readout.elapsed),
            format!("on this theme{stopped}"),
            live,
        ),
    }
}

/// The clock beside the name, right-aligned; returns the rows it took.
pub fn panel(cx: &Ctx, frame: &mut Frame, area: Rect) -> u16 {
    if area.width == 0 {
        return 0;
    }
    let Some(readout) = readout(cx) else {
        return 0;
    };
    let (big, words, style) = figure(cx, &readout);
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = match bigtype::layout_at(&big, area.width, Size::Quadrant) {
        Some(set) if set.lines.len() == 1 => name::big_lines(&set, style)
            .into_iter()
            .map(|line| right_aligned(line, width))
            .collect(),
        _ => vec![right_aligned(Line::styled(big, style), width)],
    };
    lines.push(right_aligned(Line::styled(words, style), width));
    let rows = (lines.len() as u16).min(area.height);
    super::super::draw_lines(frame, area, &lines, 0);
    rows
}

fn right_aligned(line: Line<'static>, width: usize) -> Line<'static> {
    let pad = width.saturating_sub(line.width());
    let mut spans = vec![Span::raw(" ".repeat(pad))];
    spans.extend(line.spans);
    Line::from(spans).style(line.style)
}

/// The clocks in words for the progress strip, most needed first: the countdown (its
/// alert), the theme's clock, then the session's time and the time on all the themes'
/// clocks (while a clock runs, or on the summary, where it is read at the time).
pub fn strip_pieces(cx: &Ctx, summary: bool) -> Vec<Span<'static>> {
    let palette = &cx.palette;
    let mut pieces = Vec::new();
    if let Some(readout) = readout(cx).filter(|_| !summary) {
        let (big, _, style) = figure(cx, &readout);
        match readout.countdown {
            Some((_, Countdown::Over(_))) => {
                pieces.push(Span::styled(format!(" TIME UP {big} "), style))
            }
            Some(_) => pieces.push(Span::styled(format!("{big} left"), style)),
            None => pieces.push(Span::styled(format!("theme {big}"), style)),
        }
        if readout.countdown.is_some() {
            let stopped = if readout.running { "" } else { " stopped" };
            pieces.push(Span::styled(
                format!("theme {}{stopped}", format_elapsed(readout.elapsed)),
                palette.text,
            ));
        }
    }
    if summary || cx.workshop.running_since.is_some() {
        let focused = cx.theme().map(|t| t.id.as_str());
        pieces.push(Span::styled(
            format!("session {}", format_elapsed(cx.workshop.session_time())),
            palette.text,
        ));
        pieces.push(Span::styled(
            format!(
                "on the clocks {}",
                format_elapsed(cx.workshop.timed_total(focused))
            ),
            palette.text,
        ));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_time_reads_minutes_and_hours() {
        assert_eq!(format_elapsed(Duration::from_secs(192)), "03:12");
        assert_eq!(format_elapsed(Duration::from_secs(3723)), "1:02:03");
        assert_eq!(format_elapsed(Duration::ZERO), "00:00");
    }
}
