//! Who may sign: endorsements and revocations by the administration key, read from the share
//! and believed only when signed; the forgery that used to verify ("a crafted key reusing a
//! staff member's key id") now fails everywhere.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use samtalenotat_core::app::files::{self, AdminAction};
use samtalenotat_core::app::trust::{AdminKeySource, Endorsement};
use samtalenotat_core::app::{App, AppConfig, ErrorCode};
use samtalenotat_core::domain::MeetingKind;
use samtalenotat_core::trust::{AdminKey, NoteChecker, SignerStanding, TrustSet};
use serde_json::{json, Value};
use zeroize::Zeroizing;

use crate::forgery::forge_with_crafted_key;
use crate::harness::{record_fixture_path, TestClock, TestDir};

const PASS: &str = "korrekt hest batteri";
const ADMIN_PASS: &str = "administrationens lange kodeord";

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn pass(p: &str) -> Zeroizing<String> {
    Zeroizing::new(p.to_owned())
}

/// A PC with a staff member, a key, a prepared local share, and the administration key.
struct World {
    dir: TestDir,
    clock: Arc<TestClock>,
    app: App,
    share: PathBuf,
    admin_sec: PathBuf,
    admin_pub: PathBuf,
}

impl World {
    fn new() -> World {
        let dir = TestDir::new();
        let clock = Arc::new(TestClock::at(t("2026-11-02T09:00:00Z")));
        let (info, _) =
            files::create_admin_key(&dir.join("admin"), &pass(ADMIN_PASS), clock.now_at()).unwrap();
        let share = dir.join("share");
        std::fs::create_dir_all(&share).unwrap();
        let mut config = AppConfig::new(dir.join("data"), clock.clone());
        config.deployed_admin_key = Some(info.public_key_path.clone());
        let app = App::open(config).unwrap();
        app.save_settings(json!({
            "staff": { "name": "Mette Sørensen", "initials": "MESO" },
            "units": [], "rooms": [], "language": "da",
            "share_dir": share.to_str().unwrap()
        }))
        .unwrap();
        app.create_key(pass(PASS)).unwrap();
        World {
            dir,
            clock,
            app,
            share,
            admin_sec: info.secret_key_path,
            admin_pub: info.public_key_path,
        }
    }

    fn staff_pub(&self) -> PathBuf {
        PathBuf::from(self.app.key_status().unwrap().public_key_path.unwrap())
    }

    fn endorse(&self, from: &str) {
        files::endorse_key(
            AdminAction {
                admin_secret: &self.admin_sec,
                share: &self.share,
                staff_key: &self.staff_pub(),
                now: self.clock.now_at(),
            },
            pass(ADMIN_PASS),
            "Mette Sørensen",
            "MESO",
            t(from),
        )
        .unwrap();
    }

    /// Signs a note now and syncs it; returns its folder on the share.
    fn signed_note(&self) -> PathBuf {
        let view =
            serde_json::to_value(self.app.create_draft(MeetingKind::Citizen).unwrap()).unwrap();
        let mut record: Value = serde_json::from_str(
            &std::fs::read_to_string(record_fixture_path("citizen-asked-first-allowed.json"))
                .unwrap(),
        )
        .unwrap();
        for key in ["id", "created_at", "updated_at", "policy"] {
            record[key] = view["record"][key].clone();
        }
        let at = view["record"]["created_at"].clone();
        for time in record["notices"].as_object_mut().unwrap().values_mut() {
            *time = at.clone();
        }
        record["meeting"]["starts_at"] = at;
        record["meeting"]["ends_at"] = Value::Null;
        let id = record["id"].as_str().unwrap().to_owned();
        self.app.save_draft(record).unwrap();
        self.app.finish_and_sign(&id, pass(PASS)).unwrap();
        let report = self.app.sync_once(true, None, &mut |_| {}).unwrap();
        assert!(report.all_ok(), "{report:?}");
        samtalenotat_core::sync::layout::note_folder(&id)
            .unwrap()
            .under(&self.share)
    }

    fn trust(&self) -> TrustSet {
        TrustSet::load(
            &AdminKey::parse(&std::fs::read_to_string(&self.admin_pub).unwrap()).unwrap(),
            &self.share,
        )
    }
}

trait NowAt {
    fn now_at(&self) -> DateTime<Utc>;
}
impl NowAt for TestClock {
    fn now_at(&self) -> DateTime<Utc> {
        samtalenotat_core::clock::Clock::now(self)
    }
}

