//! The report as one self-contained HTML file: no scripts, no external assets, the radar
//! as inline SVG from the radar's geometry, and print CSS for A4. Built with maud, so
//! every text is escaped by construction (a theme named `<script>` prints as text); text
//! from files also passes `crate::sanitize`, so control and bidi characters are shown.
//!
//! Nothing depends on colour: gaps, carried answers and the plan's order are words and
//! numbers, and the radar's series differ in stroke and marker as well as hue.

use super::plan::PlanItem;
use super::richhtml;
use super::words::{self, Words};
use super::{Report, Tally, readable_timestamp, role_label};
use crate::diff::movement_words;
use crate::radar::svg::{self, Caption};
use crate::richtext::RichText;
use crate::sanitize;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = include_str!("report.css");

/// Text from a file, with controls shown (maud escapes it when it is inserted).
fn clean(text: &str) -> String {
    sanitize::line(text).into_owned()
}

/// Multi-line text (notes) as paragraphs, line breaks kept.
fn paragraphs(text: &str) -> Markup {
    let clean = sanitize::text(text);
    html! {
        @for paragraph in clean.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            p {
                @for (index, line) in paragraph.lines().enumerate() {
                    @if index > 0 { br; }
                    (line)
                }
            }
        }
    }
}

/// Text from the routemap: as markdown when it has any, else as plain paragraphs.
fn rich_or_plain(text: &str) -> Markup {
    let rich = RichText::parse(text);
    if rich.is_plain() {
        paragraphs(text)
    } else {
        richhtml::rich(&rich)
    }
}

/// The report as an HTML document.
pub fn to_html(report: &Report) -> String {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "routemap " (env!("CARGO_PKG_VERSION")) };
                title { "Maturity report: " (clean(&report.display_name())) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    (header(report))
                    (completeness(report))
                    (rollup(report))
                    (radar(report))
                    (themes(report))
                    (plan(report))
                    (roles(report))
                    (super::checks::html(report))
                    (notes(report))
                    (movement(report))
                }
            }
        }
    };
    page.into_string() + "\n"
}

fn header(report: &Report) -> Markup {
    let info = &report.routemap;
    html! {
        header {
            p.kicker { "Maturity report" }
            h1 { (clean(&report.display_name())) }
            @if let Some(warning) = report.stand_in_warning() {
                p.warning role="note" { strong { "Routemap not found. " } (warning) }
            }
            dl.facts {
                dt { "Authority" } dd { (clean(&report.authority)) }
                @if let Some(title) = &report.title { dt { "Assessment" } dd { (clean(title)) } }
                @if let Some(created) = &report.created { dt { "Started" } dd { (clean(created)) } }
                @if let Some(updated) = &report.updated { dt { "Last updated" } dd { (readable_timestamp(updated)) } }
                dt { "Routemap" }
                dd { (clean(&report.routemap_line())) }
                @if !info.stand_in && info.assessed_version != info.version && !info.assessed_version.is_empty() {
                    dt { "Note" }
                    dd { "Assessed against version " (clean(&info.assessed_version)) "; themes are matched by id." }
                }
                @if let Some(source) = &info.source { dt { "Source" } dd { (clean(source)) } }
                dt { "Saved file" } dd { code { (clean(&report.file_name())) } }
                @if let Some(role) = &report.role { dt { "Actions shown for" } dd { (role_label(role)) } }
            }
            @if let Some(description) = &info.description {
                blockquote.description { (rich_or_plain(description)) }
            }
            @if !report.unmatched.is_empty() {
                p { strong { "Kept in the file but not shown: " } "this routemap cannot place these answers." }
                ul { @for line in &report.unmatched { li { (clean(line)) } } }
            }
        }
    }
}

fn completeness(report: &Report) -> Markup {
    html! {
        section #completeness {
            h2 { "Completeness" }
            p { (words::completeness(&report.rollup.overall, !report.routemap.stand_in)) }
        }
    }
}

