//! The radar as an SVG picture, drawn from the same geometry as the text radar (spokes
//! from 12 o'clock clockwise, the lowest stage the innermost ring, a gap where a theme
//! has no answer). Built with maud, so every name is escaped by construction.
//!
//! It reads without colour: current, target and comparison differ in stroke (solid,
//! dashed, dotted) and in marker shape (circle, diamond, triangle), as on the terminal.
//! It is an image for assistive technology (`role="img"`) with a title and a
//! description; the HTML report puts a table of the same figures beside it.

use super::geometry::{Point, polygon_segments, ring_radius, spoke_direction, vertex};
use super::svg_legend::{LEGEND_ROW, legend_at, legend_rows};
use super::{Radar, Series, SeriesKind};
use maud::{Markup, html};

/// The plot's radius in SVG user units.
pub(super) const RADIUS: f64 = 150.0;
/// Room around the plot for the spoke labels.
const MARGIN_X: f64 = 170.0;
const MARGIN_Y: f64 = 70.0;
/// Above this many spokes, spokes are numbered rather than named.
const MAX_NAMED_SPOKES: usize = 16;
/// The widest a label line gets, in characters, before it wraps.
const LABEL_CHARACTERS: usize = 20;

/// What the picture says in words, for its `<title>` and `<desc>`.
pub struct Caption<'a> {
    pub title: &'a str,
    pub description: &'a str,
}

pub(super) fn hex(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Current => "#0072b2",
        SeriesKind::Target => "#b26b00",
        SeriesKind::Against => "#009e73",
    }
}

pub(super) fn dash(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Current => "none",
        SeriesKind::Target => "8 5",
        SeriesKind::Against => "2 4",
    }
}

pub(super) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".into()
    } else {
        format!("{rounded}")
    }
}

/// Plot units to SVG user units (y down).
fn at(point: Point) -> (String, String) {
    (number(point.x * RADIUS), number(-point.y * RADIUS))
}

/// The marker of a series at a point: circle, diamond or triangle.
pub(super) fn marker(kind: SeriesKind, point: Point) -> Markup {
    let (x, y) = (point.x * RADIUS, -point.y * RADIUS);
    let color = hex(kind);
    match kind {
        SeriesKind::Current => html! {
            circle cx=(number(x)) cy=(number(y)) r="5" fill=(color) stroke="#fff" stroke-width="1.5" {}
        },
        SeriesKind::Target => {
            let points = format!(
                "{},{} {},{} {},{} {},{}",
                number(x),
                number(y - 6.5),
                number(x + 6.5),
                number(y),
                number(x),
                number(y + 6.5),
                number(x - 6.5),
                number(y)
            );
            html! { polygon points=(points) fill="#fff" stroke=(color) stroke-width="2" {} }
        }
        SeriesKind::Against => {
            let points = format!(
                "{},{} {},{} {},{}",
                number(x),
                number(y - 6.5),
                number(x + 6.0),
                number(y + 4.5),
                number(x - 6.0),
                number(y + 4.5)
            );
            html! { polygon points=(points) fill=(color) stroke="#fff" stroke-width="1" {} }
        }
    }
}

fn series_points(radar: &Radar, series: &Series) -> Vec<Option<Point>> {
    let spokes = radar.axes.len();
    let stages = radar.stages.len();
    series
        .values
        .iter()
        .enumerate()
        .map(|(spoke, value)| value.map(|stage| vertex(spoke, spokes, stage, stages)))
        .collect()
}

fn draw_series(radar: &Radar, series: &Series) -> Markup {
    let points = series_points(radar, series);
    let whole = points.iter().all(Option::is_some);
    let outline: Vec<String> = points
        .iter()
        .flatten()
        .map(|p| {
            let (x, y) = at(*p);
            format!("{x},{y}")
        })
        .collect();
    let color = hex(series.kind);
    let fill_opacity = if series.kind == SeriesKind::Current {
        "0.18"
    } else {
        "0"
    };
    html! {
        g class={ "series " (series_class(series.kind)) } {
            @if whole && outline.len() > 2 {
                polygon points=(outline.join(" ")) fill=(color) fill-opacity=(fill_opacity)
                    stroke=(color) stroke-width="2.5" stroke-dasharray=(dash(series.kind))
                    stroke-linejoin="round" {}
            } @else {
                @for (from, to) in polygon_segments(&points) {
                    @let ((x1, y1), (x2, y2)) = (at(from), at(to));
                    line x1=(x1) y1=(y1) x2=(x2) y2=(y2) stroke=(color) stroke-width="2.5"
                        stroke-dasharray=(dash(series.kind)) stroke-linecap="round" {}
                }
            }
            @for point in points.iter().flatten() {
                (marker(series.kind, *point))
            }
        }
    }
}

