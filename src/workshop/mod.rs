//! The workshop's rules, pure and outside the screens: the arithmetic of a tally (here:
//! its median and whether the votes are spread widely enough to need discussion), where
//! a theme honestly stands and what a screen may show of it ([`standing`]), the room's
//! acts on an answer ([`voting`]), the session's clocks and undo ([`room`], [`timer`]),
//! and names in large type ([`bigtype`]).
//!
//! Counts come from files, so any may be `u32::MAX`: a stage's count saturates (one
//! more vote is refused, never wrapped to zero) and totals are summed in `u64`.

pub mod bigtype;
pub mod room;
pub mod standing;
pub mod timer;
pub mod voting;

pub use room::{Room, Step, Undone};
pub use standing::{At, Progress, Shown, Standing, agreed_stages, progress, shown, standing};
pub use timer::{Countdown, MinutesEntry};

use crate::assessment::Answer;
use crate::routemap::Routemap;

/// Votes spanning this many stages or more (lowest to highest) are flagged "discuss".
pub const DISCUSS_SPAN: usize = 3;

/// Votes per stage, by stage index; votes for stages the routemap lacks are left out.
pub fn tally(routemap: &Routemap, answer: Option<&Answer>) -> Vec<u32> {
    let mut counts = vec![0u32; routemap.stages.len()];
    for (stage, count) in answer.map(|a| a.votes.as_slice()).unwrap_or_default() {
        if let Some(index) = routemap.stage_index(stage) {
            counts[index] = counts[index].saturating_add(*count);
        }
    }
    counts
}

/// All the votes of a tally (in `u64`: nine stages of `u32::MAX` each cannot overflow).
pub fn total(counts: &[u32]) -> u64 {
    counts.iter().map(|count| u64::from(*count)).sum()
}

/// The median vote's stage. With an even number of votes it is the lower of the two
/// middle votes: a room split evenly is placed at the more cautious stage.
pub fn median(counts: &[u32]) -> Option<usize> {
    let total = total(counts);
    if total == 0 {
        return None;
    }
    let middle = (total - 1) / 2;
    let mut seen = 0u64;
    counts.iter().position(|count| {
        seen += u64::from(*count);
        seen > middle
    })
}

/// How many stages the votes span, lowest to highest (0 with no votes).
pub fn span(counts: &[u32]) -> usize {
    let lowest = counts.iter().position(|count| *count > 0);
    let highest = counts.iter().rposition(|count| *count > 0);
    match (lowest, highest) {
        (Some(low), Some(high)) => high - low + 1,
        _ => 0,
    }
}

/// True when the room disagrees widely enough to talk before agreeing.
pub fn needs_discussion(counts: &[u32]) -> bool {
    span(counts) >= DISCUSS_SPAN
}

/// Adds one vote for stage `stage_index` to an answer's tally; false when there is no
/// such stage, or its count is already the most a tally holds (`u32::MAX`).
pub fn add_vote(routemap: &Routemap, answer: &mut Answer, stage_index: usize) -> bool {
    let Some(stage) = routemap.stages.get(stage_index) else {
        return false;
    };
    match answer.votes.iter_mut().find(|(id, _)| *id == stage.id) {
        Some((_, count)) => match count.checked_add(1) {
            Some(more) => *count = more,
            None => return false,
        },
        None => answer.votes.push((stage.id.clone(), 1)),
    }
    answer
        .votes
        .sort_by_key(|(id, _)| routemap.stage_index(id).unwrap_or(usize::MAX));
    true
}

/// Takes one vote for stage `stage_index` away; false when it had none.
pub fn remove_vote(routemap: &Routemap, answer: &mut Answer, stage_index: usize) -> bool {
    let Some(stage) = routemap.stages.get(stage_index) else {
        return false;
    };
    let Some(position) = answer
        .votes
        .iter()
        .position(|(id, count)| *id == stage.id && *count > 0)
    else {
        return false;
    };
    answer.votes[position].1 -= 1;
    answer.votes.retain(|(_, count)| *count > 0);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[0, 0, 0, 0, 0]), None);
        assert_eq!(median(&[0, 1, 0, 0, 0]), Some(1));
        assert_eq!(median(&[1, 1, 1, 0, 0]), Some(1));
        assert_eq!(median(&[2, 0, 0, 0, 2]), Some(0), "even: the lower middle");
        assert_eq!(median(&[0, 3, 4, 0, 0]), Some(2));
        assert_eq!(median(&[0, 4, 3, 0, 0]), Some(1));
        assert_eq!(median(&[1, 0, 0, 0, 1]), Some(0));
        assert_eq!(median(&[0, 2, 7, 1, 0]), Some(2));
    }

    #[test]
    fn spread_flags_three_stages_or_more() {
        assert!(!needs_discussion(&[0, 0, 0, 0, 0]));
        assert!(!needs_discussion(&[0, 5, 6, 0, 0]));
        assert!(
            needs_discussion(&[0, 1, 0, 1, 0]),
            "lowest to highest spans three stages"
        );
        assert!(needs_discussion(&[1, 0, 0, 0, 9]));
        assert_eq!(span(&[0, 2, 7, 1, 0]), 3);
    }

    #[test]
    fn votes_are_added_and_removed_in_scale_order() {
        let routemap = routemap();
        let mut answer = Answer::default();
        add_vote(&routemap, &mut answer, 3);
        add_vote(&routemap, &mut answer, 1);
        add_vote(&routemap, &mut answer, 3);
        add_vote(&routemap, &mut answer, 9);
        assert_eq!(
            answer.votes,
            [
                ("flag-planted".to_string(), 1),
                ("on-the-route".to_string(), 2)
            ]
        );
        assert_eq!(tally(&routemap, Some(&answer)), [0, 1, 0, 2, 0]);
        assert!(remove_vote(&routemap, &mut answer, 1));
        assert!(!remove_vote(&routemap, &mut answer, 1));
        assert_eq!(answer.votes, [("on-the-route".to_string(), 2)]);
    }

    #[test]
    fn counts_at_the_limit_never_wrap() {
        let routemap = routemap();
        let mut answer = Answer {
            votes: vec![("flag-planted".into(), u32::MAX)],
            ..Answer::default()
        };
        assert!(!add_vote(&routemap, &mut answer, 1), "no room for one more");
        assert_eq!(answer.votes, [("flag-planted".to_string(), u32::MAX)]);
        assert!(add_vote(&routemap, &mut answer, 2));
        let counts = tally(&routemap, Some(&answer));
        assert_eq!(counts, [0, u32::MAX, 1, 0, 0]);
        assert_eq!(total(&counts), u64::from(u32::MAX) + 1);
        assert_eq!(median(&counts), Some(1));
        assert_eq!(median(&[u32::MAX, 0, u32::MAX, 0, 1]), Some(2));
        assert_eq!(median(&[u32::MAX; 9]), Some(4));
        assert!(remove_vote(&routemap, &mut answer, 1));
        assert_eq!(tally(&routemap, Some(&answer))[1], u32::MAX - 1);
    }

    #[test]
    fn votes_for_unknown_stages_are_not_counted() {
        let routemap = routemap();
        let answer = Answer {
            votes: vec![("gone".into(), 4), ("flag-planted".into(), 1)],
            ..Answer::default()
        };
        assert_eq!(tally(&routemap, Some(&answer)), [0, 1, 0, 0, 0]);
    }
}
