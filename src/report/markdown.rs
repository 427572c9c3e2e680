//! The report as GitHub-flavoured markdown. Every text from a file passes
//! `crate::sanitize` and then is escaped for markdown, so a name can neither break a
//! table (`|`) nor turn into a link, heading or raw HTML.

use super::mdtext::{block, inline, rich_block, rich_inline};
use super::words::{self, Words};
use super::{Report, Tally, readable_timestamp, role_label};
use crate::diff::movement_words;
use crate::radar::{self, Drawing, Look};
use crate::richtext::RichText;
use crate::sanitize;
use crate::textout::buffer_to_text;
use std::fmt::Write as _;

/// The width of the text radar in the report.
const RADAR_WIDTH: u16 = 80;

/// The report as markdown.
pub fn to_markdown(report: &Report) -> String {
    let mut out = String::new();
    header(report, &mut out);
    completeness(report, &mut out);
    rollup(report, &mut out);
    radar_block(report, &mut out);
    themes(report, &mut out);
    plan(report, &mut out);
    roles(report, &mut out);
    super::checks::markdown(report, &mut out);
    notes(report, &mut out);
    movement(report, &mut out);
    out
}

fn header(report: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "# Maturity report: {}\n",
        inline(&report.display_name())
    );
    if let Some(warning) = report.stand_in_warning() {
        let _ = writeln!(out, "> **Routemap not found.** {}\n", inline(&warning));
    }
    let _ = writeln!(out, "- **Authority:** {}", inline(&report.authority));
    if let Some(title) = &report.title {
        let _ = writeln!(out, "- **Assessment:** {}", inline(title));
    }
    let mut dates = Vec::new();
    if let Some(created) = &report.created {
        dates.push(format!("started {}", inline(created)));
    }
    if let Some(updated) = &report.updated {
        dates.push(format!("last updated {}", readable_timestamp(updated)));
    }
    if !dates.is_empty() {
        let _ = writeln!(out, "- **Dates:** {}", dates.join(", "));
    }
    let info = &report.routemap;
    let _ = writeln!(out, "- **Routemap:** {}", inline(&report.routemap_line()));
    if !info.stand_in && info.assessed_version != info.version && !info.assessed_version.is_empty()
    {
        let _ = writeln!(
            out,
            "- **Note:** assessed against version {}; themes are matched by id",
            inline(&info.assessed_version)
        );
    }
    if let Some(source) = &info.source {
        let _ = writeln!(out, "- **Source:** {}", inline(source));
    }
    let _ = writeln!(
        out,
        "- **Saved file:** {}",
        inline(&sanitize::line(&report.file_name()))
    );
    if let Some(role) = &report.role {
        let _ = writeln!(
            out,
            "- **Actions shown for:** {}",
            inline(&role_label(role))
        );
    }
    out.push('\n');
    if let Some(description) = &info.description {
        let rich = RichText::parse(description);
        let text = if rich.is_plain() {
            block(description)
        } else {
            rich_block(&rich)
        };
        let _ = writeln!(out, "> {}\n", text.replace('\n', "\n> "));
    }
    if !report.unmatched.is_empty() {
        let _ = writeln!(
            out,
            "**Kept in the file but not shown:** this routemap cannot place these answers.\n"
        );
        for line in &report.unmatched {
            let _ = writeln!(out, "- {}", inline(line));
        }
        out.push('\n');
    }
}

fn completeness(report: &Report, out: &mut String) {
    let _ = writeln!(
        out,
        "## Completeness\n\n{}\n",
        words::completeness(&report.rollup.overall, !report.routemap.stand_in)
    );
}

