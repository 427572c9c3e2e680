//! A radar that fits its place: a spoke per theme only when the width can draw them all
//! legibly, else a spoke per section at its median with the themes as bars, else bars
//! that follow the focus; never a mesh, never a label dropped, every cut marked.

use super::*;

/// `count` themes with short names and no sections.
fn flat(count: usize) -> Radar {
    Radar {
        first_stage: 1,
        axes: (1..=count).map(|n| format!("Theme {n}")).collect(),
        stages: vec!["Low".into(), "Middle".into(), "High".into()],
        series: vec![Series {
            name: "current".into(),
            kind: SeriesKind::Current,
            values: (0..count).map(|n| Some(n % 3)).collect(),
        }],
        groups: Vec::new(),
    }
}

fn in_area(radar: &Radar, width: u16, height: u16, look: Look, focus: Option<usize>) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    render_focused(radar, buf.area, &mut buf, look, focus);
    buf
}

fn rows(buf: &Buffer) -> Vec<String> {
    buffer_to_text(buf, false)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_width_decides_between_a_spoke_per_theme_and_a_spoke_per_section() {
    let radar = sample(30);
    let wide = print(&radar, 120, Drawing::Braille);
    assert!(!wide.contains("median"), "{wide}");
    assert!(
        wide.contains("30 Arweinyddiaeth a llywodraethu 30"),
        "{wide}"
    );

    let narrow = print(&radar, 60, Drawing::Braille);
    assert!(
        narrow.starts_with("30 themes are too many for a spoke each at 60 columns"),
        "{narrow}"
    );
    // Each section's spoke is named and says it is a median, and every theme still has
    // its bar, under its section's heading.
    assert_eq!(narrow.matches("(median of 6)").count(), 5, "{narrow}");
    for section in 1..=5 {
        assert_eq!(
            narrow.matches(&format!("Adran {section}")).count(),
            2,
            "the spoke's label and the bars' heading\n{narrow}"
        );
    }
    for theme in 1..=30 {
        assert!(
            narrow.contains(&format!("{theme:>2} Arweinyddiaeth")),
            "theme {theme}\n{narrow}"
        );
    }
}

#[test]
fn no_layout_leaves_a_spoke_unlabelled_or_too_crowded() {
    let look = mono(Drawing::Braille);
    for count in [3, 5, 8, 12, 16, 24, 30, 40, 60] {
        let axes = names(count);
        for width in (30..=200).step_by(17) {
            for height in [12, 20, 33, 50, 70] {
                let area = Rect::new(0, 0, width, height);
                for names_keep in [0, 75] {
                    let Some(plan) = labels::plan_labels(&axes, area, None, look, names_keep)
                    else {
                        continue;
                    };
                    assert_eq!(plan.labels.len(), count, "{count} in {width}×{height}");
                    assert!(
                        count <= geometry::max_spokes(plan.plot.width),
                        "{count} spokes on a {}-column plot",
                        plan.plot.width
                    );
                    for label in &plan.labels {
                        assert!(label.x + label.width <= area.right());
                        assert!(label.y + label.lines.len() as u16 <= area.bottom());
                    }
                }
            }
        }
    }
}

#[test]
fn a_pane_too_narrow_for_every_theme_shows_sections_and_the_focused_sections_bars() {
    let radar = sample(60);
    // Theme 25 is in the third section (themes 21 to 30).
    let buf = in_area(&radar, 76, 66, mono(Drawing::Braille), Some(24));
    let text = rows(&buf).join("\n");
    assert!(
        text.starts_with("60 themes: too many for a spoke each here"),
        "{text}"
    );
    assert!(text.contains("(median of 10)"), "{text}");
    assert!(
        text.contains("\nAdran 3\n"),
        "the focused section's heading\n{text}"
    );
    for theme in 21..=30 {
        assert!(
            text.contains(&format!("{theme} Arweinyddiaeth")),
            "theme {theme}\n{text}"
        );
    }
    assert!(
        !text.contains("20 Arweinyddiaeth"),
        "only the focused section's bars"
    );
    let focused = rows(&buf)
        .into_iter()
        .position(|row| row.starts_with("▸ 25 "))
        .expect("the focused theme is pointed at");
    let y = u16::try_from(focused).unwrap();
    assert!(buf[(4, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn bars_follow_the_focus_and_count_what_is_hidden() {
    let radar = flat(40);
    for focus in [0, 5, 20, 39] {
        let buf = in_area(&radar, 50, 16, mono(Drawing::Braille), Some(focus));
        let lines = rows(&buf);
        let shown = lines.iter().filter(|line| line.contains(" Theme ")).count();
        let more = |arrow: &str| -> usize {
            lines
                .iter()
                .find_map(|line| {
                    line.strip_prefix(arrow)?
                        .strip_suffix(" more")?
                        .trim()
                        .parse()
                        .ok()
                })
                .unwrap_or(0)
        };
        assert_eq!(
            shown + more("↑") + more("↓"),
            40,
            "focus {focus}\n{}",
            lines.join("\n")
        );
        let pointer = format!("▸ {:>2} Theme {} ", focus + 1, focus + 1);
        assert!(
            lines.iter().any(|line| line.starts_with(&pointer)),
            "focus {focus}\n{}",
            lines.join("\n")
        );
        if focus == 20 {
            assert!(more("↑") > 0 && more("↓") > 0, "{}", lines.join("\n"));
        }
    }
}

#[test]
fn bar_labels_that_would_read_alike_stay_told_apart() {
    let mut radar = flat(40);
    for (index, name) in radar.axes.iter_mut().enumerate() {
        *name = format!("How do you manage thing number {index}?");
    }
    for (drawing, look) in [
        (Drawing::Braille, mono(Drawing::Braille)),
        (Drawing::Ascii, mono(Drawing::Ascii)),
    ] {
        let buf = in_area(&radar, 50, 16, look, Some(0));
        let labels: Vec<String> = rows(&buf)
            .iter()
            .filter(|line| line.contains('?'))
            .filter_map(|line| {
                line.get(
                    line.find("How do")
                        .or_else(|| line.find('…'))
                        .or_else(|| line.find("..."))?..,
                )
            })
            .map(|name| name.split("  ").next().unwrap_or_default().to_string())
            .collect();
        let mut unique = labels.clone();
        unique.sort_unstable();
        unique.dedup();
        assert!(labels.len() > 3, "{drawing:?}: {labels:?}");
        assert_eq!(unique.len(), labels.len(), "{drawing:?}: {labels:?}");
    }
}

#[test]
fn every_cut_string_ends_in_an_ellipsis() {
    let mut radar = flat(40);
    radar.axes[7] = "A theme whose name is far too long for any narrow pane".into();
    radar.stages[2] = "A stage whose name is long as well".into();
    for (drawing, ellipsis) in [(Drawing::Braille, "…"), (Drawing::Ascii, "...")] {
        let buf = in_area(&radar, 40, 20, mono(drawing), Some(7));
        let lines = rows(&buf);
        let row = lines
            .iter()
            .find(|line| line.contains("8 A theme"))
            .expect("the long theme is shown");
        assert!(row.contains(ellipsis), "{row:?}");
        for line in &lines {
            if line.contains("A stage whose") {
                assert!(
                    line.contains("A stage whose name is long as well") || line.ends_with(ellipsis),
                    "{line:?}"
                );
            }
        }
        // The note is wrapped, never cut.
        let text = lines.join(" ");
        assert!(
            text.contains(
                "40 themes are too many for a readable radar at this width; here are bars."
            ),
            "{text}"
        );
    }
}

#[test]
fn the_focused_spoke_is_marked() {
    let radar = sample(12);
    let look = Look {
        drawing: Drawing::Braille,
        color: true,
    };
    let buf = in_area(&radar, 76, 60, look, Some(3));
    let reversed: Vec<(u16, u16)> = (0..60)
        .flat_map(|y| (0..76).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
        .collect();
    let text_at = |&(x, y): &(u16, u16)| buf[(x, y)].symbol().to_string();
    let marked: String = reversed.iter().map(text_at).collect();
    // The spoke's label, and its line in the number legend.
    assert!(marked.starts_with('4'), "{marked:?}");
    assert!(marked.contains("Strategic commissioning"), "{marked:?}");
    // Its spoke is drawn in the focus style, from near the centre outwards.
    let spoke = (0..60)
        .flat_map(|y| (0..76).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].fg == Color::White)
        .count();
    assert!(spoke >= 4, "{spoke} cells of the focused spoke");
    let unfocused = in_area(&radar, 76, 60, look, None);
    assert!(
        (0..60).all(|y| (0..76).all(|x| !unfocused[(x, y)].modifier.contains(Modifier::REVERSED)))
    );
}

#[test]
fn in_a_pane_the_plot_fills_the_width() {
    let radar = sample(12);
    let look = mono(Drawing::Braille);
    for (width, height) in [(76, 66), (60, 40), (40, 20)] {
        let buf = in_area(&radar, width, height, look, Some(0));
        let braille_columns = (0..width)
            .filter(|&x| {
                (0..height).any(|y| {
                    buf[(x, y)]
                        .symbol()
                        .chars()
                        .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
                })
            })
            .count();
        assert!(
            braille_columns * 10 >= usize::from(width) * 7,
            "{braille_columns} of {width} columns in a {width}×{height} pane"
        );
    }
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
    assert!(text.contains("Leadership  ###"), "{text}");

    let many = flat(1000);
    let text = print(&many, 80, Drawing::Braille);
    assert!(text.starts_with("1000 themes are too many for a readable radar"));
    assert!(text.contains("1000 Theme 1000"));

    // With sections, a spoke per section, then every theme's bar under its section.
    let mut sectioned = flat(1000);
    sectioned.groups = (0..10)
        .map(|n| AxisGroup {
            name: format!("Part {n}"),
            axes: (n * 100..(n + 1) * 100).collect(),
            weights: Vec::new(),
        })
        .collect();
    let text = print(&sectioned, 80, Drawing::Braille);
    assert_eq!(text.matches("(median").count(), 10, "{text}");
    assert!(text.contains("\nPart 9\n") && text.contains("1000 Theme 1000"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any number of themes, sections and answers, in any pane, with any focus: no panic,
    /// and nothing drawn outside the pane.
    #[test]
    fn any_radar_stays_inside_its_pane(
        count in 0usize..90,
        sections in 0usize..8,
        width in 0u16..140,
        height in 0u16..80,
        focus in proptest::option::of(0usize..100),
        seed in 0usize..1000,
    ) {
        let mut radar = sample(count.max(1));
        radar.axes.truncate(count);
        for series in &mut radar.series {
            series.values = (0..count).map(|i| ((i * 7 + seed) % 6).checked_sub(1)).collect();
        }
        radar.groups = (0..sections.min(count))
            .map(|n| AxisGroup {
                name: format!("Section {n}"),
                axes: (0..count).filter(|axis| axis % sections == n).collect(),
                weights: Vec::new(),
            })
            .collect();
        let outer = Rect::new(0, 0, width + 4, height + 4);
        let pane = Rect::new(2, 2, width, height);
        let mut buf = Buffer::empty(outer);
        render_focused(&radar, pane, &mut buf, mono(Drawing::Braille), focus);
        for y in 0..outer.height {
            for x in 0..outer.width {
                if !pane.contains(ratatui::layout::Position { x, y }) {
                    proptest::prop_assert_eq!(buf[(x, y)].symbol(), " ", "({}, {})", x, y);
                }
            }
        }
        let printed = render_standalone(&radar, width.max(1), mono(Drawing::Ascii));
        proptest::prop_assert_eq!(printed.area.width, width.max(1));
    }
}
