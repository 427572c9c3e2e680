//! Any bytes as a routemap file: an answer, never a panic.
#![no_main]

#[path = "../drive.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| drive::routemap_file(bytes));
