//! Turning what a front end sends into checked values, with errors that name the field.
//!
//! Records and settings arrive as JSON. They are parsed here rather than by the IPC layer so
//! that a misspelled field (`meeting.casenumber`) or a wrong type is answered with its dotted
//! path and a code, not with a serde sentence, and so the command line and the window refuse
//! exactly the same input.

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::error::{AppError, ErrorCode, ErrorParams};
use crate::domain::input::clean_text;
use crate::domain::time::{record_times, EARLIEST, LATEST};
use crate::domain::{MeetingRecord, RecordId, RecordState};
use crate::note::keys::MAX_PASSPHRASE_BYTES;
use crate::store::records::{ListFilter, RecordQuery, MAX_LIST_LIMIT};

/// The longest search or filter text accepted.
pub const MAX_FILTER_CHARS: usize = 200;
/// The largest JSON document accepted for a record or settings (a record with every text
/// field at its limit is far smaller): refusing early keeps a 50 MB paste from being parsed.
pub const MAX_DOCUMENT_BYTES: usize = 512 * 1024;

/// Parses `value` as `T`, naming the field path of the first problem.
pub fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(path_error)
}

/// Parses JSON text as `T` (the command line's files), naming the field path of a problem.
pub fn from_json_text<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(text.len()));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(path_error)
}

fn too_large(actual: usize) -> AppError {
    AppError::new(
        ErrorCode::TextTooLong,
        format!("the document is {actual} bytes, more than {MAX_DOCUMENT_BYTES}"),
    )
    .with_params(ErrorParams {
        max: Some(MAX_DOCUMENT_BYTES.to_string()),
        actual: Some(actual.to_string()),
        ..ErrorParams::default()
    })
}

fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    let detail = inner.to_string();
    // The path already ends in the unknown field's name; serde's message names it too.
    if let Some(name) = unknown_field_name(&detail) {
        let field = if path == "." || path.is_empty() || path.contains('?') {
            name
        } else {
            path
        };
        return AppError::field(
            ErrorCode::UnknownField,
            field.clone(),
            format!("{field}: not a field of this document"),
        );
    }
    // serde_path_to_error says "." for the top and "?" where a syntax error left no path.
    let field = if path == "." || path.contains('?') {
        String::new()
    } else {
        path
    };
    AppError {
        field: (!field.is_empty()).then(|| field.clone()),
        ..AppError::new(
            ErrorCode::InvalidInput,
            if field.is_empty() {
                detail
            } else {
                format!("{field}: {detail}")
            },
        )
    }
}

/// `unknown field `casenumber`, expected one of …` → `casenumber`.
fn unknown_field_name(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest.find('`')?;
    Some(rest[..end].to_owned())
}

/// A record as a front end sends it: known fields only, every time within bounds.
pub fn parse_record(value: serde_json::Value) -> Result<MeetingRecord, AppError> {
    let size = json_size(&value);
    if size > MAX_DOCUMENT_BYTES {
        return Err(too_large(size));
    }
    let record: MeetingRecord = from_json_value(value)?;
    check_record_times(&record)?;
    Ok(record)
}

/// About how many bytes `value` is as JSON text (strings counted unescaped), without
/// writing it out: serialising a 50 MB paste only to measure it took seconds, and the point
/// of the bound is to refuse such input at once.
fn json_size(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::Null => 4,
        Value::Bool(_) => 5,
        Value::Number(n) => n.to_string().len(),
        Value::String(s) => s.len() + 2,
        Value::Array(items) => items
            .iter()
            .map(|v| json_size(v) + 1)
            .fold(2, usize::saturating_add),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| k.len() + 4 + json_size(v))
            .fold(2, usize::saturating_add),
    }
}

/// Every time in the record lies within [`EARLIEST`, `LATEST`): times outside are typos or
/// hostile input, and arithmetic on them could overflow.
pub fn check_record_times(record: &MeetingRecord) -> Result<(), AppError> {
    for (field, at) in record_times(record) {
        if at < EARLIEST || at >= LATEST {
            return Err(AppError::field(
                ErrorCode::TimeOutOfRange,
                field.clone(),
                format!("{field}: {at} is outside {EARLIEST} – {LATEST}"),
            )
            .with_params(ErrorParams {
                min: Some(EARLIEST.to_rfc3339()),
                max: Some(LATEST.to_rfc3339()),
                ..ErrorParams::default()
            }));
        }
    }
    Ok(())
}

pub fn parse_id(field: &str, id: &str) -> Result<RecordId, AppError> {
    let parsed: RecordId = id.parse().map_err(|_| bad_id(field))?;
    // Only the canonical spelling: the id becomes a file name on the share.
    if parsed.to_string() != id {
        return Err(bad_id(field));
    }
    Ok(parsed)
}

