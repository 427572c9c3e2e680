//! The terminal's state around the full-screen program: given back on every way out
//! (a return, an error, a panic, any signal whose default would end the program), given
//! back and taken again around a stop, and pastes taken whole.

use super::UNSAVED;

/// Restores the terminal when dropped: on return, on error and on a panic's unwinding.
pub(super) struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Leaves the alternate screen and raw mode, and shows the cursor again.
fn restore_terminal() {
    use ratatui::crossterm::{cursor, event, execute};
    let _ = execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(std::io::stdout(), cursor::Show);
}

/// Pasted text arrives as one paste, not as keys: pasting "x3t5 hello" outside an
/// editor must not set a stage, a target and open an editor.
pub(super) fn take_pastes_whole() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
}

/// Every signal whose default action ends the program ends it with the terminal
/// restored (cursor included). Every change is saved when made, so there is nothing
/// else to do, unless a save had failed: then it says so. SIGXFSZ (a file size limit
/// reached while saving) is caught only so that the save fails with an error the
/// program reports, instead of the program being killed mid-write. SIGTSTP (a stop
/// asked from outside) restores the terminal before stopping, and SIGCONT takes it back
/// and redraws. SIGSEGV, SIGBUS, SIGILL and SIGFPE are left alone: they mean the
/// program itself is broken, and no handler can safely carry on.
pub(super) fn restore_on_signals() {
    use signal_hook::consts::signal::*;
    #[allow(unused_mut)]
    let mut ending = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGSYS, SIGTRAP, SIGIO, SIGABRT,
    ];
    #[cfg(target_os = "linux")]
    ending.extend([libc::SIGSTKFLT, libc::SIGPWR]);
    let handled = ending.iter().copied().chain([SIGXFSZ, SIGTSTP, SIGCONT]);
    let Ok(mut signals) = signal_hook::iterator::Signals::new(handled) else {
        return;
    };
    std::thread::spawn(move || {
        let mut stopped = false;
        for signal in signals.forever() {
            match signal {
                SIGXFSZ => {}
                SIGTSTP => {
                    restore_terminal();
                    stopped = true;
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                }
                SIGCONT if stopped => {
                    stopped = false;
                    take_back_terminal();
                }
                SIGCONT => {}
                _ => {
                    restore_terminal();
                    if UNSAVED.load(std::sync::atomic::Ordering::SeqCst) {
                        eprintln!(
                            "routemap: stopped by a signal; the last changes had NOT been saved (a save failed)."
                        );
                    }
                    std::process::exit(128 + signal);
                }
            }
        }
    });
}

/// After a stop: raw mode and the alternate screen again, and a redraw of the whole
/// screen (the event loop is woken by a resize event, which crossterm makes of SIGWINCH).
fn take_back_terminal() {
    use ratatui::crossterm::{cursor, execute, terminal};
    let _ = terminal::enable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        terminal::EnterAlternateScreen,
        cursor::Hide
    );
    take_pastes_whole();
    super::REDRAW_ALL.store(true, std::sync::atomic::Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}
