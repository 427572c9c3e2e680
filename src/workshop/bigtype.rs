//! Names in large type for the projector, from the font8x8 bitmaps that tui-big-text
//! draws with, for every name: letters with a diacritic the font lacks (ŵ ŷ, ẁ ẃ ẅ ỳ,
//! ā, ċ, č …, or a letter followed by a combining accent) are composed from the base
//! letter and the accent, a blank row between them (as are the font's own â, ê, î …,
//! whose accents touch the letter); dashes, quotes and the ellipsis become their ASCII
//! shapes; what has no glyph at all (emoji, other scripts) is left out of the large line and
//! handed back to be shown beneath in normal type. The line itself is never lost.
//!
//! The result is rows of block characters, drawn exactly as tui-big-text draws a glyph
//! (`█`, `▀ ▄`, or the quadrant blocks), so a screen draws them as plain lines.

use font8x8::UnicodeFonts;

/// One character cell of the font: 8 rows of 8 pixels, bit 0 the leftmost.
pub type Glyph = [u8; 8];

/// How large: screen cells per glyph, across and down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 8×8 cells, one per pixel.
    Full,
    /// 8×4 cells: two pixels high in each (`▀ ▄ █`).
    HalfHeight,
    /// 4×4 cells: two by two pixels in each (quadrant blocks).
    Quadrant,
}

impl Size {
    /// Largest first.
    pub const ALL: [Size; 3] = [Size::Full, Size::HalfHeight, Size::Quadrant];

    /// Screen cells a glyph takes: (across, down).
    pub fn cells(self) -> (u16, u16) {
        match self {
            Size::Full => (8, 8),
            Size::HalfHeight => (8, 4),
            Size::Quadrant => (4, 4),
        }
    }
}

/// A name set in large type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigType {
    pub size: Size,
    /// The rows to draw, top to bottom: each line of the name takes `size.cells().1`.
    pub rows: Vec<String>,
    /// The lines the name was wrapped to, as text (left-out characters removed).
    pub lines: Vec<String>,
    /// What the font could not draw, in order, to show beneath in normal type.
    pub left_out: Option<String>,
}

/// The largest size at which `text` fits `width` cells across in at most `max_rows`
/// rows, wrapped at spaces; `None` when it does not fit, or has nothing to draw.
pub fn layout(text: &str, width: u16, max_rows: u16) -> Option<BigType> {
    let set = lettering(text);
    Size::ALL.into_iter().find_map(|size| {
        set_at(&set, width, size).filter(|big| big.rows.len() <= usize::from(max_rows))
    })
}

/// `text` at `size`, wrapped at spaces to `width` cells, however many rows it takes (for
/// a long text that scrolls); `None` when a word is wider than a line, or there is
/// nothing to draw.
pub fn layout_at(text: &str, width: u16, size: Size) -> Option<BigType> {
    set_at(&lettering(text), width, size)
}

fn set_at(set: &Lettering, width: u16, size: Size) -> Option<BigType> {
    if set.cells.iter().all(|(c, _)| *c == ' ') {
        return None;
    }
    let (across, _) = size.cells();
    let lines = wrap(&set.cells, usize::from(width / across))?;
    Some(BigType {
        size,
        rows: lines.iter().flat_map(|line| render(line, size)).collect(),
        lines: lines
            .iter()
            .map(|line| line.iter().map(|(c, _)| *c).collect())
            .collect(),
        left_out: set.left_out.clone(),
    })
}

/// A text as glyph cells, with what the font could not draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lettering {
    /// (the character it stands for, its glyph), one per cell.
    pub cells: Vec<(char, Glyph)>,
    pub left_out: Option<String>,
}

