//! `routemap list`: the saved assessments of the data directory.

use super::Output;
use crate::error::Error;
use crate::routemap::Routemap;
use crate::sanitize;
use crate::store::Store;
use crate::table::Table;
use std::collections::HashMap;

pub fn run(store: &Store) -> Output {
    let listed = store.list();
    let mut output = Output::default();
    if listed.is_empty() {
        output.stdout = format!(
            "No saved assessments in '{}' yet; 'routemap new' starts one.\n",
            sanitize::path(store.root())
        );
        return output;
    }
    let mut routemaps: HashMap<String, Result<Routemap, &str>> = HashMap::new();
    let mut table = Table::new(["NAME", "AUTHORITY", "ROUTEMAP", "PROGRESS", "UPDATED"]);
    for item in listed {
        let name = item
            .path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let assessment = match item.assessment {
            Ok(assessment) => assessment,
            Err(error) => {
                output.stderr.push_str(&format!("warning: {error}\n"));
                table.row([name, "(cannot be read: see above)".into()]);
                continue;
            }
        };
        let routemap = routemaps
            .entry(assessment.routemap.id.clone())
            .or_insert_with(|| match store.resolve_routemap(&assessment.routemap.id) {
                Ok(routemap) => Ok(routemap),
                // Said once per routemap: why its assessments show no progress.
                Err(error @ Error::Invalid(_)) => {
                    output.stderr.push_str(&format!("warning: {error}\n"));
                    Err("routemap unusable: see above")
                }
                Err(_) => Err("routemap missing"),
            });
        let progress = match routemap {
            Ok(routemap) => {
                let (answered, total) = assessment.progress(routemap);
                format!("{answered}/{total}")
            }
            Err(why) => (*why).to_string(),
        };
        table.row([
            name,
            assessment.display_name(),
            assessment.routemap.id.clone(),
            progress,
            assessment
                .updated
                .map(|at| at.timestamp().replace('T', " ").replace('Z', " UTC"))
                .unwrap_or_default(),
        ]);
    }
    output.stdout = table.render();
    output
}