fn series_class(kind: SeriesKind) -> &'static str {
    match kind {
        SeriesKind::Current => "current",
        SeriesKind::Target => "target",
        SeriesKind::Against => "against",
    }
}

/// The most lines a spoke label takes.
const LABEL_LINES: usize = 4;

/// A label's lines: the name wrapped at word breaks, at most [`LABEL_LINES`].
fn label_lines(name: &str) -> Vec<String> {
    let mut lines = crate::text::wrap_words(name, LABEL_CHARACTERS);
    if lines.len() > LABEL_LINES {
        lines.truncate(LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn spoke_label(radar: &Radar, spoke: usize) -> Markup {
    let (sin, cos) = spoke_direction(spoke, radar.axes.len());
    let reach = RADIUS + 14.0;
    let (x, y) = (sin * reach, -cos * reach);
    let anchor = if sin > 0.15 {
        "start"
    } else if sin < -0.15 {
        "end"
    } else {
        "middle"
    };
    let lines = if radar.axes.len() > MAX_NAMED_SPOKES {
        vec![(spoke + 1).to_string()]
    } else {
        label_lines(&radar.axes[spoke])
    };
    // Labels above the centre grow upwards, those below grow downwards.
    let line_height = 14.0;
    let first_y = if cos > 0.15 {
        y - line_height * (lines.len() as f64 - 1.0)
    } else if cos < -0.15 {
        y + line_height * 0.8
    } else {
        y - line_height * (lines.len() as f64 - 1.0) / 2.0 + 4.0
    };
    html! {
        text x=(number(x)) y=(number(first_y)) text-anchor=(anchor) class="spoke-label" {
            @for (index, line) in lines.iter().enumerate() {
                tspan x=(number(x)) dy=(if index == 0 { "0" } else { "14" }) { (line) }
            }
        }
    }
}

fn grid(radar: &Radar) -> Markup {
    let stages = radar.stages.len();
    let spokes = radar.axes.len();
    html! {
        g class="grid" fill="none" stroke="#8a8a8a" stroke-width="0.8" {
            @for stage in 0..stages {
                circle cx="0" cy="0" r=(number(ring_radius(stage, stages) * RADIUS)) {}
            }
            @for spoke in 0..spokes {
                @let (x, y) = at(vertex(spoke, spokes, stages.saturating_sub(1), stages));
                line x1="0" y1="0" x2=(x) y2=(y) {}
            }
        }
        // Beside the top spoke, clear of the markers on it (7.5 wide each side), on a
        // white halo so that a line crossing there does not hide them.
        g class="ring-numbers" font-size="10" fill="#555" text-anchor="end"
            stroke="#fff" stroke-width="3" paint-order="stroke" {
            @for stage in 0..stages {
                text x=(number(-RING_NUMBER_GAP)) y=(number(-ring_radius(stage, stages) * RADIUS))
                    dy="3.5" { (radar.stage_number(stage)) }
            }
        }
    }
}

/// How far left of the top spoke the ring numbers end: clear of a marker on it.
const RING_NUMBER_GAP: f64 = 10.5;

fn legend(radar: &Radar, top: f64) -> Markup {
    legend_at(radar, -RADIUS - MARGIN_X + 20.0, top, RINGS_HEADING)
}

/// The heading of the radar legend's scale column.
const RINGS_HEADING: &str = "Rings, inner to outer:";

/// The radar as an `<svg>` element, for inline use in HTML.
pub fn render(radar: &Radar, caption: &Caption) -> Markup {
    if radar.needs_bars() {
        return super::svg_bars::render(radar, caption);
    }
    let width = 2.0 * (RADIUS + MARGIN_X);
    let top = -RADIUS - MARGIN_Y;
    let legend_top = RADIUS + MARGIN_Y - 10.0;
    let bottom = legend_top + legend_rows(radar, RINGS_HEADING) as f64 * LEGEND_ROW;
    let view_box = format!(
        "{} {} {} {}",
        number(-width / 2.0),
        number(top),
        number(width),
        number(bottom - top)
    );
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(view_box) role="img"
            aria-labelledby="radar-title radar-desc" class="radar"
            font-family="system-ui, sans-serif" font-size="12" {
            title id="radar-title" { (caption.title) }
            desc id="radar-desc" { (caption.description) }
            (grid(radar))
            @for series in &radar.series {
                (draw_series(radar, series))
            }
            g class="spoke-labels" fill="#111" {
                @for spoke in 0..radar.axes.len() {
                    (spoke_label(radar, spoke))
                }
            }
            (legend(radar, legend_top))
        }
    }
}

/// The radar as a standalone SVG file (`routemap radar --svg`).
pub fn document(radar: &Radar, caption: &Caption) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
        render(radar, caption).into_string()
    )
}

