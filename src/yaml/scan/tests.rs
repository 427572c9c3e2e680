use super::*;

fn kinds(text: &str) -> Vec<Kind> {
    let mut tokens = Vec::new();
    scan(text, &mut tokens, 64).unwrap();
    tokens.into_iter().map(|token| token.kind).collect()
}

fn depth_error(text: &str, max_depth: usize) -> Option<(usize, usize)> {
    scan(text, &mut Counter::default(), max_depth)
        .err()
        .map(|too_deep| (too_deep.at.line, too_deep.at.column))
}

use Kind::*;
const PLAIN: Kind = Scalar(Style::Plain);

#[test]
fn a_block_mapping_gets_its_key_tokens_put_back() {
    assert_eq!(
        kinds("a: 1\nb:\n  - x\n  - y\n"),
        [
            BlockMappingStart,
            Key,
            PLAIN,
            Value,
            PLAIN,
            Key,
            PLAIN,
            Value,
            BlockSequenceStart,
            BlockEntry,
            PLAIN,
            BlockEntry,
            PLAIN,
            BlockEnd,
            BlockEnd,
            StreamEnd
        ]
    );
}

#[test]
fn flow_collections_and_quoted_scalars() {
    assert_eq!(
        kinds("{a: [1, 'x'], \"b\": c}"),
        [
            FlowMappingStart,
            Key,
            PLAIN,
            Value,
            FlowSequenceStart,
            PLAIN,
            FlowEntry,
            Scalar(Style::SingleQuoted),
            FlowSequenceEnd,
            FlowEntry,
            Key,
            Scalar(Style::DoubleQuoted),
            Value,
            PLAIN,
            FlowMappingEnd,
            StreamEnd
        ]
    );
}

#[test]
fn block_scalars_end_where_the_indentation_does() {
    assert_eq!(
        kinds("a: |\n  [[[\n  {{{\nb: >-\n   x\n"),
        [
            BlockMappingStart,
            Key,
            PLAIN,
            Value,
            Scalar(Style::Literal),
            Key,
            PLAIN,
            Value,
            Scalar(Style::Folded),
            BlockEnd,
            StreamEnd
        ]
    );
}

#[test]
fn plain_scalars_run_over_lines_and_keep_their_brackets() {
    assert_eq!(
        kinds("a: it's [a\n  {b\nc: d"),
        [
            BlockMappingStart,
            Key,
            PLAIN,
            Value,
            PLAIN,
            Key,
            PLAIN,
            Value,
            PLAIN,
            BlockEnd,
            StreamEnd
        ]
    );
}

#[test]
fn anchors_tags_aliases_comments_and_documents() {
    assert_eq!(
        kinds("%YAML 1.2\n--- # c\na: &x !!str [1]\nb: *x\n...\n---\n"),
        [
            Directive,
            DocumentStart,
            BlockMappingStart,
            Key,
            PLAIN,
            Value,
            Anchor,
            Tag,
            FlowSequenceStart,
            PLAIN,
            FlowSequenceEnd,
            Key,
            PLAIN,
            Value,
            Alias,
            BlockEnd,
            DocumentEnd,
            DocumentStart,
            StreamEnd
        ]
    );
}

#[test]
fn marks_count_characters_and_lines() {
    let mut tokens = Vec::new();
    scan("é: 'ŵ'\r\nb: x", &mut tokens, 64).unwrap();
    let quoted = tokens
        .iter()
        .find(|token| token.kind == Scalar(Style::SingleQuoted))
        .unwrap();
    assert_eq!(
        quoted.start,
        Mark {
            byte: 4,
            line: 0,
            column: 3
        }
    );
    let b = tokens
        .iter()
        .filter(|token| token.kind == PLAIN)
        .nth(1)
        .unwrap();
    assert_eq!(
        b.start,
        Mark {
            byte: 10,
            line: 1,
            column: 0
        }
    );
}

