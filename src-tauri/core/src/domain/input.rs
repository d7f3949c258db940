//! Input hygiene at the boundary: every piece of user text is cleaned here before it reaches
//! a record, and every record is re-checked against the same rules by the validator.
//!
//! Why so strict: a finished record becomes a signed legal note. Text in it must display as
//! what it says (no control or bidi-override characters that reorder or hide words), compare
//! equal when it looks equal (NFC), and stay a sensible size. And it must not carry CPR numbers
//! (SPEC sections 2 and 6), which staff paste by habit.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use super::record::MeetingRecord;
use super::rules::RuleId;

/// Longest person name (meeting lead, co-decider, counterpart, bisidder, HR/Jura contact).
pub const MAX_NAME_CHARS: usize = 200;
/// Staff initials (e.g. "ANHA").
pub const MAX_INITIALS_CHARS: usize = 16;
/// One-line texts: unit, room, subject.
pub const MAX_SHORT_TEXT_CHARS: usize = 300;
/// Case and KLE numbers.
pub const MAX_NUMBER_CHARS: usize = 64;
/// Multi-line texts: assessment, reason, oral decision, descriptions.
pub const MAX_LONG_TEXT_CHARS: usize = 4000;

/// Why a piece of input was refused. Names the field so the UI can point at it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{field}: must not be empty")]
    Empty { field: String },
    #[error("{field}: longer than {max} characters ({actual})")]
    TooLong {
        field: String,
        max: usize,
        actual: usize,
    },
    #[error("{field}: contains a control or invisible formatting character (U+{code_point:04X})")]
    ControlCharacter { field: String, code_point: u32 },
    /// A field path that is not a free-text field of the record (a programming error in the
    /// caller, reported rather than silently accepted).
    #[error("{field}: not a text field of the record")]
    UnknownField { field: String },
}

impl InputError {
    /// Stable code for the IPC error mapping.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Empty { .. } => "input_empty",
            InputError::TooLong { .. } => "input_too_long",
            InputError::ControlCharacter { .. } => "input_control_character",
            InputError::UnknownField { .. } => "input_unknown_field",
        }
    }

    pub fn field(&self) -> &str {
        match self {
            InputError::Empty { field }
            | InputError::TooLong { field, .. }
            | InputError::ControlCharacter { field, .. }
            | InputError::UnknownField { field } => field,
        }
    }
}

/// Cleans one-line text: NFC-normalises, trims, refuses any control character (tabs and line
/// breaks included) and text longer than `max_chars` characters. Empty text is allowed
/// (optional fields); use [`clean_required_text`] where a value is required.
pub fn clean_text(field: &str, value: &str, max_chars: usize) -> Result<String, InputError> {
    clean(field, value, max_chars, false)
}

/// Like [`clean_text`] but for multi-line fields: line breaks and tabs are kept, and Windows
/// or old Mac line endings become `\n` (pasted text often carries `\r\n`; refusing it would
/// only confuse staff, and one line-ending form keeps the signed content stable).
pub fn clean_multiline_text(
    field: &str,
    value: &str,
    max_chars: usize,
) -> Result<String, InputError> {
    clean(field, value, max_chars, true)
}

/// [`clean_text`] that also refuses text that is empty after trimming.
pub fn clean_required_text(
    field: &str,
    value: &str,
    max_chars: usize,
) -> Result<String, InputError> {
    let cleaned = clean_text(field, value, max_chars)?;
    if cleaned.is_empty() {
        return Err(InputError::Empty {
            field: field.to_owned(),
        });
    }
    Ok(cleaned)
}

fn clean(
    field: &str,
    value: &str,
    max_chars: usize,
    multiline: bool,
) -> Result<String, InputError> {
    let unified = if multiline {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value.to_owned()
    };
    // Normalise before trimming so that whitespace produced by normalisation (e.g. U+2000 →
    // U+2002) is trimmed too; trimming starters off the ends keeps NFC, so the result is a
    // fixed point (property-tested).
    let normalized: String = unified.nfc().collect();
    let trimmed = normalized.trim();
    if let Some(c) = trimmed.chars().find(|&c| is_forbidden(c, multiline)) {
        return Err(InputError::ControlCharacter {
            field: field.to_owned(),
            code_point: u32::from(c),
        });
    }
    let actual = trimmed.chars().count();
    if actual > max_chars {
        return Err(InputError::TooLong {
            field: field.to_owned(),
            max: max_chars,
            actual,
        });
    }
    Ok(trimmed.to_owned())
}

