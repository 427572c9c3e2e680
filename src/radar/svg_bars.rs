//! The SVG picture as bars, for when a radar cannot be read (fewer than three themes, or
//! too many), as the text radar does: a row per theme, the current stage as a bar, the
//! target and a comparison as markers at the middle of their stage's column.

use super::geometry::Point;
use super::svg::{Caption, RADIUS, hex, marker, number};
use super::svg_legend::{LEGEND_ROW, legend_at, legend_rows};
use super::{Radar, Series, SeriesKind};
use maud::{Markup, html};

/// Bars, for a radar that cannot be read (fewer than three themes, or too many): a row
/// per theme, the current stage as a bar, the target and comparison as markers.
pub fn render(radar: &Radar, caption: &Caption) -> Markup {
    const ROW: f64 = 26.0;
    const LABEL: f64 = 230.0;
    const TRACK: f64 = 380.0;
    let stages = radar.stages.len().max(1);
    let step = TRACK / stages as f64;
    let top = 24.0;
    let height = top
        + ROW * radar.axes.len() as f64
        + LEGEND_ROW * (legend_rows(radar, STAGES_HEADING) as f64 + 1.0);
    let view_box = format!("0 0 {} {}", number(LABEL + TRACK + 30.0), number(height));
    let value = |series: &Series, row: usize| series.values.get(row).copied().flatten();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(view_box) role="img"
            aria-labelledby="radar-title radar-desc" class="radar bars"
            font-family="system-ui, sans-serif" font-size="12" {
            title id="radar-title" { (caption.title) }
            desc id="radar-desc" { (caption.description) }
            g class="grid" stroke="#8a8a8a" stroke-width="0.8" {
                @for stage in 0..=stages {
                    @let x = number(LABEL + step * stage as f64);
                    line x1=(x) y1=(number(top - 6.0)) x2=(x) y2=(number(top + ROW * radar.axes.len() as f64)) {}
                }
            }
            g class="ring-numbers" font-size="10" fill="#555" {
                @for stage in 0..stages {
                    text x=(number(LABEL + step * (stage as f64 + 0.5))) y=(number(top - 10.0)) text-anchor="middle" { (radar.stage_number(stage)) }
                }
            }
            @for (row, name) in radar.axes.iter().enumerate() {
                @let y = top + ROW * row as f64;
                text x=(number(LABEL - 8.0)) y=(number(y + ROW / 2.0 + 4.0)) text-anchor="end" { (crate::text::ellipsize(name, 36, "…")) }
                @for series in &radar.series {
                    @if let Some(stage) = value(series, row) {
                        @let x = LABEL + step * (stage as f64 + 0.5);
                        @if series.kind == SeriesKind::Current {
                            rect x=(number(LABEL)) y=(number(y + 7.0)) width=(number(x - LABEL)) height=(number(ROW - 14.0))
                                fill=(hex(series.kind)) fill-opacity="0.35" stroke=(hex(series.kind)) {}
                        }
                        (marker(series.kind, Point { x: x / RADIUS, y: -(y + ROW / 2.0) / RADIUS }))
                    }
                }
            }
            (legend_at(radar, 20.0, top + ROW * radar.axes.len() as f64 + LEGEND_ROW, STAGES_HEADING))
        }
    }
}

/// The heading of the bars legend's scale column.
const STAGES_HEADING: &str = "Stages, left to right:";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::Series;

    #[test]
    fn two_themes_get_bars() {
        let mut two = radar_of(&["a", "b"]);
        for series in &mut two.series {
            series.values.truncate(2);
        }
        let svg = render(
            &two,
            &Caption {
                title: "t",
                description: "d",
            },
        )
        .into_string();
        assert!(svg.contains("class=\"radar bars\""), "{svg}");
        // Current bars reach the middle of their stage's column, as its number does:
        // stage 1 of 3 a sixth of the track, stage 3 five sixths.
        assert!(svg.contains("width=\"63.3\""), "{svg}");
        assert!(svg.contains("width=\"316.7\""), "{svg}");
    }

    fn radar_of(axes: &[&str]) -> Radar {
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
}
