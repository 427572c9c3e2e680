//! The roll-up: per section and overall, how many themes are answered (with a stage, or
//! not applicable), unanswered and carried over, how the themes spread over the stages, and the median
//! current and target stage (an ordinal median: see `stats`).

use super::{Place, ThemeRow, stats};
use crate::routemap::Routemap;

/// The figures of one group of themes.
///
/// "Answered" means one thing across routemap: a current stage chosen or the theme
/// marked not applicable ([`Tally::answered`]). `with_stage` and `not_applicable` are
/// its two parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub themes: usize,
    /// A current stage chosen (one the scale has or not).
    pub with_stage: usize,
    /// The same count as `with_stage`, under the name the review's roll-up box in the
    /// full-screen program (src/tui/view/rollup.rs) still reads, adding n/a itself. Kept
    /// only until that box reads [`Tally::answered`]; use `with_stage` elsewhere.
    #[doc(hidden)]
    pub answered: usize,
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
}

impl Tally {
    fn new(stages: usize) -> Tally {
        Tally {
            at_stage: vec![0; stages],
            target_at_stage: vec![0; stages],
            ..Tally::default()
        }
    }

    fn add(&mut self, theme: &ThemeRow) {
        self.themes += 1;
        match &theme.current {
            Place::None => self.unanswered += 1,
            Place::NotApplicable => self.not_applicable += 1,
            Place::Stage(index) => {
                self.with_stage += 1;
                self.at_stage[*index] += 1;
            }
            Place::Unknown(_) => {
                self.with_stage += 1;
                self.unknown_stage += 1;
            }
        }
        self.answered = self.with_stage;
        if theme.carried {
            self.carried += 1;
        }
        match theme.target {
            Place::Stage(index) => {
                self.with_target += 1;
                self.target_at_stage[index] += 1;
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

    /// The median current stage of the themes at a stage of the scale.
    pub fn median_current(&self) -> Option<usize> {
        stats::median(&self.at_stage)
    }

    /// The median target stage of the themes with a target.
    pub fn median_target(&self) -> Option<usize> {
        stats::median(&self.target_at_stage)
    }
}

/// The roll-up of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollUp {
    pub overall: Tally,
    /// One per section that has themes, in routemap order: (section name, tally).
    /// Themes of no section, when the routemap has sections, come last as "Other themes".
    pub sections: Vec<(String, Tally)>,
}

impl RollUp {
    pub fn of(routemap: &Routemap, themes: &[ThemeRow]) -> RollUp {
        let stages = routemap.stages.len();
        let mut overall = Tally::new(stages);
        let mut by_section: Vec<Tally> = vec![Tally::new(stages); routemap.sections.len()];
        let mut other = Tally::new(stages);
        for theme in themes {
            overall.add(theme);
            match theme.section.and_then(|index| by_section.get_mut(index)) {
                Some(tally) => tally.add(theme),
                None => other.add(theme),
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
        RollUp { overall, sections }
    }
}
