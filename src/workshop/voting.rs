//! The room's acts on one theme's answer, as pure changes: a vote cast (and its place in
//! the order), the last vote taken back, an agreement (and what it replaced), a new
//! round, a reveal. The order of votes lives in the answer, so it survives a restart.

use super::{add_vote, remove_vote, tally};
use crate::assessment::{Answer, Current};
use crate::routemap::Routemap;

/// Casts a vote for stage `stage_index`, remembering its place in the order; false when
/// there is no such stage or its count is full.
pub fn cast_vote(routemap: &Routemap, answer: &mut Answer, stage_index: usize) -> bool {
    if !add_vote(routemap, answer, stage_index) {
        return false;
    }
    answer
        .vote_order
        .push(routemap.stages[stage_index].id.clone());
    true
}

/// A vote taken back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TakenBack {
    /// Its stage (0-based).
    pub stage: usize,
    /// False when the order of the votes was not known (an older file, or votes added
    /// by hand): the vote was then taken from the highest stage that had one.
    pub in_order: bool,
}

/// Takes back the last vote cast this round; `None` when there is none to take.
pub fn take_back_vote(routemap: &Routemap, answer: &mut Answer) -> Option<TakenBack> {
    // The order may name votes the tally no longer holds (changed by hand): skip those.
    while let Some(stage_id) = answer.vote_order.pop() {
        if let Some(stage) = routemap.stage_index(&stage_id)
            && remove_vote(routemap, answer, stage)
        {
            return Some(TakenBack {
                stage,
                in_order: true,
            });
        }
    }
    let stage = tally(routemap, Some(answer))
        .iter()
        .rposition(|count| *count > 0)?;
    remove_vote(routemap, answer, stage).then_some(TakenBack {
        stage,
        in_order: false,
    })
}

/// What an agreement replaced, so that it can be taken back exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    pub current: Option<Current>,
    pub carried: bool,
    pub parked: bool,
    pub revealed: bool,
}

/// Records `current` (a stage or n/a) as the room's agreement: no longer carried, no
/// longer parked, and the tally revealed (an agreement is never shown beside a hidden
/// tally). Returns what it replaced.
pub fn agree(answer: &mut Answer, current: Current) -> Replaced {
    Replaced {
        current: answer.current.replace(current),
        carried: std::mem::take(&mut answer.carried),
        parked: std::mem::take(&mut answer.parked),
        revealed: std::mem::replace(&mut answer.revealed, true),
    }
}

/// Puts back what an agreement replaced.
pub fn restore(answer: &mut Answer, replaced: Replaced) {
    answer.current = replaced.current;
    answer.carried = replaced.carried;
    answer.parked = replaced.parked;
    answer.revealed = replaced.revealed;
}

/// A closed round, so that starting it can be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedRound {
    pub vote_order: Vec<String>,
    pub revealed: bool,
}

/// Starts a new round: this round's tally joins the earlier rounds and the new one
/// starts empty and, when voting blind, hidden. `None` when this round has no votes.
pub fn new_round(answer: &mut Answer) -> Option<ClosedRound> {
    if answer.votes.is_empty() {
        return None;
    }
    let votes = std::mem::take(&mut answer.votes);
    answer.rounds.push(votes);
    Some(ClosedRound {
        vote_order: std::mem::take(&mut answer.vote_order),
        revealed: std::mem::take(&mut answer.revealed),
    })
}

/// Takes back a new round while it has no votes: the last round is this round again.
pub fn reopen_round(answer: &mut Answer, closed: ClosedRound) -> bool {
    if !answer.votes.is_empty() {
        return false;
    }
    let Some(votes) = answer.rounds.pop() else {
        return false;
    };
    answer.votes = votes;
    answer.vote_order = closed.vote_order;
    answer.revealed = closed.revealed;
    true
}

