//! Markdown read from a routemap ([`RichText`]) as HTML for the report: paragraphs,
//! nested lists, quotes, code and the span styles, every text escaped by maud. Links are
//! their text and their address as text: the report is self-contained and follows
//! nothing a file names.

use crate::richtext::{LineKind, Marker, RichText, Span};
use maud::{Markup, PreEscaped, html};

fn span(span: &Span) -> Markup {
    let style = span.style;
    let text = html! { (span.text) };
    let text = if style.code {
        html! { code { (text) } }
    } else {
        text
    };
    let text = if style.emphasis {
        html! { em { (text) } }
    } else {
        text
    };
    let text = if style.strong {
        html! { strong { (text) } }
    } else {
        text
    };
    if style.address {
        html! { span.address { (text) } }
    } else {
        text
    }
}

fn spans(line: &[Span]) -> String {
    line.iter().map(|s| span(s).into_string()).collect()
}

/// What is open while lines are written.
#[derive(Default)]
struct Open {
    out: String,
    /// The open lists, outermost first: their closing tag.
    lists: Vec<&'static str>,
    /// The closing tag of the open paragraph, quote or code block.
    block: Option<&'static str>,
}

impl Open {
    fn close_block(&mut self) {
        if let Some(end) = self.block.take() {
            self.out.push_str(end);
        }
    }

    fn close_lists_to(&mut self, depth: usize) {
        if self.lists.len() > depth {
            self.close_block();
        }
        while self.lists.len() > depth {
            if let Some(end) = self.lists.pop() {
                self.out.push_str("</li>");
                self.out.push_str(end);
            }
        }
    }

    /// Opens `start` unless a block of that kind is open; else a line break in it.
    fn block(&mut self, start: &str, end: &'static str, separator: &str) {
        if self.block == Some(end) {
            self.out.push_str(separator);
        } else {
            self.close_block();
            self.out.push_str(start);
            self.block = Some(end);
        }
    }

    fn item(&mut self, depth: usize, marker: Marker) {
        self.close_block();
        self.close_lists_to(depth + 1);
        if self.lists.len() == depth + 1 {
            self.out.push_str("</li>");
        }
        while self.lists.len() < depth + 1 {
            match marker {
                Marker::Number(n) if self.lists.len() == depth => {
                    self.out.push_str(&format!("<ol start=\"{n}\">"));
                    self.lists.push("</ol>");
                }
                _ => {
                    self.out.push_str("<ul>");
                    self.lists.push("</ul>");
                }
            }
        }
        self.out.push_str("<li>");
    }
}

/// The text as HTML.
pub fn rich(rich: &RichText) -> Markup {
    let mut open = Open::default();
    for line in &rich.lines {
        let text = spans(&line.spans);
        match line.kind {
            LineKind::Text => {
                open.close_lists_to(0);
                open.block("<p>", "</p>", "<br>");
                open.out.push_str(&text);
            }
            LineKind::Blank => open.close_block(),
            LineKind::Item { depth, marker } => {
                open.item(depth, marker);
                open.out.push_str(&text);
            }
            LineKind::ItemText { .. } => {
                open.out.push_str("<br>");
                open.out.push_str(&text);
            }
            LineKind::Heading(_) => {
                open.close_lists_to(0);
                open.out.push_str("<p class=\"md-heading\"><strong>");
                open.out.push_str(&text);
                open.out.push_str("</strong></p>");
            }
            LineKind::Quote => {
                open.close_lists_to(0);
                open.block("<blockquote><p>", "</p></blockquote>", "<br>");
                open.out.push_str(&text);
            }
            LineKind::Code => {
                open.close_lists_to(0);
                open.block("<pre><code>", "</code></pre>", "\n");
                open.out.push_str(&text);
            }
            LineKind::Rule => {
                open.close_lists_to(0);
                open.out.push_str("<hr>");
            }
        }
    }
    open.close_block();
    open.close_lists_to(0);
    PreEscaped(open.out)
}

/// The text on one line (a list item, a sentence): lines joined by spaces, styles kept.
pub fn inline(rich: &RichText) -> Markup {
    let parts: Vec<String> = rich
        .lines
        .iter()
        .filter(|line| line.kind != LineKind::Blank)
        .map(|line| match line.kind {
            LineKind::Item {
                marker: Marker::Number(n),
                ..
            } => format!("{n}. {}", spans(&line.spans)),
            LineKind::Item { .. } => format!("• {}", spans(&line.spans)),
            _ => spans(&line.spans),
        })
        .collect();
    PreEscaped(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        rich(&RichText::parse(text)).into_string()
    }

    #[test]
    fn paragraphs_lists_and_styles() {
        assert_eq!(
            html(
                "One *two*\nthree.\n\n1. a\n2. **b**\n   - c\n\nEnd with `code` and [x](https://e.org)."
            ),
            "<p>One <em>two</em><br>three.</p><ol start=\"1\"><li>a</li><li><strong>b</strong><ul><li>c</li></ul></li></ol><p>End with <code>code</code> and x (<span class=\"address\">https://e.org</span>).</p>"
        );
    }

    #[test]
    fn html_in_the_text_is_escaped() {
        assert_eq!(
            html("<script>alert(1)</script>"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        );
        assert_eq!(
            html("> quoted\n\n```\na < b\n```\n---"),
            "<blockquote><p>quoted</p></blockquote><pre><code>a &lt; b</code></pre><hr>"
        );
    }
}
