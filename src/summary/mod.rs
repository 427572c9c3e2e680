//! A region's view of many authorities' assessments of one routemap: per theme, how
//! many authorities sit at each stage, with the median and quartiles (ordinal, by
//! nearest rank: see `report::stats`). Computed as a `Summary` value from files read
//! one at a time (`scan`), then rendered as text, markdown, CSV or JSON.

pub mod anon;
mod export;
pub mod files;
mod render;
pub mod scan;
mod sections;

pub use export::{to_csv, to_json};
pub use render::{to_markdown, to_text};
pub use sections::SectionScore;

use crate::report::stats;
use crate::routemap::Routemap;
use scan::{Cell, Entry, Scan};

/// One theme across the authorities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSummary {
    pub id: String,
    pub name: String,
    pub section: Option<String>,
    /// Authorities at each stage of the scale, by stage index.
    pub at_stage: Vec<usize>,
    pub not_applicable: usize,
    pub unanswered: usize,
    /// Authorities at a stage the scale does not have.
    pub unknown: usize,
    /// The highlighted authority's answer.
    pub highlight: Option<Cell>,
}

impl ThemeSummary {
    /// Authorities placed at a stage of the scale: the group the figures are drawn from.
    pub fn placed(&self) -> usize {
        self.at_stage.iter().sum()
    }

    /// Authorities that chose a stage (one of the scale or not).
    pub fn answered(&self) -> usize {
        self.placed() + self.unknown
    }

    /// Lower quartile, median and upper quartile stages.
    pub fn quartiles(&self) -> Option<(usize, usize, usize)> {
        stats::quartiles(&self.at_stage)
    }
}

/// An authority in the summary, by name or by label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub shown_as: String,
    pub updated: Option<String>,
}

/// Everything a summary shows.
#[derive(Debug, Clone)]
pub struct Summary {
    pub routemap_id: String,
    pub routemap_title: String,
    pub routemap_version: String,
    pub stages: Vec<String>,
    pub stage_ids: Vec<String>,
    /// The number each stage is shown with ([`Routemap::stage_number`]).
    pub stage_numbers: Vec<usize>,
    pub themes: Vec<ThemeSummary>,
    /// Scores per section (empty without sections), pooled over the authorities.
    pub sections: Vec<SectionScore>,
    /// The same over all themes.
    pub overall: SectionScore,
    /// The routemap asks for the percentage of the maximum (`percent-of-max`).
    pub percent_of_max: bool,
    /// Files read, and those that could not be used.
    pub files_read: usize,
    pub files_skipped: usize,
    /// Assessments counted (one per authority unless `--all`).
    pub assessments: usize,
    pub authorities: usize,
    pub latest_only: bool,
    /// In name order, or label order when anonymised.
    pub members: Vec<Member>,
    /// How the highlighted authority is shown.
    pub highlight: Option<String>,
    pub anonymised: bool,
    /// Figures drawn from fewer authorities than this are suppressed.
    pub min_group: usize,
}

impl Summary {
    /// A count as shown: suppressed (`None`) when it is about fewer than `min_group`
    /// authorities (a zero says nothing about anyone and is shown).
    pub fn shown(&self, count: usize) -> Option<usize> {
        (count == 0 || count >= self.min_group).then_some(count)
    }

    /// True when a section's scores are drawn from too few (but some) authorities.
    pub fn section_suppressed(&self, section: &SectionScore) -> bool {
        (1..self.min_group).contains(&section.authorities)
    }

    /// True when a theme's distribution, median and quartiles are drawn from too few
    /// (but some) authorities.
    pub fn theme_suppressed(&self, theme: &ThemeSummary) -> bool {
        (1..self.min_group).contains(&theme.placed())
    }

    /// The number stage `index` is shown with: the routemap's own.
    pub fn stage_number(&self, index: usize) -> usize {
        self.stage_numbers.get(index).copied().unwrap_or(index + 1)
    }

    /// "3 Route planned".
    pub fn stage_label(&self, index: usize) -> String {
        let number = self.stage_number(index);
        match self.stages.get(index) {
            Some(name) => format!("{number} {name}"),
            None => number.to_string(),
        }
    }
}

