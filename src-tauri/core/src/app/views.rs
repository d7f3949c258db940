//! What the actions answer with: the typed views the window shows.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::policy::Situation;
use crate::domain::rules::Violation;
use crate::domain::MeetingRecord;
use crate::note::keys::KeyInfo;
use crate::settings::Settings;
use crate::store::outbox::OutboxStatus;

/// A record with what the rules say about it now: what the edit and review screens show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RecordView {
    pub record: MeetingRecord,
    pub violations: Vec<Violation>,
    /// The part of the guideline that applies (`None`: no recording (yet)).
    pub situation: Option<Situation>,
    /// The notice ids that apply in this situation, in the policy's order.
    pub applicable_notices: Vec<String>,
    /// Field paths whose text looks like a CPR number.
    pub cpr_warnings: Vec<String>,
    /// A signed note is stored for the record (it can be exported).
    pub signed: bool,
    /// G-EQUAL, for a draft about to be refused: the comparable earlier cases on this PC.
    pub equal_treatment: Option<crate::domain::EqualTreatmentAdvice>,
    /// G-EQUAL across the municipality: the same kind of meeting and medium on the share, as
    /// this PC's overview index last read it; `None` when the overview never read the share
    /// here (the panel then says it shows this PC only).
    pub equal_treatment_share: Option<crate::overview::index::ShareFigures>,
    /// When the signed note was filed in the case (G-NOTICE-CASE).
    pub filing: Option<FilingView>,
}

/// A note's filing in the case.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FilingView {
    pub filed_at: String,
    /// The case system's document number; empty when not given.
    pub document_number: String,
}

/// The settings plus the folders in effect, which the settings screen shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SettingsView {
    pub settings: Settings,
    pub data_dir: String,
    pub effective_share_dir: String,
    /// The share in effect is the default folder on this PC, not a shared folder.
    pub share_is_local_default: bool,
    /// The policy in effect (SPEC section 7).
    pub policy: super::policy::PolicyStatus,
}

/// Whether the staff member set on this PC has a signing key.
#[derive(Debug, Clone, Serialize, TS)]
pub struct KeyStatus {
    pub exists: bool,
    pub key_id: Option<String>,
    pub signer_name: Option<String>,
    pub signer_initials: Option<String>,
    pub public_key_path: Option<String>,
    /// Where the key stands with the administration (`None` without a key).
    pub endorsement: Option<super::trust::Endorsement>,
}

impl KeyStatus {
    pub fn of(info: Option<KeyInfo>) -> KeyStatus {
        match info {
            None => KeyStatus {
                exists: false,
                key_id: None,
                signer_name: None,
                signer_initials: None,
                public_key_path: None,
                endorsement: None,
            },
            Some(info) => KeyStatus {
                exists: true,
                key_id: Some(info.key_id.to_string()),
                signer_name: Some(info.owner.name),
                signer_initials: Some(info.owner.initials),
                public_key_path: Some(info.public_key_path.display().to_string()),
                endorsement: None,
            },
        }
    }
}

/// Where a note was exported.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportResult {
    pub folder: String,
    pub files: Vec<String>,
}

/// The sync status line: the outbox, whether a run is going on, the share in effect.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncStatusView {
    #[serde(flatten)]
    pub outbox: OutboxStatus,
    pub running: bool,
    pub share_dir: String,
    pub share_is_local_default: bool,
}
