//! Loading a policy file: what makes one refused, the reference that hashes its bytes, and the
//! built-in policy's Danish texts.

use samtalenotat_core::domain::policy::{Lang, Policy, PolicyError, BUILTIN_POLICY_TOML};
use samtalenotat_core::domain::rules::{RuleId, ViolationCode};
use samtalenotat_core::domain::{MeetingKind, RecordingOrigin, RefusalGround};

use super::{allowed_record, policy, refused_record};

fn replace_line(text: &str, starts_with: &str, replacement: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with(starts_with) {
                replacement
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn policy_reference_hashes_the_exact_bytes() {
    let a = Policy::load_from_str(BUILTIN_POLICY_TOML)
        .unwrap()
        .reference();
    assert_eq!(a, policy().reference());
    assert_eq!(
        (a.id.as_str(), a.version.as_str()),
        ("albertslund", "2026.2")
    );
    let b = Policy::load_from_str(&format!("{BUILTIN_POLICY_TOML}\n# edited\n"))
        .unwrap()
        .reference();
    assert_ne!(a.hash, b.hash);
}

#[test]
fn policy_without_a_known_notice_is_refused() {
    let text = BUILTIN_POLICY_TOML.replace("id = \"disclosure\"", "id = \"disclosure-x\"");
    assert!(matches!(
        Policy::load_from_str(&text),
        Err(PolicyError::MissingNotice {
            id: "disclosure",
            rule: RuleId::NoticeDisclosure
        })
    ));
}

#[test]
fn policy_cannot_make_a_mandatory_notice_merely_recommended() {
    let text = BUILTIN_POLICY_TOML.replacen(
        "rule = \"G-NOTICE-LEGAL\"\nlevel = \"required\"",
        "rule = \"G-NOTICE-LEGAL\"\nlevel = \"recommended\"",
        1,
    );
    assert_ne!(text, BUILTIN_POLICY_TOML);
    assert!(matches!(
        Policy::load_from_str(&text),
        Err(PolicyError::NoticeNotRequired { .. })
    ));
}

#[test]
fn policy_message_without_english_is_refused_naming_the_place() {
    let text = replace_line(
        BUILTIN_POLICY_TOML,
        "cpr_number = ",
        "cpr_number = { da = \"CPR\" }",
    );
    let err = Policy::load_from_str(&text).unwrap_err();
    assert!(matches!(err, PolicyError::Parse(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("en"), "{message}");
}

#[test]
fn policy_missing_a_message_code_is_refused() {
    let text = replace_line(BUILTIN_POLICY_TOML, "cpr_number = ", "");
    assert!(matches!(
        Policy::load_from_str(&text),
        Err(PolicyError::MissingMessage {
            code: ViolationCode::CprNumber
        })
    ));
}

#[test]
fn policy_with_unknown_placeholder_is_refused() {
    let text =
        BUILTIN_POLICY_TOML.replace("{Counterpart_definite} blev anvist", "{borger} blev anvist");
    assert!(matches!(
        Policy::load_from_str(&text),
        Err(PolicyError::UnknownPlaceholder { .. })
    ));
}

#[test]
fn policy_texts_are_danish_with_the_guidelines_words() {
    let p = policy();
    let r = allowed_record();
    assert_eq!(
        p.note_title(&r, Lang::Da),
        "Notat om lydoptagelse af samtale"
    );
    assert_eq!(
        p.note_title(&refused_record(), Lang::Da),
        "Notat om afvist ønske om lydoptagelse"
    );
    let mut hidden = allowed_record();
    hidden.recording.origin = Some(RecordingOrigin::DiscoveredHidden);
    assert_eq!(
        p.note_title(&hidden, Lang::Da),
        "Notat om skjult lydoptagelse af samtale"
    );
    let grounds: Vec<_> = p.grounds().iter().map(|g| g.label.as_str()).collect();
    assert_eq!(grounds, ["a", "b", "c"]);
    let b = p.ground_text(
        RefusalGround::OthersMatters,
        Lang::Da,
        MeetingKind::Employee,
    );
    assert!(b.contains("den ansattes interesse"), "{b}");
    assert_eq!(
        p.label("channel", "home_visit", Lang::Da),
        Some("Hjemmebesøg")
    );
}