/// Sets `text` in the font: see the module's notes for what becomes of each character.
pub fn lettering(text: &str) -> Lettering {
    let mut cells: Vec<(char, Glyph)> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    let mut dropped_last = false;
    for c in text.chars() {
        if c.is_whitespace() {
            cells.push((' ', [0; 8]));
            dropped_last = false;
            continue;
        }
        if let Some(accent) = combining(c)
            && let Some((_, glyph)) = cells.last_mut().filter(|_| !dropped_last)
        {
            *glyph = compose(*glyph, accent);
            continue;
        }
        if let Some(shape) = ascii_shape(c) {
            cells.extend(shape.chars().filter_map(|s| glyph(s).map(|g| (s, g))));
            dropped_last = false;
        } else if let Some(found) = own_clear_glyph(c).or_else(|| composed(c)) {
            cells.push((c, found));
            dropped_last = false;
        } else {
            // A run of characters without glyphs (an emoji joined with ZWJ) stays whole.
            match left_out.last_mut() {
                Some(run) if dropped_last => run.push(c),
                _ => left_out.push(c.to_string()),
            }
            dropped_last = true;
        }
    }
    // No space is left hanging where a character was taken out.
    let mut tidy: Vec<(char, Glyph)> = Vec::with_capacity(cells.len());
    for cell in cells {
        let doubled = cell.0 == ' ' && tidy.last().is_none_or(|(c, _)| *c == ' ');
        if !doubled {
            tidy.push(cell);
        }
    }
    while tidy.last().is_some_and(|(c, _)| *c == ' ') {
        tidy.pop();
    }
    let left_out: Vec<String> = left_out
        .into_iter()
        .filter(|run| !run.chars().all(is_invisible))
        .collect();
    Lettering {
        cells: tidy,
        left_out: (!left_out.is_empty()).then(|| left_out.join(" ")),
    }
}

/// Joiners and variation selectors: nothing to show on their own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{2060}')
}

/// The font's own glyph (the fonts a name is drawn from: Latin and Greek).
fn glyph(c: char) -> Option<Glyph> {
    font8x8::BASIC_FONTS
        .get(c)
        .or_else(|| font8x8::LATIN_FONTS.get(c))
        .or_else(|| font8x8::GREEK_FONTS.get(c))
}

/// The font's own glyph for `c`, unless `c` is an accented letter whose accent the
/// font draws touching the letter (then it is composed instead).
fn own_clear_glyph(c: char) -> Option<Glyph> {
    let own = glyph(c)?;
    let accented = COMPOSED.iter().any(|(_, letters, _)| letters.contains(c));
    (!accented || accent_stands_clear(own)).then_some(own)
}

/// True when a blank row parts an accent (the rows above it) from its letter (below).
fn accent_stands_clear(glyph: Glyph) -> bool {
    (1..=3).any(|gap| {
        glyph[gap] == 0
            && glyph[..gap].iter().any(|row| *row != 0)
            && glyph[gap + 1..].iter().any(|row| *row != 0)
    })
}

/// Dashes, quotes and the like as the ASCII shapes the font has.
fn ascii_shape(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' => "-",
        '\u{2018}'..='\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' => "'",
        '\u{201C}'..='\u{201F}' | '\u{2033}' => "\"",
        '\u{2026}' => "...",
        '\u{2022}' | '\u{2027}' => "\u{00B7}",
        '\u{2039}' => "<",
        '\u{203A}' => ">",
        _ => return None,
    })
}

/// An accent to put over a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accent {
    Grave,
    Acute,
    Circumflex,
    Tilde,
    Macron,
    Breve,
    Dot,
    Diaeresis,
    Ring,
    Caron,
}

impl Accent {
    /// Two rows, 6 pixels wide, centred over the letter.
    fn rows(self) -> [&'static str; 2] {
        match self {
            Accent::Grave => [".##...", "..##.."],
            Accent::Acute => ["...##.", "..##.."],
            Accent::Circumflex => [".####.", "##..##"],
            Accent::Tilde => [".##..#", "#..##."],
            Accent::Macron => ["######", "......"],
            Accent::Breve => ["#....#", ".####."],
            Accent::Dot => ["..##..", "......"],
            Accent::Diaeresis => ["##..##", "......"],
            Accent::Ring => ["..##..", ".#..#."],
            Accent::Caron => ["##..##", ".####."],
        }
    }
}

