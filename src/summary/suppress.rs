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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A row of one assessment per authority: counts per leaf (stages, not on the
    /// scale, n/a, not answered).
    fn row(counts: &[usize]) -> Row {
        let mut row = Row::new(counts.len() - 3);
        let mut id = 0;
        for (leaf, &count) in counts.iter().enumerate() {
            for _ in 0..count {
                row.counts[leaf] += 1;
                row.authorities[leaf].push(id);
                id += 1;
            }
        }
        row
    }

    fn shown(row: &Row, disclosure: &Disclosure, figure: Figure) -> Option<usize> {
        disclosure.shows(figure).then(|| row.count(figure))
    }

    #[test]
    fn the_hidden_cell_cannot_be_had_by_subtracting_from_the_total() {
        // Stages 9, 4, 5, 8, 6 of 32: the 4 is small, and hiding it alone would leave
        // it as 32 less the others.
        let row = row(&[9, 4, 5, 8, 6, 0, 0, 0]);
        let disclosure = disclose(&row, 5);
        assert!(!disclosure.shows(Figure::Stage(1)));
        let hidden_stages: Vec<usize> = (0..5)
            .filter(|&i| !disclosure.shows(Figure::Stage(i)))
            .collect();
        assert_eq!(hidden_stages, [1, 2], "the next smallest goes with it");
        assert!(disclosure.shows(Figure::Placed));
    }

    #[test]
    fn two_authorities_give_nothing_away_in_their_quartiles() {
        let row = row(&[1, 0, 1, 0, 0, 0, 0]);
        let disclosure = disclose(&row, 2);
        assert_eq!(disclosure.quartiles, [None, None, None]);
        assert!(!disclosure.shows(Figure::Stage(0)));
        assert!(!disclosure.shows(Figure::Stage(2)));
    }

    #[test]
    fn n_a_and_not_answered_cannot_be_had_from_the_group_count() {
        // 10 authorities: 8 placed, 1 n/a, 1 not answered.
        let row = row(&[4, 4, 0, 1, 1]);
        let disclosure = disclose(&row, 3);
        for figure in [Figure::NotApplicable, Figure::Unanswered] {
            assert!(!disclosure.shows(figure), "{figure:?}");
        }
        // Answered (9) less placed (8) would give n/a: one of them goes too.
        assert!(!disclosure.shows(Figure::Answered) || !disclosure.shows(Figure::Placed));
    }

    #[test]
    fn a_group_smaller_than_the_minimum_shows_nothing() {
        let row = row(&[2, 0, 0, 0, 0]);
        let disclosure = disclose(&row, 3);
        assert!(
            disclosure.withheld.contains(&Figure::Stage(1)),
            "even zeros"
        );
        assert_eq!(disclosure.withheld.len(), 7);
        assert_eq!(disclosure.quartiles, [None; 3]);
    }

    #[test]
    fn nothing_is_withheld_without_a_minimum() {
        let row = row(&[1, 0, 2, 0, 0, 1]);
        let disclosure = disclose(&row, 1);
        assert!(disclosure.withheld.is_empty());
        assert_eq!(disclosure.quartiles, [Some(0), Some(2), Some(2)]);
    }

    #[test]
    fn several_assessments_of_one_authority_are_one_authority() {
        // With --all: three assessments at stage 1, all of one authority.
        let mut row = Row::new(2);
        for _ in 0..3 {
            row.add(Figure::Stage(0), 7);
        }
        for id in 0..4 {
            row.add(Figure::Stage(1), id);
        }
        assert_eq!(row.count(Figure::Stage(0)), 3);
        let disclosure = disclose(&row, 2);
        assert!(!disclosure.shows(Figure::Stage(0)));
    }

    /// Every way to share `total` authorities among `leaves` figures.
    fn compositions(total: usize, leaves: usize) -> Vec<Vec<usize>> {
        if leaves == 1 {
            return vec![vec![total]];
        }
        (0..=total)
            .flat_map(|first| {
                compositions(total - first, leaves - 1)
                    .into_iter()
                    .map(move |mut rest| {
                        rest.insert(0, first);
                        rest
                    })
            })
            .collect()
    }

    proptest! {
        /// A reader who knows the rules and every figure shown cannot pin down a figure
        /// withheld (it takes two values or more among the rows that show the same),
        /// the withheld parts of every sum cover at least N authorities unless nothing
        /// shown could add to them, and every quartile shown is the same in all of them.
        #[test]
        fn no_withheld_figure_can_be_worked_out(
            counts in proptest::collection::vec(0usize..4, 6),
            min_group in 2usize..5,
        ) {
            let original = row(&counts);
            let disclosure = disclose(&original, min_group);
            let total: usize = counts.iter().sum();
            // A summary always has someone in it.
            prop_assume!(total > 0);
            let figures = original.figures();
            let published = |r: &Row| -> Vec<Option<usize>> {
                figures.iter().map(|&f| shown(r, &disclosure, f)).collect()
            };
            let seen = published(&original);
            let alike: Vec<Row> = compositions(total, counts.len())
                .iter()
                .map(|c| row(c))
                .filter(|r| published(r) == seen)
                .collect();
            for &figure in &disclosure.withheld {
                let values: BTreeSet<usize> = alike.iter().map(|r| r.count(figure)).collect();
                prop_assert!(values.len() >= 2, "{figure:?} is {values:?} in {counts:?}, N {min_group}: {disclosure:?}");
            }
            for r in &alike {
                let quartiles = stats::quartiles(&r.counts[..r.stages()]);
                for (index, shown) in disclosure.quartiles.iter().enumerate() {
                    if let Some(stage) = shown {
                        let all = quartiles.map(|(a, b, c)| [a, b, c][index]);
                        prop_assert_eq!(all, Some(*stage));
                    }
                }
            }
            if total >= min_group {
                for (sum_total, parts) in original.sums() {
                    let hidden: Vec<Figure> = parts.iter().copied().filter(|p| !disclosure.shows(*p)).collect();
                    let could_add = parts.iter().any(|&p| disclosure.shows(p) && original.count(p) > 0);
                    let total_shown = sum_total.is_none_or(|t| disclosure.shows(t));
                    if !hidden.is_empty() && total_shown {
                        prop_assert!(original.authorities_in(&hidden) >= min_group || !could_add);
                    }
                }
            }
        }
    }
}