fn bad_id(field: &str) -> AppError {
    AppError::field(
        ErrorCode::BadId,
        field,
        format!("{field}: must be a record id (26-character ULID)"),
    )
}

/// A passphrase, bounded before it goes anywhere near scrypt.
pub fn passphrase(value: String) -> Result<Zeroizing<String>, AppError> {
    let value = Zeroizing::new(value);
    if value.len() > MAX_PASSPHRASE_BYTES {
        return Err(AppError::field(
            ErrorCode::PassphraseTooLong,
            "passphrase",
            format!("passphrase: must be at most {MAX_PASSPHRASE_BYTES} bytes"),
        )
        .with_params(ErrorParams {
            max: Some(MAX_PASSPHRASE_BYTES.to_string()),
            ..ErrorParams::default()
        }));
    }
    Ok(value)
}

/// A list request from a front end; every filter is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    /// Which records: all (the default), drafts, not sent, not filed.
    #[serde(default)]
    #[ts(optional)]
    pub filter: Option<ListFilter>,
    pub limit: u32,
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub state: Option<RecordState>,
    #[serde(default)]
    #[ts(optional)]
    pub unit: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub case_number: Option<String>,
    /// ISO date (YYYY-MM-DD), inclusive.
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<String>,
    /// ISO date (YYYY-MM-DD), inclusive.
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<String>,
}

fn optional_filter(field: &str, value: Option<String>) -> Result<Option<String>, AppError> {
    value
        .map(|v| clean_text(field, &v, MAX_FILTER_CHARS).map_err(AppError::from))
        .transpose()
        .map(|v| v.filter(|t| !t.is_empty()))
}

fn optional_date(field: &str, value: Option<String>) -> Result<Option<NaiveDate>, AppError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .ok()
                .filter(|d| {
                    let t = d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
                    t.is_some_and(|t| t >= EARLIEST && t < LATEST)
                })
                .ok_or_else(|| {
                    AppError::field(
                        ErrorCode::BadDate,
                        field,
                        format!("{field}: must be a date as YYYY-MM-DD between 2000 and 2099"),
                    )
                })
        })
        .transpose()
}

impl ListQuery {
    /// The store's query, every field checked.
    pub fn validate(self) -> Result<RecordQuery, AppError> {
        if self.limit == 0 || self.limit > MAX_LIST_LIMIT {
            return Err(AppError::field(
                ErrorCode::OutOfRange,
                "query.limit",
                format!("query.limit: must be between 1 and {MAX_LIST_LIMIT}"),
            )
            .with_params(ErrorParams {
                min: Some("1".into()),
                max: Some(MAX_LIST_LIMIT.to_string()),
                ..ErrorParams::default()
            }));
        }
        let from = optional_date("query.from", self.from)?;
        let to = optional_date("query.to", self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(AppError::field(
                    ErrorCode::BadDate,
                    "query.to",
                    "query.to: must not be before query.from",
                ));
            }
        }
        Ok(RecordQuery {
            text: optional_filter("query.text", self.text)?,
            filter: self.filter.unwrap_or_default(),
            state: self.state,
            unit: optional_filter("query.unit", self.unit)?,
            case_number: optional_filter("query.case_number", self.case_number)?,
            from,
            to,
            limit: self.limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_field_is_named_by_its_path() {
        let mut value = serde_json::to_value(crate::domain::MeetingRecord::new_draft(
            RecordId(ulid::Ulid::from_parts(1_767_225_600_000, 1)),
            EARLIEST + chrono::Duration::days(9000),
            crate::domain::MeetingKind::Citizen,
            crate::domain::PolicyRef {
                id: "p".into(),
                version: "1".into(),
                hash: "0".repeat(64),
            },
        ))
        .unwrap();
        value["meeting"]["casenumber"] = "12.34".into();
        let e = parse_record(value).unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownField);
        assert_eq!(e.field.as_deref(), Some("meeting.casenumber"));
    }

    #[test]
    fn a_wrong_type_is_named_by_its_path() {
        let e = from_json_value::<ListQuery>(serde_json::json!({"limit": "many"})).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert_eq!(e.field.as_deref(), Some("limit"));
    }

    #[test]
    fn ids_must_be_canonical_ulids() {
        let id = "01ARZ3NDEKTSV4RRFFQ69G5FAV".to_owned();
        assert!(parse_id("id", &id).is_ok());
        assert_eq!(
            parse_id("id", &id.to_lowercase()).unwrap_err().code,
            ErrorCode::BadId
        );
        assert_eq!(parse_id("id", "../x").unwrap_err().code, ErrorCode::BadId);
    }
}
