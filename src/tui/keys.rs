//! Keys as data: each binding names its keys, the action and a line of help. The key
//! handler and the help screen both read this table, so they cannot disagree.

use super::state::{Mode, Screen, State};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PreviousTheme,
    NextTheme,
    FirstTheme,
    LastTheme,
    PageUp,
    PageDown,
    NextUnanswered,
    /// Set the current stage: stage N of the scale (0-based here).
    SetCurrent(usize),
    StartTarget,
    SetTarget(usize),
    ClearTarget,
    CancelTarget,
    NotApplicable,
    ClearCurrent,
    Confirm,
    CycleConfidence,
    EditNotes,
    EditEvidence,
    FinishEditing,
    ScrollDown,
    ScrollUp,
    Review,
    Help,
    Back,
    Quit,
    /// Choose another saved assessment to compare with.
    Compare,
    PickerUp,
    PickerDown,
    PickerChoose,
    PickerCancel,
    /// Into workshop mode, or out of it.
    ToggleWorkshop,
    /// A vote for stage N (0-based).
    AddVote(usize),
    RemoveVote,
    /// Record the median of the votes as the agreed current stage.
    AgreeMedian,
    StartAgree,
    /// Record stage N as agreed (0-based).
    SetAgreed(usize),
    CancelAgree,
    ToggleBlind,
    Reveal,
    ToggleTimer,
    /// `T`: type the minutes of a countdown (Enter alone starts or stops the clock).
    StartCountdown,
    TogglePark,
    Summary,
    /// Take back the last vote, agreement or new round on the theme.
    Undo,
    /// Close this round of voting (kept in the file) and start a new one.
    NewRound,
    /// Write the room's note on the theme.
    EditRoomNote,
    /// Try the failed save again, and quit if it works.
    RetrySave,
    /// Ask where to write the changes that could not be saved.
    SaveElsewhere,
    /// Quit although changes are not saved.
    QuitDiscarding,
    /// Back from the quit question to the assessment.
    CancelQuit,
    /// Show "About this routemap" again.
    About,
    /// Write the report (markdown and HTML) and say where.
    WriteReport,
}

/// A key, or a family of keys (`1`…`9`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    Shift(KeyCode),
    /// `1`…`9`, giving stage index 0…8.
    Digit,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The walk and review screens.
    Normal,
    /// After `t`, waiting for the target's digit.
    Target,
    /// In the notes or evidence editor.
    Editor,
    /// Choosing an assessment to compare with.
    Picker,
    /// The workshop's theme screen.
    Workshop,
    /// After `a` in a workshop, waiting for the agreed stage's digit.
    Agree,
    /// The workshop's summary screen.
    Summary,
    /// Quitting while a change is not saved.
    QuitUnsaved,
    /// Typing where to write the unsaved changes.
    SaveElsewhere,
}

/// One line of the key map.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// How the keys are written in help: "↑ k".
    pub label: &'static str,
    pub help: &'static str,
    action: fn(stage: usize) -> Action,
}

macro_rules! bind {
    ($context:ident, [$($key:expr),+], $label:expr, $help:expr, $action:expr) => {
        Binding { context: Context::$context, keys: &[$($key),+], label: $label, help: $help, action: $action }
    };
}

use Key::{Char, Code, Ctrl, Digit, Shift};

