//! Ordinal statistics over stages. Stages are ordered but not evenly spaced (nobody can
//! say "Route planned" is twice "Flag planted"), so nothing here adds or divides stage
//! positions: a median or quartile is always a stage that some theme or authority is at.

/// The stage at quantile `numerator / denominator` of a distribution given as counts
/// per stage index, by the nearest-rank rule: the stage of the item at rank
/// ⌈p·n⌉ when the items are ranked lowest stage first. For the median of an even count
/// that is the lower of the two middle items, the more cautious stage, as the workshop
/// takes it.
pub fn quantile(counts: &[usize], numerator: usize, denominator: usize) -> Option<usize> {
    let weights: Vec<u64> = counts.iter().map(|&count| count as u64).collect();
    weighted_quantile(&weights, numerator as u64, denominator as u64)
}

/// [`quantile`] of items that weigh differently: `weights` gives the total weight at
/// each stage index, and the stage is the one holding the point `p` of the way along
/// the weight, items ranked lowest stage first. With equal weights it is exactly the
/// nearest-rank quantile of the items.
pub fn weighted_quantile(weights: &[u64], numerator: u64, denominator: u64) -> Option<usize> {
    let total: u64 = weights.iter().sum();
    if total == 0 || denominator == 0 {
        return None;
    }
    let rank = (u128::from(total) * u128::from(numerator))
        .div_ceil(u128::from(denominator))
        .max(1);
    let mut seen: u128 = 0;
    weights.iter().position(|weight| {
        seen += u128::from(*weight);
        seen >= rank
    })
}

/// The median stage (nearest rank; the lower middle for an even count).
pub fn median(counts: &[usize]) -> Option<usize> {
    quantile(counts, 1, 2)
}

/// The lower quartile, median and upper quartile stages.
pub fn quartiles(counts: &[usize]) -> Option<(usize, usize, usize)> {
    Some((
        quantile(counts, 1, 4)?,
        quantile(counts, 1, 2)?,
        quantile(counts, 3, 4)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_item() {
        // Items at stages 0, 1, 1, 3, 4.
        assert_eq!(median(&[1, 2, 0, 1, 1]), Some(1));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_lower_middle() {
        // Items at stages 0, 4: no averaging to stage 2, which nobody is at.
        assert_eq!(median(&[1, 0, 0, 0, 1]), Some(0));
        assert_eq!(median(&[0, 2, 2]), Some(1));
    }

    #[test]
    fn no_items_no_median() {
        assert_eq!(median(&[0, 0, 0]), None);
        assert_eq!(median(&[]), None);
        assert_eq!(quartiles(&[0, 0]), None);
    }

    #[test]
    fn quartiles_by_nearest_rank() {
        // Eight items: stages 0,0,1,1,2,3,4,4. Ranks 2, 4, 6.
        assert_eq!(quartiles(&[2, 2, 1, 1, 2]), Some((0, 1, 3)));
        // One item: every quartile is its stage.
        assert_eq!(quartiles(&[0, 0, 1]), Some((2, 2, 2)));
    }

    #[test]
    fn weights_move_the_median_and_equal_weights_do_not() {
        // Three themes at stages 0, 1, 2; the one at stage 2 weighs three times as much.
        assert_eq!(weighted_quantile(&[1000, 1000, 3000], 1, 2), Some(2));
        assert_eq!(weighted_quantile(&[1000, 1000, 1000], 1, 2), Some(1));
        for counts in [[1usize, 2, 0, 1, 1], [1, 0, 0, 0, 1], [0, 2, 2, 0, 0]] {
            let weights: Vec<u64> = counts.iter().map(|&c| c as u64 * 1000).collect();
            assert_eq!(weighted_quantile(&weights, 1, 2), median(&counts));
        }
        assert_eq!(weighted_quantile(&[0, 0], 1, 2), None);
    }

    #[test]
    fn the_workshop_and_the_report_agree_on_medians() {
        for counts in [[3u32, 0, 2, 1], [0, 1, 1, 0], [1, 1, 1, 1], [0, 0, 0, 5]] {
            let as_usize: Vec<usize> = counts.iter().map(|&c| c as usize).collect();
            assert_eq!(median(&as_usize), crate::workshop::median(&counts));
        }
    }
}