/// Accented letters by accent: (accent, the letters, their base letters). Those the font
/// lacks are composed; those it has keep its glyph only when the accent stands clear
/// of the letter (its â, î, Â … touch and read as other letters on a projector).
const COMPOSED: [(Accent, &str, &str); 10] = [
    (
        Accent::Circumflex,
        "ŴŵŶŷĈĉĜĝĤĥĴĵŜŝÂâÊêÎîÔôÛû",
        "WwYyCcGgHhJjSsAaEeIiOoUu",
    ),
    (Accent::Grave, "ẀẁỲỳǸǹÀàÈèÌìÒòÙù", "WwYyNnAaEeIiOoUu"),
    (
        Accent::Acute,
        "ẂẃĆćĹĺŃńŔŕŚśŹźǴǵÁáÉéÍíÓóÚúÝý",
        "WwCcLlNnRrSsZzGgAaEeIiOoUuYy",
    ),
    (Accent::Diaeresis, "ẄẅŸẌẍÄäËëÏïÖöÜüÿ", "WwYXxAaEeIiOoUuy"),
    (Accent::Macron, "ĀāĒēĪīŌōŪūȲȳ", "AaEeIiOoUuYy"),
    (
        Accent::Dot,
        "ĊċĖėĠġİŻżḂḃḊḋḞḟṀṁṖṗṠṡṪṫẆẇẎẏ",
        "CcEeGgIZzBbDdFfMmPpSsTtWwYy",
    ),
    (
        Accent::Caron,
        "ČčĎďĚěŇňŘřŠšŤťŽžǍǎǏǐǑǒǓǔ",
        "CcDdEeNnRrSsTtZzAaIiOoUu",
    ),
    (Accent::Breve, "ĂăĔĕĞğĬĭŎŏŬŭ", "AaEeGgIiOoUu"),
    (Accent::Tilde, "ĨĩŨũỸỹÃãÑñÕõ", "IiUuYyAaNnOo"),
    (Accent::Ring, "ŮůÅå", "UuAa"),
];

/// A letter the font lacks, made of its base letter and accent.
fn composed(c: char) -> Option<Glyph> {
    COMPOSED.iter().find_map(|(accent, letters, bases)| {
        let at = letters.chars().position(|l| l == c)?;
        let base = glyph(bases.chars().nth(at)?)?;
        Some(compose(base, *accent))
    })
}

/// A combining accent (as in a decomposed "w\u{302}").
fn combining(c: char) -> Option<Accent> {
    Some(match c {
        '\u{300}' => Accent::Grave,
        '\u{301}' => Accent::Acute,
        '\u{302}' => Accent::Circumflex,
        '\u{303}' => Accent::Tilde,
        '\u{304}' => Accent::Macron,
        '\u{306}' => Accent::Breve,
        '\u{307}' => Accent::Dot,
        '\u{308}' => Accent::Diaeresis,
        '\u{30A}' => Accent::Ring,
        '\u{30C}' => Accent::Caron,
        _ => return None,
    })
}

