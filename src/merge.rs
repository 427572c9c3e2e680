//! Combining partial assessments of one authority (several officers, a set of themes
//! each) into one. A theme answered in one file is taken; answered identically in
//! several, taken once; answered differently, it is a conflict: recorded with every
//! answer in its notes and its stages left unset. Nothing is ever silently picked.

use crate::assessment::{Answer, Assessment, Current};
use crate::clock::Timestamp;
use crate::diff::confidence_label;
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use std::path::PathBuf;

/// One theme answered differently by two or more files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub theme_id: String,
    pub theme_name: String,
    /// Each file and what it said.
    pub answers: Vec<(PathBuf, String)>,
}

/// The merged assessment and what happened on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub assessment: Assessment,
    pub conflicts: Vec<Conflict>,
    /// Themes answered in exactly one file.
    pub taken: usize,
    /// Themes answered the same way in several files.
    pub agreed: usize,
}

/// True when two answers say the same thing: stages, confidence and votes (notes and
/// evidence are combined instead).
fn agrees(a: &Answer, b: &Answer) -> bool {
    a.current == b.current
        && a.target == b.target
        && a.confidence == b.confidence
        && a.votes == b.votes
        && a.rounds == b.rounds
}

fn stage_text(routemap: &Routemap, stage: &str) -> String {
    match routemap.stage_index(stage) {
        Some(index) => routemap.stage_label(index),
        None => format!("'{stage}'"),
    }
}