/// Control characters (Unicode Cc) except `\n`/`\t` in multi-line text, plus invisible
/// characters that change how text displays: bidi embeddings/overrides/isolates and marks
/// (which can make a signed sentence read differently from its bytes), line/paragraph
/// separators, and the zero-width no-break space.
fn is_forbidden(c: char, multiline: bool) -> bool {
    if c.is_control() {
        return !(multiline && (c == '\n' || c == '\t'));
    }
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
    )
}

/// Does the text contain something that looks like a CPR number: `DDMMYY-XXXX`,
/// `DDMMYY XXXX` or `DDMMYYXXXX`, where DDMMYY is a real calendar date in 19YY or 20YY?
///
/// Not flagged when the ten digits are part of a longer run of digits (a 12-digit case number,
/// say). No modulus-11 check: CPR numbers issued since 2007 need not satisfy it, and a false
/// alarm costs a retype while a missed CPR number ends up in a signed note.
pub fn looks_like_cpr(text: &str) -> bool {
    // Scanning bytes is safe: ASCII digits, '-' and ' ' are single bytes in UTF-8 and never
    // occur inside a multi-byte character.
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|start| {
        bytes[start].is_ascii_digit()
            && (start == 0 || !bytes[start - 1].is_ascii_digit())
            && cpr_starts_at(bytes, start)
    })
}

fn cpr_starts_at(bytes: &[u8], start: usize) -> bool {
    let digits_at = |from: usize, count: usize| {
        bytes
            .get(from..from + count)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if !digits_at(start, 6) {
        return false;
    }
    let mut serial = start + 6;
    if matches!(bytes.get(serial), Some(b'-' | b' ')) {
        serial += 1;
    }
    if !digits_at(serial, 4) {
        return false;
    }
    if bytes.get(serial + 4).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let two = |at: usize| u32::from(bytes[at] - b'0') * 10 + u32::from(bytes[at + 1] - b'0');
    let (day, month, year) = (two(start), two(start + 2), two(start + 4) as i32);
    // The 7th digit decides the century in real CPR numbers (1858–2057); accepting either
    // reading is simpler and errs on the side of flagging (29 Feb 00 is valid in 2000).
    [1900, 2000]
        .iter()
        .any(|century| NaiveDate::from_ymd_opt(century + year, month, day).is_some())
}

/// How a free-text field of the record is cleaned and which rule owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextFieldSpec {
    /// Dotted path into the record JSON.
    pub path: &'static str,
    /// The rule a problem with this field is reported under.
    pub rule: RuleId,
    pub max_chars: usize,
    pub multiline: bool,
}

impl TextFieldSpec {
    /// Cleans a value for this field (empty allowed: required-ness is the rules' business).
    pub fn clean(&self, value: &str) -> Result<String, InputError> {
        clean(self.path, value, self.max_chars, self.multiline)
    }
}

const fn spec(
    path: &'static str,
    rule: RuleId,
    max_chars: usize,
    multiline: bool,
) -> TextFieldSpec {
    TextFieldSpec {
        path,
        rule,
        max_chars,
        multiline,
    }
}

