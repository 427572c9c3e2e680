//! The read-back table that opens the summary: for every theme, the agreed stage, the
//! median, the spread, the rounds and the room's note, so the facilitator can read the
//! result back to the room. What a hidden tally would tell stays hidden here too.

use super::standing::at_words;
use crate::assessment::Assessment;
use crate::routemap::Routemap;
use crate::text::ellipsize;
use crate::tui::theme::Palette;
use crate::workshop::{self, Shown, Standing};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// How a theme stands in the table, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Agreed,
    LastTime,
    Other,
}

/// One theme's row, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadBack {
    pub number: String,
    pub theme: String,
    pub agreed: String,
    pub kind: Kind,
    pub median: String,
    /// The median's stage number alone, for a narrow table.
    pub median_short: String,
    pub spread: String,
    pub rounds: String,
    pub note: String,
}

/// Every theme's row, in routemap order.
pub fn read_back(routemap: &Routemap, assessment: &Assessment) -> Vec<ReadBack> {
    routemap
        .themes
        .iter()
        .zip(assessment.answers_for(routemap))
        .enumerate()
        .map(|(index, (theme, answer))| {
            let shown = workshop::shown(routemap, assessment.blind, answer);
            let rounds = answer.map_or(0, |a| a.rounds.len() + usize::from(!a.votes.is_empty()));
            let (agreed, kind) = agreed(routemap, &shown);
            // A hidden tally with votes in it says so; one with none has nothing to hide.
            let hidden = |text: String| {
                if shown.hidden && shown.cast > 0 {
                    "hidden".into()
                } else {
                    text
                }
            };
            ReadBack {
                number: (index + 1).to_string(),
                theme: theme.name.clone(),
                agreed,
                kind,
                median: hidden(shown.median.map_or("—".into(), |m| {
                    at_words(routemap, &workshop::At::Stage(m))
                })),
                median_short: hidden(
                    shown
                        .median
                        .map_or("—".into(), |m| routemap.stage_number(m).to_string()),
                ),
                spread: hidden(spread(routemap, &shown)),
                rounds: if rounds == 0 {
                    "—".into()
                } else {
                    rounds.to_string()
                },
                note: shown
                    .room_note
                    .as_deref()
                    .map(|note| {
                        // One line in the table: the note's lines joined by spaces.
                        let joined = note.split_whitespace().collect::<Vec<_>>().join(" ");
                        crate::sanitize::line(&joined).into_owned()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The agreed column: the stage agreed (≠ when it is not the median), last time's
/// stage (↻, not agreed), parked, or nothing.
fn agreed(routemap: &Routemap, shown: &Shown) -> (String, Kind) {
    let parked = if shown.parked { " · parked" } else { "" };
    match &shown.standing {
        Standing::Agreed(at) => {
            let off = if shown.agreed_off_median { " ≠" } else { "" };
            (format!("{}{off}", at_words(routemap, at)), Kind::Agreed)
        }
        Standing::LastTime(at) => (
            format!("↻ {}{parked}", at_words(routemap, at)),
            Kind::LastTime,
        ),
        Standing::Open if shown.hidden && shown.cast > 0 => ("hidden".into(), Kind::Other),
        Standing::Open if shown.parked => ("parked".into(), Kind::Other),
        Standing::Open => ("—".into(), Kind::Other),
    }
}

/// "1–4 ⚑" (lowest to highest stage voted, flagged when wide), "3", or "—".
fn spread(routemap: &Routemap, shown: &Shown) -> String {
    let Some(tally) = &shown.tally else {
        return "—".into();
    };
    let low = tally.iter().position(|c| *c > 0);
    let high = tally.iter().rposition(|c| *c > 0);
    match (low, high) {
        (Some(low), Some(high)) if low == high => routemap.stage_number(low).to_string(),
        (Some(low), Some(high)) => {
            let flag = if shown.discuss.is_some() { " ⚑" } else { "" };
            format!(
                "{}–{}{flag}",
                routemap.stage_number(low),
                routemap.stage_number(high)
            )
        }
        _ => "—".into(),
    }
}

const HEADINGS: [&str; 7] = ["#", "Theme", "Agreed", "Median", "Spread", "Rounds", "Note"];
/// The columns that give way when the table is too wide, and their narrowest.
const FLEXIBLE: [(usize, usize); 4] = [(1, 10), (2, 10), (3, 6), (6, 6)];

/// The cells of a row, in column order; the median short when `short`.
fn cells(row: &ReadBack, short: bool) -> [&str; 7] {
    let median = if short {
        &row.median_short
    } else {
        &row.median
    };
    [
        &row.number,
        &row.theme,
        &row.agreed,
        median,
        &row.spread,
        &row.rounds,
        &row.note,
    ]
}

/// Spaces between the columns and before the first.
const GAPS: usize = 2 * (HEADINGS.len() - 1) + 1;

/// Each column as wide as its widest cell.
fn natural(rows: &[ReadBack], short: bool) -> [usize; 7] {
    let mut natural = HEADINGS.map(UnicodeWidthStr::width);
    for row in rows {
        for (column, cell) in cells(row, short).iter().enumerate() {
            natural[column] = natural[column].max(cell.width());
        }
    }
    natural
}

/// Column widths for `width`: as wide as their text when that fits, else the flexible
/// columns share what is left, none below its narrowest.
pub fn widths(rows: &[ReadBack], width: usize, short: bool) -> [usize; 7] {
    let natural = natural(rows, short);
    let room = width.saturating_sub(GAPS);
    let fixed: usize = (0..7)
        .filter(|c| !FLEXIBLE.iter().any(|(f, _)| f == c))
        .map(|c| natural[c])
        .sum();
    let mut left = room.saturating_sub(fixed);
    let mut widths = natural;
    // Narrowest first: each takes what it needs up to an equal share of what is left.
    let mut flexible = FLEXIBLE;
    flexible.sort_by_key(|(column, _)| natural[*column]);
    for (done, (column, least)) in flexible.iter().enumerate() {
        let share = left / (flexible.len() - done);
        widths[*column] = natural[*column].min(share.max(*least));
        left = left.saturating_sub(widths[*column]);
    }
    widths
}

/// The table as lines for `width`, a legend under it.
pub fn lines(rows: &[ReadBack], width: usize, palette: &Palette) -> Vec<Line<'static>> {
    // The median's stage number alone when the names do not all fit.
    let short = natural(rows, false).iter().sum::<usize>() + GAPS > width;
    let widths = widths(rows, width, short);
    let line = |cells: [&str; 7], styles: [Style; 7]| {
        let mut spans = vec![Span::styled(" ", palette.text)];
        for (column, cell) in cells.iter().enumerate() {
            let text = ellipsize(cell, widths[column], "…");
            let pad = widths[column].saturating_sub(text.width());
            let (before, after) = if column == 0 { (pad, 0) } else { (0, pad) };
            let gap = if column + 1 < cells.len() { 2 } else { 0 };
            spans.push(Span::styled(" ".repeat(before), palette.text));
            spans.push(Span::styled(text, styles[column]));
            spans.push(Span::styled(" ".repeat(after + gap), palette.text));
        }
        Line::from(spans)
    };
    let mut lines = vec![line(HEADINGS, [palette.heading; 7])];
    for row in rows {
        let agreed = match row.kind {
            Kind::Agreed => palette.current,
            Kind::LastTime => palette.carried,
            Kind::Other => palette.text,
        };
        let mut styles = [palette.text; 7];
        styles[2] = agreed;
        lines.push(line(cells(row, short), styles));
    }
    lines.push(Line::styled(
        ellipsize(
            " ≠ agreed another stage than the median · ↻ last time, not agreed yet · ⚑ votes span 3 stages or more",
            width,
            "…",
        ),
        palette.dim,
    ));
    lines
}

#[cfg(test)]
mod tests {
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
}
