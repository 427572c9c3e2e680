//! A saved assessment: one authority's answers against one routemap.
//!
//! Answers are keyed by theme id and hold stage ids as text, not indexes, so that an
//! answer the routemap no longer knows (a theme gone, a stage renamed) is kept through
//! every load and save and reported, never dropped.

mod file;
mod matching;
pub mod quick;
mod reapply;
mod write;

pub use file::{FORMAT, parse};
pub use matching::{Mismatch, mismatches};
pub use reapply::{Conflict, reapply};
pub use write::to_yaml;

use crate::clock::Timestamp;
use crate::routemap::Routemap;

/// Which routemap an assessment was made against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutemapRef {
    pub id: String,
    pub version: String,
}

/// One authority's assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub routemap: RoutemapRef,
    pub authority: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, when the assessment was started.
    pub created: Option<String>,
    /// When anything last changed, as a UTC instant.
    pub updated: Option<Timestamp>,
    /// Answers in routemap order (after [`Assessment::order_by`]), unknown themes last.
    pub answers: Vec<(String, Answer)>,
    /// A workshop collects the room's votes blind: each theme's tally stays hidden until
    /// revealed. Saved so a restart shows the room nothing it had not seen.
    pub blind: bool,
}

/// Where a theme stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Current {
    /// A stage id (kept even when the routemap has no such stage).
    Stage(String),
    /// Not applicable to this authority: left off the radar and the scores.
    NotApplicable,
}

/// How sure the authority is of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// The answer for one theme. Every field is optional: notes can come before a stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub current: Option<Current>,
    /// A stage id.
    pub target: Option<String>,
    /// The ids of the routemap's criteria the authority ticked as met (any stage of the
    /// theme), in routemap order; ids the routemap does not have are kept, last.
    pub met: Vec<String>,
    pub confidence: Option<Confidence>,
    pub notes: Option<String>,
    /// Links, paths or references behind the answer.
    pub evidence: Vec<String>,
    /// Copied by `new --from` and not yet re-confirmed.
    pub carried: bool,
    /// Set aside in a workshop, to come back to.
    pub parked: bool,
    /// A workshop's tally of this round: (stage id, votes), counts above zero.
    pub votes: Vec<(String, u32)>,
    /// The stage ids of this round's votes in the order they were cast, oldest first, so
    /// the last one can be taken back after a restart. The tally is what counts: this may
    /// list fewer votes than it holds (older files, votes added by hand), never more.
    pub vote_order: Vec<String>,
    /// The tallies of earlier rounds of voting on the theme, oldest first.
    pub rounds: Vec<Vec<(String, u32)>>,
    /// This round's blind tally has been shown to the room.
    pub revealed: bool,
    /// The room's own words in a workshop: why this stage, who disagreed. Shown to the
    /// room, unlike `notes`.
    pub room_note: Option<String>,
}

impl Answer {
    /// True when the answer says nothing, so it need not be saved.
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }

    /// The current stage id, when one is chosen (not n/a).
    pub fn current_stage(&self) -> Option<&str> {
        match &self.current {
            Some(Current::Stage(stage)) => Some(stage),
            _ => None,
        }
    }
}

impl Assessment {
    /// A new, empty assessment of `routemap`, created at `now`.
    pub fn new(routemap: &Routemap, authority: &str, title: Option<&str>, now: Timestamp) -> Self {
        Assessment {
            routemap: RoutemapRef {
                id: routemap.id.clone(),
                version: routemap.version.clone(),
            },
            authority: authority.trim().to_string(),
            title: title
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            created: Some(now.date()),
            updated: Some(now),
            answers: Vec::new(),
            blind: false,
        }
    }

