use super::*;
use crate::builtin;
use crate::clock::Timestamp;

fn routemap() -> Routemap {
    builtin::planting_the_flag()
}

/// Sets a theme's current stage (by number, 1 = lowest), target and confidence.
fn answer(
    assessment: &mut Assessment,
    theme: &str,
    current: Option<usize>,
    target: Option<usize>,
    confidence: Option<Confidence>,
) {
    let routemap = routemap();
    let stage = |n: usize| routemap.stages[n - 1].id.clone();
    let answer = assessment.answer_mut(&routemap, theme);
    answer.current = current.map(|n| Current::Stage(stage(n)));
    answer.target = target.map(stage);
    answer.confidence = confidence;
}

fn new_assessment() -> Assessment {
    Assessment::new(
        &routemap(),
        "Anytown",
        Some("2026"),
        Timestamp(1_795_788_191),
    )
}

fn report_of(assessment: &Assessment, role: Option<&str>) -> Report {
    let routemap = routemap();
    build(Input {
        path: Path::new("anytown.yaml"),
        assessment,
        routemap: &routemap,
        stand_in: false,
        mismatches: &[],
        movement: None,
        previous: None,
        role,
    })
}

fn planned_ids(report: &Report) -> Vec<&str> {
    report
        .plan
        .items
        .iter()
        .map(|item| report.themes[item.theme].id.as_str())
        .collect()
}

fn ids<'a>(report: &'a Report, indexes: &[usize]) -> Vec<&'a str> {
    indexes
        .iter()
        .map(|&i| report.themes[i].id.as_str())
        .collect()
}

#[test]
fn the_plan_puts_bigger_gaps_first_then_lower_confidence_then_routemap_order() {
    let mut assessment = new_assessment();
    use Confidence::{High, Low, Medium};
    answer(&mut assessment, "leadership", Some(2), Some(3), Some(High));
    answer(&mut assessment, "governance", Some(1), Some(4), Some(High));
    answer(
        &mut assessment,
        "organisational-change",
        Some(2),
        Some(3),
        Some(Low),
    );
    answer(&mut assessment, "shared-services", Some(2), Some(3), None);
    answer(
        &mut assessment,
        "professionalism",
        Some(3),
        Some(4),
        Some(Medium),
    );
    answer(
        &mut assessment,
        "business-change",
        Some(1),
        Some(3),
        Some(Medium),
    );
    let report = report_of(&assessment, None);
    assert_eq!(
        planned_ids(&report),
        [
            "governance",            // gap 3
            "business-change",       // gap 2
            "organisational-change", // gap 1, low
            "shared-services",       // gap 1, none stated ranks with low, later in routemap
            "professionalism",       // gap 1, medium
            "leadership",            // gap 1, high
        ]
    );
}

#[test]
fn a_plan_item_names_the_next_stage_and_every_roles_actions() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(4), None);
    let report = report_of(&assessment, None);
    let item = &report.plan.items[0];
    assert_eq!((item.current, item.next_stage, item.target), (1, 2, 3));
    assert_eq!(item.gap(), 2);
    assert!(
        item.next_descriptor
            .starts_with("The CIO is a member of the top team or reports to the chief executive"),
        "the descriptor of stage 3, Route planned: {}",
        item.next_descriptor
    );
    // How to get from stage 2 to 3, and stage 3's checklist, none of it ticked yet.
    assert!(
        item.guidance
            .as_deref()
            .is_some_and(|g| g.starts_with("Give the CIO a seat and a mandate")),
        "{:?}",
        item.guidance
    );
    let checklist: Vec<(&str, bool)> = item
        .next_criteria
        .iter()
        .map(|(criterion, met)| (criterion.id.as_str(), *met))
        .collect();
    assert_eq!(
        checklist,
        [
            ("top-team-seat", false),
            ("approved-mandate", false),
            ("partners-told", false)
        ]
    );
    let roles: Vec<&str> = item.actions.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(roles, ["ceo", "cfo", "cio"]);
    assert_eq!(item.actions[2].1.len(), 2);
}

