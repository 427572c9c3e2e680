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
    /// A page up: the details in the walk, the themes in the review.
    PageUp,
    /// A page down: the details in the walk, the themes in the review.
    PageDown,
    NextUnanswered,
    /// Ask before confirming every carried answer.
    AskConfirmAll,
    /// Confirm every carried answer (after asking).
    ConfirmAll,
    /// Do not confirm them all after all.
    CancelConfirmAll,
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
    /// The review screen, or back from it to the walk.
    ToggleReview,
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
    /// Show a stage's descriptor in full, in large type (the agreed or median stage first).
    ShowStage,
    /// Show stage N's descriptor in full (0-based).
    ShowStageAt(usize),
    PreviousStage,
    NextStage,
    /// Back from a stage in full to the tally.
    CloseStage,
    /// The workshop's palette for a bright room, or back to the dark one.
    ToggleLight,
    /// A digit of a countdown's minutes (0 to 9).
    MinutesDigit(u8),
    /// Take back the last digit of the minutes.
    MinutesBackspace,
    /// Start the countdown typed (with no minutes: start or stop the clock).
    StartMinutes,
    CancelMinutes,
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
    /// `s`: the next digit brings that stage's text into view.
    StartShowStage,
    /// Bring stage N's text (0-based) to the top of the details.
    JumpToStage(usize),
    CancelShowStage,
    /// `m`: tick the focused theme's criteria.
    StartTicking,
    TickPrevious,
    TickNext,
    /// Tick the criterion at the cursor, or untick it.
    ToggleTick,
    FinishTicking,
    /// Scroll the help.
    HelpUp,
    HelpDown,
    CloseHelp,
}

/// A key, or a family of keys (`1`…`9`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    Shift(KeyCode),
    /// A digit naming a stage by its number on the routemap's scale (`1`…`9`, or `0`…`9`
    /// on a scale numbered from 0), giving that stage's index.
    Digit,
    /// `1`…`9` whatever the scale (a countdown's minutes), giving 0…8 as `Digit` does.
    AnyDigit,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The walk and review screens.
    Normal,
    /// After `t`, waiting for the target's digit.
    Target,
    /// After `C`, waiting for `y`.
    ConfirmAll,
    /// After `s`, waiting for the digit of the stage to show.
    ShowStage,
    /// Ticking the focused theme's criteria (`m`).
    Checklist,
    /// The help is open.
    Help,
    /// In the notes or evidence editor.
    Editor,
    /// Choosing an assessment to compare with.
    Picker,
    /// The workshop's theme screen.
    Workshop,
    /// After `a` in a workshop, waiting for the agreed stage's digit.
    Agree,
    /// After `d` in a workshop: a stage's descriptor in full.
    Stage,
    /// After `T` in a workshop: typing a countdown's minutes.
    Minutes,
    /// Writing the room's note in a workshop.
    RoomNote,
    /// The workshop's summary screen.
    Summary,
    /// Quitting while a change is not saved.
    QuitUnsaved,
    /// Typing where to write the unsaved changes.
    SaveElsewhere,
}

impl Context {
    /// True where keys no binding takes are typed as text (into an editor).
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Editor | Context::RoomNote)
    }
}

/// One line of the key map: its keys, what it does, what help and the footer say.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// A key pressed after these ones (`t` then a digit), for the label only: the second
    /// key is a binding of its own context.
    pub then: Option<Key>,
    pub help: &'static str,
    /// What the footer says for this binding now, if it shows it at all.
    pub hint: fn(&State) -> Option<&'static str>,
    action: fn(stage: usize) -> Action,
}

impl Binding {
    /// How the keys are written, from the keys themselves: "↓ j", "t 1…5", "q Ctrl-C".
    /// Digits run over the routemap's scale of `stages`.
    pub fn label(&self, digits: Digits) -> String {
        // On a scale numbered from 0, `0` is a stage's digit: a binding that also takes
        // `0` (clearing the target) is not labelled with it there.
        let mut words: Vec<String> = self
            .keys
            .iter()
            .filter(|key| digits.first > 0 || **key != Char('0'))
            .map(|key| key.label(digits))
            .collect();
        words.extend(self.then.map(|key| key.label(digits)));
        words.join(" ")
    }

