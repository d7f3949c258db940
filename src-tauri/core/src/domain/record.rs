//! The meeting record: what happened when a counterpart wanted to record a meeting.
//!
//! The types mirror SPEC section 2 and the rules in `docs/guideline-rules.md`. A record starts
//! as a draft that may be incomplete; the rules (see `rules.rs`) decide when it may be finished.
//! Field and variant names are part of the stored and exported format (`docs/record-format.md`):
//! renaming one is a format change.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use ulid::Ulid;

/// The version of the record JSON structure written by this build.
///
/// 2: how the recording came up starts unanswered (`recording.origin` is `null` until staff
/// choose); the interesseafvejning (`recording.interest_weighing`); the addendum's reason and
/// changed fields; a discarded draft's reason; filing in the case moved out of the record
/// (`case_filed_at` is only read from version-1 records). Version-1 drafts are upgraded when
/// the database is opened; finished version-1 records are read as they are.
pub const RECORD_FORMAT_VERSION: u32 = 2;

/// A record id: a ULID, unique across devices without coordination, and safe as an ASCII
/// file name on any share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(type = "string")]
pub struct RecordId(pub Ulid);

impl JsonSchema for RecordId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RecordId".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9A-HJKMNP-TV-Z]{26}$",
            "description": "ULID (Crockford base32, 26 characters)"
        })
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for RecordId {
    type Err = ulid::DecodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ulid::from_string(s).map(RecordId)
    }
}

/// Lifecycle of a record. A finished record never changes; later states (synced) are
/// tracked by the outbox, not by editing the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordState {
    Draft,
    Finished,
}

impl RecordState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordState::Draft => "draft",
            RecordState::Finished => "finished",
        }
    }
}

/// G-SCOPE: who meets whom. The words used in the UI and the note follow from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// borger ↔ medarbejder
    Citizen,
    /// ansat ↔ leder (in scope only when of official character, see `Meeting::official_character`)
    Employee,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Citizen => "citizen",
            MeetingKind::Employee => "employee",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    InPerson,
    Phone,
    VideoCall,
    HomeVisit,
}

/// A member of staff: the meeting lead or a co-deciding leader.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct StaffMember {
    pub name: String,
    pub initials: String,
}

impl StaffMember {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.initials.is_empty()
    }
}

/// The facts of the meeting itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub kind: MeetingKind,
    /// For employee meetings: is it of official character (tjenstlig karakter: the employee
    /// may normally bring a bisidder)? `None` until answered; `Some(false)` is outside the
    /// guideline. Ignored for citizen meetings.
    pub official_character: Option<bool>,
    pub channel: Option<Channel>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub room: String,
    /// enhed
    pub unit: String,
    pub subject: String,
    /// sagsnummer
    pub case_number: String,
    /// KLE number, optional (empty when not given).
    pub kle_number: String,
    pub lead: StaffMember,
    /// The counterpart's name or a reference. Never a CPR number (flagged at input).
    pub counterpart: String,
    pub bisidder_present: bool,
    pub bisidder_name: String,
    /// Are other people's personal matters discussed at the meeting? (ground b)
    pub others_matters_discussed: bool,
}

/// G-UNANNOUNCED: how the recording came up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordingOrigin {
    /// Staff chose "no recording": none was asked for or seen after all.
    None,
    AskedFirst,
    OpenWithoutAsking,
    DiscoveredHidden,
    /// The municipality itself wants to record: outside the guideline, which covers only the
    /// counterpart's recording (the municipality as a rule does not record).
    MunicipalityWants,
}

/// G-DEFAULT: sound is the default; video is outside it and must be decided explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    Sound,
    VideoRequested,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Allowed,
    Refused,
}

/// When video was requested and the request is allowed: what exactly is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum VideoScope {
    /// The guideline's default: sound only, no pictures or video.
    SoundOnly,
    /// Video as well: a deliberate departure from the default.
    VideoAllowed,
}

/// Why the counterpart wants to record, if they say: coded, never free-text health details.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum RecordingReason {
    NoteTakingDifficulty,
    MemoryOrConcentration,
    ForAbsentBisidder,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    /// How the recording came up; `None` until staff choose (nothing is preselected: staff
    /// open the app because a recording came up, so "no recording" must be chosen too).
    pub origin: Option<RecordingOrigin>,
    pub medium: Medium,
    /// `None` while undecided. The UI pre-selects `Allowed` for sound (G-DEFAULT).
    pub decision: Option<Decision>,
    pub video_scope: Option<VideoScope>,
    pub reasons: Vec<RecordingReason>,
    /// G-UNANNOUNCED: when staff encouraged the counterpart to say that they record.
    pub disclosure_encouraged_at: Option<DateTime<Utc>>,
    /// G-WEIGH: the written interesseafvejning when others' personal matters are discussed
    /// and the recording is allowed.
    #[serde(default)]
    pub interest_weighing: String,
}

