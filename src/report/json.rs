//! The report as JSON, schema `routemap-report/2` (written down in the README; a test
//! checks real output against it). Field names and meanings never change within a
//! version; /2 is /1 with the fields of numbering, weights, scores and criteria added.
//! Text is escaped by serde_json.

use super::{Place, PlanItem, Report, Tally, ThemeRow, role_label};
use crate::diff::Diff;
use serde::Serialize;

pub const SCHEMA: &str = "routemap-report/2";

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    assessment: JsonAssessment<'a>,
    routemap: JsonRoutemap<'a>,
    stages: Vec<JsonStage<'a>>,
    role: Option<&'a str>,
    rollup: JsonRollUp,
    themes: Vec<JsonTheme<'a>>,
    plan: JsonPlan<'a>,
    unmatched: &'a [String],
    movement: Option<JsonMovement<'a>>,
}

#[derive(Serialize)]
struct JsonAssessment<'a> {
    path: String,
    authority: &'a str,
    title: Option<&'a str>,
    created: Option<&'a str>,
    updated: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRoutemap<'a> {
    id: &'a str,
    title: &'a str,
    version: &'a str,
    assessed_version: &'a str,
    description: Option<&'a str>,
    source: Option<&'a str>,
    stand_in: bool,
    first_stage: usize,
    percent_of_max: bool,
}

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    number: usize,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonTally {
    name: Option<String>,
    themes: usize,
    answered: usize,
    with_stage: usize,
    not_applicable: usize,
    unanswered: usize,
    carried: usize,
    with_target: usize,
    below_target: usize,
    at_stage: Vec<usize>,
    unknown_stage: usize,
    median_current: Option<String>,
    median_target: Option<String>,
    weight: f64,
    mean_number: Option<f64>,
    median_number: Option<usize>,
    percent_of_max: Option<f64>,
}

#[derive(Serialize)]
struct JsonRollUp {
    overall: JsonTally,
    sections: Vec<JsonTally>,
}

#[derive(Serialize)]
struct JsonTheme<'a> {
    id: &'a str,
    name: &'a str,
    section: Option<&'a str>,
    current: Option<&'a str>,
    target: Option<&'a str>,
    on_scale: bool,
    gap: Option<i64>,
    confidence: Option<&'static str>,
    carried: bool,
    notes: Option<&'a str>,
    evidence: &'a [String],
    weight: f64,
    met: Vec<&'a str>,
    criteria_met: usize,
    criteria_total: usize,
    suggested: Option<&'a str>,
    supported: bool,
}

#[derive(Serialize)]
struct JsonCriterion<'a> {
    id: &'a str,
    text: &'a str,
    met: bool,
}

#[derive(Serialize)]
struct JsonRoleActions<'a> {
    role: &'a str,
    label: String,
    actions: &'a [String],
}

#[derive(Serialize)]
struct JsonItem<'a> {
    rank: usize,
    theme: &'a str,
    current: &'a str,
    target: &'a str,
    gap: usize,
    next_stage: &'a str,
    next_stage_descriptor: &'a str,
    confidence: Option<&'static str>,
    actions: Vec<JsonRoleActions<'a>>,
    guidance: Option<&'a str>,
    next_criteria: Vec<JsonCriterion<'a>>,
}

#[derive(Serialize)]
struct JsonRoleEntry<'a> {
    rank: usize,
    theme: &'a str,
    action: &'a str,
}

#[derive(Serialize)]
struct JsonRole<'a> {
    role: &'a str,
    label: String,
    actions: Vec<JsonRoleEntry<'a>>,
}

#[derive(Serialize)]
struct JsonLeftOut<'a> {
    carried: Vec<&'a str>,
    no_target: Vec<&'a str>,
    unanswered: Vec<&'a str>,
    reached: Vec<&'a str>,
    not_applicable: Vec<&'a str>,
    not_comparable: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonPlan<'a> {
    items: Vec<JsonItem<'a>>,
    roles: Vec<JsonRole<'a>>,
    left_out: JsonLeftOut<'a>,
}

