//! Small-number suppression (`--min-group N`), as official statistics do it.
//!
//! One theme's row of a summary is a small table: the authorities at each stage, at a
//! stage the scale does not have, not applicable and not answered, and the totals made
//! of them. Every total is shown somewhere (the header's count, ANS, `placed`), so the
//! row obeys three sums a reader can use:
//!
//! ```text
//! all authorities = answered + not answered
//! answered        = placed + not on the scale + not applicable
//! placed          = stage 1 + stage 2 + … + stage k
//! ```
//!
//! 1. **Primary suppression**: a figure drawn from 1 to N−1 authorities is withheld.
//! 2. **Secondary suppression**: in every sum with a withheld figure, at least two
//!    figures are withheld (so none is the total less the others), and the withheld
//!    parts cover at least N authorities together (so a reader who subtracts learns only
//!    that N or more sit somewhere among them). The extra figures are the smallest that
//!    will do; a total is withheld only when no part can be. This repeats until every
//!    sum holds.
//! 3. **Medians and quartiles** are shown only where `placed` is shown and each is the
//!    same stage for every way the withheld stage counts could be filled in; otherwise
//!    they would tell something about the figures withheld (two authorities' quartiles
//!    are their two stages).
//!
//! When the whole group is smaller than N, every figure of every theme is withheld.
//! Withheld figures all look alike (`[c]`, empty, `null`): telling which were small and
//! which were withheld to protect them would narrow the range of the small ones.
//!
//! With `--all` a figure can count one authority's several assessments; the threshold
//! is always in distinct authorities.

use crate::report::stats;
use std::collections::BTreeSet;

/// A figure of one theme's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Figure {
    /// Authorities at a stage of the scale, by index.
    Stage(usize),
    /// At a stage the scale does not have.
    NotOnScale,
    NotApplicable,
    Unanswered,
    /// At a stage of the scale: the group medians and quartiles are drawn from.
    Placed,
    /// A stage (on the scale or not) or n/a.
    Answered,
}

/// One theme's row before suppression: per leaf figure (stages, then not on the scale,
/// not applicable, not answered), the assessments counted and which authorities they
/// are (ids, sorted, no repeats).
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub counts: Vec<usize>,
    pub authorities: Vec<Vec<u32>>,
}

impl Row {
    /// An empty row for a scale of `stages` stages.
    pub fn new(stages: usize) -> Row {
        Row {
            counts: vec![0; stages + 3],
            authorities: vec![Vec::new(); stages + 3],
        }
    }

    fn stages(&self) -> usize {
        self.counts.len().saturating_sub(3)
    }

    /// The leaf index of a leaf figure.
    pub fn leaf(&self, figure: Figure) -> Option<usize> {
        let stages = self.stages();
        match figure {
            Figure::Stage(index) if index < stages => Some(index),
            Figure::NotOnScale => Some(stages),
            Figure::NotApplicable => Some(stages + 1),
            Figure::Unanswered => Some(stages + 2),
            _ => None,
        }
    }

    /// Counts one assessment of authority `id` in a leaf figure.
    pub fn add(&mut self, figure: Figure, id: u32) {
        if let Some(leaf) = self.leaf(figure) {
            self.counts[leaf] += 1;
            // Assessments arrive grouped by authority, so a repeat is the last one.
            if self.authorities[leaf].last() != Some(&id) {
                self.authorities[leaf].push(id);
            }
        }
    }

    /// The leaves a figure is the sum of.
    fn leaves(&self, figure: Figure) -> std::ops::Range<usize> {
        let stages = self.stages();
        match figure {
            Figure::Placed => 0..stages,
            Figure::Answered => 0..stages + 2,
            leaf => match self.leaf(leaf) {
                Some(index) => index..index + 1,
                None => 0..0,
            },
        }
    }

    /// The assessments a figure counts.
    pub fn count(&self, figure: Figure) -> usize {
        self.counts[self.leaves(figure)].iter().sum()
    }