/// Every free-text field of a [`MeetingRecord`]. The shell cleans IPC input with
/// [`text_field_spec`]; the validator re-checks records against the same table.
pub const RECORD_TEXT_FIELDS: &[TextFieldSpec] = &[
    spec("meeting.room", RuleId::Record, MAX_SHORT_TEXT_CHARS, false),
    spec("meeting.unit", RuleId::Record, MAX_SHORT_TEXT_CHARS, false),
    spec(
        "meeting.subject",
        RuleId::Record,
        MAX_SHORT_TEXT_CHARS,
        false,
    ),
    spec(
        "meeting.case_number",
        RuleId::NoticeCase,
        MAX_NUMBER_CHARS,
        false,
    ),
    spec(
        "meeting.kle_number",
        RuleId::Record,
        MAX_NUMBER_CHARS,
        false,
    ),
    spec("meeting.lead.name", RuleId::Record, MAX_NAME_CHARS, false),
    spec(
        "meeting.lead.initials",
        RuleId::Record,
        MAX_INITIALS_CHARS,
        false,
    ),
    spec("meeting.counterpart", RuleId::Record, MAX_NAME_CHARS, false),
    spec(
        "meeting.bisidder_name",
        RuleId::Record,
        MAX_NAME_CHARS,
        false,
    ),
    spec(
        "oral_decision.what",
        RuleId::NoticeLegal,
        MAX_LONG_TEXT_CHARS,
        true,
    ),
    spec(
        "refusal.other_ground",
        RuleId::RefuseGrounds,
        MAX_LONG_TEXT_CHARS,
        true,
    ),
    spec(
        "refusal.assessment",
        RuleId::RefuseAssess,
        MAX_LONG_TEXT_CHARS,
        true,
    ),
    spec(
        "refusal.co_decider.name",
        RuleId::RefuseLeader,
        MAX_NAME_CHARS,
        false,
    ),
    spec(
        "refusal.co_decider.initials",
        RuleId::RefuseLeader,
        MAX_INITIALS_CHARS,
        false,
    ),
    spec(
        "refusal.reason_text",
        RuleId::RefuseReason,
        MAX_LONG_TEXT_CHARS,
        true,
    ),
    spec(
        "legal_help.note",
        RuleId::LegalHelp,
        MAX_LONG_TEXT_CHARS,
        true,
    ),
];

/// The spec for a record text field by its dotted path.
pub fn text_field_spec(path: &str) -> Option<&'static TextFieldSpec> {
    RECORD_TEXT_FIELDS.iter().find(|s| s.path == path)
}

/// Cleans a value for the record field at `path` (the IPC boundary's one call per field).
pub fn clean_record_field(path: &str, value: &str) -> Result<String, InputError> {
    match text_field_spec(path) {
        Some(spec) => spec.clean(value),
        None => Err(InputError::UnknownField {
            field: path.to_owned(),
        }),
    }
}

/// The field of `record` at a text path, shared or mutable: one table of paths for reading
/// (CPR warnings, validation) and for cleaning.
macro_rules! text_slot {
    ($record:expr, $path:expr $(, $mutable:tt)?) => {{
        let record = $record;
        Some(match $path {
            "meeting.room" => & $($mutable)? record.meeting.room,
            "meeting.unit" => & $($mutable)? record.meeting.unit,
            "meeting.subject" => & $($mutable)? record.meeting.subject,
            "meeting.case_number" => & $($mutable)? record.meeting.case_number,
            "meeting.kle_number" => & $($mutable)? record.meeting.kle_number,
            "meeting.lead.name" => & $($mutable)? record.meeting.lead.name,
            "meeting.lead.initials" => & $($mutable)? record.meeting.lead.initials,
            "meeting.counterpart" => & $($mutable)? record.meeting.counterpart,
            "meeting.bisidder_name" => & $($mutable)? record.meeting.bisidder_name,
            "oral_decision.what" => & $($mutable)? record.oral_decision.what,
            "refusal.other_ground" => & $($mutable)? record.refusal.other_ground,
            "refusal.assessment" => & $($mutable)? record.refusal.assessment,
            "refusal.co_decider.name" => & $($mutable)? record.refusal.co_decider.name,
            "refusal.co_decider.initials" => & $($mutable)? record.refusal.co_decider.initials,
            "refusal.reason_text" => & $($mutable)? record.refusal.reason_text,
            "legal_help.note" => & $($mutable)? record.legal_help.note,
            _ => return None,
        })
    }};
}

fn record_text_value<'a>(record: &'a MeetingRecord, path: &str) -> Option<&'a str> {
    text_slot!(record, path).map(String::as_str)
}

fn record_text_slot<'a>(record: &'a mut MeetingRecord, path: &str) -> Option<&'a mut String> {
    text_slot!(record, path, mut)
}

