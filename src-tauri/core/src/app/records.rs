//! Actions on meeting records: list, create, open, save a draft, equal treatment.

use ulid::Ulid;

use super::error::{AppError, ErrorCode};
use super::input::{parse_id, parse_record, ListQuery};
use super::views::{FilingView, RecordView};
use super::App;
use crate::domain::input::{clean_record, cpr_warnings};
use crate::domain::policy_texts::PolicyTexts;
use crate::domain::rules::{situation, validate};
use crate::domain::{
    comparable_cases, equal_treatment_violations, summarize, AddendumTo, Decision,
    EqualTreatmentSummary, FieldCorrection, Lang, MeetingKind, MeetingRecord, RecordId,
    RecordState,
};
use crate::note::NOTE_JSON;
use crate::store::records::RecordSummary;
use crate::store::Store;

impl App {
    /// Newest change first, filtered. A note confirmed in the app's own folder on this PC
    /// (no share chosen yet) is `on_this_pc`, never `on_share`: nothing has left the PC. A
    /// note in conflict names the files in the way, so the list can say what to move.
    pub fn list_records(&self, query: ListQuery) -> Result<Vec<RecordSummary>, AppError> {
        let query = query.validate()?;
        let store = self.store();
        let local_default = !self.share_for(&store.load_settings()?).configured;
        let mut rows = store.list_records(&query)?;
        for row in &mut rows {
            match row.sync_state.as_deref() {
                Some("on_share") if local_default => row.sync_state = Some("on_this_pc".into()),
                Some("conflict") => row.conflict_files = store.conflict_files(&row.id)?,
                _ => {}
            }
        }
        Ok(rows)
    }

    /// A new draft of `kind`, with the staff member set on this PC as the meeting lead (one
    /// write, one "created" event).
    pub fn create_draft(&self, kind: MeetingKind) -> Result<RecordView, AppError> {
        let now = self.checked_now()?;
        let id = RecordId(Ulid::from_datetime(now.into()));
        let mut store = self.store();
        let actor = self.actor(&store);
        let policy = self.policy_in(&store).reference();
        let mut record = MeetingRecord::new_draft(id, now, kind, policy);
        record.meeting.lead = store.load_settings()?.staff;
        store.insert_record(&record, &actor)?;
        Ok(self.view(&store, record))
    }

    pub fn get_record(&self, id: &str) -> Result<RecordView, AppError> {
        let id = parse_id("id", id)?;
        let store = self.store();
        let record = store.get_record(id)?;
        Ok(self.view(&store, record))
    }

    /// Saves the whole draft as the front end has it (autosave). The JSON is parsed strictly
    /// (unknown fields refused, times bounded) and every text cleaned first; a field that
    /// fails is named in the error and nothing is saved, so the stored draft stays as it was.
    pub fn save_draft(&self, record: serde_json::Value) -> Result<RecordView, AppError> {
        let record = parse_record(record)?;
        let mut cleaned = clean_record(&record)?;
        let now = self.checked_now()?;
        let mut store = self.store();
        if let Some(to) = store.get_record(cleaned.id)?.addendum_to {
            // The pointer is the store's; the changed fields are worked out here, never typed.
            let original = store.get_record(to.record_id)?;
            let reason = cleaned
                .addendum_to
                .as_ref()
                .map_or(to.reason.clone(), |a| a.reason.clone());
            cleaned.addendum_to = Some(AddendumTo {
                changes: corrections(&original, &cleaned),
                reason,
                ..to
            });
        }
        let actor = self.actor(&store);
        let saved = store.update_draft(&cleaned, now, &actor)?;
        Ok(self.view(&store, saved))
    }

    /// Throws a draft away with a reason (kept in its event log); hidden from the list.
    pub fn discard_draft(&self, id: &str, reason: &str) -> Result<(), AppError> {
        let id = parse_id("id", id)?;
        let reason = crate::domain::input::clean_required_text(
            "reason",
            reason,
            crate::domain::input::MAX_LONG_TEXT_CHARS,
        )?;
        let now = self.checked_now()?;
        let mut store = self.store();
        let actor = self.actor(&store);
        store.discard_draft(id, &reason, now, &actor)?;
        Ok(())
    }

    /// Leaving the editor: a draft nothing was ever written into (only its "created" event)
    /// is discarded, so choosing a meeting kind and going back leaves no "(uden emne)" draft.
    /// Returns whether it was discarded.
    pub fn leave_draft(&self, id: &str) -> Result<bool, AppError> {
        let record_id = parse_id("id", id)?;
        let untouched = {
            let store = self.store();
            let record = store.get_record(record_id)?;
            record.state == RecordState::Draft
                && record.discarded.is_none()
                && record.addendum_to.is_none()
                && store.record_events(record_id)?.len() == 1
        };
        if untouched {
            self.discard_draft(id, UNTOUCHED_DRAFT_REASON)?;
        }
        Ok(untouched)
    }

