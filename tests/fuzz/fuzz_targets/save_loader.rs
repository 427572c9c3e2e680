//! Any bytes as a saved assessment: an answer, never a panic; what loads saves in a
//! form that loads again to the same bytes.
#![no_main]

#[path = "../drive.rs"]
mod drive;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| drive::save_file(bytes));
