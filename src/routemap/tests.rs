//! The newer keys of a routemap: numbering from 0, stages as mappings with guidance and
//! criteria, stages left undefined, weights; each with the errors it can give.

use super::*;
use std::path::Path;

const LEVELS: &str = r#"id: levels
title: Levels
version: "2"
first-stage: 0
percent-of-max: true
stages:
  - id: none
    name: None
    summary: Nothing is in place.
  - id: started
    name: Started
  - id: managed
    name: Managed
  - id: optimised
    name: Optimised
    summary: Measured and improved.
sections:
  - id: build
    name: Build
themes:
  - id: threats
    name: Threat assessment
    section: build
    weight: 2
    stages:
      none: No threat modelling.
      started:
        descriptor: Threats are modelled for *some* services.
        guidance: Model every service that holds personal data.
        criteria:
          - id: list
            text: A list of services and their data exists.
          - id: model
            text: At least one service has a threat model.
      managed:
        criteria:
          - {id: every, text: Every service has a threat model.}
      optimised:
        guidance: Keep going.
  - id: review
    name: Review
    undefined: [optimised]
    stages:
      none: Nothing.
      started: Some.
      managed: Most.
"#;

fn load(text: &str) -> Routemap {
    parse(Path::new("map.yaml"), text).unwrap_or_else(|error| panic!("{error}"))
}

fn problems(text: &str) -> String {
    match parse(Path::new("map.yaml"), text) {
        Ok(_) => "ok".into(),
        Err(error) => error.to_string(),
    }
}

#[test]
fn stages_numbered_from_zero_show_their_own_numbers() {
    let routemap = load(LEVELS);
    assert_eq!(routemap.first_stage, 0);
    assert!(routemap.percent_of_max);
    assert_eq!(routemap.stage_number(0), 0);
    assert_eq!(routemap.stage_label(2), "2 Managed");
    assert_eq!(routemap.stage_with_number(0), Some(0));
    assert_eq!(routemap.stage_with_number(3), Some(3));
    assert_eq!(routemap.stage_with_number(4), None);
    assert_eq!(
        routemap.summary_line(),
        "2 themes, 4 stages numbered 0–3, 1 section, 3 criteria, 1 stage left undefined"
    );

    let from_one = load(&LEVELS.replace("first-stage: 0\n", "first-stage: 1\n"));
    assert_eq!(from_one.stage_label(2), "3 Managed");
    assert_eq!(from_one.stage_with_number(0), None);
    assert_eq!(from_one.stage_with_number(1), Some(0));
    let default = load(&LEVELS.replace("first-stage: 0\n", ""));
    assert_eq!(default, from_one, "numbering from 1 is the default");
    assert!(!load(&LEVELS.replace("percent-of-max: true\n", "")).percent_of_max);
}

#[test]
fn a_stage_may_be_a_mapping_with_guidance_and_criteria() {
    let routemap = load(LEVELS);
    let threats = &routemap.themes[0];
    assert_eq!(threats.weight.value(), 2.0);
    assert_eq!(
        threats.descriptors,
        [
            "No threat modelling.",
            "Threats are modelled for *some* services.",
            "",
            "Measured and improved."
        ],
        "a stage with no descriptor shows the scale's summary, when there is one"
    );
    assert_eq!(threats.details[0], StageDetail::plain());
    let started = &threats.details[1];
    assert_eq!(
        started.guidance.as_deref(),
        Some("Model every service that holds personal data.")
    );
    let ids: Vec<&str> = started.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["list", "model"]);
    assert_eq!(
        threats.criteria(2),
        [Criterion {
            id: "every".into(),
            text: "Every service has a threat model.".into()
        }]
    );
    assert!(threats.has_criteria());
    assert_eq!(threats.highest_defined(), Some(3));
}

