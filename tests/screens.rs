//! Snapshots of every screen on ratatui's TestBackend, at 80×24 and 200×60.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/screen.rs"]
mod screen;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use routemap::assessment::{Assessment, Current};
use routemap::builtin;
use routemap::clock::Timestamp;
use routemap::tui::state::State;
use routemap::tui::theme::Painter;
use routemap::tui::update::update;
use routemap::tui::view;
use screen::{draw, draw_styled, key, keys};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn state() -> State {
    let routemap = builtin::find(builtin::DEFAULT_ROUTEMAP)
        .unwrap()
        .load()
        .unwrap();
    let assessment = Assessment::new(
        &routemap,
        "Anytown Borough Council",
        Some("2026 baseline"),
        Timestamp(0),
    );
    State::new(routemap, assessment, "anytown.yaml".into())
}

/// A state with a few answers, a target, confidence, notes in Welsh and evidence.
fn answered() -> State {
    let mut state = state();
    keys(&mut state, "3t4cc");
    keys(&mut state, "n");
    for c in "Mae'r Prif Swyddog Gwybodaeth yn adrodd i'r dirprwy brif weithredwr. 🚒".chars() {
        key(&mut state, KeyCode::Char(c));
    }
    key(&mut state, KeyCode::Esc);
    keys(&mut state, "e");
    for c in "https://intranet.example/ict-strategy-2026.pdf".chars() {
        key(&mut state, KeyCode::Char(c));
    }
    key(&mut state, KeyCode::Esc);
    keys(&mut state, "j2jxj5t5");
    keys(&mut state, "k");
    state
}

fn snapshot_both(name: &str, state: &mut State) {
    for (width, height) in SIZES {
        let screen = draw(state, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
    }
}

#[test]
fn walk_fresh() {
    snapshot_both("walk_fresh", &mut state());
}

#[test]
fn walk_answered() {
    snapshot_both("walk_answered", &mut answered());
}

#[test]
fn walk_carried_over() {
    let mut state = state();
    let routemap = state.routemap.clone();
    for (theme, stage) in [
        ("leadership", "flag-planted"),
        ("governance", "route-planned"),
    ] {
        let answer = state.assessment.answer_mut(&routemap, theme);
        answer.current = Some(Current::Stage(stage.into()));
        answer.carried = true;
    }
    // A carried "not applicable" is carried like any other answer: marked ↻ too.
    let answer = state
        .assessment
        .answer_mut(&routemap, "organisational-change");
    answer.current = Some(Current::NotApplicable);
    answer.carried = true;
    let screen = draw(&mut state, 80, 24);
    let row = screen
        .lines()
        .find(|line| line.contains("Organisational"))
        .unwrap_or_default()
        .to_string();
    assert!(row.contains("↻") && row.contains("n/a"), "{screen}");
    assert!(
        screen.contains("0/12 confirmed · 3 carried to confirm"),
        "{screen}"
    );
    snapshot_both("walk_carried", &mut state);
}

#[test]
fn walk_read_only() {
    let mut state = answered();
    state.read_only = Some("open in another routemap process; changes here are not saved".into());
    keys(&mut state, "3");
    snapshot_both("walk_read_only", &mut state);
}

#[test]
fn walk_with_an_unmatched_answer() {
    let mut state = state();
    let routemap = state.routemap.clone();
    state.assessment.answer_mut(&routemap, "leadership").current =
        Some(Current::Stage("renamed-stage".into()));
    state.mismatches = routemap::assessment::mismatches(&state.assessment, &routemap);
    snapshot_both("walk_unmatched", &mut state);
}

#[test]
fn walk_scrolled() {
    let mut state = answered();
    state.size = (80, 24);
    keys(&mut state, "JJ");
    let screen = draw(&mut state, 80, 24);
    insta::assert_snapshot!("walk_scrolled_80x24", screen);
}

#[test]
fn notes_editor() {
    let mut state = answered();
    keys(&mut state, "gn");
    snapshot_both("notes_editor", &mut state);
}

#[test]
fn evidence_editor() {
    let mut state = answered();
    keys(&mut state, "ge");
    snapshot_both("evidence_editor", &mut state);
}

#[test]
fn awaiting_target() {
    let mut state = answered();
    keys(&mut state, "t");
    let screen = draw(&mut state, 80, 24);
    insta::assert_snapshot!("awaiting_target_80x24", screen);
}

#[test]
fn help() {
    let mut state = answered();
    keys(&mut state, "?");
    snapshot_both("help", &mut state);
    // Taller than the screen, it scrolls to its end, and any other key closes it.
    for _ in 0..10 {
        keys(&mut state, "j");
        draw(&mut state, 80, 24);
    }
    let end = draw(&mut state, 80, 24);
    assert!(
        end.contains("Every change is saved as you make it."),
        "{end}"
    );
    assert!(end.contains("more: ↑") && !end.contains("more: ↓"), "{end}");
    // At the smallest size too.
    for _ in 0..20 {
        keys(&mut state, "j");
        draw(&mut state, 60, 18);
    }
    let small = draw(&mut state, 60, 18);
    assert!(!small.contains("more: ↓"), "{small}");
    insta::assert_snapshot!("help_scrolled_to_the_end_60x18", small);
    keys(&mut state, "z");
    assert!(!state.show_help);
    assert!(state.message.is_none());
}

#[test]
fn review() {
    let mut state = answered();
    keys(&mut state, "r");
    snapshot_both("review", &mut state);
}

#[test]
fn too_small() {
    let mut state = answered();
    insta::assert_snapshot!("too_small_50x12", draw(&mut state, 50, 12));
    insta::assert_snapshot!("too_small_20x5", draw(&mut state, 20, 5));
    // Nothing panics at any size, down to nothing at all.
    for (width, height) in [(1, 1), (0, 0), (59, 40), (200, 17), (60, 18), (1000, 3)] {
        state.size = (width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| {
                view::render(&state, &Painter::monochrome(), frame);
            })
            .unwrap();
    }
}

#[test]
fn prompt() {
    let palette = Painter::monochrome().normal;
    let mut prompt = routemap::tui::prompt::Prompt::new(
        "New assessment: Planting the Flag",
        "Which authority is being assessed? (e.g. Anytown Borough Council)",
        "",
    );
    for c in "Cyngor Gwynedd".chars() {
        prompt.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    for (width, height) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| routemap::tui::prompt::render(&prompt, &palette, frame))
            .unwrap();
        insta::assert_snapshot!(
            format!("prompt_{width}x{height}"),
            terminal.backend().to_string()
        );
    }
}

