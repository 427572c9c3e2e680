//! `routemap radar NAME|PATH [--against NAME|PATH] [--target] [--ascii|--svg] [--width N]`.

use super::Output;
use crate::error::{Error, Result};
use crate::radar::{self, Drawing, Look, Radar};
use crate::store::{OpenedAssessment, Store};
use crate::term;
use crate::textout::buffer_to_text;

pub struct RadarArgs<'a> {
    pub assessment: &'a str,
    pub against: Option<&'a str>,
    pub target: bool,
    pub ascii: bool,
    pub svg: bool,
    pub width: Option<u16>,
}

pub fn run(store: &Store, args: &RadarArgs) -> Result<Output> {
    let opened = store.open_assessment(args.assessment)?;
    let mut radar = Radar::of(&opened.routemap, &opened.assessment, args.target);
    let mut header = vec![heading(&opened)];
    if let Some(other) = args.against {
        let other = store.open_assessment(other)?;
        if other.assessment.routemap.id != opened.assessment.routemap.id {
            return Err(Error::Incompatible(format!(
                "'{}' uses routemap '{}' but '{}' uses '{}'; compare assessments of the same routemap",
                opened.path.display(),
                opened.assessment.routemap.id,
                other.path.display(),
                other.assessment.routemap.id
            )));
        }
        header.push(format!("against {}", heading(&other)));
        let name = other.assessment.display_name();
        radar = radar.against(&opened.routemap, &other.assessment, &name);
    }
    if args.svg {
        let title = crate::sanitize::line(&header.join("; ")).into_owned();
        let svg = radar::svg::document(
            &radar,
            &radar::svg::Caption {
                title: &title,
                description: &radar::svg::describe(&radar),
            },
        );
        return Ok(with_notes(Output::stdout(svg), &opened));
    }
    let look = Look {
        drawing: if args.ascii {
            Drawing::Ascii
        } else {
            Drawing::Braille
        },
        color: term::color_for_stdout(),
    };
    let width = args.width.unwrap_or_else(term::output_width);
    let buffer = radar::render_standalone(&radar, width, look);
    let output = Output::stdout(format!(
        "{}\n\n{}",
        header.join("\n"),
        buffer_to_text(&buffer, look.color)
    ));
    Ok(with_notes(output, &opened))
}

/// What the routemap cannot match, said on stderr.
fn with_notes(mut output: Output, opened: &OpenedAssessment) -> Output {
    for mismatch in &opened.mismatches {
        output
            .stderr
            .push_str(&format!("note: {}: {mismatch}\n", opened.path.display()));
    }
    output
}

fn heading(opened: &OpenedAssessment) -> String {
    let (answered, total) = opened.assessment.progress(&opened.routemap);
    format!(
        "{} · {} {} · {answered}/{total} answered",
        opened.assessment.display_name(),
        opened.routemap.id,
        opened.routemap.version
    )
}
