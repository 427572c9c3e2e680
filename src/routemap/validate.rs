//! The rules of PRODUCT.md, checked on a parsed routemap. Every problem is collected
//! (not just the first) with the path of the node it is about, so the loader can give
//! its line and column.

use super::raw::{RawPrinciple, RawRoutemap, RawSection, RawTheme};
use super::theme_stages::{Scale, theme_stages};
use super::{MIN_STAGES, Routemap, Section, Stage, Theme, Weight, plural};
use crate::text::{closest, is_slug, quoted_names, slugify};
use crate::yaml::{NodePath, PathProblem};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Problems(Vec<PathProblem>);

impl Problems {
    pub(super) fn add(&mut self, path: NodePath, message: String) {
        self.0.push(PathProblem { path, message });
    }

    /// A slug id, unique among `seen` (which it joins).
    pub(super) fn check_id(
        &mut self,
        what: &str,
        id: &str,
        path: NodePath,
        seen: &mut HashMap<String, usize>,
        index: usize,
    ) {
        if !is_slug(id) {
            let suggestion = slugify(id);
            let fix = if suggestion.is_empty() {
                "use lowercase letters, digits and '-'".to_string()
            } else {
                format!("write '{suggestion}' (lowercase letters, digits and '-')")
            };
            self.add(path, format!("{what} id '{id}' is not a slug; {fix}"));
        } else if let Some(first) = seen.get(id) {
            self.add(
                path,
                format!("{what} id '{id}' is used twice (also by {what} {}); give each {what} its own id", first + 1),
            );
        } else {
            seen.insert(id.to_string(), index);
        }
    }

    pub(super) fn check_text(&mut self, what: &str, text: &str, path: NodePath) {
        if text.trim().is_empty() {
            self.add(path, format!("{what} is empty; write one"));
        }
    }
}

/// `Some(text)` unless the text is missing or blank.
pub(super) fn non_blank(text: Option<String>) -> Option<String> {
    text.filter(|text| !text.trim().is_empty())
}

/// Checks every rule; the routemap when all hold, else every problem found.
pub fn validate(mut raw: RawRoutemap) -> Result<Routemap, Vec<PathProblem>> {
    let root = NodePath::root();
    let mut problems = Problems::default();

    check_routemap_id(&raw.id, &root, &mut problems);
    problems.check_text("the title", &raw.title, root.key("title"));
    problems.check_text("the version", &raw.version, root.key("version"));
    let first_stage = check_scale(&raw, &root, &mut problems);

    let raw_sections = raw.sections.take().unwrap_or_default();
    check_sections(&raw_sections, &root, &mut problems);
    let raw_principles = raw.principles.take().unwrap_or_default();
    super::principles::check(&raw_principles, &root, &mut problems);

    let themes = check_themes(
        std::mem::take(&mut raw.themes),
        &raw,
        (&raw_sections, &raw_principles),
        &root,
        &mut problems,
    );

    if !problems.0.is_empty() {
        return Err(problems.0);
    }
    Ok(Routemap {
        id: raw.id,
        title: raw.title.trim().to_string(),
        version: raw.version.trim().to_string(),
        description: non_blank(raw.description),
        source: non_blank(raw.source),
        first_stage,
        percent_of_max: raw.percent_of_max.unwrap_or(false),
        stages: raw
            .stages
            .into_iter()
            .map(|stage| Stage {
                id: stage.id,
                name: stage.name.trim().to_string(),
                summary: non_blank(stage.summary),
            })
            .collect(),
        sections: raw_sections
            .into_iter()
            .map(|section| Section {
                id: section.id,
                name: section.name.trim().to_string(),
            })
            .collect(),
        principles: super::principles::build(raw_principles),
        themes,
    })
}

/// The routemap's id must be a slug; the message offers one made from it.
fn check_routemap_id(id: &str, root: &NodePath, problems: &mut Problems) {
    if is_slug(id) {
        return;
    }
    let suggestion = slugify(id);
    problems.add(
        root.key("id"),
        format!(
            "routemap id '{id}' is not a slug; write '{}' (lowercase letters, digits and '-')",
            if suggestion.is_empty() {
                "my-routemap"
            } else {
                &suggestion
            }
        ),
    );
}