/// The whole key map, in the order help lists it. Kept as a one-line-a-binding table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(Normal, [Code(KeyCode::Up), Char('k')], "↑ k", "previous theme", |_| Action::PreviousTheme),
    bind!(Normal, [Code(KeyCode::Down), Char('j')], "↓ j", "next theme", |_| Action::NextTheme),
    bind!(Normal, [Code(KeyCode::Home), Char('g')], "Home g", "first theme", |_| Action::FirstTheme),
    bind!(Normal, [Code(KeyCode::End), Char('G')], "End G", "last theme", |_| Action::LastTheme),
    bind!(Normal, [Code(KeyCode::PageUp)], "PgUp", "a page of themes up", |_| Action::PageUp),
    bind!(Normal, [Code(KeyCode::PageDown)], "PgDn", "a page of themes down", |_| Action::PageDown),
    bind!(Normal, [Code(KeyCode::Tab)], "Tab", "next theme with no stage yet", |_| Action::NextUnanswered),
    bind!(Normal, [Digit], "1…9", "set the current stage", Action::SetCurrent),
    bind!(Normal, [Char('t')], "t 1…9", "set the target (t 0 clears)", |_| Action::StartTarget),
    bind!(Normal, [Char('x')], "x", "n/a: not applicable (toggle)", |_| Action::NotApplicable),
    bind!(Normal, [Code(KeyCode::Backspace), Code(KeyCode::Delete)], "Del", "clear the current stage", |_| Action::ClearCurrent),
    bind!(Normal, [Code(KeyCode::Enter)], "Enter", "confirm carried, next theme", |_| Action::Confirm),
    bind!(Normal, [Char('c')], "c", "confidence: low/medium/high", |_| Action::CycleConfidence),
    bind!(Normal, [Char('n')], "n", "edit notes (Esc: done)", |_| Action::EditNotes),
    bind!(Normal, [Char('e')], "e", "edit evidence (one a line)", |_| Action::EditEvidence),
    bind!(Normal, [Shift(KeyCode::Down), Char('J')], "J ⇧↓", "scroll the details down", |_| Action::ScrollDown),
    bind!(Normal, [Shift(KeyCode::Up), Char('K')], "K ⇧↑", "scroll the details up", |_| Action::ScrollUp),
    bind!(Normal, [Char('r')], "r", "review and radar (r: back)", |_| Action::Review),
    bind!(Normal, [Char('d')], "d", "compare with another file", |_| Action::Compare),
    bind!(Normal, [Char('w')], "w", "workshop (shared screen)", |_| Action::ToggleWorkshop),
    bind!(Normal, [Char('p')], "p", "write the report (.md and .html)", |_| Action::WriteReport),
    bind!(Normal, [Char('i')], "i", "about this routemap", |_| Action::About),
    bind!(Normal, [Char('?'), Code(KeyCode::F(1))], "?", "this help", |_| Action::Help),
    bind!(Normal, [Code(KeyCode::Esc)], "Esc", "back to the walk", |_| Action::Back),
    bind!(Normal, [Char('q'), Ctrl('c')], "q", "quit (asks if not saved)", |_| Action::Quit),
    bind!(Target, [Digit], "1…9", "the target stage", Action::SetTarget),
    bind!(Target, [Char('0'), Code(KeyCode::Backspace), Code(KeyCode::Delete)], "0 Del", "clear the target", |_| Action::ClearTarget),
    bind!(Target, [Code(KeyCode::Esc)], "Esc", "cancel", |_| Action::CancelTarget),
    bind!(Editor, [Code(KeyCode::Esc)], "Esc", "done (the text is kept)", |_| Action::FinishEditing),
    bind!(Editor, [Ctrl('c')], "Ctrl-C", "leave the editor and quit", |_| Action::Quit),
    bind!(Picker, [Code(KeyCode::Up), Char('k')], "↑ k", "previous", |_| Action::PickerUp),
    bind!(Picker, [Code(KeyCode::Down), Char('j')], "↓ j", "next", |_| Action::PickerDown),
    bind!(Picker, [Code(KeyCode::Enter)], "Enter", "compare with the one chosen", |_| Action::PickerChoose),
    bind!(Picker, [Code(KeyCode::Esc)], "Esc", "cancel", |_| Action::PickerCancel),
    bind!(Picker, [Char('q'), Ctrl('c')], "q", "quit", |_| Action::Quit),
    bind!(Workshop, [Digit], "1…9", "a vote for stage N", Action::AddVote),
    bind!(Workshop, [Code(KeyCode::Backspace), Code(KeyCode::Delete)], "⌫", "take back the last vote", |_| Action::RemoveVote),
    bind!(Workshop, [Code(KeyCode::Enter)], "Enter", "agree the median vote", |_| Action::AgreeMedian),
    bind!(Workshop, [Char('a')], "a 1…9", "agree another stage", |_| Action::StartAgree),
    bind!(Workshop, [Char('x')], "x", "not applicable (n/a)", |_| Action::NotApplicable),
    bind!(Workshop, [Char('b')], "b", "blind voting on or off", |_| Action::ToggleBlind),
    bind!(Workshop, [Char('v')], "v", "reveal the blind tally", |_| Action::Reveal),
    bind!(Workshop, [Char('u')], "u", "take back the last vote or agreement", |_| Action::Undo),
    bind!(Workshop, [Char('r')], "r", "new round: clear the tally, keep this one", |_| Action::NewRound),
    bind!(Workshop, [Char('n')], "n", "the room's note on the theme", |_| Action::EditRoomNote),
    bind!(Workshop, [Char('T')], "T", "countdown: T, minutes, Enter (T Enter: clock)", |_| Action::StartCountdown),
    bind!(Workshop, [Char('p')], "p", "park it, to come back to", |_| Action::TogglePark),
    bind!(Workshop, [Code(KeyCode::Right), Code(KeyCode::Down), Char('l'), Char('j')], "→ j", "next theme (then summary)", |_| Action::NextTheme),
    bind!(Workshop, [Code(KeyCode::Left), Code(KeyCode::Up), Char('h'), Char('k')], "← k", "previous theme", |_| Action::PreviousTheme),
    bind!(Workshop, [Code(KeyCode::Home), Char('g')], "Home g", "first theme", |_| Action::FirstTheme),
    bind!(Workshop, [Code(KeyCode::End), Char('G')], "End G", "last theme", |_| Action::LastTheme),
    bind!(Workshop, [Char('s')], "s", "summary of the session", |_| Action::Summary),
    bind!(Workshop, [Char('w'), Code(KeyCode::Esc)], "w", "leave the workshop", |_| Action::ToggleWorkshop),
    bind!(Workshop, [Char('?'), Code(KeyCode::F(1))], "?", "this help", |_| Action::Help),
    bind!(Workshop, [Char('q'), Ctrl('c')], "q", "quit (asks if not saved)", |_| Action::Quit),
    bind!(Agree, [Digit], "1…9", "the agreed stage", Action::SetAgreed),
    bind!(Agree, [Code(KeyCode::Esc)], "Esc", "cancel", |_| Action::CancelAgree),
    bind!(Summary, [Char('s'), Code(KeyCode::Esc), Code(KeyCode::Left), Char('k')], "s Esc", "back to the themes", |_| Action::Back),
    bind!(Summary, [Char('w')], "w", "leave the workshop", |_| Action::ToggleWorkshop),
    bind!(Summary, [Char('?'), Code(KeyCode::F(1))], "?", "this help", |_| Action::Help),
    bind!(Summary, [Char('q'), Ctrl('c')], "q", "quit", |_| Action::Quit),
    bind!(QuitUnsaved, [Char('r')], "r", "try saving again, then quit", |_| Action::RetrySave),
    bind!(QuitUnsaved, [Char('w')], "w", "write the changes to another file", |_| Action::SaveElsewhere),
    bind!(QuitUnsaved, [Char('Q'), Ctrl('c')], "Q", "quit without the unsaved changes", |_| Action::QuitDiscarding),
    bind!(QuitUnsaved, [Code(KeyCode::Esc)], "Esc", "back to the assessment", |_| Action::CancelQuit),
];

