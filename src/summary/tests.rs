use super::scan::{self, Group};
use super::*;
use crate::assessment::Current;
use crate::assessment::quick::Quick;
use crate::builtin;
use crate::clock::Timestamp;
use unicode_width::UnicodeWidthStr;

/// A scan of authorities, each with a stage number (1 = lowest, 0 = n/a) per theme,
/// from the first theme on.
fn scan_of(routemap: &Routemap, authorities: &[(&str, &[usize])]) -> Group {
    let lookup = scan::Lookup::of(routemap);
    let mut result = Group::default();
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
            routemap_version: routemap.version.clone(),
            authority: name.to_string(),
            created: None,
            updated: Some(Timestamp(1_000 + order as i64)),
            answers,
        };
        result.entries.insert(
            scan::authority_key(name),
            scan::reduce(&lookup, quick, order),
        );
        result.files += 1;
    }
    result
}

fn files(group: &Group) -> Files {
    Files {
        read: group.files,
        skipped: 0,
    }
}

fn summarise(routemap: &Routemap, group: &Group, options: &Options) -> Summary {
    build(routemap, group, files(group), options)
}

fn options(min_group: usize) -> Options<'static> {
    Options {
        latest_only: true,
        highlight: None,
        anonymise: None,
        min_group,
    }
}

