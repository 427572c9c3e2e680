//! Any stream of key presses, resizes and ticks through the full-screen program's
//! `messages_for` and `update`, every frame drawn: no panic, and every save loads.
#![no_main]

#[path = "../drive.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| drive::key_events(bytes));