fn rollup(report: &Report, out: &mut String) {
    if report.routemap.stand_in {
        return;
    }
    let _ = writeln!(out, "## Roll-up\n");
    let groups = groups(report);
    let percent = report.rollup.percent_of_max;
    out.push_str("| Group | Themes | Answered | n/a | Unanswered | Carried | Below target | Median now | Median target | Mean now |");
    out.push_str(if percent { " % of max |\n" } else { "\n" });
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---|---|---:|");
    out.push_str(if percent { "---:|\n" } else { "\n" });
    for (name, tally) in &groups {
        let median = |stage: Option<usize>| stage.map_or("—".into(), |s| report.stage_label(s));
        let _ = write!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            tally.themes,
            tally.answered(),
            tally.not_applicable,
            tally.unanswered,
            tally.carried,
            tally.below_target,
            inline(&median(tally.median_current())),
            inline(&median(tally.median_target())),
            words::mean(tally.mean_number())
        );
        if percent {
            let _ = write!(out, " {} |", words::percent(tally.percent_of_max()));
        }
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "Themes at each stage now:\n");
    let names: Vec<&str> = groups.iter().map(|(name, _)| name.as_str()).collect();
    let _ = writeln!(out, "| Stage | {} |", names.join(" | "));
    let _ = writeln!(out, "|---|{}", "---:|".repeat(names.len()));
    for (index, _) in report.stages.iter().enumerate() {
        let counts: Vec<String> = groups
            .iter()
            .map(|(_, tally)| tally.at_stage[index].to_string())
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} |",
            inline(&report.stage_label(index)),
            counts.join(" | ")
        );
    }
    if report.rollup.overall.unknown_stage > 0 {
        let counts: Vec<String> = groups
            .iter()
            .map(|(_, tally)| tally.unknown_stage.to_string())
            .collect();
        let _ = writeln!(out, "| not on the scale | {} |", counts.join(" | "));
    }
    let _ = writeln!(out, "\n{} {}", Words::MEDIAN_RULE, Words::SCORE_RULE);
    if percent {
        let _ = writeln!(out, "{}", Words::PERCENT_RULE);
    }
    out.push('\n');
}

/// The sections' tallies (names escaped) and then all themes.
fn groups(report: &Report) -> Vec<(String, &Tally)> {
    let mut groups: Vec<(String, &Tally)> = report
        .rollup
        .sections
        .iter()
        .map(|(name, tally)| (inline(name), tally))
        .collect();
    groups.push(("**All themes**".into(), &report.rollup.overall));
    groups
}

fn radar_block(report: &Report, out: &mut String) {
    if report.routemap.stand_in {
        return;
    }
    let look = Look {
        drawing: Drawing::Ascii,
        color: false,
    };
    let buffer = radar::render_standalone(&report.radar, RADAR_WIDTH, look);
    let picture = sanitize::text(&buffer_to_text(&buffer, false)).into_owned();
    let _ = writeln!(
        out,
        "## Radar\n\n```text\n{}```\n",
        picture.replace("```", "'''")
    );
}

