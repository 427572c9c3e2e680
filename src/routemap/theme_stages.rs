//! A theme's stages: each described as text or as a mapping (descriptor, guidance,
//! criteria), or listed under `undefined:`. Checked in one pass over what the file
//! gives, with every id looked up by hash, so a large routemap stays linear.

use super::raw::{RawCriterion, RawStageDetail, RawThemeStage};
use super::validate::{Known, Problems, suggestion};
use super::{Criterion, StageDetail};
use crate::text::{is_slug, quoted_names, slugify};
use crate::yaml::{NodePath, OneOrMany, OrderedMap};
use std::collections::HashMap;

/// What a theme's stages are checked against.
pub(super) struct Scale<'r> {
    pub known: &'r Known<'r>,
    /// Each stage's summary on the scale, shown where a theme gives no descriptor.
    pub summaries: &'r [Option<&'r str>],
}

/// One stage as the theme gives it, before the fallbacks.
struct Given {
    descriptor: Option<String>,
    detail: StageDetail,
}

/// The descriptors shown and the details of each stage, by stage index.
pub(super) fn theme_stages(
    theme_id: &str,
    stages: OrderedMap<RawThemeStage>,
    undefined: Option<OneOrMany>,
    path: &NodePath,
    scale: &Scale,
    problems: &mut Problems,
) -> (Vec<String>, Vec<StageDetail>) {
    let order = &scale.known.stage_order;
    let stages_path = path.key("stages");
    let mut given: Vec<Option<Given>> = (0..order.len()).map(|_| None).collect();
    let mut criteria_seen: HashMap<String, usize> = HashMap::new();
    for (stage_id, value) in stages.0 {
        let Some(&index) = scale.known.stage_index.get(stage_id.as_str()) else {
            let fix = suggestion(&stage_id, order, "the stages are", "stages");
            problems.add(
                stages_path.key_name(&stage_id),
                format!("theme '{theme_id}' describes stage '{stage_id}', which is not on the scale; {fix}"),
            );
            continue;
        };
        if given[index].is_some() {
            problems.add(
                stages_path.key_name_nth(&stage_id, 1),
                format!(
                    "theme '{theme_id}' describes stage '{stage_id}' twice; keep one description"
                ),
            );
            continue;
        }
        let at = Place {
            theme_id,
            stage_id: &stage_id,
            path: stages_path.key(&stage_id),
        };
        given[index] = Some(match value {
            RawThemeStage::Text(text) => text_stage(&at, text, problems),
            // Recovered from the file before validation; only a file that changed under
            // us would leave one, and it reads as empty.
            RawThemeStage::Scalar => text_stage(&at, String::new(), problems),
            RawThemeStage::Detail(detail) => {
                detail_stage(&at, detail, index, &mut criteria_seen, order, problems)
            }
        });
    }
    let undefined = undefined_stages(theme_id, undefined, path, scale, &given, problems);
    missing_stages(theme_id, &stages_path, order, &given, &undefined, problems);
    let mut descriptors = Vec::with_capacity(order.len());
    let mut details = Vec::with_capacity(order.len());
    for (index, stage) in given.into_iter().enumerate() {
        let summary = scale.summaries.get(index).copied().flatten();
        match stage {
            Some(Given { descriptor, detail }) => {
                descriptors.push(
                    descriptor
                        .or(summary.map(str::to_string))
                        .unwrap_or_default(),
                );
                details.push(detail);
            }
            None => {
                descriptors.push(String::new());
                details.push(StageDetail {
                    defined: !undefined[index],
                    ..StageDetail::plain()
                });
            }
        }
    }
    (descriptors, details)
}

/// Where a stage of a theme is, for messages.
struct Place<'a> {
    theme_id: &'a str,
    stage_id: &'a str,
    path: NodePath,
}

fn text_stage(at: &Place, text: String, problems: &mut Problems) -> Given {
    if text.trim().is_empty() {
        problems.add(
            at.path.clone(),
            format!("theme '{}' has an empty description of stage '{}'; say what the theme looks like at that stage", at.theme_id, at.stage_id),
        );
    }
    Given {
        descriptor: Some(text.trim_end().to_string()),
        detail: StageDetail::plain(),
    }
}

fn detail_stage(
    at: &Place,
    raw: RawStageDetail,
    stage_index: usize,
    criteria_seen: &mut HashMap<String, usize>,
    order: &[&str],
    problems: &mut Problems,
) -> Given {
    let (theme_id, stage_id) = (at.theme_id, at.stage_id);
    if raw.descriptor.is_none() && raw.guidance.is_none() && raw.criteria.is_none() {
        problems.add(
            at.path.clone(),
            format!("stage '{stage_id}' of theme '{theme_id}' is an empty mapping; write its description as text, or give 'descriptor', 'guidance' or 'criteria'"),
        );
    }
    let mut text_field = |key: &str, text: Option<String>, what: &str| {
        let text = text?;
        if text.trim().is_empty() {
            problems.add(
                at.path.key(key),
                format!("the {key} of stage '{stage_id}' in theme '{theme_id}' is empty; {what}, or leave the key out"),
            );
        }
        Some(text.trim_end().to_string())
    };
    let descriptor = text_field(
        "descriptor",
        raw.descriptor,
        "say what the theme looks like at that stage",
    );
    let guidance = text_field("guidance", raw.guidance, "say how to reach the next stage");
    let criteria = raw
        .criteria
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(position, criterion)| {
            let path = at.path.key("criteria").index(position);
            check_criterion(
                at,
                &criterion,
                &path,
                stage_index,
                criteria_seen,
                order,
                problems,
            );
            Criterion {
                id: criterion.id,
                text: criterion.text.trim_end().to_string(),
            }
        })
        .collect();
    Given {
        descriptor,
        detail: StageDetail {
            defined: true,
            guidance,
            criteria,
        },
    }
}