#[derive(Serialize)]
struct JsonMovedTheme<'a> {
    id: &'a str,
    name: &'a str,
    before: Option<String>,
    after: Option<String>,
    change: &'static str,
}

#[derive(Serialize)]
struct JsonMovement<'a> {
    against: JsonAssessment<'a>,
    summary: String,
    up: usize,
    down: usize,
    unchanged: usize,
    themes: Vec<JsonMovedTheme<'a>>,
}

fn tally(report: &Report, name: Option<&str>, tally: &Tally) -> JsonTally {
    let stage_id = |index: Option<usize>| {
        index
            .and_then(|i| report.stages.get(i))
            .map(|s| s.id.clone())
    };
    JsonTally {
        name: name.map(str::to_string),
        themes: tally.themes,
        answered: tally.answered(),
        with_stage: tally.with_stage,
        not_applicable: tally.not_applicable,
        unanswered: tally.unanswered,
        carried: tally.carried,
        with_target: tally.with_target,
        below_target: tally.below_target,
        at_stage: tally.at_stage.clone(),
        unknown_stage: tally.unknown_stage,
        median_current: stage_id(tally.median_current()),
        median_target: stage_id(tally.median_target()),
        weight: tally.score.weight() as f64 / 1000.0,
        mean_number: tally.mean_number().map(|mean| rounded(mean, 100.0)),
        median_number: tally
            .median_current()
            .and_then(|i| report.stages.get(i))
            .map(|s| s.number),
        percent_of_max: tally
            .percent_of_max()
            .filter(|_| report.rollup.percent_of_max)
            .map(|percent| rounded(percent, 10.0)),
    }
}

/// `value` rounded to 1/`per` (two decimals for 100), so figures read back as written.
fn rounded(value: f64, per: f64) -> f64 {
    (value * per).round() / per
}

fn item<'a>(report: &'a Report, rank: usize, item: &'a PlanItem) -> JsonItem<'a> {
    let stage = |index: usize| report.stages.get(index).map_or("", |s| s.id.as_str());
    JsonItem {
        rank,
        theme: &report.themes[item.theme].id,
        current: stage(item.current),
        target: stage(item.target),
        gap: item.gap(),
        next_stage: stage(item.next_stage),
        next_stage_descriptor: &item.next_descriptor,
        confidence: item.confidence.map(|c| c.as_str()),
        actions: item
            .actions
            .iter()
            .map(|(role, actions)| JsonRoleActions {
                role,
                label: role_label(role),
                actions,
            })
            .collect(),
        guidance: item.guidance.as_deref(),
        next_criteria: item
            .next_criteria
            .iter()
            .map(|(criterion, met)| JsonCriterion {
                id: &criterion.id,
                text: &criterion.text,
                met: *met,
            })
            .collect(),
    }
}

fn theme<'a>(report: &'a Report, theme: &'a ThemeRow) -> JsonTheme<'a> {
    let (criteria_met, criteria_total) = theme.met_count();
    let met = theme
        .checklists
        .iter()
        .flat_map(|list| &list.criteria)
        .filter(|(_, met)| *met)
        .map(|(criterion, _)| criterion.id.as_str())
        .chain(theme.unknown_met.iter().map(String::as_str))
        .collect();
    JsonTheme {
        id: &theme.id,
        name: &theme.name,
        section: report.section_name(theme),
        current: report.place_id(&theme.current),
        target: report.place_id(&theme.target),
        on_scale: !matches!(theme.current, Place::Unknown(_))
            && !matches!(theme.target, Place::Unknown(_)),
        gap: theme.gap,
        confidence: theme.confidence.map(|c| c.as_str()),
        carried: theme.carried,
        notes: theme.notes.as_deref(),
        evidence: &theme.evidence,
        weight: theme.weight.value(),
        met,
        criteria_met,
        criteria_total,
        suggested: theme
            .suggested
            .and_then(|i| report.stages.get(i))
            .map(|s| s.id.as_str()),
        supported: !theme.unsupported,
    }
}

