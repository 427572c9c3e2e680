//! The report for a leadership team: where the authority is, where it means to be, the
//! gap, and what each role does next. Computed once as a `Report` value (as a `Diff`
//! is), then rendered as markdown, HTML, CSV or JSON; the TUI shows parts of the same
//! value.

mod checks;
mod csv;
mod html;
mod json;
mod markdown;
pub(crate) mod mdtext;
mod plan;
mod richhtml;
mod rollup;
pub mod score;
pub mod stats;
pub mod words;

pub use csv::{BOM as CSV_BOM, cell as csv_cell, to_csv};
pub use html::to_html;
pub use json::to_json;
pub use markdown::to_markdown;
pub use mdtext::inline as markdown_inline;
pub use plan::{ActionPlan, PlanItem, RoleActions, role_label, roles_of};
pub use rollup::{RollUp, Tally};

/// The heading of the themes of no section, in a routemap that has sections.
pub const OTHER_THEMES: &str = "Other themes";

use crate::assessment::{Answer, Assessment, Confidence, Current, Mismatch};
use crate::diff::Diff;
use crate::radar::Radar;
use crate::routemap::{Criterion, Routemap, Theme, Weight};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Where a theme stands, or where it is meant to go, as the report needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Not answered (or no target set).
    None,
    /// Not applicable to this authority.
    NotApplicable,
    /// A stage of the routemap's scale, by index.
    Stage(usize),
    /// A stage id the routemap's scale does not have (kept as saved).
    Unknown(String),
}

impl Place {
    fn of_stage(routemap: &Routemap, stage: Option<&str>) -> Place {
        match stage {
            None => Place::None,
            Some(id) => routemap
                .stage_index(id)
                .map_or_else(|| Place::Unknown(id.to_string()), Place::Stage),
        }
    }

    fn current(routemap: &Routemap, answer: &Answer) -> Place {
        match &answer.current {
            None => Place::None,
            Some(Current::NotApplicable) => Place::NotApplicable,
            Some(Current::Stage(id)) => Place::of_stage(routemap, Some(id)),
        }
    }

    /// The stage index, when the place is a stage the routemap has.
    pub fn stage(&self) -> Option<usize> {
        match self {
            Place::Stage(index) => Some(*index),
            _ => None,
        }
    }
}

/// One theme as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeRow {
    pub id: String,
    pub name: String,
    /// Index into [`Report::sections`].
    pub section: Option<usize>,
    pub current: Place,
    pub target: Place,
    /// Stages from current up to target (negative when the target is below), when both
    /// are stages of the scale. A count of steps, not a distance.
    pub gap: Option<i64>,
    pub confidence: Option<Confidence>,
    pub carried: bool,
    pub notes: Option<String>,
    pub evidence: Vec<String>,
    /// How much the theme counts in its section's scores.
    pub weight: Weight,
    /// The names of the principles the theme bears on (the routemap's `principles`).
    pub principles: Vec<String>,
    /// The checklist of every stage the theme defines that has one, lowest first.
    pub checklists: Vec<Checklist>,
    /// Ids ticked as met that the theme has no criterion of (kept, not scored).
    pub unknown_met: Vec<String>,
    /// The stage the ticked criteria suggest (see `routemap::checklist`).
    pub suggested: Option<usize>,
    /// True when the ticks do not support the current stage chosen.
    pub unsupported: bool,
}

/// One stage's checklist in a theme, each criterion with whether it is met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub stage: usize,
    pub criteria: Vec<(Criterion, bool)>,
}

impl ThemeRow {
    /// (criteria met, criteria in all) over the theme's checklists.
    pub fn met_count(&self) -> (usize, usize) {
        let all = self.checklists.iter().flat_map(|c| &c.criteria);
        all.fold((0, 0), |(met, total), (_, is_met)| {
            (met + usize::from(*is_met), total + 1)
        })
    }
}

/// The routemap the report is made against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutemapInfo {
    pub id: String,
    pub title: String,
    pub version: String,
    /// The version the assessment was saved against.
    pub assessed_version: String,
    pub description: Option<String>,
    pub source: Option<String>,
    /// The routemap was not found: the report is made against a stand-in built from
    /// the answers, so it has no descriptors, actions or stage names.
    pub stand_in: bool,
}

