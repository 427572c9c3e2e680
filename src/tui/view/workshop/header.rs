//! The two rows on top of every workshop screen: the title row (where we are, the
//! flags that change what the room sees, "N/12 agreed") and the progress strip (a cell
//! a theme: agreed, parked or remaining, with the counts in words, and the clocks).

use super::Ctx;
use super::clocks;
use crate::assessment::Assessment;
use crate::routemap::Routemap;
use crate::text::ellipsize;
use crate::workshop::{self, Standing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The title row: the screen and theme on the left; flags, the assessment and the
/// count of agreed themes (agreed only: carried answers are not) on the right.
pub fn title_row(cx: &Ctx, frame: &mut Frame, area: Rect, summary: bool) {
    let mut left = if summary {
        " WORKSHOP SUMMARY".to_string()
    } else {
        format!(
            " WORKSHOP │ theme {} of {}",
            cx.selected + 1,
            cx.routemap.themes.len()
        )
    };
    if let Some(section) = cx.theme().and_then(|t| cx.routemap.section_of(t))
        && !summary
    {
        left.push_str(&format!(" · {}", section.name));
    }
    let progress = workshop::progress(&cx.routemap, &cx.assessment);
    let mut right: Vec<String> = flags(cx, summary)
        .into_iter()
        .map(|flag| format!("[{flag}]"))
        .collect();
    right.push(crate::sanitize::line(&cx.assessment.display_name()).into_owned());
    let count = format!(" · {}/{} agreed ", progress.agreed, progress.themes);
    // The count is what the room watches: the name gives way first.
    let room = (usize::from(area.width) / 2).saturating_sub(count.width());
    let right = format!("{}{count}", ellipsize(&right.join(" "), room, "…"));
    let left = ellipsize(
        &left,
        usize::from(area.width).saturating_sub(right.width() + 1),
        "…",
    );
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::styled(
        format!("{left}{}{right}", " ".repeat(gap)),
        cx.palette.title_bar,
    );
    super::super::draw_lines(frame, area, &[line], 0);
}

/// The flags that say what the room is (not) seeing.
fn flags(cx: &Ctx, summary: bool) -> Vec<&'static str> {
    let mut flags = Vec::new();
    if cx.assessment.blind {
        let hidden = workshop::standing::is_hidden(true, cx.answer());
        flags.push(match (summary, hidden) {
            (true, _) => "BLIND",
            (false, true) => "BLIND: hidden",
            (false, false) => "BLIND: shown",
        });
    }
    if !summary && cx.answer().is_some_and(|a| a.parked) {
        flags.push("PARKED");
    }
    if cx.read_only.is_some() {
        flags.push("READ-ONLY");
    } else if cx.save_problem.is_some() {
        flags.push("⚠ NOT SAVED");
    }
    flags
}

/// Where a theme is on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agenda {
    Agreed,
    Parked,
    /// Neither agreed nor parked (carried answers included: they are not agreed).
    Remaining,
}

impl Agenda {
    fn glyph(self) -> char {
        match self {
            Agenda::Agreed => '█',
            Agenda::Parked => '▒',
            Agenda::Remaining => '·',
        }
    }
}

/// Every theme's place on the agenda, in routemap order.
pub fn agenda(routemap: &Routemap, assessment: &Assessment) -> Vec<Agenda> {
    assessment
        .answers_for(routemap)
        .into_iter()
        .map(|answer| match workshop::standing(routemap, answer) {
            Standing::Agreed(_) => Agenda::Agreed,
            _ if answer.is_some_and(|a| a.parked) => Agenda::Parked,
            _ => Agenda::Remaining,
        })
        .collect()
}

/// The strip's cells in `width`: one a theme when they fit, else the same proportions
/// (agreed, parked, remaining) in fewer cells.
pub fn strip_cells(agenda: &[Agenda], width: usize) -> Vec<Agenda> {
    if agenda.len() <= width {
        return agenda.to_vec();
    }
    let count = |kind: Agenda| agenda.iter().filter(|a| **a == kind).count();
    let scaled = |n: usize| (n * width).div_ceil(agenda.len().max(1));
    let agreed = scaled(count(Agenda::Agreed)).min(width);
    let parked = scaled(count(Agenda::Parked)).min(width - agreed);
    let mut cells = vec![Agenda::Agreed; agreed];
    cells.extend(std::iter::repeat_n(Agenda::Parked, parked));
    cells.resize(width, Agenda::Remaining);
    cells
}