fn groups(report: &Report) -> Vec<(String, &Tally, bool)> {
    let mut groups: Vec<(String, &Tally, bool)> = report
        .rollup
        .sections
        .iter()
        .map(|(name, tally)| (clean(name), tally, false))
        .collect();
    groups.push(("All themes".into(), &report.rollup.overall, true));
    groups
}

fn rollup(report: &Report) -> Markup {
    if report.routemap.stand_in {
        return html! {};
    }
    let median = |stage: Option<usize>| stage.map_or("—".into(), |s| report.stage_label(s));
    let groups = groups(report);
    let percent = report.rollup.percent_of_max;
    html! {
        section #rollup {
            h2 { "Roll-up" }
            table {
                thead { tr {
                    th scope="col" { "Group" } th.n scope="col" { "Themes" } th.n scope="col" { "Answered" }
                    th.n scope="col" { "n/a" } th.n scope="col" { "Unanswered" } th.n scope="col" { "Carried" }
                    th.n scope="col" { "Below target" } th scope="col" { "Median now" } th scope="col" { "Median target" }
                    th.n scope="col" { "Mean now" }
                    @if percent { th.n scope="col" { "% of max" } }
                } }
                tbody {
                    @for (name, tally, total) in &groups {
                        tr.total[*total] {
                            th scope="row" { (name) }
                            td.n { (tally.themes) } td.n { (tally.answered()) } td.n { (tally.not_applicable) }
                            td.n { (tally.unanswered) } td.n { (tally.carried) } td.n { (tally.below_target) }
                            td.stage { (clean(&median(tally.median_current()))) }
                            td.stage { (clean(&median(tally.median_target()))) }
                            td.n { (words::mean(tally.mean_number())) }
                            @if percent { td.n { (words::percent(tally.percent_of_max())) } }
                        }
                    }
                }
            }
            table.distribution {
                caption { "Themes at each stage now" }
                thead { tr {
                    th scope="col" { "Stage" }
                    @for (name, _, _) in &groups { th.n scope="col" { (name) } }
                } }
                tbody {
                    @for index in 0..report.stages.len() {
                        tr {
                            th scope="row" { (clean(&report.stage_label(index))) }
                            @for (_, tally, _) in &groups { td.n { (tally.at_stage[index]) } }
                        }
                    }
                    @if report.rollup.overall.unknown_stage > 0 {
                        tr {
                            th scope="row" { "Not on the scale" }
                            @for (_, tally, _) in &groups { td.n { (tally.unknown_stage) } }
                        }
                    }
                }
            }
            p.rule { (Words::MEDIAN_RULE) " " (Words::SCORE_RULE) @if percent { " " (Words::PERCENT_RULE) } }
        }
    }
}

fn radar(report: &Report) -> Markup {
    if report.routemap.stand_in {
        return html! {};
    }
    let title = format!(
        "Radar of {}: current and target stages",
        clean(&report.display_name())
    );
    let description = svg::describe(&report.radar);
    html! {
        section #radar {
            h2 { "Radar" }
            figure {
                (svg::render(&report.radar, &Caption { title: &sanitize::line(&title), description: &sanitize::line(&description) }))
                figcaption {
                    @if report.radar.needs_bars() {
                        "Current stage (bar, circle) and target (diamond) of each theme"
                    } @else {
                        "Current (solid line, circles) and target (dashed line, diamonds) stage of each theme"
                    }
                    @if let Some(before) = report.radar.series.iter().find(|s| s.kind == crate::radar::SeriesKind::Against) {
                        ", and the current stage in " (clean(&before.name)) " (dotted, triangles), the assessment the movement below is measured from"
                    }
                    ". The same figures are in the table of themes below."
                }
            }
        }
    }
}

