//! Loading trusted keys: a file that cannot be used is reported and skipped, never drops the
//! others; two different keys under one key id are refused (and the id distrusted).

use chrono::{DateTime, Utc};
use samtalenotat_core::domain::StaffMember;
use samtalenotat_core::note::keys::{self, PublicKeyFile};
use samtalenotat_core::note::{SkipReason, TrustedKeys};

fn now() -> DateTime<Utc> {
    "2026-11-28T13:05:00Z".parse().unwrap()
}

fn make_key(dir: &std::path::Path, initials: &str) -> keys::KeyInfo {
    keys::generate_key(
        dir,
        &StaffMember {
            name: format!("Person {initials}"),
            initials: initials.into(),
        },
        "korrekt hest batteri",
        now(),
    )
    .unwrap()
}

/// A public key file with the same key id as `real` but other key material: what anyone who
/// can write to the share could craft (a minisign key id is 8 chosen bytes).
fn forged_with_same_id(real: &str) -> String {
    use base64::Engine;
    let b64 = real.lines().nth(1).unwrap();
    let mut raw = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    for b in &mut raw[10..] {
        *b ^= 0x5a;
    }
    format!(
        "untrusted comment: minisign public key\n{}\n",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

#[test]
fn an_unparsable_key_file_is_reported_and_the_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let keys_dir = dir.path().join("keys");
    let a = make_key(&keys_dir, "AAAA");
    let b = make_key(&keys_dir, "BBBB");
    std::fs::write(keys_dir.join("0000000000000000.pub"), "not a key\n").unwrap();
    let (trusted, report) = TrustedKeys::from_dir(&keys_dir).unwrap();
    assert_eq!(trusted.len(), 2, "both real keys load");
    assert_eq!(report.added, 2);
    assert_eq!(report.skipped.len(), 1);
    assert!(matches!(
        report.skipped[0].reason,
        SkipReason::Unparsable(_)
    ));
    assert!(report.skipped[0].path.ends_with("0000000000000000.pub"));
    let _ = (a, b);
}

#[test]
fn two_different_keys_under_one_id_are_refused_and_the_id_is_distrusted() {
    let dir = tempfile::tempdir().unwrap();
    let keys_dir = dir.path().join("keys");
    let real = make_key(&keys_dir, "MESO");
    let real_text = std::fs::read_to_string(&real.public_key_path).unwrap();
    let forged = forged_with_same_id(&real_text);
    assert_eq!(
        PublicKeyFile::parse(&forged).unwrap().key_id,
        real.key_id,
        "the forgery claims the real key's id"
    );
    // Sorted after the real one, so "the first file with the id" would have taken the real key.
    std::fs::write(keys_dir.join("zz-forged.pub"), &forged).unwrap();
    let (trusted, report) = TrustedKeys::from_dir(&keys_dir).unwrap();
    assert!(
        trusted.is_empty(),
        "neither key under the contested id is trusted"
    );
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(
        report.skipped[0].reason,
        SkipReason::DuplicateKeyId(real.key_id)
    );

    // Added one by one: the same key again is fine, a second key under the id is refused.
    let mut trusted = TrustedKeys::new();
    let parsed = PublicKeyFile::parse(&real_text).unwrap();
    trusted.add(parsed.clone()).unwrap();
    trusted.add(parsed.clone()).unwrap();
    assert_eq!(trusted.len(), 1);
    assert!(trusted.add(PublicKeyFile::parse(&forged).unwrap()).is_err());
    assert!(trusted.add(parsed).is_err(), "the id stays distrusted");
}

#[test]
fn a_symlinked_key_file_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let keys_dir = dir.path().join("keys");
    let real = make_key(&keys_dir, "MESO");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::rename(&real.public_key_path, elsewhere.join("k.pub")).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("k.pub"), &real.public_key_path).unwrap();
    let (trusted, report) = TrustedKeys::from_dir(&keys_dir).unwrap();
    assert!(trusted.is_empty());
    assert_eq!(report.skipped[0].reason, SkipReason::NotAFile);
}