#[test]
fn review_compared_with_last_year() {
    let mut state = answered();
    let mut last_year = state.assessment.clone();
    let routemap = state.routemap.clone();
    last_year.answer_mut(&routemap, "leadership").current =
        Some(Current::Stage("flag-planted".into()));
    last_year.answer_mut(&routemap, "governance").current =
        Some(Current::Stage("on-the-route".into()));
    let other = routemap::tui::state::Comparison {
        name: "Anytown Borough Council — 2025 baseline".into(),
        path: "2025.yaml".into(),
        assessment: last_year,
    };
    state.comparison = Some(other.clone());
    keys(&mut state, "r");
    for (width, height) in SIZES {
        let screen = draw(&mut state, width, height);
        let header = screen.lines().nth(2).unwrap_or_default();
        assert!(
            header.contains("Move") && header.contains("Gap"),
            "every column is headed at {width}×{height}: {header}"
        );
        // No two rows' names read alike, however narrow the column.
        let names: Vec<&str> = screen
            .lines()
            .filter_map(|line| line.get(line.find("│")? + 3..))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit() || c == ' '))
            .filter_map(|rest| rest.trim_start().split_once(' '))
            .filter_map(|(_, name)| name.split("  ").next())
            .filter(|name| name.contains('…'))
            .collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{width}×{height}: {names:?}");
    }
    snapshot_both("review_compared", &mut state);
    keys(&mut state, "d");
    update(
        &mut state,
        routemap::tui::update::Msg::Comparisons(vec![other]),
    );
    insta::assert_snapshot!("picker_80x24", draw(&mut state, 80, 24));
}

const WORKSHOP_SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (160, 45)];

/// A workshop on Leadership with seven votes cast.
fn workshop() -> State {
    let mut state = state();
    keys(&mut state, "w");
    keys(&mut state, "2333241");
    state
}

