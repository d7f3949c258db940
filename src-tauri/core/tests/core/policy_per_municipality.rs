//! Each municipality's own policy without a rebuild (SPEC section 7): the administration
//! publishes a signed policy file on the share; every PC with the administration key adopts a
//! newer version for new drafts; a draft keeps its own; a bad signature or a broken file changes
//! nothing and is reported.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use samtalenotat_core::app::files;
use samtalenotat_core::app::policy::{PolicyProblemCode, PolicySource};
use samtalenotat_core::app::{App, AppConfig};
use samtalenotat_core::domain::{Lang, MeetingKind};
use samtalenotat_core::note::keys;
use samtalenotat_core::trust::signed_file::{self, SignedKind};
use serde_json::{json, Value};
use zeroize::Zeroizing;

use crate::harness::{record_fixture_path, TestClock, TestDir};

const ADMIN_PASS: &str = "administrationens lange kodeord";
const PASS: &str = "korrekt hest batteri";

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn albertslund() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/albertslund.toml"),
    )
    .unwrap()
}

/// Another municipality's policy: other name and id, a newer version, an extra notice.
fn hvidovre(version: &str) -> String {
    let mut text = albertslund()
        .replace("id = \"albertslund\"", "id = \"hvidovre\"")
        .replace("version = \"2026.2\"", &format!("version = \"{version}\""))
        .replace(
            "municipality = { da = \"Albertslund Kommune\", en = \"Albertslund Municipality\" }",
            "municipality = { da = \"Hvidovre Kommune\", en = \"Hvidovre Municipality\" }",
        );
    assert!(text.contains("Hvidovre Kommune"));
    let extra = r#"
[[notices]]
id = "kept_in_case"
rule = "G-NOTICE-DATA"
level = "required"
applies_to = ["recorded"]
title = { da = "Optagelsen gemmes ikke af kommunen", en = "The municipality keeps no copy" }
[notices.text.recorded]
da = "{Counterpart_definite} er gjort opmærksom på, at kommunen ikke får en kopi af optagelsen."
en = "The {counterpart} was told that the municipality gets no copy of the recording."
[notices.say.recorded]
da = "Kommunen får ikke en kopi af din optagelse."
en = "The municipality does not get a copy of your recording."
"#;
    let at = text.find("# ---------------------------------------------------------------------------------------------\n# G-REFUSE-GROUNDS").unwrap();
    text.insert_str(at, extra);
    text
}

struct World {
    dir: TestDir,
    app: App,
    share: PathBuf,
    admin_sec: PathBuf,
}

impl World {
    fn new() -> World {
        let dir = TestDir::new();
        let clock = Arc::new(TestClock::at(t("2026-11-02T09:00:00Z")));
        let (info, _) = files::create_admin_key(
            &dir.join("admin"),
            &Zeroizing::new(ADMIN_PASS.into()),
            t("2026-11-02T09:00:00Z"),
        )
        .unwrap();
        let share = dir.join("share");
        std::fs::create_dir_all(&share).unwrap();
        let mut config = AppConfig::new(dir.join("data"), clock);
        config.deployed_admin_key = Some(info.public_key_path.clone());
        let app = App::open(config).unwrap();
        app.save_settings(json!({
            "staff": { "name": "Mette Sørensen", "initials": "MESO" },
            "units": [], "rooms": [], "language": "da",
            "share_dir": share.to_str().unwrap()
        }))
        .unwrap();
        app.create_key(Zeroizing::new(PASS.into())).unwrap();
        World {
            dir,
            app,
            share,
            admin_sec: info.secret_key_path,
        }
    }

    fn publish(&self, text: &str) -> PathBuf {
        let file = self.dir.join("policy.toml");
        std::fs::write(&file, text).unwrap();
        files::publish_policy(
            &self.admin_sec,
            &self.share,
            &file,
            Zeroizing::new(ADMIN_PASS.into()),
        )
        .unwrap()
    }

    /// A draft filled from the fixture, every notice of its policy ticked.
    fn filled_draft(&self) -> Value {
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
        let hash = view["record"]["policy"]["hash"]
            .as_str()
            .unwrap()
            .to_owned();
        let texts = self
            .app
            .policy_texts(MeetingKind::Citizen, Lang::Da, Some(&hash));
        let mut notices = serde_json::Map::new();
        for n in texts.notices.iter().filter(|n| !n.applies_to.is_empty()) {
            notices.insert(n.id.clone(), at.clone());
        }
        record["notices"] = Value::Object(notices);
        record["meeting"]["starts_at"] = at;
        record["meeting"]["ends_at"] = Value::Null;
        record
    }
}

