//! The model users write: a routemap of themes and the ordered stages each can be at.

mod load;
mod raw;
mod validate;

pub use load::{load_file, parse};

/// The most stages a scale may have: keys `1`…`9` pick a stage.
pub const MAX_STAGES: usize = 9;
/// The fewest stages that make a scale.
pub const MIN_STAGES: usize = 2;

/// A validated routemap: every id unique, every theme describing every stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routemap {
    pub id: String,
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub source: Option<String>,
    /// The maturity scale, lowest first.
    pub stages: Vec<Stage>,
    pub sections: Vec<Section>,
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

/// One thing to assess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub name: String,
    /// Index into [`Routemap::sections`].
    pub section: Option<usize>,
    pub question: Option<String>,
    pub vision: Option<String>,
    /// What the theme looks like at each stage, by stage index (same length as the scale).
    pub descriptors: Vec<String>,
    /// What each key player should do now, in file order: (role, actions).
    pub actions: Vec<(String, Vec<String>)>,
}

impl Routemap {
    /// The index of a stage on the scale.
    pub fn stage_index(&self, stage_id: &str) -> Option<usize> {
        self.stages.iter().position(|stage| stage.id == stage_id)
    }

    /// The index of a theme in routemap order.
    pub fn theme_index(&self, theme_id: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.id == theme_id)
    }

    /// The section a theme belongs to.
    pub fn section_of(&self, theme: &Theme) -> Option<&Section> {
        theme.section.and_then(|index| self.sections.get(index))
    }

    /// "12 themes, 5 stages, 2 sections".
    pub fn summary_line(&self) -> String {
        format!(
            "{}, {}, {}",
            plural(self.themes.len(), "theme"),
            plural(self.stages.len(), "stage"),
            plural(self.sections.len(), "section")
        )
    }
}

/// "1 theme", "2 themes".
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