/// A workshop on a routemap of our own with Welsh names: ŵ, ŷ, an em dash, an emoji.
fn welsh_workshop() -> State {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/routemaps/good/gweithdy.yaml"
    );
    let routemap = routemap::routemap::load_file(std::path::Path::new(path)).unwrap();
    let assessment = Assessment::new(
        &routemap,
        "Cyngor Gwynedd",
        Some("Gweithdy 2026"),
        Timestamp(0),
    );
    let mut state = State::new(routemap, assessment, "cyngor-gwynedd.yaml".into());
    keys(&mut state, "w");
    state
}

/// Draws the screen and hands what it measured (how far it scrolls) back to `update`,
/// as the runner does, so that scrolling keys work as they would.
fn measure(state: &mut State, width: u16, height: u16) {
    state.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut measured = state.measured;
    terminal
        .draw(|frame| measured = view::render(state, &Painter::monochrome(), frame))
        .unwrap();
    update(state, routemap::tui::update::Msg::Measured(measured));
}

fn snapshot_workshop(name: &str, state: &mut State) {
    for (width, height) in WORKSHOP_SIZES {
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            draw(state, width, height)
        );
    }
}

#[test]
fn workshop_revealed() {
    snapshot_workshop("workshop_revealed", &mut workshop());
}

#[test]
fn workshop_blind() {
    let mut state = state();
    keys(&mut state, "wb2333241");
    for (width, height) in WORKSHOP_SIZES {
        // Below the title row and the progress strip (whose cells are dots too).
        let screen = draw(&mut state, width, height)
            .lines()
            .skip(2)
            .collect::<Vec<_>>()
            .join("\n");
        for leak in [
            "median 3",
            "◇ median",
            "AGREED",
            "r1 ",
            "Enter agrees it",
            "·····",
        ] {
            assert!(
                !screen.contains(leak),
                "{leak} shown while hidden:\n{screen}"
            );
        }
    }
    snapshot_workshop("workshop_blind", &mut state);
}

#[test]
fn workshop_agreed_and_parked_with_a_long_name() {
    let mut state = workshop();
    key(&mut state, KeyCode::Enter);
    let agreed = draw(&mut state, 120, 35);
    assert!(
        agreed.contains("● 3  Route planned  ◀ AGREED") && agreed.contains("1/12 agreed"),
        "the agreed theme, as agreed:\n{agreed}"
    );
    snapshot_workshop("workshop_agreed", &mut state);
    keys(&mut state, "Gp13");
    snapshot_workshop("workshop_long_name", &mut state);
}

#[test]
fn workshop_welsh_names_in_large_type() {
    let mut state = welsh_workshop();
    keys(&mut state, "2333241");
    snapshot_workshop("workshop_welsh", &mut state);
    let wide = draw(&mut state, 160, 45);
    assert!(
        wide.contains(" ██ ██   ██  ██ ██ ███") || wide.contains("██ █ ██"),
        "Dŵr in large type:\n{wide}"
    );
    // Tŷ and an em dash in large type; an emoji beneath the large line.
    keys(&mut state, "l");
    snapshot_workshop("workshop_welsh_dash", &mut state);
    keys(&mut state, "l");
    let fire = draw(&mut state, 120, 35);
    assert!(
        fire.contains("\" 🚒 "),
        "the emoji beneath, in normal type:\n{fire}"
    );
}

#[test]
fn workshop_rounds_and_an_agreement_off_the_median() {
    let mut state = welsh_workshop();
    keys(&mut state, "2333241");
    keys(&mut state, "r");
    keys(&mut state, "33432");
    keys(&mut state, "a2");
    let screen = draw(&mut state, 120, 35);
    assert!(screen.contains("AGREED, not the median"), "{screen}");
    assert!(
        screen.contains("r1 3"),
        "round 1 beside its stage:\n{screen}"
    );
    snapshot_workshop("workshop_rounds", &mut state);
}

#[test]
fn workshop_last_time_is_not_agreed() {
    let mut state = workshop();
    let routemap = state.routemap.clone();
    let answer = state.assessment.answer_mut(&routemap, "leadership");
    answer.current = Some(Current::Stage("on-the-route".into()));
    answer.carried = true;
    let screen = draw(&mut state, 80, 24);
    assert!(
        screen.contains("↻ last time: 4 On the route, not agreed yet"),
        "{screen}"
    );
    assert!(
        screen.contains("0/12 agreed") && !screen.contains("AGREED"),
        "{screen}"
    );
    snapshot_workshop("workshop_last_time", &mut state);
}