/// The scale: where its numbering starts, how many stages it has (2 up to 9, or 10
/// from 0), and each stage's id and name. Returns the first stage's number.
fn check_scale(raw: &RawRoutemap, root: &NodePath, problems: &mut Problems) -> usize {
    let first_stage = match raw.first_stage {
        None | Some(1) => 1,
        Some(0) => 0,
        Some(other) => {
            problems.add(
                root.key("first-stage"),
                format!("first-stage is {other}, but stages are numbered from 0 or from 1; write 'first-stage: 0', or leave the key out to number them from 1"),
            );
            1
        }
    };
    let stages_path = root.key("stages");
    let count = raw.stages.len();
    let max_stages = Routemap::max_stages(first_stage);
    if count < MIN_STAGES {
        problems.add(
            stages_path.clone(),
            format!(
                "the scale has {} but needs {MIN_STAGES} to {max_stages}; add stages, lowest first",
                plural(count, "stage")
            ),
        );
    } else if count > max_stages {
        let keys = if first_stage == 0 { "0 to 9" } else { "1 to 9" };
        let fix = if first_stage == 0 {
            "merge some stages"
        } else {
            "merge some stages, or number them from 0 with 'first-stage: 0' to allow 10"
        };
        problems.add(
            stages_path.clone(),
            format!("the scale has {count} stages but at most {max_stages} are allowed (keys {keys} pick a stage); {fix}"),
        );
    }
    let mut stage_ids = HashMap::new();
    for (index, stage) in raw.stages.iter().enumerate() {
        let path = stages_path.index(index);
        problems.check_id("stage", &stage.id, path.key("id"), &mut stage_ids, index);
        problems.check_text(
            &format!("the name of stage '{}'", stage.id),
            &stage.name,
            path.key("name"),
        );
    }
    first_stage
}

/// Every theme, against the scale, the sections and the principles: the themes when
/// they hold.
fn check_themes(
    raw_themes: Vec<RawTheme>,
    raw: &RawRoutemap,
    (raw_sections, raw_principles): (&[RawSection], &[RawPrinciple]),
    root: &NodePath,
    problems: &mut Problems,
) -> Vec<Theme> {
    let themes_path = root.key("themes");
    if raw_themes.is_empty() {
        problems.add(
            themes_path.clone(),
            "there are no themes; add at least one theme to assess".into(),
        );
    }
    let stage_order: Vec<&str> = raw.stages.iter().map(|stage| stage.id.as_str()).collect();
    let section_order: Vec<&str> = raw_sections
        .iter()
        .map(|section| section.id.as_str())
        .collect();
    let principle_order: Vec<&str> = raw_principles.iter().map(|p| p.id.as_str()).collect();
    let known = Known {
        stage_index: index_of(&stage_order),
        section_index: index_of(&section_order),
        principle_index: index_of(&principle_order),
        stage_order,
        section_order,
        principle_order,
    };
    let summaries: Vec<Option<&str>> = raw
        .stages
        .iter()
        .map(|stage| stage.summary.as_deref().filter(|s| !s.trim().is_empty()))
        .collect();
    let scale = Scale {
        known: &known,
        summaries: &summaries,
    };
    let mut theme_ids = HashMap::new();
    let mut themes = Vec::with_capacity(raw_themes.len());
    for (index, raw_theme) in raw_themes.into_iter().enumerate() {
        let path = themes_path.index(index);
        problems.check_id(
            "theme",
            &raw_theme.id,
            path.key("id"),
            &mut theme_ids,
            index,
        );
        problems.check_text(
            &format!("the name of theme '{}'", raw_theme.id),
            &raw_theme.name,
            path.key("name"),
        );
        themes.push(validate_theme(raw_theme, &path, &scale, problems));
    }
    themes
}