#[test]
fn themes_outside_the_plan_are_listed_by_why_never_guessed() {
    let routemap = routemap();
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), None, None); // no target
    answer(&mut assessment, "governance", Some(3), Some(3), None); // reached
    answer(
        &mut assessment,
        "organisational-change",
        Some(4),
        Some(2),
        None,
    ); // above
    assessment
        .answer_mut(&routemap, "strategic-commissioning")
        .current = Some(Current::NotApplicable);
    answer(&mut assessment, "shared-services", Some(1), Some(5), None);
    assessment.answer_mut(&routemap, "shared-services").carried = true;
    assessment.answer_mut(&routemap, "professionalism").current =
        Some(Current::Stage("renamed".into()));
    assessment.answer_mut(&routemap, "professionalism").target = Some("on-the-route".into());
    answer(&mut assessment, "business-change", None, Some(4), None); // target, no stage
    let report = report_of(&assessment, None);
    let plan = &report.plan;
    assert!(plan.items.is_empty(), "{:?}", planned_ids(&report));
    assert_eq!(ids(&report, &plan.no_target), ["leadership"]);
    assert_eq!(
        ids(&report, &plan.reached),
        ["governance", "organisational-change"]
    );
    assert_eq!(
        ids(&report, &plan.not_applicable),
        ["strategic-commissioning"]
    );
    assert_eq!(ids(&report, &plan.carried), ["shared-services"]);
    assert_eq!(ids(&report, &plan.not_comparable), ["professionalism"]);
    assert_eq!(
        ids(&report, &plan.unanswered),
        [
            "business-change",
            "digital-access",
            "infrastructure",
            "information-governance",
            "information-management",
            "central-government-policy"
        ]
    );
}

#[test]
fn a_confirmed_carried_answer_is_planned_again() {
    let routemap = routemap();
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(1), Some(2), None);
    assessment.answer_mut(&routemap, "leadership").carried = true;
    assert!(report_of(&assessment, None).plan.items.is_empty());
    assessment.answer_mut(&routemap, "leadership").carried = false;
    assert_eq!(planned_ids(&report_of(&assessment, None)), ["leadership"]);
}

#[test]
fn the_role_view_gathers_each_roles_actions_in_priority_order() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(3), None);
    answer(&mut assessment, "governance", Some(1), Some(4), None);
    let report = report_of(&assessment, None);
    let roles: Vec<&str> = report.plan.roles.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, ["ceo", "cfo", "cio"]);
    let ceo = &report.plan.roles[0];
    let themes: Vec<&str> = ceo
        .entries
        .iter()
        .map(|(item, _)| report.themes[report.plan.items[*item].theme].id.as_str())
        .collect();
    assert_eq!(themes, ["governance", "leadership"]);
    assert_eq!(
        ceo.entries[0].1,
        [
            "Put a proposal for joint ICT governance, with draft terms of reference, to the next meeting of partner chief executives."
        ]
    );
}

#[test]
fn asking_for_one_role_keeps_only_its_actions() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(3), None);
    let report = report_of(&assessment, Some("cfo"));
    assert_eq!(report.plan.roles.len(), 1);
    assert_eq!(report.plan.roles[0].role, "cfo");
    let item = &report.plan.items[0];
    assert_eq!(item.actions.len(), 1);
    assert_eq!(item.actions[0].0, "cfo");
}

#[test]
fn role_labels_read_as_titles() {
    assert_eq!(role_label("ceo"), "CEO");
    assert_eq!(role_label("siro"), "SIRO");
    assert_eq!(role_label("head-of-ict"), "Head of ict");
    assert_eq!(role_label("leader"), "Leader");
    assert_eq!(role_label("élu"), "Élu");
}

#[test]
fn the_rollup_counts_every_theme_once_per_group() {
    let routemap = routemap();
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(4), None);
    answer(&mut assessment, "governance", Some(3), Some(3), None);
    answer(
        &mut assessment,
        "organisational-change",
        Some(1),
        None,
        None,
    );
    assessment.answer_mut(&routemap, "professionalism").current = Some(Current::NotApplicable);
    answer(&mut assessment, "business-change", Some(5), Some(5), None);
    assessment.answer_mut(&routemap, "business-change").carried = true;
    assessment.answer_mut(&routemap, "digital-access").current =
        Some(Current::Stage("renamed".into()));
    let rollup = report_of(&assessment, None).rollup;
    let all = &rollup.overall;
    // Answered: a stage or n/a; with a stage: the five others.
    assert_eq!(
        (
            all.themes,
            all.answered(),
            all.with_stage,
            all.not_applicable,
            all.unanswered
        ),
        (12, 6, 5, 1, 6)
    );
    assert_eq!(all.carried, 1);
    assert_eq!(all.at_stage, [1, 1, 1, 0, 1]);
    assert_eq!(all.unknown_stage, 1);
    assert_eq!((all.with_target, all.below_target), (3, 1));
    // Stages 1, 2, 3, 5: the lower middle is stage 2 (index 1).
    assert_eq!(all.median_current(), Some(1));
    // Targets 3, 4, 5.
    assert_eq!(all.median_target(), Some(3));

    let names: Vec<&str> = rollup.sections.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Strategic capabilities",
            "Information and technology issues"
        ]
    );
    let (_, capabilities) = &rollup.sections[0];
    assert_eq!(
        (
            capabilities.themes,
            capabilities.answered(),
            capabilities.not_applicable
        ),
        (6, 4, 1)
    );
    assert_eq!(capabilities.median_current(), Some(1));
    let (_, issues) = &rollup.sections[1];
    assert_eq!(
        (issues.answered(), issues.unanswered, issues.carried),
        (2, 4, 1)
    );
    assert_eq!(issues.median_current(), Some(4));
}

