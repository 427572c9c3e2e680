//! The summary for other programs: CSV (one row per theme, with a UTF-8 byte order mark
//! for spreadsheets, as the report's CSV) and JSON (`routemap-summary/1`). Suppressed
//! figures are empty cells in CSV and `null` in JSON, never the number.

use super::scan::Cell;
use super::{Summary, ThemeSummary};
use crate::sanitize;
use serde::Serialize;

pub const SCHEMA: &str = "routemap-summary/1";

fn stage_id(summary: &Summary, index: Option<usize>) -> Option<String> {
    index.and_then(|i| summary.stage_ids.get(i)).cloned()
}

/// (lower quartile, median, upper quartile) stage ids, unless suppressed.
fn quartile_ids(summary: &Summary, theme: &ThemeSummary) -> [Option<String>; 3] {
    match theme.quartiles() {
        Some((low, median, high)) if !summary.theme_suppressed(theme) => [
            stage_id(summary, Some(low)),
            stage_id(summary, Some(median)),
            stage_id(summary, Some(high)),
        ],
        _ => [None, None, None],
    }
}

fn highlight_id(summary: &Summary, theme: &ThemeSummary) -> Option<String> {
    match theme.highlight? {
        Cell::Stage(index) => stage_id(summary, Some(usize::from(index))),
        Cell::NotApplicable => Some("n/a".into()),
        Cell::Unknown => Some("?".into()),
        Cell::Unanswered => None,
    }
}

/// A count unless suppressed (the whole theme, or this small count).
fn count(summary: &Summary, theme: &ThemeSummary, value: usize) -> Option<usize> {
    if summary.theme_suppressed(theme) {
        return None;
    }
    summary.shown(value)
}

/// A spreadsheet-safe text cell (see `report`'s CSV).
fn text_cell(text: &str) -> String {
    let clean = sanitize::text(text);
    if clean.starts_with(['=', '+', '-', '@']) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

/// The summary as CSV: `theme_id, theme, section, placed, at_<stage id>…, n_a,
/// unanswered, not_on_scale, lower_quartile, median, upper_quartile, highlight`.
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
        ]
        .map(String::from),
    );
    let _ = writer.write_record(&header);
    let number = |value: Option<usize>| value.map(|v| v.to_string()).unwrap_or_default();
    for theme in &summary.themes {
        let mut row = vec![
            text_cell(&theme.id),
            text_cell(&theme.name),
            theme.section.as_deref().map(text_cell).unwrap_or_default(),
            number(summary.shown(theme.placed())),
        ];
        row.extend(
            theme
                .at_stage
                .iter()
                .map(|&at| number(count(summary, theme, at))),
        );
        row.push(number(count(summary, theme, theme.not_applicable)));
        row.push(number(count(summary, theme, theme.unanswered)));
        row.push(number(count(summary, theme, theme.unknown)));
        row.extend(
            quartile_ids(summary, theme).map(|id| id.map(|i| text_cell(&i)).unwrap_or_default()),
        );
        row.push(
            highlight_id(summary, theme)
                .map(|i| text_cell(&i))
                .unwrap_or_default(),
        );
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
                suppressed: summary.theme_suppressed(theme),
                placed: summary.shown(theme.placed()),
                at_stage: theme
                    .at_stage
                    .iter()
                    .map(|&at| count(summary, theme, at))
                    .collect(),
                not_applicable: count(summary, theme, theme.not_applicable),
                unanswered: count(summary, theme, theme.unanswered),
                not_on_scale: count(summary, theme, theme.unknown),
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
        highlight: summary.highlight.as_deref(),
        themes,
        members: summary
            .members
            .iter()
            .map(|m| JsonMember {
                name: &m.shown_as,
                updated: m.updated.as_deref(),
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
