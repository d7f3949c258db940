//! The central overview on a real share: notes signed and synced by the app under two units,
//! endorsed by a real administration key, with a fault of each kind planted. The counts equal
//! the generator's ground truth; each fault is reported once, by kind and note; the share is
//! unchanged byte for byte; a second run reads nothing; a trust change re-checks; a cancelled
//! run leaves the index usable.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use samtalenotat_core::app::files::{self, AdminAction};
use samtalenotat_core::app::{App, AppConfig, ErrorCode};
use samtalenotat_core::domain::{
    Decision, Medium, MeetingRecord, RecordingOrigin as Origin, RefusalGround, VideoScope,
};
use samtalenotat_core::overview::{Counts, ProblemKind};
use samtalenotat_core::sync::layout::note_folder;
use serde_json::json;
use zeroize::Zeroizing;

use crate::forgery::forge_with_crafted_key;
use crate::harness::{draft_in_app, record_fixture, TestClock, TestDir};

const PASS: &str = "korrekt hest batteri";
const ADMIN_PASS: &str = "administrationens lange kodeord";
const FIXTURES: [&str; 6] = [
    "citizen-asked-first-allowed",
    "refused-ground-a-harassment",
    "refused-ground-b-others-matters",
    "citizen-discovered-hidden",
    "citizen-open-without-asking",
    "video-requested-decided",
];

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn pass(p: &str) -> Zeroizing<String> {
    Zeroizing::new(p.to_owned())
}

struct Pc {
    app: App,
    clock: Arc<TestClock>,
}

fn pc(dir: &Path, name: &str, initials: &str, share: &Path, admin_pub: &Path) -> Pc {
    let clock = Arc::new(TestClock::at(t("2026-11-02T09:00:00Z")));
    let mut config = AppConfig::new(dir.join(format!("data-{initials}")), clock.clone());
    config.deployed_admin_key = Some(admin_pub.to_owned());
    let app = App::open(config).unwrap();
    app.save_settings(json!({
        "staff": { "name": name, "initials": initials },
        "units": [], "rooms": [], "language": "da",
        "share_dir": share.to_str().unwrap()
    }))
    .unwrap();
    app.create_key(pass(PASS)).unwrap();
    Pc { app, clock }
}

/// What the generator knows it made: the counts one note adds.
fn truth(record: &MeetingRecord) -> Counts {
    let r = &record.recording;
    let requested = matches!(
        r.origin,
        Some(Origin::AskedFirst) | Some(Origin::OpenWithoutAsking) | Some(Origin::DiscoveredHidden)
    );
    let refused = r.decision == Some(Decision::Refused);
    let grounds = &record.refusal.grounds;
    Counts {
        notes: 1,
        requests: u32::from(requested),
        allowed: u32::from(r.decision == Some(Decision::Allowed)),
        refused: u32::from(refused),
        ground_a: u32::from(refused && grounds.contains(&RefusalGround::Harassment)),
        ground_b: u32::from(refused && grounds.contains(&RefusalGround::OthersMatters)),
        ground_c: u32::from(refused && grounds.contains(&RefusalGround::Other)),
        unannounced_open: u32::from(r.origin == Some(Origin::OpenWithoutAsking)),
        unannounced_hidden: u32::from(r.origin == Some(Origin::DiscoveredHidden)),
        video_requested: u32::from(r.medium == Medium::VideoRequested),
        video_allowed: u32::from(r.video_scope == Some(VideoScope::VideoAllowed)),
        oral_decisions: u32::from(record.oral_decision.made == Some(true)),
        incidents: 0,
    }
}

fn add(total: &mut Counts, c: &Counts) {
    total.notes += c.notes;
    total.requests += c.requests;
    total.allowed += c.allowed;
    total.refused += c.refused;
    total.ground_a += c.ground_a;
    total.ground_b += c.ground_b;
    total.ground_c += c.ground_c;
    total.unannounced_open += c.unannounced_open;
    total.unannounced_hidden += c.unannounced_hidden;
    total.video_requested += c.video_requested;
    total.video_allowed += c.video_allowed;
    total.oral_decisions += c.oral_decisions;
}

/// Signs `fixture` under `unit` on `pc` at `at`, syncs it, returns the note id.
fn sign(pc: &Pc, fixture: &str, unit: &str, at: DateTime<Utc>) -> (String, MeetingRecord) {
    let mut record = record_fixture(&format!("{fixture}.json"));
    record.meeting.unit = unit.into();
    let id = draft_in_app(&pc.app, &pc.clock, record.clone(), at);
    pc.app.finish_and_sign(&id.to_string(), pass(PASS)).unwrap();
    let report = pc.app.sync_once(true, None, &mut |_| {}).unwrap();
    assert!(report.all_ok(), "{report:?}");
    (id.to_string(), record)
}

