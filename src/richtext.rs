//! Markdown in a routemap's text fields (descriptors, guidance, criteria, the
//! description), read with pulldown-cmark into a small form that says nothing about how
//! it is drawn: lines of styled spans. The reports render it as markdown and HTML, and
//! the full-screen program can draw it; none of them ever passes the author's markup
//! (or any HTML in it) through.
//!
//! A line break in the text is kept as a line break (as in a comment on a code forge),
//! so plain text with line breaks stays exactly as written. Every span's text has been
//! through [`crate::sanitize::line`]: no control character reaches a renderer.

use crate::sanitize;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Text read as markdown: its lines, top to bottom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RichText {
    pub lines: Vec<RichLine>,
}

/// One line: what kind it is, and its spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RichLine {
    pub kind: LineKind,
    pub spans: Vec<Span>,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A line of a paragraph.
    Text,
    /// The first line of a list item, `depth` lists deep (0 for the outermost).
    Item { depth: usize, marker: Marker },
    /// A further line of a list item's text, drawn under the item's first.
    ItemText { depth: usize },
    /// A heading, level 1 to 6.
    Heading(u8),
    /// A line of a block quote.
    Quote,
    /// A line of a code block, kept as written.
    Code,
    /// A horizontal rule.
    Rule,
    /// Space between blocks.
    Blank,
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Bullet,
    Number(u64),
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: SpanStyle,
}

/// How a span reads. A link is its text (`link`) followed by its address in a span of
/// its own (`address`), so it reads the same drawn, printed or pasted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanStyle {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub link: bool,
    pub address: bool,
}

impl RichText {
    /// Reads `text` as markdown.
    pub fn parse(text: &str) -> RichText {
        let mut reader = Reader::default();
        for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
            reader.event(event);
        }
        reader.finish_line();
        let mut lines = reader.lines;
        while lines
            .last()
            .is_some_and(|line| line.kind == LineKind::Blank)
        {
            lines.pop();
        }
        RichText { lines }
    }

    /// True when the text has no markup at all: paragraphs of unstyled text, which a
    /// renderer may show exactly as it would have before markdown was read.
    pub fn is_plain(&self) -> bool {
        self.lines.iter().all(|line| {
            matches!(line.kind, LineKind::Text | LineKind::Blank)
                && line
                    .spans
                    .iter()
                    .all(|span| span.style == SpanStyle::default())
        })
    }

    /// The text of every line, spans joined, lines joined by `separator`.
    pub fn to_plain(&self, separator: &str) -> String {
        self.lines
            .iter()
            .filter(|line| line.kind != LineKind::Blank)
            .map(RichLine::text)
            .collect::<Vec<_>>()
            .join(separator)
    }
}

impl RichLine {
    /// The line's text, spans joined.
    pub fn text(&self) -> String {
        self.spans.iter().map(|span| span.text.as_str()).collect()
    }
}

/// The state of a read: the line being built and what encloses it.
#[derive(Default)]
struct Reader {
    lines: Vec<RichLine>,
    current: Option<RichLine>,
    /// The kind the next line takes, when set by what started it.
    next_kind: Option<LineKind>,
    /// For each open list, the number of its next item (`None` for bullets).
    lists: Vec<Option<u64>>,
    items: usize,
    quotes: usize,
    in_code: bool,
    style: SpanStyle,
    emphasis: usize,
    strong: usize,
    /// Addresses of the open links and images.
    links: Vec<String>,
    /// A block ended: the next one outside a list starts after a blank line.
    need_blank: bool,
}

