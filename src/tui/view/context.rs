//! What a frame is drawn with: the state to draw and the palette of the screen it is on.

use crate::tui::state::State;
use crate::tui::theme::{Painter, Palette};

/// A frame's drawing context. It reads as the state it draws (it dereferences to it), and
/// carries the one palette every part of the frame uses, so a pop-up over the workshop
/// is drawn in the projector's colours like the screen beneath it.
pub struct Ctx<'a> {
    state: &'a State,
    pub palette: Palette,
}

impl<'a> Ctx<'a> {
    pub fn new(state: &'a State, painter: &Painter) -> Self {
        Ctx {
            state,
            palette: painter.palette_for(state.screen, state.workshop.light),
        }
    }

    /// The state drawn, for the few places that hand it on whole.
    pub fn state(&self) -> &'a State {
        self.state
    }
}

impl std::ops::Deref for Ctx<'_> {
    type Target = State;

    fn deref(&self) -> &State {
        self.state
    }
}
