//! The room's here and now, which is not saved: the theme timers, the session's clock
//! and what `u` can take back. (Votes, their order, rounds, blind mode and the reveal are
//! saved in the assessment.)

use super::voting::{self, ClosedRound, Replaced, TakenBack};
use crate::assessment::Answer;
use crate::routemap::Routemap;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// Something done to a theme in this session that `u` can take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Vote,
    Agreed(Replaced),
    NewRound(ClosedRound),
}

/// What `u` took back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    Vote(TakenBack),
    Agreement,
    NewRound,
    Nothing,
}

/// A countdown set on a theme: its length, from the theme's time on the clock when set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountdownSet {
    pub length: Duration,
    pub from: Duration,
}

/// The workshop session.
#[derive(Debug, Clone)]
pub struct Room {
    /// The room is bright: the workshop's screens are drawn dark on light (`L`). A
    /// fact about the room, not a colour: the views choose the palette from it.
    pub light: bool,
    /// Time on each theme's clock while it was running, per theme id.
    pub timers: HashMap<String, Duration>,
    /// When the focused theme's clock was started, while it runs.
    pub running_since: Option<Instant>,
    /// The time as of the last event or tick.
    pub now: Instant,
    /// When the session began: the total session time counts from here.
    pub started: Instant,
    /// Countdowns set with `T`, per theme id.
    pub countdowns: HashMap<String, CountdownSet>,
    /// Themes whose countdown has run out and been announced, so it is said once.
    pub(super) announced: HashSet<String>,
    /// What `u` can take back, per theme id, most recent last.
    steps: HashMap<String, Vec<Step>>,
}

impl Room {
    pub fn new(now: Instant) -> Self {
        Room {
            light: false,
            timers: HashMap::new(),
            running_since: None,
            now,
            started: now,
            countdowns: HashMap::new(),
            announced: HashSet::new(),
            steps: HashMap::new(),
        }
    }

    /// Remembers a step on a theme, for `u`.
    pub fn record(&mut self, theme_id: &str, step: Step) {
        self.steps
            .entry(theme_id.to_string())
            .or_default()
            .push(step);
    }

    /// Takes back the last vote of a theme (Backspace): its own step goes too.
    pub fn take_back_vote(
        &mut self,
        routemap: &Routemap,
        theme_id: &str,
        answer: &mut Answer,
    ) -> Option<TakenBack> {
        let taken = voting::take_back_vote(routemap, answer)?;
        if let Some(steps) = self.steps.get_mut(theme_id)
            && let Some(last_vote) = steps.iter().rposition(|step| *step == Step::Vote)
        {
            steps.remove(last_vote);
        }
        Some(taken)
    }

    /// `u`: takes back the last vote, agreement or new round on a theme in this session;
    /// with nothing recorded (after a restart), the last vote by the saved order.
    pub fn undo(&mut self, routemap: &Routemap, theme_id: &str, answer: &mut Answer) -> Undone {
        let step = self.steps.get_mut(theme_id).and_then(Vec::pop);
        match step {
            Some(Step::Agreed(replaced)) => {
                voting::restore(answer, replaced);
                Undone::Agreement
            }
            Some(Step::NewRound(closed)) => {
                if voting::reopen_round(answer, closed) {
                    Undone::NewRound
                } else {
                    self.undo(routemap, theme_id, answer)
                }
            }
            Some(Step::Vote) | None => match voting::take_back_vote(routemap, answer) {
                Some(taken) => Undone::Vote(taken),
                None => Undone::Nothing,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Current;
    use crate::builtin;

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    #[test]
    fn u_takes_back_votes_agreements_and_rounds_in_the_reverse_order() {
        let routemap = routemap();
        let mut room = Room::new(Instant::now());
        let mut answer = Answer::default();
        let theme = "leadership";
        for stage in [1, 2] {
            voting::cast_vote(&routemap, &mut answer, stage);
            room.record(theme, Step::Vote);
        }
        let closed = voting::new_round(&mut answer).unwrap();
        room.record(theme, Step::NewRound(closed));
        voting::cast_vote(&routemap, &mut answer, 3);
        room.record(theme, Step::Vote);
        let replaced = voting::agree(&mut answer, Current::Stage("on-the-route".into()));
        room.record(theme, Step::Agreed(replaced));

        assert_eq!(room.undo(&routemap, theme, &mut answer), Undone::Agreement);
        assert_eq!(answer.current, None);
        assert_eq!(
            room.undo(&routemap, theme, &mut answer),
            Undone::Vote(TakenBack {
                stage: 3,
                in_order: true
            })
        );
        assert_eq!(room.undo(&routemap, theme, &mut answer), Undone::NewRound);
        assert_eq!(answer.votes.len(), 2);
        assert!(answer.rounds.is_empty());
        assert_eq!(
            room.undo(&routemap, theme, &mut answer),
            Undone::Vote(TakenBack {
                stage: 2,
                in_order: true
            })
        );
    }

    #[test]
    fn after_a_restart_u_takes_back_the_last_vote_cast_not_the_highest() {
        let routemap = routemap();
        let mut answer = Answer::default();
        voting::cast_vote(&routemap, &mut answer, 4);
        voting::cast_vote(&routemap, &mut answer, 0);
        let mut restarted = Room::new(Instant::now());
        assert_eq!(
            restarted.undo(&routemap, "leadership", &mut answer),
            Undone::Vote(TakenBack {
                stage: 0,
                in_order: true
            })
        );
        restarted.undo(&routemap, "leadership", &mut answer);
        assert_eq!(
            restarted.undo(&routemap, "leadership", &mut answer),
            Undone::Nothing
        );
    }

    #[test]
    fn backspace_takes_the_vote_and_its_step() {
        let routemap = routemap();
        let mut room = Room::new(Instant::now());
        let mut answer = Answer::default();
        voting::cast_vote(&routemap, &mut answer, 1);
        room.record("leadership", Step::Vote);
        let replaced = voting::agree(&mut answer, Current::Stage("flag-planted".into()));
        room.record("leadership", Step::Agreed(replaced));
        voting::cast_vote(&routemap, &mut answer, 2);
        room.record("leadership", Step::Vote);
        room.take_back_vote(&routemap, "leadership", &mut answer);
        assert_eq!(
            room.undo(&routemap, "leadership", &mut answer),
            Undone::Agreement
        );
    }
}
