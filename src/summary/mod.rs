//! A region's view of many authorities' assessments of one routemap: per theme, how
//! many authorities sit at each stage, with the median and quartiles (ordinal, by
//! nearest rank: see `report::stats`), small numbers withheld as `suppress` rules.
//! Computed as a `Summary` value from files read one at a time (`scan`), then rendered
//! as text, markdown, CSV or JSON.

pub mod anon;
mod cells;
mod export;
pub mod files;
mod markdown;
mod render;
pub mod scan;
mod section_table;
mod sections;
pub mod suppress;
mod words;

pub use cells::authorities as authorities_words;
pub use export::{to_csv, to_json};
pub use markdown::to_markdown;
pub use render::to_text;
pub use sections::SectionScore;

use crate::routemap::Routemap;
use scan::{Cell, Entry, Group};
pub use suppress::{Disclosure, Figure, Row};

/// One theme across the authorities.
#[derive(Debug, Clone)]
pub struct ThemeSummary {
    pub id: String,
    pub name: String,
    pub section: Option<String>,
    /// Every figure of the theme, before suppression.
    pub row: Row,
    /// What of `row` may be shown (`--min-group`).
    pub disclosure: Disclosure,
    /// The highlighted authority's answer.
    pub highlight: Option<Cell>,
}

impl ThemeSummary {
    /// A figure as it may be shown: `None` when withheld.
    pub fn shown(&self, figure: Figure) -> Option<usize> {
        self.disclosure
            .shows(figure)
            .then(|| self.row.count(figure))
    }

    /// A figure, whether it may be shown or not (for the shade's share, and tests).
    pub fn count(&self, figure: Figure) -> usize {
        self.row.count(figure)
    }

    /// Lower quartile, median and upper quartile stages, each only when it may be shown.
    pub fn quartiles(&self) -> [Option<usize>; 3] {
        self.disclosure.quartiles
    }

    pub fn median(&self) -> Option<usize> {
        self.disclosure.quartiles[1]
    }

    /// True when any figure of the theme is withheld.
    pub fn any_withheld(&self) -> bool {
        !self.disclosure.withheld.is_empty()
    }
}

/// An authority in the summary, by name or by label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub shown_as: String,
    /// Its latest assessment's; none when anonymised (dates tell authorities apart).
    pub updated: Option<String>,
    /// Its assessments counted (more than one only with `--all`).
    pub assessments: usize,
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
    /// One per authority, in name order, or label order when anonymised.
    pub members: Vec<Member>,
    /// How the highlighted authority is shown.
    pub highlight: Option<String>,
    pub anonymised: bool,
    /// Figures drawn from fewer authorities than this are withheld.
    pub min_group: usize,
}

