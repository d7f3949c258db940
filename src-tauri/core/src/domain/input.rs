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
    /// Text that looks like a CPR number: refused before it is saved anywhere (record, event
    /// log, search index), so it never reaches the database.
    #[error("{field}: looks like a CPR number, which must not be recorded")]
    CprNumber { field: String },
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
            InputError::CprNumber { .. } => "input_cpr_number",
            InputError::UnknownField { .. } => "input_unknown_field",
        }
    }

    pub fn field(&self) -> &str {
        match self {
            InputError::Empty { field }
            | InputError::TooLong { field, .. }
            | InputError::ControlCharacter { field, .. }
            | InputError::CprNumber { field }
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
    // Refused before any work: a 50 MB paste must cost microseconds, not normalisation.
    // Four bytes is the longest a character can be in UTF-8.
    if value.len() > max_chars.saturating_mul(4).saturating_add(64) {
        return Err(InputError::TooLong {
            field: field.to_owned(),
            max: max_chars,
            actual: value.chars().count(),
        });
    }
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
    // A CPR number first: one split by an invisible character is still a CPR number, and
    // that is what staff must be told (the invisible character goes with it).
    if looks_like_cpr(trimmed) {
        return Err(InputError::CprNumber {
            field: field.to_owned(),
        });
    }
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

/// The staff member who signs, as a note or receipt names them: name and initials cleaned
/// like any record text (trimmed, NFC, bounded, no control or invisible characters, no CPR
/// number) and required. Settings saved by an older build, or a key's owner file edited by
/// hand, must not put anything else into a signed note.
pub fn clean_signer(
    signer: &crate::domain::record::StaffMember,
) -> Result<crate::domain::record::StaffMember, InputError> {
    Ok(crate::domain::record::StaffMember {
        name: clean_required_text("signer.name", &signer.name, MAX_NAME_CHARS)?,
        initials: clean_required_text("signer.initials", &signer.initials, MAX_INITIALS_CHARS)?,
    })
}

/// Control characters (Unicode Cc) except `\n`/`\t` in multi-line text, plus invisible
/// characters: bidi embeddings/overrides/isolates and marks (which can make a signed sentence
/// read differently from its bytes), zero-width spaces and joiners, the word joiner and the
/// invisible operators, the soft hyphen (which hides a break inside a number), line/paragraph
/// separators, and the zero-width no-break space. Text that needs none of these is never hurt;
/// text that has one may hide something (a CPR number split by a zero-width space).
fn is_forbidden(c: char, multiline: bool) -> bool {
    if c.is_control() {
        return !(multiline && (c == '\n' || c == '\t'));
    }
    is_invisible(c)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
    )
}

/// Does the text contain something that looks like a CPR number: ten digits DDMMYY-XXXX where
/// DDMMYY is a real calendar date in 19YY or 20YY, however people write them: with a hyphen,
/// space, no-break space, en dash, dot or slash between the groups, with spaced digits
/// ("07 03 90 12 34"), or with invisible characters between them?
///
/// The digits are read as runs: digits with at most three separator characters between any
/// two of them. A run of exactly ten digits is checked; a longer run (a 12-digit case number,
/// say) is not flagged. No modulus-11 check: CPR numbers issued since 2007 need not satisfy it,
/// and a false alarm costs a retype while a missed CPR number ends up in a signed note.
pub fn looks_like_cpr(text: &str) -> bool {
    let mut digits: Vec<u8> = Vec::with_capacity(16);
    let mut gap = 0usize;
    // A hyphen right after the sixth digit: the classic spelling, flagged while it is being
    // typed too ("070390-12"), so an autosave never keeps the start of a CPR number.
    let mut hyphen_after_six = false;
    let flush = |digits: &mut Vec<u8>, hyphen_after_six: &mut bool| -> bool {
        let n = digits.len();
        let hit =
            (n == 10 || (*hyphen_after_six && (7..10).contains(&n))) && is_cpr_date(&digits[..6]);
        digits.clear();
        *hyphen_after_six = false;
        hit
    };
    for c in text.chars() {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            if gap > 3 && flush(&mut digits, &mut hyphen_after_six) {
                return true;
            }
            gap = 0;
            digits.push(d as u8);
            if digits.len() > 10 {
                // Part of a longer number: keep reading to its end, never flag it.
                digits.truncate(11);
            }
        } else if is_cpr_separator(c) && !digits.is_empty() {
            if c == '-' && digits.len() == 6 && gap == 0 {
                hyphen_after_six = true;
            }
            gap += 1;
        } else {
            if flush(&mut digits, &mut hyphen_after_six) {
                return true;
            }
            gap = 0;
        }
    }
    flush(&mut digits, &mut hyphen_after_six)
}

/// Characters people (or pasting) put between the groups of a CPR number.
fn is_cpr_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '.' | '/' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}'
    ) || is_invisible(c)
}

fn is_cpr_date(d: &[u8]) -> bool {
    let two = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let (day, month, year) = (two(0), two(2), two(4) as i32);
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
    spec(
        "recording.interest_weighing",
        RuleId::Weigh,
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
            "recording.interest_weighing" => & $($mutable)? record.recording.interest_weighing,
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
    // Notice ids are policy ids, but a front end sends them as map keys, i.e. as text: one
    // that looks like a CPR number must not reach the database either.
    if cleaned.notices.keys().any(|id| looks_like_cpr(id)) {
        return Err(InputError::CprNumber {
            field: "notices".to_owned(),
        });
    }
    // Lists of coded choices are sets: a choice ticked twice counts once.
    dedup_keep_order(&mut cleaned.recording.reasons);
    dedup_keep_order(&mut cleaned.refusal.grounds);
    if let Some(a) = cleaned.addendum_to.as_mut() {
        a.reason = clean_multiline_text("addendum_to.reason", &a.reason, MAX_LONG_TEXT_CHARS)?;
    }
    if let Some(d) = cleaned.discarded.as_mut() {
        d.reason = clean_multiline_text("discarded.reason", &d.reason, MAX_LONG_TEXT_CHARS)?;
    }
    Ok(cleaned)
}

fn dedup_keep_order<T: PartialEq + Copy>(items: &mut Vec<T>) {
    let mut seen: Vec<T> = Vec::with_capacity(items.len());
    items.retain(|x| {
        let new = !seen.contains(x);
        if new {
            seen.push(*x);
        }
        new
    });
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