#[test]
fn an_empty_assessment_has_no_medians_and_plans_nothing() {
    let report = report_of(&new_assessment(), None);
    assert_eq!(report.rollup.overall.unanswered, 12);
    assert_eq!(report.rollup.overall.median_current(), None);
    assert_eq!(report.rollup.overall.median_target(), None);
    assert!(report.plan.is_empty());
    assert_eq!(report.plan.unanswered.len(), 12);
}

#[test]
fn gaps_count_stages_up_to_the_target() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(5), None);
    answer(&mut assessment, "governance", Some(4), Some(2), None);
    answer(&mut assessment, "shared-services", Some(4), None, None);
    let report = report_of(&assessment, None);
    assert_eq!(report.themes[0].gap, Some(3));
    assert_eq!(report.themes[1].gap, Some(-2));
    assert_eq!(report.themes[4].gap, None);
}

#[test]
fn a_stand_in_report_orders_nothing() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(4), None);
    let stand_in = crate::assessment::stand_in_routemap(&assessment);
    let report = build(Input {
        path: Path::new("x.yaml"),
        assessment: &assessment,
        routemap: &stand_in,
        stand_in: true,
        mismatches: &[],
        movement: None,
        previous: None,
        role: None,
    });
    assert_eq!(
        report.themes[0].current,
        Place::Unknown("flag-planted".into())
    );
    assert_eq!(report.themes[0].gap, None);
    assert!(report.plan.items.is_empty());
    assert_eq!(report.plan.not_comparable, [0]);
    assert_eq!(report.rollup.overall.median_current(), None);
    assert!(
        report
            .stand_in_warning()
            .is_some_and(|w| w.contains("'planting-the-flag' (version 2.0)"))
    );
}

#[test]
fn the_evidence_checklists_show_only_checklists_in_use() {
    let routemap = routemap();
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(3), None);
    assessment.answer_mut(&routemap, "leadership").met = vec!["commitment-on-record".into()];
    // Placed, nothing ticked: a blank checklist only repeats the routemap (the plan
    // already lists the next stage's criteria), so it is named, not printed.
    answer(&mut assessment, "governance", Some(1), None, None);
    assessment.answer_mut(&routemap, "shared-services").current = Some(Current::NotApplicable);
    // Not answered, but a criterion ticked: the ticks are worth showing.
    assessment.answer_mut(&routemap, "professionalism").met = vec!["framework-chosen".into()];
    let report = report_of(&assessment, None);
    let text = to_markdown(&report);
    let section = &text[text.find("## Evidence checklists").unwrap()
        ..text.find("## Notes and evidence").unwrap_or(text.len())];
    let shown: Vec<&str> = section
        .lines()
        .filter_map(|line| line.strip_prefix("### "))
        .collect();
    assert_eq!(shown, ["Leadership", "Professionalism"]);
    assert!(
        section.contains("No criterion ticked: Governance."),
        "{section}"
    );
    assert!(
        text.find("## Actions by role") < text.find("## Evidence checklists"),
        "the plan first:\n{text}"
    );
    let html = to_html(&report);
    assert_eq!(
        html.matches("<article class=\"checklist\">").count(),
        2,
        "{html}"
    );
    assert!(html.contains("No criterion ticked: Governance."), "{html}");
    assert!(html.find("id=\"roles\"") < html.find("id=\"checklists\""));
}

#[test]
fn no_evidence_checklists_when_no_criterion_is_ticked() {
    let mut assessment = new_assessment();
    answer(&mut assessment, "leadership", Some(2), Some(3), None);
    let report = report_of(&assessment, None);
    assert!(!to_markdown(&report).contains("Evidence checklists"));
    assert!(!to_html(&report).contains("Evidence checklists"));
}

#[test]
fn evidence_that_is_a_web_address_is_a_link_and_nothing_else_is() {
    let routemap = routemap();
    let mut assessment = new_assessment();
    assessment.answer_mut(&routemap, "leadership").evidence = vec![
        "https://intranet.example/a?b=<c>&d=\"e\"".into(),
        "HTTP://EXAMPLE.ORG/x".into(),
        "javascript:alert(1)".into(),
        "https://".into(),
        "https://bad example".into(),
        "file:///etc/passwd".into(),
    ];
    let html = to_html(&report_of(&assessment, None));
    assert!(html.contains(
        "<a href=\"https://intranet.example/a?b=&lt;c&gt;&amp;d=&quot;e&quot;\" rel=\"noreferrer\">"
    ));
    assert!(html.contains("<a href=\"HTTP://EXAMPLE.ORG/x\" rel=\"noreferrer\">"));
    assert_eq!(html.matches("<a href=").count(), 2, "{html}");
    assert!(html.contains("<li>javascript:alert(1)</li>"));
}