/// What the summary is asked for.
pub struct Options<'a> {
    pub latest_only: bool,
    /// The highlighted authority's key (see `scan::authority_key`), when asked.
    pub highlight: Option<&'a str>,
    /// Labels instead of names, with this key.
    pub anonymise: Option<anon::Key>,
    pub min_group: usize,
}

/// Builds the summary from the scanned entries.
pub fn build(routemap: &Routemap, scan: &Scan, options: &Options) -> Summary {
    let mut entries: Vec<&Entry> = scan.entries.values().collect();
    entries.sort_by_cached_key(|entry| (scan::authority_key(&entry.authority), entry.order));
    let mut themes: Vec<ThemeSummary> = routemap
        .themes
        .iter()
        .map(|theme| ThemeSummary {
            id: theme.id.clone(),
            name: theme.name.clone(),
            section: routemap.section_of(theme).map(|s| s.name.clone()),
            at_stage: vec![0; routemap.stages.len()],
            not_applicable: 0,
            unanswered: 0,
            unknown: 0,
            highlight: None,
        })
        .collect();
    for entry in &entries {
        for (theme, cell) in themes.iter_mut().zip(entry.cells.iter()) {
            match cell {
                Cell::Unanswered => theme.unanswered += 1,
                Cell::NotApplicable => theme.not_applicable += 1,
                Cell::Unknown => theme.unknown += 1,
                Cell::Stage(index) => {
                    if let Some(count) = theme.at_stage.get_mut(usize::from(*index)) {
                        *count += 1;
                    }
                }
            }
        }
    }
    let (sections, overall) = sections::section_scores(routemap, &entries);
    let names: Vec<&str> = entries.iter().map(|e| e.authority.as_str()).collect();
    let shown: Vec<String> = match options.anonymise {
        Some(key) => anon::labels(&names, key),
        None => names.iter().map(|n| n.to_string()).collect(),
    };
    let mut highlight = None;
    if let Some(wanted) = options.highlight {
        // The latest of the highlighted authority's assessments (several with --all).
        let chosen = entries
            .iter()
            .zip(&shown)
            .filter(|(entry, _)| scan::authority_key(&entry.authority) == wanted)
            .max_by(|(a, _), (b, _)| {
                (a.updated, &a.created, a.order).cmp(&(b.updated, &b.created, b.order))
            });
        if let Some((entry, label)) = chosen {
            for (theme, cell) in themes.iter_mut().zip(entry.cells.iter()) {
                theme.highlight = Some(*cell);
            }
            highlight = Some(label.clone());
        }
    }
    let mut members: Vec<Member> = entries
        .iter()
        .zip(shown)
        .map(|(entry, shown_as)| Member {
            shown_as,
            // Dates can tell authorities apart: an anonymised summary leaves them out.
            updated: if options.anonymise.is_some() {
                None
            } else {
                entry.updated.map(|u| u.timestamp())
            },
        })
        .collect();
    if options.anonymise.is_some() {
        members.sort_by(|a, b| {
            a.shown_as
                .len()
                .cmp(&b.shown_as.len())
                .then(a.shown_as.cmp(&b.shown_as))
        });
    }
    let mut authorities: Vec<String> = entries
        .iter()
        .map(|e| scan::authority_key(&e.authority))
        .collect();
    authorities.dedup();
    Summary {
        routemap_id: routemap.id.clone(),
        routemap_title: routemap.title.clone(),
        routemap_version: routemap.version.clone(),
        stages: routemap.stages.iter().map(|s| s.name.clone()).collect(),
        stage_ids: routemap.stages.iter().map(|s| s.id.clone()).collect(),
        stage_numbers: (0..routemap.stages.len())
            .map(|index| routemap.stage_number(index))
            .collect(),
        themes,
        sections,
        overall,
        percent_of_max: routemap.percent_of_max,
        files_read: scan.read,
        files_skipped: scan.skipped.len(),
        assessments: entries.len(),
        authorities: authorities.len(),
        latest_only: options.latest_only,
        members,
        highlight,
        anonymised: options.anonymise.is_some(),
        min_group: options.min_group.max(1),
    }
}

#[cfg(test)]
mod tests;
