//! Where a theme stands in a workshop, told honestly: what the room agreed, what was
//! merely carried over from last time, and what a screen may show of the tally while
//! it is hidden (nothing but how many votes were cast).

use super::{median, needs_discussion, span, tally, total};
use crate::assessment::{Answer, Assessment, Current};
use crate::routemap::Routemap;

/// A stage a theme is at, as the routemap knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// Stage N of the scale (0-based).
    Stage(usize),
    NotApplicable,
    /// A stage id the routemap does not have (kept as saved).
    Unknown(String),
}

/// Where a theme stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The room (or the officer) agreed it.
    Agreed(At),
    /// Carried over from the previous assessment by `new --from`: "last time: X". Not
    /// agreed, and never counted as agreed, until the room agrees.
    LastTime(At),
    /// Nothing agreed or carried yet.
    Open,
}

impl Standing {
    pub fn is_agreed(&self) -> bool {
        matches!(self, Standing::Agreed(_))
    }
}

/// Where `answer` stands against `routemap`.
pub fn standing(routemap: &Routemap, answer: Option<&Answer>) -> Standing {
    let Some(answer) = answer else {
        return Standing::Open;
    };
    let at = match &answer.current {
        None => return Standing::Open,
        Some(Current::NotApplicable) => At::NotApplicable,
        Some(Current::Stage(id)) => match routemap.stage_index(id) {
            Some(index) => At::Stage(index),
            None => At::Unknown(id.clone()),
        },
    };
    if answer.carried {
        Standing::LastTime(at)
    } else {
        Standing::Agreed(at)
    }
}

/// The workshop's progress over the routemap's themes: every theme is in exactly one of
/// agreed, parked, carried (to confirm) and open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub agreed: usize,
    /// Set aside, not agreed.
    pub parked: usize,
    /// Carried over from last time and not yet agreed (and not parked).
    pub carried: usize,
    /// Neither agreed, parked nor carried.
    pub open: usize,
    pub themes: usize,
}

impl Progress {
    /// Themes still to agree: parked, carried and open.
    pub fn remaining(&self) -> usize {
        self.themes - self.agreed
    }
}

/// Counts the routemap's themes by where they stand (answers to unknown themes aside).
pub fn progress(routemap: &Routemap, assessment: &Assessment) -> Progress {
    let mut progress = Progress {
        themes: routemap.themes.len(),
        ..Progress::default()
    };
    for answer in assessment.answers_for(routemap) {
        match standing(routemap, answer) {
            Standing::Agreed(_) => progress.agreed += 1,
            _ if answer.is_some_and(|a| a.parked) => progress.parked += 1,
            Standing::LastTime(_) => progress.carried += 1,
            Standing::Open => progress.open += 1,
        }
    }
    progress
}

/// The stage the room agreed for each of the routemap's themes, by stage index: what the
/// summary's radar and bars plot as "agreed". A carried answer (last time's stage, not
/// yet confirmed), n/a, an unknown stage and an agreement behind a hidden tally are
/// `None`: drawing any of them as agreed would anchor the room.
pub fn agreed_stages(routemap: &Routemap, assessment: &Assessment) -> Vec<Option<usize>> {
    assessment
        .answers_for(routemap)
        .into_iter()
        .map(
            |answer| match shown(routemap, assessment.blind, answer).standing {
                Standing::Agreed(At::Stage(index)) => Some(index),
                _ => None,
            },
        )
        .collect()
}

/// True while a theme's tally is hidden from the room: blind voting, not yet revealed.
pub fn is_hidden(blind: bool, answer: Option<&Answer>) -> bool {
    blind && !answer.is_some_and(|a| a.revealed)
}