/// `base` with `accent` above it, a blank row between them so the two never merge into
/// another letter (ŷ read as g) on a projector: the accent in rows 0 and 1, row 2 blank.
/// A small letter's body (without the dot of i and j, which the accent replaces) is
/// squeezed into rows 3 to 6 by dropping the rows most like the row above them, as the
/// font does for its own ô, its descender kept in row 7. A capital keeps five rows
/// (four cannot tell E from a box) and so reaches down into row 7.
fn compose(base: Glyph, accent: Accent) -> Glyph {
    let mut dotless = base;
    if base[1] == 0 && base[0].count_ones() <= 2 {
        dotless[0] = 0;
    }
    let top = dotless[..7].iter().position(|row| *row != 0).unwrap_or(6);
    let capital = top < 2 && base[7] == 0;
    let (mut rows, body_rows) = if capital {
        (dotless[top..7].to_vec(), 5)
    } else {
        (dotless[top..7].to_vec(), 4)
    };
    while rows.len() > body_rows {
        let drop = (1..rows.len())
            .min_by_key(|&i| (rows[i] ^ rows[i - 1]).count_ones())
            .unwrap_or(1);
        rows.remove(drop);
    }
    let mut letter: Glyph = [0; 8];
    if capital {
        letter[8 - rows.len()..].copy_from_slice(&rows);
    } else {
        letter[7 - rows.len()..7].copy_from_slice(&rows);
        letter[7] = base[7];
    }
    let columns = letter.iter().fold(0u8, |all, row| all | row);
    let (left, right) = if columns == 0 {
        (0, 7)
    } else {
        (columns.trailing_zeros(), 7 - columns.leading_zeros())
    };
    // The accent's six columns, centred on the letter (bit 0 is the leftmost pixel).
    let start = (left + right).saturating_sub(5).div_ceil(2).min(2);
    for (row, pattern) in accent.rows().into_iter().enumerate() {
        for (x, pixel) in pattern.chars().enumerate() {
            if pixel == '#' {
                letter[row] |= 1 << (start as usize + x);
            }
        }
    }
    letter
}

