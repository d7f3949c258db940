//! The note as an A4 PDF for people and the case system, aiming at PDF/A-2b.
//!
//! Rendering uses krilla's `simple-text` path (one line at a time) with our own word wrap:
//! words are measured with rustybuzz, the shaper krilla draws with, so measured and drawn
//! widths agree. The layout is a list of rows placed top to bottom; a heading is kept with
//! the row after it; every page gets the header (municipality · unit · case number · day) and "Side X af Y";
//! the signature block is never split across pages.
//!
//! Fonts: Liberation Sans Regular and Bold (SIL OFL 1.1, `assets/fonts/`, carried deflated in
//! the binary), embedded as subsets. A character the fonts lack is refused with [`NoteError::MissingGlyph`] before
//! anything is drawn, rather than printed as a blank box in a legal document.
//!
//! Determinism: the time is passed in (the note's `signed_at`), the document id is derived
//! from the note id and content hash, and krilla writes no clock or random values, so the same
//! note gives the same bytes every run (tested).

use std::collections::HashMap;
use std::sync::OnceLock;

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime as PdfDateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use super::canonical::NoteDocument;
use super::localtime::copenhagen;
use super::text::{blocks, header_line, words, Block};
use super::NoteError;

// The fonts, deflated by build.rs (half the size in the binary) and inflated once.
const REGULAR_DEFLATED: &[u8] = include_bytes!(concat!(
    env!("OUT_DIR"),
    "/LiberationSans-Regular.ttf.deflate"
));
const BOLD_DEFLATED: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/LiberationSans-Bold.ttf.deflate"));

fn inflate(packed: &[u8]) -> &'static [u8] {
    use std::io::Read;
    let mut out = Vec::with_capacity(packed.len() * 2);
    flate2::read::DeflateDecoder::new(packed)
        .read_to_end(&mut out)
        .expect("the bundled font inflates");
    Box::leak(out.into_boxed_slice())
}

fn font_bytes() -> (&'static [u8], &'static [u8]) {
    static BYTES: OnceLock<(&'static [u8], &'static [u8])> = OnceLock::new();
    *BYTES.get_or_init(|| (inflate(REGULAR_DEFLATED), inflate(BOLD_DEFLATED)))
}

// A4 in points, and the layout's measures.
const PAGE_W: f32 = 595.276;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 62.0;
const TOP: f32 = 78.0;
const BOTTOM: f32 = PAGE_H - 66.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const LABEL_W: f32 = 168.0;
const VALUE_X: f32 = MARGIN_X + LABEL_W + 8.0;
const VALUE_W: f32 = CONTENT_W - LABEL_W - 8.0;

const BODY: f32 = 9.5;
const TITLE: f32 = 15.0;
const HEADING: f32 = 11.5;
const SMALL: f32 = 8.0;
const LEADING: f32 = 1.38;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Face {
    Regular,
    Bold,
}

struct Fonts {
    regular: rustybuzz::Face<'static>,
    bold: rustybuzz::Face<'static>,
}

fn shaping_fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let (regular, bold) = font_bytes();
        Fonts {
            regular: rustybuzz::Face::from_slice(regular, 0).expect("bundled font parses"),
            bold: rustybuzz::Face::from_slice(bold, 0).expect("bundled font parses"),
        }
    })
}

/// Measures text in points, caching per word (a note repeats many).
struct Measure {
    cache: HashMap<(Face, String), f32>,
}

impl Measure {
    fn new() -> Self {
        Measure {
            cache: HashMap::new(),
        }
    }

    fn face(face: Face) -> &'static rustybuzz::Face<'static> {
        let fonts = shaping_fonts();
        match face {
            Face::Regular => &fonts.regular,
            Face::Bold => &fonts.bold,
        }
    }

