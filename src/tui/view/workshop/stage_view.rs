//! A stage's descriptor in full, in large type (`d` in a workshop), for the room to read
//! what it is voting on: as large as fits the screen, else in the smallest large type
//! and scrolled, else (a word too long for a line of it) in normal type.

use super::super::rich;
use super::{Ctx, name, stages};
use crate::richtext::RichText;
use crate::routemap::plural;
use crate::text::wrap_words;
use crate::workshop::bigtype::{self, Size};
use crate::workshop::{At, Shown, Standing};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;

/// Draws stage `stage` of the focused theme in `area`; returns how far it scrolls.
pub fn render(cx: &Ctx, frame: &mut Frame, area: Rect, stage: usize, shown: &Shown) -> u16 {
    let (Some(theme), Some(step)) = (cx.theme(), cx.routemap.stages.get(stage)) else {
        return 0;
    };
    let palette = &cx.palette;
    let mut about = format!(
        "{} · stage {} of {}: {}",
        theme.name,
        stage + 1,
        cx.routemap.stages.len(),
        step.name
    );
    match &shown.standing {
        Standing::Agreed(At::Stage(agreed)) if *agreed == stage => about.push_str(" · AGREED"),
        Standing::LastTime(At::Stage(last)) if *last == stage => about.push_str(" · last time"),
        _ => {}
    }
    if let Some(votes) = shown.tally.as_ref().and_then(|tally| tally.get(stage)) {
        about.push_str(&format!(" · {}", plural(*votes as usize, "vote")));
    }
    let mut lines: Vec<Line> = wrap_words(&about, usize::from(area.width))
        .into_iter()
        .map(|part| Line::styled(part, palette.heading))
        .collect();
    lines.push(Line::default());
    let descriptor = theme.descriptors.get(stage).map_or("", String::as_str);
    let room = area.height.saturating_sub(lines.len() as u16);
    lines.extend(descriptor_lines(cx, descriptor, area.width, room));
    stages::scrolled(cx, frame, area, &lines)
}

/// The descriptor's lines: the largest type that fits `rows`, else the smallest large
/// type however long, else normal type; what the font lacks beneath in normal type.
/// The descriptor is markdown: large type shows its words as the walk reads them (a
/// link's text, then its address in brackets), without styles; normal type draws it
/// as the walk does.
fn descriptor_lines(cx: &Ctx, descriptor: &str, width: u16, rows: u16) -> Vec<Line<'static>> {
    let style = cx.palette.text;
    let words = RichText::parse(descriptor).to_plain(" ");
    let large = bigtype::layout(&words, width, rows.saturating_sub(1))
        .or_else(|| bigtype::layout_at(&words, width, Size::Quadrant));
    match large {
        Some(big) => {
            let mut lines = name::big_lines(&big, style);
            if let Some(left_out) = big.left_out {
                lines.push(Line::styled(left_out, style));
            }
            lines
        }
        None => rich::lines(
            descriptor,
            usize::from(width),
            0,
            style.add_modifier(Modifier::BOLD),
            &cx.palette,
        ),
    }
}
