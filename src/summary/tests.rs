use super::scan::{self, Scan};
use super::*;
use crate::assessment::Current;
use crate::assessment::quick::Quick;
use crate::builtin;
use crate::clock::Timestamp;

/// A scan of authorities, each with a stage number (1 = lowest, 0 = n/a) per theme,
/// from the first theme on.
fn scan_of(routemap: &Routemap, authorities: &[(&str, &[usize])]) -> Scan {
    let lookup = scan::Lookup::of(routemap);
    let mut result = Scan::default();
    for (order, (name, stages)) in authorities.iter().enumerate() {
        let answers = stages
            .iter()
            .enumerate()
            .map(|(theme, &stage)| {
                let current = match stage {
                    0 => Current::NotApplicable,
                    n => Current::Stage(routemap.stages[n - 1].id.clone()),
                };
                (routemap.themes[theme].id.clone(), Some(current))
            })
            .collect();
        let quick = Quick {
            routemap_id: routemap.id.clone(),
            authority: name.to_string(),
            created: None,
            updated: Some(Timestamp(1_000 + order as i64)),
            answers,
        };
        result.entries.insert(
            scan::authority_key(name),
            scan::reduce(&lookup, quick, order),
        );
        result.read += 1;
    }
    result
}

fn options(min_group: usize) -> Options<'static> {
    Options {
        latest_only: true,
        highlight: None,
        anonymise: None,
        min_group,
    }
}

fn region() -> (Routemap, Scan) {
    let routemap = builtin::planting_the_flag();
    let scan = scan_of(
        &routemap,
        &[
            ("Anytown", &[1, 3, 0]),
            ("Barchester", &[2, 3]),
            ("Casterbridge", &[2, 4]),
            ("Dunmore", &[5, 1]),
            ("Eastwick", &[2]),
        ],
    );
    (routemap, scan)
}

#[test]
fn each_theme_counts_authorities_per_stage_with_median_and_quartiles() {
    let (routemap, scan) = region();
    let summary = build(&routemap, &scan, &options(1));
    assert_eq!(summary.authorities, 5);
    let leadership = &summary.themes[0];
    assert_eq!(leadership.at_stage, [1, 3, 0, 0, 1]);
    // Stages 1, 2, 2, 2, 5: ranks 2, 3, 4 by nearest rank.
    assert_eq!(leadership.quartiles(), Some((1, 1, 1)));
    let governance = &summary.themes[1];
    assert_eq!(governance.at_stage, [1, 0, 2, 1, 0]);
    assert_eq!(governance.unanswered, 1);
    // Stages 1, 3, 3, 4: ranks 1, 2, 3.
    assert_eq!(governance.quartiles(), Some((0, 2, 2)));
    let change = &summary.themes[2];
    assert_eq!(
        (change.not_applicable, change.unanswered, change.placed()),
        (1, 4, 0)
    );
    assert_eq!(change.quartiles(), None);
    assert!(!summary.theme_suppressed(change), "nothing to suppress");
    let names: Vec<&str> = summary
        .members
        .iter()
        .map(|m| m.shown_as.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Anytown",
            "Barchester",
            "Casterbridge",
            "Dunmore",
            "Eastwick"
        ]
    );
}

#[test]
fn small_groups_and_small_counts_are_suppressed() {
    let (routemap, scan) = region();
    let summary = build(&routemap, &scan, &options(5));
    let leadership = &summary.themes[0];
    assert!(!summary.theme_suppressed(leadership), "5 placed");
    assert_eq!(
        summary.shown(3),
        None,
        "3 authorities at a stage is fewer than 5"
    );
    assert_eq!(summary.shown(0), Some(0));
    assert!(summary.theme_suppressed(&summary.themes[1]), "4 placed");
    let text = to_text(&summary);
    assert!(
        text.contains("Figures drawn from fewer than 5 authorities are suppressed"),
        "{text}"
    );
    assert!(
        text.lines().any(|line| line.starts_with("Governance ")
            && line.ends_with("  suppressed: fewer than 5 authorities placed on this theme")),
        "{text}"
    );
    assert!(!text.contains("█ 3"), "no small count shows:\n{text}");
    assert!(text.contains("   <5"), "{text}");
    let json = to_json(&summary);
    assert!(json.contains("\"suppressed\": true"));
}

#[test]
fn a_highlighted_authority_is_marked_against_the_group() {
    let (routemap, scan) = region();
    let summary = build(
        &routemap,
        &scan,
        &Options {
            highlight: Some("dunmore"),
            ..options(1)
        },
    );
    assert_eq!(summary.highlight.as_deref(), Some("Dunmore"));
    assert_eq!(summary.themes[0].highlight, Some(Cell::Stage(4)));
    let text = to_text(&summary);
    assert!(text.contains("* marks where Dunmore is"), "{text}");
    assert!(text.contains("▒ 1*"), "one of five is 20%: {text}");
    assert!(text.contains("5 (above the median)"), "{text}");
    assert!(text.contains("1 (below the median)"), "{text}");
}

