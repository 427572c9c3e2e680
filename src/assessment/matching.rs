//! What in an assessment its routemap cannot match: kept in the file, shown to the user.

use super::{Assessment, Current};
use crate::routemap::Routemap;
use std::fmt;

/// Something in an assessment the routemap does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The assessment was made against another version of the routemap.
    Version { saved: String, loaded: String },
    /// An answer for a theme the routemap does not have.
    Theme { theme: String },
    /// A stage the routemap's scale does not have, in a theme's answer.
    Stage {
        theme: String,
        field: &'static str,
        stage: String,
    },
}

impl fmt::Display for Mismatch {
    /// Values from the file are quoted through the sanitiser: this is shown on stderr
    /// and on screen.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::sanitize::line as clean;
        match self {
            Mismatch::Version { saved, loaded } => write!(
                f,
                "saved against routemap version '{}', now '{}'",
                clean(saved),
                clean(loaded)
            ),
            Mismatch::Theme { theme } => write!(
                f,
                "theme '{}' is not in the routemap; its answer is kept but not shown",
                clean(theme)
            ),
            Mismatch::Stage {
                theme,
                field,
                stage,
            } => write!(
                f,
                "theme '{}': {field} stage '{}' is not on the routemap's scale; it is kept as it is",
                clean(theme),
                clean(stage)
            ),
        }
    }
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
    for (theme, answer) in &assessment.answers {
        if routemap.theme_index(theme).is_none() {
            found.push(Mismatch::Theme {
                theme: theme.clone(),
            });
            continue;
        }
        let mut check = |field: &'static str, stage: &str| {
            if routemap.stage_index(stage).is_none() {
                found.push(Mismatch::Stage {
                    theme: theme.clone(),
                    field,
                    stage: stage.to_string(),
                });
            }
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
            "saved against routemap version '2010.9', now '2011.1'"
        );
        assert_eq!(
            found[1],
            Mismatch::Stage {
                theme: "leadership".into(),
                field: "current",
                stage: "gone".into()
            }
        );
        assert_eq!(
            found[2],
            Mismatch::Theme {
                theme: "retired-theme".into()
            }
        );
    }
}