#[test]
fn an_undefined_stage_is_skipped_for_its_theme() {
    let routemap = load(LEVELS);
    let review = &routemap.themes[1];
    assert!(!review.is_defined(3));
    assert!(review.is_defined(2));
    assert_eq!(review.descriptors[3], "");
    assert_eq!(review.highest_defined(), Some(2));
    assert_eq!(review.weight, Weight::ONE);
    assert!(!review.has_criteria());
    let single = load(&LEVELS.replace("undefined: [optimised]", "undefined: optimised"));
    assert_eq!(single, routemap, "one stage may be written without a list");
}

#[test]
fn a_criterion_id_repeated_in_a_stage_is_located() {
    let bad = LEVELS.replace("          - id: model\n", "          - id: list\n");
    assert_eq!(
        problems(&bad),
        "map.yaml:33:17: criterion id 'list' is used twice in stage 'started' of theme 'threats'; give each criterion its own id"
    );
    let across = LEVELS.replace("{id: every,", "{id: model,");
    assert_eq!(
        problems(&across),
        "map.yaml:37:18: criterion id 'model' in stage 'managed' of theme 'threats' is already used in stage 'started'; a saved answer records criteria by id, so give each criterion of a theme its own id"
    );
    let in_other_theme = LEVELS.replace(
        "      managed: Most.",
        "      managed:\n        criteria: [{id: list, text: Listed.}]",
    );
    assert_eq!(problems(&in_other_theme), "ok", "ids are the theme's own");
}

#[test]
fn criteria_need_slug_ids_and_text_and_nothing_else() {
    let not_slug = LEVELS.replace("- id: list", "- id: The List");
    assert_eq!(
        problems(&not_slug),
        "map.yaml:31:17: criterion id 'The List' in stage 'started' of theme 'threats' is not a slug; write 'the-list' (lowercase letters, digits and '-')"
    );
    let no_text = LEVELS.replace("text: Every service has a threat model.", "text: ' '");
    assert_eq!(
        problems(&no_text),
        "map.yaml:37:31: criterion 'every' in stage 'managed' of theme 'threats' has no text; say what must hold"
    );
    let extra = LEVELS.replace("{id: every,", "{id: every, proof: x,");
    assert_eq!(
        problems(&extra),
        "map.yaml:37:25: unknown key 'proof' in themes[0].stages.managed.criteria[0]; remove it or use one of 'id', 'text'"
    );
    let missing = LEVELS.replace(
        "{id: every, text: Every service has a threat model.}",
        "{id: every}",
    );
    assert!(
        problems(&missing).starts_with(
            "map.yaml:37:13: 'text' is missing in themes[0].stages.managed.criteria[0]"
        ),
        "{}",
        problems(&missing)
    );
}

#[test]
fn a_stage_mapping_takes_only_its_own_keys() {
    let typo = LEVELS.replace("guidance: Keep going.", "guidence: Keep going.");
    assert_eq!(
        problems(&typo),
        "map.yaml:39:9: unknown key 'guidence' in themes[0].stages.optimised; did you mean 'guidance'?"
    );
    let empty = LEVELS.replace(
        "      optimised:\n        guidance: Keep going.\n",
        "      optimised: {}\n",
    );
    assert_eq!(
        problems(&empty),
        "map.yaml:38:18: stage 'optimised' of theme 'threats' is an empty mapping; write its description as text, or give 'descriptor', 'guidance' or 'criteria'"
    );
    let blank = LEVELS.replace("guidance: Keep going.", "guidance: ''");
    assert_eq!(
        problems(&blank),
        "map.yaml:39:19: the guidance of stage 'optimised' in theme 'threats' is empty; say how to reach the next stage, or leave the key out"
    );
    let list = LEVELS.replace(
        "      none: No threat modelling.",
        "      none: [No threat modelling.]",
    );
    assert_eq!(
        problems(&list),
        "map.yaml:26:13: the value in themes[0].stages.none is a list but should be text, or a mapping of 'descriptor', 'guidance' and 'criteria'"
    );
}