/// The progress strip: the agenda's cells, the counts in words, and on the right the
/// clocks (a countdown run out first, in the alert's style).
pub fn progress_strip(cx: &Ctx, frame: &mut Frame, area: Rect, summary: bool) {
    let palette = &cx.palette;
    let agenda = agenda(&cx.routemap, &cx.assessment);
    let count = |kind: Agenda| agenda.iter().filter(|a| **a == kind).count();
    let words = format!(
        "  {} agreed · {} parked · {} remaining",
        count(Agenda::Agreed),
        count(Agenda::Parked),
        count(Agenda::Remaining)
    );
    let mut spans = vec![Span::styled(" ", palette.text)];
    for cell in strip_cells(&agenda, usize::from(area.width / 3)) {
        let style = match cell {
            Agenda::Agreed => palette.current,
            Agenda::Parked => palette.carried,
            Agenda::Remaining => palette.dim,
        };
        spans.push(Span::styled(cell.glyph().to_string(), style));
    }
    spans.push(Span::styled(words, palette.text));
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let mut pieces = clocks::strip_pieces(cx, summary);
    // The least needed clock goes first when they do not all fit.
    let width = |pieces: &[Span]| pieces.iter().map(|s| s.content.width() + 3).sum::<usize>();
    while !pieces.is_empty() && used + width(&pieces) > usize::from(area.width) {
        pieces.pop();
    }
    // Pieces " · " apart, and a space before the edge.
    let clocks_width = width(&pieces).saturating_sub(2);
    let gap = usize::from(area.width).saturating_sub(used + clocks_width);
    spans.push(Span::styled(" ".repeat(gap), palette.text));
    for (index, piece) in pieces.into_iter().enumerate() {
        if index > 0 {
            spans.push(Span::styled(" · ", palette.text));
        }
        spans.push(piece);
    }
    if clocks_width > 0 {
        spans.push(Span::styled(" ", palette.text));
    }
    super::super::draw_lines(frame, area, &[Line::from(spans)], 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Current;
    use crate::builtin;
    use crate::clock::Timestamp;

    #[test]
    fn the_agenda_counts_carried_answers_as_remaining_and_parked_apart() {
        let routemap = builtin::planting_the_flag();
        let mut assessment = Assessment::new(&routemap, "Cyngor", None, Timestamp(0));
        assessment.answer_mut(&routemap, "leadership").current =
            Some(Current::Stage("flag-planted".into()));
        let carried = assessment.answer_mut(&routemap, "governance");
        carried.current = Some(Current::Stage("flag-planted".into()));
        carried.carried = true;
        assessment.answer_mut(&routemap, "infrastructure").parked = true;
        let agenda = agenda(&routemap, &assessment);
        assert_eq!(agenda[0], Agenda::Agreed);
        assert_eq!(agenda[1], Agenda::Remaining, "last time is not agreed");
        let parked = routemap.theme_index("infrastructure").unwrap();
        assert_eq!(agenda[parked], Agenda::Parked);
        assert_eq!(agenda.len(), 12);
    }

    #[test]
    fn a_long_agenda_keeps_its_proportions_in_fewer_cells() {
        use Agenda::*;
        let mut agenda = vec![Agreed; 20];
        agenda.extend([Parked; 10]);
        agenda.extend([Remaining; 70]);
        let cells = strip_cells(&agenda, 10);
        assert_eq!(cells.len(), 10);
        assert_eq!(cells.iter().filter(|c| **c == Agreed).count(), 2);
        assert_eq!(cells.iter().filter(|c| **c == Parked).count(), 1);
        assert_eq!(strip_cells(&agenda[..5], 10), agenda[..5]);
    }
}
