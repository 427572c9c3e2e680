//! The sentences every rendering of a report shares (markdown, HTML, the TUI), so the
//! formats say the same thing in the same words. Plain text: each format escapes it.

use super::{Report, Tally};
use crate::assessment::Confidence;
use crate::routemap::plural;

pub struct Words;

impl Words {
    /// How medians are taken, said under every table that shows one.
    pub const MEDIAN_RULE: &'static str = "Medians are of stage positions: the stage of the middle theme when the themes are ranked from the lowest stage up (with an even number, the lower of the two middle ones); n/a and unanswered themes are left out.";

    /// How the scores are made, said under the roll-up.
    pub const SCORE_RULE: &'static str = "The mean is of stage numbers, as the routemap numbers its stages, each theme counted as often as its weight (1 unless the routemap gives one): read it as a score, not a distance, since stages are ordered but not evenly spaced. With weights, the median is the stage at the middle of the weight.";

    /// How the percentage of the maximum is made, said when the routemap asks for it.
    pub const PERCENT_RULE: &'static str = "The percentage of the maximum is the sum of each theme's stage number times its weight, over the sum of the number of the highest stage each theme defines times its weight.";
}

/// A mean stage number in a table: "2.3", or "—".
pub fn mean(mean: Option<f64>) -> String {
    mean.map_or("—".into(), |mean| format!("{mean:.1}"))
}

/// A percentage in a table: "46%", or "—".
pub fn percent(percent: Option<f64>) -> String {
    percent.map_or("—".into(), |percent| format!("{percent:.0}%"))
}

/// "8 of 12 themes answered (7 with a stage, 1 not applicable); 4 not yet answered; …".
/// `ordered` is false against a stand-in routemap, whose order of stages is unknown.
pub fn completeness(tally: &Tally, ordered: bool) -> String {
    let mut answered = format!(
        "{} of {} answered",
        tally.answered(),
        plural(tally.themes, "theme")
    );
    if tally.not_applicable > 0 {
        answered.push_str(&format!(
            " ({} with a stage, {} not applicable)",
            tally.with_stage, tally.not_applicable
        ));
    }
    let mut parts = vec![answered];
    if tally.unanswered > 0 {
        parts.push(format!("{} not yet answered", tally.unanswered));
    }
    if tally.carried > 0 {
        parts.push(format!(
            "{} carried over from the previous assessment and not yet confirmed",
            tally.carried
        ));
    }
    if ordered {
        parts.push(format!(
            "{} with a target, {} below it",
            tally.with_target, tally.below_target
        ));
    } else {
        parts.push(format!(
            "{} with a target (whether below it cannot be told without the routemap)",
            tally.with_target
        ));
    }
    if ordered && tally.unknown_stage > 0 {
        parts.push(format!(
            "{} at a stage this routemap's scale does not have",
            tally.unknown_stage
        ));
    }
    format!("{}.", parts.join("; "))
}

/// "+2", "0", "−1", or "—".
pub fn gap(gap: Option<i64>) -> String {
    match gap {
        Some(g) if g > 0 => format!("+{g}"),
        Some(g) if g < 0 => format!("−{}", g.unsigned_abs()),
        Some(_) => "0".into(),
        None => "—".into(),
    }
}

/// "high", or "not stated".
pub fn confidence(confidence: Option<Confidence>) -> &'static str {
    confidence.map_or("not stated", Confidence::as_str)
}

/// A confidence in a table cell: "high", or "—".
pub fn confidence_cell(confidence: Option<Confidence>) -> &'static str {
    confidence.map_or("—", Confidence::as_str)
}

/// "1 stage", "3 stages".
pub fn stages(count: usize) -> String {
    plural(count, "stage")
}

const PLAN_ORDER: &str = "The biggest gap comes first, then the least confident answer (none stated counts as low), then routemap order; each names the next stage to reach and what each role should do now.";

/// The sentence that opens the action plan.
pub fn plan_intro(report: &Report) -> String {
    if report.routemap.stand_in {
        return "No plan can be made without the routemap: its stages, descriptors and actions are unknown.".into();
    }
    match report.plan.items.len() {
        0 => "No theme is below its target, so there is nothing to plan yet: set targets on the themes that should move.".into(),
        1 => format!("1 theme is below its target. {PLAN_ORDER}"),
        count => format!("{count} themes are below their target, most urgent first. {PLAN_ORDER}"),
    }
}

/// Said when a planned theme has no actions.
pub fn no_actions(report: &Report) -> String {
    match &report.role {
        Some(role) => format!(
            "The routemap gives no actions for the {} on this theme.",
            super::role_label(role)
        ),
        None => "The routemap gives no actions for this theme.".into(),
    }
}

/// The themes left out of the plan, by why: (what, theme names), only the groups that
/// have any.
pub fn left_out(report: &Report) -> Vec<(&'static str, Vec<&str>)> {
    let plan = &report.plan;
    let names = |indexes: &[usize]| -> Vec<&str> {
        indexes
            .iter()
            .filter_map(|&i| report.themes.get(i))
            .map(|t| t.name.as_str())
            .collect()
    };
    [
        (
            "Carried over, not yet confirmed (confirm or change the answer first)",
            names(&plan.carried),
        ),
        (
            "No target set (set one to plan for it)",
            names(&plan.no_target),
        ),
        ("Not answered yet", names(&plan.unanswered)),
        ("At or above the target", names(&plan.reached)),
        ("Not applicable", names(&plan.not_applicable)),
        (
            "A stage this routemap's scale does not have",
            names(&plan.not_comparable),
        ),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .collect()
}
