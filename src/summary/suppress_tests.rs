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
