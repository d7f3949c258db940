//! The TypeScript contract of everything that crosses IPC, generated from the Rust types.
//!
//! Why generated: the UI sends whole records back (autosave), so a field it does not know
//! would be lost, and an error code it does not know could not be explained. The test
//! `bindings_are_up_to_date` compares `ui/src/lib/bindings.ts` with [`typescript`] and fails
//! when they differ; `SAMTALENOTAT_UPDATE_BINDINGS=1 cargo test -p samtalenotat-core
//! bindings` rewrites the file.

use std::collections::BTreeMap;

use ts_rs::{TypeVisitor, TS};

use super::error::{AppError, ErrorCode};
use super::input::ListQuery;
use super::views::{ExportResult, KeyStatus, RecordView, SettingsView, SyncStatusView};
use crate::domain::policy_texts::PolicyTexts;
use crate::domain::{EqualTreatmentSummary, Lang, MeetingKind, MeetingRecord};
use crate::note::VerifyReport;
use crate::settings::Settings;
use crate::store::records::RecordSummary;

/// Collects a type and, recursively, every type it refers to.
#[derive(Default)]
struct Collector {
    declarations: BTreeMap<String, String>,
}

impl Collector {
    fn add<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_none() {
            // Built-ins (string, Array, maps) have no declaration of their own; their
            // parameters (`Array<Violation>`) may.
            T::visit_generics(self);
            return;
        }
        let name = T::ident();
        if self.declarations.contains_key(&name) {
            return;
        }
        let decl = T::decl();
        let docs = T::docs()
            .map(|d| format!("{}\n", d.trim_end()))
            .unwrap_or_default();
        self.declarations
            .insert(name, format!("{docs}export {decl}\n"));
        T::visit_dependencies(self);
    }
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        self.add::<T>();
    }
}

/// The whole `bindings.ts` file.
pub fn typescript() -> String {
    let mut c = Collector::default();
    // What the commands take and answer (src-tauri/src/commands/*.rs); their dependencies
    // follow by themselves.
    c.add::<RecordView>();
    c.add::<MeetingRecord>();
    c.add::<RecordSummary>();
    c.add::<ListQuery>();
    c.add::<MeetingKind>();
    c.add::<Lang>();
    c.add::<PolicyTexts>();
    c.add::<EqualTreatmentSummary>();
    c.add::<Settings>();
    c.add::<SettingsView>();
    c.add::<KeyStatus>();
    c.add::<ExportResult>();
    c.add::<super::signing::ExportedTarget>();
    c.add::<super::overview::OverviewView>();
    c.add::<crate::overview::OverviewQuery>();
    c.add::<crate::overview::ScanProgress>();
    c.add::<crate::overview::index::ShareFigures>();
    c.add::<VerifyReport>();
    c.add::<super::trust::FolderVerification>();
    c.add::<super::trust::AdminKeyStatus>();
    c.add::<SyncStatusView>();
    c.add::<AppError>();
    c.add::<crate::sync::ErrorKind>();
    c.add::<crate::domain::RecordState>();
    let mut out = String::from(
        "// Generated from the Rust types by `samtalenotat_core::app::bindings` — do not edit.\n\
         // Regenerate: SAMTALENOTAT_UPDATE_BINDINGS=1 cargo test -p samtalenotat-core bindings\n\n",
    );
    for decl in c.declarations.values() {
        out.push_str(decl);
        out.push('\n');
    }
    let codes: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| format!("  \"{}\",", c.as_str()))
        .collect();
    out.push_str(&format!(
        "/** Every error code, for exhaustive dictionaries. */\nexport const ERROR_CODES: readonly ErrorCode[] = [\n{}\n];\n",
        codes.join("\n")
    ));
    let limits: Vec<String> = crate::domain::input::RECORD_TEXT_FIELDS
        .iter()
        .map(|f| format!("  \"{}\": {},", f.path, f.max_chars))
        .collect();
    out.push_str(&format!(
        "/** The most characters each free-text field of the record takes (Rust refuses more). */\nexport const TEXT_LIMITS: Readonly<Record<string, number>> = {{\n{}\n}};\n",
        limits.join("\n")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_are_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
        let generated = typescript();
        if std::env::var_os("SAMTALENOTAT_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/bindings.ts is out of date with the Rust types; regenerate it with \
             SAMTALENOTAT_UPDATE_BINDINGS=1 cargo test -p samtalenotat-core bindings"
        );
    }

    #[test]
    fn error_code_names_match_their_serialization() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::String(code.as_str().to_owned())
            );
        }
    }
}
