//! The report as CSV: one row per theme, in routemap order, with the columns in
//! [`COLUMNS`] (documented in the README; they only ever grow at the end).
//!
//! The file starts with a UTF-8 byte order mark, so that spreadsheets (Excel above all)
//! open it as UTF-8 and Welsh, Gaelic and other non-ASCII text arrives intact. Text from
//! files passes `crate::sanitize`, and a cell of such text that could start a formula
//! (see [`cell`]) gets a leading `'`, so a spreadsheet shows it instead of running it.

use super::{Place, Report, role_label};
use crate::assessment::Current;
use crate::sanitize;

/// The header row.
pub const COLUMNS: [&str; 28] = [
    "theme_id",
    "theme",
    "section",
    "current",
    "current_number",
    "current_name",
    "target",
    "target_number",
    "target_name",
    "gap",
    "confidence",
    "carried",
    "priority",
    "next_stage",
    "notes",
    "evidence",
    "weight",
    "criteria_met",
    "criteria_total",
    "suggested_number",
    "suggested_name",
    "supported",
    "section_mean_number",
    "section_median_number",
    "section_percent_of_max",
    "before",
    "change",
    "actions",
];

/// The byte order mark that tells a spreadsheet the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// Text from a file, safe to show in a spreadsheet cell: controls shown, and a leading
/// `'` on any cell a spreadsheet could take for a formula: one whose first character
/// other than white space is `=`, `+`, `-` or `@` (spreadsheets skip the spaces, tabs
/// and line breaks before it), or that starts with a tab or a carriage return.
pub fn cell(text: &str) -> String {
    let clean = sanitize::text(text);
    // Judged on the text as written and as shown (a carriage return is shown as ^M).
    let could_run = |text: &str| {
        text.starts_with(['\t', '\r'])
            || text.trim_start().starts_with([
                '=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
            ])
    };
    if could_run(text) || could_run(&clean) {
        format!("'{clean}")
    } else {
        clean.into_owned()
    }
}

fn place(report: &Report, place: &Place) -> [String; 3] {
    match place {
        Place::None => [String::new(), String::new(), String::new()],
        Place::NotApplicable => ["n/a".into(), String::new(), "not applicable".into()],
        Place::Stage(index) => [
            cell(&report.stages[*index].id),
            report.stages[*index].number.to_string(),
            cell(&report.stages[*index].name),
        ],
        Place::Unknown(id) => [cell(id), String::new(), String::new()],
    }
}

/// With `--against`: the theme's current stage then (as saved: a stage id, `n/a`, or
/// empty) and how it moved (the diff's key: `up`, `down`, `same`, …); else empty.
fn movement(report: &Report, theme_id: &str) -> [String; 2] {
    let Some(theme) = report
        .movement
        .as_ref()
        .and_then(|diff| diff.themes.iter().find(|t| t.id == theme_id))
    else {
        return [String::new(), String::new()];
    };
    let before = match &theme.before.current {
        Some(Current::Stage(id)) => cell(id),
        Some(Current::NotApplicable) => "n/a".into(),
        None => String::new(),
    };
    [before, theme.movement.key().to_string()]
}

/// A planned theme's actions, one a line as "Role: action" (with `--role`, that
/// role's only).
fn actions(by_role: &[(String, Vec<String>)]) -> String {
    let lines: Vec<String> = by_role
        .iter()
        .flat_map(|(role, actions)| {
            actions
                .iter()
                .map(move |action| format!("{}: {action}", role_label(role)))
        })
        .collect();
    cell(&lines.join("\n"))
}

/// The scores of the theme's section (all themes when the routemap has no sections):
/// mean number, median number, percentage of the maximum (empty unless asked for).
fn section_scores(report: &Report, theme: &super::ThemeRow) -> [String; 3] {
    let rollup = &report.rollup;
    let tally = rollup
        .sections
        .iter()
        .find(|(_, tally)| tally.section == theme.section)
        .map_or(&rollup.overall, |(_, tally)| tally);
    let number = tally
        .median_current()
        .and_then(|index| report.stages.get(index))
        .map(|stage| stage.number.to_string());
    [
        tally
            .mean_number()
            .map(|m| format!("{m:.2}"))
            .unwrap_or_default(),
        number.unwrap_or_default(),
        tally
            .percent_of_max()
            .filter(|_| rollup.percent_of_max)
            .map(|p| format!("{p:.1}"))
            .unwrap_or_default(),
    ]
}

/// The report as CSV text, starting with a byte order mark.
pub fn to_csv(report: &Report) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(COLUMNS);
    for (index, theme) in report.themes.iter().enumerate() {
        let priority = report
            .plan
            .items
            .iter()
            .position(|item| item.theme == index);
        let next = priority
            .and_then(|p| report.plan.items.get(p))
            .map(|item| cell(&report.stage_label(item.next_stage)))
            .unwrap_or_default();
        let [current, current_number, current_name] = place(report, &theme.current);
        let [target, target_number, target_name] = place(report, &theme.target);
        let evidence: Vec<String> = theme.evidence.iter().map(|e| cell(e)).collect();
        let [before, change] = movement(report, &theme.id);
        let actions = priority
            .and_then(|p| report.plan.items.get(p))
            .map(|item| actions(&item.actions))
            .unwrap_or_default();
        let [mean, median, percent] = section_scores(report, theme);
        let (met, total) = theme.met_count();
        let suggested = theme.suggested.and_then(|s| report.stages.get(s));
        let _ = writer.write_record([
            cell(&theme.id),
            cell(&theme.name),
            report.section_name(theme).map(cell).unwrap_or_default(),
            current,
            current_number,
            current_name,
            target,
            target_number,
            target_name,
            theme.gap.map(|g| g.to_string()).unwrap_or_default(),
            theme
                .confidence
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            if theme.carried { "yes" } else { "no" }.to_string(),
            priority.map(|p| (p + 1).to_string()).unwrap_or_default(),
            next,
            theme.notes.as_deref().map(cell).unwrap_or_default(),
            evidence.join("\n"),
            format!("{}", theme.weight.value()),
            met.to_string(),
            total.to_string(),
            suggested.map(|s| s.number.to_string()).unwrap_or_default(),
            suggested.map(|s| cell(&s.name)).unwrap_or_default(),
            match (&theme.current, total) {
                (super::Place::Stage(_), 1..) if theme.unsupported => "no".to_string(),
                (super::Place::Stage(_), 1..) => "yes".to_string(),
                _ => String::new(),
            },
            mean,
            median,
            percent,
            before,
            change,
            actions,
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn anything_a_spreadsheet_could_run_is_shown_as_text() {
        for formula in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            " =cmd|' /C calc'!A0",
            "\t=1+1",
            "\n=1+1",
            "\u{3000}=1",
            "＝1+1",
        ] {
            assert!(
                cell(formula).starts_with('\''),
                "{formula:?} -> {:?}",
                cell(formula)
            );
        }
        // A carriage return is shown (^M), never sent; what follows it is quoted too.
        assert!(cell("\r=1+1").starts_with('\''), "{:?}", cell("\r=1+1"));
        for text in ["Llywodraethu", "a = b", "1", "", "e-mail"] {
            assert_eq!(cell(text), text);
        }
    }
}