/// What a workshop screen may show of one theme. While the tally is hidden, only the
/// number of votes cast (so the facilitator knows every hand is in): no tally, no
/// median, no agreed or carried stage, no earlier rounds and no room note, since each
/// of them tells the room where the votes lie or anchors the next vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub hidden: bool,
    /// Votes cast this round.
    pub cast: u64,
    /// This round's votes per stage index; `None` while hidden.
    pub tally: Option<Vec<u32>>,
    /// The median vote's stage; `None` while hidden or with no votes.
    pub median: Option<usize>,
    /// How many stages the votes span when it is wide enough to discuss.
    pub discuss: Option<usize>,
    /// Agreed, last time, or open; `Open` while hidden.
    pub standing: Standing,
    /// The agreed stage is not the median of the votes: say so beside it.
    pub agreed_off_median: bool,
    /// Earlier rounds' votes per stage index, oldest first; empty while hidden.
    pub earlier_rounds: Vec<Vec<u32>>,
    pub parked: bool,
    /// The room's note; `None` while hidden.
    pub room_note: Option<String>,
}

/// What may be shown of `answer` in a workshop that votes blind or not.
pub fn shown(routemap: &Routemap, blind: bool, answer: Option<&Answer>) -> Shown {
    let counts = tally(routemap, answer);
    let cast = total(&counts);
    let parked = answer.is_some_and(|a| a.parked);
    if is_hidden(blind, answer) {
        return Shown {
            hidden: true,
            cast,
            tally: None,
            median: None,
            discuss: None,
            standing: Standing::Open,
            agreed_off_median: false,
            earlier_rounds: Vec::new(),
            parked,
            room_note: None,
        };
    }
    let median = median(&counts);
    let standing = standing(routemap, answer);
    let agreed_off_median = match (&standing, median) {
        (Standing::Agreed(At::Stage(stage)), Some(median)) => *stage != median,
        (Standing::Agreed(_), Some(_)) => true,
        _ => false,
    };
    let earlier_rounds = answer
        .map(|a| {
            a.rounds
                .iter()
                .map(|round| round_counts(routemap, round))
                .collect()
        })
        .unwrap_or_default();
    Shown {
        hidden: false,
        cast,
        discuss: needs_discussion(&counts).then(|| span(&counts)),
        tally: Some(counts),
        median,
        standing,
        agreed_off_median,
        earlier_rounds,
        parked,
        room_note: answer.and_then(|a| a.room_note.clone()),
    }
}

