//! The workshop's clocks: each theme's count-up clock, a countdown set on a theme with
//! `T` and a length (announced once when it runs out), and the session's total time.
//! Time only moves while a clock runs: with none running there is nothing to wake for,
//! so the program waits for a key and does no work.

use super::room::{CountdownSet, Room};
use std::time::{Duration, Instant};

/// A countdown's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// Time left.
    Left(Duration),
    /// Run out, this long ago (the clock goes on counting).
    Over(Duration),
}

/// The longest countdown `T` takes: most of a working day.
pub const LONGEST_COUNTDOWN_MINUTES: u64 = 600;

impl Room {
    /// Time on a theme's clock, including the running stretch when it is the focused one.
    pub fn elapsed(&self, theme_id: &str, focused: bool) -> Duration {
        let banked = self.timers.get(theme_id).copied().unwrap_or_default();
        match self.running_since {
            Some(since) if focused => banked + self.now.saturating_duration_since(since),
            _ => banked,
        }
    }

    /// Starts the focused theme's clock (if it is not running).
    pub fn start_timer(&mut self) {
        self.running_since.get_or_insert(self.now);
    }

    /// Stops the running clock, banking its time against `theme_id`.
    pub fn stop_timer(&mut self, theme_id: &str) {
        if let Some(since) = self.running_since.take() {
            *self.timers.entry(theme_id.to_string()).or_default() +=
                self.now.saturating_duration_since(since);
        }
    }

    /// Sets a countdown of `length` on the focused theme from now, and starts its clock.
    pub fn set_countdown(&mut self, theme_id: &str, length: Duration) {
        let from = self.elapsed(theme_id, true);
        self.countdowns
            .insert(theme_id.to_string(), CountdownSet { length, from });
        self.announced.remove(theme_id);
        self.start_timer();
    }

    /// The theme's countdown, if one is set.
    pub fn countdown(&self, theme_id: &str, focused: bool) -> Option<(Duration, Countdown)> {
        let set = self.countdowns.get(theme_id)?;
        let spent = self.elapsed(theme_id, focused).saturating_sub(set.from);
        let state = match set.length.checked_sub(spent) {
            Some(left) if !left.is_zero() => Countdown::Left(left),
            _ => Countdown::Over(spent - set.length),
        };
        Some((set.length, state))
    }

    /// The time is now `now`. Returns the length of the focused theme's countdown when it
    /// has just run out (once per countdown), for the alert.
    pub fn tick(&mut self, now: Instant, focused: Option<&str>) -> Option<Duration> {
        self.now = now;
        let theme = focused?;
        match self.countdown(theme, true)? {
            (length, Countdown::Over(_)) if self.announced.insert(theme.to_string()) => {
                Some(length)
            }
            _ => None,
        }
    }

    /// How long the program may wait for a key before the screen must change: `None`
    /// while no clock runs (wait for ever), else until the focused theme's clock shows
    /// the next second, or its countdown runs out, whichever is sooner.
    pub fn next_wake(&self, focused: Option<&str>) -> Option<Duration> {
        let since = self.running_since?;
        let running = self.now.saturating_duration_since(since);
        let to_next_second =
            Duration::from_secs(1) - Duration::from_nanos(running.subsec_nanos().into());
        let to_run_out = focused
            .and_then(|theme| self.countdown(theme, true))
            .and_then(|(_, state)| match state {
                Countdown::Left(left) => Some(left),
                Countdown::Over(_) => None,
            });
        Some(to_run_out.map_or(to_next_second, |left| left.min(to_next_second)))
    }

    /// How long the session has lasted, as of the last event or tick.
    pub fn session_time(&self) -> Duration {
        self.now.saturating_duration_since(self.started)
    }

    /// Time on all the themes' clocks together, `focused` running stretch included.
    pub fn timed_total(&self, focused: Option<&str>) -> Duration {
        let banked: Duration = self.timers.values().sum();
        let running = self
            .running_since
            .filter(|_| focused.is_some())
            .map(|since| self.now.saturating_duration_since(since))
            .unwrap_or_default();
        banked + running
    }
}

/// The minutes typed after `T`, digit by digit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MinutesEntry {
    pub digits: String,
}

