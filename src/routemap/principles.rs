//! Principles: ideas that run across themes, such as Planting the Flag's collaborate,
//! redesign and innovate. The routemap defines them once, under `principles:`, and each
//! theme names those it bears on, so a report can show them theme by theme.

use super::Principle;
use super::raw::RawPrinciple;
use super::validate::{Known, Problems, non_blank, suggestion};
use crate::yaml::{NodePath, OneOrMany};
use std::collections::{HashMap, HashSet};

/// Each principle's id and name.
pub(super) fn check(principles: &[RawPrinciple], root: &NodePath, problems: &mut Problems) {
    let path = root.key("principles");
    let mut ids = HashMap::new();
    for (index, principle) in principles.iter().enumerate() {
        let at = path.index(index);
        problems.check_id("principle", &principle.id, at.key("id"), &mut ids, index);
        problems.check_text(
            &format!("the name of principle '{}'", principle.id),
            &principle.name,
            at.key("name"),
        );
    }
}

/// The principles as the model holds them.
pub(super) fn build(principles: Vec<RawPrinciple>) -> Vec<Principle> {
    principles
        .into_iter()
        .map(|principle| Principle {
            id: principle.id,
            name: principle.name.trim().to_string(),
            summary: non_blank(principle.summary),
        })
        .collect()
}

/// The principles a theme names, as indexes: each must be defined, and named once.
pub(super) fn of_theme(
    theme_id: &str,
    named: Option<OneOrMany>,
    path: &NodePath,
    known: &Known,
    problems: &mut Problems,
) -> Vec<usize> {
    let path = path.key("principles");
    let mut seen = HashSet::new();
    let mut indexes = Vec::new();
    for id in named.map(|named| named.0).unwrap_or_default() {
        let Some(&index) = known.principle_index.get(id.as_str()) else {
            let fix = if known.principle_order.is_empty() {
                "add a 'principles:' list that defines it, or remove it".to_string()
            } else {
                suggestion(&id, &known.principle_order, "use one of", "principles")
            };
            problems.add(
                path.clone(),
                format!("theme '{theme_id}' names principle '{id}', which is not defined; {fix}"),
            );
            continue;
        };
        if seen.insert(index) {
            indexes.push(index);
        } else {
            problems.add(
                path.clone(),
                format!("theme '{theme_id}' names principle '{id}' twice; name it once"),
            );
        }
    }
    indexes
}