/// Shows the room this round's tally; false when there are no votes to show.
pub fn reveal(answer: &mut Answer) -> bool {
    if answer.votes.is_empty() {
        return false;
    }
    answer.revealed = true;
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::workshop::standing::{At, Standing, standing};

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    #[test]
    fn the_last_vote_cast_is_taken_back_first_even_after_a_restart() {
        let routemap = routemap();
        let mut answer = Answer::default();
        for stage in [3, 1, 4, 1] {
            assert!(cast_vote(&routemap, &mut answer, stage));
        }
        // A restart: the answer is saved and read back, nothing else survives.
        let text = crate::assessment::to_yaml(&{
            let mut a = crate::assessment::Assessment::new(
                &routemap,
                "A",
                None,
                crate::clock::Timestamp(0),
            );
            *a.answer_mut(&routemap, "leadership") = answer.clone();
            a
        });
        let mut reloaded = crate::assessment::parse(std::path::Path::new("a.yaml"), &text)
            .unwrap()
            .answer("leadership")
            .unwrap()
            .clone();
        let mut taken = Vec::new();
        while let Some(back) = take_back_vote(&routemap, &mut reloaded) {
            assert!(back.in_order);
            taken.push(back.stage);
        }
        assert_eq!(taken, [1, 4, 1, 3], "the reverse of the order cast");
        assert!(reloaded.votes.is_empty() && reloaded.vote_order.is_empty());
    }

    #[test]
    fn votes_of_unknown_order_come_from_the_highest_stage_and_say_so() {
        let routemap = routemap();
        let mut answer = Answer {
            votes: vec![("flag-planted".into(), 1), ("on-the-route".into(), 1)],
            ..Answer::default()
        };
        cast_vote(&routemap, &mut answer, 0);
        assert_eq!(
            take_back_vote(&routemap, &mut answer),
            Some(TakenBack {
                stage: 0,
                in_order: true
            })
        );
        assert_eq!(
            take_back_vote(&routemap, &mut answer),
            Some(TakenBack {
                stage: 3,
                in_order: false
            })
        );
        // An order naming votes the tally no longer has is skipped over.
        answer.vote_order = vec!["flag-planted".into(), "destination-reached".into()];
        assert_eq!(
            take_back_vote(&routemap, &mut answer),
            Some(TakenBack {
                stage: 1,
                in_order: true
            })
        );
        assert_eq!(take_back_vote(&routemap, &mut answer), None);
    }

    #[test]
    fn agreeing_unparks_stops_carrying_and_reveals_and_is_taken_back_exactly() {
        let routemap = routemap();
        let mut answer = Answer {
            current: Some(Current::Stage("on-the-route".into())),
            carried: true,
            parked: true,
            votes: vec![("flag-planted".into(), 2)],
            ..Answer::default()
        };
        let before = answer.clone();
        let replaced = agree(&mut answer, Current::Stage("flag-planted".into()));
        assert_eq!(
            standing(&routemap, Some(&answer)),
            Standing::Agreed(At::Stage(1))
        );
        assert!(!answer.parked && !answer.carried && answer.revealed);
        restore(&mut answer, replaced);
        assert_eq!(answer, before);
        assert_eq!(
            standing(&routemap, Some(&answer)),
            Standing::LastTime(At::Stage(3))
        );
    }

    #[test]
    fn a_new_round_keeps_the_last_one_and_hides_the_next() {
        let routemap = routemap();
        let mut answer = Answer::default();
        assert_eq!(new_round(&mut answer), None, "no votes, no round to close");
        cast_vote(&routemap, &mut answer, 1);
        cast_vote(&routemap, &mut answer, 4);
        assert!(reveal(&mut answer));
        let before = answer.clone();
        let closed = new_round(&mut answer).unwrap();
        assert!(answer.votes.is_empty() && answer.vote_order.is_empty() && !answer.revealed);
        assert_eq!(
            answer.rounds,
            [vec![
                ("flag-planted".to_string(), 1),
                ("destination-reached".to_string(), 1)
            ]]
        );
        assert!(!reveal(&mut answer), "nothing to reveal yet");
        assert!(reopen_round(&mut answer, closed.clone()));
        assert_eq!(answer, before);
        new_round(&mut answer);
        cast_vote(&routemap, &mut answer, 2);
        assert!(
            !reopen_round(&mut answer, closed),
            "not once the new round has votes"
        );
    }
}
