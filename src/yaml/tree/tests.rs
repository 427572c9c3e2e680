use super::super::locate::location;
use super::super::reparse;
use super::*;
use proptest::collection::vec;
use proptest::prelude::*;

/// Where the tree places a node, checked against the oracle.
fn at(text: &str, path: &NodePath) -> Option<(usize, usize)> {
    let tree = Tree::parse(text, 64).unwrap();
    let ours = tree.locate(path).map(location);
    assert_eq!(ours, reparse::locate(text, path), "{path:?}");
    ours.map(|at| (at.line, at.column))
}

/// The tree places every node where serde_yaml itself would (the oracle).
fn agrees_with_the_oracle(text: &str, paths: &[NodePath]) -> Result<(), TestCaseError> {
    let tree = Tree::parse(text, 64).unwrap();
    for path in paths {
        let ours = tree.locate(path).map(location);
        let oracle = reparse::locate(text, path);
        prop_assert_eq!(ours, oracle, "path {:?} in\n{}", path, text);
    }
    Ok(())
}

/// The document's own paths, some of them, and some that lead nowhere.
fn sample_paths(text: &str, limit: usize) -> Vec<NodePath> {
    let tree = Tree::parse(text, 64).unwrap();
    let all = tree.paths(10_000);
    let step = (all.len() / limit).max(1);
    let mut paths: Vec<NodePath> = all.into_iter().step_by(step).collect();
    let astray: Vec<NodePath> = paths
        .iter()
        .take(3)
        .flat_map(|path| [path.key("nowhere"), path.index(99), path.index(0)])
        .collect();
    paths.extend(astray);
    paths
}

/// serde_yaml reads the text (duplicate keys allowed): the case where the two must agree.
fn loads(text: &str) -> bool {
    serde_yaml::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

#[test]
fn nodes_are_placed_in_every_style() {
    let root = NodePath::root();
    let text = "a: &x [1, {b: c}]\nd: *x\n? e\n: f\ng:\n- h\n- 'i'\n";
    assert_eq!(at(text, &root.key("a").index(1).key("b")), Some((1, 15)));
    assert_eq!(at(text, &root.key("d").index(0)), Some((1, 8)));
    assert_eq!(at(text, &root.key("e")), Some((4, 3)));
    assert_eq!(at(text, &root.key_name("e")), Some((3, 3)));
    assert_eq!(at(text, &root.key("g").index(1)), Some((7, 3)));
    assert_eq!(at(text, &root.key("a")), Some((1, 4)));
    let numbers = "1: one\n0x2: two\n~: none\n'q': quoted\n";
    assert_eq!(at(numbers, &root.key("2")), Some((2, 6)));
    assert_eq!(at(numbers, &root.key("null")), Some((3, 4)));
    assert_eq!(at(numbers, &root.key("q")), Some((4, 6)));
}

#[test]
fn the_second_document_is_found() {
    let second = |text: &str| {
        Tree::parse(text, 64)
            .unwrap()
            .second_document()
            .map(|mark| (mark.line + 1, mark.column + 1))
    };
    assert_eq!(second("a: 1\n"), None);
    assert_eq!(second("---\na: 1\n...\n"), None);
    assert_eq!(second("a: 1\n---\nb: 2\n"), Some((2, 1)));
    assert_eq!(second("---\n---\n"), Some((2, 1)));
    assert_eq!(second("a: 1\n...\n%YAML 1.2\n---\n"), Some((3, 1)));
}

#[test]
fn the_shipped_routemaps_agree_with_the_oracle() {
    for file in crate::builtin::files() {
        let paths = sample_paths(file.text, 120);
        agrees_with_the_oracle(file.text, &paths).unwrap();
    }
}

/// A small document: text, lists and mappings.
#[derive(Debug, Clone)]
enum Doc {
    Text(String),
    List(Vec<Doc>),
    Map(Vec<(String, Doc)>),
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,6}",
        1 => "[a-z]{1,4} [a-zé]{1,4}",
        1 => prop::sample::select(vec!["1", "0x1F", "true", "null", "~", "-", "a:b", "it's", "x#y"])
            .prop_map(String::from),
        1 => "[ -~]{0,6}",
    ]
}

fn doc() -> impl Strategy<Value = Doc> {
    word()
        .prop_map(Doc::Text)
        .prop_recursive(4, 40, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(Doc::List),
                vec((word(), inner), 0..4).prop_map(Doc::Map),
            ]
        })
}

/// Spends random choices on how to write each node.
struct Writer {
    choices: Vec<u8>,
    next: usize,
    anchors: usize,
    out: String,
}

impl Writer {
    fn pick(&mut self, options: u8) -> u8 {
        let choice = self.choices.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        choice % options
    }

