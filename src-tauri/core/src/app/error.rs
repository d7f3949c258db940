//! The one error every user action can answer with: `{code, field, params, message}`.
//!
//! Why one type: the UI must never read an English sentence to decide what to do or which
//! field to mark (it did, with regular expressions). So every module's `thiserror` enum is
//! mapped here, once, to a [`ErrorCode`] the UI switches on, the dotted path of the field at
//! fault (`meeting.counterpart`, `passphrase`, `query.limit`), and the numbers the UI's
//! Danish or English sentence needs (`params`). `message` is English, for logs and support.
//! The TypeScript mirror of these types is generated (`ui/src/lib/bindings.ts`).

use serde::Serialize;
use ts_rs::TS;

use crate::domain::input::InputError;
use crate::domain::rules::Violation;
use crate::note::keys::KeyError;
use crate::note::NoteError;
use crate::settings::SettingsError;
use crate::store::StoreError;
use crate::sync::{ErrorKind as ShareErrorKind, ShareError};

/// What went wrong, as the UI acts on it. Serialized in `snake_case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// An argument is malformed (wrong type, not JSON, not one of the allowed values).
    InvalidInput,
    /// The input names a field the record (or settings) does not have: a misspelling would
    /// otherwise be dropped silently.
    UnknownField,
    /// A required text is empty.
    TextEmpty,
    /// A text is longer than the field allows (`params.max`, `params.actual`).
    TextTooLong,
    /// A text contains a control or invisible formatting character (`params.code_point`).
    TextControlCharacter,
    /// A text looks like a CPR number: refused before it is saved; the field keeps what was
    /// typed, with the warning, until it is corrected.
    TextCprNumber,
    /// A time lies outside what a record may hold (`params.min`, `params.max`).
    TimeOutOfRange,
    /// A number is outside its range (`params.min`, `params.max`).
    OutOfRange,
    /// An id is not a record id (a 26-character ULID).
    BadId,
    /// A date is not `YYYY-MM-DD`, or a range ends before it starts.
    BadDate,
    /// A folder path is not absolute, or is not a usable folder.
    BadPath,
    /// No record (or signed note) with this id.
    NotFound,
    /// The record is finished and never changes again.
    RecordFinished,
    /// The action needs a finished record.
    RecordNotFinished,
    /// The draft was discarded (thrown away) and is not changed any more.
    RecordDiscarded,
    /// The note is marked as filed in the case already (once per note).
    AlreadyFiled,
    /// Guideline rules block the action (`params.violations`).
    RuleViolation,
    /// No staff member (name and initials) is set on this PC.
    NoStaff,
    /// The staff member set on this PC has no signing key.
    NoKey,
    /// The staff member already has a signing key.
    KeyExists,
    /// The passphrase does not unlock the signing key.
    WrongPassphrase,
    /// The fingerprint typed does not match the administration key entered.
    FingerprintMismatch,
    /// IT installed the administration key on this PC; it is not changed in the settings.
    AdminKeyDeployed,
    /// A new passphrase is too short (`params.min`).
    PassphraseTooShort,
    /// A passphrase is too long (`params.max`, in bytes).
    PassphraseTooLong,
    /// The note's font cannot print a character of the record (`params.character`).
    MissingGlyph,
    /// A different file with the same name exists in the export folder (`params.path`).
    ExportConflict,
    /// A file or folder on this PC could not be read or written (`params.path`).
    FileAccess,
    /// The desktop could not open an exported file or folder (no program for PDF files).
    OpenFailed,
    /// The action needs the administration's public key on this PC (the overview).
    AdminKeyMissing,
    /// The user cancelled a long run (the overview's first reading of the share).
    Cancelled,
    /// The share folder is not there (not mounted, network down) or not prepared.
    ShareMissing,
    /// The share refuses writing.
    SharePermission,
    /// The share is full.
    ShareDiskFull,
    /// The share did not answer in time.
    ShareTimeout,
    /// Another input/output error on the share.
    ShareIo,
    /// The local database could not be read or written.
    Storage,
    /// A defect: nothing the user can do but report it.
    Internal,
}

