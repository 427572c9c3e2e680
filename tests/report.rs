//! `routemap report` in every format, driven as a user drives it.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use common::schema;
use serde_json::Value;
use std::fs;
use std::path::Path;

const LAST_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Cyngor Sir Ynys Môn
title: 2025 baseline
updated: 2025-11-20T10:00:00Z
answers:
  leadership:
    current: not-started
  governance:
    current: route-planned
";

const THIS_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Cyngor Sir Ynys Môn
title: 2026 reassessment
created: 2026-11-01
updated: 2026-11-27T14:03:11Z
answers:
  leadership:
    current: flag-planted
    target: on-the-route
    confidence: high
    met: [commitment-on-record]
    notes: |
      Gwasanaethau | pipes <script>alert(1)</script>
      - a second line
    evidence:
      - =HYPERLINK(\"http://evil.example\")
  governance:
    current: flag-planted
    target: on-the-route
    confidence: low
  organisational-change:
    current: route-planned
    target: on-the-route
  strategic-commissioning:
    current: route-planned
  shared-services:
    current: n/a
  professionalism:
    current: on-the-route
    target: on-the-route
  business-change:
    current: flag-planted
    target: destination-reached
    carried: true
";

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("2025.yaml"), LAST_YEAR).unwrap();
    fs::write(data.path().join("2026.yaml"), THIS_YEAR).unwrap();
    data
}

fn report(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(data).arg("report").args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn position(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("'{needle}' is in the output:\n{text}"))
}

