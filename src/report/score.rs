//! Scores of a group of themes (a section, all themes; in a summary, across
//! authorities): the weighted median stage, the weighted mean stage number and the
//! percentage of the maximum. One value, added to one answer at a time, so the report,
//! the summary and the radar use the one rule (written in the README and in `rollup`).
//!
//! Weights are counted in thousandths ([`crate::routemap::Weight::thousandths`]), so
//! every sum is a whole number and every comparison exact.

use super::stats;

/// The running sums of a group's scores.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Score {
    /// The weight of the answers at each stage, by stage index.
    pub weight_at_stage: Vec<u64>,
    /// Σ weight × stage number.
    pub number_sum: u64,
    /// Σ weight × the number of the highest stage the theme defines.
    pub top_sum: u64,
}

impl Score {
    pub fn new(stages: usize) -> Score {
        Score {
            weight_at_stage: vec![0; stages],
            ..Score::default()
        }
    }

    /// Counts one answer: at stage `index` (shown as `number`) of a theme whose highest
    /// defined stage is numbered `top`, weighing `weight` thousandths.
    pub fn add(&mut self, index: usize, number: usize, top: usize, weight: u64) {
        if let Some(at) = self.weight_at_stage.get_mut(index) {
            *at += weight;
            self.number_sum += weight * number as u64;
            self.top_sum += weight * top as u64;
        }
    }

    /// The total weight counted.
    pub fn weight(&self) -> u64 {
        self.weight_at_stage.iter().sum()
    }

    /// The stage (an index) at the middle of the weight, themes ranked lowest first.
    pub fn median(&self) -> Option<usize> {
        stats::weighted_quantile(&self.weight_at_stage, 1, 2)
    }

    /// Σ weight × stage number / Σ weight.
    pub fn mean_number(&self) -> Option<f64> {
        let weight = self.weight();
        (weight > 0).then(|| self.number_sum as f64 / weight as f64)
    }

    /// Σ weight × stage number as a percentage of Σ weight × the highest number each
    /// theme can reach; `None` with nothing counted (or nothing to reach).
    pub fn percent_of_max(&self) -> Option<f64> {
        (self.top_sum > 0).then(|| 100.0 * self.number_sum as f64 / self.top_sum as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_mean_median_and_percent() {
        // Stages numbered 0 to 3; a theme of weight 2 at 1, one of weight 1 at 2.
        let mut score = Score::new(4);
        score.add(1, 1, 3, 2000);
        score.add(2, 2, 3, 1000);
        assert_eq!(score.median(), Some(1));
        assert_eq!(score.mean_number(), Some(4.0 / 3.0));
        assert_eq!(score.percent_of_max(), Some(100.0 * 4.0 / 9.0));
        assert_eq!(score.weight(), 3000);
    }

    #[test]
    fn a_theme_that_stops_short_is_full_at_its_own_top() {
        let mut score = Score::new(4);
        score.add(2, 2, 2, 1000);
        assert_eq!(score.percent_of_max(), Some(100.0));
    }

    #[test]
    fn nothing_counted_no_score() {
        let score = Score::new(3);
        assert_eq!(score.median(), None);
        assert_eq!(score.mean_number(), None);
        assert_eq!(score.percent_of_max(), None);
        let mut bottom = Score::new(3);
        bottom.add(0, 0, 0, 1000);
        assert_eq!(
            bottom.percent_of_max(),
            None,
            "a top of 0 is nothing to reach"
        );
        assert_eq!(bottom.mean_number(), Some(0.0));
    }
}