    /// The distinct authorities behind some figures together.
    fn authorities_in(&self, figures: &[Figure]) -> usize {
        let mut ids: Vec<u32> = figures
            .iter()
            .flat_map(|&figure| self.leaves(figure))
            .flat_map(|leaf| self.authorities[leaf].iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// Every figure but the whole group's count, which the header shows.
    fn figures(&self) -> Vec<Figure> {
        let mut figures: Vec<Figure> = (0..self.stages()).map(Figure::Stage).collect();
        figures.extend([
            Figure::NotOnScale,
            Figure::NotApplicable,
            Figure::Unanswered,
            Figure::Placed,
            Figure::Answered,
        ]);
        figures
    }

    /// The sums a reader can use: (total, its parts); `None` is the whole group.
    fn sums(&self) -> Vec<(Option<Figure>, Vec<Figure>)> {
        vec![
            (None, vec![Figure::Answered, Figure::Unanswered]),
            (
                Some(Figure::Answered),
                vec![Figure::Placed, Figure::NotOnScale, Figure::NotApplicable],
            ),
            (
                Some(Figure::Placed),
                (0..self.stages()).map(Figure::Stage).collect(),
            ),
        ]
    }
}

/// What may be shown of a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Disclosure {
    pub withheld: BTreeSet<Figure>,
    /// Lower quartile, median and upper quartile stages, each only when it may be shown.
    pub quartiles: [Option<usize>; 3],
}

impl Disclosure {
    pub fn shows(&self, figure: Figure) -> bool {
        !self.withheld.contains(&figure)
    }
}

/// Decides what of `row` may be shown when no figure may be drawn from fewer than
/// `min_group` authorities.
pub fn disclose(row: &Row, min_group: usize) -> Disclosure {
    let every = row.figures();
    let mut withheld: BTreeSet<Figure> = BTreeSet::new();
    if min_group > 1 {
        let everyone = row.authorities_in(&[Figure::Answered, Figure::Unanswered]);
        for &figure in &every {
            let authorities = row.authorities_in(&[figure]);
            if everyone < min_group || (1..min_group).contains(&authorities) {
                withheld.insert(figure);
            }
        }
        protect(row, min_group, &mut withheld);
    }
    let quartiles = if withheld.contains(&Figure::Placed) {
        [None; 3]
    } else {
        quartiles_shown(row, &withheld)
    };
    Disclosure {
        withheld,
        quartiles,
    }
}

/// Secondary suppression: withholds more figures until every sum holds (see the module).
fn protect(row: &Row, min_group: usize, withheld: &mut BTreeSet<Figure>) {
    let sums = row.sums();
    loop {
        let before = withheld.len();
        for (total, parts) in &sums {
            protect_sum(row, min_group, *total, parts, withheld);
        }
        if withheld.len() == before {
            return;
        }
    }
}

fn protect_sum(
    row: &Row,
    min_group: usize,
    total: Option<Figure>,
    parts: &[Figure],
    withheld: &mut BTreeSet<Figure>,
) {
    loop {
        let total_hidden = total.is_some_and(|t| withheld.contains(&t));
        let hidden: Vec<Figure> = parts
            .iter()
            .copied()
            .filter(|p| withheld.contains(p))
            .collect();
        if hidden.is_empty() && !total_hidden {
            return;
        }
        let shown: Vec<Figure> = parts
            .iter()
            .copied()
            .filter(|p| !withheld.contains(p))
            .collect();
        let covered =
            row.authorities_in(&hidden) >= min_group || shown.iter().all(|&p| row.count(p) == 0);
        let two = hidden.len() + usize::from(total_hidden) >= 2;
        if covered && two {
            return;
        }
        // The smallest part that helps: one with authorities in it while the withheld
        // parts cover too few; else any (a zero costs least).
        let pick = shown
            .iter()
            .copied()
            .filter(|&p| covered || row.count(p) > 0)
            .min_by_key(|&p| (row.count(p), p));
        match (pick, total) {
            (Some(part), _) => {
                withheld.insert(part);
            }
            (None, Some(total)) if !total_hidden => {
                withheld.insert(total);
            }
            _ => return,
        }
    }
}

/// The quartiles that are the same stage however the withheld stage counts are filled
/// in (their sum is known, as `placed` is shown): each quantile only moves one way as
/// the withheld authorities move up, so the two extremes decide.
fn quartiles_shown(row: &Row, withheld: &BTreeSet<Figure>) -> [Option<usize>; 3] {
    let at_stage: Vec<usize> = row.counts[..row.stages()].to_vec();
    let hidden: Vec<usize> = (0..at_stage.len())
        .filter(|&i| withheld.contains(&Figure::Stage(i)))
        .collect();
    let (Some(&lowest), Some(&highest)) = (hidden.first(), hidden.last()) else {
        return match stats::quartiles(&at_stage) {
            Some((low, median, high)) => [Some(low), Some(median), Some(high)],
            None => [None; 3],
        };
    };
    let mass: usize = hidden.iter().map(|&i| at_stage[i]).sum();
    let extreme = |at: usize| {
        let mut counts = at_stage.clone();
        for &i in &hidden {
            counts[i] = 0;
        }
        counts[at] = mass;
        counts
    };
    let (low, high) = (extreme(lowest), extreme(highest));
    let fractions = [(1, 4), (1, 2), (3, 4)];
    fractions.map(|(numerator, denominator)| {
        let a = stats::quantile(&low, numerator, denominator);
        let b = stats::quantile(&high, numerator, denominator);
        (a == b).then_some(a).flatten()
    })
}

#[cfg(test)]
#[path = "suppress_tests.rs"]
mod tests;