#[test]
fn undefined_used_wrongly_is_located() {
    let unknown = LEVELS.replace("undefined: [optimised]", "undefined: [optimized]");
    assert_eq!(
        problems(&unknown),
        "map.yaml:42:16: theme 'review' leaves stage 'optimized' undefined, but it is not on the scale; did you mean 'optimised'?\nmap.yaml:44:7: theme 'review' does not describe stage 'optimised'; add a line '<stage id>: <what it looks like>' for each, or list it under 'undefined:' if the theme has nothing there"
    );
    let both = LEVELS.replace("undefined: [optimised]", "undefined: [optimised, managed]");
    assert_eq!(
        problems(&both),
        "map.yaml:42:28: theme 'review' both describes stage 'managed' and leaves it undefined; remove it from 'undefined:' or remove its description"
    );
    let twice = LEVELS.replace(
        "undefined: [optimised]",
        "undefined: [optimised, optimised]",
    );
    assert_eq!(
        problems(&twice),
        "map.yaml:42:28: theme 'review' lists stage 'optimised' as undefined twice; keep one"
    );
    let omitted = LEVELS.replace("    undefined: [optimised]\n", "");
    assert!(
        problems(&omitted).ends_with("theme 'review' does not describe stage 'optimised'; add a line '<stage id>: <what it looks like>' for each, or list it under 'undefined:' if the theme has nothing there"),
        "{}",
        problems(&omitted)
    );
    let every = LEVELS.replace(
        "    undefined: [optimised]\n    stages:\n      none: Nothing.\n      started: Some.\n      managed: Most.\n",
        "    undefined: [none, started, managed, optimised]\n    stages: {}\n",
    );
    assert_eq!(
        problems(&every),
        "map.yaml:42:16: theme 'review' leaves every stage undefined; describe at least one stage, or remove the theme"
    );
}

#[test]
fn numbering_and_the_size_of_the_scale() {
    let two = LEVELS.replace("first-stage: 0", "first-stage: 2");
    assert_eq!(
        problems(&two),
        "map.yaml:4:14: first-stage is 2, but stages are numbered from 0 or from 1; write 'first-stage: 0', or leave the key out to number them from 1"
    );
    let scale = |first: &str, count: usize| {
        let mut text = format!("id: m\ntitle: M\nversion: '1'\n{first}stages:\n");
        for n in 0..count {
            text.push_str(&format!("  - {{id: s{n}, name: S{n}}}\n"));
        }
        text.push_str("themes:\n  - id: t\n    name: T\n    stages: {");
        let described: Vec<String> = (0..count).map(|n| format!("s{n}: x")).collect();
        text.push_str(&described.join(", "));
        text.push_str("}\n");
        problems(&text)
    };
    assert_eq!(
        scale("first-stage: 0\n", 10),
        "ok",
        "keys 0 to 9: ten stages"
    );
    assert_eq!(
        scale("first-stage: 0\n", 11),
        "map.yaml:6:3: the scale has 11 stages but at most 10 are allowed (keys 0 to 9 pick a stage); merge some stages"
    );
    assert_eq!(
        scale("", 10),
        "map.yaml:5:3: the scale has 10 stages but at most 9 are allowed (keys 1 to 9 pick a stage); merge some stages, or number them from 0 with 'first-stage: 0' to allow 10"
    );
}

#[test]
fn a_weight_is_a_positive_number() {
    assert_eq!(
        load(&LEVELS.replace("weight: 2", "weight: 0.5")).themes[0]
            .weight
            .value(),
        0.5
    );
    for bad in ["0", "-1", ".nan", ".inf", "1001", "0.0001"] {
        let report = problems(&LEVELS.replace("weight: 2", &format!("weight: {bad}")));
        assert!(
            report.starts_with("map.yaml:24:13: theme 'threats' has weight ")
                && report.ends_with("but a weight is a number from 0.001 to 1000; write e.g. 'weight: 2' to count it twice, or leave the key out"),
            "{bad}: {report}"
        );
    }
    let text = problems(&LEVELS.replace("weight: 2", "weight: heavy"));
    assert!(text.starts_with("map.yaml:24:13: "), "{text}");
}