fn check_criterion(
    at: &Place,
    criterion: &RawCriterion,
    path: &NodePath,
    stage_index: usize,
    seen: &mut HashMap<String, usize>,
    order: &[&str],
    problems: &mut Problems,
) {
    let (theme_id, stage_id, id) = (at.theme_id, at.stage_id, criterion.id.as_str());
    if !is_slug(id) {
        let fix = match slugify(id) {
            suggestion if suggestion.is_empty() => "use lowercase letters, digits and '-'".into(),
            suggestion => format!("write '{suggestion}' (lowercase letters, digits and '-')"),
        };
        problems.add(
            path.key("id"),
            format!("criterion id '{id}' in stage '{stage_id}' of theme '{theme_id}' is not a slug; {fix}"),
        );
    } else if let Some(&first) = seen.get(id) {
        let message = if first == stage_index {
            format!(
                "criterion id '{id}' is used twice in stage '{stage_id}' of theme '{theme_id}'; give each criterion its own id"
            )
        } else {
            format!(
                "criterion id '{id}' in stage '{stage_id}' of theme '{theme_id}' is already used in stage '{}'; a saved answer records criteria by id, so give each criterion of a theme its own id",
                order.get(first).copied().unwrap_or_default()
            )
        };
        problems.add(path.key("id"), message);
    } else {
        seen.insert(id.to_string(), stage_index);
    }
    if criterion.text.trim().is_empty() {
        problems.add(
            path.key("text"),
            format!("criterion '{id}' in stage '{stage_id}' of theme '{theme_id}' has no text; say what must hold"),
        );
    }
}

/// The stages listed under `undefined:`, by stage index.
fn undefined_stages(
    theme_id: &str,
    undefined: Option<OneOrMany>,
    path: &NodePath,
    scale: &Scale,
    given: &[Option<Given>],
    problems: &mut Problems,
) -> Vec<bool> {
    let order = &scale.known.stage_order;
    let mut flags = vec![false; order.len()];
    let listed = undefined.map(|list| list.0).unwrap_or_default();
    let single = listed.len() == 1;
    for (position, stage_id) in listed.iter().enumerate() {
        let at = if single {
            path.key("undefined")
        } else {
            path.key("undefined").index(position)
        };
        match scale.known.stage_index.get(stage_id.as_str()) {
            None => {
                let fix = suggestion(stage_id, order, "the stages are", "stages");
                problems.add(at, format!("theme '{theme_id}' leaves stage '{stage_id}' undefined, but it is not on the scale; {fix}"));
            }
            Some(&index) if flags[index] => problems.add(
                at,
                format!("theme '{theme_id}' lists stage '{stage_id}' as undefined twice; keep one"),
            ),
            Some(&index) if given[index].is_some() => problems.add(
                at,
                format!("theme '{theme_id}' both describes stage '{stage_id}' and leaves it undefined; remove it from 'undefined:' or remove its description"),
            ),
            Some(&index) => flags[index] = true,
        }
    }
    if !flags.is_empty() && flags.iter().all(|flag| *flag) {
        problems.add(
            path.key("undefined"),
            format!("theme '{theme_id}' leaves every stage undefined; describe at least one stage, or remove the theme"),
        );
    }
    flags
}

/// Stages neither described nor listed as undefined: an error (never by omission).
fn missing_stages(
    theme_id: &str,
    stages_path: &NodePath,
    order: &[&str],
    given: &[Option<Given>],
    undefined: &[bool],
    problems: &mut Problems,
) {
    let missing: Vec<&str> = order
        .iter()
        .zip(given.iter().zip(undefined))
        .filter(|(_, (given, undefined))| given.is_none() && !**undefined)
        .map(|(id, _)| *id)
        .take(super::validate::MAX_NAMES_IN_A_MESSAGE)
        .collect();
    if !missing.is_empty() {
        problems.add(
            stages_path.clone(),
            format!(
                "theme '{theme_id}' does not describe stage{} {}; add a line '<stage id>: <what it looks like>' for each, or list {} under 'undefined:' if the theme has nothing there",
                if missing.len() == 1 { "" } else { "s" },
                quoted_names(&missing),
                if missing.len() == 1 { "it" } else { "them" },
            ),
        );
    }
}
