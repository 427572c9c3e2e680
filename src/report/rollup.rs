//! The roll-up: per section and overall, how many themes are answered (with a stage, or
//! not applicable), unanswered and carried over, how the themes spread over the stages, the median
//! current and target stage (an ordinal median: see `stats`), and the scores: the mean
//! stage number and, where the routemap asks for it, the percentage of the maximum.
//!
//! The scoring rule (also in the README): only themes at a stage of the scale count
//! (n/a, unanswered and stages the scale lacks are left out), each as much as its
//! `weight` (1 unless the routemap gives one). The median is the stage at the middle of
//! the weight, themes ranked lowest stage first (with equal weights: the middle theme,
//! the lower of two). The mean is Σ weight × stage number / Σ weight, using the
//! routemap's own numbers. The percentage of the maximum is Σ weight × stage number /
//! Σ weight × the number of the theme's highest defined stage, × 100.

use super::score::Score;
use super::{Place, ThemeRow, stats};
use crate::routemap::{Routemap, Theme};

/// The figures of one group of themes.
///
/// "Answered" means one thing across routemap: a current stage chosen or the theme
/// marked not applicable ([`Tally::answered`]). `with_stage` and `not_applicable` are
/// its two parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    /// The section (an index into the routemap's) whose themes these are; `None` for
    /// all themes, and for the themes of no section.
    pub section: Option<usize>,
    pub themes: usize,
    /// A current stage chosen (one the scale has or not).
    pub with_stage: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
    /// Carried over by `new --from` and not yet confirmed (counted in the above too).
    pub carried: usize,
    /// Themes at each stage of the scale, by stage index.
    pub at_stage: Vec<usize>,
    /// Themes at a stage the scale does not have.
    pub unknown_stage: usize,
    /// Themes with a target set (a stage the scale has, or, against a stand-in
    /// routemap, any stage saved).
    pub with_target: usize,
    /// Themes whose current stage is below their target (known only when both are
    /// stages of the scale).
    pub below_target: usize,
    /// Targets at each stage, by stage index.
    pub target_at_stage: Vec<usize>,
    /// The scores of the themes now at a stage of the scale.
    pub score: Score,
    /// The weight (in thousandths) of the targets at each stage, by stage index.
    pub target_weight_at_stage: Vec<u64>,
}

impl Tally {
    fn new(stages: usize) -> Tally {
        Tally {
            at_stage: vec![0; stages],
            target_at_stage: vec![0; stages],
            score: Score::new(stages),
            target_weight_at_stage: vec![0; stages],
            ..Tally::default()
        }
    }

    fn add(&mut self, theme: &ThemeRow, routemap: &Routemap, definition: Option<&Theme>) {
        self.themes += 1;
        let weight = definition.map_or(1000, |t| t.weight.thousandths());
        match &theme.current {
            Place::None => self.unanswered += 1,
            Place::NotApplicable => self.not_applicable += 1,
            Place::Stage(index) => {
                self.with_stage += 1;
                self.at_stage[*index] += 1;
                let top = definition
                    .and_then(Theme::highest_defined)
                    .unwrap_or(routemap.stages.len().saturating_sub(1));
                self.score.add(
                    *index,
                    routemap.stage_number(*index),
                    routemap.stage_number(top),
                    weight,
                );
            }
            Place::Unknown(_) => {
                self.with_stage += 1;
                self.unknown_stage += 1;
            }
        }
        if theme.carried {
            self.carried += 1;
        }
        match theme.target {
            Place::Stage(index) => {
                self.with_target += 1;
                self.target_at_stage[index] += 1;
                self.target_weight_at_stage[index] += weight;
            }
            Place::Unknown(_) => self.with_target += 1,
            Place::None | Place::NotApplicable => {}
        }
        if theme.gap.is_some_and(|gap| gap > 0) {
            self.below_target += 1;
        }
    }

    /// Themes answered: a current stage chosen, or marked not applicable.
    pub fn answered(&self) -> usize {
        self.with_stage + self.not_applicable
    }

    /// The median current stage of the themes at a stage of the scale, by weight.
    pub fn median_current(&self) -> Option<usize> {
        self.score.median()
    }

    /// The median target stage of the themes with a target, by weight.
    pub fn median_target(&self) -> Option<usize> {
        stats::weighted_quantile(&self.target_weight_at_stage, 1, 2)
    }

    /// The weighted mean stage number of the themes at a stage of the scale.
    pub fn mean_number(&self) -> Option<f64> {
        self.score.mean_number()
    }

    /// The percentage of the maximum (see [`Score::percent_of_max`]).
    pub fn percent_of_max(&self) -> Option<f64> {
        self.score.percent_of_max()
    }
}

/// The roll-up of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollUp {
    /// The routemap asks for scores as a percentage of the maximum (`percent-of-max`).
    pub percent_of_max: bool,
    pub overall: Tally,
    /// One per section that has themes, in routemap order: (section name, tally).
    /// Themes of no section, when the routemap has sections, come last as "Other themes".
    pub sections: Vec<(String, Tally)>,
}

impl RollUp {
    pub fn of(routemap: &Routemap, themes: &[ThemeRow]) -> RollUp {
        let stages = routemap.stages.len();
        let mut overall = Tally::new(stages);
        let mut by_section: Vec<Tally> = (0..routemap.sections.len())
            .map(|index| Tally {
                section: Some(index),
                ..Tally::new(stages)
            })
            .collect();
        let mut other = Tally::new(stages);
        for (index, theme) in themes.iter().enumerate() {
            // The rows are the routemap's themes, in its order.
            let definition = routemap.themes.get(index).filter(|t| t.id == theme.id);
            overall.add(theme, routemap, definition);
            match theme.section.and_then(|index| by_section.get_mut(index)) {
                Some(tally) => tally.add(theme, routemap, definition),
                None => other.add(theme, routemap, definition),
            }
        }
        let mut sections: Vec<(String, Tally)> = routemap
            .sections
            .iter()
            .zip(by_section)
            .filter(|(_, tally)| tally.themes > 0)
            .map(|(section, tally)| (section.name.clone(), tally))
            .collect();
        if !sections.is_empty() && other.themes > 0 {
            sections.push(("Other themes".into(), other));
        }
        RollUp {
            percent_of_max: routemap.percent_of_max,
            overall,
            sections,
        }
    }
}