/// A round's votes per stage index (votes for stages the routemap lacks left out).
fn round_counts(routemap: &Routemap, round: &[(String, u32)]) -> Vec<u32> {
    let as_answer = Answer {
        votes: round.to_vec(),
        ..Answer::default()
    };
    tally(routemap, Some(&as_answer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::clock::Timestamp;

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    fn carried(stage: &str) -> Answer {
        Answer {
            current: Some(Current::Stage(stage.into())),
            carried: true,
            ..Answer::default()
        }
    }

    #[test]
    fn a_carried_answer_is_last_time_never_agreed() {
        let routemap = routemap();
        let answer = carried("on-the-route");
        assert_eq!(
            standing(&routemap, Some(&answer)),
            Standing::LastTime(At::Stage(3))
        );
        assert!(!standing(&routemap, Some(&answer)).is_agreed());
        let shown = shown(&routemap, false, Some(&answer));
        assert_eq!(shown.standing, Standing::LastTime(At::Stage(3)));
        assert!(!shown.agreed_off_median);
    }

    #[test]
    fn progress_counts_only_agreed_themes_as_agreed() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "Cyngor", None, Timestamp(0));
        *assessment.answer_mut(&routemap, "leadership") = carried("on-the-route");
        *assessment.answer_mut(&routemap, "governance") = carried("flag-planted");
        assessment.answer_mut(&routemap, "governance").parked = true;
        assessment.answer_mut(&routemap, "infrastructure").current =
            Some(Current::Stage("destination-reached".into()));
        assessment.answer_mut(&routemap, "shared-services").current = Some(Current::NotApplicable);
        assessment.answer_mut(&routemap, "gone").current = Some(Current::NotApplicable);
        let progress = progress(&routemap, &assessment);
        assert_eq!(
            progress,
            Progress {
                agreed: 2,
                parked: 1,
                carried: 1,
                open: 8,
                themes: 12
            }
        );
        assert_eq!(progress.remaining(), 10);
    }

    #[test]
    fn only_stages_the_room_agreed_are_plotted_as_agreed() {
        let routemap = routemap();
        let mut assessment = Assessment::new(&routemap, "Cyngor", None, Timestamp(0));
        *assessment.answer_mut(&routemap, "leadership") = carried("on-the-route");
        *assessment.answer_mut(&routemap, "governance") = carried("flag-planted");
        assessment.answer_mut(&routemap, "governance").carried = false;
        assessment
            .answer_mut(&routemap, "organisational-change")
            .current = Some(Current::NotApplicable);
        *assessment.answer_mut(&routemap, "shared-services") = Answer {
            current: Some(Current::Stage("route-planned".into())),
            votes: vec![("route-planned".into(), 2)],
            ..Answer::default()
        };
        let agreed = agreed_stages(&routemap, &assessment);
        assert_eq!(agreed.len(), 12);
        assert_eq!(agreed[0], None, "carried, not agreed");
        assert_eq!(agreed[1], Some(1), "agreed");
        assert_eq!(agreed[2], None, "n/a is off the radar");
        let shared = routemap.theme_index("shared-services").unwrap();
        assert_eq!(agreed[shared], Some(2));
        assessment.blind = true;
        assert_eq!(
            agreed_stages(&routemap, &assessment)[shared],
            None,
            "a hidden tally's agreement is not shown"
        );
    }

    #[test]
    fn a_hidden_tally_shows_only_how_many_votes_were_cast() {
        let routemap = routemap();
        let answer = Answer {
            current: Some(Current::Stage("flag-planted".into())),
            votes: vec![("not-started".into(), 1), ("destination-reached".into(), 4)],
            rounds: vec![vec![("on-the-route".into(), 3)]],
            room_note: Some("we agreed 2".into()),
            ..Answer::default()
        };
        let hidden = shown(&routemap, true, Some(&answer));
        assert_eq!(
            hidden,
            Shown {
                hidden: true,
                cast: 5,
                tally: None,
                median: None,
                discuss: None,
                standing: Standing::Open,
                agreed_off_median: false,
                earlier_rounds: Vec::new(),
                parked: false,
                room_note: None,
            }
        );
        let carried = carried("on-the-route");
        assert_eq!(
            shown(&routemap, true, Some(&carried)).standing,
            Standing::Open,
            "last time's stage would anchor a blind vote"
        );
        let revealed = Answer {
            revealed: true,
            ..answer.clone()
        };
        let open = shown(&routemap, true, Some(&revealed));
        assert_eq!(open.tally, Some(vec![1, 0, 0, 0, 4]));
        assert_eq!(open.median, Some(4));
        assert_eq!(open.discuss, Some(5));
        assert_eq!(open.earlier_rounds, [vec![0, 0, 0, 3, 0]]);
        assert_eq!(open.room_note.as_deref(), Some("we agreed 2"));
        assert_eq!(open, shown(&routemap, false, Some(&answer)));
    }

    #[test]
    fn an_agreement_off_the_median_is_marked() {
        let routemap = routemap();
        let mut answer = Answer {
            current: Some(Current::Stage("flag-planted".into())),
            votes: vec![("flag-planted".into(), 1), ("route-planned".into(), 3)],
            ..Answer::default()
        };
        let off = shown(&routemap, false, Some(&answer));
        assert_eq!(
            (off.standing.clone(), off.median, off.agreed_off_median),
            (Standing::Agreed(At::Stage(1)), Some(2), true)
        );
        answer.current = Some(Current::Stage("route-planned".into()));
        assert!(!shown(&routemap, false, Some(&answer)).agreed_off_median);
        answer.current = Some(Current::NotApplicable);
        assert!(shown(&routemap, false, Some(&answer)).agreed_off_median);
        answer.votes.clear();
        assert!(
            !shown(&routemap, false, Some(&answer)).agreed_off_median,
            "no votes, no median to differ from"
        );
    }
}