/// What an answer says, in a phrase: "current 2 Flag planted, target 4 On the route".
pub fn describe(routemap: &Routemap, answer: &Answer) -> String {
    let mut parts = Vec::new();
    parts.push(match &answer.current {
        Some(Current::Stage(stage)) => format!("current {}", stage_text(routemap, stage)),
        Some(Current::NotApplicable) => "not applicable".into(),
        None => "no current stage".into(),
    });
    if let Some(target) = &answer.target {
        parts.push(format!("target {}", stage_text(routemap, target)));
    }
    if answer.confidence.is_some() {
        parts.push(format!(
            "confidence {}",
            confidence_label(answer.confidence)
        ));
    }
    if !answer.votes.is_empty() {
        let votes: Vec<String> = answer
            .votes
            .iter()
            .map(|(stage, count)| format!("{stage}: {count}"))
            .collect();
        parts.push(format!("votes {}", votes.join(", ")));
    }
    parts.join(", ")
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Notes (`field` picks which: the private notes or the room's) from several files, each
/// under its file's name; one file's notes as they are.
fn combined_notes(
    answers: &[(&PathBuf, &Answer)],
    field: fn(&Answer) -> Option<&str>,
) -> Option<String> {
    let mut distinct: Vec<(&PathBuf, &str)> = Vec::new();
    for (path, answer) in answers {
        if let Some(notes) = field(answer)
            && !distinct.iter().any(|(_, seen)| *seen == notes)
        {
            distinct.push((path, notes));
        }
    }
    match distinct.as_slice() {
        [] => None,
        [(_, notes)] => Some((*notes).to_string()),
        many => Some(
            many.iter()
                .map(|(path, notes)| format!("From {}:\n{notes}", file_name(path)))
                .collect::<Vec<_>>()
                .join("\n\n"),
        ),
    }
}

/// Every criterion any file ticked: each officer vouches for what they checked.
fn union_met(answers: &[(&PathBuf, &Answer)]) -> Vec<String> {
    let mut met: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, answer) in answers {
        for id in &answer.met {
            if seen.insert(id.as_str()) {
                met.push(id.clone());
            }
        }
    }
    met
}

fn union_evidence(answers: &[(&PathBuf, &Answer)]) -> Vec<String> {
    let mut evidence: Vec<String> = Vec::new();
    for (_, answer) in answers {
        for item in &answer.evidence {
            if !evidence.contains(item) {
                evidence.push(item.clone());
            }
        }
    }
    evidence
}

/// The merged file's title says it is merged, and from what: "Merged: ICT + Digital",
/// or "Merged from 3 assessments" when none had a title.
fn merged_title(inputs: &[(PathBuf, Assessment)]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for title in inputs.iter().filter_map(|(_, a)| a.title.as_deref()) {
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    if titles.is_empty() {
        format!("Merged from {} assessments", inputs.len())
    } else {
        format!("Merged: {}", titles.join(" + "))
    }
}

/// Merges `inputs` (file, assessment), which must be of one routemap and one authority.
pub fn merge(
    routemap: &Routemap,
    inputs: &[(PathBuf, Assessment)],
    now: Timestamp,
) -> Result<Merged> {
    let Some((_, first)) = inputs.first() else {
        return Err(Error::Usage("merge needs at least two assessments".into()));
    };
    check_mergeable(inputs)?;
    let mut ids: Vec<&str> = routemap.themes.iter().map(|t| t.id.as_str()).collect();
    for (_, assessment) in inputs {
        for (id, _) in &assessment.answers {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
    }
    let mut merged = Assessment {
        routemap: first.routemap.clone(),
        authority: first.authority.clone(),
        title: Some(merged_title(inputs)),
        created: inputs.iter().filter_map(|(_, a)| a.created.clone()).min(),
        updated: Some(now),
        answers: Vec::new(),
        // A workshop that votes blind in any of the files goes on voting blind.
        blind: inputs.iter().any(|(_, a)| a.blind),
    };
    let (mut conflicts, mut taken, mut agreed) = (Vec::new(), 0, 0);
    for id in ids {
        let answers: Vec<(&PathBuf, &Answer)> = inputs
            .iter()
            .filter_map(|(path, assessment)| {
                assessment
                    .answer(id)
                    .filter(|a| !a.is_empty())
                    .map(|a| (path, a))
            })
            .collect();
        let Some((_, first_answer)) = answers.first() else {
            continue;
        };
        let mut answer = if answers.iter().all(|(_, a)| agrees(a, first_answer)) {
            if answers.len() == 1 {
                taken += 1
            } else {
                agreed += 1
            }
            Answer {
                notes: combined_notes(&answers, |a| a.notes.as_deref()),
                room_note: combined_notes(&answers, |a| a.room_note.as_deref()),
                evidence: union_evidence(&answers),
                met: union_met(&answers),
                carried: answers.iter().any(|(_, a)| a.carried),
                ..(*first_answer).clone()
            }
        } else {
            let (conflict, answer) = conflicting(routemap, id, &answers);
            conflicts.push(conflict);
            answer
        };
        answer.votes.retain(|(_, count)| *count > 0);
        merged.answers.push((id.to_string(), answer));
    }
    merged.order_by(routemap);
    Ok(Merged {
        assessment: merged,
        conflicts,
        taken,
        agreed,
    })
}

/// Files of one routemap and one authority (its name compared without case or spacing).
fn check_mergeable(inputs: &[(PathBuf, Assessment)]) -> Result<()> {
    let Some((first_path, first)) = inputs.first() else {
        return Ok(());
    };
    for (path, assessment) in &inputs[1..] {
        if assessment.routemap.id != first.routemap.id {
            return Err(Error::different_routemaps(
                (first_path, &first.routemap.id),
                (path, &assessment.routemap.id),
            ));
        }
        let same_authority = |a: &str, b: &str| {
            a.to_lowercase()
                .split_whitespace()
                .eq(b.to_lowercase().split_whitespace())
        };
        if !same_authority(&assessment.authority, &first.authority) {
            return Err(Error::Incompatible(format!(
                "'{}' assesses '{}' but '{}' assesses '{}'; merge combines one authority's files (make the 'authority:' lines match if they are the same)",
                first_path.display(),
                first.authority,
                path.display(),
                assessment.authority
            )));
        }
    }
    Ok(())
}

/// A theme the files answer differently: the conflict to list, and an answer that picks
/// nothing but keeps what each file said, and each file's notes, in its notes.
fn conflicting(
    routemap: &Routemap,
    id: &str,
    answers: &[(&PathBuf, &Answer)],
) -> (Conflict, Answer) {
    let theme_name = routemap
        .theme_index(id)
        .map_or_else(|| id.to_string(), |i| routemap.themes[i].name.clone());
    let said: Vec<(PathBuf, String)> = answers
        .iter()
        .map(|(path, a)| ((*path).clone(), describe(routemap, a)))
        .collect();
    let mut notes = String::from(
        "Merge conflict: the files disagree; choose the stage, then edit this note.\n",
    );
    for (path, what) in &said {
        notes.push_str(&format!("- {}: {what}\n", file_name(path)));
    }
    // Every file's own notes, under its name, whatever they say.
    for (path, answer) in answers {
        if let Some(theirs) = &answer.notes {
            notes.push_str(&format!("\nFrom {}:\n{theirs}\n", file_name(path)));
        }
        if let Some(room) = &answer.room_note {
            notes.push_str(&format!(
                "\nThe room's note in {}:\n{room}\n",
                file_name(path)
            ));
        }
    }
    let answer = Answer {
        notes: Some(notes.trim_end().to_string()),
        evidence: union_evidence(answers),
        met: union_met(answers),
        ..Answer::default()
    };
    let conflict = Conflict {
        theme_id: id.to_string(),
        theme_name,
        answers: said,
    };
    (conflict, answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::clock::Timestamp;

    fn routemap() -> Routemap {
        builtin::planting_the_flag()
    }

    fn part(themes: &[(&str, &str, Option<&str>)]) -> Assessment {
        let routemap = routemap();
        let mut assessment =
            Assessment::new(&routemap, "Anytown Borough Council", None, Timestamp(0));
        for (theme, stage, notes) in themes {
            let answer = assessment.answer_mut(&routemap, theme);
            answer.current = Some(Current::Stage((*stage).into()));
            answer.notes = notes.map(str::to_string);
        }
        assessment
    }

    fn inputs(parts: Vec<Assessment>) -> Vec<(PathBuf, Assessment)> {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, a)| (PathBuf::from(format!("officer-{}.yaml", i + 1)), a))
            .collect()
    }

    #[test]
    fn separate_themes_are_taken_and_shared_ones_agree() {
        let a = part(&[
            (
                "leadership",
                "flag-planted",
                Some("From the CEO interview."),
            ),
            ("governance", "route-planned", None),
        ]);
        let b = part(&[
            ("governance", "route-planned", Some("Board minutes.")),
            ("infrastructure", "on-the-route", None),
        ]);
        let merged = merge(&routemap(), &inputs(vec![a, b]), Timestamp(5)).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!((merged.taken, merged.agreed), (2, 1));
        let ids: Vec<&str> = merged
            .assessment
            .answers
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(ids, ["leadership", "governance", "infrastructure"]);
        assert_eq!(
            merged
                .assessment
                .answer("governance")
                .unwrap()
                .notes
                .as_deref(),
            Some("Board minutes.")
        );
        assert_eq!(merged.assessment.updated, Some(Timestamp(5)));
    }

    #[test]
    fn different_answers_are_a_conflict_recorded_in_notes() {
        let a = part(&[("leadership", "flag-planted", Some("We think 2."))]);
        let b = part(&[("leadership", "on-the-route", Some("Clearly 4."))]);
        let merged = merge(&routemap(), &inputs(vec![a, b]), Timestamp(0)).unwrap();
        assert_eq!(merged.conflicts.len(), 1);
        let conflict = &merged.conflicts[0];
        assert_eq!(conflict.theme_name, "Leadership");
        assert_eq!(conflict.answers[0].1, "current 2 Flag planted");
        assert_eq!(conflict.answers[1].1, "current 4 On the route");
        let answer = merged.assessment.answer("leadership").unwrap();
        assert_eq!(answer.current, None, "never silently picked");
        assert_eq!(
            answer.notes.as_deref(),
            Some(
                "Merge conflict: the files disagree; choose the stage, then edit this note.\n- officer-1.yaml: current 2 Flag planted\n- officer-2.yaml: current 4 On the route\n\nFrom officer-1.yaml:\nWe think 2.\n\nFrom officer-2.yaml:\nClearly 4."
            )
        );
    }

    #[test]
    fn a_target_or_confidence_difference_is_a_conflict_too() {
        let routemap = routemap();
        let a = part(&[("leadership", "flag-planted", None)]);
        let mut b = a.clone();
        b.answer_mut(&routemap, "leadership").target = Some("on-the-route".into());
        assert_eq!(
            merge(&routemap, &inputs(vec![a.clone(), b]), Timestamp(0))
                .unwrap()
                .conflicts
                .len(),
            1
        );
        let mut c = a.clone();
        c.answer_mut(&routemap, "leadership").confidence = Some(crate::assessment::Confidence::Low);
        assert_eq!(
            merge(&routemap, &inputs(vec![a, c]), Timestamp(0))
                .unwrap()
                .conflicts
                .len(),
            1
        );
    }

    #[test]
    fn evidence_is_united_without_repeats() {
        let routemap = routemap();
        let mut a = part(&[("leadership", "flag-planted", None)]);
        let mut b = a.clone();
        a.answer_mut(&routemap, "leadership").evidence = vec!["x.pdf".into(), "y.pdf".into()];
        b.answer_mut(&routemap, "leadership").evidence = vec!["y.pdf".into(), "z.pdf".into()];
        let merged = merge(&routemap, &inputs(vec![a, b]), Timestamp(0)).unwrap();
        assert_eq!(
            merged.assessment.answer("leadership").unwrap().evidence,
            ["x.pdf", "y.pdf", "z.pdf"]
        );
    }

    #[test]
    fn other_authorities_and_routemaps_are_refused() {
        let a = part(&[]);
        let mut b = part(&[]);
        b.authority = "Othertown".into();
        let error = merge(&routemap(), &inputs(vec![a.clone(), b]), Timestamp(0)).unwrap_err();
        assert!(
            error.to_string().contains(
                "assesses 'Anytown Borough Council' but 'officer-2.yaml' assesses 'Othertown'"
            ),
            "{error}"
        );
        let mut c = part(&[]);
        c.authority = "anytown  borough council".into();
        assert!(
            merge(&routemap(), &inputs(vec![a.clone(), c]), Timestamp(0)).is_ok(),
            "case and spacing do not matter"
        );
        let mut d = part(&[]);
        d.routemap.id = "procurement-and-sourcing".into();
        assert!(merge(&routemap(), &inputs(vec![a, d]), Timestamp(0)).is_err());
    }

    #[test]
    fn room_notes_and_rounds_travel_with_the_answer() {
        let routemap = routemap();
        let mut a = part(&[("leadership", "flag-planted", None)]);
        a.blind = true;
        let mut b = part(&[("leadership", "flag-planted", None)]);
        let room = a.answer_mut(&routemap, "leadership");
        room.room_note = Some("Agreed 2 after a second round.".into());
        room.rounds = vec![vec![("destination".into(), 3)]];
        b.answer_mut(&routemap, "leadership").rounds = room.rounds.clone();
        b.answer_mut(&routemap, "leadership").room_note = Some("Finance said 1.".into());
        let merged = merge(&routemap, &inputs(vec![a.clone(), b]), Timestamp(0)).unwrap();
        assert!(merged.conflicts.is_empty() && merged.assessment.blind);
        let leadership = merged.assessment.answer("leadership").unwrap();
        assert_eq!(leadership.rounds.len(), 1);
        assert_eq!(
            leadership.room_note.as_deref(),
            Some(
                "From officer-1.yaml:\nAgreed 2 after a second round.\n\nFrom officer-2.yaml:\nFinance said 1."
            )
        );
        // Other rounds of voting: a conflict, and the room's words kept in its note.
        let mut c = part(&[("leadership", "flag-planted", None)]);
        c.answer_mut(&routemap, "leadership").rounds = vec![vec![("not-started".into(), 1)]];
        let merged = merge(&routemap, &inputs(vec![a, c]), Timestamp(0)).unwrap();
        assert_eq!(merged.conflicts.len(), 1);
        let notes = merged
            .assessment
            .answer("leadership")
            .unwrap()
            .notes
            .clone()
            .unwrap();
        assert!(
            notes.contains("The room's note in officer-1.yaml:\nAgreed 2 after a second round."),
            "{notes}"
        );
    }
}