/// A stage of the scale: its id, the number the routemap shows it with, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageInfo {
    pub id: String,
    /// [`Routemap::stage_number`]: the routemap's own numbering, from 0 or from 1.
    pub number: usize,
    pub name: String,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub path: PathBuf,
    pub authority: String,
    pub title: Option<String>,
    pub created: Option<String>,
    pub updated: Option<String>,
    pub routemap: RoutemapInfo,
    pub stages: Vec<StageInfo>,
    pub sections: Vec<String>,
    /// Every theme of the routemap, in routemap order.
    pub themes: Vec<ThemeRow>,
    pub rollup: RollUp,
    pub plan: ActionPlan,
    /// What the routemap cannot match in the file (kept there, listed here).
    pub unmatched: Vec<String>,
    /// The radar of current and target stages.
    pub radar: Radar,
    /// Movement since a previous assessment (`--against`).
    pub movement: Option<Diff>,
    /// The one role the report was asked for (`--role`), if any.
    pub role: Option<String>,
}

/// What the report is made of.
pub struct Input<'a> {
    pub path: &'a Path,
    pub assessment: &'a Assessment,
    pub routemap: &'a Routemap,
    /// True when `routemap` is the stand-in for a routemap that was not found.
    pub stand_in: bool,
    pub mismatches: &'a [Mismatch],
    pub movement: Option<Diff>,
    /// The assessment `movement` is measured from, drawn on the radar as last time.
    pub previous: Option<&'a Assessment>,
    /// Only this role's actions (a role key of the routemap).
    pub role: Option<&'a str>,
}

/// Computes the report.
pub fn build(input: Input) -> Report {
    let Input {
        path,
        assessment,
        routemap,
        stand_in,
        mismatches,
        movement,
        previous,
        role,
    } = input;
    let themes = theme_rows(routemap, assessment, !stand_in);
    Report {
        path: path.to_path_buf(),
        authority: assessment.authority.clone(),
        title: assessment.title.clone(),
        created: assessment.created.clone(),
        updated: assessment.updated.map(|at| at.timestamp()),
        routemap: RoutemapInfo {
            id: routemap.id.clone(),
            title: routemap.title.clone(),
            version: routemap.version.clone(),
            assessed_version: assessment.routemap.version.clone(),
            description: routemap.description.clone(),
            source: routemap.source.clone(),
            stand_in,
        },
        stages: routemap
            .stages
            .iter()
            .enumerate()
            .map(|(index, stage)| StageInfo {
                id: stage.id.clone(),
                number: routemap.stage_number(index),
                name: stage.name.clone(),
            })
            .collect(),
        sections: routemap.sections.iter().map(|s| s.name.clone()).collect(),
        rollup: RollUp::of(routemap, &themes),
        plan: ActionPlan::of(routemap, &themes, role),
        themes,
        unmatched: mismatches.iter().map(ToString::to_string).collect(),
        radar: match previous {
            Some(previous) => Radar::of(routemap, assessment, true).against(
                routemap,
                previous,
                &previous.display_name(),
            ),
            None => Radar::of(routemap, assessment, true),
        },
        movement,
        role: role.map(str::to_string),
    }
}

/// The rows of every theme. Without a known order of stages (a stand-in routemap) every
/// stage is kept as an id, so nothing is ranked, subtracted or averaged.
fn theme_rows(routemap: &Routemap, assessment: &Assessment, ordered: bool) -> Vec<ThemeRow> {
    let empty = Answer::default();
    let unordered = |place: Place| match place {
        Place::Stage(index) if !ordered => Place::Unknown(routemap.stages[index].id.clone()),
        other => other,
    };
    routemap
        .themes
        .iter()
        .zip(assessment.answers_for(routemap))
        .map(|(theme, answer)| {
            let answer = answer.unwrap_or(&empty);
            let current = unordered(Place::current(routemap, answer));
            let target = unordered(Place::of_stage(routemap, answer.target.as_deref()));
            let gap = match (current.stage(), target.stage()) {
                (Some(now), Some(goal)) => Some(stage_number(goal) - stage_number(now)),
                _ => None,
            };
            let (checklists, unknown_met) = checklists(theme, &answer.met);
            let unsupported = current
                .stage()
                .is_some_and(|chosen| theme.unsupported(chosen, &answer.met));
            ThemeRow {
                id: theme.id.clone(),
                name: theme.name.clone(),
                section: theme.section,
                current,
                target,
                gap,
                confidence: answer.confidence,
                carried: answer.carried,
                notes: answer.notes.clone().filter(|n| !n.trim().is_empty()),
                evidence: answer.evidence.clone(),
                weight: theme.weight,
                principles: routemap
                    .principle_names(theme)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                checklists,
                unknown_met,
                suggested: theme.suggested_stage(&answer.met),
                unsupported,
            }
        })
        .collect()
}