/// G-NOTICE-LEGAL: was an oral decision (mundtlig afgørelse) made, and what?
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct OralDecision {
    pub made: Option<bool>,
    pub what: String,
}

/// G-REFUSE-GROUNDS: the objective grounds a refusal can rest on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// (a) history gives doubt about the purpose; recording assessed to be for harassment.
    Harassment,
    /// (b) the meeting is not only about the counterpart; others' personal matters discussed.
    OthersMatters,
    /// (c) another objective ground, described in `other_ground`.
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub grounds: Vec<RefusalGround>,
    /// Description of ground (c).
    pub other_ground: String,
    /// G-REFUSE-ASSESS: the written concrete assessment.
    pub assessment: String,
    /// G-REFUSE-LEADER: the nearest leader who decided together with the meeting lead.
    pub co_decider: StaffMember,
    /// G-REFUSE-REASON: when the reason was given to the counterpart, and what was said.
    pub reason_given_at: Option<DateTime<Utc>>,
    pub reason_text: String,
    /// G-REFUSE-ROOM: jackets, bags, phones etc. must stay outside the room.
    pub room_instruction: bool,
}

/// G-LEGAL-HELP: HR/Jura consulted about the assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct LegalHelp {
    pub consulted_at: Option<DateTime<Utc>>,
    pub note: String,
}

/// Points from a correction to the finished record it corrects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct AddendumTo {
    pub record_id: RecordId,
    /// SHA-256 (hex, 64 digits) of the original's signed `note.json`.
    pub content_hash: String,
    /// Why the note is corrected (required to finish).
    #[serde(default)]
    pub reason: String,
    /// The fields that differ from the original, old and new; filled in by the app from the
    /// original record, never typed.
    #[serde(default)]
    pub changes: Vec<FieldCorrection>,
}

/// One field an addendum changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct FieldCorrection {
    /// Dotted path, e.g. `meeting.case_number`.
    pub field: String,
    /// The values as JSON text (a string field's value is shown as it is).
    pub old: String,
    pub new: String,
}

/// Identifies the policy a record was made under (SPEC section 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct PolicyRef {
    pub id: String,
    pub version: String,
    /// SHA-256 (hex) of the policy file's bytes.
    pub hash: String,
}

/// The whole record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    pub format_version: u32,
    pub id: RecordId,
    pub state: RecordState,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub policy: PolicyRef,
    pub meeting: Meeting,
    pub recording: Recording,
    /// Notice id (from the policy) → when it was given.
    pub notices: BTreeMap<String, DateTime<Utc>>,
    pub oral_decision: OralDecision,
    pub refusal: Refusal,
    pub legal_help: LegalHelp,
    /// Only in version-1 records (never set there); filing in the case is kept apart from
    /// the immutable record since version 2 (`store::filings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(skip)]
    pub case_filed_at: Option<DateTime<Utc>>,
    pub addendum_to: Option<AddendumTo>,
    /// Set when staff threw the draft away: hidden from the list, never finished, never
    /// changed again (the event log keeps the change).
    #[serde(default)]
    pub discarded: Option<Discarded>,
}

/// A draft thrown away, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Discarded {
    pub at: DateTime<Utc>,
    pub reason: String,
}

impl MeetingRecord {
    /// The record's JSON as the store keeps it (field order as declared).
    pub fn stored_json(&self) -> String {
        serde_json::to_string(self).expect("a record always serialises")
    }

    /// SHA-256 (hex) of [`Self::stored_json`]: the content hash of a record finished before
    /// signed notes existed.
    pub fn content_hash(&self) -> String {
        crate::digest::sha256_hex(self.stored_json().as_bytes())
    }

    /// A new, empty draft. Sound and "allowed" are not pre-filled here: the UI offers
    /// "allowed" as the default choice, but the record only says what staff chose.
    pub fn new_draft(
        id: RecordId,
        now: DateTime<Utc>,
        kind: MeetingKind,
        policy: PolicyRef,
    ) -> Self {
        MeetingRecord {
            format_version: RECORD_FORMAT_VERSION,
            id,
            state: RecordState::Draft,
            created_at: now,
            updated_at: now,
            finished_at: None,
            policy,
            meeting: Meeting {
                kind,
                official_character: None,
                channel: None,
                starts_at: None,
                ends_at: None,
                room: String::new(),
                unit: String::new(),
                subject: String::new(),
                case_number: String::new(),
                kle_number: String::new(),
                lead: StaffMember::default(),
                counterpart: String::new(),
                bisidder_present: false,
                bisidder_name: String::new(),
                others_matters_discussed: false,
            },
            recording: Recording {
                origin: None,
                medium: Medium::Sound,
                decision: None,
                video_scope: None,
                reasons: Vec::new(),
                disclosure_encouraged_at: None,
                interest_weighing: String::new(),
            },
            notices: BTreeMap::new(),
            oral_decision: OralDecision::default(),
            refusal: Refusal::default(),
            legal_help: LegalHelp::default(),
            case_filed_at: None,
            addendum_to: None,
            discarded: None,
        }
    }
}
