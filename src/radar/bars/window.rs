//! Which bar rows fit a pane: all of them, or a run around the focused theme with a
//! "more" line standing in for each hidden part.

use super::{BarList, BarRow};

/// Which rows fit in `room` lines: all, or a run around the focus with a "more" line
/// standing in for each hidden part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub end: usize,
    pub above: usize,
    pub below: usize,
}

impl Window {
    pub fn around(list: &BarList, room: usize) -> Window {
        let total = list.rows.len();
        if total <= room {
            return Window {
                first: 0,
                end: total,
                above: 0,
                below: 0,
            };
        }
        let focus_row = list
            .focus
            .and_then(|focus| {
                list.rows
                    .iter()
                    .position(|row| *row == BarRow::Theme(focus))
            })
            .unwrap_or(0);
        let window = |first: usize, end: usize| Window {
            first,
            end,
            above: first,
            below: total - end,
        };
        // Near an end one "more" line is enough; in the middle it takes two.
        let one_marker = room.saturating_sub(1);
        if room < 3 {
            window(focus_row, focus_row + 1)
        } else if focus_row < one_marker {
            window(0, one_marker)
        } else if focus_row >= total - one_marker {
            window(total - one_marker, total)
        } else {
            let shown = room - 2;
            let first = focus_row - shown / 2;
            window(first, first + shown)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::bars::{BarList, BarRow};

    fn list(rows: usize, focus: usize) -> BarList {
        BarList {
            note: None,
            rows: (0..rows).map(BarRow::Theme).collect(),
            focus: Some(focus),
        }
    }

    #[test]
    fn every_row_shows_when_there_is_room() {
        let window = Window::around(&list(5, 4), 5);
        assert_eq!(
            window,
            Window {
                first: 0,
                end: 5,
                above: 0,
                below: 0
            }
        );
    }

    #[test]
    fn the_window_follows_the_focus_and_counts_the_rest() {
        // 100 rows in 10 lines: the focus stays in view, the hidden rows are counted,
        // and the rows shown plus a line per "more" marker fill the room exactly.
        for focus in [0, 1, 5, 50, 94, 98, 99] {
            let window = Window::around(&list(100, focus), 10);
            assert!(
                (window.first..window.end).contains(&focus),
                "focus {focus}: {window:?}"
            );
            assert_eq!(window.above, window.first);
            assert_eq!(window.below, 100 - window.end);
            let markers = usize::from(window.above > 0) + usize::from(window.below > 0);
            assert_eq!(
                window.end - window.first + markers,
                10,
                "focus {focus}: {window:?}"
            );
        }
    }
}
