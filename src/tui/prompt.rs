//! A one-line question before an assessment exists: the authority's name.

use super::theme::Palette;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

/// The question, the answer being typed, and a complaint about the last try.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub heading: String,
    pub question: String,
    pub input: TextArea<'static>,
    pub problem: Option<String>,
    /// What Enter and Esc do, shown under the box.
    pub keys_hint: String,
}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptOutcome {
    Typing,
    Answered(String),
    Cancelled,
}

impl Prompt {
    pub fn new(heading: &str, question: &str, initial: &str) -> Self {
        let mut input = TextArea::new(vec![initial.to_string()]);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Prompt {
            heading: heading.to_string(),
            question: question.to_string(),
            input,
            problem: None,
            keys_hint: "Enter to start · Esc to cancel".into(),
        }
    }

    /// Pasted text, typed in at the cursor on one line (line breaks become spaces, and
    /// control characters are left out).
    pub fn paste(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        self.problem = None;
        self.input.insert_str(clean);
    }

    /// The same prompt, saying what Enter and Esc do here.
    pub fn confirming(mut self, keys_hint: &str) -> Self {
        self.keys_hint = keys_hint.to_string();
        self
    }

    pub fn key(&mut self, key: KeyEvent) -> PromptOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => PromptOutcome::Cancelled,
            KeyCode::Char('c') if ctrl => PromptOutcome::Cancelled,
            KeyCode::Enter => {
                let answer = self.input.lines().join(" ").trim().to_string();
                if answer.is_empty() {
                    self.problem = Some("Type an answer first (Esc cancels).".into());
                    PromptOutcome::Typing
                } else {
                    PromptOutcome::Answered(answer)
                }
            }
            _ => {
                self.problem = None;
                self.input.input(key);
                PromptOutcome::Typing
            }
        }
    }
}

pub fn render(prompt: &Prompt, palette: &Palette, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(palette.text), area);
    // Wide enough for a long routemap title in the heading, where the screen allows.
    let heading = prompt.heading.chars().count() as u16 + 4;
    let width = area.width.saturating_sub(4).min(heading.clamp(72, 110));
    // Borders, two lines of question, the field, a gap: then the note, wrapped whole.
    let problem_lines = prompt.problem.as_deref().map_or(Vec::new(), |problem| {
        crate::text::wrap_words(problem, usize::from(width.saturating_sub(2)))
    });
    let height = (9 + problem_lines.len() as u16).min(area.height);
    let popup = super::view::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(palette.border_focus)
        .title(super::view::layout::fit_title(
            Line::styled(format!(" {} ", prompt.heading), palette.heading),
            popup.width,
        ))
        .title_bottom(super::view::layout::fit_title(
            Line::styled(format!(" {} ", prompt.keys_hint), palette.dim),
            popup.width,
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let question = Paragraph::new(prompt.question.as_str()).wrap(Wrap { trim: true });
    frame.render_widget(
        question,
        Rect {
            height: 2.min(inner.height),
            ..inner
        },
    );
    if inner.height > 5 {
        let field = Rect {
            y: inner.y + 2,
            height: 3,
            ..inner
        };
        let frame_block = Block::default()
            .borders(Borders::ALL)
            .border_style(palette.border_focus);
        let input_area = frame_block.inner(field);
        frame.render_widget(frame_block, field);
        frame.render_widget(&prompt.input, input_area);
    }
    if !problem_lines.is_empty() && inner.height > 6 {
        let lines = Rect {
            y: inner.y + 6,
            height: inner.height - 6,
            ..inner
        };
        let text: Vec<Line> = problem_lines.into_iter().map(Line::from).collect();
        frame.render_widget(Paragraph::new(text).style(palette.error), lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_then_enter_answers() {
        let mut prompt = Prompt::new("New", "Which authority?", "");
        for c in "Cyngor Môn".chars() {
            assert_eq!(prompt.key(key(KeyCode::Char(c))), PromptOutcome::Typing);
        }
        assert_eq!(
            prompt.key(key(KeyCode::Enter)),
            PromptOutcome::Answered("Cyngor Môn".into())
        );
    }

    #[test]
    fn an_empty_answer_is_refused_and_esc_cancels() {
        let mut prompt = Prompt::new("New", "Which authority?", "");
        assert_eq!(prompt.key(key(KeyCode::Enter)), PromptOutcome::Typing);
        assert!(prompt.problem.is_some());
        assert_eq!(prompt.key(key(KeyCode::Esc)), PromptOutcome::Cancelled);
    }
}
