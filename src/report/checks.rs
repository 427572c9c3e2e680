//! The report's evidence checklists: for every theme whose checklist was used (a
//! criterion ticked), each criterion ticked or not, the stage the ticks suggest, and a
//! word when they do not support the stage chosen (the officer's choice stands). In
//! markdown and in HTML; left out when nothing is ticked.

use super::mdtext::{inline, rich_inline};
use super::richhtml;
use super::{Place, Report, ThemeRow};
use crate::richtext::RichText;
use crate::sanitize;
use maud::{Markup, html};
use std::fmt::Write as _;

/// What the section says first.
const INTRO: &str = "Each theme's criteria, ticked where the authority says they are met. The ticks suggest the highest stage whose criteria, and those of every stage below it, are all met; the stage chosen stands, and is marked where the ticks do not support it. Only themes with a criterion ticked are shown: a blank checklist would only repeat the routemap, and the action plan lists the criteria of each theme's next stage.";

fn ticked(theme: &ThemeRow) -> bool {
    theme.met_count().0 > 0 || !theme.unknown_met.is_empty()
}

/// The themes whose checklists say something about the authority: those with a
/// criterion ticked.
fn with_checklists(report: &Report) -> impl Iterator<Item = &ThemeRow> {
    report
        .themes
        .iter()
        .filter(|theme| !theme.checklists.is_empty() && ticked(theme))
}

/// "No criterion ticked: Governance, Shared services.": themes placed at a stage whose
/// checklists were not used, named so that a reader knows they were not forgotten.
fn unticked_line(report: &Report) -> Option<String> {
    let names: Vec<&str> = report
        .themes
        .iter()
        .filter(|theme| {
            let placed = matches!(theme.current, Place::Stage(_) | Place::Unknown(_));
            !theme.checklists.is_empty() && placed && !ticked(theme)
        })
        .map(|theme| theme.name.as_str())
        .collect();
    (!names.is_empty()).then(|| format!("No criterion ticked: {}.", names.join(", ")))
}

/// "Now 2 Established; the ticks suggest 1 Emerging; 3 of 7 criteria met."
fn standing(report: &Report, theme: &ThemeRow) -> String {
    let (met, total) = theme.met_count();
    let suggested = theme
        .suggested
        .map_or("no stage".to_string(), |s| report.stage_label(s));
    format!(
        "Now {}; the ticks suggest {suggested}; {met} of {total} criteria met.",
        report.place_label(&theme.current)
    )
}

const UNSUPPORTED: &str = "The stage chosen is above what the ticks support: a criterion of it, or of a stage below it, is not met.";

/// The checklists as markdown (GitHub task lists).
pub fn markdown(report: &Report, out: &mut String) {
    if with_checklists(report).next().is_none() {
        return;
    }
    let _ = writeln!(out, "## Evidence checklists\n\n{INTRO}\n");
    if let Some(line) = unticked_line(report) {
        let _ = writeln!(out, "{}\n", inline(&line));
    }
    for theme in with_checklists(report) {
        let _ = writeln!(out, "### {}\n", inline(&theme.name));
        let _ = writeln!(out, "{}\n", inline(&standing(report, theme)));
        if theme.unsupported {
            let _ = writeln!(out, "**Not supported by the ticks.** {UNSUPPORTED}\n");
        }
        for list in &theme.checklists {
            let _ = writeln!(out, "**{}**\n", inline(&report.stage_label(list.stage)));
            for (criterion, met) in &list.criteria {
                let _ = writeln!(
                    out,
                    "- [{}] {}",
                    if *met { "x" } else { " " },
                    rich_inline(&RichText::parse(&criterion.text))
                );
            }
            out.push('\n');
        }
        if !theme.unknown_met.is_empty() {
            let ids: Vec<String> = theme.unknown_met.iter().map(|id| inline(id)).collect();
            let _ = writeln!(
                out,
                "Ticked but not criteria of this theme (kept in the file): {}.\n",
                ids.join(", ")
            );
        }
    }
}

/// The checklists as HTML; nothing when no criterion is ticked.
pub fn html(report: &Report) -> Markup {
    if with_checklists(report).next().is_none() {
        return html! {};
    }
    let clean = |text: &str| sanitize::line(text).into_owned();
    html! {
        section #checklists {
            h2 { "Evidence checklists" }
            p { (INTRO) }
            @if let Some(line) = unticked_line(report) {
                p { (clean(&line)) }
            }
            @for theme in with_checklists(report) {
                article.checklist {
                    h3 { (clean(&theme.name)) }
                    p { (clean(&standing(report, theme))) }
                    @if theme.unsupported {
                        p.warning role="note" { strong { "Not supported by the ticks. " } (UNSUPPORTED) }
                    }
                    @for list in &theme.checklists {
                        h4 { (clean(&report.stage_label(list.stage))) }
                        ul.criteria {
                            @for (criterion, met) in &list.criteria {
                                li.met[*met] {
                                    span.tick aria-label=(if *met { "met" } else { "not met" }) { (if *met { "☑ " } else { "☐ " }) }
                                    (richhtml::inline(&RichText::parse(&criterion.text)))
                                }
                            }
                        }
                    }
                    @if !theme.unknown_met.is_empty() {
                        p { "Ticked but not criteria of this theme (kept in the file): " (clean(&theme.unknown_met.join(", "))) "." }
                    }
                }
            }
        }
    }
}