/// Cells wrapped at spaces into lines of at most `per_line`; `None` when a word is
/// longer than a line.
fn wrap(cells: &[(char, Glyph)], per_line: usize) -> Option<Vec<Vec<(char, Glyph)>>> {
    if per_line == 0 {
        return None;
    }
    // A dash standing alone keeps to the word before it: no line starts with one.
    let mut words: Vec<Vec<(char, Glyph)>> = Vec::new();
    for word in cells.split(|(c, _)| *c == ' ') {
        match words.last_mut() {
            Some(before) if matches!(word, [('-', _)]) => {
                before.push((' ', [0; 8]));
                before.extend_from_slice(word);
            }
            _ => words.push(word.to_vec()),
        }
    }
    let mut lines: Vec<Vec<(char, Glyph)>> = Vec::new();
    let mut line: Vec<(char, Glyph)> = Vec::new();
    for word in &words {
        if word.len() > per_line {
            return None;
        }
        if !line.is_empty() && line.len() + 1 + word.len() > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push((' ', [0; 8]));
        }
        line.extend_from_slice(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// One line of glyphs as rows of block characters at `size`.
pub fn render(line: &[(char, Glyph)], size: Size) -> Vec<String> {
    const QUADRANTS: [char; 16] = [
        ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
    ];
    let on = |glyph: &Glyph, row: usize, x: usize| glyph[row] & (1 << x) != 0;
    let (step_x, step_y) = match size {
        Size::Full => (1, 1),
        Size::HalfHeight => (1, 2),
        Size::Quadrant => (2, 2),
    };
    (0..8)
        .step_by(step_y)
        .map(|row| {
            let mut text = String::new();
            for (_, glyph) in line {
                for x in (0..8).step_by(step_x) {
                    text.push(match size {
                        Size::Full => {
                            if on(glyph, row, x) {
                                '█'
                            } else {
                                ' '
                            }
                        }
                        Size::HalfHeight => match (on(glyph, row, x), on(glyph, row + 1, x)) {
                            (false, false) => ' ',
                            (true, false) => '▀',
                            (false, true) => '▄',
                            (true, true) => '█',
                        },
                        Size::Quadrant => {
                            let index = usize::from(on(glyph, row, x))
                                | usize::from(on(glyph, row, x + 1)) << 1
                                | usize::from(on(glyph, row + 1, x)) << 2
                                | usize::from(on(glyph, row + 1, x + 1)) << 3;
                            QUADRANTS[index]
                        }
                    });
                }
            }
            text.trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(glyph: Glyph) -> Vec<String> {
        glyph
            .iter()
            .map(|row| {
                (0..8)
                    .map(|x| if row & (1 << x) != 0 { '#' } else { '.' })
                    .collect()
            })
            .collect()
    }

    fn text_of(set: &Lettering) -> String {
        set.cells.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn a_welsh_name_with_w_circumflex_and_an_em_dash_is_set_whole() {
        let set = lettering("Gwasanaethau Dŵr — Cyngor Môn 🐉");
        assert_eq!(text_of(&set), "Gwasanaethau Dŵr - Cyngor Môn");
        assert_eq!(set.left_out.as_deref(), Some("🐉"));
        let w = set.cells.iter().find(|(c, _)| *c == 'ŵ').unwrap().1;
        assert_eq!(
            picture(w),
            [
                "..####..", ".##..##.", "........", "##...##.", "##.#.##.", "#######.", ".##.##..",
                "........"
            ],
            "w below, a blank row, a circumflex above"
        );
        let big = layout("Gwasanaethau Dŵr — Cyngor Môn 🐉", 160, 16).unwrap();
        assert_eq!(big.size, Size::Full);
        assert_eq!(
            big.lines,
            ["Gwasanaethau Dŵr -", "Cyngor Môn"],
            "a dash stays with the word before it"
        );
        assert_eq!(big.rows.len(), 16);
        assert_eq!(big.left_out.as_deref(), Some("🐉"));
    }

    #[test]
    fn capitals_keep_five_rows_under_their_accent() {
        let set = lettering("Ŵ");
        assert_eq!(
            picture(set.cells[0].1),
            [
                "..####..", ".##..##.", "........", "##...##.", "##.#.##.", "#######.", "###.###.",
                "##...##."
            ]
        );
        // The same letter from a decomposed spelling (w and a combining circumflex).
        assert_eq!(lettering("W\u{302}").cells[0].1, set.cells[0].1);
        assert_eq!(text_of(&lettering("Ŷ ŷ ẁ ẃ ẅ ỳ")), "Ŷ ŷ ẁ ẃ ẅ ỳ");
    }

    #[test]
    fn latin_1_letters_keep_the_fonts_own_glyphs_where_the_accent_stands_clear() {
        for c in "âêîôûïëáéíóúàèìòùÂÊÎÔÛÏËÁÉÍÓÚÀÈÌÒÙ".chars() {
            let own = glyph(c).unwrap();
            let set = lettering(&c.to_string());
            assert_eq!(
                set.cells == [(c, own)],
                accent_stands_clear(own),
                "{c}: the font's own glyph exactly when its accent stands clear"
            );
        }
        // The font's â has the circumflex on the a (read as ã): composed instead.
        assert_ne!(lettering("â").cells[0].1, glyph('â').unwrap());
        // Irish and Scottish Gaelic, Manx, Cornish: every letter drawn.
        for name in [
            "Comhairle nan Eilean Siar",
            "Dún Laoghaire",
            "Ċeann",
            "Kernow Ŵ",
        ] {
            let set = lettering(name);
            assert_eq!(set.left_out, None, "{name}");
            assert_eq!(set.cells.len(), name.chars().count(), "{name}");
        }
    }

    const WELSH: &str = "âêîôûŵŷäëïöüẅÿáéíóúẃýàèìòùẁỳÂÊÎÔÛŴŶÄËÏÖÜẄŸÁÉÍÓÚẂÝÀÈÌÒÙẀỲ";

    #[test]
    fn every_welsh_accent_stands_clear_of_its_letter() {
        for c in WELSH.chars() {
            let set = lettering(&c.to_string());
            assert_eq!(set.cells.len(), 1, "{c} drawn");
            let glyph = set.cells[0].1;
            assert!(
                accent_stands_clear(glyph),
                "{c}: the accent touches the letter\n{}",
                picture(glyph).join("\n")
            );
        }
    }

    #[test]
    fn a_welsh_name_in_both_fonts_reads_accent_by_accent() {
        let name = "Pobl â sgiliau — Côr, Dŵr, Tŷ";
        let set = lettering(name);
        assert_eq!(text_of(&set), "Pobl â sgiliau - Côr, Dŵr, Tŷ");
        for (size, label) in [(Size::Full, "full"), (Size::HalfHeight, "half")] {
            let rows = render(&set.cells, size);
            insta::assert_snapshot!(format!("bigtype_welsh_{label}"), rows.join("\n"));
        }
    }

    #[test]
    fn quotes_dashes_and_the_ellipsis_take_ascii_shapes() {
        assert_eq!(
            text_of(&lettering("“Cyngor” – ’r Fro… ‘x’")),
            "\"Cyngor\" - 'r Fro... 'x'"
        );
    }

    #[test]
    fn what_has_no_glyph_is_left_out_and_handed_back_never_the_whole_line() {
        let set = lettering("Fire 🚒 and 👩‍🚒 rescue 東京");
        assert_eq!(text_of(&set), "Fire and rescue");
        assert_eq!(set.left_out.as_deref(), Some("🚒 👩\u{200d}🚒 東京"));
        let emoji_only = layout("🚒🚒", 100, 16);
        assert_eq!(emoji_only, None, "nothing to draw: plain text instead");
        let dragon = lettering("🐉\u{fe0f}");
        assert_eq!(dragon.left_out.as_deref(), Some("🐉\u{fe0f}"));
        assert_eq!(
            lettering("a\u{fe0f}").left_out,
            None,
            "a lone selector is nothing"
        );
    }

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let full = layout("Leadership", 160, 16).unwrap();
        assert_eq!(
            (full.size, full.lines.len(), full.rows.len()),
            (Size::Full, 1, 8)
        );
        assert_eq!(layout("Leadership", 60, 4).unwrap().size, Size::Quadrant);
        let two = layout("Information governance", 100, 8).unwrap();
        assert_eq!((two.size, two.lines.len()), (Size::HalfHeight, 2));
        assert!(layout("Information management, assurance and transparency", 76, 4).is_none());
        assert!(layout("Leadership", 0, 16).is_none());
    }

    #[test]
    fn a_long_text_is_set_at_one_size_however_many_rows_it_takes() {
        let text =
            "The CIO sits in, or reports directly to, the top team and has an agreed mandate";
        let big = layout_at(text, 80, Size::Quadrant).unwrap();
        assert_eq!(big.size, Size::Quadrant);
        assert!(big.lines.iter().all(|line| line.chars().count() <= 20));
        assert_eq!(big.lines.join(" "), text);
        assert_eq!(big.rows.len(), big.lines.len() * 4);
        assert!(
            layout(text, 80, big.rows.len() as u16 - 1).is_none(),
            "one row short: too long at any size"
        );
        assert!(layout_at("https://intranet.example/strategy", 80, Size::Quadrant).is_none());
    }

    #[test]
    fn rows_are_drawn_exactly_as_tui_big_text_draws_them() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        use ratatui::text::Line;
        use ratatui::widgets::Widget;
        use tui_big_text::{BigText, PixelSize};
        let text = "Hello, Wales! 0-9 'x'";
        for (size, pixel_size) in [
            (Size::Full, PixelSize::Full),
            (Size::HalfHeight, PixelSize::HalfHeight),
            (Size::Quadrant, PixelSize::Quadrant),
        ] {
            let (across, down) = size.cells();
            let width = across * text.chars().count() as u16;
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, down));
            BigText::builder()
                .pixel_size(pixel_size)
                .lines(vec![Line::from(text)])
                .build()
                .render(buffer.area, &mut buffer);
            let theirs: Vec<String> = (0..down)
                .map(|y| {
                    let row: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
                    row.trim_end().to_string()
                })
                .collect();
            assert_eq!(render(&lettering(text).cells, size), theirs, "{size:?}");
        }
    }
}
