//! Quitting, and what to do when a change could not be saved: try again, write it to
//! another file, or quit without it.

use super::Effect;
use crate::tui::keys::Action;
use crate::tui::state::{Mode, State};
use ratatui::crossterm::event::KeyEvent;

/// `q` and the answers to the question it asks when a change is not saved.
pub(super) fn quit(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit if state.save_problem.is_some() && state.read_only.is_none() => {
            state.mode = Mode::ConfirmQuit;
            Vec::new()
        }
        Action::Quit | Action::QuitDiscarding => {
            state.mode = Mode::Normal;
            vec![Effect::RememberPosition, Effect::Quit]
        }
        Action::RetrySave => vec![Effect::Save, Effect::QuitIfSaved],
        Action::SaveElsewhere => {
            let prompt = crate::tui::prompt::Prompt::new(
                "Write your changes to another file",
                "A new file for the whole assessment with your changes (it must not exist yet):",
                &state.save_elsewhere_suggestion,
            )
            .confirming("Enter writes it · Esc goes back");
            state.mode = Mode::SaveElsewhere(Box::new(prompt));
            Vec::new()
        }
        _ => {
            state.mode = Mode::Normal;
            Vec::new()
        }
    }
}

/// A key typed while asking where to write the unsaved changes.
pub(super) fn save_elsewhere_key(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    use crate::tui::prompt::PromptOutcome;
    let Mode::SaveElsewhere(prompt) = &mut state.mode else {
        return Vec::new();
    };
    match prompt.key(key) {
        PromptOutcome::Typing => Vec::new(),
        PromptOutcome::Answered(path) => vec![Effect::SaveElsewhere(expand_home(&path))],
        PromptOutcome::Cancelled => {
            state.mode = Mode::ConfirmQuit;
            Vec::new()
        }
    }
}

/// `~/x` as the home directory's `x`, as a shell would.
fn expand_home(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}