#[test]
fn descriptors_that_yaml_reads_as_other_things_keep_their_text() {
    let odd = LEVELS
        .replace("none: Nothing.", "none: ~")
        .replace("started: Some.", "started: 0x1F")
        .replace("managed: Most.", "managed: True");
    assert_eq!(load(&odd).themes[1].descriptors[..3], ["~", "0x1F", "True"]);
    let empty = LEVELS.replace("none: Nothing.", "none:");
    assert_eq!(
        problems(&empty),
        "map.yaml:44:12: theme 'review' has an empty description of stage 'none'; say what the theme looks like at that stage"
    );
}

const PRINCIPLED: &str = r#"id: principled
title: Principled
version: "1"
stages:
  - { id: low, name: Low }
  - { id: high, name: High }
principles:
  - id: collaborate
    name: Collaborate
    summary: Share and re-use assets.
  - { id: innovate, name: Innovate }
themes:
  - id: a
    name: A
    principles: [innovate, collaborate]
    stages: { low: Little., high: Much. }
  - id: b
    name: B
    principles: collaborate
    stages: { low: Little., high: Much. }
  - id: c
    name: C
    stages: { low: Little., high: Much. }
"#;

#[test]
fn principles_are_defined_once_and_named_by_themes_in_their_own_order() {
    let routemap = load(PRINCIPLED);
    let ids: Vec<&str> = routemap.principles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["collaborate", "innovate"]);
    assert_eq!(
        routemap.principles[0].summary.as_deref(),
        Some("Share and re-use assets.")
    );
    assert_eq!(routemap.principles[1].summary, None);
    assert_eq!(
        routemap.summary_line(),
        "3 themes, 2 stages, 0 sections, 2 principles"
    );
    let names: Vec<Vec<&str>> = routemap
        .themes
        .iter()
        .map(|theme| routemap.principle_names(theme))
        .collect();
    assert_eq!(
        names,
        [vec!["Innovate", "Collaborate"], vec!["Collaborate"], vec![]]
    );
}

#[test]
fn a_principle_not_defined_or_named_twice_is_an_error_at_the_theme() {
    let unknown = PRINCIPLED.replace("[innovate, collaborate]", "[inovate]");
    assert_eq!(
        problems(&unknown),
        "map.yaml:15:17: theme 'a' names principle 'inovate', which is not defined; did you mean 'innovate'?"
    );
    let twice = PRINCIPLED.replace("[innovate, collaborate]", "[innovate, innovate]");
    assert_eq!(
        problems(&twice),
        "map.yaml:15:17: theme 'a' names principle 'innovate' twice; name it once"
    );
    let none_defined = PRINCIPLED.replace("principles:\n  - id: collaborate\n    name: Collaborate\n    summary: Share and re-use assets.\n  - { id: innovate, name: Innovate }\n", "");
    assert!(
        problems(&none_defined).contains(
            "theme 'a' names principle 'innovate', which is not defined; add a 'principles:' list that defines it, or remove it"
        ),
        "{}",
        problems(&none_defined)
    );
}

#[test]
fn a_principle_needs_a_slug_id_of_its_own_and_a_name() {
    let bad_id = PRINCIPLED.replace(
        "- { id: innovate, name: Innovate }",
        "- { id: Innovate!, name: Innovate }",
    );
    assert!(
        problems(&bad_id).contains("principle id 'Innovate!' is not a slug; write 'innovate'"),
        "{}",
        problems(&bad_id)
    );
    let repeated = PRINCIPLED.replace(
        "- { id: innovate, name: Innovate }",
        "- { id: collaborate, name: Again }",
    );
    assert!(problems(&repeated).contains("principle id 'collaborate' is used twice"));
    let no_name = PRINCIPLED.replace("name: Innovate }", "name: ' ' }");
    assert!(problems(&no_name).contains("the name of principle 'innovate' is empty"));
}
