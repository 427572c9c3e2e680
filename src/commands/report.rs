//! `routemap report NAME|PATH [--format markdown|html|csv|json] [--against PREVIOUS]
//! [--role ROLE] [-o FILE [--force]]`.

use super::{Output, output_file};
use crate::assessment::{self, Assessment, Mismatch};
use crate::cli::ReportFormat;
use crate::diff;
use crate::error::{Error, Result};
use crate::report::{self, Report, role_label, roles_of};
use crate::routemap::Routemap;
use crate::sanitize;
use crate::store::Store;
use crate::text::quoted_names;
use std::path::{Path, PathBuf};

pub struct ReportArgs<'a> {
    pub assessment: &'a str,
    pub format: ReportFormat,
    pub against: Option<&'a str>,
    pub role: Option<&'a str>,
    pub output: Option<&'a Path>,
    pub force: bool,
}

/// An assessment with its routemap, or with a stand-in when the routemap is missing.
pub struct Subject {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub routemap: Routemap,
    pub mismatches: Vec<Mismatch>,
    pub stand_in: bool,
}

/// Opens a saved assessment for a report: a missing routemap gives a stand-in (the
/// report says so at the top), every other problem is an error.
pub fn open(store: &Store, spec: &str) -> Result<Subject> {
    let (path, assessment) = store.load_assessment_or_stdin(spec)?;
    match store.opened(path.clone(), assessment.clone()) {
        Ok(opened) => Ok(Subject {
            path: opened.path,
            assessment: opened.assessment,
            routemap: opened.routemap,
            mismatches: opened.mismatches,
            stand_in: false,
        }),
        Err(Error::RoutemapNotFound { .. }) => {
            let routemap = assessment::stand_in_routemap(&assessment);
            Ok(Subject {
                path,
                assessment,
                routemap,
                mismatches: Vec::new(),
                stand_in: true,
            })
        }
        Err(error) => Err(error),
    }
}

/// The role key a `--role` names (matched without regard to case, by key or label).
fn resolve_role(routemap: &Routemap, asked: &str) -> Result<String> {
    let roles = roles_of(routemap);
    let wanted = asked.trim().to_lowercase();
    roles
        .iter()
        .find(|role| role.to_lowercase() == wanted || role_label(role).to_lowercase() == wanted)
        .cloned()
        .ok_or_else(|| {
            let known = if roles.is_empty() {
                "this routemap names no roles".to_string()
            } else {
                format!(
                    "the roles of routemap '{}' are {}",
                    routemap.id,
                    quoted_names(&roles)
                )
            };
            Error::NotFound(format!(
                "no role '{}' in the report's routemap; {known}",
                sanitize::line(asked)
            ))
        })
}

/// Computes the report value (shared with the TUI's report key).
pub fn compute(
    store: &Store,
    subject: &Subject,
    against: Option<&str>,
    role: Option<&str>,
) -> Result<Report> {
    let role = match role {
        Some(asked) => Some(resolve_role(&subject.routemap, asked)?),
        None => None,
    };
    let previous = match against {
        // `-` reads it from standard input, as `radar --against -` does.
        Some(spec) => Some(store.open_assessment_or_stdin(spec)?),
        None => None,
    };
    let movement = match &previous {
        Some(previous) => Some(diff::compare(
            &subject.routemap,
            (&previous.path, &previous.assessment),
            (&subject.path, &subject.assessment),
        )?),
        None => None,
    };
    Ok(report::build(report::Input {
        path: &subject.path,
        assessment: &subject.assessment,
        routemap: &subject.routemap,
        stand_in: subject.stand_in,
        mismatches: &subject.mismatches,
        movement,
        previous: previous.as_ref().map(|previous| &previous.assessment),
        role: role.as_deref(),
    }))
}

/// The report in a format.
pub fn render(report: &Report, format: ReportFormat) -> String {
    match format {
        ReportFormat::Markdown => report::to_markdown(report),
        ReportFormat::Html => report::to_html(report),
        ReportFormat::Csv => report::to_csv(report),
        ReportFormat::Json => report::to_json(report),
    }
}

pub fn run(store: &Store, args: &ReportArgs) -> Result<Output> {
    crate::store::stdin_at_most_once([Some(args.assessment), args.against].into_iter().flatten())?;
    if let Some(path) = args.output {
        // Before any work: a folder, or a folder that is not there, is refused at once.
        output_file::check_target(path)?;
    }
    let subject = open(store, args.assessment)?;
    let report = compute(store, &subject, args.against, args.role)?;
    let text = render(&report, args.format);
    let mut output = Output::default();
    for warning in [backwards(&report), another_authority(&report)]
        .into_iter()
        .flatten()
    {
        output.stderr.push_str(&warning);
    }
    if subject.stand_in {
        output.stderr.push_str(&format!(
            "note: routemap '{}' was not found; the report shows the answers as saved, without stage names, descriptors or actions\n",
            sanitize::line(&subject.assessment.routemap.id)
        ));
    }
    match args.output {
        Some(path) if path != Path::new("-") => {
            output_file::write(path, text.as_bytes(), args.force)?;
            output.stderr.push_str(&format!(
                "Wrote the {} report to '{}'.\n",
                format_name(args.format),
                sanitize::path(path)
            ));
        }
        _ => output.stdout = text,
    }
    Ok(output)
}

/// A warning when `--against` names a later assessment than the one reported: the
/// movement would run backwards.
fn backwards(report: &Report) -> Option<String> {
    let diff = report.movement.as_ref()?;
    let (then, now) = (
        diff.before.updated.as_deref()?,
        diff.after.updated.as_deref()?,
    );
    (then > now).then(|| {
        format!(
            "warning: the assessment compared with (updated {}) is later than the one reported (updated {}); the movement shown runs backwards: give the earlier one to --against\n",
            report::readable_timestamp(then),
            report::readable_timestamp(now)
        )
    })
}

/// A word when `--against` names another authority's assessment: the "Since …"
/// section then compares two bodies, not one body over time.
fn another_authority(report: &Report) -> Option<String> {
    let diff = report.movement.as_ref()?;
    let key = |name: &str| crate::summary::scan::authority_key(name);
    (key(&diff.before.authority) != key(&diff.after.authority)).then(|| {
        format!(
            "warning: the assessment compared with is of '{}', not '{}'; the movement shown is between two authorities (give an earlier assessment of '{}' to --against to see its own)\n",
            sanitize::line(&diff.before.authority),
            sanitize::line(&diff.after.authority),
            sanitize::line(&diff.after.authority)
        )
    })
}

fn format_name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Markdown => "markdown",
        ReportFormat::Html => "HTML",
        ReportFormat::Csv => "CSV",
        ReportFormat::Json => "JSON",
    }
}
