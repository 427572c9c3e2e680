//! Snapshots of the radar as printed, for 3, 7, 12, 30 and 60 themes at 60, 80 and 120
//! columns: in braille with colour and without, and in ASCII; and the rules every layout
//! must keep. The strokes and the fitting have their own files.

mod fit;
mod strokes;

use super::*;
use crate::textout::buffer_to_text;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

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

/// Theme names: Planting the Flag's for up to 12, long Welsh names for more.
fn names(count: usize) -> Vec<String> {
    if count <= 12 {
        PLANTING_THE_FLAG
            .iter()
            .take(count)
            .map(|s| s.to_string())
            .collect()
    } else {
        (1..=count)
            .map(|n| format!("Arweinyddiaeth a llywodraethu {n}"))
            .collect()
    }
}

/// Sections: Planting the Flag's two for 7 or 12 themes, sections of 6 for 30 and of
/// 10 for 60; none for 3.
fn groups(count: usize) -> Vec<AxisGroup> {
    let group = |name: String, axes: std::ops::Range<usize>| AxisGroup {
        name,
        axes: axes.collect(),
        weights: Vec::new(),
    };
    match count {
        7 | 12 => vec![
            group("Strategic capabilities".into(), 0..6),
            group("Information and technology issues".into(), 6..count),
        ],
        30 | 60 => {
            let size = count / if count == 30 { 5 } else { 6 };
            (0..count / size)
                .map(|n| group(format!("Adran {}", n + 1), n * size..(n + 1) * size))
                .collect()
        }
        _ => Vec::new(),
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
        first_stage: 1,
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
        groups: groups(count),
    }
}

fn mono(drawing: Drawing) -> Look {
    Look {
        drawing,
        color: false,
    }
}

fn print(radar: &Radar, width: u16, drawing: Drawing) -> String {
    buffer_to_text(&render_standalone(radar, width, mono(drawing)), false)
}

/// One letter a cell for its style, so a snapshot shows where each style lands: `c`
/// current, `t` target, `a` compared, `g` grid, `f` focus (by colour); without colour,
/// `R` reversed, `B` bold, `.` plain; a blank for a blank plain cell.
fn style_map(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let mut line = String::new();
        for x in buf.area.left()..buf.area.right() {
            let cell = &buf[(x, y)];
            let letter = match cell.fg {
                color if color == SeriesKind::Current.color() => 'c',
                color if color == SeriesKind::Target.color() => 't',
                color if color == SeriesKind::Against.color() => 'a',
                Color::DarkGray => 'g',
                Color::White => 'f',
                _ if cell.modifier.contains(Modifier::REVERSED) => 'R',
                _ if cell.modifier.contains(Modifier::BOLD) => 'B',
                _ if cell.symbol().trim().is_empty() => ' ',
                _ => '.',
            };
            line.push(letter);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end_matches('\n').to_string() + "\n"
}

/// The picture and, under it, where its styles land.
fn text_and_styles(buf: &Buffer) -> String {
    format!(
        "{}\n--- styles ---\n{}",
        buffer_to_text(buf, false),
        style_map(buf)
    )
}

#[test]
fn snapshots_of_every_size() {
    for count in [3, 7, 12, 30, 60] {
        let radar = sample(count);
        for width in [60, 80, 120] {
            let colour = render_standalone(
                &radar,
                width,
                Look {
                    drawing: Drawing::Braille,
                    color: true,
                },
            );
            let monochrome = render_standalone(&radar, width, mono(Drawing::Braille));
            let ascii = print(&radar, width, Drawing::Ascii);
            let name = |kind: &str| format!("radar_{count}_themes_{width}_{kind}");
            insta::assert_snapshot!(name("braille"), text_and_styles(&colour));
            insta::assert_snapshot!(name("monochrome"), text_and_styles(&monochrome));
            insta::assert_snapshot!(name("ascii"), ascii);
            // Colour never changes a glyph: the shapes carry the meaning.
            assert_eq!(
                buffer_to_text(&colour, false),
                buffer_to_text(&monochrome, false)
            );
        }
    }
}

#[test]
fn ascii_drawing_is_seven_bit_apart_from_labels() {
    for count in [3, 7, 12, 30, 60] {
        let radar = sample(count);
        for width in [60, 80, 120] {
            let text = print(&radar, width, Drawing::Ascii);
            let label_chars: String = radar.axes.concat();
            for c in text.chars() {
                assert!(
                    c.is_ascii() || label_chars.contains(c),
                    "non-ASCII {c:?} in the ASCII radar of {count} at {width}"
                );
            }
        }
    }
}

#[test]
fn lines_never_exceed_the_width() {
    for count in [3, 7, 12, 30, 60] {
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
fn a_theme_at_the_top_stage_is_drawn_on_the_outer_ring() {
    let mut radar = sample(4);
    radar.series.truncate(1);
    radar.series[0].values = vec![Some(4), None, None, None];
    let area = Rect::new(0, 0, 60, 30);
    let mut buf = Buffer::empty(area);
    let look = mono(Drawing::Ascii);
    let plan = labels::plan_labels(&radar.axes, area, None, look, 75).unwrap();
    paint::paint_plot(&radar, plan.plot, &mut buf, look, None);
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
fn the_scale_says_the_lowest_stage_is_the_inner_ring() {
    let text = print(&sample(12), 80, Drawing::Braille);
    assert!(
        text.contains("rings: Flag not yet planted (inner) to Destination reached (outer)"),
        "{text}"
    );
    assert!(
        !text.contains("(centre)"),
        "the centre is no answer, not stage 1"
    );
}

#[test]
fn a_scale_numbered_from_0_keeps_its_numbers_in_the_bars_and_their_key() {
    let radar = Radar {
        axes: vec!["Backups".into(), "Patching".into()],
        stages: ["Absent", "Emerging", "Established", "Embedded"]
            .map(String::from)
            .to_vec(),
        first_stage: 0,
        series: vec![Series {
            name: "current".into(),
            kind: SeriesKind::Current,
            values: vec![Some(0), Some(2)],
        }],
        groups: Vec::new(),
    };
    let text = print(&radar, 60, Drawing::Ascii);
    assert!(text.contains("0/3 Absent"), "{text}");
    assert!(text.contains("2/3 Established"), "{text}");
    assert!(text.contains("(bar length: stage 0 to 3)"), "{text}");
}