fn plan(report: &Report) -> JsonPlan<'_> {
    let plan = &report.plan;
    let ids = |indexes: &[usize]| -> Vec<&str> {
        indexes
            .iter()
            .filter_map(|&i| report.themes.get(i))
            .map(|t| t.id.as_str())
            .collect()
    };
    JsonPlan {
        items: plan
            .items
            .iter()
            .enumerate()
            .map(|(rank, it)| item(report, rank + 1, it))
            .collect(),
        roles: plan
            .roles
            .iter()
            .map(|role| JsonRole {
                role: &role.role,
                label: role_label(&role.role),
                actions: role
                    .entries
                    .iter()
                    .flat_map(|(position, actions)| {
                        let theme = &report.themes[plan.items[*position].theme].id;
                        actions.iter().map(move |action| JsonRoleEntry {
                            rank: position + 1,
                            theme,
                            action,
                        })
                    })
                    .collect(),
            })
            .collect(),
        left_out: JsonLeftOut {
            carried: ids(&plan.carried),
            no_target: ids(&plan.no_target),
            unanswered: ids(&plan.unanswered),
            reached: ids(&plan.reached),
            not_applicable: ids(&plan.not_applicable),
            not_comparable: ids(&plan.not_comparable),
        },
    }
}

fn movement(diff: &Diff) -> JsonMovement<'_> {
    let stage = |answer: &crate::assessment::Answer| match &answer.current {
        Some(crate::assessment::Current::Stage(id)) => Some(id.clone()),
        Some(crate::assessment::Current::NotApplicable) => Some("n/a".to_string()),
        None => None,
    };
    JsonMovement {
        against: JsonAssessment {
            path: diff.before.path.display().to_string(),
            authority: &diff.before.authority,
            title: diff.before.title.as_deref(),
            created: diff.before.created.as_deref(),
            updated: diff.before.updated.as_deref(),
        },
        summary: diff.summary.line(),
        up: diff.summary.up,
        down: diff.summary.down,
        unchanged: diff.summary.unchanged,
        themes: diff
            .themes
            .iter()
            .map(|theme| JsonMovedTheme {
                id: &theme.id,
                name: &theme.name,
                before: stage(&theme.before),
                after: stage(&theme.after),
                change: theme.movement.key(),
            })
            .collect(),
    }
}

/// The report as pretty-printed JSON.
pub fn to_json(report: &Report) -> String {
    let info = &report.routemap;
    let value = JsonReport {
        schema: SCHEMA,
        assessment: JsonAssessment {
            path: report.path.display().to_string(),
            authority: &report.authority,
            title: report.title.as_deref(),
            created: report.created.as_deref(),
            updated: report.updated.as_deref(),
        },
        routemap: JsonRoutemap {
            id: &info.id,
            title: &info.title,
            version: &info.version,
            assessed_version: &info.assessed_version,
            description: info.description.as_deref(),
            source: info.source.as_deref(),
            stand_in: info.stand_in,
            first_stage: report.stages.first().map_or(1, |s| s.number),
            percent_of_max: report.rollup.percent_of_max,
        },
        stages: report
            .stages
            .iter()
            .map(|s| JsonStage {
                id: &s.id,
                number: s.number,
                name: &s.name,
            })
            .collect(),
        role: report.role.as_deref(),
        rollup: JsonRollUp {
            overall: tally(report, None, &report.rollup.overall),
            sections: report
                .rollup
                .sections
                .iter()
                .map(|(name, t)| tally(report, Some(name), t))
                .collect(),
        },
        themes: report.themes.iter().map(|row| theme(report, row)).collect(),
        plan: plan(report),
        unmatched: &report.unmatched,
        movement: report.movement.as_ref().map(movement),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    crate::jsonout::pretty(&value).unwrap_or_default()
}