#[test]
fn workshop_a_stage_in_full() {
    let mut state = welsh_workshop();
    keys(&mut state, "2333241d");
    snapshot_workshop("workshop_stage_in_full", &mut state);
}

#[test]
fn workshop_the_rooms_note_in_large_type() {
    let mut state = welsh_workshop();
    keys(&mut state, "23a2n");
    for c in "Cyllid yn anghytuno: Dŵr — cam 2 🐉".chars() {
        key(&mut state, KeyCode::Char(c));
    }
    snapshot_workshop("workshop_room_note", &mut state);
    key(&mut state, KeyCode::Esc);
    let shown = draw(&mut state, 80, 24);
    assert!(
        shown.contains("✎ The room's note: Cyllid yn anghytuno: Dŵr — cam 2 🐉"),
        "{shown}"
    );
}

#[test]
fn workshop_countdown_minutes_and_time_up() {
    let mut state = welsh_workshop();
    keys(&mut state, "T5");
    snapshot_workshop("workshop_minutes", &mut state);
    key(&mut state, KeyCode::Enter);
    let start = state.workshop.now;
    update(
        &mut state,
        routemap::tui::update::Msg::Tick(start + std::time::Duration::from_secs(305)),
    );
    let over = draw(&mut state, 120, 35);
    assert!(over.contains("TIME UP"), "{over}");
    snapshot_workshop("workshop_time_up", &mut state);
}

#[test]
fn workshop_summary() {
    let mut state = welsh_workshop();
    keys(&mut state, "2333241");
    key(&mut state, KeyCode::Enter);
    keys(&mut state, "n");
    for c in "Cyllid yn anghytuno".chars() {
        key(&mut state, KeyCode::Char(c));
    }
    key(&mut state, KeyCode::Esc);
    keys(&mut state, "l15r33a4lplb2s");
    let summary = draw(&mut state, 80, 24);
    assert!(
        summary.contains("Theme") && summary.contains("Rounds"),
        "{summary}"
    );
    snapshot_workshop("workshop_summary", &mut state);
    measure(&mut state, 80, 24);
    keys(&mut state, "JJJJJ");
    let scrolled = draw(&mut state, 80, 24);
    assert!(scrolled.contains("Agreed stages"), "{scrolled}");
    insta::assert_snapshot!("workshop_summary_scrolled_80x24", scrolled);
}

#[test]
fn workshop_help() {
    let mut state = workshop();
    keys(&mut state, "?");
    insta::assert_snapshot!("workshop_help_160x45", draw(&mut state, 160, 45));
    // At 80×24 it scrolls; every binding of the workshop is on the way down.
    measure(&mut state, 80, 24);
    let first = draw(&mut state, 80, 24);
    assert!(first.contains("more: ↓"), "{first}");
    insta::assert_snapshot!("workshop_help_80x24", first.clone());
    let mut seen = first;
    for _ in 0..6 {
        keys(&mut state, "j");
        seen.push_str(&draw(&mut state, 80, 24));
    }
    assert!(
        !draw(&mut state, 80, 24).contains("more: ↓"),
        "scrolled to the end"
    );
    for binding in routemap::tui::keys::BINDINGS {
        use routemap::tui::keys::Context::*;
        if matches!(
            binding.context,
            Workshop | Agree | Stage | Minutes | RoomNote | Summary
        ) {
            let label = format!(
                " {} ",
                binding.label(routemap::tui::keys::Digits { first: 1, count: 5 })
            );
            assert!(seen.contains(&label), "{label}");
            for word in binding.help.split_whitespace() {
                assert!(seen.contains(word), "{label}: {word}");
            }
        }
    }
    keys(&mut state, "z");
    assert!(!state.show_help, "any other key closes it");
}

fn failing_save(state: &mut State) {
    state.save_problem = Some(routemap::store::SaveProblem {
        short: "Not saved: the disk is full. The next change tries again; q for choices.".into(),
        detail: "'/home/officer/.local/share/routemap/anytown.yaml' could not be written: the disk is full. The file on disk is as it was before your last changes.".into(),
    });
    state.save_elsewhere_suggestion = "~/anytown-unsaved.yaml".into();
}

#[test]
fn walk_not_saved() {
    let mut state = answered();
    failing_save(&mut state);
    snapshot_both("walk_not_saved", &mut state);
}

