//! `u`: the last changes to answers, newest last, to take back one at a time. Each step
//! is a theme's whole answer as it was before the change, so taking it back is exact
//! whatever the change was (a stage, a target, n/a, confidence, notes, evidence, ticks).
//! Typing in an editor is one step for the whole visit, not one a keystroke.

use crate::assessment::{Answer, Current};
use crate::routemap::Routemap;

/// How many changes `u` can take back.
pub const DEPTH: usize = 50;

/// One change to take back: the answer of each theme it changed, as it was before (one
/// theme, or several at once for "confirm all").
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub before: Vec<(String, Answer)>,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    steps: Vec<Step>,
    /// The open editor's first change is recorded; the rest of its typing is not.
    editing_recorded: bool,
}

impl History {
    /// Records the answer of `theme` before a change. `editing` is true for a change
    /// typed in an editor: only the first of those in one visit to the editor counts.
    pub fn record(&mut self, theme: &str, before: Answer, editing: bool) {
        if editing && self.editing_recorded {
            return;
        }
        self.editing_recorded = editing;
        self.push(Step {
            before: vec![(theme.to_string(), before)],
        });
    }

    /// Records a change made to several themes at once, undone as one.
    pub fn record_all(&mut self, before: Vec<(String, Answer)>) {
        self.editing_recorded = false;
        if !before.is_empty() {
            self.push(Step { before });
        }
    }

    fn push(&mut self, step: Step) {
        if self.steps.len() == DEPTH {
            self.steps.remove(0);
        }
        self.steps.push(step);
    }

    /// An editor was opened: its first change is a step of its own.
    pub fn start_editing(&mut self) {
        self.editing_recorded = false;
    }

    /// The last change, to take back.
    pub fn take(&mut self) -> Option<Step> {
        self.editing_recorded = false;
        self.steps.pop()
    }

    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// What taking a step back changed, in words: "the stage (back to 2 Flag planted)",
/// "the notes and the evidence".
pub fn describe(routemap: &Routemap, from: &Answer, to: &Answer) -> String {
    let mut parts = Vec::new();
    if from.current != to.current {
        let now = match &to.current {
            None => "none".to_string(),
            Some(Current::NotApplicable) => "n/a".to_string(),
            Some(Current::Stage(id)) => routemap
                .stage_index(id)
                .map_or_else(|| id.clone(), |index| routemap.stage_label(index)),
        };
        parts.push(format!("the stage (back to {now})"));
    }
    if from.target != to.target {
        parts.push("the target".to_string());
    }
    if from.confidence != to.confidence {
        parts.push("the confidence".to_string());
    }
    if from.notes != to.notes {
        parts.push("the notes".to_string());
    }
    if from.evidence != to.evidence {
        parts.push("the evidence".to_string());
    }
    if from.met != to.met {
        parts.push("the ticked criteria".to_string());
    }
    if from.carried != to.carried && parts.is_empty() {
        parts.push("the confirmation".to_string());
    }
    if parts.is_empty() {
        parts.push("the workshop's record".to_string());
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stage: &str) -> Answer {
        Answer {
            current: Some(Current::Stage(stage.into())),
            ..Answer::default()
        }
    }

    #[test]
    fn steps_come_back_newest_first_and_only_so_many_are_kept() {
        let mut history = History::default();
        for stage in 0..DEPTH + 5 {
            history.record("leadership", at(&stage.to_string()), false);
        }
        assert_eq!(history.len(), DEPTH);
        let before = |step: Step| step.before[0].1.clone();
        assert_eq!(
            before(history.take().unwrap()),
            at(&(DEPTH + 4).to_string())
        );
        assert_eq!(
            before(history.take().unwrap()),
            at(&(DEPTH + 3).to_string())
        );
        history.record_all(vec![("a".into(), at("1")), ("b".into(), at("2"))]);
        assert_eq!(history.take().unwrap().before.len(), 2, "one step for both");
    }

    #[test]
    fn a_visit_to_the_editor_is_one_step() {
        let mut history = History::default();
        history.record("leadership", at("planted"), false);
        history.start_editing();
        for _ in 0..20 {
            history.record("leadership", Answer::default(), true);
        }
        assert_eq!(history.len(), 2, "twenty keystrokes, one step");
        history.start_editing();
        history.record("leadership", Answer::default(), true);
        assert_eq!(history.len(), 3, "a second visit is a second step");
        history.take();
        history.record("leadership", Answer::default(), true);
        assert_eq!(history.len(), 3, "typing after an undo is a step again");
    }

    #[test]
    fn a_step_back_says_what_it_changed() {
        let routemap = crate::builtin::planting_the_flag();
        let mut now = at("route-planned");
        now.notes = Some("text".into());
        let before = at("flag-planted");
        assert_eq!(
            describe(&routemap, &now, &before),
            "the stage (back to 2 Flag planted) and the notes"
        );
        let mut unsure = before.clone();
        unsure.confidence = Some(crate::assessment::Confidence::Low);
        unsure.target = Some("on-the-route".into());
        unsure.evidence = vec!["a".into()];
        assert_eq!(
            describe(&routemap, &unsure, &before),
            "the target, the confidence and the evidence"
        );
        assert_eq!(
            describe(&routemap, &before, &Answer::default()),
            "the stage (back to none)"
        );
    }
}