    /// The footer's shorter label: the first key alone.
    pub fn short_label(&self, digits: Digits) -> String {
        self.keys
            .first()
            .map(|key| key.label(digits))
            .unwrap_or_default()
    }
}

impl Key {
    /// How one key is written: as printed on it, or as its arrow.
    pub fn label(self, digits: Digits) -> String {
        match self {
            Char(' ') => "Space".into(),
            Char(c) => c.to_string(),
            Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Shift(code) => format!("⇧{}", Code(code).label(digits)),
            Digit => digits.keys(),
            AnyDigit => Digits::ONE_TO_NINE.keys(),
            Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "⌫".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }
}

/// The digits that pick a stage: the routemap's scale, numbered from 1 (up to 9 stages)
/// or from 0 (up to 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digits {
    pub first: usize,
    pub count: usize,
}

impl Digits {
    /// The README's and the help's general form: `1…9`.
    pub const ONE_TO_NINE: Digits = Digits { first: 1, count: 9 };

    pub fn of(routemap: &crate::routemap::Routemap) -> Self {
        Digits {
            first: routemap.first_stage,
            count: routemap.stages.len(),
        }
    }

    /// "1…5", "0…3": how the digit keys are written.
    pub fn keys(self) -> String {
        let last = (self.first + self.count.max(1) - 1).min(9);
        format!("{}…{last}", self.first)
    }

    /// The stage index a typed digit names on this scale, if the scale has it.
    pub fn index(self, digit: usize) -> Option<usize> {
        digit.checked_sub(self.first)
    }
}

/// The digit keys of the focused routemap's scale: "1…5", or "0…3" from 0.
pub fn digit_keys(routemap: &crate::routemap::Routemap) -> String {
    Digits::of(routemap).keys()
}

/// The digit keys of a scale in words, for a sentence: "1 to 5", "1 or 2", "0 to 3".
pub fn digit_words(routemap: &crate::routemap::Routemap) -> String {
    let digits = Digits::of(routemap);
    let first = digits.first;
    let last = (first + digits.count.max(1) - 1).min(9);
    match last - first {
        0 => first.to_string(),
        1 => format!("{first} or {last}"),
        _ => format!("{first} to {last}"),
    }
}

/// The footer's word for a binding: always the same, or never.
macro_rules! hint {
    (_) => {
        |_: &State| None
    };
    ($text:literal) => {
        |_: &State| Some($text)
    };
    ($when:ident) => {
        $when
    };
}

macro_rules! bind {
    ($context:ident, [$($key:expr),+] $(then $then:expr)?, $help:literal, $hint:tt, $action:expr) => {
        Binding {
            context: Context::$context,
            keys: &[$($key),+],
            then: bind!(@then $($then)?),
            help: $help,
            hint: hint!($hint),
            action: $action,
        }
    };
    (@then) => { None };
    (@then $then:expr) => { Some($then) };
}

fn confirm_hint(state: &State) -> Option<&'static str> {
    state
        .answer()
        .is_some_and(|answer| answer.carried)
        .then_some("confirm")
}

fn checklist_hint(state: &State) -> Option<&'static str> {
    state
        .theme()
        .is_some_and(|theme| theme.has_criteria())
        .then_some("tick")
}

fn review_hint(state: &State) -> Option<&'static str> {
    Some(if state.screen == Screen::Review {
        "walk"
    } else {
        "review"
    })
}

fn report_hint(state: &State) -> Option<&'static str> {
    (state.screen == Screen::Review).then_some("report")
}

/// Votes in the focused theme's round, and whether the room may see them.
fn round_votes(state: &State) -> Option<bool> {
    let answer = state.answer().filter(|a| !a.votes.is_empty())?;
    Some(!crate::workshop::standing::is_hidden(
        state.assessment.blind,
        Some(answer),
    ))
}

