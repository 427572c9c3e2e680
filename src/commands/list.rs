//! `routemap list [--format text|json] [--sort updated|authority|progress]`: the saved
//! assessments of the data directory.
//!
//! Every file is listed, the unreadable ones too (each with why, on stderr); the exit
//! status is 1 when any could not be read, so a script notices.

use super::Output;
use crate::cli::{ListFormat, ListSort};
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use crate::sanitize;
use crate::store::{Listed, Store};
use crate::table::Table;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// The JSON schema's name, `routemap-list/1`: fields are only ever added in a new version.
const SCHEMA: &str = "routemap-list/1";

/// One saved assessment that loads.
#[derive(Debug, Serialize)]
struct Entry {
    name: String,
    path: String,
    authority: String,
    title: Option<String>,
    routemap: RoutemapRef,
    /// Themes with a current stage (n/a included), when the routemap is found.
    answered: Option<usize>,
    themes: Option<usize>,
    created: Option<String>,
    updated: Option<String>,
    #[serde(skip)]
    routemap_problem: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct RoutemapRef {
    id: String,
    version: String,
    found: bool,
}

/// A file of the data directory that could not be read.
#[derive(Debug, Serialize)]
struct Unreadable {
    name: String,
    path: String,
    error: String,
}

#[derive(Debug, Serialize)]
struct Listing {
    schema: &'static str,
    data_dir: String,
    assessments: Vec<Entry>,
    unreadable: Vec<Unreadable>,
}

pub fn run(
    store: &Store,
    format: ListFormat,
    sort: ListSort,
    width: Option<u16>,
) -> Result<Output> {
    let mut output = Output::default();
    let mut listing = gather(store, &mut output.stderr);
    sort_entries(&mut listing.assessments, sort);
    output.stdout = match format {
        ListFormat::Json => crate::jsonout::pretty(&listing)
            .map_err(|error| Error::Usage(format!("cannot write JSON: {error}")))?,
        ListFormat::Text if listing.assessments.is_empty() && listing.unreadable.is_empty() => {
            String::new()
        }
        ListFormat::Text => table(&listing, crate::term::listing_width_for(width)),
    };
    if listing.assessments.is_empty()
        && listing.unreadable.is_empty()
        && crate::term::stderr_is_terminal()
    {
        output.stderr.push_str(&format!(
            "No saved assessments in '{}' yet; 'routemap new' starts one.\n",
            sanitize::path(store.root())
        ));
    }
    if !listing.unreadable.is_empty() {
        output.code = 1;
    }
    Ok(output)
}

/// Every file, read; warnings (a file or a routemap that cannot be read) to `warnings`.
fn gather(store: &Store, warnings: &mut String) -> Listing {
    let mut routemaps: HashMap<String, Result<Routemap, &'static str>> = HashMap::new();
    let mut listing = Listing {
        schema: SCHEMA,
        data_dir: store.root().display().to_string(),
        assessments: Vec::new(),
        unreadable: Vec::new(),
    };
    for Listed { path, assessment } in store.list() {
        let assessment = match assessment {
            Ok(assessment) => assessment,
            Err(error) => {
                warnings.push_str(&format!("warning: {error}\n"));
                listing.unreadable.push(Unreadable {
                    name: stem(&path),
                    path: path.display().to_string(),
                    error: error.to_string(),
                });
                continue;
            }
        };
        let routemap = routemaps
            .entry(assessment.routemap.id.clone())
            .or_insert_with(|| match store.resolve_routemap(&assessment.routemap.id) {
                Ok(routemap) => Ok(routemap),
                // Said once per routemap: why its assessments show no progress.
                Err(error @ Error::Invalid(_)) => {
                    warnings.push_str(&format!("warning: {error}\n"));
                    Err("routemap unusable: see above")
                }
                Err(_) => Err("routemap missing"),
            });
        let (answered, themes, problem) = match routemap {
            Ok(routemap) => {
                let (answered, total) = assessment.progress(routemap);
                (Some(answered), Some(total), None)
            }
            Err(why) => (None, None, Some(*why)),
        };
        listing.assessments.push(Entry {
            name: stem(&path),
            path: path.display().to_string(),
            authority: assessment.authority,
            title: assessment.title,
            routemap: RoutemapRef {
                id: assessment.routemap.id,
                version: assessment.routemap.version,
                found: problem.is_none(),
            },
            answered,
            themes,
            created: assessment.created,
            updated: assessment.updated.map(|at| at.timestamp()),
            routemap_problem: problem,
        });
    }
    listing
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Sorts in place; ties keep file name order (the order listed), so output is stable.
fn sort_entries(entries: &mut [Entry], sort: ListSort) {
    match sort {
        // Newest first; never-updated files last. Timestamps are UTC `…Z`, so their text
        // order is their time order.
        ListSort::Updated => entries.sort_by(|a, b| b.updated.cmp(&a.updated)),
        ListSort::Authority => entries.sort_by(|a, b| {
            let key = |e: &Entry| (e.authority.to_lowercase(), e.title.clone());
            key(a).cmp(&key(b))
        }),
        // Most answered first, as a share of the routemap's themes.
        ListSort::Progress => entries.sort_by(|a, b| {
            let share = |e: &Entry| match (e.answered, e.themes) {
                (Some(answered), Some(themes)) if themes > 0 => answered * 1_000_000 / themes,
                _ => 0,
            };
            share(b).cmp(&share(a))
        }),
    }
}

/// The text table, fitted to `width` by cutting the authority, title and routemap with
/// `…` (then the name); the cells pass the sanitiser in [`Table`].
fn table(listing: &Listing, width: usize) -> String {
    let mut table = Table::new([
        "NAME",
        "AUTHORITY",
        "TITLE",
        "ROUTEMAP",
        "PROGRESS",
        "UPDATED",
    ]);
    for entry in &listing.assessments {
        let progress = match (entry.answered, entry.themes, entry.routemap_problem) {
            (Some(answered), Some(themes), _) => format!("{answered}/{themes}"),
            (_, _, why) => why.unwrap_or_default().to_string(),
        };
        table.row([
            entry.name.clone(),
            entry.authority.clone(),
            entry.title.clone().unwrap_or_default(),
            entry.routemap.id.clone(),
            progress,
            entry
                .updated
                .as_deref()
                .map(crate::report::readable_timestamp)
                .unwrap_or_default(),
        ]);
    }
    for unreadable in &listing.unreadable {
        table.row([
            unreadable.name.clone(),
            "(cannot be read: see above)".into(),
        ]);
    }
    // The name is what a user types next, so it is cut last.
    table.render_within(width, &[&[1, 2, 3], &[0]])
}
