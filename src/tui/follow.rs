//! The runner's inputs on a second screen (`workshop --follow`): the terminal's events
//! and news that the saved file (or the facilitator's place in it) changed, from two
//! threads into one channel, so the loop blocks on both at once and never polls.

use ratatui::crossterm::event::{self, Event};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

/// What woke the loop.
#[derive(Debug)]
pub enum Wake {
    Event(Event),
    /// The saved file or the facilitator's place changed: read them again.
    Changed,
    /// A running clock needs the screen redrawn.
    Timeout,
}

/// The inputs of a second screen.
pub struct Follow {
    inputs: Receiver<std::io::Result<Wake>>,
}

impl Follow {
    /// Watches the assessment's file and the file that remembers its focused theme, and
    /// reads the terminal, each on a thread of its own.
    pub fn start(assessment: &Path, position: &Path) -> std::io::Result<Follow> {
        if let Some(folder) = position.parent() {
            // The facilitator's program makes it on its first move; made here so it
            // can be watched from the start.
            let _ = std::fs::create_dir(folder);
        }
        let watched: Vec<&Path> = if position.parent().is_some_and(Path::is_dir) {
            vec![assessment, position]
        } else {
            vec![assessment]
        };
        let mut watcher = crate::watch::Watcher::new(&watched)?;
        let (send, inputs) = channel();
        let changes = send.clone();
        std::thread::spawn(move || {
            loop {
                let woke = watcher.wait().map(|()| Wake::Changed);
                let failed = woke.is_err();
                if changes.send(woke).is_err() || failed {
                    return;
                }
            }
        });
        std::thread::spawn(move || {
            loop {
                let read = event::read().map(Wake::Event);
                let failed = read.is_err();
                if send.send(read).is_err() || failed {
                    return;
                }
            }
        });
        Ok(Follow { inputs })
    }

    /// The next input, waiting for ever or at most `wait`.
    pub fn next(&self, wait: Option<Duration>) -> std::io::Result<Wake> {
        let gone = || std::io::Error::other("the terminal and the watcher are gone");
        match wait {
            None => self.inputs.recv().map_err(|_| gone())?,
            Some(wait) => match self.inputs.recv_timeout(wait) {
                Ok(input) => input,
                Err(RecvTimeoutError::Timeout) => Ok(Wake::Timeout),
                Err(RecvTimeoutError::Disconnected) => Err(gone()),
            },
        }
    }

    /// An input already waiting, if any.
    pub fn ready(&self) -> std::io::Result<Option<Wake>> {
        match self.inputs.try_recv() {
            Ok(input) => input.map(Some),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => Ok(None),
        }
    }
}