impl MinutesEntry {
    /// Adds a digit; false for anything else, or a number past the longest countdown.
    pub fn push(&mut self, c: char) -> bool {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut longer = self.digits.clone();
        longer.push(c);
        match longer.parse::<u64>() {
            Ok(minutes) if minutes <= LONGEST_COUNTDOWN_MINUTES => {
                self.digits = longer.trim_start_matches('0').to_string();
                true
            }
            _ => false,
        }
    }

    pub fn backspace(&mut self) {
        self.digits.pop();
    }

    /// The countdown's length; `None` when nothing (or only zeros) was typed.
    pub fn length(&self) -> Option<Duration> {
        let minutes: u64 = self.digits.parse().ok()?;
        (minutes > 0).then(|| Duration::from_secs(minutes * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn nothing_wakes_the_program_while_no_clock_runs() {
        let start = Instant::now();
        let mut room = Room::new(start);
        assert_eq!(room.next_wake(Some("leadership")), None);
        room.set_countdown("leadership", 60 * SECOND);
        assert!(room.next_wake(Some("leadership")).is_some());
        room.tick(start + 10 * SECOND, Some("leadership"));
        room.stop_timer("leadership");
        assert_eq!(
            room.next_wake(Some("leadership")),
            None,
            "a stopped countdown waits"
        );
        room.tick(start + 500 * SECOND, Some("leadership"));
        assert_eq!(
            room.countdown("leadership", true),
            Some((60 * SECOND, Countdown::Left(50 * SECOND))),
            "time away from the clock does not count"
        );
    }

    #[test]
    fn a_countdown_runs_out_once_and_then_counts_over() {
        let start = Instant::now();
        let mut room = Room::new(start);
        room.start_timer();
        room.tick(start + 30 * SECOND, Some("leadership"));
        room.set_countdown("leadership", 120 * SECOND);
        assert_eq!(
            room.next_wake(Some("leadership")),
            Some(SECOND),
            "the clock shows whole seconds"
        );
        let at = start + Duration::from_millis(149_600);
        assert_eq!(room.tick(at, Some("leadership")), None);
        assert_eq!(
            room.next_wake(Some("leadership")),
            Some(Duration::from_millis(400)),
            "wakes when it runs out, not later"
        );
        assert_eq!(
            room.tick(start + 150 * SECOND, Some("leadership")),
            Some(120 * SECOND),
            "the alert"
        );
        assert_eq!(
            room.tick(start + 155 * SECOND, Some("leadership")),
            None,
            "said once"
        );
        assert_eq!(
            room.countdown("leadership", true),
            Some((120 * SECOND, Countdown::Over(5 * SECOND)))
        );
        room.set_countdown("leadership", 60 * SECOND);
        assert_eq!(
            room.countdown("leadership", true),
            Some((60 * SECOND, Countdown::Left(60 * SECOND))),
            "a new length counts from now"
        );
        assert_eq!(room.countdown("governance", true), None);
    }

    #[test]
    fn session_time_and_the_total_on_the_clocks() {
        let start = Instant::now();
        let mut room = Room::new(start);
        room.start_timer();
        room.tick(start + 40 * SECOND, Some("leadership"));
        room.stop_timer("leadership");
        room.tick(start + 100 * SECOND, Some("governance"));
        room.start_timer();
        room.tick(start + 120 * SECOND, Some("governance"));
        assert_eq!(room.session_time(), 120 * SECOND);
        assert_eq!(room.timed_total(Some("governance")), 60 * SECOND);
        assert_eq!(room.elapsed("leadership", false), 40 * SECOND);
        assert_eq!(room.elapsed("governance", true), 20 * SECOND);
    }

    #[test]
    fn minutes_are_typed_digit_by_digit() {
        let mut entry = MinutesEntry::default();
        assert_eq!(entry.length(), None);
        assert!(entry.push('0') && entry.push('5'));
        assert!(!entry.push('x'));
        assert_eq!(entry.length(), Some(300 * SECOND));
        assert!(
            entry.push('0') && entry.push('0') && !entry.push('0'),
            "600 minutes at most"
        );
        assert_eq!(entry.digits, "500");
        entry.backspace();
        entry.backspace();
        entry.backspace();
        assert_eq!(entry.length(), None);
    }
}
