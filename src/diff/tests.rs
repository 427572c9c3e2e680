use super::*;
use crate::builtin;
use crate::clock::Timestamp;
use crate::term::Colors;
use unicode_width::UnicodeWidthStr;

fn routemap() -> Routemap {
    builtin::planting_the_flag()
}

fn stage(id: &str) -> Option<Current> {
    Some(Current::Stage(id.into()))
}

/// Last year and this year, with one theme of every kind of change.
fn pair() -> (Assessment, Assessment) {
    let routemap = routemap();
    let mut before = Assessment::new(
        &routemap,
        "Anytown Borough Council",
        Some("2025 baseline"),
        Timestamp(1_764_000_000),
    );
    let mut after = Assessment::new(
        &routemap,
        "Anytown Borough Council",
        Some("2026 reassessment"),
        Timestamp(1_795_788_191),
    );
    let set = |assessment: &mut Assessment, theme: &str, current: Option<Current>| {
        assessment.answer_mut(&routemap, theme).current = current;
    };
    set(&mut before, "leadership", stage("flag-planted"));
    set(&mut after, "leadership", stage("on-the-route"));
    set(&mut before, "governance", stage("route-planned"));
    set(&mut after, "governance", stage("flag-planted"));
    set(&mut before, "organisational-change", stage("route-planned"));
    set(&mut after, "organisational-change", stage("route-planned"));
    set(&mut after, "strategic-commissioning", stage("not-started"));
    set(&mut before, "shared-services", stage("flag-planted"));
    set(&mut before, "professionalism", stage("flag-planted"));
    set(&mut after, "professionalism", Some(Current::NotApplicable));
    set(&mut before, "business-change", Some(Current::NotApplicable));
    set(&mut after, "business-change", stage("route-planned"));
    set(&mut before, "digital-access", stage("renamed-stage"));
    set(&mut after, "digital-access", stage("route-planned"));
    before.answer_mut(&routemap, "organisational-change").target = Some("on-the-route".into());
    after.answer_mut(&routemap, "organisational-change").target =
        Some("destination-reached".into());
    before.answer_mut(&routemap, "organisational-change").notes =
        Some("the CIO reports to the deputy".into());
    after.answer_mut(&routemap, "organisational-change").notes =
        Some("the CIO now reports to the chief executive".into());
    before
        .answer_mut(&routemap, "organisational-change")
        .evidence = vec!["old.pdf".into(), "kept.pdf".into()];
    after
        .answer_mut(&routemap, "organisational-change")
        .evidence = vec!["kept.pdf".into(), "new.pdf".into()];
    after
        .answer_mut(&routemap, "organisational-change")
        .confidence = Some(Confidence::High);
    (before, after)
}

fn diff_of(before: &Assessment, after: &Assessment) -> Diff {
    compare(
        &routemap(),
        (Path::new("2025.yaml"), before),
        (Path::new("2026.yaml"), after),
    )
    .unwrap()
}

fn theme<'a>(diff: &'a Diff, id: &str) -> &'a ThemeDiff {
    diff.themes.iter().find(|t| t.id == id).unwrap()
}

#[test]
fn every_kind_of_stage_change() {
    let (before, after) = pair();
    let diff = diff_of(&before, &after);
    assert_eq!(theme(&diff, "leadership").movement, Movement::Up(2));
    assert_eq!(theme(&diff, "governance").movement, Movement::Down(1));
    assert_eq!(
        theme(&diff, "organisational-change").movement,
        Movement::Same
    );
    assert_eq!(
        theme(&diff, "strategic-commissioning").movement,
        Movement::NewlyAnswered
    );
    assert_eq!(theme(&diff, "shared-services").movement, Movement::Removed);
    assert_eq!(
        theme(&diff, "professionalism").movement,
        Movement::NowNotApplicable
    );
    assert_eq!(
        theme(&diff, "business-change").movement,
        Movement::NoLongerNotApplicable
    );
    assert_eq!(theme(&diff, "digital-access").movement, Movement::Unknown);
    assert_eq!(
        theme(&diff, "infrastructure").movement,
        Movement::Same,
        "unanswered in both"
    );
    assert_eq!(
        diff.summary.line(),
        "1 up, 1 down, 5 unchanged, 1 newly answered, 1 no longer answered, 1 now n/a, 1 no longer n/a, 1 not comparable"
    );
    assert!(diff.has_regression());
    assert!(!diff.identical());
}

#[test]
fn targets_notes_evidence_and_confidence() {
    let (before, after) = pair();
    let diff = diff_of(&before, &after);
    let changed = theme(&diff, "organisational-change");
    assert!(changed.target_changed());
    assert!(changed.confidence_changed());
    assert_eq!(
        changed.notes,
        NotesChange::Changed(WordChange {
            added: 3,
            removed: 1
        })
    );
    assert_eq!(changed.evidence_added, ["new.pdf"]);
    assert_eq!(changed.evidence_removed, ["old.pdf"]);
    assert!(!changed.unchanged());
}

