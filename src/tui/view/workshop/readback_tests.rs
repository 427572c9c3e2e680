//! The read-back table's rules: what a row says, what stays hidden, how it fits.

use super::*;
use crate::assessment::{Answer, Current};
use crate::builtin;
use crate::clock::Timestamp;

fn room() -> (Routemap, Assessment) {
    let routemap = builtin::planting_the_flag();
    let mut assessment = Assessment::new(&routemap, "Cyngor Gwynedd", None, Timestamp(0));
    *assessment.answer_mut(&routemap, "leadership") = Answer {
        current: Some(Current::Stage("flag-planted".into())),
        votes: vec![("flag-planted".into(), 1), ("on-the-route".into(), 3)],
        rounds: vec![vec![("not-started".into(), 2)]],
        room_note: Some("Dŵr — finance\nsaid low".into()),
        ..Answer::default()
    };
    *assessment.answer_mut(&routemap, "governance") = Answer {
        current: Some(Current::Stage("route-planned".into())),
        carried: true,
        parked: true,
        ..Answer::default()
    };
    (routemap, assessment)
}

#[test]
fn a_row_reads_back_what_was_agreed_and_how() {
    let (routemap, assessment) = room();
    let rows = read_back(&routemap, &assessment);
    assert_eq!(rows.len(), 12);
    let leadership = &rows[0];
    assert_eq!(
        leadership.agreed, "2 Flag planted ≠",
        "agreed off the median"
    );
    assert_eq!(leadership.kind, Kind::Agreed);
    assert_eq!(leadership.median, "4 On the route");
    assert_eq!(leadership.spread, "2–4 ⚑");
    assert_eq!(leadership.rounds, "2");
    assert_eq!(leadership.note, "Dŵr — finance said low", "one line");
    let governance = &rows[1];
    assert_eq!(governance.agreed, "↻ 3 Route planned · parked");
    assert_eq!(governance.kind, Kind::LastTime, "never agreed");
    assert_eq!(
        (governance.median.as_str(), governance.rounds.as_str()),
        ("—", "—")
    );
}

#[test]
fn a_hidden_tally_stays_hidden_in_the_read_back() {
    let (routemap, mut assessment) = room();
    assessment.blind = true;
    let rows = read_back(&routemap, &assessment);
    let leadership = &rows[0];
    assert_eq!(
        (
            leadership.agreed.as_str(),
            leadership.median.as_str(),
            leadership.spread.as_str()
        ),
        ("hidden", "hidden", "hidden")
    );
    assert_eq!(leadership.note, "", "the note would tell");
    let no_votes = &rows[2];
    assert_eq!(
        (no_votes.agreed.as_str(), no_votes.median.as_str()),
        ("—", "—"),
        "no votes, nothing hidden"
    );
}

#[test]
fn at_any_width_every_line_fits_so_nothing_is_cut_without_an_ellipsis() {
    let (routemap, mut assessment) = room();
    assessment.answer_mut(&routemap, "leadership").room_note =
        Some("Finance said stage two, the rest three; revisit in March".into());
    let rows = read_back(&routemap, &assessment);
    // From the narrowest body the screen draws (60 columns less its margins).
    for width in 58..=200 {
        let lines = lines(&rows, width, &Palette::monochrome());
        for line in &lines {
            assert!(line.width() <= width, "{width}: {line}");
        }
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        assert!(text.contains('≠'), "the mark kept at {width}:\n{text}");
    }
}

#[test]
fn the_table_fits_80_columns_with_every_column() {
    let (routemap, assessment) = room();
    let rows = read_back(&routemap, &assessment);
    let lines = lines(&rows, 78, &Palette::monochrome());
    for line in &lines {
        assert!(line.width() <= 78, "{line}");
    }
    let header = lines[0].to_string();
    for heading in HEADINGS {
        assert!(header.contains(heading), "{header}");
    }
    assert!(
        lines[1].to_string().contains("  4  "),
        "the median's number: {}",
        lines[1]
    );
    let wide = super::lines(&rows, 200, &Palette::monochrome());
    assert!(
        wide[1].to_string().contains("4 On the route"),
        "{}",
        wide[1]
    );
}
