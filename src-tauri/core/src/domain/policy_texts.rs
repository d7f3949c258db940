//! Every text of the policy resolved for one meeting kind and language, ready for the UI:
//! role words filled in, one language chosen. The UI shows these; it never builds rule texts
//! of its own.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::policy::{Lang, NoticeLevel, Policy, RoleWords, Situation};
use super::record::{MeetingKind, RefusalGround};
use super::rules::{RuleId, ViolationCode};

#[derive(Debug, Clone, Serialize, TS)]
pub struct NoticeTextsView {
    pub id: String,
    pub rule: RuleId,
    pub level: NoticeLevel,
    pub applies_to: Vec<Situation>,
    pub title: String,
    /// What the note states was said, when the meeting is recorded / when refused.
    pub text_recorded: Option<String>,
    pub text_refused: Option<String>,
    /// What staff can say aloud, in plain words, in each situation.
    pub say_recorded: Option<String>,
    pub say_refused: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct GroundTextsView {
    pub ground: RefusalGround,
    pub label: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PolicyTexts {
    pub policy_id: String,
    pub policy_version: String,
    pub municipality: String,
    pub roles: RoleWords,
    pub min_assessment_chars: usize,
    pub notices: Vec<NoticeTextsView>,
    pub grounds: Vec<GroundTextsView>,
    /// Named statements (`procesbeslutning`, `unannounced`, `outside_guideline`, ...).
    pub texts: BTreeMap<String, String>,
    /// Words for coded values by group, e.g. `labels["channel"]["in_person"]`.
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    /// A text for every violation code.
    pub messages: BTreeMap<String, String>,
}

impl Policy {
    pub fn texts_for(&self, kind: MeetingKind, lang: Lang) -> PolicyTexts {
        let content = self.content();
        PolicyTexts {
            policy_id: self.id().to_owned(),
            policy_version: self.version().to_owned(),
            municipality: self.municipality(lang).to_owned(),
            roles: self.role_words(kind, lang).clone(),
            min_assessment_chars: self.min_assessment_chars(),
            notices: self
                .notices()
                .iter()
                .map(|n| NoticeTextsView {
                    id: n.id.clone(),
                    rule: n.rule,
                    level: n.level,
                    applies_to: n.applies_to.clone(),
                    title: n.title.get(lang).to_owned(),
                    text_recorded: self.notice_text(&n.id, Situation::Recorded, lang, kind),
                    text_refused: self.notice_text(&n.id, Situation::Refused, lang, kind),
                    say_recorded: self.notice_say(&n.id, Situation::Recorded, lang, kind),
                    say_refused: self.notice_say(&n.id, Situation::Refused, lang, kind),
                })
                .collect(),
            grounds: self
                .grounds()
                .iter()
                .map(|g| GroundTextsView {
                    ground: g.ground,
                    label: g.label.clone(),
                    title: g.title.get(lang).to_owned(),
                    text: self.ground_text(g.ground, lang, kind),
                })
                .collect(),
            texts: content
                .texts
                .keys()
                .filter_map(|k| self.text(k, lang, kind).map(|t| (k.clone(), t)))
                .collect(),
            labels: content
                .labels
                .iter()
                .map(|(group, entries)| {
                    let words = entries
                        .iter()
                        .map(|(key, text)| (key.clone(), text.get(lang).to_owned()))
                        .collect();
                    (group.clone(), words)
                })
                .collect(),
            messages: ViolationCode::ALL
                .iter()
                .map(|code| (code.as_str().to_owned(), self.message(*code, lang, kind)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_use_the_role_words_of_the_meeting_kind() {
        let policy = Policy::builtin();
        let citizen = policy.texts_for(MeetingKind::Citizen, Lang::Da);
        let employee = policy.texts_for(MeetingKind::Employee, Lang::Da);
        assert_eq!(citizen.roles.counterpart, "borger");
        assert_eq!(employee.roles.counterpart, "ansat");
        let all_citizen = serde_json::to_string(&citizen).unwrap();
        let all_employee = serde_json::to_string(&employee).unwrap();
        assert!(
            !all_citizen.contains("{counterpart"),
            "placeholders are filled"
        );
        assert!(
            !all_employee.contains("{counterpart"),
            "placeholders are filled"
        );
        assert_eq!(citizen.messages.len(), ViolationCode::ALL.len());
        assert!(citizen.texts.contains_key("procesbeslutning"));
        let en = policy.texts_for(MeetingKind::Citizen, Lang::En);
        assert_ne!(
            en.texts["procesbeslutning"],
            citizen.texts["procesbeslutning"]
        );
    }
}