#[test]
fn quit_not_saved() {
    let mut state = answered();
    failing_save(&mut state);
    keys(&mut state, "q");
    snapshot_both("quit_not_saved", &mut state);
    keys(&mut state, "w");
    snapshot_both("save_elsewhere", &mut state);
}

/// The walk's radar pane on a screen: its inner columns, and how many of them the plot's
/// braille reaches. `None` when there is no radar pane.
fn radar_pane_cover(screen: &str) -> Option<(usize, usize)> {
    let rows: Vec<Vec<char>> = screen
        .lines()
        .map(|line| line.trim_matches('"').chars().collect())
        .collect();
    let title: Vec<char> = "┌ Radar ".chars().collect();
    let left = rows[1].windows(title.len()).position(|w| w == title)?;
    let right = rows[1].len() - 1;
    let braille = |c: char| ('\u{2801}'..='\u{28ff}').contains(&c);
    let covered = (left + 1..right)
        .filter(|&x| {
            rows.iter()
                .any(|row| row.get(x).copied().is_some_and(braille))
        })
        .count();
    Some((right - left - 1, covered))
}

#[test]
fn the_walk_shows_the_radar_from_120_columns() {
    let mut state = answered();
    assert_eq!(radar_pane_cover(&draw(&mut state, 119, 30)), None);
    let (inner, covered) = radar_pane_cover(&draw(&mut state, 120, 30)).expect("a radar at 120");
    assert!(covered * 10 >= inner * 7, "{covered} of {inner} columns");
}

#[test]
fn the_walks_radar_fills_its_pane() {
    let mut state = answered();
    for (width, height) in [(120, 24), (160, 45), (200, 60), (250, 70)] {
        let screen = draw(&mut state, width, height);
        let (inner, covered) = radar_pane_cover(&screen).expect("a radar pane");
        assert!(
            covered * 10 >= inner * 8,
            "{width}×{height}: the plot spans {covered} of {inner} columns\n{screen}"
        );
    }
}