/// Each theme with the section heading to put above it, when it starts a section.
fn with_headings(report: &Report) -> Vec<(Option<String>, usize, &super::ThemeRow)> {
    let mut section = None;
    report
        .themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let heading = (theme.section != section && !report.sections.is_empty()).then(|| {
                section = theme.section;
                clean(report.section_name(theme).unwrap_or("Other themes"))
            });
            (heading, index, theme)
        })
        .collect()
}

fn themes(report: &Report) -> Markup {
    let principles = report.has_principles();
    let caption = if principles {
        "Every theme's current and target stage, gap in stages, confidence, whether the answer is carried over, and the principles it bears on"
    } else {
        "Every theme's current and target stage, gap in stages, confidence and whether the answer is carried over"
    };
    html! {
        section #themes {
            h2 { "Themes" }
            table #themes-table {
                caption { (caption) }
                thead { tr {
                    th.n scope="col" { "#" } th scope="col" { "Theme" } th scope="col" { "Current" }
                    th scope="col" { "Target" } th.n scope="col" { "Gap" } th scope="col" { "Confidence" }
                    th scope="col" { "Carried" }
                    @if principles { th scope="col" { "Principles" } }
                } }
                tbody {
                    @for (heading, index, theme) in with_headings(report) {
                        @if let Some(heading) = heading {
                            tr.group { th colspan=(if principles { 8 } else { 7 }) scope="rowgroup" { (heading) } }
                        }
                        tr {
                            td.n { (index + 1) }
                            th scope="row" { (clean(&theme.name)) }
                            td.stage { (clean(&report.place_label(&theme.current))) }
                            td.stage { (clean(&report.place_label(&theme.target))) }
                            td.n { (words::gap(theme.gap)) }
                            td { (words::confidence_cell(theme.confidence)) }
                            td.carried { @if theme.carried { "yes, not yet confirmed" } }
                            @if principles { td { (clean(&theme.principles.join(", "))) } }
                        }
                    }
                }
            }
        }
    }
}

fn plan(report: &Report) -> Markup {
    let plan = &report.plan;
    let left_out = words::left_out(report);
    let opening = html! {
        h2 { "Action plan" }
        p { (words::plan_intro(report)) }
    };
    html! {
        section #plan {
            // The heading and intro go with the first item: printed, an item that does
            // not fit at the foot of a page moves to the next and takes them along.
            @if let Some(first) = plan.items.first() {
                div.opening { (opening) (plan_item(report, 1, first)) }
            } @else {
                (opening)
            }
            @for (index, item) in plan.items.iter().enumerate().skip(1) {
                (plan_item(report, index + 1, item))
            }
            @if !left_out.is_empty() {
                h3 { "Not in the plan" }
                dl.left-out {
                    @for (what, names) in &left_out {
                        dt { (what) }
                        dd { (clean(&names.join(", "))) }
                    }
                }
            }
        }
    }
}

/// One item of the action plan, `rank` counted from 1.
fn plan_item(report: &Report, rank: usize, item: &PlanItem) -> Markup {
    let theme = &report.themes[item.theme];
    html! {
        article.item {
            h3 {
                span.rank { (rank) ". " }
                (clean(&theme.name)) ": " (clean(&report.stage_label(item.current)))
                " → " (clean(&report.stage_label(item.target)))
            }
            p.meta { (words::stages(item.gap())) " to go; confidence " (words::confidence(item.confidence)) "." }
            @if !item.next_descriptor.is_empty() {
                p.next { "To reach " strong { (clean(&report.stage_label(item.next_stage))) } ": " (richhtml::inline(&RichText::parse(&item.next_descriptor))) }
            }
            @if let Some(guidance) = &item.guidance {
                div.guidance { p.label { "How to get there:" } (richhtml::rich(&RichText::parse(guidance))) }
            }
            @if !item.next_criteria.is_empty() {
                p.label { "Evidence for the next stage:" }
                ul.criteria {
                    @for (criterion, met) in &item.next_criteria {
                        li.met[*met] {
                            span.tick aria-label=(if *met { "met" } else { "not met" }) { (if *met { "☑ " } else { "☐ " }) }
                            (richhtml::inline(&RichText::parse(&criterion.text)))
                        }
                    }
                }
            }
            @if item.actions.is_empty() {
                p { (words::no_actions(report)) }
            } @else {
                ul.actions {
                    @for (role, actions) in &item.actions {
                        @for action in actions {
                            li { strong { (clean(&role_label(role))) ": " } (clean(action)) }
                        }
                    }
                }
            }
        }
    }
}

