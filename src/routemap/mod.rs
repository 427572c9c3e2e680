//! The model users write: a routemap of themes and the ordered stages each can be at.

mod checklist;
mod load;
mod principles;
mod raw;
mod theme_stages;
mod validate;

pub use load::{load_file, parse};

/// The highest number a stage can be shown with: keys `0`…`9` pick a stage.
pub const LAST_STAGE_NUMBER: usize = 9;
/// The most stages a scale numbered from 1 may have (keys `1`…`9`); numbered from 0 it
/// may have one more (see [`Routemap::max_stages`]).
pub const MAX_STAGES: usize = 9;
/// The fewest stages that make a scale.
pub const MIN_STAGES: usize = 2;

/// A validated routemap: every id unique, every theme describing (or explicitly leaving
/// undefined) every stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routemap {
    pub id: String,
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub source: Option<String>,
    /// The number the lowest stage is shown with: 1 unless the file says `first-stage: 0`.
    /// Every screen and output shows [`Routemap::stage_number`], never a position.
    pub first_stage: usize,
    /// Section scores are also given as a percentage of the maximum (`percent-of-max`).
    pub percent_of_max: bool,
    /// The maturity scale, lowest first.
    pub stages: Vec<Stage>,
    pub sections: Vec<Section>,
    /// Ideas that run across themes (Planting the Flag's collaborate, redesign,
    /// innovate), each theme naming those it bears on so a report can show them.
    pub principles: Vec<Principle>,
    pub themes: Vec<Theme>,
}

/// One step of the maturity scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
}

/// A named group of themes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub name: String,
}

/// An idea that runs across themes, such as a strategy's principle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principle {
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
}

/// One thing to assess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub name: String,
    /// Index into [`Routemap::sections`].
    pub section: Option<usize>,
    /// Indexes into [`Routemap::principles`], in the order the theme names them.
    pub principles: Vec<usize>,
    pub question: Option<String>,
    pub vision: Option<String>,
    /// What the theme looks like at each stage, by stage index (same length as the
    /// scale): the theme's own descriptor, else the scale's summary of the stage, else
    /// empty. Empty for a stage the theme leaves undefined.
    pub descriptors: Vec<String>,
    /// The rest of each stage, by stage index (same length as the scale).
    pub details: Vec<StageDetail>,
    /// How much the theme counts in its section's scores.
    pub weight: Weight,
    /// What each key player should do now, in file order: (role, actions).
    pub actions: Vec<(String, Vec<String>)>,
}

/// A theme's stage beyond its descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDetail {
    /// False when the routemap lists the stage under the theme's `undefined:`: the
    /// theme has nothing at that stage, and it is skipped for it.
    pub defined: bool,
    /// How to reach the next stage from this one.
    pub guidance: Option<String>,
    /// What must all hold for the theme to be at this stage (the evidence checklist).
    pub criteria: Vec<Criterion>,
}

impl StageDetail {
    /// A stage described by its descriptor alone (as every stage of a routemap without
    /// the newer keys is).
    pub fn plain() -> StageDetail {
        StageDetail {
            defined: true,
            guidance: None,
            criteria: Vec::new(),
        }
    }
}

/// One item of a stage's checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    /// A slug, unique within the theme: a saved answer records the ids it meets.
    pub id: String,
    pub text: String,
}

/// A theme's weight in scores: a positive, finite number (1 unless the file gives one).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Weight(f64);

// The loader admits only finite positive weights, so no weight is NaN and equality is
// an equivalence.
impl Eq for Weight {}

impl Weight {
    /// The most a weight may be: weights are relative, and this keeps every sum finite.
    pub const MAX: f64 = 1000.0;
    /// The weight of a theme that gives none.
    pub const ONE: Weight = Weight(1.0);

    /// The least a weight may be: scores count weights in thousandths.
    pub const MIN: f64 = 0.001;

    /// A weight, when `value` is one the loader admits.
    pub fn new(value: f64) -> Option<Weight> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Weight(value))
    }

    pub fn value(self) -> f64 {
        self.0
    }

    /// The weight in thousandths, as scores add it up: whole numbers, so every sum and
    /// comparison is exact.
    pub fn thousandths(self) -> u64 {
        // At most 1,000,000 by construction, so the cast cannot overflow.
        (self.0 * 1000.0).round() as u64
    }
}

