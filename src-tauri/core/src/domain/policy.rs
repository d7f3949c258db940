//! The policy: the guideline's notices, refusal grounds and every text the note and the UI
//! need, as versioned data (SPEC section 7).
//!
//! Albertslund's policy (`policy/albertslund.toml`) is embedded as the built-in default.
//! Another municipality adopts the app by supplying its own file, loaded with
//! [`Policy::load_from_str`], which refuses a file that lacks anything the rules or the note
//! rely on, so a gap shows at load time, not in a signed note. Every record names the policy
//! it was made under by [`PolicyRef`]: id, version and the SHA-256 of the file's exact bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::incident::{MisuseKind, PoliceReportAssessment};
use super::record::{
    Channel, Decision, Medium, MeetingKind, MeetingRecord, PolicyRef, RecordingOrigin,
    RecordingReason, RefusalGround, VideoScope,
};
use super::rules::{self, RuleId, Severity, Violation, ViolationCode};

/// Albertslund Kommune's policy, the built-in default. Its exact bytes are hashed.
pub const BUILTIN_POLICY_TOML: &str = include_str!("../../policy/albertslund.toml");

/// The languages every text exists in. Danish is the default (SPEC: the UI speaks Danish by
/// default, English on request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl FromStr for Lang {
    type Err = PolicyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "da" => Ok(Lang::Da),
            "en" => Ok(Lang::En),
            other => Err(PolicyError::UnknownLanguage(other.to_owned())),
        }
    }
}

/// A text in Danish and English. Both are required by the type, so a missing translation is a
/// parse error that names the place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub da: String,
    pub en: String,
}

impl LocalizedText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

/// The words for the two parties of a meeting kind (G-SCOPE): borger/medarbejder for citizen
/// meetings, ansat/leder for employee meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RoleWords {
    /// "borger", "ansat"
    pub counterpart: String,
    /// "borgeren", "den ansatte"
    pub counterpart_definite: String,
    /// "medarbejder", "leder"
    pub staff: String,
    /// "medarbejderen", "lederen"
    pub staff_definite: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedRoleWords {
    pub da: RoleWords,
    pub en: RoleWords,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    pub citizen: LocalizedRoleWords,
    pub employee: LocalizedRoleWords,
}

/// Whether a notice must be given (blocks finishing) or is recommended (advisory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    Required,
    Recommended,
}

/// The recording situations notices apply to (SPEC section 1, last paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// The meeting is recorded: allowed, or unannounced (allowed by default).
    Recorded,
    /// A request to record was refused.
    Refused,
}

/// What the note says about a notice, per situation it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeTexts {
    pub recorded: Option<LocalizedText>,
    pub refused: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeDefinition {
    /// Key in `MeetingRecord::notices`.
    pub id: String,
    pub rule: RuleId,
    pub level: NoticeLevel,
    pub applies_to: Vec<Situation>,
    /// Short label for the checkbox and the note.
    pub title: LocalizedText,
    /// What the note states was said (an after-the-fact statement).
    pub text: NoticeTexts,
    /// What staff can say aloud, in plain words, in the situation (shown in the window).
    pub say: NoticeTexts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroundDefinition {
    pub ground: RefusalGround,
    /// The guideline's letter: "a", "b", "c".
    pub label: String,
    pub title: LocalizedText,
    pub text: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalSettings {
    /// G-REFUSE-ASSESS: shortest written assessment (in characters) accepted as concrete.
    pub min_assessment_chars: usize,
}

/// The policy file's content, exactly as in the TOML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyContent {
    pub id: String,
    pub version: String,
    pub municipality: LocalizedText,
    pub roles: Roles,
    pub refusal: RefusalSettings,
    pub notices: Vec<NoticeDefinition>,
    pub grounds: Vec<GroundDefinition>,
    /// Statements and titles for the note and the UI, by key (see [`REQUIRED_TEXTS`]).
    pub texts: BTreeMap<String, LocalizedText>,
    /// Words for coded values, by group and wire name (`labels.channel.in_person`).
    pub labels: BTreeMap<String, BTreeMap<String, LocalizedText>>,
    /// A text for every [`ViolationCode`].
    pub messages: BTreeMap<String, LocalizedText>,
}

/// A loaded, validated policy with its reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    reference: PolicyRef,
    #[serde(flatten)]
    content: PolicyContent,
}