#[test]
fn identical_assessments_say_so() {
    let (before, _) = pair();
    let diff = diff_of(&before, &before);
    assert!(diff.identical());
    assert!(!diff.has_regression());
    assert!(to_text(&diff, false, false).contains("The two assessments are identical."));
    assert!(to_markdown(&diff, false).contains("The two assessments are identical."));
}

#[test]
fn different_routemaps_are_refused() {
    let (before, mut after) = pair();
    after.routemap.id = "procurement-and-sourcing".into();
    let error = compare(
        &routemap(),
        (Path::new("a.yaml"), &before),
        (Path::new("b.yaml"), &after),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "'a.yaml' is an assessment against routemap 'planting-the-flag' but 'b.yaml' is against 'procurement-and-sourcing'; give assessments of the same routemap"
    );
}

#[test]
fn a_changed_routemap_version_matches_ids_and_lists_the_rest() {
    let (mut before, after) = pair();
    before.routemap.version = "2010.1".into();
    before.answers.push((
        "retired-theme".into(),
        Answer {
            current: stage("flag-planted"),
            ..Answer::default()
        },
    ));
    let diff = diff_of(&before, &after);
    let last = diff.themes.last().unwrap();
    assert_eq!(last.id, "retired-theme");
    assert!(!last.in_routemap);
    assert_eq!(last.movement, Movement::Removed);
    let text = to_text(&diff, false, false);
    assert!(text.contains("routemap planting-the-flag: version 2010.1 → 2.0; themes matched by id, the rest listed at the end"), "{text}");
    assert!(
        text.contains("not in this version of the routemap"),
        "{text}"
    );
}

#[test]
fn text_table() {
    let (before, after) = pair();
    let text = to_text(&diff_of(&before, &after), false, false);
    insta::assert_snapshot!("diff_text", text);
    assert!(!text.contains('\u{1b}'));
    let colored = to_text(&diff_of(&before, &after), false, true);
    assert!(colored.contains("\u{1b}[0;1;38;2;0;158;115m↑ up 2\u{1b}[0m"));
}

fn fitted(width: usize, ascii: bool, colors: Colors) -> String {
    let (before, after) = pair();
    to_text_fitted(
        &diff_of(&before, &after),
        &TextLayout {
            verbose: true,
            colors,
            width,
            ascii,
        },
    )
}

#[test]
fn the_text_table_never_overflows_its_width() {
    for width in [20, 30, 50, 64, 80, 120, 200] {
        let text = fitted(width, false, Colors::Off);
        for line in text.lines() {
            assert!(
                line.width() <= width,
                "{width}: {line:?} is {}",
                line.width()
            );
        }
        assert!(
            text.contains("Leadership") || width < 40,
            "{width}:\n{text}"
        );
    }
    let narrow = fitted(50, false, Colors::Off);
    // Cut alike, the two "Information …" themes give up the word they share.
    assert!(
        narrow.contains("…governance") && narrow.contains("…management…"),
        "{narrow}"
    );
    insta::assert_snapshot!("diff_text_50", narrow);
}

#[test]
fn the_change_column_is_never_cut_while_the_names_can_give_way() {
    for (width, ascii) in [
        (40, false),
        (50, false),
        (80, false),
        (80, true),
        (44, true),
    ] {
        let text = fitted(width, ascii, Colors::Off);
        let changes: Vec<&str> = if ascii {
            vec![
                "+ newly answered",
                "- no longer answered",
                "-> now n/a",
                "^ up 2",
                "v down 1",
            ]
        } else {
            vec![
                "+ newly answered",
                "− no longer answered",
                "→ now n/a",
                "↑ up 2",
                "↓ down 1",
            ]
        };
        for change in changes {
            assert!(text.contains(change), "{width} {ascii}: {change}\n{text}");
        }
    }
}

#[test]
fn a_wide_table_shows_every_name_in_full() {
    let wide = fitted(200, false, Colors::Off);
    assert!(
        wide.contains("Information management, assurance and transparency  "),
        "{wide}"
    );
    assert!(!wide.contains('…'), "{wide}");
}

#[test]
fn ascii_text_is_seven_bit_with_arrows_as_letters() {
    let text = fitted(60, true, Colors::Off);
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("^ up 2") && text.contains("v down 1") && text.contains("= same"));
    assert!(text.contains("-> now n/a") && text.contains("4 On the route -> 5"));
    assert!(
        text.contains("Information go...") && text.contains("Information ma..."),
        "{text}"
    );
}

