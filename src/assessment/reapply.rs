//! Re-applying this session's changes on top of a file someone else changed.
//!
//! The full-screen program saves after every change. When the file on disk is no longer
//! what it last read or wrote (an editor, `git pull`, a script), writing its own copy
//! would silently undo the other change. Instead it takes the three versions: `base`
//! (what it last read or wrote), `ours` (in memory) and `theirs` (on disk now), and
//! keeps each field from whichever side changed it. A field both sides changed to
//! different values is a conflict: nothing is picked, the caller stops saving and says so.

use super::{Answer, Assessment};

/// A field both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The theme whose answer conflicts; `None` for the assessment's own fields.
    pub theme: Option<String>,
    /// The field, as the saved file names it.
    pub field: &'static str,
}

impl Conflict {
    fn top(field: &'static str) -> Self {
        Conflict { theme: None, field }
    }
}

/// `theirs` with every change from `base` to `ours` applied, or the conflicts.
pub fn reapply(
    base: &Assessment,
    ours: &Assessment,
    theirs: &Assessment,
) -> Result<Assessment, Vec<Conflict>> {
    let mut conflicts = Vec::new();
    // The session shows one routemap: a file now made against another (or another
    // version) cannot take answers made against this one, whoever changed it.
    let routemap = (ours.routemap == base.routemap && theirs.routemap == base.routemap)
        .then(|| base.routemap.clone());
    let authority = pick(&base.authority, &ours.authority, &theirs.authority);
    let title = pick(&base.title, &ours.title, &theirs.title);
    for (name, merged) in [
        ("routemap", routemap.is_some()),
        ("authority", authority.is_some()),
        ("title", title.is_some()),
    ] {
        if !merged {
            conflicts.push(Conflict::top(name));
        }
    }
    // Dates are bookkeeping, not answers: the earlier start and the later change win.
    let created = match (&ours.created, &theirs.created) {
        (Some(a), Some(b)) => Some(a.min(b).clone()),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    let updated = ours.updated.max(theirs.updated);
    // Both sides can only have switched blind voting the same way, if at all.
    let blind = pick(&base.blind, &ours.blind, &theirs.blind).unwrap_or(ours.blind);

    let mut answers = Vec::new();
    for theme in theme_ids(ours, theirs, base) {
        let of = |a: &Assessment| a.answer(&theme).cloned().unwrap_or_default();
        match reapply_answer(&of(base), &of(ours), &of(theirs)) {
            Ok(answer) if !answer.is_empty() => answers.push((theme, answer)),
            Ok(_) => {}
            Err(fields) => conflicts.extend(fields.into_iter().map(|field| Conflict {
                theme: Some(theme.clone()),
                field,
            })),
        }
    }
    match (routemap, authority, title) {
        (Some(routemap), Some(authority), Some(title)) if conflicts.is_empty() => Ok(Assessment {
            routemap,
            authority,
            title,
            created,
            updated,
            answers,
            blind,
        }),
        _ => Err(conflicts),
    }
}

/// Every theme any side has, ours in our order first, then any only the others have.
fn theme_ids(ours: &Assessment, theirs: &Assessment, base: &Assessment) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ours.answers
        .iter()
        .chain(&theirs.answers)
        .chain(&base.answers)
        .filter(|(id, _)| seen.insert(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect()
}

/// One answer merged field by field; the names of the fields that conflict.
fn reapply_answer(
    base: &Answer,
    ours: &Answer,
    theirs: &Answer,
) -> Result<Answer, Vec<&'static str>> {
    // Spelled out in full so that a new field cannot be forgotten here: the compiler
    // refuses this pattern until it names it.
    let Answer {
        current,
        target,
        met,
        confidence,
        notes,
        evidence,
        carried,
        parked,
        votes,
        vote_order,
        rounds,
        revealed,
        room_note,
    } = ours;
    let mut conflicts = Vec::new();
    let mut answer = theirs.clone();
    macro_rules! merge {
        ($name:literal, $field:ident) => {
            match pick(&base.$field, $field, &theirs.$field) {
                Some(value) => answer.$field = value,
                None => conflicts.push($name),
            }
        };
    }
    merge!("current", current);
    merge!("target", target);
    merge!("met", met);
    merge!("confidence", confidence);
    merge!("notes", notes);
    merge!("evidence", evidence);
    merge!("carried", carried);
    merge!("parked", parked);
    merge!("room_note", room_note);
    // The room's voting is one thing: this round's tally, the order it was cast in,
    // earlier rounds and whether it was shown. Taken whole from the side that changed
    // it, so an order never describes another tally.
    let tally = |a: &Answer| {
        (
            a.votes.clone(),
            a.vote_order.clone(),
            a.rounds.clone(),
            a.revealed,
        )
    };
    match pick(
        &tally(base),
        &(votes.clone(), vote_order.clone(), rounds.clone(), *revealed),
        &tally(theirs),
    ) {
        Some((votes, vote_order, rounds, revealed)) => {
            answer.votes = votes;
            answer.vote_order = vote_order;
            answer.rounds = rounds;
            answer.revealed = revealed;
        }
        None => conflicts.push("votes"),
    }
    if conflicts.is_empty() {
        Ok(answer)
    } else {
        Err(conflicts)
    }
}

/// The value of a field after both changes: the side that changed it, or either when
/// both made the same change; `None` when they changed it differently.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == base || ours == theirs {
        Some(theirs.clone())
    } else if theirs == base {
        Some(ours.clone())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Current;
    use crate::builtin;
    use crate::clock::Timestamp;

    fn base() -> Assessment {
        let routemap = builtin::planting_the_flag();
        let mut assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        let leadership = assessment.answer_mut(&routemap, "leadership");
        leadership.current = Some(Current::Stage("flag-planted".into()));
        leadership.notes = Some("first thoughts".into());
        assessment
    }

    fn stage(id: &str) -> Option<Current> {
        Some(Current::Stage(id.into()))
    }

    #[test]
    fn changes_to_different_themes_both_survive() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "governance").current = stage("route-planned");
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").current = stage("on-the-route");
        theirs.title = Some("2026 baseline".into());
        let merged = reapply(&base, &ours, &theirs).unwrap();
        assert_eq!(
            merged.answer("leadership").unwrap().current,
            stage("on-the-route")
        );
        assert_eq!(
            merged.answer("governance").unwrap().current,
            stage("route-planned")
        );
        assert_eq!(merged.title.as_deref(), Some("2026 baseline"));
    }

    #[test]
    fn different_fields_of_one_answer_both_survive() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "leadership").target = Some("destination".into());
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").notes = Some("edited elsewhere".into());
        let merged = reapply(&base, &ours, &theirs).unwrap();
        let leadership = merged.answer("leadership").unwrap();
        assert_eq!(leadership.target.as_deref(), Some("destination"));
        assert_eq!(leadership.notes.as_deref(), Some("edited elsewhere"));
        assert_eq!(leadership.current, stage("flag-planted"));
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "leadership").current = stage("route-planned");
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").current = stage("on-the-route");
        theirs.authority = "Othertown".into();
        ours.authority = "Elsewhere".into();
        let conflicts = reapply(&base, &ours, &theirs).unwrap_err();
        assert_eq!(
            conflicts,
            [
                Conflict::top("authority"),
                Conflict {
                    theme: Some("leadership".into()),
                    field: "current"
                }
            ]
        );
    }

    #[test]
    fn a_file_switched_to_another_routemap_is_a_conflict() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "governance").current = stage("route-planned");
        let mut theirs = base.clone();
        theirs.routemap.id = "procurement-and-sourcing".into();
        assert_eq!(
            reapply(&base, &ours, &theirs).unwrap_err(),
            [Conflict::top("routemap")]
        );
        let mut theirs = base.clone();
        theirs.routemap.version = "2012".into();
        assert!(reapply(&base, &ours, &theirs).is_err(), "a new version too");
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "leadership").current = stage("route-planned");
        let theirs = ours.clone();
        assert_eq!(
            reapply(&base, &ours, &theirs).unwrap().answers,
            ours.answers
        );
    }

    #[test]
    fn a_theme_they_deleted_stays_deleted_unless_we_changed_it() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut theirs = base.clone();
        theirs.answers.clear();
        let merged = reapply(&base, &base, &theirs).unwrap();
        assert!(merged.answers.is_empty());
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "leadership").confidence =
            Some(crate::assessment::Confidence::High);
        let merged = reapply(&base, &ours, &theirs).unwrap();
        let leadership = merged.answer("leadership").unwrap();
        assert_eq!(
            leadership.confidence,
            Some(crate::assessment::Confidence::High)
        );
        assert_eq!(
            leadership.current, None,
            "their removal of the stage stands"
        );
    }

    #[test]
    fn the_rooms_voting_is_taken_whole_from_the_side_that_changed_it() {
        let routemap = builtin::planting_the_flag();
        let base = base();
        let mut ours = base.clone();
        ours.blind = true;
        let voted = ours.answer_mut(&routemap, "leadership");
        voted.votes = vec![("flag-planted".into(), 2)];
        voted.vote_order = vec!["flag-planted".into(), "flag-planted".into()];
        voted.revealed = true;
        voted.rounds = vec![vec![("destination".into(), 1)]];
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").room_note = Some("agreed 2".into());
        let merged = reapply(&base, &ours, &theirs).unwrap();
        assert!(merged.blind);
        let leadership = merged.answer("leadership").unwrap();
        assert_eq!(leadership.vote_order.len(), 2);
        assert_eq!(leadership.votes, ours.answer("leadership").unwrap().votes);
        assert!(leadership.revealed);
        assert_eq!(leadership.rounds.len(), 1);
        assert_eq!(leadership.room_note.as_deref(), Some("agreed 2"));

        // Votes cast on both sides: a conflict, never an order that describes another tally.
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").votes = vec![("destination".into(), 1)];
        let conflicts = reapply(&base, &ours, &theirs).unwrap_err();
        assert_eq!(conflicts[0].field, "votes");
        // The same room note written differently on both sides is a conflict too.
        let mut ours = base.clone();
        ours.answer_mut(&routemap, "leadership").room_note = Some("ours".into());
        let mut theirs = base.clone();
        theirs.answer_mut(&routemap, "leadership").room_note = Some("theirs".into());
        assert_eq!(
            reapply(&base, &ours, &theirs).unwrap_err()[0].field,
            "room_note"
        );
    }
}
