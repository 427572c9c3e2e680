//! The report of a routemap numbered from 0 with criteria, weights, an undefined stage
//! and `percent-of-max`: numbers as the routemap gives them, scores by the rule, the
//! checklists and the guidance, in every format.

use super::*;
use crate::clock::Timestamp;

fn levels() -> Routemap {
    crate::routemap::parse(
        Path::new("levels-0-3.yaml"),
        include_str!("../../tests/fixtures/routemaps/good/levels-0-3.yaml"),
    )
    .unwrap()
}

/// Inventory (weight 2) chosen at 2 with only level 1's ticks and one of level 2's;
/// quality at 1 with its one tick; sharing at 2 with every tick; open data n/a.
fn assessment(routemap: &Routemap) -> Assessment {
    let mut assessment = Assessment::new(routemap, "Anytown", None, Timestamp(1_795_788_191));
    let mut answer = |theme: &str, current: &str, target: Option<&str>, met: &[&str]| {
        let answer = assessment.answer_mut(routemap, theme);
        answer.current = Some(Current::Stage(current.into()));
        answer.target = target.map(str::to_string);
        answer.met = met.iter().map(|id| id.to_string()).collect();
    };
    answer(
        "inventory",
        "established",
        Some("embedded"),
        &["some-lists", "systems-known", "owners", "not-a-criterion"],
    );
    answer(
        "quality",
        "emerging",
        Some("established"),
        &["errors-logged"],
    );
    answer(
        "sharing",
        "established",
        None,
        &["agreements", "every-share", "lawful-basis"],
    );
    assessment.answer_mut(routemap, "open-data").current = Some(Current::NotApplicable);
    assessment
}

fn report() -> Report {
    let routemap = levels();
    let assessment = assessment(&routemap);
    build(Input {
        path: Path::new("anytown.yaml"),
        assessment: &assessment,
        routemap: &routemap,
        stand_in: false,
        mismatches: &[],
        movement: None,
        previous: None,
        role: None,
    })
}

#[test]
fn section_scores_follow_the_rule() {
    let report = report();
    let (name, knowing) = &report.rollup.sections[0];
    assert_eq!(name, "Knowing the data");
    // Inventory weighs 2 at stage 2, quality 1 at stage 1.
    assert_eq!(knowing.mean_number(), Some(5.0 / 3.0));
    assert_eq!(
        knowing.median_current(),
        Some(2),
        "the middle of the weight"
    );
    assert_eq!(knowing.percent_of_max(), Some(100.0 * 5.0 / 9.0));
    let (_, using) = &report.rollup.sections[1];
    assert_eq!(
        using.percent_of_max(),
        Some(100.0),
        "sharing defines nothing above 2, so 2 is its maximum"
    );
    assert_eq!(report.rollup.overall.mean_number(), Some(7.0 / 4.0));
    assert!(report.rollup.percent_of_max);
}

#[test]
fn each_theme_knows_its_ticks_and_what_they_suggest() {
    let report = report();
    let inventory = &report.themes[0];
    assert_eq!(inventory.met_count(), (3, 6));
    assert_eq!(inventory.suggested, Some(1));
    assert!(inventory.unsupported);
    assert_eq!(inventory.unknown_met, ["not-a-criterion"]);
    let sharing = &report.themes[2];
    assert_eq!(sharing.suggested, Some(2));
    assert!(!sharing.unsupported);
    assert!(report.themes[3].checklists.is_empty());
}

#[test]
fn the_plan_gives_guidance_and_the_next_checklist() {
    let report = report();
    let inventory = report.plan.items.iter().find(|i| i.theme == 0).unwrap();
    assert_eq!(inventory.next_stage, 3);
    assert_eq!(
        inventory.guidance.as_deref(),
        Some("Review the register yearly; see [the ICO's guidance](https://ico.org.uk/).")
    );
    let ids: Vec<(&str, bool)> = inventory
        .next_criteria
        .iter()
        .map(|(c, met)| (c.id.as_str(), *met))
        .collect();
    assert_eq!(ids, [("yearly-review", false), ("used-in-change", false)]);
}