#[test]
fn walk_with_its_radar_at_120_columns() {
    let mut state = answered();
    insta::assert_snapshot!("walk_answered_120x30", draw(&mut state, 120, 30));
}
/// Whose words are whose reaches the user whole, even at 80×24: the start screen does
/// not scroll, so every built-in routemap's title, description and source must fit.
#[test]
fn the_start_screen_of_every_built_in_routemap_fits_at_80x24() {
    for file in builtin::files() {
        let routemap = file.load().unwrap();
        let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
        let mut state = State::new(routemap, assessment, "anytown.yaml".into());
        state.show_intro = true;
        let screen = draw(&mut state, 80, 24);
        let words: String = screen
            .lines()
            .map(|line| {
                line.trim_matches(|c: char| c != '┃')
                    .trim_matches('┃')
                    .trim()
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            words.contains("the routemap project's own reading."),
            "{}: the source is cut off:\n{screen}",
            file.id()
        );
        assert!(
            words.contains("A stage counts only when all of it holds"),
            "{screen}"
        );
        assert!(
            screen.contains("About this routemap")
                && screen.lines().next().unwrap().contains(" routemap │"),
            "{}: the start screen runs over its frame:\n{screen}",
            file.id()
        );
    }
}

#[test]
fn about_the_routemap_before_the_first_answer() {
    let mut state = state();
    state.show_intro = true;
    snapshot_both("intro", &mut state);
    // Any key closes it, and does nothing else.
    keys(&mut state, "3");
    assert!(!state.show_intro);
    assert!(state.assessment.answers.is_empty());
}

#[test]
fn walk_next_steps_scrolled_into_view() {
    let mut state = answered();
    // Governance: stage 2, no target; scroll down to its next stage and actions.
    keys(&mut state, "kJJJJJJJJ");
    let screen = draw(&mut state, 80, 24);
    insta::assert_snapshot!("walk_next_steps_80x24", screen);
}

#[test]
fn routemap_text_in_the_new_panes_is_shown_not_sent() {
    let mut state = answered();
    let evil = "Evil\u{1b}]0;PWNED\u{7}\u{9b}2J";
    state.routemap.description = Some(evil.into());
    state.routemap.sections[0].name = evil.into();
    state.routemap.stages[3].name = evil.into();
    state.routemap.themes[0].actions = vec![(evil.into(), vec![evil.into()])];
    state.routemap.themes[0].descriptors[3] = evil.into();
    keys(&mut state, "kk");
    // The next stage and the actions are below the stages: a page or two down.
    for _ in 0..2 {
        draw(&mut state, 200, 60);
        key(&mut state, KeyCode::PageDown);
    }
    // What each pane of this change draws from the routemap: the next stage's name and
    // the actions (walk), a section's name (review's roll-up), the description (intro).
    for (screen, shown) in [
        ("walk", "Next stage: 4 Evil^[]0;PWNED^G\\u{9b}2J"),
        ("review", "│Evil^[]0;PWNED^G\\u{9b}2J "),
        ("intro", "┃ Evil^[]0;PWNED^G\\u{9b}2J"),
    ] {
        state.show_intro = screen == "intro";
        if screen == "review" {
            keys(&mut state, "r");
        }
        let drawn = draw(&mut state, 200, 60);
        assert!(
            !drawn.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{screen}:\n{drawn}"
        );
        assert!(drawn.contains(shown), "{screen}:\n{drawn}");
        if screen == "review" {
            keys(&mut state, "r");
        }
    }
}

#[test]
fn styled_screens_in_colour() {
    let mut walk = answered();
    insta::assert_snapshot!("styled_walk_80x24", draw_styled(&mut walk, 80, 24));
    keys(&mut walk, "?");
    insta::assert_snapshot!("styled_help_80x24", draw_styled(&mut walk, 80, 24));
    keys(&mut walk, "?r");
    insta::assert_snapshot!("styled_review_80x24", draw_styled(&mut walk, 80, 24));
    let mut room = workshop();
    insta::assert_snapshot!("styled_workshop_120x35", draw_styled(&mut room, 120, 35));
    keys(&mut room, "?");
    insta::assert_snapshot!("styled_workshop_help_80x24", draw_styled(&mut room, 80, 24));
    keys(&mut room, "?");
    key(&mut room, KeyCode::Enter);
    keys(&mut room, "s");
    insta::assert_snapshot!(
        "styled_workshop_summary_120x35",
        draw_styled(&mut room, 120, 35)
    );
}

#[test]
fn styled_workshop_screens_dark_and_light() {
    let mut room = welsh_workshop();
    keys(&mut room, "2333241");
    insta::assert_snapshot!(
        "styled_workshop_welsh_160x45",
        draw_styled(&mut room, 160, 45)
    );
    keys(&mut room, "L");
    insta::assert_snapshot!(
        "styled_workshop_light_80x24",
        draw_styled(&mut room, 80, 24)
    );
    keys(&mut room, "Ld");
    insta::assert_snapshot!(
        "styled_workshop_stage_80x24",
        draw_styled(&mut room, 80, 24)
    );
    key(&mut room, KeyCode::Esc);
    keys(&mut room, "lb23");
    insta::assert_snapshot!(
        "styled_workshop_blind_80x24",
        draw_styled(&mut room, 80, 24)
    );
    keys(&mut room, "n");
    for c in "Dŵr".chars() {
        key(&mut room, KeyCode::Char(c));
    }
    insta::assert_snapshot!(
        "styled_workshop_room_note_80x24",
        draw_styled(&mut room, 80, 24)
    );
    key(&mut room, KeyCode::Esc);
    keys(&mut room, "s");
    insta::assert_snapshot!(
        "styled_workshop_summary_160x45",
        draw_styled(&mut room, 160, 45)
    );
}

/// A reassessment: last year's stages carried over for ten themes, none agreed yet.
fn reassessment_workshop() -> State {
    let mut state = state();
    let routemap = state.routemap.clone();
    let carried = [
        ("leadership", "flag-planted"),
        ("governance", "route-planned"),
        ("organisational-change", "on-the-route"),
        ("strategic-commissioning", "not-started"),
        ("shared-services", "flag-planted"),
        ("professionalism", "route-planned"),
        ("business-change", "on-the-route"),
        ("infrastructure", "flag-planted"),
        ("information-governance", "route-planned"),
        ("information-management", "flag-planted"),
    ];
    for (theme, stage) in carried {
        let answer = state.assessment.answer_mut(&routemap, theme);
        answer.current = Some(Current::Stage(stage.into()));
        answer.carried = true;
    }
    keys(&mut state, "w");
    state
}

#[test]
fn workshop_summary_bars_show_agreed_stages_only_never_last_time() {
    let mut state = reassessment_workshop();
    keys(&mut state, "s");
    let screen = draw(&mut state, 120, 35);
    assert!(screen.contains("0/12 agreed"), "{screen}");
    // The bars' pane, left of the lists': each theme's row.
    let bars = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .filter_map(|line| line.split("││").next())
            .filter(|pane| pane.contains('░'))
            .map(str::to_string)
            .collect()
    };
    let rows = bars(&screen);
    assert!(rows.len() >= 8, "{screen}");
    for row in &rows {
        assert!(
            !row.contains('█') && !row.contains("/5"),
            "a carried stage drawn as agreed ({row}):\n{screen}"
        );
    }
    assert!(
        screen.contains("agreed stage"),
        "the key says agreed:\n{screen}"
    );
    assert!(!screen.contains("current stage"), "{screen}");
    // Once the room agrees a stage, that one bar is drawn, and only that one.
    keys(&mut state, "s");
    keys(&mut state, "444");
    key(&mut state, KeyCode::Enter);
    keys(&mut state, "s");
    let screen = draw(&mut state, 120, 35);
    let rows = bars(&screen);
    assert!(
        rows.iter()
            .any(|l| l.contains("Leadership") && l.contains("4/5")),
        "{screen}"
    );
    assert!(
        rows.iter().filter(|l| l.contains('█')).count() == 1,
        "one agreed stage, one bar:\n{screen}"
    );
    snapshot_workshop("workshop_summary_reassessment", &mut state);
}

