//! A region's scores per section: every authority's answers to the section's themes
//! pooled, each counted as often as its theme's weight, by the roll-up's rule (the
//! weighted median stage, the mean stage number, the percentage of the maximum).

use super::scan::{Cell, Entry};
use crate::report::score::Score;
use crate::routemap::Routemap;

/// One section's (or all themes') scores across the authorities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore {
    pub name: String,
    /// Authorities placed on at least one of the section's themes.
    pub authorities: usize,
    pub score: Score,
    /// A stage figure of one of its themes is withheld (`--min-group`), so its scores
    /// are too (set by the summary's builder).
    pub withheld: bool,
}

/// The routemap's sections that have themes (then "Other themes" for themes of none,
/// when there are sections), and all themes.
pub fn section_scores(
    routemap: &Routemap,
    entries: &[&Entry],
) -> (Vec<SectionScore>, SectionScore) {
    let stages = routemap.stages.len();
    let group_count = routemap.sections.len() + 1;
    let mut scores: Vec<Score> = vec![Score::new(stages); group_count];
    let mut placed: Vec<usize> = vec![0; group_count];
    let mut overall = Score::new(stages);
    let mut overall_placed = 0;
    // Each theme's group (the last for themes of no section), weight and top number.
    let themes: Vec<(usize, u64, usize)> = routemap
        .themes
        .iter()
        .map(|theme| {
            let top = theme.highest_defined().unwrap_or(stages.saturating_sub(1));
            (
                theme.section.unwrap_or(group_count - 1),
                theme.weight.thousandths(),
                routemap.stage_number(top),
            )
        })
        .collect();
    for entry in entries {
        let mut seen = vec![false; group_count];
        for (cell, (group, weight, top)) in entry.cells.iter().zip(&themes) {
            if let Cell::Stage(index) = cell {
                let index = usize::from(*index);
                let number = routemap.stage_number(index);
                scores[*group].add(index, number, *top, *weight);
                overall.add(index, number, *top, *weight);
                seen[*group] = true;
            }
        }
        for (count, seen) in placed.iter_mut().zip(&seen) {
            *count += usize::from(*seen);
        }
        overall_placed += usize::from(seen.iter().any(|seen| *seen));
    }
    let mut names: Vec<String> = routemap.sections.iter().map(|s| s.name.clone()).collect();
    names.push("Other themes".into());
    let has_themes: Vec<bool> = (0..group_count)
        .map(|group| themes.iter().any(|(g, _, _)| *g == group))
        .collect();
    let sections = if routemap.sections.is_empty() {
        Vec::new()
    } else {
        names
            .into_iter()
            .zip(scores.into_iter().zip(placed))
            .zip(has_themes)
            .filter(|(_, has)| *has)
            .map(|((name, (score, authorities)), _)| SectionScore {
                name,
                authorities,
                score,
                withheld: false,
            })
            .collect()
    };
    let all = SectionScore {
        name: "All themes".into(),
        authorities: overall_placed,
        score: overall,
        withheld: false,
    };
    (sections, all)
}
