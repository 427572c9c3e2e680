//! The built-in routemaps as Rust data, so a run does not parse 90 KB of YAML before it
//! does anything (parsing the built-in took most of `report`'s and `radar`'s time).
//! `generated.rs` holds the data; it is written from the YAML files by
//! [`rust_source`], and two tests keep it honest: the data must equal what the YAML
//! parses to, and the file must be what the generator writes now
//! (`UPDATE_BUILTIN=1 cargo test --lib builtin` rewrites it after a YAML edit).

use crate::routemap::{Criterion, Principle, Routemap, Section, Stage, StageDetail, Theme, Weight};

/// A routemap as static data: [`Routemap`] with `&'static str` for `String`.
#[derive(Debug)]
pub struct Compiled {
    pub id: &'static str,
    pub title: &'static str,
    pub version: &'static str,
    pub description: Option<&'static str>,
    pub source: Option<&'static str>,
    pub first_stage: usize,
    pub percent_of_max: bool,
    /// (id, name, summary)
    pub stages: &'static [(&'static str, &'static str, Option<&'static str>)],
    /// (id, name)
    pub sections: &'static [(&'static str, &'static str)],
    /// (id, name, summary)
    pub principles: &'static [(&'static str, &'static str, Option<&'static str>)],
    pub themes: &'static [CompiledTheme],
}

/// A stage of a theme: (defined, guidance, criteria as (id, text)).
pub type CompiledDetail = (
    bool,
    Option<&'static str>,
    &'static [(&'static str, &'static str)],
);

#[derive(Debug)]
pub struct CompiledTheme {
    pub id: &'static str,
    pub name: &'static str,
    pub section: Option<usize>,
    pub principles: &'static [usize],
    pub question: Option<&'static str>,
    pub vision: Option<&'static str>,
    pub descriptors: &'static [&'static str],
    pub details: &'static [CompiledDetail],
    pub weight: f64,
    pub actions: &'static [(&'static str, &'static [&'static str])],
}

fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_string)
}

impl Compiled {
    /// The routemap this data is.
    pub fn to_routemap(&self) -> Routemap {
        Routemap {
            id: self.id.into(),
            title: self.title.into(),
            version: self.version.into(),
            description: owned(self.description),
            source: owned(self.source),
            first_stage: self.first_stage,
            percent_of_max: self.percent_of_max,
            stages: self
                .stages
                .iter()
                .map(|(id, name, summary)| Stage {
                    id: (*id).into(),
                    name: (*name).into(),
                    summary: owned(*summary),
                })
                .collect(),
            sections: self
                .sections
                .iter()
                .map(|(id, name)| Section {
                    id: (*id).into(),
                    name: (*name).into(),
                })
                .collect(),
            principles: self
                .principles
                .iter()
                .map(|(id, name, summary)| Principle {
                    id: (*id).into(),
                    name: (*name).into(),
                    summary: owned(*summary),
                })
                .collect(),
            themes: self.themes.iter().map(CompiledTheme::to_theme).collect(),
        }
    }
}

impl CompiledTheme {
    fn to_theme(&self) -> Theme {
        Theme {
            id: self.id.into(),
            name: self.name.into(),
            section: self.section,
            principles: self.principles.to_vec(),
            question: owned(self.question),
            vision: owned(self.vision),
            descriptors: self.descriptors.iter().map(|d| (*d).into()).collect(),
            details: self
                .details
                .iter()
                .map(|(defined, guidance, criteria)| StageDetail {
                    defined: *defined,
                    guidance: owned(*guidance),
                    criteria: criteria
                        .iter()
                        .map(|(id, text)| Criterion {
                            id: (*id).into(),
                            text: (*text).into(),
                        })
                        .collect(),
                })
                .collect(),
            // The generator writes only weights the loader admitted.
            weight: Weight::new(self.weight).unwrap_or_default(),
            actions: self
                .actions
                .iter()
                .map(|(role, actions)| {
                    (
                        (*role).into(),
                        actions.iter().map(|a| (*a).into()).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// `generated.rs` for these routemaps (each with the name of its constant).
#[cfg(test)]
pub fn rust_source(routemaps: &[(&str, Routemap)]) -> String {
    use std::fmt::Write;
    let option = |text: &Option<String>| match text {
        Some(text) => format!("Some({text:?})"),
        None => "None".into(),
    };
    let mut out = String::from(
        "// Written by `builtin::compiled::rust_source` from the files of `assessments/`:\n\
         // do not edit. After editing a YAML file: UPDATE_BUILTIN=1 cargo test --lib builtin\n\n\
         use super::compiled::{Compiled, CompiledTheme};\n",
    );
    for (name, routemap) in routemaps {
        let _ = writeln!(out, "\npub const {name}: Compiled = Compiled {{");
        let _ = writeln!(out, "    id: {:?},", routemap.id);
        let _ = writeln!(out, "    title: {:?},", routemap.title);
        let _ = writeln!(out, "    version: {:?},", routemap.version);
        let _ = writeln!(out, "    description: {},", option(&routemap.description));
        let _ = writeln!(out, "    source: {},", option(&routemap.source));
        let _ = writeln!(out, "    first_stage: {},", routemap.first_stage);
        let _ = writeln!(out, "    percent_of_max: {},", routemap.percent_of_max);
        let _ = writeln!(out, "    stages: &[");
        for stage in &routemap.stages {
            let summary = option(&stage.summary);
            let _ = writeln!(
                out,
                "        ({:?}, {:?}, {summary}),",
                stage.id, stage.name
            );
        }
        let _ = writeln!(out, "    ],\n    sections: &[");
        for section in &routemap.sections {
            let _ = writeln!(out, "        ({:?}, {:?}),", section.id, section.name);
        }
        let _ = writeln!(out, "    ],\n    principles: &[");
        for principle in &routemap.principles {
            let summary = option(&principle.summary);
            let _ = writeln!(
                out,
                "        ({:?}, {:?}, {summary}),",
                principle.id, principle.name
            );
        }
        let _ = writeln!(out, "    ],\n    themes: &[");
        for theme in &routemap.themes {
            theme_source(&mut out, theme, &option);
        }
        let _ = writeln!(out, "    ],\n}};");
    }
    out
}

#[cfg(test)]
fn theme_source(out: &mut String, theme: &Theme, option: &dyn Fn(&Option<String>) -> String) {
    use std::fmt::Write;
    let _ = writeln!(out, "        CompiledTheme {{");
    let _ = writeln!(out, "            id: {:?},", theme.id);
    let _ = writeln!(out, "            name: {:?},", theme.name);
    let _ = writeln!(out, "            section: {:?},", theme.section);
    let _ = writeln!(out, "            principles: &{:?},", theme.principles);
    let _ = writeln!(out, "            question: {},", option(&theme.question));
    let _ = writeln!(out, "            vision: {},", option(&theme.vision));
    let _ = writeln!(out, "            descriptors: &{:?},", theme.descriptors);
    let _ = writeln!(out, "            details: &[");
    for detail in &theme.details {
        let criteria: Vec<(&str, &str)> = detail
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.text.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "                ({}, {}, &{criteria:?}),",
            detail.defined,
            option(&detail.guidance)
        );
    }
    let _ = writeln!(out, "            ],");
    let _ = writeln!(out, "            weight: {:?},", theme.weight.value());
    let _ = writeln!(out, "            actions: &[");
    for (role, actions) in &theme.actions {
        let _ = writeln!(out, "                ({role:?}, &{actions:?}),");
    }
    let _ = writeln!(out, "            ],\n        }},");
}
