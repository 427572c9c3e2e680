//! The printed HTML report reads well page by page: a 12-theme assessment with a target
//! on every theme, notes and carried answers, compared with an earlier one, printed by
//! headless Chromium to A4 and read back with `pdftotext -bbox`. No word broken inside
//! (the Carried column once read "confirm|ed"), no heading left at the foot of a page
//! with its text on the next, no page more than half blank unless a section ends there.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::{Word, chromium, words};
use common::routemap;
use std::fs;
use std::path::Path;

/// A saved assessment of all twelve themes, each with a target; `offset` varies the
/// stages, `notes` adds notes of a few lines and carried answers.
fn assessment(title: &str, offset: usize, notes: bool) -> String {
    let mut text = format!(
        "format: routemap-assessment/1
routemap: {{ id: planting-the-flag, version: \"2.0\" }}
authority: Cyngor Sir Ynys Môn
title: {title}
updated: 2026-11-27T14:03:11Z
answers:
"
    );
    let sentence = "We have made progress on this theme over the last year, with a board agreed and a plan in draft. ";
    for (index, theme) in common::PTF_THEMES.iter().enumerate() {
        let current = (index + offset) % 4;
        let target = (current + 1 + index % 2).min(4);
        text += &format!(
            "  {theme}:\n    current: {}\n    target: {}\n    confidence: {}\n",
            common::PTF_STAGES[current],
            common::PTF_STAGES[target],
            ["low", "medium", "high"][index % 3]
        );
        if notes {
            text += &format!("    notes: \"{}\"\n", sentence.repeat(1 + index % 4));
            if index % 3 == 0 {
                text += "    carried: true\n";
            }
        }
    }
    text
}

/// The report of `now` against `before`, printed: the page sizes, the words, and the
/// HTML it was printed from.
fn printed(dir: &Path) -> (Vec<(f64, f64)>, Vec<Word>, String) {
    fs::write(dir.join("now.yaml"), assessment("2026 review", 1, true)).unwrap();
    fs::write(
        dir.join("before.yaml"),
        assessment("2025 baseline", 0, false),
    )
    .unwrap();
    let html = dir.join("report.html");
    let output = routemap(dir)
        .args([
            "report",
            "now",
            "--against",
            "before",
            "--format",
            "html",
            "-o",
        ])
        .arg(&html)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let pdf = dir.join("report.pdf");
    chromium(
        &dir.join("profile"),
        &html,
        &[format!("--print-to-pdf={}", pdf.display())],
    );
    if let Ok(keep) = std::env::var("ROUTEMAP_KEEP_BROWSER_OUTPUT") {
        fs::copy(&pdf, Path::new(&keep).join("print.pdf")).unwrap();
    }
    let (pages, words) = words(&pdf);
    (pages, words, fs::read_to_string(&html).unwrap())
}

/// Headings print larger than any other text: h2 at 14 pt, h3 at about 11.3 pt bold
/// (a word box 12.8 pt high, body text's 10.4).
fn is_heading(word: &Word) -> bool {
    word.height > 12.0
}

#[test]
fn the_carried_column_breaks_between_words_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_, words, html) = printed(dir.path());
    let carried = html.matches(">yes, not yet confirmed<").count();
    assert_eq!(carried, 4, "four carried answers in the themes table");
    let whole = words.iter().filter(|w| w.text == "confirmed").count();
    assert!(
        whole >= carried,
        "only {whole} whole 'confirmed' for {carried} carried answers"
    );
    let broken: Vec<&Word> = words
        .iter()
        .filter(|w| {
            let word = w.text.trim_end_matches([',', '.', ')']);
            ["confir", "confirme", "ed", "med", "rmed"].contains(&word)
        })
        .collect();
    assert!(broken.is_empty(), "words broken inside: {broken:?}");
}

/// The page a word (of a heading, so larger than body text, when `heading`) is first on.
fn page_of(words: &[Word], text: &str, heading: bool) -> usize {
    words
        .iter()
        .find(|w| w.text == text && is_heading(w) == heading)
        .unwrap_or_else(|| panic!("'{text}' is printed"))
        .page
}

#[test]
fn headings_stay_with_their_text_and_pages_are_filled() {
    let dir = tempfile::tempdir().unwrap();
    let (pages, words, _) = printed(dir.path());
    // A section's heading and intro are on the page its first item or table starts on.
    assert_eq!(
        page_of(&words, "Action", true),
        page_of(&words, "1.", true),
        "the action plan's heading is with its first item"
    );
    assert_eq!(
        page_of(&words, "Since", true),
        page_of(&words, "Then", false),
        "the movement's heading is with its table"
    );
    for (index, (_, height)) in pages.iter().enumerate().take(pages.len() - 1) {
        let on_page: Vec<&Word> = words.iter().filter(|w| w.page == index).collect();
        let lowest = on_page.iter().map(|w| w.y_max).fold(0.0, f64::max);
        // A heading near the foot has two lines of its text below it, unless all of
        // its text is there (the next page starts with another heading).
        let next_first = words
            .iter()
            .filter(|w| w.page == index + 1)
            .min_by(|a, b| a.y_min.total_cmp(&b.y_min));
        for heading in on_page.iter().filter(|w| is_heading(w)) {
            let mut lines: Vec<i64> = on_page
                .iter()
                .filter(|w| !is_heading(w) && w.y_min > heading.y_max)
                .map(|w| w.y_min.round() as i64)
                .collect();
            lines.dedup();
            assert!(
                lines.len() >= 2 || next_first.is_some_and(is_heading),
                "'{}' is stranded at the foot of page {} ({} lines below it)",
                heading.text,
                index + 1,
                lines.len()
            );
        }
        // A page is more than half blank only where a section ends: the next page
        // starts with a section's heading.
        let next_starts_a_section = next_first.is_some_and(|w| w.height > 13.5);
        assert!(
            lowest > height * 0.5 || next_starts_a_section,
            "page {} ends at {lowest:.0} of {height:.0} pt, mid-section",
            index + 1
        );
    }
}
