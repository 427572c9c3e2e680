//! When a routemap has too many themes for one spoke each, one spoke per section: each
//! series at the median stage of the section's themes by the roll-up's rule (the stage
//! at the middle of the weight; with equal weights the lower middle for an even count,
//! as the report and the workshop take it), labelled as a median.

use super::{AxisGroup, Radar, Series};
use crate::report::stats;

/// The fewest sections worth a radar; with fewer, bars say more.
const MIN_SECTIONS: usize = 3;

/// The stage at the middle of the weight of the answered (value, weight) pairs.
pub fn weighted_median(values: impl IntoIterator<Item = (Option<usize>, u64)>) -> Option<usize> {
    let mut at_stage: Vec<u64> = Vec::new();
    for (value, weight) in values {
        if let Some(stage) = value {
            if at_stage.len() <= stage {
                at_stage.resize(stage + 1, 0);
            }
            at_stage[stage] += weight;
        }
    }
    stats::weighted_quantile(&at_stage, 1, 2)
}

/// The label of a section's spoke: its name and what the spoke stands for.
pub fn spoke_label(group: &AxisGroup) -> String {
    format!("{} (median of {})", group.name, group.axes.len())
}

/// The radar with one spoke per section, or `None` with too few sections to enclose an
/// area.
pub fn section_radar(radar: &Radar) -> Option<Radar> {
    if radar.groups.len() < MIN_SECTIONS {
        return None;
    }
    let series = radar
        .series
        .iter()
        .map(|series| Series {
            name: series.name.clone(),
            kind: series.kind,
            values: radar
                .groups
                .iter()
                .map(|group| {
                    weighted_median(group.axes.iter().enumerate().map(|(at, axis)| {
                        let weight = group.weights.get(at).copied().unwrap_or(1000);
                        (series.values.get(*axis).copied().flatten(), weight)
                    }))
                })
                .collect(),
        })
        .collect();
    Some(Radar {
        axes: radar.groups.iter().map(spoke_label).collect(),
        stages: radar.stages.clone(),
        first_stage: radar.first_stage,
        series,
        groups: Vec::new(),
    })
}

/// The section holding theme `axis`.
pub fn group_of(radar: &Radar, axis: usize) -> Option<usize> {
    radar
        .groups
        .iter()
        .position(|group| group.axes.contains(&axis))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::SeriesKind;

    fn median<const N: usize>(values: [Option<usize>; N]) -> Option<usize> {
        weighted_median(values.into_iter().map(|value| (value, 1)))
    }

    #[test]
    fn the_median_is_the_lower_middle_of_the_answered() {
        assert_eq!(median([Some(0), Some(4), Some(2)]), Some(2));
        assert_eq!(median([Some(3), Some(0), Some(1), Some(4)]), Some(1));
        assert_eq!(median([None, Some(3), None]), Some(3));
        assert_eq!(median([None, None]), None);
    }

    #[test]
    fn one_spoke_per_section_at_its_median() {
        let group = |name: &str, axes: Vec<usize>| AxisGroup {
            name: name.into(),
            axes,
            weights: Vec::new(),
        };
        let radar = Radar {
            first_stage: 1,
            axes: (0..7).map(|n| format!("Theme {n}")).collect(),
            stages: vec!["Low".into(), "Middle".into(), "High".into()],
            series: vec![Series {
                name: "current".into(),
                kind: SeriesKind::Current,
                values: vec![Some(0), Some(2), Some(2), None, Some(1), Some(0), None],
            }],
            groups: vec![
                group("People", vec![0, 1, 2]),
                group("Money", vec![3, 4]),
                group("Things", vec![5, 6]),
            ],
        };
        let sections = section_radar(&radar).unwrap();
        assert_eq!(
            sections.axes,
            vec![
                "People (median of 3)",
                "Money (median of 2)",
                "Things (median of 2)"
            ]
        );
        assert_eq!(sections.series[0].values, vec![Some(2), Some(1), Some(0)]);
        assert_eq!(group_of(&radar, 4), Some(1));

        let two = Radar {
            first_stage: 1,
            groups: radar.groups[..2].to_vec(),
            ..radar
        };
        assert!(
            section_radar(&two).is_none(),
            "two sections enclose no area"
        );
    }

    #[test]
    fn a_sections_spoke_is_its_weighted_median() {
        let radar = Radar {
            axes: (0..6).map(|n| format!("Theme {n}")).collect(),
            stages: vec!["Low".into(), "Middle".into(), "High".into()],
            first_stage: 0,
            series: vec![Series {
                name: "current".into(),
                kind: SeriesKind::Current,
                values: vec![Some(0), Some(2), Some(1), Some(1), Some(0), Some(2)],
            }],
            groups: vec![
                AxisGroup {
                    name: "Heavy top".into(),
                    axes: vec![0, 1],
                    weights: vec![1000, 3000],
                },
                AxisGroup {
                    name: "Even".into(),
                    axes: vec![2, 3],
                    weights: Vec::new(),
                },
                AxisGroup {
                    name: "Heavy bottom".into(),
                    axes: vec![4, 5],
                    weights: vec![3000, 1000],
                },
            ],
        };
        let sections = section_radar(&radar).unwrap();
        assert_eq!(sections.series[0].values, vec![Some(2), Some(1), Some(0)]);
        assert_eq!(
            sections.first_stage, 0,
            "the rings keep the routemap's numbers"
        );
    }
}
