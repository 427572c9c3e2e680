//! Headless Chromium printing an HTML report, and the words `pdftotext -bbox` finds on
//! its pages. Needs `chromium`, `pdfinfo` and `pdftotext` (poppler-utils), which
//! `.ci/run` installs when missing.

use std::path::Path;
use std::process::Command;

/// Runs headless Chromium on `html` with these extra arguments.
pub fn chromium(profile: &Path, html: &Path, args: &[String]) {
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

/// A word `pdftotext -bbox` found: its page and its box, in points.
// Each test crate that includes this module reads only the fields it needs.
#[allow(dead_code)]
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub height: f64,
    pub text: String,
}

/// The pages' sizes and the words on them.
pub fn words(pdf: &Path) -> (Vec<(f64, f64)>, Vec<Word>) {
    let output = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils; .ci/run does)");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    let mut found = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attribute(line, "width"), attribute(line, "height")));
        } else if line.starts_with("<word ") {
            let y_min = attribute(line, "yMin");
            let y_max = attribute(line, "yMax");
            found.push(Word {
                page: pages.len() - 1,
                x_max: attribute(line, "xMax"),
                y_min,
                y_max,
                height: y_max - y_min,
                text: line
                    .split('>')
                    .nth(1)
                    .and_then(|rest| rest.split('<').next())
                    .unwrap_or_default()
                    .to_string(),
            });
        }
    }
    (pages, found)
}