fn region() -> (Routemap, Group) {
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

fn at_stage(theme: &ThemeSummary) -> Vec<usize> {
    theme.row.counts[..theme.row.counts.len() - 3].to_vec()
}

#[test]
fn each_theme_counts_authorities_per_stage_with_median_and_quartiles() {
    let (routemap, scan) = region();
    let summary = summarise(&routemap, &scan, &options(1));
    assert_eq!(summary.authorities, 5);
    let leadership = &summary.themes[0];
    assert_eq!(at_stage(leadership), [1, 3, 0, 0, 1]);
    // Stages 1, 2, 2, 2, 5: ranks 2, 3, 4 by nearest rank.
    assert_eq!(leadership.quartiles(), [Some(1), Some(1), Some(1)]);
    let governance = &summary.themes[1];
    assert_eq!(at_stage(governance), [1, 0, 2, 1, 0]);
    assert_eq!(governance.count(Figure::Unanswered), 1);
    // Stages 1, 3, 3, 4: ranks 1, 2, 3.
    assert_eq!(governance.quartiles(), [Some(0), Some(2), Some(2)]);
    let change = &summary.themes[2];
    assert_eq!(
        (
            change.count(Figure::NotApplicable),
            change.count(Figure::Unanswered),
            change.count(Figure::Placed)
        ),
        (1, 4, 0)
    );
    assert_eq!(change.count(Figure::Answered), 1, "n/a is an answer");
    assert_eq!(change.quartiles(), [None; 3]);
    assert!(!change.any_withheld(), "nothing to withhold");
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
fn small_counts_and_what_would_give_them_away_are_withheld() {
    let (routemap, scan) = region();
    let summary = summarise(&routemap, &scan, &options(3));
    let leadership = &summary.themes[0];
    // 1, 3, 0, 0, 1: both ones are small; the three stays, as the ones together make 2,
    // under 3, so the 3 goes too (else 5 − 3 would give their sum).
    assert_eq!(leadership.shown(Figure::Stage(0)), None);
    assert_eq!(leadership.shown(Figure::Stage(4)), None);
    assert_eq!(leadership.shown(Figure::Stage(2)), Some(0));
    assert_eq!(leadership.shown(Figure::Answered), Some(5));
    let text = to_text(&summary, 120);
    assert!(
        text.contains("Figures drawn from fewer than 3 authorities are withheld ([c])"),
        "{text}"
    );
    assert!(text.contains("figures are withheld."), "{text}");
    assert!(
        !text.contains("<3"),
        "no figure says how small it is:\n{text}"
    );
    let json = to_json(&summary);
    assert!(json.contains("\"suppressed\": true"));
    assert!(json.contains("\"withheld\": "));
}

#[test]
fn a_region_smaller_than_the_minimum_shows_no_figure() {
    let (routemap, scan) = region();
    let summary = summarise(&routemap, &scan, &options(6));
    for theme in &summary.themes {
        assert_eq!(theme.shown(Figure::Answered), None, "{}", theme.name);
        assert_eq!(theme.quartiles(), [None; 3]);
    }
    let text = to_text(&summary, 120);
    assert!(
        text.contains("Every figure is withheld, as the summary covers fewer than 6 authorities."),
        "{text}"
    );
}

#[test]
fn a_highlighted_authority_is_marked_against_the_group() {
    let (routemap, scan) = region();
    let summary = summarise(
        &routemap,
        &scan,
        &Options {
            highlight: Some("dunmore"),
            ..options(1)
        },
    );
    assert_eq!(summary.highlight.as_deref(), Some("Dunmore"));
    assert_eq!(summary.themes[0].highlight, Some(Cell::Stage(4)));
    let text = to_text(&summary, 120);
    assert!(text.contains("* marks where Dunmore is"), "{text}");
    assert!(text.contains("▒ 1*"), "one of five is 20%: {text}");
    assert!(text.contains("5 above"), "{text}");
    assert!(text.contains("1 below"), "{text}");
    let markdown = to_markdown(&summary);
    assert!(markdown.contains("5 (above the median)"), "{markdown}");
}

#[test]
fn anonymised_names_are_labels_not_in_name_order() {
    let routemap = builtin::planting_the_flag();
    let names: Vec<String> = (0..30).map(|i| format!("Council {i:02}")).collect();
    let authorities: Vec<(&str, &[usize])> =
        names.iter().map(|n| (n.as_str(), &[2usize][..])).collect();
    let scan = scan_of(&routemap, &authorities);
    let summary = summarise(
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
    let text =
        to_text(&summary, 100) + &to_json(&summary) + &to_csv(&summary) + &to_markdown(&summary);
    assert!(!text.contains("Council"), "no name anywhere:\n{text}");
    assert!(
        summary
            .highlight
            .as_deref()
            .is_some_and(|h| h.starts_with("Authority "))
    );
}

#[test]
fn csv_has_a_row_per_theme_and_withheld_cells_empty() {
    let (routemap, scan) = region();
    let csv_text = to_csv(&summarise(&routemap, &scan, &options(2)));
    assert!(csv_text.starts_with('\u{feff}'));
    let mut reader = ::csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[4], "at_not-started");
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    // Leadership: 1, 3, 0, 0, 1 with groups of 2: the ones are withheld, and as they
    // make 2 together, nothing else need be.
    let leadership: Vec<&str> = (4..9).map(|i| &rows[0][i]).collect();
    assert_eq!(leadership, ["", "3", "0", "0", ""]);
    // Whichever stages the two withheld authorities are at, the middle one of five is
    // at stage 2; the quartiles could move, so they are withheld.
    let quartiles: Vec<&str> = (12..15).map(|i| &rows[0][i]).collect();
    assert_eq!(quartiles, ["", "flag-planted", ""]);
    assert_eq!(&rows[0][16], "5", "answered, at the end");
}

#[test]
fn the_text_heat_map_reads_without_colour() {
    let (routemap, scan) = region();
    let summary = summarise(&routemap, &scan, &options(1));
    insta::assert_snapshot!("summary_text", to_text(&summary, 110));
    insta::assert_snapshot!("summary_text_80", to_text(&summary, 80));
    insta::assert_snapshot!("summary_text_40", to_text(&summary, 40));
    for width in [40, 60, 80, 110, 200] {
        for line in to_text(&summary, width).lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
        }
    }
}

#[test]
fn a_withheld_quartile_reads_as_withheld() {
    let (routemap, scan) = region();
    let mut summary = summarise(&routemap, &scan, &options(1));
    // Leadership has authorities placed; one quartile kept back, as --min-group may.
    summary.themes[0].disclosure.quartiles = [Some(0), Some(1), None];
    assert_eq!(
        super::cells::middle(&summary, &summary.themes[0]),
        ("2".to_string(), "1–[c]".to_string())
    );
    summary.themes[0].disclosure.quartiles = [None, None, None];
    assert_eq!(
        super::cells::middle(&summary, &summary.themes[0]),
        ("[c]".to_string(), "[c]".to_string())
    );
    // Nobody placed: nothing to withhold, nothing to show.
    let empty = summary
        .themes
        .iter()
        .find(|theme| theme.count(Figure::Placed) == 0)
        .unwrap();
    assert_eq!(
        super::cells::middle(&summary, empty),
        ("—".to_string(), "—".to_string())
    );
}

#[test]
fn cut_names_stay_told_apart() {
    let (routemap, scan) = region();
    let summary = summarise(&routemap, &scan, &options(1));
    // At 60 columns "Information governance" and "Information management, …" would
    // both read "Information…".
    let text = to_text(&summary, 60);
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("Information") && line.contains('…'))
        .map(|line| line.split("  ").next().unwrap_or(line))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_ne!(rows[0], rows[1], "{text}");
}