#[test]
fn nesting_is_bounded_in_flow_and_block_alike() {
    assert_eq!(depth_error("[[[]]]", 3), None);
    assert_eq!(depth_error("[[[[]]]]", 3), Some((0, 3)));
    assert_eq!(depth_error("a:\n  b:\n    c: 1\n", 3), None);
    assert_eq!(
        depth_error("a:\n  b:\n    c:\n      d: 1\n", 3),
        Some((3, 6))
    );
    assert_eq!(depth_error("- - - - x", 3), Some((0, 6)));
    assert_eq!(depth_error("a: [{b: [x]}]", 3), Some((0, 8)));
    // Brackets that are text are not nesting.
    assert_eq!(depth_error("a: '[[[[' \"{{{{\" b[[[[ # [[[[\n", 3), None);
}

#[test]
fn every_input_is_scanned_to_the_end() {
    for text in [
        "",
        "\u{feff}",
        "'",
        "\"\\",
        "\\",
        "[",
        "}",
        "? ? ?",
        ": : :",
        "|9",
        ">-\n",
        "!<",
        "&",
        "*",
        "%",
        "--- ...",
        "- [a: {b: c}",
        "\"\\u12",
        "a:\tb",
        "\r",
        "\u{2028}",
    ] {
        let mut tokens = Vec::new();
        assert!(scan(text, &mut tokens, 64).is_ok(), "{text:?}");
        assert_eq!(tokens.last().map(|t| t.kind), Some(StreamEnd), "{text:?}");
    }
}

mod never_undercounts {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// Text before the deep part that a careless scanner could misread as brackets
    /// (or miss real ones after): block scalars, quotes, comments, plain text.
    fn preamble() -> impl Strategy<Value = String> {
        vec(
            prop::sample::select(vec![
                "a: |\n  [[[{{{\n  ]]\n",
                "b: >-\n   {[\n",
                "c: 'it''s [[ {{'\n",
                "d: \"\\\"[[\"\n",
                "e: x[[y {{z\n",
                "# [[[ {{{\n",
                "f: it's\n  [continued\n",
                "g: &x [1]\n",
                "? h [[\n: i\n",
                "j: !t k\n",
            ]),
            0..5,
        )
        .prop_map(|parts| parts.concat())
    }

    /// One level of nesting: how it opens, what follows the opening, how it closes.
    fn level() -> impl Strategy<Value = (&'static str, &'static str, &'static str)> {
        (
            prop::sample::select(vec![
                ("[", "]"),
                ("{k: ", "}"),
                ("[k: ", "]"),
                ("&a [", "]"),
                ("!t {k: ", "}"),
                ("{? ", "}"),
                ("[\n  ", "\n]"),
            ]),
            prop::sample::select(vec![
                "",
                "",
                "'x[{', ",
                "\"[\\\"{\", ",
                "# [[ {{\n  ",
                "\n   ",
                "\t",
                "a#b, ",
            ]),
        )
            .prop_map(|((open, close), noise)| (open, noise, close))
    }

    /// The deep part starts in block context, some levels deep in block collections.
    fn block_start() -> impl Strategy<Value = String> {
        (0..6usize).prop_map(|depth| {
            let mut text = String::from("deep:\n");
            for level in 0..depth {
                text.push_str(&"  ".repeat(level + 1));
                text.push_str(if level % 2 == 0 { "- " } else { "k:\n" });
                if level % 2 == 0 {
                    text.push('\n');
                }
            }
            text.push_str(&"  ".repeat(depth + 1));
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whenever serde_yaml finds collections nested past its limit of 128, the
        /// scanner has counted more than 63 levels: it never lets deep nesting reach
        /// libyaml unseen. (Indentless sequences are not counted, at most every other
        /// level, hence half.)
        #[test]
        fn what_serde_yaml_finds_too_deep_the_scanner_finds_deep(
            preamble in preamble(),
            start in block_start(),
            levels in vec(level(), 120..160),
        ) {
            let mut text = preamble + &start;
            for (open, noise, _) in &levels {
                text.push_str(open);
                text.push_str(noise);
            }
            text.push('x');
            for (_, _, close) in levels.iter().rev() {
                text.push_str(close);
            }
            text.push('\n');
            let serde_says = serde_yaml::from_str::<serde_yaml::Value>(&text)
                .err()
                .is_some_and(|error| error.to_string().contains("recursion limit"));
            if serde_says {
                prop_assert!(
                    scan(&text, &mut Counter::default(), 63).is_err(),
                    "{:?}",
                    text
                );
            }
        }
    }
}
