//! What in an assessment its routemap cannot match: kept in the file, shown to the user.

use super::{Assessment, Current};
use crate::routemap::{Routemap, Theme};
use std::fmt;

/// The candidate nearest `word`, when one is near enough to be a typing slip.
fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    crate::text::closest(word, candidates).map(str::to_string)
}

/// Something in an assessment the routemap does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The assessment was made against another version of the routemap.
    Version { saved: String, loaded: String },
    /// An answer for a theme the routemap does not have; `near`, a theme id it may be a
    /// typing slip for.
    Theme { theme: String, near: Option<String> },
    /// A stage the routemap's scale does not have, in a theme's answer (a stage id that
    /// is not a slug, typed by hand, is one of these).
    Stage {
        theme: String,
        field: &'static str,
        stage: String,
        near: Option<String>,
    },
    /// A stage of the scale that the routemap leaves undefined for the theme.
    Undefined {
        theme: String,
        field: &'static str,
        stage: String,
    },
    /// A criterion ticked as met that the theme does not have.
    Criterion { theme: String, id: String },
}

impl fmt::Display for Mismatch {
    /// Values from the file are quoted through the sanitiser: this is shown on stderr
    /// and on screen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::sanitize::line as clean;
        match self {
            Mismatch::Version { saved, loaded } => write!(
                f,
                "saved against routemap version '{}', which is not kept here; shown against version '{}'",
                clean(saved),
                clean(loaded)
            ),
            Mismatch::Theme { theme, near } => write!(
                f,
                "theme '{}' is not in the routemap{}; its answer is kept but not shown",
                clean(theme),
                did_you_mean(near.as_deref())
            ),
            Mismatch::Stage {
                theme,
                field,
                stage,
                near,
            } => write!(
                f,
                "theme '{}': {field} stage '{}' is not on the routemap's scale{}; it is kept as it is",
                clean(theme),
                clean(stage),
                did_you_mean(near.as_deref())
            ),
            Mismatch::Undefined {
                theme,
                field,
                stage,
            } => write!(
                f,
                "theme '{}': {field} stage '{}' is one the routemap leaves undefined for this theme; it is kept as it is",
                clean(theme),
                clean(stage)
            ),
            Mismatch::Criterion { theme, id } => write!(
                f,
                "theme '{}': criterion '{}' is ticked as met but the theme has no such criterion; it is kept as it is",
                clean(theme),
                clean(id)
            ),
        }
    }
}

/// " (did you mean 'leadership'?)", or nothing.
fn did_you_mean(near: Option<&str>) -> String {
    near.map(|id| format!(" (did you mean '{}'?)", crate::sanitize::line(id)))
        .unwrap_or_default()
}