#[test]
fn a_new_key_is_pending_until_endorsed_and_its_notes_then_count() {
    let w = World::new();
    let status = w.app.key_status().unwrap();
    assert_eq!(status.endorsement, Some(Endorsement::Pending));
    let note = w.signed_note();
    let verdict = w.trust().check(&note);
    assert!(!verdict.trusted());
    assert_eq!(verdict.signer, SignerStanding::Unknown, "not endorsed yet");
    assert!(verdict
        .report
        .checks
        .iter()
        .any(|c| c.code == Some(samtalenotat_core::note::VerifyCode::KeyNotTrusted)));

    w.endorse("2026-11-01T00:00:00Z");
    assert!(matches!(
        w.app.key_status().unwrap().endorsement,
        Some(Endorsement::Endorsed { .. })
    ));
    let verdict = w.trust().check(&note);
    assert!(verdict.trusted(), "{verdict:?}");
    assert_eq!(
        verdict.signer,
        SignerStanding::Endorsed {
            name: "Mette Sørensen".into(),
            initials: "MESO".into()
        }
    );
    // In the app too, on the folder as it lies on the share.
    let seen = w.app.verify_note_folder(&note).unwrap();
    assert!(seen.report.ok);
    assert!(matches!(seen.signer, Some(SignerStanding::Endorsed { .. })));
    // And from the command line.
    let out = w
        .dir
        .cli()
        .arg("verify")
        .arg(&note)
        .arg("--share")
        .arg(&w.share)
        .arg("--admin-key")
        .arg(&w.admin_pub)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("signed by Mette Sørensen (MESO)"));
    // The keys folder route works on the share layout too (no signer.pub in the folder).
    let keys = w.share.join("samtalenotat/v1/keys");
    let report = files::verify_with_keys(&note, Some(&keys)).unwrap();
    assert!(report.ok, "{:?}", report.failure_lines());
}

#[test]
fn endorsement_from_a_later_time_and_revocation_decide_by_the_signing_time() {
    let w = World::new();
    let early = w.signed_note();
    w.clock.set(t("2026-11-20T09:00:00Z"));
    let late = w.signed_note();
    // Endorsed from the 10th: the early note was signed before that.
    w.endorse("2026-11-10T00:00:00Z");
    assert_eq!(
        w.trust().check(&early).signer,
        SignerStanding::SignedBeforeEndorsement
    );
    assert!(w.trust().check(&late).trusted());
    // Revoked from the 15th: the late note is flagged, the early one stays as it was.
    files::revoke_key(
        AdminAction {
            admin_secret: &w.admin_sec,
            share: &w.share,
            staff_key: &w.staff_pub(),
            now: t("2026-11-21T09:00:00Z"),
        },
        pass(ADMIN_PASS),
        "Nøglen er bortkommet",
        t("2026-11-15T00:00:00Z"),
    )
    .unwrap();
    assert_eq!(
        w.trust().check(&late).signer,
        SignerStanding::SignedAfterRevocation {
            reason: "Nøglen er bortkommet".into()
        }
    );
    assert!(matches!(
        w.app.key_status().unwrap().endorsement,
        Some(Endorsement::Revoked { .. })
    ));
    // A revocation is never replaced.
    let again = files::revoke_key(
        AdminAction {
            admin_secret: &w.admin_sec,
            share: &w.share,
            staff_key: &w.staff_pub(),
            now: t("2026-11-22T09:00:00Z"),
        },
        pass(ADMIN_PASS),
        "igen",
        t("2026-11-16T00:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(again.code, ErrorCode::ExportConflict);
}

#[test]
fn a_note_changed_and_resigned_with_a_crafted_key_reusing_a_staff_key_id_fails_everywhere() {
    let w = World::new();
    w.endorse("2026-11-01T00:00:00Z");
    let note = w.signed_note();
    let forged = w.dir.join("forged");
    let attacker_pub =
        forge_with_crafted_key(&note, &w.staff_pub(), &forged, "Borgerservice", "Jobcenter");
    // The crafted key lies on the share beside the real one.
    let keys = w.share.join("samtalenotat/v1/keys");
    std::fs::write(keys.join("0000FORGED.pub"), &attacker_pub).unwrap();
    // Checked against the crafted key alone, the forgery is internally consistent.
    let own = w.dir.join("attacker-keys");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("k.pub"), &attacker_pub).unwrap();
    assert!(files::verify_with_keys(&forged, Some(&own)).unwrap().ok);

    // Against the administration's endorsement: the endorsed key did not sign this.
    let verdict = w.trust().check(&forged);
    assert!(!verdict.trusted());
    assert!(!verdict.report.ok, "{:?}", verdict.report);
    // Against the share's keys folder: two different keys claim one id, so neither counts.
    let report = files::verify_with_keys(&forged, Some(&keys)).unwrap();
    assert!(!report.ok, "{:?}", report.failure_lines());
    // The command line says so and fails.
    let out = w
        .dir
        .cli()
        .arg("verify")
        .arg(&forged)
        .arg("--share")
        .arg(&w.share)
        .arg("--admin-key")
        .arg(&w.admin_pub)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // The real note still verifies.
    assert!(w.trust().check(&note).trusted());
}

#[test]
fn only_what_the_administration_key_signed_is_believed() {
    let w = World::new();
    w.endorse("2026-11-01T00:00:00Z");
    let note = w.signed_note();
    let dir = w.share.join("samtalenotat/v1/trust/endorsements");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let original = std::fs::read(&file).unwrap();
    // Changing the endorsed name breaks the signature: the key is not endorsed any more.
    let changed = String::from_utf8(original.clone())
        .unwrap()
        .replace("Mette Sørensen", "Mette Sorensen");
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, changed).unwrap();
    let set = w.trust();
    assert!(set.is_empty());
    assert_eq!(set.problems.len(), 1, "{:?}", set.problems);
    assert_eq!(w.trust().check(&note).signer, SignerStanding::Unknown);

    // An endorsement signed by another "administration" is not believed either.
    std::fs::remove_file(&file).unwrap();
    std::fs::write(&file, &original).unwrap();
    let other = TestDir::new();
    let (other_admin, _) = files::create_admin_key(
        &other.join("k"),
        &pass(ADMIN_PASS),
        t("2026-11-02T09:00:00Z"),
    )
    .unwrap();
    let other_key =
        AdminKey::parse(&std::fs::read_to_string(&other_admin.public_key_path).unwrap()).unwrap();
    let set = TrustSet::load(&other_key, &w.share);
    assert!(
        set.is_empty(),
        "another administration key vouches for nothing here"
    );
    assert!(!set.problems.is_empty());
}