/// Each section's id and name.
fn check_sections(sections: &[RawSection], root: &NodePath, problems: &mut Problems) {
    let sections_path = root.key("sections");
    let mut section_ids = HashMap::new();
    for (index, section) in sections.iter().enumerate() {
        let path = sections_path.index(index);
        problems.check_id(
            "section",
            &section.id,
            path.key("id"),
            &mut section_ids,
            index,
        );
        problems.check_text(
            &format!("the name of section '{}'", section.id),
            &section.name,
            path.key("name"),
        );
    }
}

/// The stage, section and principle ids a theme may name, in order and indexed (so
/// that a file of many themes and many sections is still checked in linear time).
pub(super) struct Known<'r> {
    pub stage_order: Vec<&'r str>,
    pub stage_index: HashMap<&'r str, usize>,
    pub section_order: Vec<&'r str>,
    pub section_index: HashMap<&'r str, usize>,
    pub principle_order: Vec<&'r str>,
    pub principle_index: HashMap<&'r str, usize>,
}

fn index_of<'r>(ids: &[&'r str]) -> HashMap<&'r str, usize> {
    let mut index = HashMap::with_capacity(ids.len());
    for (position, id) in ids.iter().enumerate() {
        index.entry(*id).or_insert(position);
    }
    index
}

/// Past this many names a message neither lists them nor guesses among them: the
/// guess would cost time quadratic in the file and the list would drown the message.
pub(super) const MAX_NAMES_IN_A_MESSAGE: usize = 50;

/// "did you mean 'x'?", or the names to choose from (`listing` introduces them), or
/// for a long list how many there are of `kind` ("sections").
pub(super) fn suggestion(word: &str, names: &[&str], listing: &str, kind: &str) -> String {
    if names.len() > MAX_NAMES_IN_A_MESSAGE {
        return format!("check it against the {} {kind} defined", names.len());
    }
    match closest(word, names.iter().copied()) {
        Some(guess) => format!("did you mean '{guess}'?"),
        None => format!("{listing} {}", quoted_names(names)),
    }
}

fn validate_theme(raw: RawTheme, path: &NodePath, scale: &Scale, problems: &mut Problems) -> Theme {
    let theme_id = raw.id.as_str();
    let known = scale.known;
    let section = raw.section.as_deref().and_then(|section| {
        let found = known.section_index.get(section).copied();
        if found.is_none() {
            let fix = if known.section_order.is_empty() {
                "add a 'sections:' list that defines it, or remove the line".to_string()
            } else {
                suggestion(section, &known.section_order, "use one of", "sections")
            };
            problems.add(
                path.key("section"),
                format!(
                    "theme '{theme_id}' names section '{section}', which is not defined; {fix}"
                ),
            );
        }
        found
    });
    let weight = match raw.weight {
        None => Weight::ONE,
        Some(value) => Weight::new(value).unwrap_or_else(|| {
            problems.add(
                path.key("weight"),
                format!(
                    "theme '{theme_id}' has weight {value}, but a weight is a number from {} to {}; write e.g. 'weight: 2' to count it twice, or leave the key out",
                    Weight::MIN,
                    Weight::MAX
                ),
            );
            Weight::ONE
        }),
    };
    let principles = super::principles::of_theme(theme_id, raw.principles, path, known, problems);
    let (descriptors, details) =
        theme_stages(theme_id, raw.stages, raw.undefined, path, scale, problems);

    let mut actions = Vec::new();
    for (role, list) in raw.actions.map(|actions| actions.0).unwrap_or_default() {
        if role.trim().is_empty() {
            problems.add(path.key("actions"), format!("theme '{theme_id}' has an action list with no role name; name the role, e.g. 'ceo:'"));
        }
        let items: Vec<String> = list
            .0
            .into_iter()
            .filter(|item| !item.trim().is_empty())
            .collect();
        actions.push((role, items));
    }

    Theme {
        id: raw.id,
        name: raw.name.trim().to_string(),
        section,
        principles,
        question: non_blank(raw.question),
        vision: non_blank(raw.vision),
        descriptors,
        details,
        weight,
        actions,
    }
}
