//! Snapshots of the radar as printed, for 3, 5, 12 and 30 themes, braille and ASCII, at
//! 60, 80 and 120 columns; and the rules every layout must keep.

use super::*;
use crate::textout::buffer_to_text;

const PLANTING_THE_FLAG: [&str; 12] = [
    "Leadership",
    "Governance",
    "Organisational change",
    "Strategic commissioning",
    "Shared services",
    "Professionalism",
    "Business change",
    "Digital access and inclusion",
    "Local public services infrastructure",
    "Information governance",
    "Information management, assurance and transparency",
    "ICT policies of central government departments",
];

fn names(count: usize) -> Vec<String> {
    match count {
        12 => PLANTING_THE_FLAG.iter().map(|s| s.to_string()).collect(),
        30 => (1..=30)
            .map(|n| format!("Arweinyddiaeth a llywodraethu {n}"))
            .collect(),
        _ => PLANTING_THE_FLAG
            .iter()
            .take(count)
            .map(|s| s.to_string())
            .collect(),
    }
}

/// A radar of `count` themes on a five-stage scale: current stages in a varied pattern
/// with one gap, targets a stage higher.
fn sample(count: usize) -> Radar {
    let current: Vec<Option<usize>> = (0..count)
        .map(|i| {
            if i == count / 2 {
                None
            } else {
                Some((i * 3 + 1) % 5)
            }
        })
        .collect();
    let target = current.iter().map(|v| v.map(|s| (s + 1).min(4))).collect();
    Radar {
        axes: names(count),
        stages: [
            "Flag not yet planted",
            "Flag planted",
            "Route planned",
            "On the route",
            "Destination reached",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        series: vec![
            Series {
                name: "current".into(),
                kind: SeriesKind::Current,
                values: current,
            },
            Series {
                name: "target".into(),
                kind: SeriesKind::Target,
                values: target,
            },
        ],
    }
}

fn print(radar: &Radar, width: u16, drawing: Drawing) -> String {
    buffer_to_text(
        &render_standalone(
            radar,
            width,
            Look {
                drawing,
                color: false,
            },
        ),
        false,
    )
}

#[test]
fn snapshots_of_every_size() {
    for count in [3, 5, 12, 30] {
        for width in [60, 80, 120] {
            for (drawing, name) in [(Drawing::Braille, "braille"), (Drawing::Ascii, "ascii")] {
                let text = print(&sample(count), width, drawing);
                insta::assert_snapshot!(format!("radar_{count}_themes_{width}_{name}"), text);
            }
        }
    }
}

#[test]
fn ascii_drawing_is_seven_bit_apart_from_labels() {
    let radar = sample(12);
    let text = print(&radar, 80, Drawing::Ascii);
    let label_chars: String = radar.axes.concat();
    for c in text.chars() {
        assert!(
            c.is_ascii() || label_chars.contains(c),
            "non-ASCII {c:?} in the ASCII radar"
        );
    }
}

#[test]
fn lines_never_exceed_the_width() {
    for count in [3, 5, 12, 30] {
        for width in [40, 60, 80, 120, 200] {
            let text = print(&sample(count), width, Drawing::Braille);
            for line in text.lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{count} themes at {width}: {line:?}"
                );
            }
        }
    }
}

#[test]
fn every_theme_is_named_in_labels_or_legend() {
    for count in [3, 5, 12, 30] {
        let radar = sample(count);
        let text = print(&radar, 80, Drawing::Braille);
        for (index, name) in radar.axes.iter().enumerate() {
            let first_word = name.split_whitespace().next().unwrap_or_default();
            let numbered = format!("{} {}", index + 1, name);
            assert!(
                text.contains(&numbered) || text.contains(first_word),
                "{count} themes: '{name}' missing\n{text}"
            );
        }
    }
}

#[test]
fn the_series_legend_names_each_series_by_marker() {
    let text = print(&sample(12), 80, Drawing::Braille);
    assert!(text.contains("● current  ◆ target"), "{text}");
    let ascii = print(&sample(12), 80, Drawing::Ascii);
    assert!(ascii.contains("* current  o target"), "{ascii}");
}

#[test]
fn a_theme_at_the_top_stage_is_drawn_on_the_outer_ring() {
    let mut radar = sample(4);
    radar.series.truncate(1);
    radar.series[0].values = vec![Some(4), None, None, None];
    let area = Rect::new(0, 0, 60, 30);
    let mut buf = Buffer::empty(area);
    let look = Look {
        drawing: Drawing::Ascii,
        color: false,
    };
    let plan = labels::plan_labels(&radar.axes, area, None, look);
    paint::paint_plot(&radar, plan.plot, &mut buf, look);
    // The marker for the top spoke is in the plot's first row, centred.
    let row: String = (plan.plot.left()..plan.plot.right())
        .map(|x| buf[(x, plan.plot.y)].symbol().to_string())
        .collect();
    assert!(row.contains('*'), "{row:?}");
    let centre = plan.plot.x + plan.plot.width / 2;
    let marker_x =
        (plan.plot.left()..plan.plot.right()).find(|x| buf[(*x, plan.plot.y)].symbol() == "*");
    assert!(marker_x.is_some_and(|x| x.abs_diff(centre) <= 1));
}

#[test]
fn few_or_very_many_themes_get_bars() {
    let mut two = sample(3);
    two.axes.truncate(2);
    for series in &mut two.series {
        series.values.truncate(2);
    }
    let text = print(&two, 80, Drawing::Ascii);
    assert!(
        text.starts_with("A radar needs 3 or more themes; this routemap has 2, so here are bars."),
        "{text}"
    );
    assert!(text.contains("Leadership  ##"), "{text}");

    let many = Radar {
        axes: (0..1000).map(|n| format!("Theme {n}")).collect(),
        stages: vec!["Low".into(), "High".into()],
        series: vec![Series {
            name: "current".into(),
            kind: SeriesKind::Current,
            values: (0..1000).map(|n| Some(n % 2)).collect(),
        }],
    };
    let text = print(&many, 80, Drawing::Braille);
    assert!(text.starts_with("1000 themes are too many for a readable radar; here are bars."));
    assert_eq!(text.lines().count(), 1004);
}