/// A theme's checklists with what `met` ticks, and the ticks it has no criterion for.
fn checklists(theme: &Theme, met: &[String]) -> (Vec<Checklist>, Vec<String>) {
    let ticked: HashSet<&str> = met.iter().map(String::as_str).collect();
    let mut known: HashSet<&str> = HashSet::new();
    let lists = theme
        .details
        .iter()
        .enumerate()
        .filter(|(_, detail)| detail.defined && !detail.criteria.is_empty())
        .map(|(stage, detail)| Checklist {
            stage,
            criteria: detail
                .criteria
                .iter()
                .map(|criterion| {
                    known.insert(criterion.id.as_str());
                    (criterion.clone(), ticked.contains(criterion.id.as_str()))
                })
                .collect(),
        })
        .collect();
    let unknown = met
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect();
    (lists, unknown)
}

/// The roll-up of an assessment alone (the TUI's review shows it).
pub fn rollup(routemap: &Routemap, assessment: &Assessment) -> RollUp {
    RollUp::of(routemap, &theme_rows(routemap, assessment, true))
}

fn stage_number(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

impl Report {
    /// "3 Route planned": a stage's number on the routemap's scale and its name.
    pub fn stage_label(&self, index: usize) -> String {
        match self.stages.get(index) {
            Some(stage) => format!("{} {}", stage.number, stage.name),
            None => format!("{}", index + 1),
        }
    }

    /// How a place reads: "3 Route planned", "n/a", "—", or "? renamed-stage".
    pub fn place_label(&self, place: &Place) -> String {
        match place {
            Place::None => "—".into(),
            Place::NotApplicable => "n/a".into(),
            Place::Stage(index) => self.stage_label(*index),
            Place::Unknown(id) => format!("? {id}"),
        }
    }

    /// The stage id of a place, as saved ("n/a" for not applicable).
    pub fn place_id<'a>(&'a self, place: &'a Place) -> Option<&'a str> {
        match place {
            Place::None => None,
            Place::NotApplicable => Some("n/a"),
            Place::Stage(index) => self.stages.get(*index).map(|s| s.id.as_str()),
            Place::Unknown(id) => Some(id),
        }
    }

    /// "Anytown Borough Council — 2026 baseline".
    pub fn display_name(&self) -> String {
        match &self.title {
            Some(title) => format!("{} — {title}", self.authority),
            None => self.authority.clone(),
        }
    }

    /// True when some theme names a principle: the themes table then has a column for
    /// them.
    pub fn has_principles(&self) -> bool {
        self.themes.iter().any(|theme| !theme.principles.is_empty())
    }

    /// The section's name of a theme, if it has one.
    pub fn section_name(&self, theme: &ThemeRow) -> Option<&str> {
        theme
            .section
            .and_then(|index| self.sections.get(index))
            .map(String::as_str)
    }

    /// The saved file's name, without its folders: a report goes to people who have no
    /// business with the path on the author's machine (nor its home folder's name).
    pub fn file_name(&self) -> String {
        file_name(&self.path)
    }

    /// "Planting the Flag (planting-the-flag, version 2011.1)", or for a routemap that
    /// was not found, "planting-the-flag, version 2011.1 (not found)".
    pub fn routemap_line(&self) -> String {
        let info = &self.routemap;
        if info.stand_in {
            format!("{}, version {} (not found)", info.id, info.assessed_version)
        } else {
            format!("{} ({}, version {})", info.title, info.id, info.version)
        }
    }

    /// The sentence a stand-in report opens with.
    pub fn stand_in_warning(&self) -> Option<String> {
        self.routemap.stand_in.then(|| {
            format!(
                "The routemap '{}' (version {}) this assessment was made against was not found, so this report shows the answers as saved, by stage id: without the routemap there are no stage names, descriptors or actions, and the order of the stages is unknown, so no gaps, medians, radar or action plan can be given. Put the routemap file in the data directory's routemaps/ and run the report again.",
                self.routemap.id, self.routemap.assessed_version
            )
        })
    }
}

/// A path's last part ("anytown-2026.yaml"), or "standard input".
pub fn file_name(path: &Path) -> String {
    if path == Path::new(crate::store::STDIN_LABEL) {
        return "standard input".into();
    }
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// "updated 2026-11-27 14:03 UTC" from a saved timestamp.
pub fn readable_timestamp(timestamp: &str) -> String {
    let trimmed = timestamp.trim_end_matches('Z');
    match trimmed.split_once('T') {
        Some((date, time)) => format!("{date} {} UTC", time.get(..5).unwrap_or(time)),
        None => timestamp.to_string(),
    }
}

#[cfg(test)]
mod levels_tests;
#[cfg(test)]
mod tests;
