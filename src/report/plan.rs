//! The action plan: for every theme below its target, the next stage to reach and what
//! each role should do, in priority order (bigger gap first, then lower confidence,
//! then routemap order); the themes it cannot plan for are listed by why, never guessed.

use super::{Place, ThemeRow};
use crate::assessment::Confidence;
use crate::routemap::{Criterion, Routemap};

/// One theme to move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Index into the report's themes (routemap order).
    pub theme: usize,
    pub current: usize,
    pub target: usize,
    /// The stage to reach next: the first the theme defines above current.
    pub next_stage: usize,
    /// What the theme looks like at the next stage.
    pub next_descriptor: String,
    /// The routemap's guidance on how to get there (given at the current stage).
    pub guidance: Option<String>,
    /// The next stage's checklist, each criterion with whether it is met already.
    pub next_criteria: Vec<(Criterion, bool)>,
    pub confidence: Option<Confidence>,
    /// (role, actions) for every role the theme names, in file order (only the asked
    /// role with `--role`).
    pub actions: Vec<(String, Vec<String>)>,
}

impl PlanItem {
    /// Stages to go.
    pub fn gap(&self) -> usize {
        self.target - self.current
    }
}

/// One role's actions across the plan, in priority order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleActions {
    pub role: String,
    /// (index into the plan's items, that item's actions for this role).
    pub entries: Vec<(usize, Vec<String>)>,
}

/// The plan, and the themes left out of it and why (indexes into the report's themes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionPlan {
    pub items: Vec<PlanItem>,
    /// Every role the routemap names (or only the asked one), in order of first mention.
    pub roles: Vec<RoleActions>,
    /// A current stage but no target: nothing to plan towards yet.
    pub no_target: Vec<usize>,
    /// No current stage chosen.
    pub unanswered: Vec<usize>,
    /// Carried over from a previous assessment and not yet confirmed.
    pub carried: Vec<usize>,
    pub not_applicable: Vec<usize>,
    /// At or above the target already.
    pub reached: Vec<usize>,
    /// A current or target stage the routemap's scale does not have.
    pub not_comparable: Vec<usize>,
}

/// Why a theme is, or is not, in the plan.
enum Standing {
    Plan { current: usize, target: usize },
    NoTarget,
    Unanswered,
    Carried,
    NotApplicable,
    Reached,
    NotComparable,
}

fn standing(theme: &ThemeRow) -> Standing {
    // An answer carried over is last year's: nothing is planned from it until confirmed.
    if theme.carried {
        return Standing::Carried;
    }
    match (&theme.current, &theme.target) {
        (Place::None, _) => Standing::Unanswered,
        (Place::NotApplicable, _) => Standing::NotApplicable,
        (Place::Unknown(_), _) | (_, Place::Unknown(_) | Place::NotApplicable) => {
            Standing::NotComparable
        }
        (Place::Stage(_), Place::None) => Standing::NoTarget,
        (Place::Stage(current), Place::Stage(target)) if target > current => Standing::Plan {
            current: *current,
            target: *target,
        },
        (Place::Stage(_), Place::Stage(_)) => Standing::Reached,
    }
}

/// The routemap's roles, in order of first mention.
pub fn roles_of(routemap: &Routemap) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for (role, _) in routemap.themes.iter().flat_map(|theme| &theme.actions) {
        if !roles.contains(role) {
            roles.push(role.clone());
        }
    }
    roles
}

/// How a role reads: short ids such as `ceo` in capitals (CEO), others with a capital
/// and spaces for hyphens (`head-of-ict` → "Head of ict").
pub fn role_label(role: &str) -> String {
    let short = role.chars().count() <= 4 && role.chars().all(|c| c.is_ascii_alphabetic());
    if short {
        return role.to_ascii_uppercase();
    }
    let spaced = role.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// Lower confidence ranks first; an answer with none stated ranks with low, as nobody
/// has vouched for it.
fn confidence_rank(confidence: Option<Confidence>) -> u8 {
    match confidence {
        None | Some(Confidence::Low) => 0,
        Some(Confidence::Medium) => 1,
        Some(Confidence::High) => 2,
    }
}

impl ActionPlan {
    /// The plan of `themes` (the report's rows, in routemap order); `role` keeps only
    /// that role's actions.
    pub fn of(routemap: &Routemap, themes: &[ThemeRow], role: Option<&str>) -> ActionPlan {
        let mut plan = ActionPlan::default();
        for (index, theme) in themes.iter().enumerate() {
            match standing(theme) {
                Standing::Plan { current, target } => {
                    plan.items
                        .push(item(routemap, index, theme, current, target, role));
                }
                Standing::NoTarget => plan.no_target.push(index),
                Standing::Unanswered => plan.unanswered.push(index),
                Standing::Carried => plan.carried.push(index),
                Standing::NotApplicable => plan.not_applicable.push(index),
                Standing::Reached => plan.reached.push(index),
                Standing::NotComparable => plan.not_comparable.push(index),
            }
        }
        plan.items.sort_by_key(|item| {
            (
                std::cmp::Reverse(item.gap()),
                confidence_rank(item.confidence),
                item.theme,
            )
        });
        let roles: Vec<String> = match role {
            Some(role) => vec![role.to_string()],
            None => roles_of(routemap),
        };
        plan.roles = roles
            .into_iter()
            .map(|role| RoleActions {
                entries: plan
                    .items
                    .iter()
                    .enumerate()
                    .filter_map(|(position, item)| {
                        let (_, actions) = item.actions.iter().find(|(r, _)| *r == role)?;
                        Some((position, actions.clone()))
                    })
                    .collect(),
                role,
            })
            .collect();
        plan
    }

    /// True when no theme is below its target: nothing to do.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

fn item(
    routemap: &Routemap,
    index: usize,
    theme: &ThemeRow,
    current: usize,
    target: usize,
    role: Option<&str>,
) -> PlanItem {
    let definition = routemap.themes.get(index);
    // The next stage the theme defines: one it leaves undefined is skipped.
    let next_stage = (current + 1..target)
        .find(|&stage| definition.is_none_or(|t| t.is_defined(stage)))
        .unwrap_or(target);
    PlanItem {
        theme: index,
        current,
        target,
        next_stage,
        next_descriptor: definition
            .and_then(|t| t.descriptors.get(next_stage))
            .cloned()
            .unwrap_or_default(),
        guidance: definition
            .and_then(|t| t.details.get(current))
            .and_then(|detail| detail.guidance.clone()),
        next_criteria: theme
            .checklists
            .iter()
            .find(|list| list.stage == next_stage)
            .map(|list| list.criteria.clone())
            .unwrap_or_default(),
        confidence: theme.confidence,
        actions: definition
            .map(|t| {
                t.actions
                    .iter()
                    .filter(|(r, _)| role.is_none_or(|wanted| wanted == r))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    }
}
