//! What a theme's ticked criteria say about its stage: the stage they suggest, and
//! whether a chosen stage is one they do not support. Pure functions of the theme and
//! the ids met; the officer's choice stands, the suggestion is only shown.
//!
//! The rule (also in the README): a stage is *reached by the ticks* when its criteria,
//! and the criteria of every defined stage below it, are all met. The suggestion is the
//! highest stage reached that has criteria of its own, or the lowest defined stage when
//! it has none (a level 0 that asks for nothing). A chosen stage is *not supported* when
//! some defined stage at or below it has a criterion not met. A theme without criteria,
//! or whose checklist has not been used (none of its criteria ticked), suggests nothing
//! and supports any choice: an unused checklist is not evidence against an answer.

use super::Theme;
use std::collections::HashSet;

impl Theme {
    /// Every criterion of the stages the theme defines, in scale order, with its stage.
    pub fn checklist(&self) -> impl Iterator<Item = (usize, &super::Criterion)> {
        self.details
            .iter()
            .enumerate()
            .filter(|(_, detail)| detail.defined)
            .flat_map(|(stage, detail)| detail.criteria.iter().map(move |c| (stage, c)))
    }

    /// The lowest defined stage with a criterion not in `met`.
    fn first_unmet(&self, met: &HashSet<&str>) -> Option<usize> {
        self.details.iter().position(|detail| {
            detail.defined
                && detail
                    .criteria
                    .iter()
                    .any(|criterion| !met.contains(criterion.id.as_str()))
        })
    }

    /// True when some criterion of the theme is among the ids `met`: its checklist has
    /// been used.
    pub fn checklist_used(&self, met: &[String]) -> bool {
        self.checklist()
            .any(|(_, criterion)| met.contains(&criterion.id))
    }

    /// The stage the ticked criteria `met` (criterion ids) suggest, by the module's rule.
    pub fn suggested_stage(&self, met: &[String]) -> Option<usize> {
        if !self.checklist_used(met) {
            return None;
        }
        let met: HashSet<&str> = met.iter().map(String::as_str).collect();
        let reached = self.first_unmet(&met).unwrap_or(self.details.len());
        let lowest = self.details.iter().position(|detail| detail.defined)?;
        (0..reached).rev().find(|&index| {
            let detail = &self.details[index];
            detail.defined && (!detail.criteria.is_empty() || index == lowest)
        })
    }

    /// True when the ticked criteria `met` do not support `chosen` (a stage index): some
    /// defined stage at or below it has a criterion not met.
    pub fn unsupported(&self, chosen: usize, met: &[String]) -> bool {
        if !self.checklist_used(met) {
            return false;
        }
        let met: HashSet<&str> = met.iter().map(String::as_str).collect();
        self.first_unmet(&met).is_some_and(|unmet| chosen >= unmet)
    }
}

#[cfg(test)]
mod tests {
    use crate::routemap::{Criterion, StageDetail, Theme, Weight};

    /// A theme whose stages have these criteria ids; `None` is an undefined stage.
    fn theme(stages: &[Option<&[&str]>]) -> Theme {
        Theme {
            id: "t".into(),
            name: "T".into(),
            section: None,
            principles: Vec::new(),
            question: None,
            vision: None,
            descriptors: vec![String::new(); stages.len()],
            details: stages
                .iter()
                .map(|stage| StageDetail {
                    defined: stage.is_some(),
                    guidance: None,
                    criteria: stage
                        .unwrap_or_default()
                        .iter()
                        .map(|id| Criterion {
                            id: id.to_string(),
                            text: id.to_uppercase(),
                        })
                        .collect(),
                })
                .collect(),
            weight: Weight::ONE,
            actions: Vec::new(),
        }
    }

    fn met(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn the_highest_stage_whose_criteria_and_all_below_are_met() {
        // Level 0 asks nothing; levels 1 to 3 have checklists.
        let levels = theme(&[Some(&[]), Some(&["a", "b"]), Some(&["c"]), Some(&["d"])]);
        assert_eq!(
            levels.suggested_stage(&met(&[])),
            None,
            "an unused checklist suggests nothing"
        );
        assert_eq!(levels.suggested_stage(&met(&["gone"])), None);
        assert_eq!(levels.suggested_stage(&met(&["a"])), Some(0));
        assert_eq!(levels.suggested_stage(&met(&["a", "b"])), Some(1));
        assert_eq!(
            levels.suggested_stage(&met(&["a", "b", "d"])),
            Some(1),
            "level 3's criteria do not count while level 2's are not met"
        );
        assert_eq!(levels.suggested_stage(&met(&["a", "b", "c", "d"])), Some(3));
        assert_eq!(
            levels.suggested_stage(&met(&["d", "c", "b", "a", "gone"])),
            Some(3),
            "order and unknown ids do not matter"
        );
    }

    #[test]
    fn undefined_stages_are_skipped() {
        let gaps = theme(&[Some(&["a"]), None, Some(&["c"])]);
        assert_eq!(gaps.suggested_stage(&met(&["a"])), Some(0));
        assert_eq!(gaps.suggested_stage(&met(&["a", "c"])), Some(2));
        let low_gap = theme(&[None, Some(&[]), Some(&["b"]), Some(&["c"])]);
        assert_eq!(low_gap.suggested_stage(&met(&["c"])), Some(1));
    }

    #[test]
    fn a_stage_without_criteria_above_the_lowest_is_never_suggested() {
        let middle = theme(&[Some(&["a"]), Some(&[]), Some(&["c"])]);
        assert_eq!(middle.suggested_stage(&met(&["a"])), Some(0));
        assert_eq!(
            middle.suggested_stage(&met(&[])),
            None,
            "nothing met at all"
        );
        assert!(
            !middle.unsupported(1, &met(&["a"])),
            "but choosing it is fine"
        );
        assert!(middle.unsupported(2, &met(&["a"])));
    }

    #[test]
    fn no_criteria_no_suggestion_and_every_choice_stands() {
        let plain = theme(&[Some(&[]), Some(&[]), Some(&[])]);
        assert_eq!(plain.suggested_stage(&met(&["x"])), None);
        assert!(!plain.unsupported(2, &met(&[])));
    }

    #[test]
    fn a_choice_is_unsupported_at_or_above_the_first_unmet_criterion() {
        let levels = theme(&[Some(&[]), Some(&["a", "b"]), Some(&["c"])]);
        assert!(!levels.unsupported(0, &met(&["a"])));
        assert!(
            !levels.unsupported(2, &met(&[])),
            "an unused checklist supports any choice"
        );
        assert!(levels.unsupported(1, &met(&["a"])));
        assert!(levels.unsupported(2, &met(&["a"])));
        assert!(!levels.unsupported(1, &met(&["a", "b"])));
        assert!(
            !levels.unsupported(0, &met(&["a", "b", "c"])),
            "choosing below what the ticks show is the officer's caution, not a conflict"
        );
    }
}