    fn scalar(&mut self, text: &str, flow: bool) -> String {
        let plain_ok = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || " é-".contains(c))
            && !text.starts_with(['-', ' '])
            && !text.ends_with(' ');
        match self.pick(if flow { 3 } else { 4 }) {
            0 if plain_ok => text.to_string(),
            1 => format!("'{}'", text.replace('\'', "''")),
            _ => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
        }
    }

    fn properties(&mut self) -> String {
        match self.pick(8) {
            0 => {
                self.anchors += 1;
                format!("&a{} ", self.anchors)
            }
            1 if self.anchors > 0 => String::from("!!str "),
            _ => String::new(),
        }
    }

    fn flow(&mut self, doc: &Doc) -> String {
        let gap = if self.pick(4) == 0 { "\n   " } else { " " };
        match doc {
            Doc::Text(text) => self.scalar(text, true),
            Doc::List(items) => {
                let parts: Vec<String> = items.iter().map(|item| self.flow(item)).collect();
                format!("[{}]", parts.join(&format!(",{gap}")))
            }
            Doc::Map(pairs) => {
                let parts: Vec<String> = pairs
                    .iter()
                    .map(|(key, value)| {
                        let key = self.scalar(key, true);
                        format!("{key}: {}", self.flow(value))
                    })
                    .collect();
                format!("{{{}}}", parts.join(&format!(",{gap}")))
            }
        }
    }

    /// Writes what follows `key:` or `-` for a node nested at `indent`.
    fn after_indicator(&mut self, doc: &Doc, indent: usize, in_map: bool) {
        let pad = " ".repeat(indent);
        if self.pick(6) == 0 {
            if let Doc::Text(text) = doc
                && !text.trim().is_empty()
                && !text.contains('\n')
            {
                self.out.push_str(&format!(" |\n{pad}{text}\n"));
                return;
            }
            if self.anchors > 0 && self.pick(3) == 0 {
                self.out.push_str(&format!(" *a{}\n", self.anchors));
                return;
            }
        }
        let properties = self.properties();
        match doc {
            Doc::List(items) if !items.is_empty() && self.pick(3) > 0 => {
                self.out.push_str(&format!(" {}\n", properties.trim_end()));
                let item_indent = if in_map && self.pick(2) == 0 {
                    indent.saturating_sub(2)
                } else {
                    indent
                };
                self.block_list(items, item_indent);
            }
            Doc::Map(pairs) if !pairs.is_empty() && self.pick(3) > 0 => {
                self.out.push_str(&format!(" {}\n", properties.trim_end()));
                self.block_map(pairs, indent);
            }
            _ => {
                let flow = self.flow(doc);
                let comment = if self.pick(5) == 0 { " # note" } else { "" };
                self.out
                    .push_str(&format!(" {properties}{flow}{comment}\n"));
            }
        }
    }

    fn block_list(&mut self, items: &[Doc], indent: usize) {
        for item in items {
            self.out.push_str(&" ".repeat(indent));
            self.out.push('-');
            self.after_indicator(item, indent + 2, false);
        }
    }

    fn block_map(&mut self, pairs: &[(String, Doc)], indent: usize) {
        for (key, value) in pairs {
            let pad = " ".repeat(indent);
            let key = self.scalar(key, false);
            if self.pick(6) == 0 {
                self.out.push_str(&format!("{pad}? {key}\n{pad}:"));
            } else {
                self.out.push_str(&format!("{pad}{key}:"));
            }
            if self.pick(10) == 0 {
                self.out.push_str(" # about this\n\n");
                self.out.push_str(&pad);
                self.out.push_str("  ");
            }
            self.after_indicator(value, indent + 2, true);
        }
    }
}

fn written(doc: &Doc, choices: Vec<u8>) -> String {
    let mut writer = Writer {
        choices,
        next: 0,
        anchors: 0,
        out: String::new(),
    };
    match writer.pick(4) {
        0 => writer.out.push_str("---\n"),
        1 => writer.out.push_str("# a comment\n\n"),
        _ => {}
    }
    match doc {
        Doc::Map(pairs) if !pairs.is_empty() => writer.block_map(pairs, 0),
        Doc::List(items) if !items.is_empty() => writer.block_list(items, 0),
        other => {
            let flow = writer.flow(other);
            writer.out.push_str(&flow);
        }
    }
    writer.out
}

/// A real file with a slice cut out and something else put in its place.
fn mangled(text: &'static str) -> impl Strategy<Value = String> {
    (0..text.len(), 0..40usize, "[ -~\\n:#&*!|>{}\\[\\]-]{0,12}").prop_map(
        move |(at, cut, insert)| {
            let mut start = at;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}{insert}{}", &text[..start], &text[end..])
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn written_documents_agree_with_the_oracle(doc in doc(), choices in vec(any::<u8>(), 64)) {
        let text = written(&doc, choices);
        if loads(&text) {
            agrees_with_the_oracle(&text, &sample_paths(&text, 60))?;
        }
    }

    #[test]
    fn any_text_is_parsed_without_a_panic(text in any::<String>()) {
        if let Some(tree) = Tree::parse(&text, 64) {
            for path in tree.paths(50) {
                let _ = tree.locate(&path);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn mangled_routemaps_agree_with_the_oracle(
        text in mangled(include_str!("../../../assessments/planting-the-flag.yaml"))
    ) {
        if loads(&text) {
            agrees_with_the_oracle(&text, &sample_paths(&text, 25))?;
        }
    }
}