    /// The answer for a theme, if there is one.
    pub fn answer(&self, theme_id: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(id, _)| id == theme_id)
            .map(|(_, answer)| answer)
    }

    /// The answer for a theme to change, made (in routemap order) when missing.
    pub fn answer_mut(&mut self, routemap: &Routemap, theme_id: &str) -> &mut Answer {
        let position = match self.answers.iter().position(|(id, _)| id == theme_id) {
            Some(position) => position,
            None => {
                // Answers are kept in routemap order, so the place is found by halving.
                let rank = |id: &str| routemap.theme_index(id).unwrap_or(usize::MAX);
                let new_rank = rank(theme_id);
                let at = self.answers.partition_point(|(id, _)| rank(id) <= new_rank);
                self.answers
                    .insert(at, (theme_id.to_string(), Answer::default()));
                at
            }
        };
        &mut self.answers[position].1
    }

    /// Drops answers that say nothing, zero vote counts and rounds without votes.
    pub fn prune(&mut self) {
        for (_, answer) in &mut self.answers {
            answer.votes.retain(|(_, count)| *count > 0);
            for round in &mut answer.rounds {
                round.retain(|(_, count)| *count > 0);
            }
            answer.rounds.retain(|round| !round.is_empty());
        }
        self.answers.retain(|(_, answer)| !answer.is_empty());
    }

    /// Puts answers in routemap order (unknown themes last, as they were), each
    /// answer's votes in scale order (unknown stages last) and its criteria met in the
    /// order the theme lists them (unknown ids last, as they were).
    pub fn order_by(&mut self, routemap: &Routemap) {
        self.answers
            .sort_by_key(|(id, _)| routemap.theme_index(id).unwrap_or(usize::MAX));
        let scale_order = |votes: &mut Vec<(String, u32)>| {
            votes.sort_by_key(|(stage, _)| routemap.stage_index(stage).unwrap_or(usize::MAX))
        };
        for (theme_id, answer) in &mut self.answers {
            scale_order(&mut answer.votes);
            answer.rounds.iter_mut().for_each(scale_order);
            if answer.met.len() > 1
                && let Some(theme) = routemap.theme_index(theme_id).map(|i| &routemap.themes[i])
            {
                let rank: std::collections::HashMap<&str, usize> = theme
                    .details
                    .iter()
                    .flat_map(|detail| &detail.criteria)
                    .enumerate()
                    .map(|(rank, criterion)| (criterion.id.as_str(), rank))
                    .collect();
                answer
                    .met
                    .sort_by_key(|id| rank.get(id.as_str()).copied().unwrap_or(usize::MAX));
            }
        }
    }

    /// The answer of each of the routemap's themes, by theme index: one pass over the
    /// answers, so a 1,000-theme routemap costs thousands of steps, not millions.
    pub fn answers_for<'a>(&'a self, routemap: &Routemap) -> Vec<Option<&'a Answer>> {
        let by_id: std::collections::HashMap<&str, &Answer> = self
            .answers
            .iter()
            .map(|(id, answer)| (id.as_str(), answer))
            .collect();
        routemap
            .themes
            .iter()
            .map(|theme| by_id.get(theme.id.as_str()).copied())
            .collect()
    }

    /// Themes of the routemap with a current stage or n/a, and the routemap's theme count.
    pub fn progress(&self, routemap: &Routemap) -> (usize, usize) {
        let answered = self
            .answers_for(routemap)
            .into_iter()
            .filter(|answer| answer.is_some_and(|a| a.current.is_some()))
            .count();
        (answered, routemap.themes.len())
    }

    /// Marks the assessment changed at `now`, filling in `created` if it was missing.
    pub fn touch(&mut self, now: Timestamp) {
        self.updated = Some(now);
        if self.created.is_none() {
            self.created = Some(now.date());
        }
    }

    /// How the assessment is named to a user: "Anytown Borough Council — 2026 baseline".
    pub fn display_name(&self) -> String {
        match &self.title {
            Some(title) => format!("{} — {title}", self.authority),
            None => self.authority.clone(),
        }
    }
}