#[test]
fn the_administration_key_is_deployed_or_confirmed_by_its_fingerprint() {
    let dir = TestDir::new();
    let clock = Arc::new(TestClock::at(t("2026-11-02T09:00:00Z")));
    let (info, fingerprint) =
        files::create_admin_key(&dir.join("admin"), &pass(ADMIN_PASS), clock.now_at()).unwrap();
    let public = std::fs::read_to_string(&info.public_key_path).unwrap();
    let app = App::open(AppConfig::new(dir.join("data"), clock.clone())).unwrap();
    assert_eq!(app.admin_key_status().source, AdminKeySource::None);
    let wrong = app
        .confirm_admin_key(&public, "0000 0000 0000 0000")
        .unwrap_err();
    assert_eq!(wrong.code, ErrorCode::FingerprintMismatch);
    assert_eq!(app.admin_key_status().source, AdminKeySource::None);
    // Typed as people do: lower case, without spaces.
    let typed = fingerprint.to_lowercase().replace(' ', "");
    let status = app.confirm_admin_key(&public, &typed).unwrap();
    assert_eq!(status.source, AdminKeySource::Confirmed);
    assert_eq!(status.fingerprint.as_deref(), Some(fingerprint.as_str()));

    // A deployed key wins and cannot be replaced in the settings.
    let mut config = AppConfig::new(dir.join("data2"), clock);
    config.deployed_admin_key = Some(info.public_key_path.clone());
    let app = App::open(config).unwrap();
    assert_eq!(app.admin_key_status().source, AdminKeySource::Deployed);
    let e = app.confirm_admin_key(&public, &fingerprint).unwrap_err();
    assert_eq!(e.code, ErrorCode::AdminKeyDeployed);
}

#[test]
fn the_admin_command_line_makes_a_key_and_endorses() {
    let w = World::new();
    let dir = TestDir::new();
    let passfile = dir.join("pass");
    std::fs::write(&passfile, format!("{ADMIN_PASS}\n")).unwrap();
    let out = dir
        .cli()
        .args(["admin", "init", "--dir"])
        .arg(dir.join("adm"))
        .arg("--passphrase-file")
        .arg(&passfile)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(stdout.contains("fingerprint: "), "{stdout}");
    let sec = std::fs::read_dir(dir.join("adm"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "sec"))
        .unwrap();
    let out = dir
        .cli()
        .args(["admin", "endorse", "--admin-key"])
        .arg(&sec)
        .arg("--share")
        .arg(&w.share)
        .arg("--key")
        .arg(w.staff_pub())
        .args([
            "--name",
            "Mette Sørensen",
            "--initials",
            "MESO",
            "--from",
            "2026-11-01T00:00:00Z",
        ])
        .arg("--passphrase-file")
        .arg(&passfile)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let endorsed = Path::new(&w.share)
        .join("samtalenotat/v1/trust/endorsements")
        .read_dir()
        .unwrap()
        .count();
    assert_eq!(endorsed, 2, "the endorsement and its signature");
    let _ = Duration::zero();
}