/// Why a policy file was refused.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("policy file is not valid TOML for a policy: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("policy field `{0}` is empty")]
    EmptyField(&'static str),
    #[error("policy lacks the notice `{id}` ({rule})")]
    MissingNotice { id: &'static str, rule: RuleId },
    #[error("policy notice `{id}` must belong to {expected}, not {found}")]
    NoticeRuleMismatch {
        id: String,
        expected: RuleId,
        found: RuleId,
    },
    #[error("policy notice `{id}` must be required: the guideline demands it ({rule})")]
    NoticeNotRequired { id: String, rule: RuleId },
    #[error("policy notice `{id}` is defined more than once")]
    DuplicateNotice { id: String },
    #[error("policy notice `{id}` applies to {situation:?} but has no text for it")]
    MissingNoticeText { id: String, situation: Situation },
    #[error("policy notice `{id}` applies to no situation")]
    NoticeAppliesToNothing { id: String },
    #[error("policy lacks refusal ground {ground:?} (G-REFUSE-GROUNDS)")]
    MissingGround { ground: RefusalGround },
    #[error("policy defines refusal ground {ground:?} more than once")]
    DuplicateGround { ground: RefusalGround },
    #[error("policy lacks the text `{key}` ({rule})")]
    MissingText { key: &'static str, rule: RuleId },
    #[error("policy lacks the label `labels.{group}.{key}`")]
    MissingLabel { group: &'static str, key: String },
    #[error("policy lacks a message for violation code `{code}`")]
    MissingMessage { code: ViolationCode },
    #[error("policy message `{key}` is not a known violation code")]
    UnknownMessage { key: String },
    #[error("policy text `{place}` is empty in {lang:?}")]
    EmptyText { place: String, lang: Lang },
    #[error("policy text `{place}` uses unknown placeholder `{{{placeholder}}}`")]
    UnknownPlaceholder { place: String, placeholder: String },
    #[error("policy text `{place}` has an unclosed `{{`")]
    UnclosedPlaceholder { place: String },
    #[error("policy refusal.min_assessment_chars must be at least 1")]
    AssessmentThresholdZero,
    #[error("unknown language `{0}` (expected da or en)")]
    UnknownLanguage(String),
}

/// The notices the guideline itself names, with the rule each belongs to and whether another
/// municipality may make it merely recommended. Other notices may be added by a policy.
pub const KNOWN_NOTICES: &[(&str, RuleId, bool)] = &[
    ("legal", RuleId::NoticeLegal, true),
    ("disclosure", RuleId::NoticeDisclosure, true),
    ("data", RuleId::NoticeData, false),
];

/// Texts every policy must carry, with the rule that needs each.
pub const REQUIRED_TEXTS: &[(&str, RuleId)] = &[
    ("procesbeslutning", RuleId::RefuseNature),
    ("unannounced", RuleId::Unannounced),
    ("outside_guideline", RuleId::Scope),
    ("official_character_question", RuleId::Scope),
    ("default_sound_only", RuleId::Default),
    ("video_allowed", RuleId::Default),
    ("interest_weighing", RuleId::Weigh),
    ("note_title_recorded_video", RuleId::Default),
    ("note_title_refused_unannounced", RuleId::Unannounced),
    ("addendum_title", RuleId::Record),
    ("addendum_statement", RuleId::Record),
    ("outside_guideline_municipality", RuleId::Scope),
    ("oral_decision_made", RuleId::NoticeLegal),
    ("oral_decision_not_made", RuleId::NoticeLegal),
    ("room_instruction", RuleId::RefuseRoom),
    ("legal_help", RuleId::LegalHelp),
    ("equal_treatment", RuleId::Equal),
    ("note_title_recorded", RuleId::NoticeCase),
    ("note_title_refused", RuleId::NoticeCase),
    ("note_title_unannounced_open", RuleId::Unannounced),
    ("note_title_unannounced_hidden", RuleId::Unannounced),
    ("note_title_no_recording", RuleId::Record),
    ("note_title_outside_guideline", RuleId::Scope),
    ("incident_title", RuleId::Misuse),
    ("misuse_statement", RuleId::Misuse),
];

/// Placeholders a text may use; a capitalised placeholder (`{Counterpart_definite}`) gives
/// the word with a capital first letter, for the start of a sentence.
const ROLE_PLACEHOLDERS: &[&str] = &[
    "counterpart",
    "counterpart_definite",
    "staff",
    "staff_definite",
    "municipality",
];
/// Messages may also name the notice they are about.
const MESSAGE_PLACEHOLDERS: &[&str] = &["notice"];

impl Policy {
    /// The built-in Albertslund policy. Parsed once; the embedded file is checked by tests,
    /// so failing here is a build defect.
    pub fn builtin() -> &'static Policy {
        static BUILTIN: OnceLock<Policy> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Policy::load_from_str(BUILTIN_POLICY_TOML)
                .expect("the embedded policy/albertslund.toml is valid")
        })
    }

    /// Parses and validates a policy file. The hash covers the exact text given.
    pub fn load_from_str(text: &str) -> Result<Policy, PolicyError> {
        let content: PolicyContent = toml::from_str(text)?;
        validate_content(&content)?;
        let hash = hex::encode(Sha256::digest(text.as_bytes()));
        Ok(Policy {
            reference: PolicyRef {
                id: content.id.clone(),
                version: content.version.clone(),
                hash,
            },
            content,
        })
    }

    /// Id, version and hash: what a record stores as the policy it was made under.
    pub fn reference(&self) -> PolicyRef {
        self.reference.clone()
    }

    pub fn id(&self) -> &str {
        &self.content.id
    }

    pub fn version(&self) -> &str {
        &self.content.version
    }

    pub fn content(&self) -> &PolicyContent {
        &self.content
    }

    pub fn municipality(&self, lang: Lang) -> &str {
        self.content.municipality.get(lang)
    }

    pub fn min_assessment_chars(&self) -> usize {
        self.content.refusal.min_assessment_chars
    }

    pub fn notices(&self) -> &[NoticeDefinition] {
        &self.content.notices
    }

    pub fn notice(&self, id: &str) -> Option<&NoticeDefinition> {
        self.content.notices.iter().find(|n| n.id == id)
    }

    /// The notices that apply in a situation, in policy order.
    pub fn notices_for(&self, situation: Situation) -> impl Iterator<Item = &NoticeDefinition> {
        self.content
            .notices
            .iter()
            .filter(move |n| n.applies_to.contains(&situation))
    }

    /// The note's sentence for a notice given in a situation, with the kind's role words.
    pub fn notice_text(
        &self,
        id: &str,
        situation: Situation,
        lang: Lang,
        kind: MeetingKind,
    ) -> Option<String> {
        let notice = self.notice(id)?;
        let text = match situation {
            Situation::Recorded => notice.text.recorded.as_ref(),
            Situation::Refused => notice.text.refused.as_ref(),
        }?;
        Some(self.fill(text.get(lang), lang, kind, &[]))
    }

    /// What staff can say aloud for a notice in a situation.
    pub fn notice_say(
        &self,
        id: &str,
        situation: Situation,
        lang: Lang,
        kind: MeetingKind,
    ) -> Option<String> {
        let notice = self.notice(id)?;
        let text = match situation {
            Situation::Recorded => notice.say.recorded.as_ref(),
            Situation::Refused => notice.say.refused.as_ref(),
        }?;
        Some(self.fill(text.get(lang), lang, kind, &[]))
    }

    pub fn grounds(&self) -> &[GroundDefinition] {
        &self.content.grounds
    }

    pub fn ground(&self, ground: RefusalGround) -> &GroundDefinition {
        self.content
            .grounds
            .iter()
            .find(|g| g.ground == ground)
            .expect("validated: every ground is defined")
    }

    /// The ground's description with the kind's role words.
    pub fn ground_text(&self, ground: RefusalGround, lang: Lang, kind: MeetingKind) -> String {
        self.fill(self.ground(ground).text.get(lang), lang, kind, &[])
    }

    pub fn role_words(&self, kind: MeetingKind, lang: Lang) -> &RoleWords {
        let roles = match kind {
            MeetingKind::Citizen => &self.content.roles.citizen,
            MeetingKind::Employee => &self.content.roles.employee,
        };
        match lang {
            Lang::Da => &roles.da,
            Lang::En => &roles.en,
        }
    }

    /// A named text with the kind's role words filled in. `None` only for keys outside
    /// [`REQUIRED_TEXTS`] that this policy does not define.
    pub fn text(&self, key: &str, lang: Lang, kind: MeetingKind) -> Option<String> {
        let text = self.content.texts.get(key)?;
        Some(self.fill(text.get(lang), lang, kind, &[]))
    }

    /// The word for a coded value, e.g. `label("channel", "in_person", Lang::Da)`.
    pub fn label(&self, group: &str, key: &str, lang: Lang) -> Option<&str> {
        Some(self.content.labels.get(group)?.get(key)?.get(lang))
    }

    /// G-REFUSE-NATURE: the statement that a refusal is a procesbeslutning.
    pub fn refusal_nature_statement(&self, lang: Lang, kind: MeetingKind) -> String {
        self.required_text("procesbeslutning", lang, kind)
    }

    /// G-UNANNOUNCED: recording without asking is not illegal; staff can only encourage
    /// disclosure.
    pub fn unannounced_statement(&self, lang: Lang, kind: MeetingKind) -> String {
        self.required_text("unannounced", lang, kind)
    }

    /// The note's title for this record's situation.
    pub fn note_title(&self, record: &MeetingRecord, lang: Lang) -> String {
        let kind = record.meeting.kind;
        let key = if rules::is_outside_guideline(record) {
            "note_title_outside_guideline"
        } else {
            match (rules::situation(record), record.recording.origin) {
                // Nobody asked: a refusal of a recording that was under way, not of a wish.
                (Some(Situation::Refused), Some(RecordingOrigin::AskedFirst)) => {
                    "note_title_refused"
                }
                (Some(Situation::Refused), _) => "note_title_refused_unannounced",
                (Some(Situation::Recorded), Some(RecordingOrigin::DiscoveredHidden)) => {
                    "note_title_unannounced_hidden"
                }
                (Some(Situation::Recorded), Some(RecordingOrigin::OpenWithoutAsking)) => {
                    "note_title_unannounced_open"
                }
                (Some(Situation::Recorded), _) if rules::video_allowed(record) => {
                    "note_title_recorded_video"
                }
                (Some(Situation::Recorded), _) => "note_title_recorded",
                (None, _) => "note_title_no_recording",
            }
        };
        let title = self.required_text(key, lang, kind);
        if record.addendum_to.is_some() {
            // "Tillæg til notat: …" — a correction says so in its title.
            return format!(
                "{}: {title}",
                self.required_text("addendum_title", lang, kind)
            );
        }
        title
    }

    /// The text for a message code, with the kind's role words.
    pub fn message(&self, code: ViolationCode, lang: Lang, kind: MeetingKind) -> String {
        self.message_with(code, lang, kind, &[])
    }

    /// The text for a violation; a notice's title is filled in for `notices.<id>` fields, and
    /// advisory violations are the same texts (the UI marks severity).
    pub fn violation_message(
        &self,
        violation: &Violation,
        lang: Lang,
        kind: MeetingKind,
    ) -> String {
        let notice_title = violation
            .field
            .strip_prefix("notices.")
            .and_then(|id| self.notice(id))
            .map(|n| n.title.get(lang).to_owned())
            .or_else(|| violation.field.strip_prefix("notices.").map(str::to_owned));
        match notice_title {
            Some(title) => self.message_with(violation.code, lang, kind, &[("notice", &title)]),
            None => self.message_with(violation.code, lang, kind, &[]),
        }
    }

    fn message_with(
        &self,
        code: ViolationCode,
        lang: Lang,
        kind: MeetingKind,
        extra: &[(&str, &str)],
    ) -> String {
        match self.content.messages.get(code.as_str()) {
            Some(text) => self.fill(text.get(lang), lang, kind, extra),
            // Unreachable for a validated policy; the code is still better than nothing.
            None => code.as_str().to_owned(),
        }
    }

    fn required_text(&self, key: &str, lang: Lang, kind: MeetingKind) -> String {
        self.text(key, lang, kind)
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// Replaces `{placeholder}`s. Unknown ones cannot occur in a validated policy.
    fn fill(
        &self,
        template: &str,
        lang: Lang,
        kind: MeetingKind,
        extra: &[(&str, &str)],
    ) -> String {
        let words = self.role_words(kind, lang);
        let lookup = |name: &str| -> Option<String> {
            let value = match name {
                "counterpart" => words.counterpart.as_str(),
                "counterpart_definite" => words.counterpart_definite.as_str(),
                "staff" => words.staff.as_str(),
                "staff_definite" => words.staff_definite.as_str(),
                "municipality" => self.content.municipality.get(lang),
                other => extra.iter().find(|(k, _)| *k == other).map(|(_, v)| *v)?,
            };
            Some(value.to_owned())
        };
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            let (lower, capitalize) = decapitalize(name);
            match lookup(&lower) {
                Some(value) if capitalize => out.push_str(&capitalize_first(&value)),
                Some(value) => out.push_str(&value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// `Counterpart` → (`counterpart`, true).
fn decapitalize(name: &str) -> (String, bool) {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => (first.to_lowercase().chain(chars).collect(), true),
        _ => (name.to_owned(), false),
    }
}

fn capitalize_first(value: &str) -> String {
    let mut chars = value.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every coded value the note prints, with its wire name, so a policy must name each.
fn required_labels() -> Vec<(&'static str, Vec<String>)> {
    fn names<T: Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| match serde_json::to_value(v) {
                Ok(serde_json::Value::String(s)) => s,
                other => panic!("coded value serializes as a string, got {other:?}"),
            })
            .collect()
    }
    vec![
        (
            "kind",
            names(&[MeetingKind::Citizen, MeetingKind::Employee]),
        ),
        (
            "channel",
            names(&[
                Channel::InPerson,
                Channel::Phone,
                Channel::VideoCall,
                Channel::HomeVisit,
            ]),
        ),
        (
            "origin",
            names(&[
                RecordingOrigin::None,
                RecordingOrigin::AskedFirst,
                RecordingOrigin::OpenWithoutAsking,
                RecordingOrigin::DiscoveredHidden,
                RecordingOrigin::MunicipalityWants,
            ]),
        ),
        ("medium", names(&[Medium::Sound, Medium::VideoRequested])),
        ("decision", names(&[Decision::Allowed, Decision::Refused])),
        (
            "video_scope",
            names(&[VideoScope::SoundOnly, VideoScope::VideoAllowed]),
        ),
        (
            "reason",
            names(&[
                RecordingReason::NoteTakingDifficulty,
                RecordingReason::MemoryOrConcentration,
                RecordingReason::ForAbsentBisidder,
                RecordingReason::Other,
            ]),
        ),
        ("misuse_kind", names(MisuseKind::ALL)),
        ("police_report", names(PoliceReportAssessment::ALL)),
        ("severity", names(&[Severity::Blocking, Severity::Advisory])),
    ]
}

fn validate_content(c: &PolicyContent) -> Result<(), PolicyError> {
    if c.id.trim().is_empty() {
        return Err(PolicyError::EmptyField("id"));
    }
    if c.version.trim().is_empty() {
        return Err(PolicyError::EmptyField("version"));
    }
    if c.refusal.min_assessment_chars == 0 {
        return Err(PolicyError::AssessmentThresholdZero);
    }

    // Notices: the guideline's four are present, belong to their rule, and the three
    // mandatory ones stay required.
    let mut seen = BTreeSet::new();
    for notice in &c.notices {
        if !seen.insert(notice.id.as_str()) {
            return Err(PolicyError::DuplicateNotice {
                id: notice.id.clone(),
            });
        }
        if notice.applies_to.is_empty() {
            return Err(PolicyError::NoticeAppliesToNothing {
                id: notice.id.clone(),
            });
        }
        for situation in &notice.applies_to {
            let text = match situation {
                Situation::Recorded => &notice.text.recorded,
                Situation::Refused => &notice.text.refused,
            };
            let say = match situation {
                Situation::Recorded => &notice.say.recorded,
                Situation::Refused => &notice.say.refused,
            };
            if text.is_none() || say.is_none() {
                return Err(PolicyError::MissingNoticeText {
                    id: notice.id.clone(),
                    situation: *situation,
                });
            }
        }
    }
    for &(id, rule, must_be_required) in KNOWN_NOTICES {
        let notice = c
            .notices
            .iter()
            .find(|n| n.id == id)
            .ok_or(PolicyError::MissingNotice { id, rule })?;
        if notice.rule != rule {
            return Err(PolicyError::NoticeRuleMismatch {
                id: id.to_owned(),
                expected: rule,
                found: notice.rule,
            });
        }
        if must_be_required && notice.level != NoticeLevel::Required {
            return Err(PolicyError::NoticeNotRequired {
                id: id.to_owned(),
                rule,
            });
        }
    }

    // Grounds: exactly the guideline's three, once each.
    for ground in [
        RefusalGround::Harassment,
        RefusalGround::OthersMatters,
        RefusalGround::Other,
    ] {
        match c.grounds.iter().filter(|g| g.ground == ground).count() {
            0 => return Err(PolicyError::MissingGround { ground }),
            1 => {}
            _ => return Err(PolicyError::DuplicateGround { ground }),
        }
    }

    for &(key, rule) in REQUIRED_TEXTS {
        if !c.texts.contains_key(key) {
            return Err(PolicyError::MissingText { key, rule });
        }
    }
    for (group, keys) in required_labels() {
        for key in keys {
            let present = c.labels.get(group).is_some_and(|g| g.contains_key(&key));
            if !present {
                return Err(PolicyError::MissingLabel { group, key });
            }
        }
    }
    for &code in ViolationCode::ALL {
        if !c.messages.contains_key(code.as_str()) {
            return Err(PolicyError::MissingMessage { code });
        }
    }
    for key in c.messages.keys() {
        if key.parse::<ViolationCode>().is_err() {
            return Err(PolicyError::UnknownMessage { key: key.clone() });
        }
    }

    // Every text: non-empty in both languages, only known placeholders.
    let mut places: Vec<(String, &LocalizedText, bool)> = Vec::new();
    places.push(("municipality".into(), &c.municipality, false));
    for n in &c.notices {
        places.push((format!("notices.{}.title", n.id), &n.title, false));
        if let Some(t) = &n.text.recorded {
            places.push((format!("notices.{}.text.recorded", n.id), t, false));
        }
        if let Some(t) = &n.text.refused {
            places.push((format!("notices.{}.text.refused", n.id), t, false));
        }
        if let Some(t) = &n.say.recorded {
            places.push((format!("notices.{}.say.recorded", n.id), t, false));
        }
        if let Some(t) = &n.say.refused {
            places.push((format!("notices.{}.say.refused", n.id), t, false));
        }
    }
    for g in &c.grounds {
        places.push((format!("grounds.{}.title", g.label), &g.title, false));
        places.push((format!("grounds.{}.text", g.label), &g.text, false));
    }
    for (k, t) in &c.texts {
        places.push((format!("texts.{k}"), t, false));
    }
    for (group, entries) in &c.labels {
        for (k, t) in entries {
            places.push((format!("labels.{group}.{k}"), t, false));
        }
    }
    for (k, t) in &c.messages {
        places.push((format!("messages.{k}"), t, true));
    }
    for (place, text, is_message) in places {
        for lang in [Lang::Da, Lang::En] {
            check_text(&place, text.get(lang), lang, is_message)?;
        }
    }
    for (kind, roles) in [
        ("citizen", &c.roles.citizen),
        ("employee", &c.roles.employee),
    ] {
        for (lang, words) in [(Lang::Da, &roles.da), (Lang::En, &roles.en)] {
            for (name, word) in [
                ("counterpart", &words.counterpart),
                ("counterpart_definite", &words.counterpart_definite),
                ("staff", &words.staff),
                ("staff_definite", &words.staff_definite),
            ] {
                if word.trim().is_empty() {
                    return Err(PolicyError::EmptyText {
                        place: format!("roles.{kind}.{name}"),
                        lang,
                    });
                }
            }
        }
    }
    Ok(())
}

fn check_text(place: &str, text: &str, lang: Lang, is_message: bool) -> Result<(), PolicyError> {
    if text.trim().is_empty() {
        return Err(PolicyError::EmptyText {
            place: place.to_owned(),
            lang,
        });
    }
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| PolicyError::UnclosedPlaceholder {
                place: place.to_owned(),
            })?;
        let (name, _) = decapitalize(&after[..close]);
        let known = ROLE_PLACEHOLDERS.contains(&name.as_str())
            || (is_message && MESSAGE_PLACEHOLDERS.contains(&name.as_str()));
        if !known {
            return Err(PolicyError::UnknownPlaceholder {
                place: place.to_owned(),
                placeholder: after[..close].to_owned(),
            });
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_policy_loads_and_is_referenced_by_its_hash() {
        let policy = Policy::builtin();
        let reference = policy.reference();
        assert_eq!(reference.id, "albertslund");
        assert_eq!(reference.hash.len(), 64);
        assert_eq!(
            reference.hash,
            hex::encode(Sha256::digest(BUILTIN_POLICY_TOML.as_bytes()))
        );
    }

    #[test]
    fn role_words_follow_the_meeting_kind() {
        let p = Policy::builtin();
        assert_eq!(
            p.role_words(MeetingKind::Citizen, Lang::Da).counterpart,
            "borger"
        );
        assert_eq!(
            p.role_words(MeetingKind::Citizen, Lang::Da).staff,
            "medarbejder"
        );
        assert_eq!(
            p.role_words(MeetingKind::Employee, Lang::Da).counterpart,
            "ansat"
        );
        assert_eq!(p.role_words(MeetingKind::Employee, Lang::Da).staff, "leder");
        assert_eq!(
            p.role_words(MeetingKind::Employee, Lang::En).staff,
            "manager"
        );
        let citizen = p.notice_text(
            "disclosure",
            Situation::Recorded,
            Lang::Da,
            MeetingKind::Citizen,
        );
        let employee = p.notice_text(
            "disclosure",
            Situation::Recorded,
            Lang::Da,
            MeetingKind::Employee,
        );
        assert!(citizen.unwrap().starts_with("Borgeren "));
        assert!(employee.unwrap().starts_with("Den ansatte "));
    }

    #[test]
    fn filled_texts_leave_no_placeholders() {
        let p = Policy::builtin();
        for kind in [MeetingKind::Citizen, MeetingKind::Employee] {
            for lang in [Lang::Da, Lang::En] {
                for key in p.content().texts.keys() {
                    let text = p.text(key, lang, kind).unwrap();
                    assert!(!text.contains('{'), "{key}: {text}");
                }
                for &code in ViolationCode::ALL {
                    let v = Violation::blocking(RuleId::NoticeLegal, "notices.legal", code);
                    let text = p.violation_message(&v, lang, kind);
                    assert!(!text.contains('{'), "{code}: {text}");
                }
            }
        }
    }
}
