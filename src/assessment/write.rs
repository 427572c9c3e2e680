//! The canonical spelling of a saved assessment: same assessment, same bytes, keys in a
//! fixed order, one field a line, so that `git diff` shows only what changed.

use super::file::{FORMAT, NOT_APPLICABLE};
use super::{Answer, Assessment, Current};
use crate::yaml::{Emitter, flow_plain_or_quoted, plain_or_quoted, quoted};

/// A tally's entries to write: stage id and count, counts above zero.
fn tally_entries(votes: &[(String, u32)]) -> Vec<(String, String)> {
    votes
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(stage, count)| (stage.clone(), count.to_string()))
        .collect()
}

/// The canonical YAML of an assessment. Same assessment, same bytes.
pub fn to_yaml(assessment: &Assessment) -> String {
    let mut out = Emitter::new();
    out.field(0, "format", FORMAT);
    out.field(
        0,
        "routemap",
        &format!(
            "{{ id: {}, version: {} }}",
            flow_plain_or_quoted(&assessment.routemap.id),
            quoted(&assessment.routemap.version)
        ),
    );
    out.text(0, "authority", &assessment.authority);
    if let Some(title) = &assessment.title {
        out.text(0, "title", title);
    }
    if let Some(created) = &assessment.created {
        out.field(0, "created", created);
    }
    if let Some(updated) = assessment.updated {
        out.field(0, "updated", &updated.timestamp());
    }
    if assessment.blind {
        out.field(0, "workshop", "{ blind: true }");
    }
    let answers: Vec<_> = assessment
        .answers
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .collect();
    if !answers.is_empty() {
        out.open(0, "answers");
    }
    for (theme_id, answer) in answers {
        out.open(2, theme_id);
        write_answer(&mut out, answer);
    }
    out.finish()
}

/// One answer's fields, in the fixed order a `git diff` can rely on.
fn write_answer(out: &mut Emitter, answer: &Answer) {
    match &answer.current {
        Some(Current::Stage(stage)) => out.field(4, "current", &plain_or_quoted(stage)),
        Some(Current::NotApplicable) => out.field(4, "current", NOT_APPLICABLE),
        None => {}
    }
    if let Some(target) = &answer.target {
        out.field(4, "target", &plain_or_quoted(target));
    }
    write_list(out, "met", &answer.met);
    if let Some(confidence) = answer.confidence {
        out.field(4, "confidence", confidence.as_str());
    }
    if let Some(notes) = &answer.notes {
        out.text(4, "notes", notes);
    }
    if let Some(note) = &answer.room_note {
        out.text(4, "room_note", note);
    }
    write_list(out, "evidence", &answer.evidence);
    for (key, set) in [("carried", answer.carried), ("parked", answer.parked)] {
        if set {
            out.field(4, key, "true");
        }
    }
    write_workshop(out, answer);
}

/// `key:` and one item a line, when there are any.
fn write_list(out: &mut Emitter, key: &str, items: &[String]) {
    if !items.is_empty() {
        out.open(4, key);
        for item in items {
            out.item(6, item);
        }
    }
}

/// The room's working: this round's tally and the order of its votes, earlier rounds,
/// whether the tally has been revealed.
fn write_workshop(out: &mut Emitter, answer: &Answer) {
    let votes = tally_entries(&answer.votes);
    if !votes.is_empty() {
        out.flow_mapping(4, "votes", &votes);
    }
    if !answer.vote_order.is_empty() {
        let order: Vec<String> = answer
            .vote_order
            .iter()
            .map(|s| flow_plain_or_quoted(s))
            .collect();
        out.field(4, "vote_order", &format!("[{}]", order.join(", ")));
    }
    let rounds: Vec<Vec<(String, String)>> = answer
        .rounds
        .iter()
        .map(|round| tally_entries(round))
        .filter(|round| !round.is_empty())
        .collect();
    if !rounds.is_empty() {
        out.open(4, "rounds");
        for round in &rounds {
            out.mapping_item(6, round);
        }
    }
    if answer.revealed {
        out.field(4, "revealed", "true");
    }
}