#[test]
fn markdown_is_the_default_and_has_every_part_in_order() {
    let data = setup();
    let (code, text, stderr) = report(data.path(), &["2026"]);
    assert_eq!(code, 0, "{stderr}");
    let parts = [
        "# Maturity report: Cyngor Sir Ynys Môn — 2026 reassessment",
        "- **Routemap:** Planting the Flag",
        "- **Source:** Title, themes and principles: Socitm / Local CIO Council",
        "the routemap project's own reading",
        "> A self-assessment against Planting the Flag",
        "## Completeness",
        "## Roll-up",
        "| Strategic capabilities | 6 | 6 | 1 | 0 | 0 | 3 | 3 Route planned | 4 On the route |",
        "Medians are of stage positions",
        "## Radar\n\n```text\n",
        "## Themes",
        "| # | Theme | Current | Target | Gap | Confidence | Carried | Principles |",
        "| 1 | Leadership | 2 Flag planted | 4 On the route | +2 | high |  | Collaborate, Redesign |",
        "## Action plan",
        "## Actions by role",
        // The checklists back the plan up; they come after it, not between the
        // themes and what to do about them.
        "## Evidence checklists",
        "## Notes and evidence",
    ];
    let mut last = 0;
    for part in parts {
        let at = position(&text, part);
        assert!(at >= last, "'{part}' comes in order:\n{text}");
        last = at;
    }
    assert!(!text.contains("## Since"), "no movement without --against");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn the_plan_is_in_priority_order_with_the_next_stage_and_every_role() {
    let data = setup();
    let (_, text, _) = report(data.path(), &["2026"]);
    // Governance and leadership both have a gap of 2; governance is less confident.
    let governance = position(&text, "### 1. Governance: 2 Flag planted → 4 On the route");
    let leadership = position(&text, "### 2. Leadership: 2 Flag planted → 4 On the route");
    let change = position(
        &text,
        "### 3. Organisational change: 3 Route planned → 4 On the route",
    );
    assert!(governance < leadership && leadership < change);
    assert!(text.contains("To reach **3 Route planned**: The CIO is a member of the top team"));
    assert!(text.contains("How to get there:\n\nGive the CIO a seat and a mandate"));
    assert!(
        text.contains("Evidence for the next stage:\n\n- [ ] The organisation chart shows the CIO")
    );
    assert!(text.contains("- **CEO:** Take a paper to the top team this quarter"));
    assert!(text.contains("- **No target set (set one to plan for it):** Strategic commissioning"));
    assert!(text.contains(
        "- **Carried over, not yet confirmed (confirm or change the answer first):** Business change"
    ));
    assert!(text.contains("- **At or above the target:** Professionalism"));
    assert!(text.contains("- **Not applicable:** Shared services"));
    let ceo = position(
        &text,
        "### CEO\n\n1. **Governance:** Put a proposal for joint ICT governance",
    );
    assert!(ceo > position(&text, "## Actions by role"));
    assert!(text.contains("### CFO\n\n1. **Governance:**"));
}

#[test]
fn one_roles_report_keeps_only_its_actions() {
    let data = setup();
    let (code, text, _) = report(data.path(), &["2026", "--role", "CFO"]);
    assert_eq!(code, 0);
    assert!(text.contains("- **Actions shown for:** CFO"));
    assert!(
        text.contains(
            "- **CFO:** Draft with partner finance directors a common investment appraisal"
        )
    );
    assert!(!text.contains("**CEO:**"), "{text}");
    assert!(!text.contains("### CIO"));
    let (code, _, stderr) = report(data.path(), &["2026", "--role", "mayor"]);
    assert_eq!(code, 1, "a name not found is 1, as the help says: {stderr}");
    assert!(
        stderr.contains("no role 'mayor' in the report's routemap; the roles of routemap 'planting-the-flag' are 'ceo', 'cfo' and 'cio'"),
        "{stderr}"
    );
}

#[test]
fn file_text_cannot_break_the_markdown() {
    let data = setup();
    let (_, text, _) = report(data.path(), &["2026"]);
    assert!(
        text.contains(
            "Gwasanaethau \\| pipes \\<script\\>alert(1)\\</script\\>  \n\\- a second line"
        ),
        "{text}"
    );
    assert!(!text.contains("<script>"));
}

#[test]
fn against_a_previous_assessment_shows_the_movement() {
    let data = setup();
    let (code, text, stderr) = report(data.path(), &["2026", "--against", "2025"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("## Since Cyngor Sir Ynys Môn — 2025 baseline"),
        "{text}"
    );
    assert!(text.contains("| Leadership | 1 Flag not yet planted | 2 Flag planted | ↑ up 1 |"));
    assert!(text.contains("| Governance | 3 Route planned | 2 Flag planted | ↓ down 1 |"));
    assert!(
        text.contains("**1 up, 1 down, 5 unchanged, 4 newly answered, 1 now n/a**"),
        "{text}"
    );
    // The radar draws last time's stages too, named in its legend.
    let radar = &text[text.find("## Radar").unwrap()..text.find("## Themes").unwrap()];
    assert!(
        radar.contains("^~~~~~~ Cyngor Sir Ynys Môn — 2025 baseline"),
        "{radar}"
    );
    let (_, html, _) = report(
        data.path(),
        &["2026", "--against", "2025", "--format", "html"],
    );
    assert!(html.contains("class=\"series against\""), "{html}");
    assert!(
        html.contains(
            "and the current stage in Cyngor Sir Ynys Môn — 2025 baseline (dotted, triangles)"
        ),
        "{html}"
    );
}

#[test]
fn against_another_authority_is_said() {
    let data = setup();
    fs::write(
        data.path().join("elsewhere.yaml"),
        LAST_YEAR.replace("authority: Cyngor Sir Ynys Môn", "authority: Empty Council"),
    )
    .unwrap();
    let (code, text, stderr) = report(data.path(), &["2026", "--against", "elsewhere"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("## Since Empty Council"), "{text}");
    assert!(
        stderr.contains(
            "warning: the assessment compared with is of 'Empty Council', not 'Cyngor Sir Ynys Môn'"
        ),
        "{stderr}"
    );
    let (_, _, stderr) = report(data.path(), &["2026", "--against", "2025"]);
    assert!(!stderr.contains("is of '"), "{stderr}");
}

#[test]
fn json_matches_the_documented_schema() {
    let data = setup();
    let schema = schema::readme_schema("routemap-report/2");
    for args in [
        vec!["2026", "--format", "json"],
        vec![
            "2026",
            "--format",
            "json",
            "--against",
            "2025",
            "--role",
            "cio",
        ],
        vec!["2025", "--format", "json"],
    ] {
        let (code, text, _) = report(data.path(), &args);
        assert_eq!(code, 0);
        let value: Value = serde_json::from_str(&text).unwrap();
        schema::validate(&value, &schema, &schema, "$").unwrap();
    }
    let (_, text, _) = report(data.path(), &["2026", "--format", "json"]);
    let mut value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["plan"]["items"][0]["theme"], "governance");
    assert_eq!(value["plan"]["items"][0]["next_stage"], "route-planned");
    assert_eq!(value["rollup"]["overall"]["median_current"], "flag-planted");
    assert_eq!(value["plan"]["left_out"]["carried"][0], "business-change");
    // The validator is not a rubber stamp.
    value["themes"][0]["confidence"] = Value::from("certain");
    assert!(schema::validate(&value, &schema, &schema, "$").is_err());
}

#[test]
fn csv_reads_back_with_its_columns_and_welsh_text_intact() {
    let data = setup();
    let (code, text, _) = report(data.path(), &["2026", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(
        text.starts_with('\u{feff}'),
        "a byte order mark for spreadsheets"
    );
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
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
            "actions"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    let leadership = &rows[0];
    assert_eq!(&leadership[0], "leadership");
    assert_eq!((&leadership[3], &leadership[4]), ("flag-planted", "2"));
    assert_eq!((&leadership[9], &leadership[12]), ("2", "2"));
    assert_eq!(&leadership[13], "3 Route planned");
    assert!(leadership[14].starts_with("Gwasanaethau | pipes <script>"));
    assert_eq!(
        &leadership[15], "'=HYPERLINK(\"http://evil.example\")",
        "no formula runs"
    );
    assert_eq!(&rows[4][3], "n/a");
    assert_eq!(&rows[6][11], "yes");
}

#[test]
fn html_escapes_file_text_and_has_the_radar_and_its_table() {
    let data = setup();
    let (code, html, _) = report(data.path(), &["2026", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(
        !html.contains("<script"),
        "no scripts, and file text is escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("http://") || html.contains("evil.example"),
        "no external assets"
    );
    assert!(!html.contains(" src="), "no external assets");
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(html.contains("role=\"img\" aria-labelledby=\"radar-title radar-desc\""));
    assert!(html.contains("<table id=\"themes-table\">"));
    assert!(html.contains("@page { size: A4;"));
}

#[test]
fn a_theme_named_script_prints_as_text_in_html() {
    let data = setup();
    let routemaps = data.path().join("routemaps");
    fs::create_dir_all(&routemaps).unwrap();
    fs::write(
        routemaps.join("hostile.yaml"),
        "id: hostile\ntitle: <img src=x onerror=alert(1)>\nversion: \"1\"\nstages:\n  - { id: low, name: Low }\n  - { id: high, name: \"<b>High</b>\" }\nthemes:\n  - id: a\n    name: <script>alert('a')</script>\n    stages: { low: l, high: \"</p><script>\" }\n    actions: { \"<i>role</i>\": [\"<a href=x>do</a>\"] }\n",
    )
    .unwrap();
    fs::write(
        data.path().join("h.yaml"),
        "format: routemap-assessment/1\nroutemap: { id: hostile, version: \"1\" }\nauthority: \"<h1>Evil</h1>\"\nanswers:\n  a: { current: low, target: high }\n",
    )
    .unwrap();
    let (code, html, stderr) = report(data.path(), &["h", "--format", "html"]);
    assert_eq!(code, 0, "{stderr}");
    for raw in ["<script", "<img", "<b>", "<i>", "<a href", "<h1>Evil"] {
        assert!(!html.contains(raw), "'{raw}' is escaped");
    }
    assert!(html.contains("&lt;script&gt;alert('a')&lt;/script&gt;"));
    assert!(html.contains("&lt;/p&gt;&lt;script&gt;"));
}

#[test]
fn output_goes_to_a_file_but_never_over_a_saved_assessment() {
    let data = setup();
    let out = data.path().join("report.html");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, stderr) = report(data.path(), &["2026", "--format", "html", "-o", out_arg]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr, format!("Wrote the HTML report to '{out_arg}'.\n"));
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );

    let (code, _, stderr) = report(data.path(), &["2026", "-o", out_arg]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("already exists; choose another name or pass --force"),
        "{stderr}"
    );
    let (code, _, _) = report(data.path(), &["2026", "-o", out_arg, "--force"]);
    assert_eq!(code, 0);
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Maturity report")
    );

    let saved = data.path().join("2025.yaml");
    for force in [false, true] {
        let mut args = vec!["2026", "-o", saved.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let (code, _, stderr) = report(data.path(), &args);
        assert_eq!(code, 1);
        assert!(
            stderr.contains("is a saved assessment; routemap never writes output over one"),
            "{stderr}"
        );
        assert_eq!(fs::read_to_string(&saved).unwrap(), LAST_YEAR);
    }
}

#[test]
fn a_corrupt_save_is_located_and_left_byte_identical() {
    let data = setup();
    let corrupt = b"format: routemap-assessment/1\nauthority: Anytown\nanswers:\n  leadership:\n    current: [flag\n\xff";
    let path = data.path().join("corrupt.yaml");
    fs::write(&path, corrupt).unwrap();
    for format in ["markdown", "html", "csv", "json"] {
        let (code, stdout, stderr) = report(data.path(), &["corrupt", "--format", format]);
        assert_eq!(code, 1);
        assert!(stdout.is_empty());
        assert!(
            stderr.starts_with(&format!("error: {}:6:1:", path.display())),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    assert_eq!(fs::read(&path).unwrap(), corrupt);
}

#[test]
fn a_missing_routemap_is_reported_against_the_stand_in_and_says_so_first() {
    let data = setup();
    fs::write(
        data.path().join("lost.yaml"),
        "format: routemap-assessment/1\nroutemap: { id: lost-model, version: \"3\" }\nauthority: Anytown\nanswers:\n  vision:\n    current: level-2\n    target: level-4\n",
    )
    .unwrap();
    let (code, text, stderr) = report(data.path(), &["lost"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("note: routemap 'lost-model' was not found"),
        "{stderr}"
    );
    let warning = position(
        &text,
        "> **Routemap not found.** The routemap 'lost-model' (version 3)",
    );
    assert!(warning < position(&text, "- **Authority:**"), "{text}");
    assert!(
        text.contains("| 1 | vision | ? level-2 | ? level-4 | — |"),
        "{text}"
    );
    assert!(!text.contains("## Radar"));
    let (_, json, _) = report(data.path(), &["lost", "--format", "json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["routemap"]["stand_in"], true);
}

#[test]
fn radar_svg_is_the_picture_alone() {
    let data = setup();
    let output = routemap(data.path())
        .args(["radar", "2026", "--svg", "--target", "--against", "2025"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let svg = String::from_utf8(output.stdout).unwrap();
    assert!(svg.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
    ));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<title id=\"radar-title\">Cyngor Sir Ynys Môn — 2026 reassessment"));
    for series in [
        "class=\"series current\"",
        "class=\"series target\"",
        "class=\"series against\"",
    ] {
        assert!(svg.contains(series), "{series}");
    }
    // Leadership (spoke 0, straight up) at stage 2 of 5: radius 2/5 of 150.
    assert!(svg.contains("<circle cx=\"0\" cy=\"-60\" r=\"5\""), "{svg}");
    let both = routemap(data.path())
        .args(["radar", "2026", "--svg", "--ascii"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2), "--svg and --ascii conflict");
}

#[test]
fn a_dash_reads_the_assessment_from_standard_input() {
    let data = setup();
    let output = routemap(data.path())
        .args(["report", "-", "--against", "2025", "--format", "json"])
        .write_stdin(THIS_YEAR)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["assessment"]["path"], "<stdin>");
    assert!(value["movement"].is_object());
    let (code, _, stderr) = report(data.path(), &["-", "--against", "-"]);
    assert_eq!(code, 2, "standard input only once: {stderr}");
}