#[test]
fn names_from_files_reach_the_text_as_text() {
    let routemap = builtin::planting_the_flag();
    let scan = scan_of(
        &routemap,
        &[("Evil\u{1b}]0;PWNED\u{7} | Council", &[2]), ("Fine", &[3])],
    );
    let summary = summarise(
        &routemap,
        &scan,
        &Options {
            highlight: Some(&scan::authority_key("Evil\u{1b}]0;PWNED\u{7} | Council")),
            ..options(1)
        },
    );
    for text in [to_text(&summary, 80), to_markdown(&summary)] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
    }
    assert!(to_text(&summary, 80).contains("* marks where Evil^[]0;PWNED^G | Council is"));
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
    let summary = summarise(&routemap, &scan, &options(1));
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

    let text = to_text(&summary, 100);
    assert!(text.contains("   0   1   2   3  n/a  ANS"), "{text}");
    assert!(
        text.contains("SECTION              AUTH  MEDIAN  MEAN  % OF MAX\n"),
        "{text}"
    );
    assert!(
        text.contains("Knowing the data        2       1   1.7       56%\n"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&to_json(&summary)).unwrap();
    assert_eq!(json["stages"][0]["number"], 0);
    assert_eq!(json["sections"][0]["median"], "emerging");
    assert_eq!(json["sections"][0]["median_number"], 1);
    assert_eq!(json["sections"][0]["percent_of_max"], 55.6);
    assert_eq!(json["overall"]["name"], "All themes");

    let suppressed = summarise(&routemap, &scan, &options(3));
    let text = to_text(&suppressed, 100);
    assert!(
        text.lines()
            .any(|line| line == "Knowing the data      [c]     [c]   [c]       [c]"),
        "{text}"
    );
}

#[test]
fn a_sections_scores_are_withheld_with_any_stage_figure_of_its_themes() {
    let (routemap, scan) = region();
    // Leadership's two ones are withheld with groups of 2: its section's mean (a sum
    // over the stages) would give back how they split, so it goes too.
    let summary = summarise(&routemap, &scan, &options(2));
    assert!(!summary.themes[0].disclosure.shows(Figure::Stage(0)));
    assert!(summary.section_suppressed(&summary.sections[0]));
    assert!(summary.section_suppressed(&summary.overall));
    let json: serde_json::Value = serde_json::from_str(&to_json(&summary)).unwrap();
    assert_eq!(json["sections"][0]["mean_number"], serde_json::Value::Null);
    assert_eq!(json["sections"][0]["suppressed"], true);
    // Nothing withheld, nothing kept back.
    let open = summarise(&routemap, &scan, &options(1));
    assert!(!open.section_suppressed(&open.sections[0]));
}

#[test]
fn the_highlight_header_is_whole_where_there_is_room_and_cut_only_where_not() {
    let routemap = builtin::planting_the_flag();
    let scan = scan_of(
        &routemap,
        &[("Cyngor Sir Ynys Môn", &[2, 3]), ("Anytown", &[1, 2])],
    );
    let summary = summarise(
        &routemap,
        &scan,
        &Options {
            highlight: Some(&scan::authority_key("Cyngor Sir Ynys Môn")),
            ..options(1)
        },
    );
    let header = |width: usize| {
        to_text(&summary, width)
            .lines()
            .find(|line| line.starts_with("THEME"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    let wide = header(200);
    assert!(wide.ends_with("  CYNGOR SIR YNYS MÔN"), "{wide}");
    // Narrower, the theme names keep their room and the header is cut, with `…`, to
    // what is left, no narrower than its cells.
    let tight = header(wide.width() - 5);
    assert!(tight.width() <= wide.width() - 5, "{tight}");
    assert!(tight.ends_with("  CYNGOR SIR…"), "cut at a word: {tight}");
    let narrow = header(80);
    assert!(narrow.width() <= 80, "{narrow}");
    assert!(narrow.ends_with("  CYNGOR…"), "{narrow}");
}
