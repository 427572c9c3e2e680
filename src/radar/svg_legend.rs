//! The SVG picture's legend: the series on the left (a stroke, a marker and a name), the
//! scale on the right (its heading, then a numbered line a stage). Each column has a
//! width, and a name longer than its column wraps at word breaks onto further lines
//! rather than running into the next column or off the picture's edge.

use super::Radar;
use super::geometry::Point;
use super::svg::{RADIUS, dash, hex, marker, number};
use maud::{Markup, html};

/// The height of a legend line, in SVG user units.
pub(super) const LEGEND_ROW: f64 = 17.0;
/// Where a series' name starts, right of its stroke and marker.
const SERIES_TEXT_X: f64 = 38.0;
/// Where the scale column starts.
const SCALE_X: f64 = 250.0;
/// How wide the whole legend may be: both pictures are 640 wide and the legend starts
/// 20 in from the left, so this leaves 20 clear on the right.
const LEGEND_WIDTH: f64 = 600.0;
/// Clear space between the two columns.
const COLUMN_GAP: f64 = 12.0;
/// An average character's width at the legend's 12-unit font size, rounded up
/// (0.6 em): how many characters fit a column is estimated from it.
const CHARACTER_WIDTH: f64 = 12.0 * 0.6;
/// A stage's continuation lines start this far in, clear of its number.
const SCALE_INDENT: f64 = 14.0;
/// The most lines a name takes; past this it ends in an ellipsis.
const MOST_LINES: usize = 5;

fn characters_in(width: f64) -> usize {
    (width / CHARACTER_WIDTH).floor() as usize
}

/// `text` wrapped at word breaks to `characters`, at most [`MOST_LINES`] lines, the
/// last ending in an ellipsis if anything was left out.
fn wrapped(text: &str, characters: usize) -> Vec<String> {
    let mut lines = crate::text::wrap_words(text, characters);
    if lines.len() > MOST_LINES {
        lines.truncate(MOST_LINES);
        if let Some(last) = lines.last_mut() {
            let shortened = crate::text::truncate_width(last, characters.saturating_sub(1));
            *last = format!("{}…", shortened.trim_end());
        }
    }
    lines
}

/// Each series' name, as lines that fit the series column.
fn series_lines(radar: &Radar) -> Vec<Vec<String>> {
    let characters = characters_in(SCALE_X - COLUMN_GAP - SERIES_TEXT_X);
    radar
        .series
        .iter()
        .map(|series| wrapped(&series.name, characters).into_iter().collect())
        .collect()
}

/// The scale column's lines: the heading, then each stage's number and name; a line
/// after a stage's first is a continuation, set in by [`SCALE_INDENT`].
fn scale_lines(radar: &Radar, heading: &str) -> Vec<(bool, String)> {
    let characters = characters_in(LEGEND_WIDTH - SCALE_X);
    let mut lines: Vec<(bool, String)> = wrapped(heading, characters)
        .into_iter()
        .map(|line| (false, line))
        .collect();
    for (index, stage) in radar.stages.iter().enumerate() {
        let numbered = format!("{} {stage}", radar.stage_number(index));
        let narrower = characters_in(LEGEND_WIDTH - SCALE_X - SCALE_INDENT);
        for (line_index, line) in wrapped(&numbered, narrower).into_iter().enumerate() {
            lines.push((line_index > 0, line));
        }
    }
    lines
}

/// Rows the legend takes: the taller of its two columns.
pub(super) fn legend_rows(radar: &Radar, heading: &str) -> usize {
    let series: usize = series_lines(radar).iter().map(Vec::len).sum();
    series.max(scale_lines(radar, heading).len())
}

/// The baseline of a legend row.
fn baseline(row: usize) -> String {
    number(row as f64 * LEGEND_ROW + 4.0)
}

/// The legend, its top left corner at (`left`, `top`); `heading` heads the scale.
pub(super) fn legend_at(radar: &Radar, left: f64, top: f64, heading: &str) -> Markup {
    let mut first_rows = Vec::new();
    let mut row = 0;
    for lines in series_lines(radar) {
        first_rows.push(row);
        row += lines.len();
    }
    html! {
        g class="legend" transform={ "translate(" (number(left)) "," (number(top)) ")" } {
            @for ((series, lines), first_row) in radar.series.iter().zip(series_lines(radar)).zip(first_rows) {
                @let y = first_row as f64 * LEGEND_ROW;
                line x1="0" y1=(number(y)) x2="30" y2=(number(y)) stroke=(hex(series.kind))
                    stroke-width="2.5" stroke-dasharray=(dash(series.kind)) {}
                (marker(series.kind, Point { x: 15.0 / RADIUS, y: -y / RADIUS }))
                @for (index, line) in lines.iter().enumerate() {
                    text x=(number(SERIES_TEXT_X)) y=(baseline(first_row + index)) { (line) }
                }
            }
            @for (row, (continued, line)) in scale_lines(radar, heading).iter().enumerate() {
                @let x = if *continued { SCALE_X + SCALE_INDENT } else { SCALE_X };
                text x=(number(x)) y=(baseline(row)) class="scale" { (line) }
            }
        }
    }
}