fn matches(key: Key, event: &KeyEvent) -> Option<usize> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let shift = event.modifiers.contains(KeyModifiers::SHIFT);
    match key {
        Char(c) => (!ctrl && event.code == KeyCode::Char(c)).then_some(0),
        Ctrl(c) => (ctrl && event.code == KeyCode::Char(c)).then_some(0),
        Code(code) => (!shift && !ctrl && event.code == code).then_some(0),
        Shift(code) => (shift && event.code == code).then_some(0),
        Digit => match event.code {
            KeyCode::Char(c @ '1'..='9') if !ctrl => Some(c as usize - '1' as usize),
            _ => None,
        },
    }
}

/// The action a key asks for in a context, if any.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .find_map(|binding| {
            binding
                .keys
                .iter()
                .find_map(|key| matches(*key, event))
                .map(|stage| (binding.action)(stage))
        })
}

/// The context the state reads keys in.
pub fn context_of(state: &State) -> Context {
    match state.mode {
        Mode::Normal => screen_context(state.screen),
        Mode::AwaitAgreed => Context::Agree,
        Mode::AwaitTarget => Context::Target,
        // The minutes after `T` are typed like text, so their keys reach `update` as
        // they are (Esc cancels, as it leaves an editor).
        Mode::AwaitMinutes(_) => Context::Editor,
        Mode::Editing(_) | Mode::EditingRoomNote(_) => Context::Editor,
        Mode::Picking(_) => Context::Picker,
        Mode::ConfirmQuit => Context::QuitUnsaved,
        Mode::SaveElsewhere(_) => Context::SaveElsewhere,
    }
}

/// The context of a screen with nothing else going on.
pub fn screen_context(screen: Screen) -> Context {
    match screen {
        Screen::Workshop => Context::Workshop,
        Screen::WorkshopSummary => Context::Summary,
        Screen::Walk | Screen::Review => Context::Normal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_carry_their_stage() {
        assert_eq!(
            action_for(Context::Normal, &key(KeyCode::Char('1'))),
            Some(Action::SetCurrent(0))
        );
        assert_eq!(
            action_for(Context::Normal, &key(KeyCode::Char('9'))),
            Some(Action::SetCurrent(8))
        );
        assert_eq!(
            action_for(Context::Target, &key(KeyCode::Char('3'))),
            Some(Action::SetTarget(2))
        );
        assert_eq!(action_for(Context::Normal, &key(KeyCode::Char('0'))), None);
    }

    #[test]
    fn contexts_keep_their_own_keys() {
        assert_eq!(
            action_for(Context::Normal, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Context::Editor, &key(KeyCode::Char('q'))),
            None,
            "q types a q in the editor"
        );
        assert_eq!(
            action_for(Context::Editor, &key(KeyCode::Esc)),
            Some(Action::FinishEditing)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::Normal, &ctrl_c), Some(Action::Quit));
        assert_eq!(
            action_for(Context::Normal, &key(KeyCode::Char('c'))),
            Some(Action::CycleConfidence)
        );
    }

    #[test]
    fn shifted_arrows_scroll_plain_arrows_move() {
        let shift_down = KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Context::Normal, &shift_down),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            action_for(Context::Normal, &key(KeyCode::Down)),
            Some(Action::NextTheme)
        );
    }

    #[test]
    fn every_binding_has_keys_a_label_and_help() {
        for binding in BINDINGS {
            assert!(
                !binding.keys.is_empty() && !binding.label.is_empty() && !binding.help.is_empty()
            );
        }
    }

    #[test]
    fn the_readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for binding in BINDINGS {
            assert!(
                readme.contains(&format!("| `{}` |", binding.label)),
                "README lacks the key '{}'",
                binding.label
            );
        }
    }
}