#[test]
fn a_published_policy_of_another_municipality_changes_the_checklist_and_the_note() {
    let w = World::new();
    let before = w.filled_draft();
    assert_eq!(before["policy"]["id"], "albertslund");
    w.publish(&hvidovre("2027.1"));
    w.app.refresh_policy().unwrap();
    let status = w.app.policy_status(Lang::Da);
    assert_eq!(status.source, PolicySource::Administration);
    assert_eq!(status.municipality, "Hvidovre Kommune");
    assert_eq!(
        (status.id.as_str(), status.version.as_str()),
        ("hvidovre", "2027.1")
    );
    assert!(status.in_effect_since.is_some());
    assert!(status.problems.is_empty(), "{:?}", status.problems);

    // New drafts: the extra notice is on the checklist and required.
    let texts = w.app.policy_texts(MeetingKind::Citizen, Lang::Da, None);
    assert!(texts.notices.iter().any(|n| n.id == "kept_in_case"));
    assert_eq!(texts.municipality, "Hvidovre Kommune");
    let mut record = w.filled_draft();
    assert_eq!(record["policy"]["id"], "hvidovre");
    record["notices"]
        .as_object_mut()
        .unwrap()
        .remove("kept_in_case");
    let view = w.app.save_draft(record.clone()).unwrap();
    assert!(view
        .violations
        .iter()
        .any(|v| v.field == "notices.kept_in_case" && v.is_blocking()));
    // Ticked and signed: the note names the other municipality and has the notice.
    let id = record["id"].as_str().unwrap().to_owned();
    record["notices"]["kept_in_case"] = record["created_at"].clone();
    w.app.save_draft(record).unwrap();
    w.app
        .finish_and_sign(&id, Zeroizing::new(PASS.into()))
        .unwrap();
    let out = w.dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let exported = w.app.export_note(&id, &out).unwrap();
    let note: Value = serde_json::from_slice(
        &std::fs::read(PathBuf::from(&exported.folder).join("note.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(note["municipality"], "Hvidovre Kommune");
    assert_eq!(note["policy"]["id"], "hvidovre");
    assert!(note["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "kept_in_case"));

    // The draft started before keeps its own policy: no extra notice asked of it.
    let old = w.app.save_draft(before).unwrap();
    assert_eq!(old.record.policy.id, "albertslund");
    assert!(!old
        .violations
        .iter()
        .any(|v| v.field == "notices.kept_in_case"));
}

#[test]
fn a_badly_signed_or_broken_policy_is_refused_and_the_last_good_one_stays() {
    let w = World::new();
    w.publish(&hvidovre("2027.1"));
    w.app.refresh_policy().unwrap();
    assert_eq!(w.app.policy_status(Lang::Da).version, "2027.1");

    // A newer file whose text was changed after signing.
    let good = w.publish(&hvidovre("2027.2"));
    let changed = std::fs::read_to_string(&good)
        .unwrap()
        .replace("Hvidovre Kommune", "Falsk Kommune");
    std::fs::remove_file(&good).unwrap();
    std::fs::write(&good, changed).unwrap();
    // A newer file that is signed but is not a policy.
    let dir = w.share.join("samtalenotat/v1/policy");
    let broken = b"id = \"hvidovre\"\nversion = \"2027.3\"\n";
    let admin = keys::unlock(&w.admin_sec, ADMIN_PASS).unwrap();
    let sig = signed_file::sign(&admin, SignedKind::Policy, "hvidovre-2027.3", broken).unwrap();
    std::fs::write(dir.join("hvidovre-2027.3.toml"), broken).unwrap();
    std::fs::write(dir.join("hvidovre-2027.3.toml.minisig"), sig).unwrap();

    w.app.refresh_policy().unwrap();
    let status = w.app.policy_status(Lang::Da);
    assert_eq!(status.version, "2027.1", "the last good one stays in use");
    assert_eq!(status.municipality, "Hvidovre Kommune");
    let codes: Vec<_> = status.problems.iter().map(|p| p.code).collect();
    assert!(
        codes.contains(&PolicyProblemCode::SignatureInvalid),
        "{codes:?}"
    );
    assert!(codes.contains(&PolicyProblemCode::NotAPolicy), "{codes:?}");
    // The settings view carries the problems for the window to explain.
    assert_eq!(w.app.settings().unwrap().policy.problems.len(), 2);
}

#[test]
fn without_the_administration_key_nothing_on_the_share_is_adopted() {
    let w = World::new();
    w.publish(&hvidovre("2027.1"));
    let dir = TestDir::new();
    let mut config = AppConfig::new(
        dir.join("data"),
        Arc::new(TestClock::at(t("2026-11-02T09:00:00Z"))),
    );
    config.deployed_admin_key = None;
    let app = App::open(config).unwrap();
    app.save_settings(json!({
        "staff": { "name": "A", "initials": "A" }, "units": [], "rooms": [],
        "language": "da", "share_dir": w.share.to_str().unwrap()
    }))
    .unwrap();
    app.refresh_policy().unwrap();
    assert_eq!(app.policy_status(Lang::Da).source, PolicySource::Builtin);
}

#[test]
fn the_cli_signs_with_a_given_policy_file() {
    let dir = TestDir::new();
    let policy = dir.join("hvidovre.toml");
    std::fs::write(&policy, hvidovre("2027.1")).unwrap();
    // A record of the other policy: the extra notice must be given for it to validate.
    let mut record: Value = serde_json::from_str(
        &std::fs::read_to_string(record_fixture_path("citizen-asked-first-allowed.json")).unwrap(),
    )
    .unwrap();
    let file = dir.join("r.json");
    std::fs::write(&file, serde_json::to_string(&record).unwrap()).unwrap();
    let out = dir
        .cli()
        .arg("validate")
        .arg(&file)
        .arg("--policy")
        .arg(&policy)
        .args(["--now", "2026-11-02T11:00:00Z"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the extra notice is missing");
    assert!(String::from_utf8_lossy(&out.stdout).contains("notices.kept_in_case"));
    record["notices"]["kept_in_case"] = json!("2026-11-02T10:04:00Z");
    std::fs::write(&file, serde_json::to_string(&record).unwrap()).unwrap();
    let out = dir
        .cli()
        .arg("validate")
        .arg(&file)
        .arg("--policy")
        .arg(&policy)
        .args(["--now", "2026-11-02T11:00:00Z"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