/// A sentence describing the radar, for its `<desc>`.
pub fn describe(radar: &Radar) -> String {
    let series: Vec<String> = radar
        .series
        .iter()
        .map(|s| {
            let how = match s.kind {
                SeriesKind::Current => "solid line, circles",
                SeriesKind::Target => "dashed line, diamonds",
                SeriesKind::Against => "dotted line, triangles",
            };
            let answered = s.values.iter().flatten().count();
            format!(
                "{} ({how}; {answered} of {} themes placed)",
                s.name,
                radar.axes.len()
            )
        })
        .collect();
    if radar.needs_bars() {
        return format!(
            "Bars, one for each of {} themes, on a scale of {} stages from {} at the left to {} at the right: the current stage as a bar, and {}.",
            radar.axes.len(),
            radar.stages.len(),
            radar.stages.first().map_or("", String::as_str),
            radar.stages.last().map_or("", String::as_str),
            series.join(" and ")
        );
    }
    format!(
        "A radar with a spoke for each of {} themes, clockwise from the top, and a ring for each of {} stages, from {} on the innermost ring to {} on the outermost; the centre means no answer. It shows {}. An unplaced theme leaves a gap in its line.",
        radar.axes.len(),
        radar.stages.len(),
        radar.stages.first().map_or("", String::as_str),
        radar.stages.last().map_or("", String::as_str),
        series.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radar(axes: &[&str]) -> Radar {
        Radar {
            first_stage: 1,
            groups: Vec::new(),
            axes: axes.iter().map(|a| a.to_string()).collect(),
            stages: vec!["Low".into(), "Mid".into(), "High".into()],
            series: vec![
                Series {
                    name: "current".into(),
                    kind: SeriesKind::Current,
                    values: vec![Some(0), Some(2), None],
                },
                Series {
                    name: "target".into(),
                    kind: SeriesKind::Target,
                    values: vec![Some(2), Some(2), Some(1)],
                },
            ],
        }
    }

    #[test]
    fn names_are_escaped_by_construction() {
        let svg = render(
            &radar(&["<script>", "A & B", "\"q\""]),
            &Caption {
                title: "<b>t</b>",
                description: "d",
            },
        )
        .into_string();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("A &amp; B"));
        assert!(svg.contains("<title id=\"radar-title\">&lt;b&gt;t&lt;/b&gt;</title>"));
    }

    #[test]
    fn points_sit_on_the_geometrys_rings() {
        let svg = render(
            &radar(&["a", "b", "c"]),
            &Caption {
                title: "t",
                description: "d",
            },
        )
        .into_string();
        // Spoke 0 (12 o'clock), stage 0 of 3: radius 50, straight up.
        assert!(svg.contains("<circle cx=\"0\" cy=\"-50\" r=\"5\""), "{svg}");
        // The target is whole: one closed polygon, dashed.
        assert!(svg.contains("stroke-dasharray=\"8 5\""));
        // The current series has a gap: drawn as one segment (spokes 0 to 1), not a polygon.
        assert_eq!(svg.matches("<line x1=\"0\" y1=\"-50\"").count(), 1, "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"radar-title radar-desc\""));
    }

    #[test]
    fn many_spokes_are_numbered() {
        let names: Vec<String> = (0..20).map(|i| format!("Theme {i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut many = radar(&refs);
        for series in &mut many.series {
            series.values = vec![Some(1); 20];
        }
        let svg = render(
            &many,
            &Caption {
                title: "t",
                description: "d",
            },
        )
        .into_string();
        assert!(!svg.contains("Theme 3"));
        assert!(svg.contains(">20</tspan>"));
    }

    #[test]
    fn ring_numbers_keep_clear_of_the_markers_on_the_top_spoke() {
        let svg = render(
            &radar(&["a", "b", "c"]),
            &Caption {
                title: "t",
                description: "d",
            },
        )
        .into_string();
        let numbers = svg
            .split("class=\"ring-numbers\"")
            .nth(1)
            .unwrap()
            .split("</g>")
            .next()
            .unwrap();
        assert!(numbers.contains("text-anchor=\"end\""), "{numbers}");
        assert_eq!(
            numbers.matches("<text x=\"-10.5\"").count(),
            3,
            "one a ring: {numbers}"
        );
        assert!(
            numbers.contains("paint-order=\"stroke\""),
            "a halo: {numbers}"
        );
    }

    #[test]
    fn the_description_says_what_is_drawn() {
        let text = describe(&radar(&["a", "b", "c"]));
        assert!(text.contains("3 themes"), "{text}");
        assert!(text.contains("current (solid line, circles; 2 of 3 themes placed)"));
        assert!(
            text.contains("from Low on the innermost ring to High on the outermost; the centre means no answer"),
            "{text}"
        );
    }
}