/// A copy of `record` with every free-text field cleaned (trimmed, NFC, bounded, no control
/// characters): what the IPC boundary does to a whole record before it is saved.
pub fn clean_record(record: &MeetingRecord) -> Result<MeetingRecord, InputError> {
    let mut cleaned = record.clone();
    for spec in RECORD_TEXT_FIELDS {
        if let Some(slot) = record_text_slot(&mut cleaned, spec.path) {
            *slot = spec.clean(slot)?;
        }
    }
    Ok(cleaned)
}

/// Every free-text field of the record with its value, in table order.
pub fn record_text_values(record: &MeetingRecord) -> Vec<(&'static TextFieldSpec, &str)> {
    RECORD_TEXT_FIELDS
        .iter()
        .filter_map(|spec| record_text_value(record, spec.path).map(|v| (spec, v)))
        .collect()
}

/// The field paths of every free-text field that looks like it holds a CPR number, for a
/// warning before the record is saved.
pub fn cpr_warnings(record: &MeetingRecord) -> Vec<String> {
    record_text_values(record)
        .into_iter()
        .filter(|(_, value)| looks_like_cpr(value))
        .map(|(spec, _)| spec.path.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{MeetingKind, PolicyRef, RecordId};

    #[test]
    fn every_text_field_path_resolves() {
        let record = MeetingRecord::new_draft(
            RecordId(ulid::Ulid::nil()),
            chrono::DateTime::UNIX_EPOCH,
            MeetingKind::Citizen,
            PolicyRef {
                id: String::new(),
                version: String::new(),
                hash: String::new(),
            },
        );
        assert_eq!(record_text_values(&record).len(), RECORD_TEXT_FIELDS.len());
    }

    #[test]
    fn clean_record_cleans_every_text_field_and_names_the_bad_one() {
        let mut record = MeetingRecord::new_draft(
            RecordId(ulid::Ulid::nil()),
            chrono::DateTime::UNIX_EPOCH,
            MeetingKind::Citizen,
            PolicyRef {
                id: String::new(),
                version: String::new(),
                hash: String::new(),
            },
        );
        record.meeting.subject = "  Bo\u{0301}lig  ".into();
        record.refusal.reason_text = "Linje 1\nLinje 2 ".into();
        let cleaned = clean_record(&record).unwrap();
        assert_eq!(cleaned.meeting.subject, "B\u{f3}lig", "trimmed and NFC");
        assert_eq!(cleaned.refusal.reason_text, "Linje 1\nLinje 2");
        record.legal_help.note = "a\u{7}b".into();
        let err = clean_record(&record).unwrap_err();
        assert_eq!(err.field(), "legal_help.note");
    }

    #[test]
    fn clean_text_trims_normalises_and_bounds() {
        assert_eq!(clean_text("f", "  Søren  ", 10).unwrap(), "Søren");
        // "e" + combining acute → "é" (NFC)
        assert_eq!(clean_text("f", "Rene\u{301}", 10).unwrap(), "Ren\u{e9}");
        assert_eq!(
            clean_text("f", "abcdef", 5),
            Err(InputError::TooLong {
                field: "f".into(),
                max: 5,
                actual: 6
            })
        );
        // Length counts characters, not bytes: five Danish letters fit in five.
        assert!(clean_text("f", "æøåÆØ", 5).is_ok());
    }

    #[test]
    fn clean_text_refuses_control_and_bidi_characters() {
        for bad in [
            "a\nb",
            "a\tb",
            "a\u{0}b",
            "a\u{1b}b",
            "a\u{202E}b",
            "a\u{2066}b",
        ] {
            let err = clean_text("meeting.room", bad, 100).unwrap_err();
            assert_eq!(err.code(), "input_control_character", "{bad:?}");
            assert_eq!(err.field(), "meeting.room");
        }
    }

    #[test]
    fn multiline_keeps_line_breaks_and_unifies_endings() {
        assert_eq!(
            clean_multiline_text("f", " a\r\nb\rc\td \n", 100).unwrap(),
            "a\nb\nc\td"
        );
        assert!(clean_multiline_text("f", "a\u{7}b", 100).is_err());
    }

    #[test]
    fn required_text_refuses_blank() {
        assert_eq!(
            clean_required_text("meeting.unit", " \t ".trim(), 10),
            Err(InputError::Empty {
                field: "meeting.unit".into()
            })
        );
    }
}