impl ErrorCode {
    /// Every code, in declaration order (the UI's dictionary must have a text for each).
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidInput,
        ErrorCode::UnknownField,
        ErrorCode::TextEmpty,
        ErrorCode::TextTooLong,
        ErrorCode::TextControlCharacter,
        ErrorCode::TextCprNumber,
        ErrorCode::TimeOutOfRange,
        ErrorCode::OutOfRange,
        ErrorCode::BadId,
        ErrorCode::BadDate,
        ErrorCode::BadPath,
        ErrorCode::NotFound,
        ErrorCode::RecordFinished,
        ErrorCode::RecordNotFinished,
        ErrorCode::RecordDiscarded,
        ErrorCode::AlreadyFiled,
        ErrorCode::RuleViolation,
        ErrorCode::NoStaff,
        ErrorCode::NoKey,
        ErrorCode::KeyExists,
        ErrorCode::WrongPassphrase,
        ErrorCode::FingerprintMismatch,
        ErrorCode::AdminKeyDeployed,
        ErrorCode::PassphraseTooShort,
        ErrorCode::PassphraseTooLong,
        ErrorCode::MissingGlyph,
        ErrorCode::ExportConflict,
        ErrorCode::FileAccess,
        ErrorCode::OpenFailed,
        ErrorCode::AdminKeyMissing,
        ErrorCode::Cancelled,
        ErrorCode::ShareMissing,
        ErrorCode::SharePermission,
        ErrorCode::ShareDiskFull,
        ErrorCode::ShareTimeout,
        ErrorCode::ShareIo,
        ErrorCode::Storage,
        ErrorCode::Internal,
    ];

    /// The wire name (as serialized; a test pins that the two agree).
    pub fn as_str(self) -> &'static str {
        ErrorCode::ALL_NAMES[self as usize]
    }

    const ALL_NAMES: &'static [&'static str] = &[
        "invalid_input",
        "unknown_field",
        "text_empty",
        "text_too_long",
        "text_control_character",
        "text_cpr_number",
        "time_out_of_range",
        "out_of_range",
        "bad_id",
        "bad_date",
        "bad_path",
        "not_found",
        "record_finished",
        "record_not_finished",
        "record_discarded",
        "already_filed",
        "rule_violation",
        "no_staff",
        "no_key",
        "key_exists",
        "wrong_passphrase",
        "fingerprint_mismatch",
        "admin_key_deployed",
        "passphrase_too_short",
        "passphrase_too_long",
        "missing_glyph",
        "export_conflict",
        "file_access",
        "open_failed",
        "admin_key_missing",
        "cancelled",
        "share_missing",
        "share_permission",
        "share_disk_full",
        "share_timeout",
        "share_io",
        "storage",
        "internal",
    ];

    /// The exit code the command-line tool ends with: 1 when the input was checked and
    /// fails the guideline's rules, 2 when the command could not do its job.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorCode::RuleViolation => 1,
            _ => 2,
        }
    }
}

/// The numbers and names a message needs; only the ones that apply are present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ErrorParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub actual: Option<String>,
    /// `U+XXXX` of a refused character.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub code_point: Option<String>,
    /// The refused character itself, when it is printable.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub character: Option<String>,
    /// A file or folder on this PC or the share.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub path: Option<String>,
    /// The blocking rules, for `rule_violation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub violations: Option<Vec<Violation>>,
}

/// The error of every action of the application layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    /// Dotted path of the field at fault, when there is one.
    pub field: Option<String>,
    /// Boxed: every `Result` of the layer carries this type, and most are `Ok`.
    pub params: Box<ErrorParams>,
    /// English, for logs and support; never shown as the explanation.
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            field: None,
            params: Box::default(),
            message: message.into(),
        }
    }

    pub fn field(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError {
            field: Some(field.into()),
            ..AppError::new(code, message)
        }
    }

    pub fn with_params(mut self, params: ErrorParams) -> Self {
        self.params = Box::new(params);
        self
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::Internal, message)
    }

    pub fn rule_violation(violations: Vec<Violation>) -> AppError {
        let blocking: Vec<Violation> = violations.into_iter().filter(|v| v.is_blocking()).collect();
        let message = blocking
            .iter()
            .map(|v| format!("{} {} ({})", v.rule, v.field, v.code))
            .collect::<Vec<_>>()
            .join("; ");
        AppError {
            field: blocking.first().map(|v| v.field.clone()),
            params: Box::new(ErrorParams {
                violations: Some(blocking),
                ..ErrorParams::default()
            }),
            ..AppError::new(ErrorCode::RuleViolation, message)
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{} ({field}): {}", self.code.as_str(), self.message),
            None => write!(f, "{}: {}", self.code.as_str(), self.message),
        }
    }
}

impl std::error::Error for AppError {}

fn code_point(c: u32) -> String {
    format!("U+{c:04X}")
}

