//! Without colour the data stands out from the grid, and current, target and comparison
//! differ in their strokes: tested on the cells, not on colours.

use super::*;

/// Eight spokes, one series at the middle stage: a regular octagon.
fn octagon(kind: SeriesKind) -> Radar {
    Radar {
        first_stage: 1,
        axes: (1..=8).map(|n| format!("Theme {n}")).collect(),
        stages: (1..=5).map(|n| format!("Stage {n}")).collect(),
        series: vec![Series {
            name: "series".into(),
            kind,
            values: vec![Some(2); 8],
        }],
        groups: Vec::new(),
    }
}

/// The plot alone (no labels, no legend) in a 60×30 area, and the plot's cells.
fn plot(radar: &Radar, look: Look) -> (Buffer, Rect) {
    let area = Rect::new(0, 0, 60, 30);
    let mut buf = Buffer::empty(area);
    let plan = labels::plan_labels(&radar.axes, area, None, look, 75).unwrap();
    paint::paint_plot(radar, plan.plot, &mut buf, look, None);
    (buf, plan.plot)
}

/// Braille dots in a cell (0 for anything else).
fn dots(symbol: &str) -> u32 {
    symbol
        .chars()
        .next()
        .map(u32::from)
        .filter(|c| (0x2800..=0x28ff).contains(c))
        .map_or(0, |c| (c - 0x2800).count_ones())
}

fn cells(buf: &Buffer, plot: Rect) -> Vec<(u16, u16, String, Style)> {
    let mut out = Vec::new();
    for y in plot.top()..plot.bottom() {
        for x in plot.left()..plot.right() {
            let cell = &buf[(x, y)];
            out.push((x, y, cell.symbol().to_string(), cell.style()));
        }
    }
    out
}

#[test]
fn current_and_target_differ_in_glyphs_not_only_in_colour() {
    for color in [true, false] {
        let look = Look {
            drawing: Drawing::Braille,
            color,
        };
        let (current, area) = plot(&octagon(SeriesKind::Current), look);
        let (target, _) = plot(&octagon(SeriesKind::Target), look);
        let current = cells(&current, area);
        let target = cells(&target, area);
        let glyphs = |cells: &[(u16, u16, String, Style)]| -> Vec<String> {
            cells
                .iter()
                .map(|(_, _, symbol, _)| symbol.clone())
                .collect()
        };
        assert_ne!(glyphs(&current), glyphs(&target), "colour {color}");
        // The same octagon: the solid line inks every step, the dashed one leaves gaps
        // (a third of its dots), so whole cells on the edges are empty in the target
        // that are inked in the current. Series cells are bold, the grid's are not.
        let inked = |cells: &[(u16, u16, String, Style)]| -> u32 {
            cells
                .iter()
                .filter(|(_, _, _, style)| style.add_modifier.contains(Modifier::BOLD))
                .map(|(_, _, symbol, _)| dots(symbol))
                .sum()
        };
        assert!(
            inked(&target) * 10 < inked(&current) * 7,
            "dashed {} vs solid {} dots",
            inked(&target),
            inked(&current)
        );
        // The gaps are spread all round: a good share of the cells differ.
        let differing = current
            .iter()
            .zip(&target)
            .filter(|(c, t)| c.3.add_modifier.contains(Modifier::BOLD) && dots(&c.2) > dots(&t.2))
            .count();
        assert!(
            differing >= 16,
            "{differing} cells with fewer dots in the dashed octagon"
        );
        // And different vertex markers.
        assert!(current.iter().any(|c| c.2 == "●") && !current.iter().any(|c| c.2 == "◆"));
        assert!(target.iter().any(|c| c.2 == "◆") && !target.iter().any(|c| c.2 == "●"));
    }
}

#[test]
fn in_ascii_each_series_has_its_own_characters() {
    let look = mono(Drawing::Ascii);
    let chars = |kind: SeriesKind| -> String {
        let (buf, area) = plot(&octagon(kind), look);
        cells(&buf, area)
            .into_iter()
            .map(|(_, _, symbol, _)| symbol)
            .collect()
    };
    let (current, target, against) = (
        chars(SeriesKind::Current),
        chars(SeriesKind::Target),
        chars(SeriesKind::Against),
    );
    let lines = |text: &str| text.chars().filter(|c| "-_/\\|".contains(*c)).count();
    assert!(lines(&current) > 20, "{current}");
    assert_eq!(lines(&target), 0, "the target is drawn in ':' only");
    assert_eq!(lines(&against), 0, "the comparison is drawn in '~' only");
    assert!(target.matches(':').count() > 20 && !current.contains(':'));
    assert!(against.matches('~').count() > 20 && !current.contains('~'));
    assert!(current.contains('*') && target.contains('o') && against.contains('^'));
}

#[test]
fn ascii_edges_are_a_single_stroke() {
    let (buf, area) = plot(&octagon(SeriesKind::Current), mono(Drawing::Ascii));
    for y in area.top()..area.bottom() {
        let row: String = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        assert!(
            !row.contains("//") && !row.contains("\\\\") && !row.contains("||"),
            "a thick stroke in {row:?}"
        );
    }
}

#[test]
fn without_colour_the_grid_is_sparse_and_the_data_continuous() {
    let look = mono(Drawing::Braille);
    let mut empty = octagon(SeriesKind::Current);
    empty.series[0].values = vec![None; 8];
    let (grid, area) = plot(&empty, look);
    let grid = cells(&grid, area);
    let grid_cells: Vec<u32> = grid
        .iter()
        .map(|c| dots(&c.2))
        .filter(|dots| *dots > 0)
        .collect();
    // Ticks and a ring of every third dot: never more than two dots in a cell, and few
    // cells at all.
    assert!(grid_cells.iter().all(|dots| *dots <= 2), "{grid_cells:?}");
    assert!(
        grid_cells.len() * 6 < grid.len(),
        "{} of {} cells hold grid dots",
        grid_cells.len(),
        grid.len()
    );
    // The solid polygon inks cells more densely than the grid does, and in bold.
    let (drawn, _) = plot(&octagon(SeriesKind::Current), look);
    let polygon: Vec<(u32, Style)> = cells(&drawn, area)
        .into_iter()
        .filter(|c| c.3.add_modifier.contains(Modifier::BOLD) && dots(&c.2) > 0)
        .map(|c| (dots(&c.2), c.3))
        .collect();
    let average = |dots: &[u32]| f64::from(dots.iter().sum::<u32>()) / dots.len().max(1) as f64;
    let polygon_dots: Vec<u32> = polygon.iter().map(|(dots, _)| *dots).collect();
    assert!(
        average(&polygon_dots) >= 1.6 * average(&grid_cells),
        "polygon {} dots a cell, grid {}",
        average(&polygon_dots),
        average(&grid_cells)
    );
}

#[test]
fn the_legend_names_each_stroke() {
    let mut radar = sample(12);
    radar.series.push(Series {
        name: "last year".into(),
        kind: SeriesKind::Against,
        values: vec![Some(1); 12],
    });
    let text = print(&radar, 80, Drawing::Braille);
    assert!(
        text.contains("●⠒⠒⠒⠒⠒⠒ current  ◆⠒⠒  ⠒⠒ target  ▲⠂⠂⠂⠂⠂⠂ last year"),
        "{text}"
    );
    let ascii = print(&radar, 80, Drawing::Ascii);
    assert!(
        ascii.contains("*------ current  o:::::: target  ^~~~~~~ last year"),
        "{ascii}"
    );
}
