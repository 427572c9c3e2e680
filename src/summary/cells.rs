//! What each figure of a summary reads as, shared by the text and markdown tables: a
//! count with a shade for its share of the theme's authorities (so the map reads without
//! colour), `[c]` for a figure withheld, the median and quartiles as stage numbers.

use super::scan::Cell;
use super::{Figure, Summary, ThemeSummary};

/// A withheld figure, as official statistics mark one ("confidential").
pub const WITHHELD: &str = "[c]";

/// The shade of a count's share of the theme's placed authorities.
pub fn shade(count: usize, placed: usize) -> char {
    if count == 0 || placed == 0 {
        return '·';
    }
    match count * 100 / placed {
        0..20 => '░',
        20..40 => '▒',
        40..60 => '▓',
        _ => '█',
    }
}

/// The legend of the shades.
pub const SHADE_LEGEND: &str = "Each count is shaded by its share of the authorities placed on the theme: · none, ░ under 20%, ▒ 20–39%, ▓ 40–59%, █ 60% or more.";

/// How a figure reads: the number, or `[c]` when withheld.
pub(super) fn figure_text(theme: &ThemeSummary, figure: Figure) -> String {
    theme
        .shown(figure)
        .map_or_else(|| WITHHELD.to_string(), |count| count.to_string())
}

/// A heat-map cell: shade (when `shaded`), count, and `*` where the highlighted
/// authority is. A withheld count gets no shade: the shade would tell its size.
/// With `marks`, every cell keeps a column for the mark, so the counts stay in line.
pub(super) fn stage_cell(theme: &ThemeSummary, index: usize, shaded: bool, marks: bool) -> String {
    let figure = Figure::Stage(index);
    let mark = if theme.highlight == Some(Cell::Stage(u8::try_from(index).unwrap_or(u8::MAX))) {
        "*"
    } else if marks {
        " "
    } else {
        ""
    };
    match theme.shown(figure) {
        Some(count) if shaded => format!(
            "{} {count}{mark}",
            shade(count, theme.count(Figure::Placed))
        ),
        Some(count) => format!("{count}{mark}"),
        None => format!("{WITHHELD}{mark}"),
    }
}

/// Median and quartiles as stage numbers: ("3", "2–4"); `[c]` for what is withheld,
/// `—` where nobody is placed on the theme (nothing to show).
pub(super) fn middle(summary: &Summary, theme: &ThemeSummary) -> (String, String) {
    // Whether anyone is placed is itself withheld when `placed` is: then "[c]" always,
    // so that "—" cannot tell a withheld none from a withheld few.
    let placed = theme.count(Figure::Placed) > 0 || !theme.disclosure.shows(Figure::Placed);
    let number = |stage: Option<usize>| match stage {
        Some(s) => summary.stage_number(s).to_string(),
        None if placed => WITHHELD.to_string(),
        None => "—".to_string(),
    };
    let [low, median, high] = theme.quartiles();
    let quartiles = match (low, high) {
        (Some(low), Some(high)) if low == high => number(Some(low)),
        (None, None) => number(None),
        _ => format!("{}–{}", number(low), number(high)),
    };
    (number(median), quartiles)
}

/// Where the highlighted authority stands on a theme, against the median when that is
/// shown: "3 above", "2 at", "1 below" (text) or in words (markdown).
pub(super) fn highlight_words(summary: &Summary, theme: &ThemeSummary, long: bool) -> String {
    match (theme.highlight, theme.median()) {
        (Some(Cell::Stage(index)), Some(median)) => {
            let index = usize::from(index);
            let side = match index.cmp(&median) {
                std::cmp::Ordering::Less => "below",
                std::cmp::Ordering::Equal => "at",
                std::cmp::Ordering::Greater => "above",
            };
            if long {
                format!("{} ({side} the median)", summary.stage_number(index))
            } else {
                format!("{} {side}", summary.stage_number(index))
            }
        }
        (Some(Cell::Stage(index)), None) => summary.stage_number(index.into()).to_string(),
        (Some(Cell::NotApplicable), _) => "n/a".into(),
        (Some(Cell::Unknown), _) => "?".into(),
        (Some(Cell::Unanswered) | None, _) => "—".into(),
    }
}

/// "1 authority", "12 authorities".
pub fn authorities(count: usize) -> String {
    if count == 1 {
        "1 authority".into()
    } else {
        format!("{count} authorities")
    }
}