impl From<InputError> for AppError {
    fn from(e: InputError) -> Self {
        let message = e.to_string();
        match e {
            InputError::Empty { field } => AppError::field(ErrorCode::TextEmpty, field, message),
            InputError::TooLong { field, max, actual } => {
                AppError::field(ErrorCode::TextTooLong, field, message).with_params(ErrorParams {
                    max: Some(max.to_string()),
                    actual: Some(actual.to_string()),
                    ..ErrorParams::default()
                })
            }
            InputError::ControlCharacter {
                field,
                code_point: c,
            } => AppError::field(ErrorCode::TextControlCharacter, field, message).with_params(
                ErrorParams {
                    code_point: Some(code_point(c)),
                    ..ErrorParams::default()
                },
            ),
            InputError::UnknownField { field } => {
                AppError::field(ErrorCode::UnknownField, field, message)
            }
            InputError::CprNumber { field } => {
                AppError::field(ErrorCode::TextCprNumber, field, message)
            }
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let message = e.to_string();
        match e {
            StoreError::NotFound(_) => AppError::new(ErrorCode::NotFound, message),
            StoreError::Immutable(_) => AppError::new(ErrorCode::RecordFinished, message),
            StoreError::NotFinished(_) => AppError::new(ErrorCode::RecordNotFinished, message),
            StoreError::Discarded(_) => AppError::new(ErrorCode::RecordDiscarded, message),
            StoreError::RulesNotMet(violations) => AppError::rule_violation(violations),
            StoreError::Io { path, .. } => AppError::new(ErrorCode::FileAccess, message)
                .with_params(ErrorParams {
                    path: Some(path.display().to_string()),
                    ..ErrorParams::default()
                }),
            _ => AppError::new(ErrorCode::Storage, message),
        }
    }
}

impl From<KeyError> for AppError {
    fn from(e: KeyError) -> Self {
        let message = e.to_string();
        match e {
            KeyError::WrongPassphrase(_) => {
                AppError::field(ErrorCode::WrongPassphrase, "passphrase", message)
            }
            KeyError::NoKey(_) => AppError::new(ErrorCode::NoKey, message),
            KeyError::KeyExists { .. } => AppError::new(ErrorCode::KeyExists, message),
            KeyError::PassphraseTooShort => {
                AppError::field(ErrorCode::PassphraseTooShort, "passphrase", message).with_params(
                    ErrorParams {
                        min: Some(crate::note::keys::MIN_PASSPHRASE_CHARS.to_string()),
                        ..ErrorParams::default()
                    },
                )
            }
            KeyError::PassphraseTooLong => {
                AppError::field(ErrorCode::PassphraseTooLong, "passphrase", message).with_params(
                    ErrorParams {
                        max: Some(crate::note::keys::MAX_PASSPHRASE_BYTES.to_string()),
                        ..ErrorParams::default()
                    },
                )
            }
            KeyError::NoStaffIdentity => AppError::field(ErrorCode::NoStaff, "staff", message),
            KeyError::Io { path, .. } => {
                AppError::new(ErrorCode::FileAccess, message).with_params(ErrorParams {
                    path: Some(path.display().to_string()),
                    ..ErrorParams::default()
                })
            }
            _ => AppError::internal(message),
        }
    }
}

impl From<NoteError> for AppError {
    fn from(e: NoteError) -> Self {
        let message = e.to_string();
        match e {
            NoteError::Key(k) => k.into(),
            NoteError::Signer(i) => i.into(),
            NoteError::NotFinished => AppError::new(ErrorCode::RecordNotFinished, message),
            NoteError::TimeOutOfRange { field } => {
                AppError::field(ErrorCode::TimeOutOfRange, field, message)
            }
            NoteError::MissingGlyph { ch, code, place } => {
                AppError::field(ErrorCode::MissingGlyph, place, message).with_params(ErrorParams {
                    character: Some(ch.to_string()),
                    code_point: Some(code_point(code)),
                    ..ErrorParams::default()
                })
            }
            NoteError::Conflict { path } => AppError::new(ErrorCode::ExportConflict, message)
                .with_params(ErrorParams {
                    path: Some(path.display().to_string()),
                    ..ErrorParams::default()
                }),
            NoteError::Io { path, .. } => AppError::new(ErrorCode::FileAccess, message)
                .with_params(ErrorParams {
                    path: Some(path.display().to_string()),
                    ..ErrorParams::default()
                }),
            _ => AppError::internal(message),
        }
    }
}

impl From<SettingsError> for AppError {
    fn from(e: SettingsError) -> Self {
        let message = e.to_string();
        match e {
            SettingsError::Input(i) => i.into(),
            SettingsError::TooManyEntries { field, max } => {
                AppError::field(ErrorCode::OutOfRange, field, message).with_params(ErrorParams {
                    max: Some(max.to_string()),
                    ..ErrorParams::default()
                })
            }
            SettingsError::RelativeShareDir => {
                AppError::field(ErrorCode::BadPath, "share_dir", message)
            }
        }
    }
}

impl From<ShareError> for AppError {
    fn from(e: ShareError) -> Self {
        let code = share_code(e.kind);
        AppError::new(code, e.to_string())
    }
}

/// The error code for a share problem of this kind.
pub fn share_code(kind: ShareErrorKind) -> ErrorCode {
    match kind {
        ShareErrorKind::ShareMissing => ErrorCode::ShareMissing,
        ShareErrorKind::Permission => ErrorCode::SharePermission,
        ShareErrorKind::DiskFull => ErrorCode::ShareDiskFull,
        ShareErrorKind::Timeout => ErrorCode::ShareTimeout,
        ShareErrorKind::Io => ErrorCode::ShareIo,
        ShareErrorKind::InvalidArtifact => ErrorCode::Internal,
        ShareErrorKind::Symlink => ErrorCode::ShareIo,
    }
}