/// Everything in `assessment` that `routemap` cannot match, in file order.
pub fn mismatches(assessment: &Assessment, routemap: &Routemap) -> Vec<Mismatch> {
    let mut found = Vec::new();
    if !assessment.routemap.version.is_empty() && assessment.routemap.version != routemap.version {
        found.push(Mismatch::Version {
            saved: assessment.routemap.version.clone(),
            loaded: routemap.version.clone(),
        });
    }
    // Themes by id, so that matching a large assessment stays linear.
    let themes: std::collections::HashMap<&str, &Theme> = routemap
        .themes
        .iter()
        .map(|theme| (theme.id.as_str(), theme))
        .collect();
    for (theme, answer) in &assessment.answers {
        let Some(definition) = themes.get(theme.as_str()).copied() else {
            found.push(Mismatch::Theme {
                theme: theme.clone(),
                near: closest(theme, routemap.themes.iter().map(|t| t.id.as_str())),
            });
            continue;
        };
        let mut check = |field: &'static str, stage: &str| match routemap.stage_index(stage) {
            None => found.push(Mismatch::Stage {
                theme: theme.clone(),
                field,
                stage: stage.to_string(),
                near: closest(stage, routemap.stages.iter().map(|s| s.id.as_str())),
            }),
            Some(index) if !definition.is_defined(index) => found.push(Mismatch::Undefined {
                theme: theme.clone(),
                field,
                stage: stage.to_string(),
            }),
            Some(_) => {}
        };
        if let Some(Current::Stage(stage)) = &answer.current {
            check("current", stage);
        }
        if let Some(stage) = &answer.target {
            check("target", stage);
        }
        for (stage, _) in &answer.votes {
            check("votes", stage);
        }
        for (stage, _) in answer.rounds.iter().flatten() {
            check("rounds", stage);
        }
        if !answer.met.is_empty() {
            let criteria: std::collections::HashSet<&str> = definition
                .details
                .iter()
                .flat_map(|detail| &detail.criteria)
                .map(|criterion| criterion.id.as_str())
                .collect();
            found.extend(
                answer
                    .met
                    .iter()
                    .filter(|id| !criteria.contains(id.as_str()))
                    .map(|id| Mismatch::Criterion {
                        theme: theme.clone(),
                        id: id.clone(),
                    }),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::clock::Timestamp;

    #[test]
    fn unknown_themes_and_stages_are_listed() {
        let routemap = builtin::find("planting-the-flag").unwrap().load().unwrap();
        let mut assessment = Assessment::new(&routemap, "A", None, Timestamp(0));
        assessment.routemap.version = "2010.9".into();
        assessment.answer_mut(&routemap, "leadership").current =
            Some(Current::Stage("gone".into()));
        assessment.answer_mut(&routemap, "leadership").target = Some("on-the-route".into());
        assessment.answer_mut(&routemap, "retired-theme").current = Some(Current::NotApplicable);
        let found = mismatches(&assessment, &routemap);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].to_string(),
            "saved against routemap version '2010.9', which is not kept here; shown against version '2.0'"
        );
        assert_eq!(
            found[1],
            Mismatch::Stage {
                theme: "leadership".into(),
                field: "current",
                stage: "gone".into(),
                near: None,
            }
        );
        assert_eq!(
            found[2],
            Mismatch::Theme {
                theme: "retired-theme".into(),
                near: None,
            }
        );
    }

    #[test]
    fn a_typing_slip_in_an_id_gets_a_suggestion() {
        let routemap = builtin::find("planting-the-flag").unwrap().load().unwrap();
        let mut assessment = Assessment::new(&routemap, "A", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadreship").current =
            Some(Current::Stage("route-planned".into()));
        assessment.answer_mut(&routemap, "governance").current =
            Some(Current::Stage("flag-plnted".into()));
        let said: Vec<String> = mismatches(&assessment, &routemap)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "theme 'governance': current stage 'flag-plnted' is not on the routemap's scale (did you mean 'flag-planted'?); it is kept as it is",
                "theme 'leadreship' is not in the routemap (did you mean 'leadership'?); its answer is kept but not shown",
            ]
        );
    }

    /// The levels 0-3 fixture: criteria per level, one stage left undefined.
    fn levels() -> Routemap {
        crate::routemap::parse(
            std::path::Path::new("levels-0-3.yaml"),
            include_str!("../../tests/fixtures/routemaps/good/levels-0-3.yaml"),
        )
        .unwrap()
    }

    #[test]
    fn typed_stages_undefined_stages_and_unknown_criteria_are_flagged_not_refused() {
        let routemap = levels();
        let mut assessment = Assessment::new(&routemap, "A", None, Timestamp(0));
        let inventory = assessment.answer_mut(&routemap, "inventory");
        inventory.current = Some(Current::Stage("level-1.5".into()));
        inventory.met = vec!["owners".into(), "no-such-tick".into()];
        assessment.answer_mut(&routemap, "sharing").target = Some("embedded".into());
        let found: Vec<String> = mismatches(&assessment, &routemap)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "theme 'inventory': current stage 'level-1.5' is not on the routemap's scale; it is kept as it is",
                "theme 'inventory': criterion 'no-such-tick' is ticked as met but the theme has no such criterion; it is kept as it is",
                "theme 'sharing': target stage 'embedded' is one the routemap leaves undefined for this theme; it is kept as it is",
            ]
        );
    }

    #[test]
    fn criteria_met_are_put_in_the_routemaps_order() {
        let routemap = levels();
        let mut assessment = Assessment::new(&routemap, "A", None, Timestamp(0));
        assessment.answer_mut(&routemap, "inventory").met =
            ["typed", "owners", "some-lists", "one-register"]
                .map(String::from)
                .to_vec();
        assessment.order_by(&routemap);
        assert_eq!(
            assessment.answer("inventory").unwrap().met,
            ["some-lists", "one-register", "owners", "typed"]
        );
    }
}
