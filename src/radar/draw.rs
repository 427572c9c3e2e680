//! What goes where: a spoke per theme when the space can draw them all legibly; else a
//! spoke per section (its median) with the themes as bars; else bars alone. Never a mesh,
//! never a spoke without its label.

use super::bars::{self, BarList, BarRow};
use super::labels::{self, LabelPlan, plan_labels};
use super::legend::{number_legend, number_legend_rows, series_legend_lines};
use super::sections::{group_of, section_radar};
use super::{Look, Radar, paint};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// The smallest area anything is drawn in.
const MIN_WIDTH: u16 = 12;
const MIN_HEIGHT: u16 = 6;
/// The fewest rows left for the bars under a section radar.
const MIN_BAR_ROWS: u16 = 6;
/// How much of the plot (per cent of the biggest, with bare numbers) names may cost in a
/// pane: theme names are listed beside the radar anyway, so the picture should fill its
/// pane; a section's spoke is better named, or it reads as a theme's number.
const THEME_NAMES_KEEP: u16 = 75;
const SECTION_NAMES_KEEP: u16 = 40;
/// Printed, the picture travels without the program's numbered lists: names are worth
/// more of the plot, but not a thumbnail.
const PRINTED_NAMES_KEEP: u16 = 40;

/// The radar in `area` (a pane of the full-screen program), with theme `focus` marked.
pub fn in_area(radar: &Radar, area: Rect, buf: &mut Buffer, look: Look, focus: Option<usize>) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return;
    }
    if !radar.needs_bars()
        && spokes(radar, area, buf, look, focus, true, THEME_NAMES_KEEP).is_some()
    {
        return;
    }
    if let Some(sections) = section_radar(radar)
        && sections_in_area(radar, &sections, area, buf, look, focus)
    {
        return;
    }
    let list = BarList {
        focus,
        ..BarList::all(radar)
    };
    bars::draw(radar, &list, area, buf, look);
}

/// A spoke per section with the focused section's themes as bars below, if the section
/// radar fits; false (and nothing drawn) if not.
fn sections_in_area(
    radar: &Radar,
    sections: &Radar,
    area: Rect,
    buf: &mut Buffer,
    look: Look,
    focus: Option<usize>,
) -> bool {
    let group = focus.and_then(|axis| group_of(radar, axis));
    let list = section_bars(radar, group.unwrap_or(0), focus);
    let note = format!(
        "{} themes: too many for a spoke each here, so a spoke per section at its median.",
        radar.axes.len()
    );
    let note_rows = crate::text::wrap_words(&note, usize::from(area.width));
    let note_height = note_rows.len() as u16 + 1;
    // The bars get the rows they need, up to half the area; the radar the rest.
    let bars_wanted = u16::try_from(list.height(radar, look, area.width)).unwrap_or(u16::MAX);
    let bars_height = bars_wanted.min(area.height / 2).max(MIN_BAR_ROWS);
    let top = Rect {
        y: area.y + note_height,
        height: area.height.saturating_sub(note_height + bars_height),
        ..area
    };
    let Some(used) = spokes(sections, top, buf, look, group, false, SECTION_NAMES_KEEP) else {
        return false;
    };
    for (offset, part) in note_rows.iter().enumerate() {
        buf.set_stringn(
            area.x,
            area.y + offset as u16,
            part,
            usize::from(area.width),
            look.grid_style(),
        );
    }
    let below = top.y + used + 1;
    let rest = Rect {
        y: below,
        height: area.bottom().saturating_sub(below),
        ..area
    };
    bars::draw(radar, &list, rest, buf, look);
    true
}

/// One spoke per theme in `area`, if they all fit legibly with their labels and the
/// series legend: the rows used, or `None` (and nothing drawn). With `centred`, the
/// picture sits in the middle of the height it leaves spare.
fn spokes(
    radar: &Radar,
    area: Rect,
    buf: &mut Buffer,
    look: Look,
    focus: Option<usize>,
    centred: bool,
    names_keep: u16,
) -> Option<u16> {
    let legend = series_legend_lines(radar, look, area.width);
    let body = Rect {
        height: area.height.checked_sub(legend.len() as u16)?,
        ..area
    };
    let plan = plan_labels(&radar.axes, body, None, look, names_keep)?;
    let block = plan.used_height + legend.len() as u16;
    // A partial number legend would mislead: whole or not at all (the program's theme
    // lists carry the same numbers).
    let numbers = if plan.numbered {
        number_legend_rows(radar, area.width)
    } else {
        0
    };
    let numbers = if block + numbers <= area.height {
        numbers
    } else {
        0
    };
    let spare = if centred {
        area.height.saturating_sub(block + numbers) / 2
    } else {
        0
    };
    let plan = plan.shifted_down(spare);
    draw_plan(radar, &plan, area, &legend, buf, look, focus);
    if numbers > 0 {
        number_legend(radar, area, buf, area.y + spare + block, look, focus);
    }
    Some(spare + block + numbers)
}

