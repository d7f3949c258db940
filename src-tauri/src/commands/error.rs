//! The one error type that crosses IPC: `{ "code": "...", "message": "..." }`.
//!
//! The UI switches on `code` (mirrored in `ui/src/lib/ipc.ts`) and shows its own translated
//! text; `message` is for logs and support. Add a code only when the UI acts on it.

use samtalenotat_core::store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// An argument failed validation; `message` names the field and the rule.
    InvalidInput,
    NotFound,
    /// The database could not be read or written.
    Storage,
    /// A guideline rule blocks the action (finishing a record).
    RuleViolation,
    /// The passphrase does not unlock the signing key (finish_and_sign).
    WrongPassphrase,
    /// The staff member set on this PC has no signing key (finish_and_sign).
    NoKey,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: Code,
    pub message: String,
}

impl IpcError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }

    pub fn invalid_input(field: &str, rule: &str) -> Self {
        Self::new(Code::InvalidInput, format!("{field}: {rule}"))
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        let code = match e {
            StoreError::NotFound(_) => Code::NotFound,
            StoreError::Immutable(_) => Code::RuleViolation,
            _ => Code::Storage,
        };
        IpcError::new(code, e.to_string())
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = IpcError::new(Code::InvalidInput, "query.text: too long");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"invalid_input","message":"query.text: too long"}"#
        );
    }

    #[test]
    fn every_code_has_the_name_the_ui_switches_on() {
        let names: Vec<String> = [
            Code::InvalidInput,
            Code::NotFound,
            Code::Storage,
            Code::RuleViolation,
            Code::WrongPassphrase,
            Code::NoKey,
            Code::Internal,
        ]
        .iter()
        .map(|c| serde_json::to_string(c).unwrap())
        .collect();
        assert_eq!(
            names,
            [
                r#""invalid_input""#,
                r#""not_found""#,
                r#""storage""#,
                r#""rule_violation""#,
                r#""wrong_passphrase""#,
                r#""no_key""#,
                r#""internal""#
            ]
        );
    }
}