impl Summary {
    /// True when a section's scores may not be shown: drawn from too few (but some)
    /// authorities, or from a theme with a figure withheld (a mean over the section adds
    /// a sum a reader could use to work that figure out).
    pub fn section_suppressed(&self, section: &SectionScore) -> bool {
        section.withheld || (1..self.min_group).contains(&section.authorities)
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

    /// True when some theme has answers at a stage the scale does not have, or that
    /// figure is withheld somewhere (so its column is shown).
    pub fn has_not_on_scale(&self) -> bool {
        self.themes.iter().any(|theme| {
            theme.count(Figure::NotOnScale) > 0 || !theme.disclosure.shows(Figure::NotOnScale)
        })
    }

    /// The figures withheld in all, over the figures the outputs show.
    pub fn withheld(&self) -> usize {
        self.themes
            .iter()
            .map(|theme| theme.disclosure.withheld.len())
            .sum()
    }

    /// Themes whose median or a quartile is withheld while it has authorities placed.
    pub fn quartiles_withheld(&self) -> usize {
        self.themes
            .iter()
            .filter(|theme| {
                theme.count(Figure::Placed) > 0 && theme.quartiles().iter().any(Option::is_none)
            })
            .count()
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

/// How many files were read, and how many of them were not summarised (broken, or of
/// another routemap).
#[derive(Debug, Clone, Copy, Default)]
pub struct Files {
    pub read: usize,
    pub skipped: usize,
}

/// The figure an answer counts in.
fn figure_of(cell: Cell) -> Figure {
    match cell {
        Cell::Unanswered => Figure::Unanswered,
        Cell::NotApplicable => Figure::NotApplicable,
        Cell::Unknown => Figure::NotOnScale,
        Cell::Stage(index) => Figure::Stage(usize::from(index)),
    }
}

/// One id per authority, for entries sorted by authority: entries of the same
/// authority share it.
fn authority_ids(entries: &[&Entry]) -> Vec<u32> {
    let keys: Vec<String> = entries
        .iter()
        .map(|e| scan::authority_key(&e.authority))
        .collect();
    let mut ids: Vec<u32> = Vec::with_capacity(keys.len());
    for (index, key) in keys.iter().enumerate() {
        let id = match ids.last() {
            Some(&last) if keys[index - 1] == *key => last,
            Some(&last) => last + 1,
            None => 0,
        };
        ids.push(id);
    }
    ids
}

/// Marks the `wanted` authority's stages on the themes (the latest of its assessments,
/// as there are several with `--all`); returns its label, if it is a member.
fn highlight(
    entries: &[&Entry],
    ids: &[u32],
    wanted: &str,
    themes: &mut [ThemeSummary],
    members: &Members,
) -> Option<String> {
    let (entry, &id) = entries
        .iter()
        .zip(ids)
        .filter(|(entry, _)| scan::authority_key(&entry.authority) == wanted)
        .max_by(|(a, _), (b, _)| {
            (a.updated, &a.created, a.order).cmp(&(b.updated, &b.created, b.order))
        })?;
    for (theme, cell) in themes.iter_mut().zip(entry.cells.iter()) {
        theme.highlight = Some(*cell);
    }
    members.label_of(id)
}

/// Builds the summary from the scanned entries of `routemap`.
pub fn build(routemap: &Routemap, group: &Group, files: Files, options: &Options) -> Summary {
    let min_group = options.min_group.max(1);
    let mut entries: Vec<&Entry> = group.entries.values().collect();
    entries.sort_by_cached_key(|entry| (scan::authority_key(&entry.authority), entry.order));
    // One id per authority, in name order (entries are sorted by it).
    let ids = authority_ids(&entries);
    let mut rows = vec![Row::new(routemap.stages.len()); routemap.themes.len()];
    for (entry, &id) in entries.iter().zip(&ids) {
        for (row, cell) in rows.iter_mut().zip(entry.cells.iter()) {
            row.add(figure_of(*cell), id);
        }
    }
    let mut themes: Vec<ThemeSummary> = routemap
        .themes
        .iter()
        .zip(rows)
        .map(|(theme, row)| ThemeSummary {
            id: theme.id.clone(),
            name: theme.name.clone(),
            section: routemap.section_of(theme).map(|s| s.name.clone()),
            disclosure: suppress::disclose(&row, min_group),
            row,
            highlight: None,
        })
        .collect();
    let (mut sections, mut overall) = sections::section_scores(routemap, &entries);
    mark_withheld(routemap, &themes, &mut sections, &mut overall);
    let members = members(&entries, &ids, options.anonymise);
    let highlight = options
        .highlight
        .and_then(|wanted| highlight(&entries, &ids, wanted, &mut themes, &members));
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
        files_read: files.read,
        files_skipped: files.skipped,
        assessments: entries.len(),
        authorities: members.list.len(),
        latest_only: options.latest_only,
        members: members.list,
        highlight,
        anonymised: options.anonymise.is_some(),
        min_group,
    }
}

/// Marks the sections (in `section_scores`' order) and all themes whose scores are
/// drawn from a theme with a stage figure withheld.
fn mark_withheld(
    routemap: &Routemap,
    themes: &[ThemeSummary],
    sections: &mut [SectionScore],
    overall: &mut SectionScore,
) {
    let groups = routemap.sections.len() + 1;
    let mut has_themes = vec![false; groups];
    let mut withheld = vec![false; groups];
    for (theme, summary) in routemap.themes.iter().zip(themes) {
        let group = theme.section.unwrap_or(groups - 1);
        has_themes[group] = true;
        let stages = (0..routemap.stages.len()).map(Figure::Stage);
        withheld[group] |= std::iter::once(Figure::Placed)
            .chain(stages)
            .any(|figure| !summary.disclosure.shows(figure));
    }
    let shown_groups = (0..groups).filter(|&group| has_themes[group]);
    for (section, group) in sections.iter_mut().zip(shown_groups) {
        section.withheld = withheld[group];
    }
    overall.withheld = withheld.iter().any(|w| *w);
}

/// The authorities, one each, and how each id is shown.
struct Members {
    list: Vec<Member>,
    /// By authority id.
    shown_as: Vec<String>,
}

impl Members {
    fn label_of(&self, id: u32) -> Option<String> {
        self.shown_as.get(usize::try_from(id).ok()?).cloned()
    }
}

/// One member per authority (its latest name and date), named or labelled.
fn members(entries: &[&Entry], ids: &[u32], anonymise: Option<anon::Key>) -> Members {
    let mut latest: Vec<(&Entry, usize)> = Vec::new();
    for (entry, &id) in entries.iter().zip(ids) {
        let index = usize::try_from(id).unwrap_or(usize::MAX);
        match latest.get_mut(index) {
            Some((kept, count)) => {
                *count += 1;
                if (entry.updated, &entry.created, entry.order)
                    > (kept.updated, &kept.created, kept.order)
                {
                    *kept = entry;
                }
            }
            None => latest.push((entry, 1)),
        }
    }
    let names: Vec<&str> = latest.iter().map(|(e, _)| e.authority.as_str()).collect();
    let keys: Vec<String> = names.iter().map(|n| scan::authority_key(n)).collect();
    let shown_as: Vec<String> = match anonymise {
        Some(key) => {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            anon::labels(&keys, key)
        }
        None => names.iter().map(|n| n.to_string()).collect(),
    };
    let mut list: Vec<Member> = latest
        .iter()
        .zip(&shown_as)
        .map(|((entry, count), shown)| Member {
            shown_as: shown.clone(),
            // Dates can tell authorities apart: an anonymised summary leaves them out.
            updated: if anonymise.is_some() {
                None
            } else {
                entry.updated.map(|u| u.timestamp())
            },
            assessments: *count,
        })
        .collect();
    if anonymise.is_some() {
        list.sort_by(|a, b| {
            a.shown_as
                .len()
                .cmp(&b.shown_as.len())
                .then(a.shown_as.cmp(&b.shown_as))
        });
    }
    Members { list, shown_as }
}

#[cfg(test)]
mod tests;
