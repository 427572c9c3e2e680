//! Combining partial assessments of one authority (several officers, a set of themes
//! each) into one, theme by theme and field by field. What one file gives and the
//! others leave unset is taken; what several give alike, taken once; a field they give
//! differently is a conflict: left unset, with every file's answer recorded in the
//! theme's notes. Nothing is ever silently picked, and nothing agreed is dropped.

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

/// One field across the files that set it: the value they all give, or `Err` when they
/// give different ones. A file that leaves the field unset does not disagree.
fn settle<'a, T: PartialEq>(
    answers: &[(&PathBuf, &'a Answer)],
    field: impl Fn(&'a Answer) -> Option<T>,
) -> std::result::Result<Option<T>, ()> {
    let mut set = answers.iter().filter_map(|(_, answer)| field(answer));
    let Some(first) = set.next() else {
        return Ok(None);
    };
    if set.all(|other| other == first) {
        Ok(Some(first))
    } else {
        Err(())
    }
}

/// A settled field, or none (and its name noted) when the files set it differently.
fn take<T>(
    disputed: &mut Vec<&'static str>,
    name: &'static str,
    settled: std::result::Result<Option<T>, ()>,
) -> Option<T> {
    settled.unwrap_or_else(|()| {
        disputed.push(name);
        None
    })
}

/// Votes per stage, as an answer holds them.
type Tally = Vec<(String, u32)>;

/// The room's voting on a theme, as one thing: this round's votes and the rounds before.
fn voting(answer: &Answer) -> Option<(&Tally, &Vec<Tally>)> {
    (!answer.votes.is_empty() || !answer.rounds.is_empty())
        .then_some((&answer.votes, &answer.rounds))
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
        if answers.is_empty() {
            continue;
        }
        let (mut answer, disputed) = settled(&answers);
        if disputed.is_empty() {
            if answers.len() == 1 {
                taken += 1;
            } else {
                agreed += 1;
            }
        } else {
            let (conflict, notes) = conflicting(routemap, id, &answers, &disputed);
            conflicts.push(conflict);
            answer.notes = Some(notes);
        }
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

/// A theme's answers merged field by field: what the files that set a field agree on is
/// taken, a field they set differently is left unset and named in the second value.
/// Notes, evidence and ticks are combined; parked when any file parked it.
fn settled(answers: &[(&PathBuf, &Answer)]) -> (Answer, Vec<&'static str>) {
    let mut disputed = Vec::new();
    let d = &mut disputed;
    let current = take(d, "the stage", settle(answers, |a| a.current.clone()));
    let target = take(d, "the target", settle(answers, |a| a.target.clone()));
    let confidence = take(d, "the confidence", settle(answers, |a| a.confidence));
    let voted = take(d, "the room's votes", settle(answers, voting));
    // The voting as the first file that has it keeps it (order, reveal and all).
    let voter = answers
        .iter()
        .map(|(_, a)| *a)
        .find(|a| voting(a).is_some())
        .filter(|_| voted.is_some());
    // Carried over only while every file that gives the stage has it carried.
    let carried = current.is_some()
        && answers
            .iter()
            .filter(|(_, a)| a.current.is_some())
            .all(|(_, a)| a.carried);
    let answer = Answer {
        current,
        target,
        confidence,
        votes: voter.map(|a| a.votes.clone()).unwrap_or_default(),
        vote_order: voter.map(|a| a.vote_order.clone()).unwrap_or_default(),
        rounds: voter.map(|a| a.rounds.clone()).unwrap_or_default(),
        revealed: voter.is_some_and(|a| a.revealed),
        parked: answers.iter().any(|(_, a)| a.parked),
        notes: combined_notes(answers, |a| a.notes.as_deref()),
        room_note: combined_notes(answers, |a| a.room_note.as_deref()),
        evidence: union_evidence(answers),
        met: union_met(answers),
        carried,
    };
    (answer, disputed)
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

/// A theme the files answer differently: the conflict to list, and the theme's notes,
/// which name the fields left unset and keep what each file said, and each file's
/// notes, under its name.
fn conflicting(
    routemap: &Routemap,
    id: &str,
    answers: &[(&PathBuf, &Answer)],
    disputed: &[&str],
) -> (Conflict, String) {
    let theme_name = routemap
        .theme_index(id)
        .map_or_else(|| id.to_string(), |i| routemap.themes[i].name.clone());
    let said: Vec<(PathBuf, String)> = answers
        .iter()
        .map(|(path, a)| ((*path).clone(), describe(routemap, a)))
        .collect();
    let fields = match disputed {
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    let it = if disputed.len() == 1 { "it" } else { "them" };
    let mut notes = format!(
        "Merge conflict: the files disagree on {fields}; choose {it}, then edit this note.\n"
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
    let conflict = Conflict {
        theme_id: id.to_string(),
        theme_name,
        answers: said,
    };
    (conflict, notes.trim_end().to_string())
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