    /// A correction of a signed note: a new draft with the original's facts, pointing to the
    /// original by its signed content hash. The reason is required before it can be signed;
    /// the changed fields are worked out from the original as the draft is edited.
    pub fn create_addendum(&self, original: &str, reason: &str) -> Result<RecordView, AppError> {
        let original = parse_id("original", original)?;
        let reason = crate::domain::input::clean_multiline_text(
            "reason",
            reason,
            crate::domain::input::MAX_LONG_TEXT_CHARS,
        )?;
        let now = self.checked_now()?;
        let id = RecordId(Ulid::from_datetime(now.into()));
        let mut store = self.store();
        let base = store.get_record(original)?;
        if base.state != RecordState::Finished {
            return Err(AppError::new(
                ErrorCode::RecordNotFinished,
                format!("record {original} is not a signed note"),
            ));
        }
        let hash = signed_content_hash(&store, &base)?;
        let actor = self.actor(&store);
        let policy = self.policy_in(&store).reference();
        let record = store.create_addendum(
            AddendumTo {
                record_id: original,
                content_hash: hash,
                reason,
                changes: Vec::new(),
            },
            id,
            now,
            policy,
            &actor,
        )?;
        Ok(self.view(&store, record))
    }

    /// G-EQUAL: how the record's unit and the whole municipality decided alike requests
    /// before, from the finished records on this PC.
    pub fn equal_treatment(&self, id: &str) -> Result<EqualTreatmentSummary, AppError> {
        let id = parse_id("id", id)?;
        let store = self.store();
        let record = store.get_record(id)?;
        let history = store.decision_history()?;
        Ok(summarize(&record.meeting.unit, &history))
    }

    /// The policy's texts for the UI, resolved for the meeting kind and language: of the
    /// policy with `policy_hash` (a draft's own), else of the policy in effect.
    pub fn policy_texts(
        &self,
        kind: MeetingKind,
        lang: Lang,
        policy_hash: Option<&str>,
    ) -> PolicyTexts {
        let policy = match policy_hash {
            Some(hash) => self.policy_for(&crate::domain::PolicyRef {
                id: String::new(),
                version: String::new(),
                hash: hash.to_owned(),
            }),
            None => self.policy(),
        };
        policy.texts_for(kind, lang)
    }

    /// The record with what the rules say about it now.
    pub(super) fn view(&self, store: &Store, record: MeetingRecord) -> RecordView {
        let policy = self.policy_for_in(store, &record.policy);
        let now = self.now();
        let mut violations = validate(&record, &policy, now);
        // G-EQUAL: when a draft is about to refuse, show staff the comparable earlier cases
        // and warn when such a request was allowed. Reading the history costs a scan, so only
        // refusals pay it.
        let mut equal_treatment = None;
        let mut equal_treatment_share = None;
        if record.state == RecordState::Draft
            && record.recording.decision == Some(Decision::Refused)
        {
            if let Ok(history) = store.decision_history() {
                violations.extend(equal_treatment_violations(&record, &history, now));
                equal_treatment = Some(comparable_cases(&record, &history, now));
            }
            let kind = match record.meeting.kind {
                crate::domain::MeetingKind::Citizen => "citizen",
                crate::domain::MeetingKind::Employee => "employee",
            };
            let video = record.recording.medium == crate::domain::Medium::VideoRequested;
            equal_treatment_share =
                crate::overview::index::share_figures(self.data_dir(), kind, video);
        }
        let filing = store
            .filing(&record.id.to_string())
            .ok()
            .flatten()
            .map(|f| FilingView {
                filed_at: f.filed_at,
                document_number: f.document_number,
            });
        let situation = situation(&record);
        let applicable_notices = situation
            .map(|s| policy.notices_for(s).map(|n| n.id.clone()).collect())
            .unwrap_or_default();
        let signed = record.state == RecordState::Finished
            && store
                .artifact(&record.id.to_string(), NOTE_JSON)
                .ok()
                .flatten()
                .is_some();
        RecordView {
            cpr_warnings: cpr_warnings(&record),
            equal_treatment,
            equal_treatment_share,
            filing,
            violations,
            situation,
            applicable_notices,
            signed,
            record,
        }
    }
}

/// The reason given for a draft discarded because nothing was ever written into it.
pub const UNTOUCHED_DRAFT_REASON: &str = "Tom kladde: intet blev udfyldt";

/// The content hash a correction points to: the original's signed `note.json`, or (a record
/// finished before notes were signed) its stored record JSON.
fn signed_content_hash(store: &Store, original: &MeetingRecord) -> Result<String, AppError> {
    Ok(match store.artifact(&original.id.to_string(), NOTE_JSON)? {
        Some(note) => note.sha256,
        None => original.content_hash(),
    })
}

/// The fields of the meeting that `edited` changes from `original`, with their values.
fn corrections(original: &MeetingRecord, edited: &MeetingRecord) -> Vec<FieldCorrection> {
    let parts = |r: &MeetingRecord| {
        serde_json::json!({
            "meeting": r.meeting,
            "recording": r.recording,
            "notices": r.notices,
            "oral_decision": r.oral_decision,
            "refusal": r.refusal,
            "legal_help": r.legal_help,
        })
    };
    let (old, new) = (parts(original), parts(edited));
    crate::store::events::diff(&old, &new)
        .into_iter()
        .map(|change| {
            let path: Vec<&str> = change.path.iter().map(String::as_str).collect();
            let mut at = &old;
            for p in &path {
                at = at.get(*p).unwrap_or(&serde_json::Value::Null);
            }
            let show = |v: &serde_json::Value| match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            FieldCorrection {
                field: path.join("."),
                old: show(at),
                new: show(&change.value),
            }
        })
        .collect()
}