/// Taking back a vote, once there is one.
fn undo_vote_hint(state: &State) -> Option<&'static str> {
    round_votes(state).map(|_| "undo")
}

/// Enter agrees the median of a tally in view, and reveals a hidden one first.
fn agree_hint(state: &State) -> Option<&'static str> {
    round_votes(state).map(|shown| if shown { "agree" } else { "reveal" })
}

/// `b` is offered once blind voting is on, to turn it off: turning it on is in help.
fn blind_hint(state: &State) -> Option<&'static str> {
    state.assessment.blind.then_some("blind off")
}

/// The footer offers scrolling only when there is more to see.
fn scroll_hint(state: &State) -> Option<&'static str> {
    (state.measured.detail_max_scroll > 0).then_some("scroll")
}

fn editor_done_hint(state: &State) -> Option<&'static str> {
    Some(if state.save_problem.is_some() {
        "done (NOT saved: see q)"
    } else {
        "done (saved as you type)"
    })
}

use Key::{AnyDigit, Char, Code, Ctrl, Digit, Shift};

/// The whole key map, in the order help lists it and the footer shows its hints. Kept as
/// a one-line-a-binding table; the labels are made from the keys.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(Normal, [Code(KeyCode::Up), Char('k')], "previous theme", _, |_| Action::PreviousTheme),
    bind!(Normal, [Code(KeyCode::Down), Char('j')], "next theme", _, |_| Action::NextTheme),
    bind!(Normal, [Code(KeyCode::Home), Char('g')], "first theme", _, |_| Action::FirstTheme),
    bind!(Normal, [Code(KeyCode::End), Char('G')], "last theme", _, |_| Action::LastTheme),
    bind!(Normal, [Code(KeyCode::Tab)], "next theme to answer or confirm", _, |_| Action::NextUnanswered),
    bind!(Normal, [Code(KeyCode::Enter)], "confirm carried, next theme", confirm_hint, |_| Action::Confirm),
    bind!(Normal, [Char('C')], "confirm every carried answer (asks)", _, |_| Action::AskConfirmAll),
    bind!(Normal, [Digit], "set the current stage", "stage", Action::SetCurrent),
    bind!(Normal, [Char('t')] then Digit, "set the target (t ⌫ clears it)", "target", |_| Action::StartTarget),
    bind!(Normal, [Char('x')], "n/a: not applicable (x again clears it)", "n/a", |_| Action::NotApplicable),
    bind!(Normal, [Code(KeyCode::Backspace), Code(KeyCode::Delete)], "clear the current stage", _, |_| Action::ClearCurrent),
    bind!(Normal, [Char('c')], "confidence: low/medium/high", _, |_| Action::CycleConfidence),
    bind!(Normal, [Char('n')], "edit notes (Esc: done)", "notes", |_| Action::EditNotes),
    bind!(Normal, [Char('e')], "edit evidence (one a line)", "evidence", |_| Action::EditEvidence),
    bind!(Normal, [Char('u')], "undo the last change", _, |_| Action::Undo),
    bind!(Normal, [Char('J'), Shift(KeyCode::Down)], "scroll the details down", _, |_| Action::ScrollDown),
    bind!(Normal, [Char('K'), Shift(KeyCode::Up)], "scroll the details up", _, |_| Action::ScrollUp),
    bind!(Normal, [Code(KeyCode::PageDown)], "a page of details down (review: of themes)", _, |_| Action::PageDown),
    bind!(Normal, [Code(KeyCode::PageUp)], "a page of details up (review: of themes)", _, |_| Action::PageUp),
    bind!(Normal, [Char('s')] then Digit, "show stage N's text in the details", _, |_| Action::StartShowStage),
    bind!(Normal, [Char('r')], "review and radar (r: back)", review_hint, |_| Action::ToggleReview),
    bind!(Normal, [Char('m')], "tick the theme's criteria (checklist)", checklist_hint, |_| Action::StartTicking),
    bind!(Normal, [Char('d')], "compare with another file", _, |_| Action::Compare),
    bind!(Normal, [Char('w')], "workshop (shared screen)", _, |_| Action::ToggleWorkshop),
    bind!(Normal, [Char('p')], "write the report (.md and .html)", report_hint, |_| Action::WriteReport),
    bind!(Normal, [Char('i')], "about this routemap", _, |_| Action::About),
    bind!(Normal, [Char('?'), Code(KeyCode::F(1))], "this help", "help", |_| Action::Help),
    bind!(Normal, [Code(KeyCode::Esc)], "back to the walk", _, |_| Action::Back),
    bind!(Normal, [Char('q'), Ctrl('c')], "quit (asks if not saved)", "quit", |_| Action::Quit),
    bind!(Target, [Digit], "the target stage", "target stage", Action::SetTarget),
    bind!(Target, [Char('0'), Code(KeyCode::Backspace), Code(KeyCode::Delete)], "clear the target", "clear", |_| Action::ClearTarget),
    bind!(Target, [Code(KeyCode::Esc)], "cancel", "cancel", |_| Action::CancelTarget),
    bind!(Target, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(ShowStage, [Digit], "the stage whose text to show", "stage", Action::JumpToStage),
    bind!(ShowStage, [Code(KeyCode::Esc)], "cancel", "cancel", |_| Action::CancelShowStage),
    bind!(ShowStage, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(Checklist, [Code(KeyCode::Down), Char('j')], "next criterion", "next", |_| Action::TickNext),
    bind!(Checklist, [Code(KeyCode::Up), Char('k')], "previous criterion", "previous", |_| Action::TickPrevious),
    bind!(Checklist, [Char(' '), Code(KeyCode::Enter), Char('x')], "tick it, or untick it", "tick", |_| Action::ToggleTick),
    bind!(Checklist, [Char('u')], "undo the last change", "undo", |_| Action::Undo),
    bind!(Checklist, [Code(KeyCode::Esc), Char('m')], "done", "done", |_| Action::FinishTicking),
    bind!(Checklist, [Char('?'), Code(KeyCode::F(1))], "this help", _, |_| Action::Help),
    bind!(Checklist, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(Help, [Code(KeyCode::Down), Char('j'), Code(KeyCode::PageDown), Char(' ')], "scroll the help down", _, |_| Action::HelpDown),
    bind!(Help, [Code(KeyCode::Up), Char('k'), Code(KeyCode::PageUp)], "scroll the help up", _, |_| Action::HelpUp),
    bind!(Help, [Char('q'), Ctrl('c')], "quit (asks if not saved)", _, |_| Action::Quit),
    bind!(ConfirmAll, [Char('y')], "yes: confirm every carried answer", "confirm them all", |_| Action::ConfirmAll),
    bind!(ConfirmAll, [Code(KeyCode::Esc), Char('n')], "no: leave them to confirm", "no", |_| Action::CancelConfirmAll),
    bind!(ConfirmAll, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(Editor, [Code(KeyCode::Esc)], "done (the text is kept)", editor_done_hint, |_| Action::FinishEditing),
    bind!(Editor, [Ctrl('c')], "leave the editor and quit", _, |_| Action::Quit),
    bind!(Picker, [Code(KeyCode::Up), Char('k')], "previous", "previous", |_| Action::PickerUp),
    bind!(Picker, [Code(KeyCode::Down), Char('j')], "next", "next", |_| Action::PickerDown),
    bind!(Picker, [Code(KeyCode::Enter)], "compare with the one chosen", "compare", |_| Action::PickerChoose),
    bind!(Picker, [Code(KeyCode::Esc)], "cancel", "cancel", |_| Action::PickerCancel),
    bind!(Picker, [Char('q'), Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(Workshop, [Digit], "a vote for stage N", "vote", Action::AddVote),
    bind!(Workshop, [Code(KeyCode::Backspace), Code(KeyCode::Delete)], "take back the last vote", undo_vote_hint, |_| Action::RemoveVote),
    bind!(Workshop, [Code(KeyCode::Enter)], "agree the median (or reveal)", agree_hint, |_| Action::AgreeMedian),
    bind!(Workshop, [Char('a')] then Digit, "agree another stage", "agree other", |_| Action::StartAgree),
    bind!(Workshop, [Char('x')], "agree n/a: not applicable", _, |_| Action::NotApplicable),
    bind!(Workshop, [Char('u')], "undo vote, agreement, round", _, |_| Action::Undo),
    bind!(Workshop, [Char('r')], "new round (this one kept)", _, |_| Action::NewRound),
    bind!(Workshop, [Char('b')], "blind voting on or off", blind_hint, |_| Action::ToggleBlind),
    bind!(Workshop, [Char('v')], "reveal the blind tally", _, |_| Action::Reveal),
    bind!(Workshop, [Char('d')], "a stage in full, large", "in full", |_| Action::ShowStage),
    bind!(Workshop, [Char('J'), Shift(KeyCode::Down)], "scroll the stages down", scroll_hint, |_| Action::ScrollDown),
    bind!(Workshop, [Char('K'), Shift(KeyCode::Up)], "scroll the stages up", _, |_| Action::ScrollUp),
    bind!(Workshop, [Char('n')], "the room's note, large", "note", |_| Action::EditRoomNote),
    bind!(Workshop, [Char('T')], "countdown: T 10 Enter", _, |_| Action::StartCountdown),
    bind!(Workshop, [Char('p')], "park it, to come back to", _, |_| Action::TogglePark),
    bind!(Workshop, [Char('L')], "light or dark palette", _, |_| Action::ToggleLight),
    bind!(Workshop, [Code(KeyCode::Right), Code(KeyCode::Down), Char('l'), Char('j')], "next theme, then summary", "next", |_| Action::NextTheme),
    bind!(Workshop, [Code(KeyCode::Left), Code(KeyCode::Up), Char('h'), Char('k')], "previous theme", _, |_| Action::PreviousTheme),
    bind!(Workshop, [Code(KeyCode::Home), Char('g')], "first theme", _, |_| Action::FirstTheme),
    bind!(Workshop, [Code(KeyCode::End), Char('G')], "last theme", _, |_| Action::LastTheme),
    bind!(Workshop, [Char('s')], "summary and read-back", "summary", |_| Action::Summary),
    bind!(Workshop, [Char('w'), Code(KeyCode::Esc)], "leave the workshop", _, |_| Action::ToggleWorkshop),
    bind!(Workshop, [Char('?'), Code(KeyCode::F(1))], "this help", "help", |_| Action::Help),
    bind!(Workshop, [Char('q'), Ctrl('c')], "quit (asks if not saved)", "quit", |_| Action::Quit),
    bind!(Agree, [Digit], "the agreed stage", "agreed stage", Action::SetAgreed),
    bind!(Agree, [Code(KeyCode::Esc)], "cancel", "cancel", |_| Action::CancelAgree),
    bind!(Agree, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(Stage, [Digit], "stage N in full", "stage", Action::ShowStageAt),
    bind!(Stage, [Code(KeyCode::Right), Code(KeyCode::Down), Char('l'), Char('j')], "the next stage", "next", |_| Action::NextStage),
    bind!(Stage, [Code(KeyCode::Left), Code(KeyCode::Up), Char('h'), Char('k')], "the previous stage", "previous", |_| Action::PreviousStage),
    bind!(Stage, [Char('J'), Shift(KeyCode::Down)], "scroll down", scroll_hint, |_| Action::ScrollDown),
    bind!(Stage, [Char('K'), Shift(KeyCode::Up)], "scroll up", _, |_| Action::ScrollUp),
    bind!(Stage, [Code(KeyCode::Esc), Char('d')], "back to the tally", "back", |_| Action::CloseStage),
    bind!(Stage, [Char('?'), Code(KeyCode::F(1))], "this help", "help", |_| Action::Help),
    bind!(Stage, [Char('q'), Ctrl('c')], "quit (asks if not saved)", "quit", |_| Action::Quit),
    bind!(Minutes, [AnyDigit], "the minutes, a digit each", "minutes", |stage| Action::MinutesDigit(stage as u8 + 1)),
    bind!(Minutes, [Char('0')], "a nought (10, 20 …)", _, |_| Action::MinutesDigit(0)),
    bind!(Minutes, [Code(KeyCode::Backspace), Code(KeyCode::Delete)], "take back a digit", "take back", |_| Action::MinutesBackspace),
    bind!(Minutes, [Code(KeyCode::Enter)], "start (none: start/stop clock)", "start", |_| Action::StartMinutes),
    bind!(Minutes, [Code(KeyCode::Esc)], "cancel", "cancel", |_| Action::CancelMinutes),
    bind!(Minutes, [Ctrl('c')], "quit", _, |_| Action::Quit),
    bind!(RoomNote, [Code(KeyCode::Esc)], "done (the note is kept)", editor_done_hint, |_| Action::FinishEditing),
    bind!(RoomNote, [Ctrl('c')], "leave the note and quit", _, |_| Action::Quit),
    bind!(Summary, [Char('s'), Code(KeyCode::Esc), Code(KeyCode::Left), Char('k')], "back to the themes", "back to the themes", |_| Action::Back),
    bind!(Summary, [Char('J'), Shift(KeyCode::Down)], "scroll down to the radar", scroll_hint, |_| Action::ScrollDown),
    bind!(Summary, [Char('K'), Shift(KeyCode::Up)], "scroll up to the read-back", _, |_| Action::ScrollUp),
    bind!(Summary, [Char('L')], "light or dark palette", _, |_| Action::ToggleLight),
    bind!(Summary, [Char('w')], "leave the workshop", "leave the workshop", |_| Action::ToggleWorkshop),
    bind!(Summary, [Char('?'), Code(KeyCode::F(1))], "this help", "help", |_| Action::Help),
    bind!(Summary, [Char('q'), Ctrl('c')], "quit", "quit", |_| Action::Quit),
    bind!(QuitUnsaved, [Char('r')], "try saving again, then quit", "retry", |_| Action::RetrySave),
    bind!(QuitUnsaved, [Char('w')], "write the changes to another file", "write elsewhere", |_| Action::SaveElsewhere),
    bind!(QuitUnsaved, [Char('Q'), Ctrl('c')], "quit without the unsaved changes", "quit without them", |_| Action::QuitDiscarding),
    bind!(QuitUnsaved, [Code(KeyCode::Esc)], "back to the assessment", "back", |_| Action::CancelQuit),
];

/// The footer's hints for what the user is doing now: the key and a word or two, in the
/// table's order, from the bindings that have one now.
pub fn hints(state: &State) -> Vec<(String, &'static str)> {
    let context = context_of(state);
    let digits = Digits::of(&state.routemap);
    BINDINGS
        .iter()
        .filter(|binding| binding.context == context)
        .filter_map(|binding| (binding.hint)(state).map(|hint| (binding.short_label(digits), hint)))
        .collect()
}

fn matches(key: Key, event: &KeyEvent, digits: Digits) -> Option<usize> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let shift = event.modifiers.contains(KeyModifiers::SHIFT);
    match key {
        Char(c) => (!ctrl && event.code == KeyCode::Char(c)).then_some(0),
        Ctrl(c) => (ctrl && event.code == KeyCode::Char(c)).then_some(0),
        Code(code) => (!shift && !ctrl && event.code == code).then_some(0),
        Shift(code) => (shift && event.code == code).then_some(0),
        Digit => match event.code {
            KeyCode::Char(c @ '0'..='9') if !ctrl => digits.index(c as usize - '0' as usize),
            _ => None,
        },
        AnyDigit => match event.code {
            KeyCode::Char(c @ '1'..='9') if !ctrl => Some(c as usize - '1' as usize),
            _ => None,
        },
    }
}

/// The action a key asks for in a context, if any.
pub fn action_for(context: Context, event: &KeyEvent, digits: Digits) -> Option<Action> {
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
                .find_map(|key| matches(*key, event, digits))
                .map(|stage| (binding.action)(stage))
        })
}

/// The context the state reads keys in.
pub fn context_of(state: &State) -> Context {
    if state.show_help {
        return Context::Help;
    }
    match state.mode {
        Mode::Normal => screen_context(state.screen),
        Mode::AwaitAgreed => Context::Agree,
        Mode::AwaitTarget => Context::Target,
        Mode::AwaitConfirmAll => Context::ConfirmAll,
        Mode::AwaitShowStage => Context::ShowStage,
        Mode::Ticking(_) => Context::Checklist,
        Mode::AwaitMinutes(_) => Context::Minutes,
        Mode::StageInFull(_) => Context::Stage,
        Mode::EditingRoomNote(_) => Context::RoomNote,
        Mode::Editing(_) => Context::Editor,
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

    fn act(context: Context, event: &KeyEvent) -> Option<Action> {
        action_for(context, event, Digits::ONE_TO_NINE)
    }

    #[test]
    fn digits_carry_their_stage() {
        assert_eq!(
            act(Context::Normal, &key(KeyCode::Char('1'))),
            Some(Action::SetCurrent(0))
        );
        assert_eq!(
            act(Context::Normal, &key(KeyCode::Char('9'))),
            Some(Action::SetCurrent(8))
        );
        assert_eq!(
            act(Context::Target, &key(KeyCode::Char('3'))),
            Some(Action::SetTarget(2))
        );
        assert_eq!(act(Context::Normal, &key(KeyCode::Char('0'))), None);
        // A scale numbered from 0: 0 is its first stage, 9 its tenth.
        let from_zero = Digits {
            first: 0,
            count: 10,
        };
        let zero = action_for(Context::Normal, &key(KeyCode::Char('0')), from_zero);
        assert_eq!(zero, Some(Action::SetCurrent(0)));
        let nine = action_for(Context::Normal, &key(KeyCode::Char('9')), from_zero);
        assert_eq!(nine, Some(Action::SetCurrent(9)));
        // After t on a scale from 1, 0 still clears the target.
        assert_eq!(
            act(Context::Target, &key(KeyCode::Char('0'))),
            Some(Action::ClearTarget)
        );
        let target_zero = action_for(Context::Target, &key(KeyCode::Char('0')), from_zero);
        assert_eq!(target_zero, Some(Action::SetTarget(0)));
    }

    #[test]
    fn contexts_keep_their_own_keys() {
        assert_eq!(
            act(Context::Normal, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            act(Context::Editor, &key(KeyCode::Char('q'))),
            None,
            "q types a q in the editor"
        );
        assert_eq!(
            act(Context::Editor, &key(KeyCode::Esc)),
            Some(Action::FinishEditing)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(act(Context::Normal, &ctrl_c), Some(Action::Quit));
        assert_eq!(
            act(Context::Normal, &key(KeyCode::Char('c'))),
            Some(Action::CycleConfidence)
        );
    }

    #[test]
    fn shifted_arrows_scroll_plain_arrows_move() {
        let shift_down = KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT);
        assert_eq!(act(Context::Normal, &shift_down), Some(Action::ScrollDown));
        assert_eq!(
            act(Context::Normal, &key(KeyCode::Down)),
            Some(Action::NextTheme)
        );
    }

    #[test]
    fn labels_are_made_from_the_keys() {
        let label = |action: Action| {
            BINDINGS
                .iter()
                .find(|binding| (binding.action)(0) == action)
                .map(|binding| binding.label(Digits { first: 1, count: 5 }))
                .unwrap()
        };
        assert_eq!(label(Action::NextTheme), "↓ j");
        assert_eq!(label(Action::StartTarget), "t 1…5");
        assert_eq!(label(Action::ScrollDown), "J ⇧↓");
        assert_eq!(label(Action::Quit), "q Ctrl-C");
        assert_eq!(label(Action::ClearCurrent), "⌫ Del");
        assert_eq!(label(Action::Help), "? F1");
        assert_eq!(Digits { first: 1, count: 3 }.keys(), "1…3");
        assert_eq!(Digits { first: 0, count: 4 }.keys(), "0…3");
    }

    #[test]
    fn every_binding_has_keys_and_help_and_no_key_is_bound_twice() {
        for binding in BINDINGS {
            assert!(!binding.keys.is_empty() && !binding.help.is_empty());
        }
        for (index, binding) in BINDINGS.iter().enumerate() {
            for other in &BINDINGS[index + 1..] {
                let shared = binding
                    .keys
                    .iter()
                    .any(|key| other.context == binding.context && other.keys.contains(key));
                assert!(
                    !shared,
                    "{:?} is bound twice in {:?}",
                    binding.keys, binding.context
                );
            }
        }
    }

    #[test]
    fn the_readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        for binding in BINDINGS {
            let label = binding.label(Digits::ONE_TO_NINE);
            assert!(
                readme.contains(&format!("| `{label}` |")),
                "README lacks the key '{label}'"
            );
        }
    }

    #[test]
    fn the_footer_hints_come_from_the_table() {
        let mut state = crate::tui::update::tests::state();
        let shown = hints(&state);
        let words: Vec<&str> = shown.iter().map(|(_, what)| *what).collect();
        assert_eq!(
            words,
            [
                "stage", "target", "n/a", "notes", "evidence", "review", "tick", "help", "quit"
            ]
        );
        assert_eq!(shown[0].0, "1…5");
        assert_eq!(shown[1].0, "t");
        state.screen = Screen::Review;
        let words: Vec<&str> = hints(&state).iter().map(|(_, what)| *what).collect();
        assert!(
            words.contains(&"walk") && words.contains(&"report"),
            "{words:?}"
        );
    }

    #[test]
    fn the_workshop_footer_offers_what_can_be_done_now() {
        let mut state = crate::tui::update::tests::state();
        state.screen = Screen::Workshop;
        let words = |state: &State| -> Vec<&'static str> {
            hints(state).into_iter().map(|(_, what)| what).collect()
        };
        let without_votes = [
            "vote",
            "agree other",
            "in full",
            "note",
            "next",
            "summary",
            "help",
            "quit",
        ];
        assert_eq!(words(&state), without_votes);
        let routemap = state.routemap.clone();
        state.assessment.answer_mut(&routemap, "leadership").votes =
            vec![("flag-planted".into(), 2)];
        assert_eq!(words(&state)[..4], ["vote", "undo", "agree", "agree other"]);
        state.assessment.blind = true;
        let blind = words(&state);
        assert_eq!(
            blind[..5],
            ["vote", "undo", "reveal", "agree other", "blind off"]
        );
        state.measured.detail_max_scroll = 3;
        assert!(words(&state).contains(&"scroll"));
        state.mode = Mode::EditingRoomNote(Box::new(crate::tui::state::Editor::new(
            crate::tui::state::EditField::Notes,
            "",
        )));
        assert_eq!(words(&state), ["done (saved as you type)"]);
    }

    #[test]
    fn every_mode_of_the_workshop_has_keys_of_its_own() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            act(Context::Minutes, &key('0')),
            Some(Action::MinutesDigit(0))
        );
        assert_eq!(
            act(Context::Minutes, &key('7')),
            Some(Action::MinutesDigit(7))
        );
        assert_eq!(act(Context::Minutes, &key('q')), None, "q is no digit");
        assert_eq!(act(Context::Stage, &key('3')), Some(Action::ShowStageAt(2)));
        assert_eq!(act(Context::RoomNote, &key('q')), None, "q types a q");
        assert!(Context::RoomNote.takes_text() && !Context::Minutes.takes_text());
        for context in [Context::Stage, Context::Minutes, Context::RoomNote] {
            let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
            assert_eq!(act(context, &ctrl_c), Some(Action::Quit), "{context:?}");
        }
    }
}
