//! The HTML report in a real browser: headless Chromium prints it to PDF (A4, print CSS)
//! and to a PNG screenshot, and the pages must come out. Needs `chromium` and
//! `pdfinfo` (poppler-utils), which `.ci/run` installs when missing.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

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

/// Runs headless Chromium on `html` with these extra arguments.
fn chromium(profile: &Path, html: &Path, args: &[String]) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs (apt-get install chromium; .ci/run does)");
    assert!(status.status.success(), "{status:?}");
}

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
