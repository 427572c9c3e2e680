//! `routemap routemaps`: the routemaps available, built in and in the data directory.

use super::Output;
use crate::sanitize;
use crate::store::{Origin, Store};
use crate::table::Table;

pub fn run(store: &Store) -> Output {
    let mut table = Table::new(["ID", "VERSION", "THEMES", "FROM", "TITLE"]);
    let mut output = Output::default();
    for available in store.available_routemaps() {
        let from = match &available.origin {
            Origin::Builtin => "built in".to_string(),
            Origin::File(path) => sanitize::path(path),
        };
        match available.routemap {
            Ok(routemap) => table.row([
                routemap.id,
                routemap.version,
                routemap.themes.len().to_string(),
                from,
                routemap.title,
            ]),
            Err(error) => output.stderr.push_str(&format!("warning: {error}\n")),
        }
    }
    output.stdout = table.render();
    output.stdout.push_str(&format!(
        "\nCustom routemaps go in '{}'; 'routemap check FILE' validates one.\n",
        sanitize::path(&store.routemaps_dir())
    ));
    output
}