    /// Width at size 1.
    fn unit_width(&mut self, face: Face, text: &str) -> f32 {
        if let Some(w) = self.cache.get(&(face, text.to_owned())) {
            return *w;
        }
        let f = Self::face(face);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(f, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        let w = units as f32 / f.units_per_em() as f32;
        self.cache.insert((face, text.to_owned()), w);
        w
    }

    fn width(&mut self, face: Face, size: f32, text: &str) -> f32 {
        self.unit_width(face, text) * size
    }
}

/// Refuses text with a character the bundled fonts cannot show.
fn check_glyphs(text: &str, place: &str) -> Result<(), NoteError> {
    let fonts = shaping_fonts();
    for ch in text.chars() {
        if ch == '\n' || ch == '\t' {
            continue;
        }
        if fonts.regular.glyph_index(ch).is_none() || fonts.bold.glyph_index(ch).is_none() {
            return Err(NoteError::MissingGlyph {
                ch,
                code: u32::from(ch),
                place: place.to_owned(),
            });
        }
    }
    Ok(())
}

/// Greedy word wrap into lines no wider than `max`; hard line breaks are kept, and a word
/// longer than a line (a hash, a long case number) is broken between characters.
fn wrap(m: &mut Measure, face: Face, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let space = m.width(face, size, " ");
    for hard in text.replace('\t', " ").split('\n') {
        let mut line = String::new();
        let mut width = 0.0f32;
        for word in hard.split(' ').filter(|w| !w.is_empty()) {
            let mut word = word.to_owned();
            let mut ww = m.width(face, size, &word);
            if !line.is_empty() && width + space + ww <= max {
                line.push(' ');
                line.push_str(&word);
                width += space + ww;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // Break an overlong word.
            while ww > max {
                let mut cut = String::new();
                for ch in word.chars() {
                    let mut next = cut.clone();
                    next.push(ch);
                    if m.width(face, size, &next) > max && !cut.is_empty() {
                        break;
                    }
                    cut = next;
                }
                word = word[cut.len()..].to_owned();
                lines.push(cut);
                ww = m.width(face, size, &word);
            }
            line = word;
            width = ww;
        }
        lines.push(line);
    }
    lines
}

/// One piece of text placed on a row, x absolute, baseline relative to the row's top.
struct Run {
    x: f32,
    baseline: f32,
    face: Face,
    size: f32,
    text: String,
}

struct Row {
    height: f32,
    space_before: f32,
    keep_with_next: bool,
    runs: Vec<Run>,
}

fn line_height(size: f32) -> f32 {
    size * LEADING
}

fn text_row(face: Face, size: f32, x: f32, text: String) -> Row {
    Row {
        height: line_height(size),
        space_before: 0.0,
        keep_with_next: false,
        runs: vec![Run {
            x,
            baseline: size,
            face,
            size,
            text,
        }],
    }
}

fn rows_of(blocks: &[Block], m: &mut Measure) -> Result<Vec<Row>, NoteError> {
    let mut rows = Vec::new();
    for block in blocks {
        match block {
            Block::Header(_) => {} // drawn on every page instead
            Block::KeepTogether(inner) => {
                let mut kept = rows_of(inner, m)?;
                let n = kept.len();
                for row in kept.iter_mut().take(n.saturating_sub(1)) {
                    row.keep_with_next = true;
                }
                rows.append(&mut kept);
            }
            Block::Title(s) => {
                check_glyphs(s, "title")?;
                for line in wrap(m, Face::Bold, TITLE, s, CONTENT_W) {
                    rows.push(text_row(Face::Bold, TITLE, MARGIN_X, line));
                }
                if let Some(last) = rows.last_mut() {
                    last.height += 6.0;
                }
            }
            Block::Heading(s) => {
                check_glyphs(s, "heading")?;
                let mut row = text_row(Face::Bold, HEADING, MARGIN_X, s.clone());
                row.space_before = 10.0;
                row.keep_with_next = true;
                rows.push(row);
            }
            Block::Paragraph(s) => {
                check_glyphs(s, "text")?;
                let lines = wrap(m, Face::Regular, BODY, s, CONTENT_W);
                let n = lines.len();
                for (i, line) in lines.into_iter().enumerate() {
                    let mut row = text_row(Face::Regular, BODY, MARGIN_X, line);
                    if i + 1 == n {
                        row.height += 3.0;
                    }
                    rows.push(row);
                }
            }
            Block::Field { label, value } => {
                check_glyphs(label, label)?;
                check_glyphs(value, label)?;
                let labels = wrap(m, Face::Bold, BODY, label, LABEL_W);
                let values = wrap(m, Face::Regular, BODY, value, VALUE_W);
                let n = labels.len().max(values.len());
                for i in 0..n {
                    let mut runs = Vec::new();
                    if let Some(l) = labels.get(i).filter(|l| !l.is_empty()) {
                        runs.push(Run {
                            x: MARGIN_X,
                            baseline: BODY,
                            face: Face::Bold,
                            size: BODY,
                            text: l.clone(),
                        });
                    }
                    if let Some(v) = values.get(i).filter(|v| !v.is_empty()) {
                        runs.push(Run {
                            x: VALUE_X,
                            baseline: BODY,
                            face: Face::Regular,
                            size: BODY,
                            text: v.clone(),
                        });
                    }
                    rows.push(Row {
                        height: line_height(BODY) + if i + 1 == n { 2.0 } else { 0.0 },
                        space_before: 0.0,
                        // A label's lines stay together with the value's first lines.
                        keep_with_next: i + 1 < n && i < 2,
                        runs,
                    });
                }
            }
        }
    }
    Ok(rows)
}

/// Splits rows into pages: each page is a list of (row index, top y).
fn paginate(rows: &[Row]) -> Vec<Vec<(usize, f32)>> {
    let mut pages: Vec<Vec<(usize, f32)>> = vec![Vec::new()];
    let mut y = TOP;
    for (i, row) in rows.iter().enumerate() {
        let at_top = pages.last().is_some_and(Vec::is_empty);
        let before = if at_top { 0.0 } else { row.space_before };
        // Keep a heading (or a field's first lines) with what follows.
        let mut needed = before + row.height;
        let mut j = i;
        while rows[j].keep_with_next && j + 1 < rows.len() {
            j += 1;
            needed += rows[j].height;
        }
        if !at_top && y + needed > BOTTOM {
            pages.push(Vec::new());
            y = TOP;
            pages.last_mut().expect("a page").push((i, y));
            y += row.height;
        } else {
            y += before;
            pages.last_mut().expect("a page").push((i, y));
            y += row.height;
        }
    }
    pages
}

fn pdf_date(doc: &NoteDocument) -> Option<PdfDateTime> {
    let t = chrono::DateTime::parse_from_rfc3339(&doc.signed_at).ok()?;
    let local = copenhagen(t.with_timezone(&chrono::Utc));
    use chrono::{Datelike, Timelike};
    let offset_hours = (local.offset().local_minus_utc() / 3600) as i8;
    Some(
        PdfDateTime::new(u16::try_from(local.year()).ok()?)
            .month(local.month() as u8)
            .day(local.day() as u8)
            .hour(local.hour() as u8)
            .minute(local.minute() as u8)
            .second(local.second() as u8)
            .utc_offset_hour(offset_hours)
            .utc_offset_minute(0),
    )
}

/// Renders the note. `content_hash` (SHA-256 of `note.json`) is printed in the signature
/// block, binding the printed page to the canonical document.
pub fn render(doc: &NoteDocument, content_hash: &str) -> Result<Vec<u8>, NoteError> {
    let blocks = blocks(doc, content_hash);
    let mut measure = Measure::new();
    let rows = rows_of(&blocks, &mut measure)?;
    let pages = paginate(&rows);
    let total = pages.len();
    let header = header_line(doc);
    check_glyphs(&header, "header")?;
    let w = words(doc.lang);

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| NoteError::Pdf(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let (regular_bytes, bold_bytes) = font_bytes();
    let regular = Font::new(regular_bytes.into(), 0).ok_or(NoteError::Pdf("font".into()))?;
    let bold = Font::new(bold_bytes.into(), 0).ok_or(NoteError::Pdf("font".into()))?;
    let font = |face: Face| match face {
        Face::Regular => regular.clone(),
        Face::Bold => bold.clone(),
    };
    let black = Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        ..Fill::default()
    };
    let grey = Fill {
        paint: rgb::Color::new(90, 90, 90).into(),
        ..Fill::default()
    };

    for (index, placed) in pages.iter().enumerate() {
        let settings =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(NoteError::Pdf("page".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();

        // Header: municipality · unit, and a rule under it.
        surface.set_fill(Some(grey.clone()));
        surface.draw_text(
            Point::from_xy(MARGIN_X, 44.0),
            font(Face::Regular),
            SMALL + 0.5,
            &header,
            false,
            TextDirection::LeftToRight,
        );
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(150, 150, 150).into(),
            width: 0.6,
            ..Stroke::default()
        }));
        let mut pb = PathBuilder::new();
        pb.move_to(MARGIN_X, 52.0);
        pb.line_to(PAGE_W - MARGIN_X, 52.0);
        if let Some(path) = pb.finish() {
            surface.draw_path(&path);
        }
        surface.set_stroke(None);

        // Body.
        surface.set_fill(Some(black.clone()));
        for &(i, top) in placed {
            for run in &rows[i].runs {
                surface.draw_text(
                    Point::from_xy(run.x, top + run.baseline),
                    font(run.face),
                    run.size,
                    &run.text,
                    false,
                    TextDirection::LeftToRight,
                );
            }
        }

        // Footer: note id left, "Side X af Y" right.
        surface.set_fill(Some(grey.clone()));
        let footer_y = PAGE_H - 36.0;
        surface.draw_text(
            Point::from_xy(MARGIN_X, footer_y),
            font(Face::Regular),
            SMALL,
            &doc.note_id,
            false,
            TextDirection::LeftToRight,
        );
        let page_text = w
            .page_of
            .replace("{page}", &(index + 1).to_string())
            .replace("{pages}", &total.to_string());
        let pw = measure.width(Face::Regular, SMALL, &page_text);
        surface.draw_text(
            Point::from_xy(PAGE_W - MARGIN_X - pw, footer_y),
            font(Face::Regular),
            SMALL,
            &page_text,
            false,
            TextDirection::LeftToRight,
        );
        surface.finish();
        page.finish();
    }

    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .authors(vec![format!(
            "{} ({})",
            doc.signer.name, doc.signer.initials
        )])
        .creator("Samtalenotat".to_owned())
        .language(match doc.lang {
            crate::domain::Lang::Da => "da".to_owned(),
            crate::domain::Lang::En => "en".to_owned(),
        })
        .description(header.clone())
        .document_id(format!(
            "{}-{}",
            doc.note_id,
            &content_hash[..32.min(content_hash.len())]
        ));
    if let Some(date) = pdf_date(doc) {
        metadata = metadata.creation_date(date);
    }
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|e| NoteError::Pdf(format!("{e:?}")))
}