/// Paints the plot, the labels and, under them, the series legend.
fn draw_plan(
    radar: &Radar,
    plan: &LabelPlan,
    area: Rect,
    legend: &[Line<'static>],
    buf: &mut Buffer,
    look: Look,
    focus: Option<usize>,
) {
    paint::paint_plot(radar, plan.plot, buf, look, focus);
    labels::place(plan, buf, look, focus);
    // The plan's rows are counted from the top of the area it was made for.
    let first = plan.top + plan.used_height;
    for (offset, line) in legend.iter().enumerate() {
        let row = first + offset as u16;
        if row < area.bottom() {
            buf.set_line(area.x, row, line, area.width);
        }
    }
}

/// The bars under a section radar: the focused section's themes.
fn section_bars(radar: &Radar, group: usize, focus: Option<usize>) -> BarList {
    let rows = radar.groups.get(group).map_or_else(Vec::new, |group| {
        std::iter::once(BarRow::Heading(group.name.clone()))
            .chain(group.axes.iter().copied().map(BarRow::Theme))
            .collect()
    });
    BarList {
        note: None,
        rows,
        focus,
    }
}

/// Every theme's bar under its section's heading.
fn grouped_bars(radar: &Radar) -> BarList {
    let rows = radar
        .groups
        .iter()
        .flat_map(|group| {
            std::iter::once(BarRow::Heading(group.name.clone()))
                .chain(group.axes.iter().copied().map(BarRow::Theme))
        })
        .collect();
    BarList {
        note: None,
        rows,
        focus: None,
    }
}

/// The radar for printing, `width` columns wide and as tall as it needs: a spoke per
/// theme, else a spoke per section followed by every theme's bar, else bars.
pub fn standalone(radar: &Radar, width: u16, look: Look) -> Buffer {
    if !radar.needs_bars()
        && let Some(buf) = standalone_spokes(radar, width, look, None, 0)
    {
        return buf;
    }
    if let Some(sections) = section_radar(radar) {
        let note = format!(
            "{} themes are too many for a spoke each at {width} columns, so here is a spoke \
             per section at its median, and every theme's bar below.",
            radar.axes.len()
        );
        let list = grouped_bars(radar);
        let bars_height = list.height(radar, look, width) as u16;
        if let Some(mut buf) =
            standalone_spokes(&sections, width, look, Some(&note), bars_height + 1)
        {
            let rest = Rect {
                y: buf.area.height - bars_height,
                height: bars_height,
                ..buf.area
            };
            bars::draw(radar, &list, rest, &mut buf, look);
            return buf;
        }
    }
    let list = BarList::all(radar);
    let height = u16::try_from(list.height(radar, look, width)).unwrap_or(u16::MAX);
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    bars::draw(radar, &list, buf.area, &mut buf, look);
    buf
}

/// A printed radar of one spoke per axis with `note` above it and `extra` blank rows
/// below, or `None` when the spokes do not fit the width legibly.
fn standalone_spokes(
    radar: &Radar,
    width: u16,
    look: Look,
    note: Option<&str>,
    extra: u16,
) -> Option<Buffer> {
    let note_lines = note.map_or_else(Vec::new, |note| {
        crate::text::wrap_words(note, usize::from(width))
    });
    let note_rows = note_lines.len() as u16 + u16::from(!note_lines.is_empty());
    let probe = Rect::new(0, note_rows, width, u16::MAX / 4);
    let plan = plan_labels(&radar.axes, probe, Some(width), look, PRINTED_NAMES_KEEP)?;
    let legend = series_legend_lines(radar, look, width);
    let numbers = if plan.numbered {
        number_legend_rows(radar, width)
    } else {
        0
    };
    let block = plan.used_height + legend.len() as u16;
    let height = note_rows
        .saturating_add(block)
        .saturating_add(numbers)
        .saturating_add(extra);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    for (row, line) in note_lines.iter().enumerate() {
        buf.set_stringn(0, row as u16, line, usize::from(width), look.grid_style());
    }
    draw_plan(radar, &plan, area, &legend, &mut buf, look, None);
    if numbers > 0 {
        number_legend(radar, area, &mut buf, note_rows + block, look, None);
    }
    Some(buf)
}