#[test]
fn anonymised_names_are_labels_not_in_name_order() {
    let routemap = builtin::planting_the_flag();
    let names: Vec<String> = (0..30).map(|i| format!("Council {i:02}")).collect();
    let authorities: Vec<(&str, &[usize])> =
        names.iter().map(|n| (n.as_str(), &[2usize][..])).collect();
    let scan = scan_of(&routemap, &authorities);
    let summary = build(
        &routemap,
        &scan,
        &Options {
            anonymise: Some(anon::Key(1, 2)),
            highlight: Some("council 07"),
            ..options(1)
        },
    );
    let shown: Vec<&str> = summary
        .members
        .iter()
        .map(|m| m.shown_as.as_str())
        .collect();
    assert_eq!(shown[0], "Authority A", "listed in label order");
    assert!(shown.iter().all(|s| s.starts_with("Authority ")));
    assert!(
        summary.members.iter().all(|m| m.updated.is_none()),
        "no dates"
    );
    let text = to_text(&summary) + &to_json(&summary) + &to_csv(&summary) + &to_markdown(&summary);
    assert!(!text.contains("Council"), "no name anywhere:\n{text}");
    assert!(
        summary
            .highlight
            .as_deref()
            .is_some_and(|h| h.starts_with("Authority "))
    );
}

#[test]
fn csv_has_a_row_per_theme_and_suppressed_cells_empty() {
    let (routemap, scan) = region();
    let csv_text = to_csv(&build(&routemap, &scan, &options(2)));
    assert!(csv_text.starts_with('\u{feff}'));
    let mut reader = ::csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[4], "at_not-started");
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    // Leadership: 1, 3, 0, 0, 1 with groups of 2: the ones are suppressed.
    let leadership: Vec<&str> = (4..9).map(|i| &rows[0][i]).collect();
    assert_eq!(leadership, ["", "3", "0", "0", ""]);
    assert_eq!(&rows[0][13], "flag-planted");
}

#[test]
fn the_text_heat_map_reads_without_colour() {
    let (routemap, scan) = region();
    let text = to_text(&build(&routemap, &scan, &options(1)));
    insta::assert_snapshot!("summary_text", text);
}

#[test]
fn names_from_files_reach_the_text_as_text() {
    let routemap = builtin::planting_the_flag();
    let scan = scan_of(
        &routemap,
        &[("Evil\u{1b}]0;PWNED\u{7} | Council", &[2]), ("Fine", &[3])],
    );
    let summary = build(
        &routemap,
        &scan,
        &Options {
            highlight: Some(&scan::authority_key("Evil\u{1b}]0;PWNED\u{7} | Council")),
            ..options(1)
        },
    );
    for text in [to_text(&summary), to_markdown(&summary)] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
    }
    assert!(to_text(&summary).contains("* marks where Evil^[]0;PWNED^G | Council is"));
    assert!(to_markdown(&summary).contains("Evil^\\[\\]0;PWNED^G \\| Council"));
}

#[test]
fn sections_are_scored_across_authorities_by_weight_in_the_routemaps_numbers() {
    let routemap = crate::routemap::parse(
        std::path::Path::new("levels-0-3.yaml"),
        include_str!("../../tests/fixtures/routemaps/good/levels-0-3.yaml"),
    )
    .unwrap();
    // Positions from 1 here (0 is n/a): 2 is stage index 1, numbered 1 by the routemap.
    // Inventory weighs 2; sharing defines nothing above its stage numbered 2.
    let scan = scan_of(
        &routemap,
        &[("Anytown", &[2, 3, 3, 0]), ("Barchester", &[4, 1, 2, 0])],
    );
    let summary = build(&routemap, &scan, &options(1));
    let knowing = &summary.sections[0];
    assert_eq!(knowing.name, "Knowing the data");
    assert_eq!(knowing.authorities, 2);
    // Numbers: inventory 1 and 3 (weight 2 each), quality 2 and 0.
    assert_eq!(
        knowing.score.mean_number(),
        Some((2.0 + 6.0 + 2.0 + 0.0) / 6.0)
    );
    assert_eq!(knowing.score.median(), Some(1));
    assert_eq!(
        knowing.score.percent_of_max(),
        Some(100.0 * 10.0 / 18.0),
        "every theme of the section can reach 3"
    );
    assert_eq!(
        summary.sections[1].score.percent_of_max(),
        Some(100.0 * 3.0 / 4.0)
    );
    assert_eq!(summary.overall.authorities, 2);

    let text = to_text(&summary);
    assert!(
        text.contains("THEME                 0      1      2      3   ANS"),
        "{text}"
    );
    assert!(
        text.contains("SECTION                AUTH  MEDIAN  MEAN  % OF MAX\n"),
        "{text}"
    );
    assert!(
        text.contains("Knowing the data          2       1   1.7       56%\n"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&to_json(&summary)).unwrap();
    assert_eq!(json["stages"][0]["number"], 0);
    assert_eq!(json["sections"][0]["median"], "emerging");
    assert_eq!(json["sections"][0]["median_number"], 1);
    assert_eq!(json["sections"][0]["percent_of_max"], 55.6);
    assert_eq!(json["overall"]["name"], "All themes");

    let suppressed = build(&routemap, &scan, &options(3));
    let text = to_text(&suppressed);
    assert!(
        text.lines()
            .any(|line| line.starts_with("Knowing the data  ")
                && line.ends_with("suppressed: fewer than 3 authorities placed")),
        "{text}"
    );
}
