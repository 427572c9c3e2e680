//! The legend's text never overlaps and is never clipped, whatever the names' length:
//! the text's boxes are estimated as the legend lays them out (characters × font size ×
//! an average character width) from the rendered SVG itself.

use super::svg::{Caption, render};
use super::{Radar, Series, SeriesKind};

/// A text line of the picture, in SVG user units: its left edge, baseline, and words.
#[derive(Debug)]
struct Placed {
    x: f64,
    y: f64,
    text: String,
}

/// An average character's width in ems for the sans-serif face, rounded up.
const EM_PER_CHARACTER: f64 = 0.6;
const FONT_SIZE: f64 = 12.0;

impl Placed {
    fn right(&self) -> f64 {
        self.x + self.text.chars().count() as f64 * FONT_SIZE * EM_PER_CHARACTER
    }
    fn top(&self) -> f64 {
        self.y - FONT_SIZE * 0.8
    }
    fn bottom(&self) -> f64 {
        self.y + FONT_SIZE * 0.25
    }
    fn overlaps(&self, other: &Placed) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.top() < other.bottom()
            && other.top() < self.bottom()
    }
}

fn attribute(tag: &str, name: &str) -> Option<f64> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[start..];
    rest[..rest.find('"')?].parse().ok()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The legend's text lines, moved from the legend's own frame into the picture's.
fn legend_text(svg: &str) -> Vec<Placed> {
    let legend = svg.split("<g class=\"legend\"").nth(1).expect("a legend");
    let translate = legend
        .split("translate(")
        .nth(1)
        .and_then(|t| t.split(')').next())
        .expect("a translate");
    let (dx, dy) = translate.split_once(',').expect("x,y");
    let (dx, dy): (f64, f64) = (dx.parse().unwrap(), dy.parse().unwrap());
    let mut placed = Vec::new();
    for piece in legend.split("<text").skip(1) {
        let (tag, rest) = piece.split_once('>').expect("a tag");
        assert!(
            !rest.starts_with("<tspan"),
            "one text element a line: {piece}"
        );
        let text = unescape(rest.split("</text>").next().expect("a closed text"));
        placed.push(Placed {
            x: dx + attribute(tag, "x").expect("x"),
            y: dy + attribute(tag, "y").expect("y"),
            text,
        });
    }
    placed
}

fn view_box(svg: &str) -> [f64; 4] {
    let numbers = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .expect("a viewBox");
    let values: Vec<f64> = numbers.split(' ').map(|n| n.parse().unwrap()).collect();
    [
        values[0],
        values[1],
        values[0] + values[2],
        values[1] + values[3],
    ]
}

fn radar(spokes: usize, against: &str, stages: &[&str]) -> Radar {
    let series = |name: &str, kind| Series {
        name: name.into(),
        kind,
        values: vec![Some(1); spokes],
    };
    Radar {
        first_stage: 1,
        groups: Vec::new(),
        axes: (0..spokes).map(|i| format!("Theme {i}")).collect(),
        stages: stages.iter().map(|s| s.to_string()).collect(),
        series: vec![
            series("current", SeriesKind::Current),
            series("target", SeriesKind::Target),
            series(against, SeriesKind::Against),
        ],
    }
}

const LONG_AGAINST: &str =
    "Bwrdd Gwasanaethau Cyhoeddus Rhanbarthol Gogledd Cymru a Chyngor Sir Ynys Môn — 2025 baseline";
const STAGES: [&str; 5] = [
    "Flag not yet planted",
    "Flag planted",
    "Route planned",
    "On the route",
    "Destination reached",
];

fn assert_legend_reads(radar: &Radar, whole: &[&str]) {
    let svg = render(
        radar,
        &Caption {
            title: "t",
            description: "d",
        },
    )
    .into_string();
    let lines = legend_text(&svg);
    for (index, a) in lines.iter().enumerate() {
        for b in &lines[index + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
        }
    }
    let [left, top, right, bottom] = view_box(&svg);
    for line in &lines {
        assert!(
            line.x >= left && line.right() <= right && line.top() >= top && line.bottom() <= bottom,
            "{line:?} is clipped by the picture's edge {:?}",
            [left, top, right, bottom]
        );
    }
    // Every word of every label is there, in order, none cut: only whole words are
    // wrapped, and a label is shortened (if ever) with an ellipsis.
    let words: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .collect();
    for label in whole {
        let label_words: Vec<&str> = label.split_whitespace().collect();
        assert!(
            words
                .windows(label_words.len())
                .any(|window| window == label_words.as_slice()),
            "'{label}' is not shown whole: {lines:?}"
        );
    }
}

#[test]
fn a_long_against_name_wraps_in_its_column_clear_of_the_rings_key() {
    assert!(LONG_AGAINST.chars().count() >= 90);
    let mut whole = vec![LONG_AGAINST];
    whole.extend(STAGES);
    assert_legend_reads(&radar(12, LONG_AGAINST, &STAGES), &whole);
}

#[test]
fn a_usual_against_name_stays_clear_of_the_rings_key() {
    let name = "Cyngor Sir Ynys Môn — 2025 baseline";
    assert_legend_reads(&radar(12, name, &STAGES), &[name]);
}

#[test]
fn the_bars_legend_keeps_clear_too() {
    // Two themes cannot make a radar: the picture is bars, with the same legend.
    assert_legend_reads(&radar(2, LONG_AGAINST, &STAGES), &[LONG_AGAINST]);
}

#[test]
fn long_stage_names_wrap_inside_the_picture() {
    let long_stage = "A stage whose name goes on and on about what the authority has done, for ninety characters";
    let stages = ["Low", long_stage, "High"];
    assert_legend_reads(&radar(6, "previous", &stages), &[long_stage]);
}
