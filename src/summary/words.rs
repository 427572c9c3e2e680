//! The sentences around a summary's table, shared by text and markdown: what was
//! summarised, what each column and shade means, the median rule, what was withheld and
//! why, and who is in it.

use super::Summary;
use super::cells::{SHADE_LEGEND, WITHHELD, authorities};
use crate::routemap::plural;
use crate::sanitize;
use std::fmt::Write as _;

/// Above this many authorities the footer gives only their number.
const LIST_MEMBERS: usize = 40;

/// The lines above the table: what was summarised.
pub(super) fn heading(summary: &Summary) -> Vec<String> {
    let counted = if summary.latest_only {
        format!(
            "{} (the latest assessment of each)",
            authorities(summary.authorities)
        )
    } else {
        format!(
            "{} of {}",
            plural(summary.assessments, "assessment"),
            authorities(summary.authorities)
        )
    };
    let mut lines = vec![
        sanitize::line(&summary.routemap_title).into_owned(),
        format!(
            "{} {} · {counted} · {} read, {} skipped",
            sanitize::line(&summary.routemap_id),
            sanitize::line(&summary.routemap_version),
            plural(summary.files_read, "file"),
            summary.files_skipped
        ),
    ];
    if let Some(label) = &summary.highlight {
        lines.push(format!("* marks where {} is", sanitize::line(label)));
    }
    if summary.min_group > 1 {
        lines.push(format!(
            "Figures drawn from fewer than {} are withheld ({WITHHELD}), and others with them so that none can be worked out; see below.",
            authorities(summary.min_group),
        ));
    }
    lines
}

/// Which table the legend explains.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Legend {
    Text { shaded: bool },
    Markdown,
}

/// The lines under the table: stage names, shading, columns, the median rule,
/// suppression, the members.
pub(super) fn footer(summary: &Summary, legend: Legend) -> Vec<String> {
    let stages: Vec<String> = (0..summary.stages.len())
        .map(|i| sanitize::line(&summary.stage_label(i)).into_owned())
        .collect();
    let mut lines = vec![format!("Stages: {}.", stages.join(", "))];
    let (answered, not_answered, not_on_scale, quartiles) = match legend {
        Legend::Text { .. } => ("ANS", "none", "?", "Q1–Q3: the quartiles"),
        Legend::Markdown => ("Answered", "Not answered", "Not on the scale", "Quartiles"),
    };
    let mut columns = format!(
        "{answered}: authorities that answered the theme, at a stage or n/a (not applicable); {not_answered}: authorities that did not answer it"
    );
    if summary.has_not_on_scale() {
        let _ = write!(
            columns,
            "; {not_on_scale}: at a stage the scale does not have"
        );
    }
    if legend == Legend::Markdown {
        lines.push(format!("{SHADE_LEGEND} {columns}."));
    } else if legend == (Legend::Text { shaded: true }) {
        lines.push(format!("{SHADE_LEGEND} {columns}; {quartiles}."));
    } else {
        lines.push(format!("{columns}; {quartiles}. (Too narrow for shading.)"));
    }
    lines.push("Median and quartiles are stages, by nearest rank over the authorities placed on the theme (with an even number, the lower middle).".into());
    lines.push(section_rule(summary, legend));
    if let Some(line) = suppression_words(summary) {
        lines.push(line);
    }
    lines.push(members_line(summary));
    lines
}

/// How the section scores are made, naming the authorities' column as it is headed.
fn section_rule(summary: &Summary, legend: Legend) -> String {
    let authorities_column = match legend {
        Legend::Text { .. } => "AUTH",
        Legend::Markdown => "Authorities",
    };
    let percent = if summary.percent_of_max {
        " The percentage of the maximum is the sum of stage numbers times weights over the sum of each theme's highest stage number times its weight."
    } else {
        ""
    };
    let withheld = if summary.min_group > 1 {
        " A section's scores are withheld with any stage figure of its themes, as a mean over them would give it back."
    } else {
        ""
    };
    format!(
        "Section scores pool every authority's answers to the section's themes, each counted as often as its theme's weight ({authorities_column}: those placed on any of them): the median is the stage at the middle of the weight, the mean is of stage numbers, a score rather than a distance.{percent}{withheld}"
    )
}

/// What was withheld and why, when anything could be.
fn suppression_words(summary: &Summary) -> Option<String> {
    if summary.min_group <= 1 {
        return None;
    }
    let group = authorities(summary.min_group);
    if summary.authorities < summary.min_group {
        return Some(format!(
            "{WITHHELD}: withheld. Every figure is withheld, as the summary covers fewer than {group}."
        ));
    }
    let withheld = summary.withheld();
    let mut line = format!(
        "{WITHHELD}: withheld. No figure drawn from fewer than {group} is shown; where one is withheld, the next smallest of the same total are too, so that no withheld figure can be worked out by subtracting the others from a total shown. "
    );
    match withheld {
        0 => line.push_str("Nothing needed withholding."),
        1 => line.push_str("1 figure is withheld."),
        many => {
            let _ = write!(line, "{many} figures are withheld.");
        }
    }
    let themes = summary.quartiles_withheld();
    if themes > 0 {
        let _ = write!(
            line,
            " Medians and quartiles are shown only where they tell nothing about a withheld figure (some are withheld on {}).",
            plural(themes, "theme")
        );
    }
    Some(line)
}

/// The authorities, one each: listed, or counted when there are many.
fn members_line(summary: &Summary) -> String {
    if summary.members.len() > LIST_MEMBERS {
        return format!(
            "{}, too many to list here (--format json lists them).",
            authorities(summary.members.len())
        );
    }
    let names: Vec<String> = summary
        .members
        .iter()
        .map(|m| sanitize::line(&m.shown_as).into_owned())
        .collect();
    format!("Authorities summarised: {}.", names.join(", "))
}