#[test]
fn colour_comes_down_to_the_terminals_depth() {
    let basic = fitted(80, false, Colors::Basic);
    assert!(basic.contains("\u{1b}[0;1;32m↑ up 2\u{1b}[0m"), "{basic}");
    assert!(basic.contains("\u{1b}[0;1;31m↓ down 1\u{1b}[0m"), "{basic}");
    let indexed = fitted(80, false, Colors::Indexed);
    assert!(indexed.contains("\u{1b}[0;1;38;5;"), "{indexed}");
    assert!(!indexed.contains("38;2;"), "{indexed}");
}

#[test]
fn columns_give_way_widest_first() {
    let weights = [2, 1, 1, 1];
    assert_eq!(
        fit_columns(&[36, 22, 22, 20], &weights, 200, 2),
        [36, 22, 22, 20]
    );
    assert_eq!(
        fit_columns(&[36, 22, 22, 20], &weights, 80, 2),
        [29, 15, 15, 15]
    );
    assert_eq!(
        fit_columns(&[10, 5], &[1, 1], 3, 2),
        [1, 1],
        "never below one column"
    );
}

#[test]
fn verbose_text_shows_notes_in_full() {
    let (before, after) = pair();
    let text = to_text(&diff_of(&before, &after), true, false);
    assert!(
        text.contains("  before    the CIO reports to the deputy"),
        "{text}"
    );
    assert!(
        text.contains("  after     the CIO now reports to the chief executive"),
        "{text}"
    );
}

#[test]
fn markdown_table() {
    let (before, after) = pair();
    insta::assert_snapshot!(
        "diff_markdown",
        to_markdown(&diff_of(&before, &after), false)
    );
}

#[test]
fn json_output() {
    let (before, after) = pair();
    let json = to_json(&diff_of(&before, &after));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "routemap-diff/1");
    assert_eq!(value["summary"]["up"], 1);
    assert_eq!(value["regression"], true);
    assert_eq!(value["themes"][0]["change"], "up");
    assert_eq!(value["themes"][0]["stages_moved"], 2);
    assert_eq!(value["themes"][1]["stages_moved"], -1);
    assert_eq!(value["themes"][2]["notes"]["words_added"], 3);
}

#[test]
fn the_rooms_note_is_compared_and_the_voting_is_not() {
    let routemap = routemap();
    let (before, _) = pair();
    let mut after = before.clone();
    let leadership = after.answer_mut(&routemap, "leadership");
    leadership.room_note = Some("Agreed after two rounds; finance said 1.".into());
    leadership.votes = vec![("flag-planted".into(), 5)];
    leadership.rounds = vec![vec![("not-started".into(), 2)]];
    after.blind = true;
    let diff = diff_of(&before, &after);
    let changed = theme(&diff, "leadership");
    assert_eq!(changed.room_note, NotesChange::Added);
    assert!(!changed.unchanged());
    let text = to_text(&diff, true, false);
    assert!(text.contains("room note"), "{text}");
    assert!(text.contains("Agreed after two rounds"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&to_json(&diff)).unwrap();
    assert_eq!(json["themes"][0]["room_note"]["change"], "added");
    // Votes and rounds alone are the workshop's working, not a change of answer.
    let mut voted = before.clone();
    voted.answer_mut(&routemap, "leadership").votes = vec![("flag-planted".into(), 5)];
    assert!(diff_of(&before, &voted).identical());
}

#[test]
fn markdown_escapes_what_the_files_say() {
    // Names, titles, notes and evidence are the files' words, not markup: nothing in
    // them may become HTML, a link, emphasis or a broken table.
    let (mut before, mut after) = pair();
    let routemap = routemap();
    after.authority = "<script>alert(1)</script> *Any*town | [x](http://e.vil)".into();
    before.title = Some("`tick` _und_".into());
    after.answer_mut(&routemap, "organisational-change").notes =
        Some("<img src=x onerror=alert(1)> **bold** | pipe".into());
    after
        .answer_mut(&routemap, "organisational-change")
        .evidence = vec!["<b>new</b>.pdf".into()];
    let markdown = to_markdown(&diff_of(&before, &after), true);
    for escaped in [
        r"\<script\>",
        r"\<img src",
        r"\<b\>new",
        r"\*Any\*",
        r"\[x\](",
        r"\*\*bold\*\*",
        r"\`tick\`",
        r"\_und\_",
    ] {
        assert!(
            markdown.contains(escaped),
            "{escaped} not escaped:\n{markdown}"
        );
    }
    // No angle bracket but the line breaks the table puts in its cells is left bare.
    let bare = markdown
        .replace("<br>", "")
        .replace(r"\<", "")
        .replace(r"\>", "")
        .replace(r"\`", "");
    assert!(!bare.contains(['<', '>', '`']), "{markdown}");
    // Every table row still has its five cells: no pipe from a file splits one.
    for row in markdown.lines().filter(|line| line.starts_with("| ")) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 6, "{row}");
    }
}