impl Default for Weight {
    fn default() -> Self {
        Weight::ONE
    }
}

impl Theme {
    /// False for a stage the theme leaves undefined (or one beyond the scale).
    pub fn is_defined(&self, stage_index: usize) -> bool {
        self.details.get(stage_index).is_some_and(|d| d.defined)
    }

    /// The highest stage the theme defines.
    pub fn highest_defined(&self) -> Option<usize> {
        self.details.iter().rposition(|detail| detail.defined)
    }

    /// The checklist of a stage (empty when it has none).
    pub fn criteria(&self, stage_index: usize) -> &[Criterion] {
        self.details
            .get(stage_index)
            .map_or(&[], |detail| detail.criteria.as_slice())
    }

    /// True when any stage of the theme has a checklist.
    pub fn has_criteria(&self) -> bool {
        self.details
            .iter()
            .any(|detail| !detail.criteria.is_empty())
    }
}

impl Routemap {
    /// The number stage `stage_index` is shown with, everywhere: the routemap's own
    /// numbering (from 0 or from 1), never a shifted position.
    pub fn stage_number(&self, stage_index: usize) -> usize {
        stage_index + self.first_stage
    }

    /// The stage shown with `number`, if the scale has one.
    pub fn stage_with_number(&self, number: usize) -> Option<usize> {
        number
            .checked_sub(self.first_stage)
            .filter(|index| *index < self.stages.len())
    }

    /// "3 Route planned": a stage's number and name.
    pub fn stage_label(&self, stage_index: usize) -> String {
        let number = self.stage_number(stage_index);
        match self.stages.get(stage_index) {
            Some(stage) => format!("{number} {}", stage.name),
            None => number.to_string(),
        }
    }

    /// The most stages the scale may have: keys `1`…`9`, or `0`…`9` numbered from 0.
    pub fn max_stages(first_stage: usize) -> usize {
        LAST_STAGE_NUMBER + 1 - first_stage.min(1)
    }

    /// The index of a stage on the scale.
    pub fn stage_index(&self, stage_id: &str) -> Option<usize> {
        self.stages.iter().position(|stage| stage.id == stage_id)
    }

    /// The index of a theme in routemap order.
    pub fn theme_index(&self, theme_id: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.id == theme_id)
    }

    /// The names of the principles a theme bears on, in the order it names them.
    pub fn principle_names(&self, theme: &Theme) -> Vec<&str> {
        theme
            .principles
            .iter()
            .filter_map(|index| self.principles.get(*index))
            .map(|principle| principle.name.as_str())
            .collect()
    }

    /// The section a theme belongs to.
    pub fn section_of(&self, theme: &Theme) -> Option<&Section> {
        theme.section.and_then(|index| self.sections.get(index))
    }

    /// "12 themes, 5 stages, 2 sections"; a scale numbered from 0 says so, and
    /// principles, criteria and undefined stages are counted when there are any.
    pub fn summary_line(&self) -> String {
        let mut stages = plural(self.stages.len(), "stage");
        if self.first_stage != 1 {
            let last = self.stage_number(self.stages.len().saturating_sub(1));
            stages.push_str(&format!(" numbered {}–{last}", self.first_stage));
        }
        let mut parts = vec![
            plural(self.themes.len(), "theme"),
            stages,
            plural(self.sections.len(), "section"),
        ];
        if !self.principles.is_empty() {
            parts.push(plural(self.principles.len(), "principle"));
        }
        let details = self.themes.iter().flat_map(|theme| &theme.details);
        let (criteria, undefined) = details.fold((0, 0), |(criteria, undefined), detail| {
            (
                criteria + detail.criteria.len(),
                undefined + usize::from(!detail.defined),
            )
        });
        if criteria > 0 {
            parts.push(plural(criteria, "criterion").replace("criterions", "criteria"));
        }
        if undefined > 0 {
            parts.push(format!("{} left undefined", plural(undefined, "stage")));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests;

/// "1 theme", "2 themes".
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