#[test]
fn markdown_shows_the_routemaps_numbers_scores_checklists_and_rendered_markdown() {
    let text = to_markdown(&report());
    for expected in [
        "| 0 Absent | 0 | 0 | 0 |",
        "| Knowing the data | 2 | 2 | 0 | 0 | 0 | 2 | 2 Established | 3 Embedded | 1.7 | 56% |",
        "## Evidence checklists",
        "Now 2 Established; the ticks suggest 1 Emerging; 3 of 6 criteria met.",
        "**Not supported by the ticks.**",
        "- [ ] A single register covers every service.",
        "- [x] Every entry names an owner.",
        "How to get there:\n\nReview the register yearly; see the ICO's guidance (https://ico.org.uk/).",
        "Ticked but not criteria of this theme (kept in the file): not-a-criterion.",
        "> How well an organisation knows, protects and shares the data it holds. Each level is defined by a *checklist*",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn html_has_the_checklists_and_the_scores() {
    let html = to_html(&report());
    assert!(html.contains("<h2>Evidence checklists</h2>"), "{html}");
    assert!(
        html.contains("☑ </span>Every entry names an owner."),
        "{html}"
    );
    assert!(
        html.contains("<th class=\"n\" scope=\"col\">% of max</th>"),
        "{html}"
    );
    assert!(html.contains("<td class=\"n\">56%</td>"), "{html}");
    assert!(
        html.contains("Each level is defined by a <em>checklist</em>"),
        "the description's markdown is drawn: {html}"
    );
}

#[test]
fn json_and_csv_carry_numbers_scores_and_ticks() {
    let report = report();
    let json: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
    assert_eq!(json["schema"], "routemap-report/2");
    assert_eq!(json["routemap"]["first_stage"], 0);
    assert_eq!(json["stages"][0]["number"], 0);
    let knowing = &json["rollup"]["sections"][0];
    assert_eq!(knowing["mean_number"], 1.67);
    assert_eq!(knowing["median_number"], 2);
    assert_eq!(knowing["percent_of_max"], 55.6);
    assert_eq!(knowing["weight"], 3.0);
    let inventory = &json["themes"][0];
    assert_eq!(inventory["weight"], 2.0);
    assert_eq!(inventory["suggested"], "emerging");
    assert_eq!(inventory["supported"], false);
    assert_eq!(
        inventory["met"],
        serde_json::json!(["some-lists", "systems-known", "owners", "not-a-criterion"])
    );

    let text = to_csv(&report);
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches(CSV_BOM).as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let quality = &rows[1];
    assert_eq!(
        (&quality[3], &quality[4]),
        ("emerging", "1"),
        "the routemap's number"
    );
    let inventory = &rows[0];
    let added: Vec<&str> = inventory.iter().skip(16).take(9).collect();
    assert_eq!(
        added,
        ["2", "3", "6", "1", "Emerging", "no", "1.67", "2", "55.6"]
    );
}

#[test]
fn a_routemap_without_the_new_keys_reports_as_before() {
    let routemap = crate::routemap::parse(
        Path::new("three-themes.yaml"),
        include_str!("../../tests/fixtures/routemaps/good/three-themes.yaml"),
    )
    .unwrap();
    let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
    let report = build(Input {
        path: Path::new("anytown.yaml"),
        assessment: &assessment,
        routemap: &routemap,
        stand_in: false,
        mismatches: &[],
        movement: None,
        previous: None,
        role: None,
    });
    let text = to_markdown(&report);
    assert!(!text.contains("Evidence checklists"));
    assert!(!text.contains("% of max"));
    assert!(!text.contains("Principles"));
    assert!(
        text.contains("| # | Theme | Current | Target | Gap | Confidence | Carried |\n"),
        "{text}"
    );
    assert!(text.contains("| 1 Low |"), "{text}");
}