/// Every screenful of the summary, scrolling with J to its end.
fn summary_pages(state: &mut State, width: u16, height: u16) -> Vec<String> {
    let mut pages = vec![draw(state, width, height)];
    for _ in 0..30 {
        keys(state, "J");
        let page = draw(state, width, height);
        if pages.last() == Some(&page) {
            break;
        }
        pages.push(page);
    }
    pages
}

#[test]
fn workshop_read_back_keeps_the_marker_wraps_the_note_and_tells_names_apart() {
    let note = "Finance said stage two, the rest three; revisit after the budget in March";
    for (width, height) in [(80, 24), (60, 18)] {
        let mut state = reassessment_workshop();
        keys(&mut state, "223a3n");
        for c in note.chars() {
            key(&mut state, KeyCode::Char(c));
        }
        key(&mut state, KeyCode::Esc);
        keys(&mut state, "s");
        let pages = summary_pages(&mut state, width, height);
        let first = &pages[0];
        let leadership = first
            .lines()
            .find(|line| line.contains("  1  "))
            .unwrap_or_else(|| panic!("{first}"));
        assert!(
            leadership.contains('≠'),
            "the agreed stage is not the median, and the row says so at {width}×{height}:\n{first}"
        );
        assert!(
            first.contains("Information g") && first.contains("Information m"),
            "themes 10 and 11 told apart at {width}×{height}:\n{first}"
        );
        let seen: Vec<&str> = pages.iter().flat_map(|p| p.split_whitespace()).collect();
        for word in note.split_whitespace() {
            assert!(
                seen.contains(&word),
                "'{word}' of the note never shown whole at {width}×{height}:\n{}",
                pages.join("\n")
            );
        }
        insta::assert_snapshot!(format!("workshop_read_back_{width}x{height}"), first);
    }
}

/// A screen's lines that begin (after the margin) with `word`.
fn line_starting(screen: &str, word: &str) -> bool {
    screen
        .lines()
        .any(|line| line.trim_matches('"').trim_start().starts_with(word))
}

