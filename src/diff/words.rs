//! Word-level comparison of notes: how many words went and came, by the longest
//! common subsequence of the two texts' words.

/// Words removed from and added to a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordChange {
    pub added: usize,
    pub removed: usize,
}

/// Above this many words a side, the count is estimated from word sets instead (the
/// exact method costs the product of the two lengths).
const EXACT_LIMIT: usize = 4000;

pub fn word_change(before: &str, after: &str) -> WordChange {
    let old: Vec<&str> = before.split_whitespace().collect();
    let new: Vec<&str> = after.split_whitespace().collect();
    let common = if old.len() <= EXACT_LIMIT && new.len() <= EXACT_LIMIT {
        common_subsequence(&old, &new)
    } else {
        let mut remaining: std::collections::HashMap<&str, usize> =
            std::collections::HashMap::new();
        for word in &old {
            *remaining.entry(word).or_default() += 1;
        }
        new.iter()
            .filter(|word| match remaining.get_mut(*word) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    true
                }
                _ => false,
            })
            .count()
    };
    WordChange {
        added: new.len() - common,
        removed: old.len() - common,
    }
}

/// The length of the longest common subsequence, in one row of memory.
fn common_subsequence(a: &[&str], b: &[&str]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for word in a {
        let mut diagonal = 0;
        for (j, other) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if word == other {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_gone_and_come() {
        assert_eq!(word_change("a b c", "a b c"), WordChange::default());
        assert_eq!(
            word_change(
                "the CIO reports to the deputy",
                "the CIO now reports to the chief executive"
            ),
            WordChange {
                added: 3,
                removed: 1
            }
        );
        assert_eq!(
            word_change("", "two words"),
            WordChange {
                added: 2,
                removed: 0
            }
        );
        assert_eq!(
            word_change("gone", ""),
            WordChange {
                added: 0,
                removed: 1
            }
        );
    }

    #[test]
    fn reordering_counts_as_change() {
        assert_eq!(
            word_change("a b", "b a"),
            WordChange {
                added: 1,
                removed: 1
            }
        );
    }
}
