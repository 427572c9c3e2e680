//! The HTML report in a real browser: headless Chromium prints it to PDF (A4, print CSS)
//! and to a PNG screenshot, and the pages must come out: no word past the margin, type
//! at its size (a browser shrinks a document with an over-wide line to print it), no
//! page left nearly empty before the last. Needs `chromium`, `pdfinfo` and `pdftotext`
//! (poppler-utils), which `.ci/run` installs when missing.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "common/browser.rs"]
mod browser;
mod common;

use browser::{chromium, words};
use common::routemap;
use std::fs;
use std::path::Path;
use std::process::Command;

const SAVED: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Cyngor Sir Ynys Môn <script>alert(1)</script>
title: 2026 baseline
updated: 2026-11-27T14:03:11Z
answers:
  leadership: { current: flag-planted, target: on-the-route, confidence: medium, notes: \"Llywodraethu — ŵ ŷ\" }
  governance: { current: not-started, target: route-planned, confidence: low }
  organisational-change: { current: route-planned, target: on-the-route }
  strategic-commissioning: { current: flag-planted }
  shared-services: { current: n/a }
  professionalism: { current: on-the-route, target: on-the-route }
  business-change: { current: flag-planted, target: destination-reached }
";

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn chromium_prints_the_html_report_to_a4_pages_and_a_screenshot() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("saved.yaml"), SAVED).unwrap();
    let html = dir.path().join("report.html");
    let output = routemap(dir.path())
        .args(["report", "saved", "--format", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let profile = dir.path().join("profile");

    let pdf = dir.path().join("report.pdf");
    chromium(
        &profile,
        &html,
        &[format!("--print-to-pdf={}", pdf.display())],
    );
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs (apt-get install poppler-utils; .ci/run does)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!((3..=12).contains(&pages), "a report of a few pages: {info}");
    assert!(info.contains("(A4)"), "A4 pages: {info}");

    let png = dir.path().join("report.png");
    chromium(
        &profile,
        &html,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,1600".into(),
        ],
    );
    let bytes = fs::read(&png).unwrap();
    assert_eq!(png_size(&bytes), (1000, 1600));
    // A blank page compresses to a few kilobytes; a page of text, tables and a radar
    // does not.
    assert!(
        bytes.len() > 60_000,
        "the screenshot has content: {} bytes",
        bytes.len()
    );
    if let Ok(keep) = std::env::var("ROUTEMAP_KEEP_BROWSER_OUTPUT") {
        for file in ["report.html", "report.pdf", "report.png"] {
            fs::copy(dir.path().join(file), Path::new(&keep).join(file)).unwrap();
        }
    }
}

/// An assessment made to break a layout: names and a title with no place to break, and
/// evidence that is a 250-character web address, a script and an address with markup.
fn unbreakable() -> String {
    let long = "X".repeat(120);
    let url = format!(
        "https://intranet.example.org/sites/ict/strategy/{}/final.pdf",
        "a".repeat(192)
    );
    assert_eq!(url.len(), 250);
    format!(
        "format: routemap-assessment/1
routemap: {{ id: planting-the-flag, version: \"2011.1\" }}
authority: Cyngor{long}
title: Baseline{long}
updated: 2026-11-27T14:03:11Z
answers:
  leadership: {{ current: flag-planted, target: on-the-route, evidence: [\"{url}\", \"javascript:alert(1)\", \"https://example.org/a?b=<c>&d=e\"] }}
  governance: {{ current: not-started, target: route-planned, confidence: low }}
  organisational-change: {{ current: route-planned, target: on-the-route }}
  shared-services: {{ current: n/a }}
  business-change: {{ current: flag-planted, target: destination-reached }}
"
    )
}

#[test]
fn nothing_unbreakable_widens_shrinks_or_clips_the_printed_pages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("long.yaml"), unbreakable()).unwrap();
    let html = dir.path().join("long.html");
    let output = routemap(dir.path())
        .args(["report", "long", "--format", "html", "-o"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let page = fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<a href=\"https://intranet.example.org/sites/ict/strategy/aaaa"),
        "web addresses are links"
    );
    assert!(page.contains("rel=\"noreferrer\""));
    assert!(
        page.contains("<a href=\"https://example.org/a?b=&lt;c&gt;&amp;d=e\" rel=\"noreferrer\">"),
        "escaped"
    );
    assert!(
        !page.contains("href=\"javascript"),
        "only http and https are links"
    );
    let pdf = dir.path().join("long.pdf");
    chromium(
        &dir.path().join("profile"),
        &html,
        &[format!("--print-to-pdf={}", pdf.display())],
    );
    let (pages, words) = words(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    // A4 with 15 mm side margins: text ends by 195 mm (553 pt) from the left.
    for word in &words {
        let (width, _) = pages[word.page];
        assert!(
            word.x_max <= width - 15.0 / 25.4 * 72.0 + 1.0,
            "'{}' on page {} runs past the margin to {:.0} of {width:.0} pt",
            word.text,
            word.page + 1,
            word.x_max
        );
    }
    // Body text is 10.5 pt, tables 9.5 pt: shrunk to fit, most words would be smaller.
    let mut heights: Vec<f64> = words.iter().map(|w| w.height).collect();
    heights.sort_by(f64::total_cmp);
    let median = heights[heights.len() / 2];
    assert!(
        median >= 9.0,
        "the type is at its size, not shrunk: {median:.1} pt"
    );
    // The web address is all there, broken over lines.
    let all: String = words.iter().map(|w| w.text.as_str()).collect();
    assert!(
        all.contains(&"a".repeat(192)),
        "the whole address is printed"
    );
    // No page before the last is left nearly empty (as a forced break would leave it).
    for (index, (_, height)) in pages.iter().enumerate().take(pages.len() - 1) {
        let lowest = words
            .iter()
            .filter(|w| w.page == index)
            .map(|w| w.y_max)
            .fold(0.0, f64::max);
        assert!(
            lowest > height * 0.5,
            "page {} ends at {:.0} of {height:.0} pt",
            index + 1,
            lowest
        );
    }
}
