//! The summary for other programs: CSV (one row per theme, with a UTF-8 byte order mark
//! for spreadsheets, as the report's CSV) and JSON (`routemap-summary/1`). Withheld
//! figures (`--min-group`) are empty cells in CSV and `null` in JSON, never the number.

use super::scan::Cell;
use super::{Figure, Summary, ThemeSummary};
use crate::report::csv_cell;
use serde::Serialize;

pub const SCHEMA: &str = "routemap-summary/1";

fn stage_id(summary: &Summary, index: Option<usize>) -> Option<String> {
    index.and_then(|i| summary.stage_ids.get(i)).cloned()
}

/// (lower quartile, median, upper quartile) stage ids, each unless withheld.
fn quartile_ids(summary: &Summary, theme: &ThemeSummary) -> [Option<String>; 3] {
    theme.quartiles().map(|stage| stage_id(summary, stage))
}

fn highlight_id(summary: &Summary, theme: &ThemeSummary) -> Option<String> {
    match theme.highlight? {
        Cell::Stage(index) => stage_id(summary, Some(usize::from(index))),
        Cell::NotApplicable => Some("n/a".into()),
        Cell::Unknown => Some("?".into()),
        Cell::Unanswered => None,
    }
}

fn stage_figures(summary: &Summary) -> impl Iterator<Item = Figure> + '_ {
    (0..summary.stage_ids.len()).map(Figure::Stage)
}

/// The summary as CSV: `theme_id, theme, section, placed, at_<stage id>…, n_a,
/// unanswered, not_on_scale, lower_quartile, median, upper_quartile, highlight,
/// answered`. Withheld figures are empty cells.
pub fn to_csv(summary: &Summary) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = ["theme_id", "theme", "section", "placed"]
        .map(String::from)
        .to_vec();
    header.extend(summary.stage_ids.iter().map(|id| format!("at_{id}")));
    header.extend(
        [
            "n_a",
            "unanswered",
            "not_on_scale",
            "lower_quartile",
            "median",
            "upper_quartile",
            "highlight",
            "answered",
        ]
        .map(String::from),
    );
    let _ = writer.write_record(header.iter().map(|h| csv_cell(h)));
    let number = |value: Option<usize>| value.map(|v| v.to_string()).unwrap_or_default();
    for theme in &summary.themes {
        let mut row = vec![
            csv_cell(&theme.id),
            csv_cell(&theme.name),
            theme.section.as_deref().map(csv_cell).unwrap_or_default(),
            number(theme.shown(Figure::Placed)),
        ];
        row.extend(stage_figures(summary).map(|f| number(theme.shown(f))));
        for figure in [
            Figure::NotApplicable,
            Figure::Unanswered,
            Figure::NotOnScale,
        ] {
            row.push(number(theme.shown(figure)));
        }
        row.extend(
            quartile_ids(summary, theme).map(|id| id.map(|i| csv_cell(&i)).unwrap_or_default()),
        );
        row.push(
            highlight_id(summary, theme)
                .map(|i| csv_cell(&i))
                .unwrap_or_default(),
        );
        row.push(number(theme.shown(Figure::Answered)));
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!(
        "{}{}",
        crate::report::CSV_BOM,
        String::from_utf8_lossy(&bytes)
    )
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    schema: &'static str,
    routemap: JsonRoutemap<'a>,
    stages: Vec<JsonStage<'a>>,
    files_read: usize,
    files_skipped: usize,
    assessments: usize,
    authorities: usize,
    latest_only: bool,
    anonymised: bool,
    min_group: usize,
    withheld: usize,
    highlight: Option<&'a str>,
    themes: Vec<JsonTheme>,
    members: Vec<JsonMember<'a>>,
    sections: Vec<JsonSection<'a>>,
    overall: JsonSection<'a>,
}

