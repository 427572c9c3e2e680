#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use clap::Parser;
use routemap::sanitize;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The colour choice is set before clap parses, so that clap's help and errors follow
    // `--color` exactly as routemap's own output does.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    routemap::term::set_color_choice(routemap::term::color_in_args(&args));
    let cli = routemap::cli::Cli::parse_from(args);
    let code = match routemap::commands::run(cli) {
        Ok(output) => {
            // Nothing on stderr is meant to colour or move anything, so all of it passes
            // the sanitiser once more: no message can send a control sequence.
            print_stream(&mut std::io::stderr(), &sanitize::text(&output.stderr));
            print_stream(&mut std::io::stdout(), &output.stdout);
            output.code
        }
        Err(error) => {
            let message: String = sanitize::text(&error.to_string())
                .lines()
                .map(|line| format!("error: {line}\n"))
                .collect();
            print_stream(&mut std::io::stderr(), &message);
            error.exit_code()
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// Writes text out; a reader that went away (`routemap list | head -1`) is not an error.
fn print_stream(stream: &mut dyn Write, text: &str) {
    let _ = stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush());
}