/// A routemap made from an assessment's own answers, for when its routemap cannot be
/// found: every answered theme and every stage it names, so the answers can be shown
/// (read-only) instead of refused.
pub fn stand_in_routemap(assessment: &Assessment) -> Routemap {
    use crate::routemap::{Stage, StageDetail, Theme, Weight};
    let mut stage_ids: Vec<String> = Vec::new();
    for (_, answer) in &assessment.answers {
        let named = answer
            .current_stage()
            .into_iter()
            .chain(answer.target.as_deref())
            .chain(answer.votes.iter().map(|(s, _)| s.as_str()))
            .chain(answer.rounds.iter().flatten().map(|(s, _)| s.as_str()));
        for stage in named {
            if !stage_ids.iter().any(|s| s == stage) {
                stage_ids.push(stage.to_string());
            }
        }
    }
    if stage_ids.is_empty() {
        stage_ids.push("unknown".into());
    }
    let missing = format!("(routemap '{}' was not found)", assessment.routemap.id);
    Routemap {
        id: assessment.routemap.id.clone(),
        title: missing.clone(),
        version: assessment.routemap.version.clone(),
        description: None,
        source: None,
        first_stage: 1,
        percent_of_max: false,
        stages: stage_ids
            .iter()
            .map(|id| Stage {
                id: id.clone(),
                name: id.clone(),
                summary: None,
            })
            .collect(),
        sections: Vec::new(),
        principles: Vec::new(),
        themes: assessment
            .answers
            .iter()
            .map(|(id, _)| Theme {
                id: id.clone(),
                name: id.clone(),
                section: None,
                principles: Vec::new(),
                question: None,
                vision: None,
                descriptors: vec![missing.clone(); stage_ids.len()],
                details: vec![StageDetail::plain(); stage_ids.len()],
                weight: Weight::ONE,
                actions: Vec::new(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    #[test]
    fn answers_are_inserted_in_routemap_order() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        for id in [
            "shared-services",
            "leadership",
            "unknown-theme",
            "governance",
        ] {
            assessment.answer_mut(&routemap, id).notes = Some("x".into());
        }
        let ids: Vec<&str> = assessment
            .answers
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "leadership",
                "governance",
                "shared-services",
                "unknown-theme"
            ]
        );
    }

    #[test]
    fn prune_drops_empty_answers_and_zero_votes() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadership");
        assessment.answer_mut(&routemap, "governance").votes =
            vec![("a".into(), 0), ("b".into(), 2)];
        assessment.prune();
        assert_eq!(assessment.answers.len(), 1);
        assert_eq!(assessment.answers[0].1.votes, [("b".to_string(), 2)]);
    }

    #[test]
    fn progress_counts_current_stages_and_na() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadership").current = Some(Current::NotApplicable);
        assessment.answer_mut(&routemap, "governance").notes = Some("thinking".into());
        assessment.answer_mut(&routemap, "gone").current = Some(Current::Stage("x".into()));
        assert_eq!(assessment.progress(&routemap), (1, 12));
    }

    #[test]
    fn a_stand_in_routemap_shows_every_answer() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "A", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadership").current =
            Some(Current::Stage("flag-planted".into()));
        assessment.answer_mut(&routemap, "governance").target = Some("on-the-route".into());
        let stand_in = stand_in_routemap(&assessment);
        assert_eq!(stand_in.themes.len(), 2);
        assert_eq!(stand_in.stages.len(), 2);
        assert!(crate::assessment::mismatches(&assessment, &stand_in).is_empty());
    }

    #[test]
    fn touch_sets_updated_and_a_missing_created() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, " Anytown ", Some(" "), Timestamp(0));
        assert_eq!(assessment.authority, "Anytown");
        assert_eq!(assessment.title, None);
        assessment.created = None;
        assessment.touch(Timestamp(86_400 * 2));
        assert_eq!(assessment.created.as_deref(), Some("1970-01-03"));
        assert_eq!(assessment.updated, Some(Timestamp(86_400 * 2)));
    }
}
