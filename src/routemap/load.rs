//! Reading a routemap file: YAML → raw types → validated model, every error located.

use super::Routemap;
use super::raw::RawRoutemap;
use super::validate::validate;
use crate::error::{Error, Result};
use crate::yaml;
use std::path::Path;

const NEEDS: &str = "'id', 'title', 'version', 'stages' and 'themes'";

/// Loads and validates the routemap at `path`.
pub fn load_file(path: &Path) -> Result<Routemap> {
    let text = yaml::read_text(path, yaml::MAX_ROUTEMAP_BYTES, "routemap")?;
    parse(path, &text)
}

/// Parses and validates routemap text; `path` names it in messages.
pub fn parse(path: &Path, text: &str) -> Result<Routemap> {
    let text = yaml::preflight(path, text)?;
    if yaml::is_blank(text) {
        return Err(Error::invalid_one(
            path,
            Some(crate::error::Location { line: 1, column: 1 }),
            format!("the file is empty; a routemap needs {NEEDS}"),
        ));
    }
    let mut raw: RawRoutemap = serde_yaml::from_str(text)
        .map_err(|error| Error::invalid(path, vec![yaml::humanize(&error, text)]))?;
    raw.recover_scalars(text);
    validate(raw).map_err(|problems| Error::invalid(path, yaml::locate_problems(text, problems)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id: tiny
title: A tiny routemap
version: "1"
stages:
  - id: low
    name: Low
  - id: high
    name: High
sections:
  - id: main
    name: Main
themes:
  - id: one
    name: One
    section: main
    stages:
      high: At the top.
      low: At the bottom.
    actions:
      ceo: Just one thing
      cio: [a, b]
"#;

    fn problems(text: &str) -> String {
        match parse(Path::new("map.yaml"), text) {
            Ok(_) => "ok".into(),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn a_good_file_loads_with_descriptors_in_scale_order() {
        let routemap = parse(Path::new("map.yaml"), GOOD).unwrap();
        assert_eq!(
            routemap.themes[0].descriptors,
            ["At the bottom.", "At the top."]
        );
        assert_eq!(routemap.themes[0].section, Some(0));
        assert_eq!(
            routemap.themes[0].actions[0],
            ("ceo".to_string(), vec!["Just one thing".to_string()])
        );
        assert_eq!(routemap.summary_line(), "1 theme, 2 stages, 1 section");
    }

    #[test]
    fn every_broken_rule_is_reported_with_its_line() {
        let bad = GOOD
            .replace("id: tiny", "id: Tiny Map")
            .replace("section: main", "section: mian")
            .replace("      low: At the bottom.\n", "      lwo: At the bottom.\n");
        let report = problems(&bad);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 4, "{report}");
        assert_eq!(
            lines[0],
            "map.yaml:2:5: routemap id 'Tiny Map' is not a slug; write 'tiny-map' (lowercase letters, digits and '-')"
        );
        assert_eq!(
            lines[1],
            "map.yaml:16:14: theme 'one' names section 'mian', which is not defined; did you mean 'main'?"
        );
        assert_eq!(
            lines[2],
            "map.yaml:18:7: theme 'one' does not describe stage 'low'; add a line '<stage id>: <what it looks like>' for each, or list it under 'undefined:' if the theme has nothing there"
        );
        assert_eq!(
            lines[3],
            "map.yaml:19:7: theme 'one' describes stage 'lwo', which is not on the scale; did you mean 'low'?"
        );
    }

    #[test]
    fn typo_in_a_key_is_an_error_not_ignored() {
        let report = problems(&GOOD.replace("    section: main", "    sectoin: main"));
        assert_eq!(
            report,
            "map.yaml:16:5: unknown key 'sectoin' in themes[0]; did you mean 'section'?"
        );
    }

    #[test]
    fn duplicate_ids_name_the_first_use() {
        let bad = GOOD.replace(
            "  - id: high\n    name: High",
            "  - id: low\n    name: High",
        );
        let report = problems(&bad);
        assert!(report.contains("map.yaml:8:9: stage id 'low' is used twice (also by stage 1); give each stage its own id"), "{report}");
    }

    #[test]
    fn scale_size_is_bounded() {
        let one_stage = GOOD.replace("  - id: high\n    name: High\n", "");
        assert!(
            problems(&one_stage).contains("map.yaml:6:3: the scale has 1 stage but needs 2 to 9"),
            "{}",
            problems(&one_stage)
        );
        let mut many = String::from("id: m\ntitle: M\nversion: '1'\nstages:\n");
        for n in 0..10 {
            many.push_str(&format!("  - {{id: s{n}, name: S{n}}}\n"));
        }
        many.push_str("themes: []\n");
        let report = problems(&many);
        assert!(
            report.contains("the scale has 10 stages but at most 9 are allowed"),
            "{report}"
        );
        assert!(report.contains("there are no themes"), "{report}");
    }

    #[test]
    fn many_sections_are_neither_listed_nor_guessed_among() {
        let mut text = GOOD.replace("sections:\n", "sections:\n  - {id: s0, name: S}\n");
        for n in 1..60 {
            text = text.replace(
                "sections:\n",
                &format!("sections:\n  - {{id: s{n}, name: S}}\n"),
            );
        }
        let report = problems(&text.replace("section: main", "section: s"));
        assert!(
            report.ends_with(
                "theme 'one' names section 's', which is not defined; check it against the 61 sections defined"
            ),
            "{report}"
        );
    }

    #[test]
    fn empty_and_wrong_shaped_files() {
        assert_eq!(
            problems(""),
            format!("map.yaml:1:1: the file is empty; a routemap needs {NEEDS}")
        );
        assert_eq!(
            problems("# nothing\n"),
            format!("map.yaml:1:1: the file is empty; a routemap needs {NEEDS}")
        );
        assert!(problems("- a\n- b\n").contains("should be a mapping"));
        assert!(
            problems("id: x\n").starts_with("map.yaml:1:1: 'title' is missing at the top level"),
            "{}",
            problems("id: x\n")
        );
    }

    #[test]
    fn indentation_errors_point_at_the_line() {
        let bad = GOOD.replace("    name: One\n", "      name: One\n");
        let report = problems(&bad);
        assert!(report.starts_with("map.yaml:15:"), "{report}");
        assert!(report.contains("YAML syntax error"), "{report}");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (name, prev) in [
            ("b", "a"),
            ("c", "b"),
            ("d", "c"),
            ("e", "d"),
            ("f", "e"),
            ("g", "f"),
            ("h", "g"),
            ("i", "h"),
        ] {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let text = format!(
            "id: x\ntitle: x\nversion: '1'\ndescription: *i\nstages: []\nthemes: []\n{bomb}"
        );
        let report = problems(&text);
        assert!(report.starts_with("map.yaml:"), "{report}");
    }
}
