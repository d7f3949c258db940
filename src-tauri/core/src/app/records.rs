//! Actions on meeting records: list, create, open, save a draft, equal treatment.

use ulid::Ulid;

use super::error::AppError;
use super::input::{parse_id, parse_record, ListQuery};
use super::views::RecordView;
use super::App;
use crate::domain::input::{clean_record, cpr_warnings};
use crate::domain::policy_texts::PolicyTexts;
use crate::domain::rules::{situation, validate};
use crate::domain::{
    equal_treatment_violations, summarize, Decision, EqualTreatmentSummary, Lang, MeetingKind,
    MeetingRecord, RecordId, RecordState,
};
use crate::note::NOTE_JSON;
use crate::store::records::RecordSummary;
use crate::store::Store;

impl App {
    /// Newest change first, filtered.
    pub fn list_records(&self, query: ListQuery) -> Result<Vec<RecordSummary>, AppError> {
        let query = query.validate()?;
        Ok(self.store().list_records(&query)?)
    }

    /// A new draft of `kind`, with the staff member set on this PC as the meeting lead (one
    /// write, one "created" event).
    pub fn create_draft(&self, kind: MeetingKind) -> Result<RecordView, AppError> {
        let now = self.checked_now()?;
        let id = RecordId(Ulid::from_datetime(now.into()));
        let mut store = self.store();
        let actor = self.actor(&store);
        let mut record = MeetingRecord::new_draft(id, now, kind, self.policy().reference());
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
        let cleaned = clean_record(&record)?;
        let now = self.checked_now()?;
        let mut store = self.store();
        let actor = self.actor(&store);
        let saved = store.update_draft(&cleaned, now, &actor)?;
        Ok(self.view(&store, saved))
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

    /// The policy's texts for the UI, resolved for the meeting kind and language.
    pub fn policy_texts(&self, kind: MeetingKind, lang: Lang) -> PolicyTexts {
        self.policy().texts_for(kind, lang)
    }

    /// The record with what the rules say about it now.
    pub(super) fn view(&self, store: &Store, record: MeetingRecord) -> RecordView {
        let policy = self.policy();
        let mut violations = validate(&record, policy, self.now());
        // G-EQUAL: when a draft is about to refuse, remind staff of alike requests that were
        // allowed before. Reading the history costs a scan, so only refusals pay it.
        if record.state == RecordState::Draft
            && record.recording.decision == Some(Decision::Refused)
        {
            if let Ok(history) = store.decision_history() {
                violations.extend(equal_treatment_violations(&record, &history));
            }
        }
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
            violations,
            situation,
            applicable_notices,
            signed,
            record,
        }
    }
}
