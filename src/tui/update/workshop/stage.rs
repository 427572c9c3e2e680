//! A stage's descriptor in full (`d` in a workshop): which stage it opens on, moving
//! between stages, and back to the tally.

use super::super::Effect;
use crate::tui::keys::Action;
use crate::tui::state::{Mode, State};
use crate::workshop::{self, At, Standing};

pub(super) fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    let stages = state.routemap.stages.len();
    let showing = match state.mode {
        Mode::StageInFull(stage) => Some(stage),
        _ => None,
    };
    let next = match (action, showing) {
        (Action::ShowStage, _) => Some(first_stage(state)),
        (Action::ShowStageAt(stage), _) => {
            if super::super::stage_id(state, stage).is_none() {
                return Some(Vec::new());
            }
            Some(stage)
        }
        (Action::NextStage, Some(stage)) => Some((stage + 1).min(stages.saturating_sub(1))),
        (Action::PreviousStage, Some(stage)) => Some(stage.saturating_sub(1)),
        (Action::CloseStage, _) => None,
        _ => return None,
    };
    state.mode = match next {
        Some(stage) if stages > 0 => Mode::StageInFull(stage),
        _ => Mode::Normal,
    };
    if next != showing {
        state.detail_scroll = 0;
    }
    Some(Vec::new())
}

/// The stage to show first: the agreed one, else the median of the votes, else the
/// first. What is shown is what the screen may show: a hidden tally has no median.
fn first_stage(state: &State) -> usize {
    let shown = workshop::shown(&state.routemap, state.assessment.blind, state.answer());
    match shown.standing {
        Standing::Agreed(At::Stage(stage)) => stage,
        _ => shown.median.unwrap_or(0),
    }
}
