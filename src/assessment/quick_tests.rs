use super::*;

const CANONICAL: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Cyngor Sir Ynys Môn
title: 2026 baseline
created: 2026-11-27
updated: 2026-11-27T14:03:11Z
answers:
  leadership:
    current: flag-planted
    target: on-the-route
    met:
      - strategy-agreed
      - cio-in-the-room
    confidence: medium
    notes: |
      The CIO reports to the deputy.

        indented: kept
    evidence:
      - https://intranet.example/ict-strategy-2026.pdf
  governance:
    current: n/a
    carried: true
    votes: { not-started: 2, flag-planted: 7 }
  shared-services:
    notes: Thinking about it.
";

#[test]
fn a_canonical_file_is_read_quickly_and_as_the_full_parser_reads_it() {
    let quick = read(CANONICAL).expect("canonical");
    assert_eq!(quick.routemap_id, "planting-the-flag");
    assert_eq!(quick.authority, "Cyngor Sir Ynys Môn");
    assert_eq!(quick.created.as_deref(), Some("2026-11-27"));
    assert_eq!(quick.updated, Some(Timestamp(1_795_788_191)));
    assert_eq!(
        quick.answers,
        [
            (
                "leadership".into(),
                Some(Current::Stage("flag-planted".into()))
            ),
            ("governance".into(), Some(Current::NotApplicable)),
            ("shared-services".into(), None),
        ]
    );
    let full = super::super::parse(std::path::Path::new("x.yaml"), CANONICAL).unwrap();
    assert_eq!(full.authority, quick.authority);
    assert_eq!(full.answers.len(), 3);
}

#[test]
fn anything_unusual_is_left_to_the_full_parser() {
    for (from, to) in [
        ("authority: Cyngor Sir Ynys Môn", "authority: \"Cyngor\""),
        ("authority: Cyngor Sir Ynys Môn", "authority: 1234"),
        ("authority: Cyngor Sir Ynys Môn", "authority: yes"),
        ("authority: Cyngor Sir Ynys Môn", "authority: A: B"),
        (
            "    current: flag-planted\n",
            "    current: flag-planted\n    current: route-planned\n",
        ),
        ("    confidence: medium", "    confidence: sure"),
        ("      - cio-in-the-room", "      - strategy-agreed"),
        ("      - cio-in-the-room", "      - \"Typed by hand\""),
        (
            "    met:\n      - strategy-agreed\n      - cio-in-the-room\n",
            "    met:\n",
        ),
        ("    confidence: medium", "    cnofidence: medium"),
        ("created: 2026-11-27", "created: 2026-02-30"),
        (
            "updated: 2026-11-27T14:03:11Z",
            "updated: 2026-11-27T15:03:11+01:00",
        ),
        ("      The CIO", "        The CIO"),
        ("    carried: true", "    carried: false"),
        ("flag-planted: 7 }", "flag-planted: 0 }"),
        ("not-started: 2", "not-started: 2, not-started: 3"),
        ("  governance:", "  leadership:"),
        (
            "title: 2026 baseline\n",
            "title: 2026 baseline\n# a comment\n",
        ),
        ("Thinking about it.", "Thinking\u{1b}[2J"),
        ("version: \"2011.1\"", "version: \"20\\u0031\""),
    ] {
        let changed = CANONICAL.replacen(from, to, 1);
        assert_ne!(changed, CANONICAL, "{from}");
        assert_eq!(read(&changed), None, "{to}");
    }
    assert_eq!(read(""), None);
    assert_eq!(read("format: routemap-assessment/1\n"), None);
    assert_eq!(read(&CANONICAL.replace('\n', "\r\n")), None);
    assert_eq!(read(CANONICAL.trim_end()), None);
}

#[test]
fn the_shortest_canonical_file_reads() {
    let text = "format: routemap-assessment/1\nroutemap: { id: x, version: \"\" }\nauthority: A\n";
    let quick = read(text).unwrap();
    assert!(quick.answers.is_empty());
    assert_eq!(quick.created, None);
}