/// A section's scores; every figure null when suppressed.
#[derive(Serialize)]
struct JsonSection<'a> {
    name: &'a str,
    suppressed: bool,
    authorities: Option<usize>,
    median: Option<&'a str>,
    median_number: Option<usize>,
    mean_number: Option<f64>,
    percent_of_max: Option<f64>,
}

fn section<'a>(summary: &'a Summary, section: &'a super::SectionScore) -> JsonSection<'a> {
    let shown = !summary.section_suppressed(section);
    let score = &section.score;
    let median = score.median().filter(|_| shown);
    JsonSection {
        name: &section.name,
        suppressed: !shown,
        authorities: shown.then_some(section.authorities),
        median: median
            .and_then(|i| summary.stage_ids.get(i))
            .map(String::as_str),
        median_number: median.map(|i| summary.stage_number(i)),
        mean_number: score
            .mean_number()
            .filter(|_| shown)
            .map(|m| (m * 100.0).round() / 100.0),
        percent_of_max: score
            .percent_of_max()
            .filter(|_| shown && summary.percent_of_max)
            .map(|p| (p * 10.0).round() / 10.0),
    }
}

#[derive(Serialize)]
struct JsonRoutemap<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    number: usize,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonTheme {
    id: String,
    name: String,
    section: Option<String>,
    suppressed: bool,
    answered: Option<usize>,
    placed: Option<usize>,
    at_stage: Vec<Option<usize>>,
    not_applicable: Option<usize>,
    unanswered: Option<usize>,
    not_on_scale: Option<usize>,
    lower_quartile: Option<String>,
    median: Option<String>,
    upper_quartile: Option<String>,
    highlight: Option<String>,
}

#[derive(Serialize)]
struct JsonMember<'a> {
    name: &'a str,
    updated: Option<&'a str>,
    assessments: usize,
}

/// The summary as pretty-printed JSON.
pub fn to_json(summary: &Summary) -> String {
    let themes = summary
        .themes
        .iter()
        .map(|theme| {
            let [lower, median, upper] = quartile_ids(summary, theme);
            JsonTheme {
                id: theme.id.clone(),
                name: theme.name.clone(),
                section: theme.section.clone(),
                suppressed: theme.any_withheld(),
                answered: theme.shown(Figure::Answered),
                placed: theme.shown(Figure::Placed),
                at_stage: stage_figures(summary).map(|f| theme.shown(f)).collect(),
                not_applicable: theme.shown(Figure::NotApplicable),
                unanswered: theme.shown(Figure::Unanswered),
                not_on_scale: theme.shown(Figure::NotOnScale),
                lower_quartile: lower,
                median,
                upper_quartile: upper,
                highlight: highlight_id(summary, theme),
            }
        })
        .collect();
    let value = JsonSummary {
        schema: SCHEMA,
        routemap: JsonRoutemap {
            id: &summary.routemap_id,
            title: &summary.routemap_title,
            version: &summary.routemap_version,
        },
        stages: summary
            .stage_ids
            .iter()
            .zip(&summary.stages)
            .enumerate()
            .map(|(index, (id, name))| JsonStage {
                id,
                number: summary.stage_number(index),
                name,
            })
            .collect(),
        files_read: summary.files_read,
        files_skipped: summary.files_skipped,
        assessments: summary.assessments,
        authorities: summary.authorities,
        latest_only: summary.latest_only,
        anonymised: summary.anonymised,
        min_group: summary.min_group,
        withheld: summary.withheld(),
        highlight: summary.highlight.as_deref(),
        themes,
        members: summary
            .members
            .iter()
            .map(|m| JsonMember {
                name: &m.shown_as,
                updated: m.updated.as_deref(),
                assessments: m.assessments,
            })
            .collect(),
        sections: summary
            .sections
            .iter()
            .map(|s| section(summary, s))
            .collect(),
        overall: section(summary, &summary.overall),
    };
    crate::jsonout::pretty(&value).unwrap_or_default()
}