#[test]
fn workshop_hints_only_where_a_key_can_act_and_the_big_figure_says_what_it_is() {
    // The facilitator, before agreeing: the median in large digits, and Enter agrees it.
    let mut state = workshop();
    let before = draw(&mut state, 120, 35);
    assert!(before.contains("(Enter agrees it)"), "{before}");
    assert!(
        line_starting(&before, "median"),
        "the figure's label:\n{before}"
    );
    // After agreeing another stage: no Enter hint, and the figure is the agreed stage.
    keys(&mut state, "a2");
    for (width, height) in WORKSHOP_SIZES {
        let screen = draw(&mut state, width, height);
        assert!(screen.contains("AGREED"), "{screen}");
        assert!(
            !screen.contains("Enter agrees it"),
            "agreed already at {width}×{height}:\n{screen}"
        );
    }
    let agreed = draw(&mut state, 120, 35);
    assert!(
        line_starting(&agreed, "agreed"),
        "the figure's label:\n{agreed}"
    );
    snapshot_workshop("workshop_agreed_off_the_median", &mut state);

    // The follower: read-only, so no key is offered, whatever the theme's state.
    let mut follower = workshop();
    let follows = |state: &mut State| {
        state.read_only = Some("a second screen that follows the facilitator's".into());
    };
    follows(&mut follower);
    let mut blind = state_with(|state| keys(state, "wb23"));
    follows(&mut blind);
    let mut empty = state_with(|state| keys(state, "w"));
    follows(&mut empty);
    let mut not_applicable = state_with(|state| keys(state, "w23x"));
    follows(&mut not_applicable);
    for state in [&mut follower, &mut blind, &mut empty, &mut not_applicable] {
        for (width, height) in WORKSHOP_SIZES {
            let screen = draw(state, width, height);
            for hint in [
                "Enter agrees it",
                "u takes it back",
                "v reveals it",
                "adds a vote",
                "adds one",
            ] {
                assert!(
                    !screen.contains(hint),
                    "'{hint}' on a follower at {width}×{height}:\n{screen}"
                );
            }
        }
    }
    snapshot_workshop("workshop_follower", &mut follower);
}

fn state_with(prepare: impl Fn(&mut State)) -> State {
    let mut state = state();
    prepare(&mut state);
    state
}

/// Markdown in a theme's question and descriptors reads in the workshop as it does in
/// the walk: a link as its text and its address in brackets, emphasis as style, never
/// the raw markup; the stage in full (`d`) shows the same words in large type.
#[test]
fn workshop_markdown_reads_as_in_the_walk() {
    let mut state = workshop();
    let theme = &mut state.routemap.themes[0];
    theme.question =
        Some("Is there a [digital strategy](https://example.org/s) the **board** agreed?".into());
    theme.descriptors[1] = "A plan [x](javascript:alert(1)) with *emphasis* and `code`.".into();
    let walk = {
        let mut walk = state.clone();
        keys(&mut walk, "w");
        draw(&mut walk, 120, 35)
    };
    assert!(
        walk.contains("x (javascript:alert(1))"),
        "the walk:\n{walk}"
    );
    for (width, height) in WORKSHOP_SIZES {
        let screen = draw(&mut state, width, height);
        assert!(
            !screen.contains("](") && !screen.contains("**"),
            "raw markdown:\n{screen}"
        );
        assert!(
            screen.contains("digital strategy (https://example.org/s)"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("workshop_markdown_{width}x{height}"), screen);
    }
    let styled = draw_styled(&mut state, 120, 35);
    assert!(styled.contains("x (javascript:alert(1))"), "{styled}");
    insta::assert_snapshot!("styled_workshop_markdown_120x35", styled);
    keys(&mut state, "d2");
    let large = draw(&mut state, 120, 35);
    assert!(!large.contains("](") && !large.contains('`'), "{large}");
    insta::assert_snapshot!("workshop_markdown_stage_in_full_120x35", large);
}

#[test]
fn the_walks_theme_list_tells_names_cut_alike_apart() {
    // Every theme with a stage and a target: "3→4" beside each name leaves least room.
    let mut state = state();
    let routemap = state.routemap.clone();
    for theme in &routemap.themes {
        let answer = state.assessment.answer_mut(&routemap, &theme.id);
        answer.current = Some(Current::Stage("route-planned".into()));
        answer.target = Some("on-the-route".into());
    }
    for (width, height) in SIZES {
        let screen = draw(&mut state, width, height);
        let names: Vec<String> = screen
            .lines()
            .filter_map(|line| {
                let row = line.get(line.find("│")? + 3..)?;
                let row = row.split('│').next()?;
                // "○ 10 Information g…   ": the name after the mark and the number.
                let mut words = row.split_whitespace();
                let (_mark, number) = (words.next()?, words.next()?);
                number.parse::<usize>().ok()?;
                // The name's words up to its ellipsis; the status after it is not name.
                let mut name = Vec::new();
                for word in words {
                    name.push(word);
                    if word.contains('…') {
                        return Some(name.join(" "));
                    }
                }
                None
            })
            .collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{width}×{height}: {names:?}");
    }
}