impl Reader {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_code => self.code_text(&text),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push_text(&text, self.style)
            }
            Event::Code(text) => self.push_text(
                &text,
                SpanStyle {
                    code: true,
                    ..self.style
                },
            ),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text, self.style),
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]"), self.style),
            Event::SoftBreak | Event::HardBreak => self.break_line(),
            Event::Rule => {
                self.block_start();
                self.lines.push(RichLine {
                    kind: LineKind::Rule,
                    spans: Vec::new(),
                });
                self.need_blank = true;
            }
            Event::TaskListMarker(done) => {
                self.push_text(if done { "[x] " } else { "[ ] " }, self.style)
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph if self.next_kind.is_none() => self.block_start(),
            Tag::Heading { level, .. } => {
                self.block_start();
                self.next_kind = Some(LineKind::Heading(level as u8));
            }
            Tag::BlockQuote(_) => {
                self.block_start();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.block_start();
                self.in_code = true;
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block_start();
                }
                self.finish_line();
                self.lists.push(first);
            }
            Tag::Item => {
                self.finish_line();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let marker = Marker::Number(*number);
                        *number = number.saturating_add(1);
                        marker
                    }
                    _ => Marker::Bullet,
                };
                self.items += 1;
                self.next_kind = Some(LineKind::Item { depth, marker });
            }
            Tag::Emphasis => self.restyle(1, 0),
            Tag::Strong => self.restyle(0, 1),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                self.style.link = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => {
                self.finish_line();
                self.need_blank = true;
            }
            TagEnd::BlockQuote(_) => {
                self.finish_line();
                self.quotes = self.quotes.saturating_sub(1);
                self.need_blank = true;
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                self.finish_line();
                self.need_blank = true;
            }
            TagEnd::List(_) => {
                self.finish_line();
                self.lists.pop();
                self.need_blank = true;
            }
            TagEnd::Item => {
                self.finish_line();
                self.items = self.items.saturating_sub(1);
            }
            TagEnd::Emphasis => self.restyle(-1, 0),
            TagEnd::Strong => self.restyle(0, -1),
            TagEnd::Link | TagEnd::Image => {
                let address = self.links.pop().unwrap_or_default();
                self.style.link = !self.links.is_empty();
                let shown = self
                    .current
                    .as_ref()
                    .map(RichLine::text)
                    .unwrap_or_default();
                if !address.is_empty() && !shown.ends_with(&address) {
                    self.push_text(" (", SpanStyle::default());
                    self.push_text(
                        &address,
                        SpanStyle {
                            address: true,
                            ..SpanStyle::default()
                        },
                    );
                    self.push_text(")", SpanStyle::default());
                }
            }
            _ => {}
        }
    }

    fn restyle(&mut self, emphasis: isize, strong: isize) {
        self.emphasis = self.emphasis.saturating_add_signed(emphasis);
        self.strong = self.strong.saturating_add_signed(strong);
        self.style.emphasis = self.emphasis > 0;
        self.style.strong = self.strong > 0;
    }

    /// A new block begins: the line before ends, with a blank line between blocks
    /// outside lists.
    fn block_start(&mut self) {
        self.finish_line();
        if self.need_blank && self.lists.is_empty() && !self.lines.is_empty() {
            self.lines.push(RichLine {
                kind: LineKind::Blank,
                spans: Vec::new(),
            });
        }
        self.need_blank = false;
    }

    /// The kind of a line that continues what encloses it.
    fn continuation(&self) -> LineKind {
        if self.items > 0 {
            LineKind::ItemText {
                depth: self.lists.len().saturating_sub(1),
            }
        } else if self.quotes > 0 {
            LineKind::Quote
        } else if self.in_code {
            LineKind::Code
        } else {
            LineKind::Text
        }
    }

    fn push_text(&mut self, text: &str, style: SpanStyle) {
        if text.is_empty() {
            return;
        }
        let kind = self.next_kind.take().unwrap_or_else(|| self.continuation());
        let line = self.current.get_or_insert_with(|| RichLine {
            kind,
            spans: Vec::new(),
        });
        let clean = sanitize::line(text);
        match line.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&clean),
            _ => line.spans.push(Span {
                text: clean.into_owned(),
                style,
            }),
        }
    }

    /// A code block's text: one line per line, as written.
    fn code_text(&mut self, text: &str) {
        let mut parts = text.split('\n').peekable();
        while let Some(part) = parts.next() {
            if !part.is_empty() {
                self.push_text(part, SpanStyle::default());
            } else if self.current.is_none() && parts.peek().is_some() {
                self.lines.push(RichLine {
                    kind: LineKind::Code,
                    spans: Vec::new(),
                });
            }
            if parts.peek().is_some() {
                self.finish_line();
            }
        }
    }

    fn break_line(&mut self) {
        self.finish_line();
    }

    fn finish_line(&mut self) {
        if let Some(line) = self.current.take() {
            self.lines.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span {
            text: text.into(),
            style: SpanStyle::default(),
        }
    }

    fn styled(text: &str, style: SpanStyle) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }

    fn kinds(rich: &RichText) -> Vec<LineKind> {
        rich.lines.iter().map(|line| line.kind).collect()
    }

    #[test]
    fn plain_text_stays_plain_line_for_line() {
        let text = "Contracts roll over; leaving would be costly.\nNobody has planned it.";
        let rich = RichText::parse(text);
        assert!(rich.is_plain());
        assert_eq!(rich.to_plain("\n"), text);
        assert_eq!(kinds(&rich), [LineKind::Text, LineKind::Text]);
        let paragraphs = RichText::parse("One.\n\nTwo.");
        assert_eq!(
            kinds(&paragraphs),
            [LineKind::Text, LineKind::Blank, LineKind::Text]
        );
        assert!(RichText::parse("").lines.is_empty());
        assert_eq!(
            RichText::parse("C++ and a_b_c cost £5 (or 5 €).").to_plain(" "),
            "C++ and a_b_c cost £5 (or 5 €)."
        );
    }

    #[test]
    fn emphasis_strong_and_code_are_styles() {
        let rich = RichText::parse("Some *few* and **all** with `make`.");
        let emphasis = SpanStyle {
            emphasis: true,
            ..SpanStyle::default()
        };
        let strong = SpanStyle {
            strong: true,
            ..SpanStyle::default()
        };
        let code = SpanStyle {
            code: true,
            ..SpanStyle::default()
        };
        assert_eq!(
            rich.lines[0].spans,
            [
                plain("Some "),
                styled("few", emphasis),
                plain(" and "),
                styled("all", strong),
                plain(" with "),
                styled("make", code),
                plain(".")
            ]
        );
        assert!(!rich.is_plain());
    }

    #[test]
    fn links_show_their_address() {
        let rich =
            RichText::parse("See [the guide](https://example.org/g) or <https://example.org>.");
        assert_eq!(
            rich.lines[0].text(),
            "See the guide (https://example.org/g) or https://example.org."
        );
        let link = &rich.lines[0].spans[1];
        assert!(link.style.link);
        assert!(rich.lines[0].spans[3].style.address);
    }

    #[test]
    fn lists_nest_and_number() {
        let rich =
            RichText::parse("Steps:\n\n1. first\n2. second\n   - inner\n     more\n\nAfter.");
        assert_eq!(
            kinds(&rich),
            [
                LineKind::Text,
                LineKind::Blank,
                LineKind::Item {
                    depth: 0,
                    marker: Marker::Number(1)
                },
                LineKind::Item {
                    depth: 0,
                    marker: Marker::Number(2)
                },
                LineKind::Item {
                    depth: 1,
                    marker: Marker::Bullet
                },
                LineKind::ItemText { depth: 1 },
                LineKind::Blank,
                LineKind::Text,
            ]
        );
        assert_eq!(rich.lines[5].text(), "more");
    }

    #[test]
    fn headings_quotes_code_and_rules() {
        let rich = RichText::parse("# Title\n\n> quoted\n\n```\nlet x = 1;\n\n  y\n```\n\n---\n");
        assert_eq!(
            kinds(&rich),
            [
                LineKind::Heading(1),
                LineKind::Blank,
                LineKind::Quote,
                LineKind::Blank,
                LineKind::Code,
                LineKind::Code,
                LineKind::Code,
                LineKind::Blank,
                LineKind::Rule,
            ]
        );
        assert_eq!(rich.lines[6].text(), "  y", "code keeps its spaces");
    }

    #[test]
    fn html_and_control_characters_are_only_text() {
        let rich = RichText::parse("<script>alert(1)</script> and \u{1b}[2J");
        let text = rich.to_plain(" ");
        assert!(text.contains("<script>"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text}");
    }
}