fn roles(report: &Report) -> Markup {
    let plan = &report.plan;
    if plan.items.is_empty() || plan.roles.is_empty() {
        return html! {};
    }
    html! {
        section #roles {
            h2 { "Actions by role" }
            @for role in &plan.roles {
                @let label = clean(&role_label(&role.role));
                article.role {
                    h3 { (label) }
                    @if role.entries.is_empty() {
                        p { "Nothing for the " (label) " in this plan." }
                    } @else {
                        ol {
                            @for (item, actions) in &role.entries {
                                @let theme = &report.themes[plan.items[*item].theme];
                                @for action in actions {
                                    li { strong { (clean(&theme.name)) ": " } (clean(action)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn notes(report: &Report) -> Markup {
    let with_notes: Vec<_> = report
        .themes
        .iter()
        .filter(|t| t.notes.is_some() || !t.evidence.is_empty())
        .collect();
    html! {
        section #notes {
            h2 { "Notes and evidence" }
            @if with_notes.is_empty() { p { "No notes or evidence recorded." } }
            @for theme in with_notes {
                article.notes {
                    h3 { (clean(&theme.name)) }
                    @if let Some(notes) = &theme.notes { (paragraphs(notes)) }
                    @if !theme.evidence.is_empty() {
                        p.evidence-label { "Evidence:" }
                        ul.evidence { @for item in &theme.evidence { li { (evidence(item)) } } }
                    }
                }
            }
        }
    }
}

/// An evidence item: a link when it is a web address (http or https only, so no
/// `javascript:` or `file:` link can be planted), with no referrer sent, as this is a
/// document passed round; otherwise text. maud escapes both the address and the text.
fn evidence(item: &str) -> Markup {
    match web_address(item) {
        Some(address) => html! { a href=(address) rel="noreferrer" { (clean(item)) } },
        None => html! { (clean(item)) },
    }
}

/// `item` as a web address: `http://` or `https://` and a host, with no white space or
/// control character anywhere.
fn web_address(item: &str) -> Option<&str> {
    let item = item.trim();
    let lower = item.get(..8)?.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &item[8..]
    } else if lower.starts_with("http://") {
        &item[7..]
    } else {
        return None;
    };
    let plain = !item.chars().any(|c| c.is_whitespace() || c.is_control());
    (plain && !rest.is_empty() && !rest.starts_with('/')).then_some(item)
}

fn movement(report: &Report) -> Markup {
    let Some(diff) = &report.movement else {
        return html! {};
    };
    let before = &diff.before;
    let name = match &before.title {
        Some(title) => format!("{} — {title}", before.authority),
        None => before.authority.clone(),
    };
    html! {
        section #movement {
          div.opening {
            h2 { "Since " (clean(&name)) }
            p {
                "Compared with " code { (clean(&super::file_name(&before.path))) }
                @if let Some(updated) = &before.updated { ", last updated " (readable_timestamp(updated)) }
                ": " strong { (diff.summary.line()) } "."
            }
            table {
                thead { tr { th scope="col" { "Theme" } th scope="col" { "Then" } th scope="col" { "Now" } th scope="col" { "Change" } } }
                tbody {
                    @for theme in &diff.themes {
                        tr {
                            th scope="row" { (clean(&theme.name)) }
                            td { (clean(&diff.current_label(&theme.before))) }
                            td { (clean(&diff.current_label(&theme.after))) }
                            td { (movement_words(&theme.movement)) }
                        }
                    }
                }
            }
          }
        }
    }
}
