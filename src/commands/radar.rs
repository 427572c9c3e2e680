//! `routemap radar NAME|PATH [--against NAME|PATH] [--target] [--ascii|--svg] [--width N]`;
//! either assessment may be `-`, standard input.

use super::Output;
use crate::error::{Error, Result};
use crate::radar::{self, Drawing, Look, Radar};
use crate::sanitize;
use crate::store::{OpenedAssessment, Store};
use crate::term;
use crate::textout::buffer_to_text_in;

pub struct RadarArgs<'a> {
    pub assessment: &'a str,
    pub against: Option<&'a str>,
    pub target: bool,
    pub ascii: bool,
    pub svg: bool,
    pub width: Option<u16>,
}

pub fn run(store: &Store, args: &RadarArgs) -> Result<Output> {
    crate::store::stdin_at_most_once([Some(args.assessment), args.against].into_iter().flatten())?;
    let opened = store.open_assessment_or_stdin(args.assessment)?;
    let mut radar = Radar::of(&opened.routemap, &opened.assessment, args.target);
    let mut header = vec![heading(&opened, args.ascii)];
    if let Some(other) = args.against {
        let other = store.open_assessment_or_stdin(other)?;
        if other.assessment.routemap.id != opened.assessment.routemap.id {
            return Err(Error::different_routemaps(
                (&opened.path, &opened.assessment.routemap.id),
                (&other.path, &other.assessment.routemap.id),
            ));
        }
        header.push(format!("against {}", heading(&other, args.ascii)));
        let name = name_of(&other.assessment, args.ascii);
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
    let colors = term::stdout_colors();
    let look = Look {
        drawing: if args.ascii {
            Drawing::Ascii
        } else {
            Drawing::Braille
        },
        color: colors.on(),
    };
    let width = term::output_width_for(args.width);
    let buffer = radar::render_standalone(&radar, width, look);
    // The header keeps to the width too: a long name is cut with an ellipsis.
    let ellipsis = if args.ascii { "..." } else { "…" };
    let header: Vec<String> = header
        .iter()
        .map(|line| crate::text::ellipsize(line, usize::from(width), ellipsis))
        .collect();
    let output = Output::stdout(format!(
        "{}\n\n{}",
        header.join("\n"),
        buffer_to_text_in(&buffer, colors)
    ));
    Ok(with_notes(output, &opened))
}

/// What the routemap cannot match, said on stderr.
fn with_notes(mut output: Output, opened: &OpenedAssessment) -> Output {
    for mismatch in &opened.mismatches {
        output.stderr.push_str(&format!(
            "note: {}: {mismatch}\n",
            sanitize::path(&opened.path)
        ));
    }
    output
}

/// The name as `display_name` gives it, with our own separator in 7 bits for --ascii.
fn name_of(assessment: &crate::assessment::Assessment, ascii: bool) -> String {
    match (&assessment.title, ascii) {
        (Some(title), true) => format!("{} - {title}", assessment.authority),
        _ => assessment.display_name(),
    }
}

fn heading(opened: &OpenedAssessment, ascii: bool) -> String {
    let (answered, total) = opened.assessment.progress(&opened.routemap);
    let dot = if ascii { "-" } else { "·" };
    format!(
        "{} {dot} {} {} {dot} {answered}/{total} answered",
        sanitize::line(&name_of(&opened.assessment, ascii)),
        sanitize::line(&opened.routemap.id),
        sanitize::line(&opened.routemap.version)
    )
}
