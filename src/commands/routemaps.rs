//! `routemap routemaps [--format text|json]`: the routemaps available, built in and in
//! the data directory.

use super::Output;
use crate::cli::ListFormat;
use crate::error::{Error, Result};
use crate::sanitize;
use crate::store::{Origin, Store};
use crate::table::Table;
use serde::Serialize;

/// The JSON schema's name: fields are only ever added in a new version.
const SCHEMA: &str = "routemap-routemaps/1";

#[derive(Debug, Serialize)]
struct Entry {
    id: String,
    title: String,
    version: String,
    source: Option<String>,
    themes: usize,
    stages: usize,
    /// `built-in` or `data-dir`.
    origin: &'static str,
    /// The file, for one in the data directory.
    path: Option<String>,
}

#[derive(Debug, Serialize)]
struct Unusable {
    path: String,
    error: String,
}

#[derive(Debug, Serialize)]
struct Listing {
    schema: &'static str,
    routemaps_dir: String,
    routemaps: Vec<Entry>,
    unusable: Vec<Unusable>,
}

pub fn run(store: &Store, format: ListFormat) -> Result<Output> {
    let mut output = Output::default();
    let mut listing = Listing {
        schema: SCHEMA,
        routemaps_dir: store.routemaps_dir().display().to_string(),
        routemaps: Vec::new(),
        unusable: Vec::new(),
    };
    for available in store.available_routemaps() {
        let (origin, path) = match &available.origin {
            Origin::Builtin => ("built-in", None),
            Origin::File(path) => ("data-dir", Some(path.display().to_string())),
        };
        match available.routemap {
            Ok(routemap) => listing.routemaps.push(Entry {
                themes: routemap.themes.len(),
                stages: routemap.stages.len(),
                id: routemap.id,
                title: routemap.title,
                version: routemap.version,
                source: routemap.source,
                origin,
                path,
            }),
            Err(error) => {
                // As `list` does: the rest are listed, and the status says one failed.
                output.code = 1;
                output.stderr.push_str(&format!("warning: {error}\n"));
                listing.unusable.push(Unusable {
                    path: path.unwrap_or_default(),
                    error: error.to_string(),
                });
            }
        }
    }
    output.stdout = match format {
        ListFormat::Json => crate::jsonout::pretty(&listing)
            .map_err(|error| Error::Usage(format!("cannot write JSON: {error}")))?,
        ListFormat::Text => {
            let width = usize::from(crate::term::output_width());
            table(&listing) + &sources(&listing, width)
        }
    };
    if crate::term::stderr_is_terminal() {
        output.stderr.push_str(&format!(
            "Custom routemaps go in '{}'; 'routemap check FILE' validates one.\n",
            sanitize::path(&store.routemaps_dir())
        ));
    }
    Ok(output)
}

/// The text table; the cells pass the sanitiser in [`Table`].
fn table(listing: &Listing) -> String {
    let mut table = Table::new(["ID", "VERSION", "THEMES", "FROM", "TITLE"]);
    for entry in &listing.routemaps {
        table.row([
            entry.id.clone(),
            entry.version.clone(),
            entry.themes.to_string(),
            entry.path.clone().unwrap_or_else(|| "built in".into()),
            entry.title.clone(),
        ]);
    }
    table.render()
}

/// Under the table, each routemap's source (whose words it is), wrapped to the width:
/// too long for a column, and too important to cut.
fn sources(listing: &Listing, width: usize) -> String {
    let with_source: Vec<(&str, &str)> = listing
        .routemaps
        .iter()
        .filter_map(|entry| Some((entry.id.as_str(), entry.source.as_deref()?)))
        .collect();
    if with_source.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nSources\n");
    for (id, source) in with_source {
        let text = sanitize::line(&format!("{id}: {source}")).into_owned();
        let lines = crate::text::wrap_words(&text, width.saturating_sub(4).max(20));
        for (index, line) in lines.iter().enumerate() {
            let indent = if index == 0 { "  " } else { "    " };
            out.push_str(&format!("{indent}{line}\n"));
        }
    }
    out
}