/// Every entry under `dir` with its bytes' hash and modification time, links as their target
/// (never followed): what "unchanged byte for byte" compares.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let path = e.path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.file_type().is_symlink() {
                out.insert(
                    rel,
                    format!("-> {}", std::fs::read_link(&path).unwrap().display()),
                );
            } else if meta.is_dir() {
                out.insert(rel.clone(), format!("dir {:?}", meta.modified().unwrap()));
                walk(root, &path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.insert(
                    rel,
                    format!(
                        "{} {:?}",
                        samtalenotat_core::digest::sha256_hex(&bytes),
                        meta.modified().unwrap()
                    ),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `dir` bind-mounted onto itself read-only until dropped (unmounted even after a failed
/// assertion).
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn mount(dir: &Path) -> ReadOnly {
        let run = |args: &[&str]| {
            std::process::Command::new("mount")
                .args(args)
                .status()
                .is_ok_and(|s| s.success())
        };
        let d = dir.to_str().unwrap();
        assert!(run(&["--bind", d, d]), "bind mount");
        let guard = ReadOnly(dir.to_owned());
        assert!(run(&["-o", "remount,bind,ro", d]), "read-only remount");
        assert!(
            std::fs::write(dir.join("probe"), b"x").is_err(),
            "the share is read-only now"
        );
        guard
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn the_overview_counts_what_was_signed_and_reports_each_planted_fault_once() {
    let dir = TestDir::new();
    let share = dir.join("share");
    std::fs::create_dir_all(&share).unwrap();
    let (admin, _) = files::create_admin_key(
        &dir.join("admin"),
        &pass(ADMIN_PASS),
        t("2026-11-01T00:00:00Z"),
    )
    .unwrap();
    let mette = pc(
        dir.path(),
        "Mette Sørensen",
        "MESO",
        &share,
        &admin.public_key_path,
    );
    let stranger = pc(
        dir.path(),
        "Ukendt Person",
        "UKPE",
        &share,
        &admin.public_key_path,
    );
    let mette_pub = PathBuf::from(mette.app.key_status().unwrap().public_key_path.unwrap());
    let action = |now: DateTime<Utc>| AdminAction {
        admin_secret: &admin.secret_key_path,
        share: &share,
        staff_key: &mette_pub,
        now,
    };
    files::endorse_key(
        action(t("2026-11-01T00:00:00Z")),
        pass(ADMIN_PASS),
        "Mette Sørensen",
        "MESO",
        t("2026-11-01T00:00:00Z"),
    )
    .unwrap();

    // The notes, each fixture under two units, signed on 28 November.
    let at = t("2026-11-28T13:00:00Z");
    let mut expected: BTreeMap<String, Counts> = BTreeMap::new();
    let mut ids = Vec::new();
    for unit in ["Borgerservice", "Jobcenter"] {
        for fixture in FIXTURES {
            let (id, record) = sign(&mette, fixture, unit, at);
            add(expected.entry(unit.into()).or_default(), &truth(&record));
            ids.push((id, unit, record));
        }
    }
    let folder = |id: &str| note_folder(id).unwrap().under(&share);
    let rel = |id: &str| note_folder(id).unwrap().as_str().to_owned();
    let mut planted: Vec<(ProblemKind, Option<String>, String)> = Vec::new();
    let uncount = |expected: &mut BTreeMap<String, Counts>, i: usize| {
        let (_, unit, record) = &ids[i];
        let c = truth(record);
        let e = expected.get_mut(*unit).unwrap();
        e.notes -= c.notes;
        e.requests -= c.requests;
        e.allowed -= c.allowed;
        e.refused -= c.refused;
        e.ground_a -= c.ground_a;
        e.ground_b -= c.ground_b;
        e.ground_c -= c.ground_c;
        e.unannounced_open -= c.unannounced_open;
        e.unannounced_hidden -= c.unannounced_hidden;
        e.video_requested -= c.video_requested;
        e.video_allowed -= c.video_allowed;
        e.oral_decisions -= c.oral_decisions;
    };

    // Tampered: a PDF changed after signing.
    let (a, ..) = &ids[0];
    std::fs::write(folder(a).join("note.pdf"), b"%PDF-1.7 changed").unwrap();
    planted.push((ProblemKind::Tampered, Some(a.clone()), rel(a)));
    uncount(&mut expected, 0);
    // A signature moved in from another note.
    let (b, ..) = &ids[1];
    let (c, ..) = &ids[2];
    std::fs::copy(
        folder(c).join("note.json.minisig"),
        folder(b).join("note.json.minisig"),
    )
    .unwrap();
    planted.push((ProblemKind::SignatureFromOtherNote, Some(b.clone()), rel(b)));
    uncount(&mut expected, 1);
    // A copy of a note under another month: a duplicate id.
    let (d, ..) = &ids[3];
    let copy = share.join("samtalenotat/v1/notes/2026/10").join(d);
    copy_dir(&folder(d), &copy);
    planted.push((
        ProblemKind::DuplicateNoteId,
        Some(d.clone()),
        format!("samtalenotat/v1/notes/2026/10/{d}"),
    ));
    // A note moved to the wrong month: not counted.
    let (e, ..) = &ids[4];
    let moved = share.join("samtalenotat/v1/notes/2026/09").join(e);
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(folder(e), &moved).unwrap();
    planted.push((
        ProblemKind::WrongFolder,
        Some(e.clone()),
        format!("samtalenotat/v1/notes/2026/09/{e}"),
    ));
    uncount(&mut expected, 4);
    // A note changed (another unit) and signed again by a crafted key that reuses Mette's key
    // id, the crafted key laid in the share's keys folder beside hers: not her signature.
    let (g, ..) = &ids[6];
    let crafted = forge_with_crafted_key(
        &folder(g),
        &mette_pub,
        &folder(g),
        "Jobcenter",
        "Borgerservice",
    );
    std::fs::write(share.join("samtalenotat/v1/keys/0000FORGED.pub"), crafted).unwrap();
    planted.push((ProblemKind::ForgedSignature, Some(g.clone()), rel(g)));
    uncount(&mut expected, 6);
    // A note by a key the administration never endorsed.
    let (u, _) = sign(
        &stranger,
        "citizen-asked-first-allowed",
        "Borgerservice",
        at,
    );
    planted.push((ProblemKind::UnknownKey, Some(u.clone()), rel(&u)));
    // A folder left incomplete three days ago (no completion marker).
    let old = ulid::Ulid::from_datetime((at - Duration::days(3)).into()).to_string();
    let incomplete = note_folder(&old).unwrap().under(&share);
    std::fs::create_dir_all(&incomplete).unwrap();
    std::fs::write(incomplete.join("note.json"), b"{}").unwrap();
    planted.push((ProblemKind::Incomplete, Some(old.clone()), rel(&old)));
    // A file that does not belong, and a symbolic link (never followed).
    std::fs::write(share.join("samtalenotat/v1/notes/2026/README.txt"), b"hej").unwrap();
    planted.push((
        ProblemKind::UnexpectedFile,
        None,
        "samtalenotat/v1/notes/2026/README.txt".into(),
    ));
    std::os::unix::fs::symlink("/etc", share.join("samtalenotat/v1/notes/2026/11/genvej")).unwrap();
    planted.push((
        ProblemKind::Symlink,
        None,
        "samtalenotat/v1/notes/2026/11/genvej".into(),
    ));

    let before = snapshot(&share);
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    // The first run on the share mounted read-only: the overview needs no write access there
    // (root ignores permission bits, so only a read-only mount proves it).
    assert!(
        crate::share_fixture::is_root(),
        "this test needs root for a read-only bind mount"
    );
    let ro = ReadOnly::mount(&share);
    let view = mette
        .app
        .overview(json!({ "period": "all" }), &cancel, &mut |p| seen.push(p))
        .unwrap();
    drop(ro);
    assert_eq!(
        snapshot(&share),
        before,
        "the share is unchanged byte for byte"
    );
    assert!(
        seen.last()
            .is_some_and(|p| p.done == p.total && p.total > 0),
        "{seen:?}"
    );

    // Each planted fault once, by kind, note and path; nothing else.
    let mut found: Vec<(ProblemKind, Option<String>, String)> = view
        .scan
        .problems
        .iter()
        .map(|p| (p.kind, p.note_id.clone(), p.path.clone()))
        .collect();
    found.sort();
    planted.sort();
    assert_eq!(found, planted, "{:#?}", view.scan.problems);

    // The counts are the ground truth of what stays trusted, unit by unit.
    let got: BTreeMap<String, Counts> = view
        .aggregate
        .rows
        .iter()
        .map(|r| (r.unit.clone(), r.counts.clone()))
        .collect();
    assert_eq!(got, expected);
    let notes: u32 = expected.values().map(|c| c.notes).sum();
    assert_eq!(view.aggregate.municipality.notes, notes);
    assert_eq!(view.scan.trusted, u64::from(notes));

    // Warm: nothing new, nothing read again.
    let warm = mette
        .app
        .overview(json!({ "period": "month" }), &cancel, &mut |_| {})
        .unwrap();
    assert_eq!(warm.scan.verified, 0, "{:?}", warm.scan);
    assert_eq!(warm.scan.reused, warm.scan.folders);
    assert_eq!(warm.aggregate.municipality, view.aggregate.municipality);
    assert!(warm.aggregate.rows.iter().all(|r| r.period == "2026-11"));

    // The staff's equal-treatment panel, beside a refusal: the municipality's figures from this
    // PC's index, with how many notes they rest on and when the share was read; a PC whose
    // overview never read the share says nothing of the kind.
    let refusal = record_fixture("refused-ground-a-harassment.json");
    let id = draft_in_app(&mette.app, &mette.clock, refusal.clone(), at);
    let seen = mette.app.get_record(&id.to_string()).unwrap();
    let share_figures = seen.equal_treatment_share.expect("figures from the index");
    assert_eq!(u64::from(share_figures.notes), view.scan.trusted);
    assert!(share_figures.allowed + share_figures.refused > 0);
    assert_eq!(share_figures.scanned_at, view.scanned_at);
    let other = draft_in_app(&stranger.app, &stranger.clock, refusal, at);
    let seen = stranger.app.get_record(&other.to_string()).unwrap();
    assert!(seen.equal_treatment.is_some() && seen.equal_treatment_share.is_none());

    // The administration revokes Mette's key from before the notes: everything is checked
    // again and her notes are flagged, not counted.
    files::revoke_key(
        action(t("2026-11-29T00:00:00Z")),
        pass(ADMIN_PASS),
        "nøglen er mistet",
        t("2026-11-20T00:00:00Z"),
    )
    .unwrap();
    let after = mette.app.overview(json!({}), &cancel, &mut |_| {}).unwrap();
    assert!(after.scan.verified > 0, "a trust change checks again");
    assert_eq!(after.aggregate.municipality.notes, 0);
    assert!(after
        .scan
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::RevokedKey));

    // Cancelled: an error with its code, and the next run completes.
    let cancelled = AtomicBool::new(true);
    let err = mette
        .app
        .overview(json!({}), &cancelled, &mut |_| {})
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert!(mette.app.overview(json!({}), &cancel, &mut |_| {}).is_ok());

    // CSV, plain and for Danish Excel.
    let out = dir.join("csv");
    std::fs::create_dir_all(&out).unwrap();
    let plain = mette
        .app
        .export_overview_csv(json!({ "period": "all" }), false, &out)
        .unwrap();
    let text = std::fs::read_to_string(plain).unwrap();
    assert!(
        text.starts_with("unit,period,notes,requests,allowed,refused"),
        "{text}"
    );
    let excel = mette
        .app
        .export_overview_csv(json!({ "period": "all" }), true, &out)
        .unwrap();
    let bytes = std::fs::read(excel).unwrap();
    assert!(bytes.starts_with("\u{feff}unit;period;".as_bytes()));

    // The command line: the same counts, a CSV file, and nothing written to the share.
    let before = snapshot(&share);
    let csv_path = dir.join("cli.csv");
    let out = dir
        .cli()
        .args(["overview", "--json", "--excel", "--by", "month"])
        .arg("--share")
        .arg(&share)
        .arg("--admin-key")
        .arg(&admin.public_key_path)
        .arg("--data-dir")
        .arg(dir.join("cli-index"))
        .arg("--csv")
        .arg(&csv_path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["aggregate"]["municipality"]["notes"], 0,
        "all revoked by now"
    );
    assert!(json["scan"]["problems"].as_array().unwrap().len() >= planted.len());
    assert!(std::fs::read(&csv_path)
        .unwrap()
        .starts_with("\u{feff}unit;".as_bytes()));
    assert_eq!(snapshot(&share), before);
    let human = dir
        .cli()
        .arg("overview")
        .arg("--share")
        .arg(&share)
        .arg("--admin-key")
        .arg(&admin.public_key_path)
        .arg("--data-dir")
        .arg(dir.join("cli-index"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("problem symlink: samtalenotat/v1/notes/2026/11/genvej"),
        "{text}"
    );

    // Bad input is named.
    let err = mette
        .app
        .overview(json!({ "from": "2026-13" }), &cancel, &mut |_| {})
        .unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::BadDate, Some("query.from"))
    );
    let err = mette
        .app
        .overview(json!({ "perod": "month" }), &cancel, &mut |_| {})
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::UnknownField);
}

#[test]
fn without_the_administration_key_the_overview_says_so() {
    let dir = TestDir::new();
    let clock = Arc::new(TestClock::at(t("2026-11-02T09:00:00Z")));
    let app = App::open(AppConfig::new(dir.join("data"), clock)).unwrap();
    let err = app
        .overview(json!({}), &AtomicBool::new(false), &mut |_| {})
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::AdminKeyMissing);
}
