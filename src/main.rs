#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use clap::Parser;
use routemap::sanitize;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The colour choice is set before clap parses, so that clap's help and errors follow
    // `--color` exactly as routemap's own output does.
    let args = help_of_help(std::env::args_os().collect());
    routemap::term::set_color_choice(routemap::term::color_in_args(&args));
    let cli = match routemap::cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // Help, the version and usage errors, as clap prints them.
        Err(error) => {
            let printed = error
                .print()
                .and_then(|()| std::io::stdout().flush())
                .and_then(|()| std::io::stderr().flush());
            let code = match printed {
                Err(failure) if failure.kind() != std::io::ErrorKind::BrokenPipe => {
                    write_failed(&failure)
                }
                _ => error.exit_code(),
            };
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    let code = match routemap::commands::run(cli) {
        Ok(output) => {
            // Nothing on stderr is meant to colour or move anything, so all of it passes
            // the sanitiser once more: no message can send a control sequence.
            let _ = print_stream(&mut std::io::stderr(), &sanitize::text(&output.stderr));
            match print_stream(&mut std::io::stdout(), &output.stdout) {
                Ok(()) => output.code,
                Err(error) => write_failed(&error),
            }
        }
        Err(error) => {
            let message: String = sanitize::text(&error.to_string())
                .lines()
                .map(|line| format!("error: {line}\n"))
                .collect();
            let _ = print_stream(&mut std::io::stderr(), &message);
            error.exit_code()
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// `routemap help --help` (or `-h`) as `routemap help help`: clap's own `help` command
/// takes no options, and would call `--help` bad usage.
fn help_of_help(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let asks_help = |arg: &std::ffi::OsString| arg == "--help" || arg == "-h";
    if args.get(1).is_some_and(|arg| arg == "help") && args[2..].iter().any(asks_help) {
        args.truncate(2);
        args.push("help".into());
    }
    args
}

/// Writes text out. A reader that went away (`routemap list | head -1`) is not an
/// error; any other failure (a full disk: `> /dev/full`) is, as the output is lost.
fn print_stream(stream: &mut dyn Write, text: &str) -> std::io::Result<()> {
    match stream
        .write_all(text.as_bytes())
        .and_then(|()| stream.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error),
        _ => Ok(()),
    }
}

/// Says that the output could not be written; the exit status to end with.
fn write_failed(error: &std::io::Error) -> i32 {
    let message = format!(
        "error: cannot write the output: {}\n",
        routemap::error::io_reason(error)
    );
    let _ = print_stream(&mut std::io::stderr(), &message);
    1
}