fn themes(report: &Report, out: &mut String) {
    let _ = writeln!(out, "## Themes\n");
    let principles = report.has_principles();
    out.push_str("| # | Theme | Current | Target | Gap | Confidence | Carried |");
    out.push_str(if principles { " Principles |\n" } else { "\n" });
    out.push_str("|---:|---|---|---|---:|---|---|");
    out.push_str(if principles { "---|\n" } else { "\n" });
    let mut section = None;
    for (index, theme) in report.themes.iter().enumerate() {
        if theme.section != section && !report.sections.is_empty() {
            section = theme.section;
            let name = report.section_name(theme).unwrap_or("Other themes");
            let _ = write!(out, "| | **{}** | | | | | |", inline(name));
            out.push_str(if principles { " |\n" } else { "\n" });
        }
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            index + 1,
            inline(&theme.name),
            inline(&report.place_label(&theme.current)),
            inline(&report.place_label(&theme.target)),
            words::gap(theme.gap),
            words::confidence_cell(theme.confidence),
            if theme.carried {
                "yes, not yet confirmed"
            } else {
                ""
            }
        );
        if principles {
            let _ = write!(out, " {} |", inline(&theme.principles.join(", ")));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn plan(report: &Report, out: &mut String) {
    let plan = &report.plan;
    let _ = writeln!(out, "## Action plan\n\n{}\n", words::plan_intro(report));
    for (rank, item) in plan.items.iter().enumerate() {
        let theme = &report.themes[item.theme];
        let _ = writeln!(
            out,
            "### {}. {}: {} → {}\n",
            rank + 1,
            inline(&theme.name),
            inline(&report.stage_label(item.current)),
            inline(&report.stage_label(item.target))
        );
        let _ = writeln!(
            out,
            "{} to go; confidence {}.\n",
            words::stages(item.gap()),
            words::confidence(item.confidence)
        );
        if !item.next_descriptor.is_empty() {
            let _ = writeln!(
                out,
                "To reach **{}**: {}\n",
                inline(&report.stage_label(item.next_stage)),
                rich_inline(&RichText::parse(&item.next_descriptor))
            );
        }
        if let Some(guidance) = &item.guidance {
            let _ = writeln!(
                out,
                "How to get there:\n\n{}\n",
                rich_block(&RichText::parse(guidance))
            );
        }
        if !item.next_criteria.is_empty() {
            let _ = writeln!(out, "Evidence for the next stage:\n");
            for (criterion, met) in &item.next_criteria {
                let _ = writeln!(
                    out,
                    "- [{}] {}",
                    if *met { "x" } else { " " },
                    rich_inline(&RichText::parse(&criterion.text))
                );
            }
            out.push('\n');
        }
        if item.actions.is_empty() {
            let _ = writeln!(out, "{}\n", words::no_actions(report));
        }
        for (role, actions) in &item.actions {
            for action in actions {
                let _ = writeln!(
                    out,
                    "- **{}:** {}",
                    inline(&role_label(role)),
                    inline(action)
                );
            }
        }
        if !item.actions.is_empty() {
            out.push('\n');
        }
    }
    let left_out = words::left_out(report);
    if !left_out.is_empty() {
        let _ = writeln!(out, "### Not in the plan\n");
        for (what, names) in left_out {
            let names: Vec<String> = names.iter().map(|n| inline(n)).collect();
            let _ = writeln!(out, "- **{what}:** {}", names.join(", "));
        }
        out.push('\n');
    }
}

fn roles(report: &Report, out: &mut String) {
    let plan = &report.plan;
    if plan.items.is_empty() || plan.roles.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Actions by role\n");
    for role in &plan.roles {
        let label = inline(&role_label(&role.role));
        let _ = writeln!(out, "### {label}\n");
        if role.entries.is_empty() {
            let _ = writeln!(out, "Nothing for the {label} in this plan.\n");
            continue;
        }
        let mut number = 0;
        for (item, actions) in &role.entries {
            let theme = &report.themes[plan.items[*item].theme];
            for action in actions {
                number += 1;
                let _ = writeln!(
                    out,
                    "{number}. **{}:** {}",
                    inline(&theme.name),
                    inline(action)
                );
            }
        }
        out.push('\n');
    }
}

fn notes(report: &Report, out: &mut String) {
    let _ = writeln!(out, "## Notes and evidence\n");
    let mut any = false;
    for theme in &report.themes {
        if theme.notes.is_none() && theme.evidence.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(out, "### {}\n", inline(&theme.name));
        if let Some(notes) = &theme.notes {
            let _ = writeln!(out, "{}\n", block(notes));
        }
        if !theme.evidence.is_empty() {
            out.push_str("Evidence:\n\n");
            for item in &theme.evidence {
                let _ = writeln!(out, "- {}", inline(item));
            }
            out.push('\n');
        }
    }
    if !any {
        out.push_str("No notes or evidence recorded.\n\n");
    }
}

fn movement(report: &Report, out: &mut String) {
    let Some(diff) = &report.movement else {
        return;
    };
    let before = &diff.before;
    let mut name = before.authority.clone();
    if let Some(title) = &before.title {
        name = format!("{name} — {title}");
    }
    let _ = writeln!(out, "## Since {}\n", inline(&name));
    let when = before
        .updated
        .as_deref()
        .map(|u| format!(", last updated {}", readable_timestamp(u)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Compared with {}{when}: **{}**.\n",
        inline(&sanitize::line(&super::file_name(&before.path))),
        diff.summary.line()
    );
    out.push_str("| Theme | Then | Now | Change |\n|---|---|---|---|\n");
    for theme in &diff.themes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            inline(&theme.name),
            inline(&diff.current_label(&theme.before)),
            inline(&diff.current_label(&theme.after)),
            movement_words(&theme.movement)
        );
    }
    out.push('\n');
}
