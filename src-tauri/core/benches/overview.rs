//! Overview benchmark (docs/performance.md, "Overview"): a generated share of N notes signed
//! by endorsed keys (real canonical note.json, real minisign signatures; one PDF's bytes
//! reused, each signature binding its own note), with planted faults, then:
//! - cold run (empty index) against the bare work in the same process: reading the same
//!   files, SHA-256 of the same bytes and the same Ed25519 verifications in a tight loop
//!   (goal ≤ 1.5×);
//! - warm run with nothing new (goal ≤ 1 s at 100k);
//! - 100 new notes among N (goal ≤ 2 s at 100k);
//! - peak RSS of the process (VmHWM; goal ≤ 300 MB at 100k).
//!
//! `cargo bench -p samtalenotat-core --bench overview`; `SAMTALENOTAT_BENCH_NOTES` (10000),
//! `SAMTALENOTAT_BENCH_DIR` (a folder on the disk to measure; default the temp folder).
//! bench/overview.sh runs 10,000 and 100,000.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use samtalenotat_core::app::files::{self, AdminAction};
use samtalenotat_core::digest::sha256_hex;
use samtalenotat_core::domain::{Lang, MeetingRecord, Policy, RecordState, StaffMember};
use samtalenotat_core::note::canonical::{NoteDocument, NoteSigner};
use samtalenotat_core::note::keys::{self, UnlockedKey};
use samtalenotat_core::note::sign::{sign_bytes, TrustedComment};
use samtalenotat_core::note::{pdf, NOTE_JSON, NOTE_JSON_SIG, NOTE_PDF, NOTE_PDF_SIG};
use samtalenotat_core::overview::{scan_share, Index};
use samtalenotat_core::sync::layout::note_folder;
use samtalenotat_core::trust::{AdminKey, TrustSet};
use zeroize::Zeroizing;

const UNITS: [&str; 4] = ["Borgerservice", "Jobcenter", "Ydelse", "HR"];
const FIXTURES: [&str; 4] = [
    "citizen-asked-first-allowed",
    "refused-ground-a-harassment",
    "citizen-discovered-hidden",
    "refused-ground-b-others-matters",
];
const PASS: &str = "korrekt hest batteri";

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn fixture(name: &str) -> MeetingRecord {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/records")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

struct Signer {
    key: UnlockedKey,
    staff: StaffMember,
}

/// Writes note `n` (signed by `signer`, created at `at`) into the share; returns its id.
fn write_note(
    share: &Path,
    n: usize,
    at: DateTime<Utc>,
    signer: &Signer,
    pdf_bytes: &[u8],
) -> String {
    let mut record = fixture(FIXTURES[n % FIXTURES.len()]);
    let id = ulid::Ulid::from_parts(at.timestamp_millis() as u64, n as u128);
    record.id = id.to_string().parse().unwrap();
    record.created_at = at;
    record.updated_at = at;
    record.meeting.starts_at = Some(at);
    record.meeting.ends_at = None;
    for t in record.notices.values_mut() {
        *t = at;
    }
    record.refusal.reason_given_at = record.refusal.reason_given_at.map(|_| at);
    record.legal_help.consulted_at = record.legal_help.consulted_at.map(|_| at);
    record.meeting.unit = UNITS[n % UNITS.len()].into();
    record.state = RecordState::Finished;
    record.finished_at = Some(at);
    record.policy = Policy::builtin().reference();
    let doc = NoteDocument::build(
        &record,
        Policy::builtin(),
        NoteSigner {
            name: signer.staff.name.clone(),
            initials: signer.staff.initials.clone(),
            key_id: signer.key.key_id().to_string(),
        },
        Lang::Da,
        at,
    )
    .unwrap();
    let json = doc.to_canonical_json();
    let json_hash = sha256_hex(&json);
    let comment = |artifact: &str, sha: String, json_sha: Option<String>| TrustedComment {
        note_id: doc.note_id.clone(),
        artifact: artifact.into(),
        sha256: sha,
        json_sha256: json_sha,
        key_id: signer.key.key_id().to_string(),
    };
    let json_sig = sign_bytes(
        &signer.key,
        &json,
        &comment(NOTE_JSON, json_hash.clone(), None),
    )
    .unwrap();
    let pdf_sig = sign_bytes(
        &signer.key,
        pdf_bytes,
        &comment(NOTE_PDF, sha256_hex(pdf_bytes), Some(json_hash)),
    )
    .unwrap();
    let folder = note_folder(&doc.note_id).unwrap().under(share);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(NOTE_JSON), &json).unwrap();
    std::fs::write(folder.join(NOTE_PDF), pdf_bytes).unwrap();
    std::fs::write(folder.join(NOTE_PDF_SIG), pdf_sig).unwrap();
    std::fs::write(folder.join(NOTE_JSON_SIG), json_sig).unwrap();
    doc.note_id
}

/// The bare work of a cold run: read the files, hash them, verify both signatures.
fn bare_work(folders: &[PathBuf], public: &[minisign_verify::PublicKey]) -> Duration {
    let start = Instant::now();
    for f in folders {
        let json = std::fs::read(f.join(NOTE_JSON)).unwrap();
        let pdf = std::fs::read(f.join(NOTE_PDF)).unwrap();
        let json_sig = std::fs::read_to_string(f.join(NOTE_JSON_SIG)).unwrap();
        let pdf_sig = std::fs::read_to_string(f.join(NOTE_PDF_SIG)).unwrap();
        std::hint::black_box(sha256_hex(&json));
        std::hint::black_box(sha256_hex(&pdf));
        let js = minisign_verify::Signature::decode(&json_sig).unwrap();
        let ps = minisign_verify::Signature::decode(&pdf_sig).unwrap();
        // The planted changed PDF fails here too: the work is the same either way.
        let ok = public
            .iter()
            .any(|k| k.verify(&json, &js, false).is_ok() && k.verify(&pdf, &ps, false).is_ok());
        std::hint::black_box(ok);
    }
    start.elapsed()
}

/// What a generated share needs to be used again: the administration's public key and the
/// signers' secret keys (`SAMTALENOTAT_BENCH_KEEP`).
#[derive(serde::Serialize, serde::Deserialize)]
struct Generated {
    notes: usize,
    admin_public: PathBuf,
    signers: Vec<(PathBuf, String, String)>,
}

fn main() {
    let n = env_num("SAMTALENOTAT_BENCH_NOTES", 10_000);
    let base = std::env::var_os("SAMTALENOTAT_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    // Generating 100,000 notes takes minutes: SAMTALENOTAT_BENCH_KEEP=DIR keeps the share in
    // DIR and uses it again when it holds N notes.
    let kept = std::env::var_os("SAMTALENOTAT_BENCH_KEEP").map(PathBuf::from);
    let temp = tempfile::tempdir_in(base).unwrap();
    let dir = kept.clone().unwrap_or_else(|| temp.path().to_owned());
    let share = dir.join("share");
    let state_file = dir.join(format!("generated-{n}.json"));
    let now: DateTime<Utc> = "2026-11-30T12:00:00Z".parse().unwrap();
    let start_at: DateTime<Utc> = "2025-12-01T08:00:00Z".parse().unwrap();
    let (generated, signers) = match std::fs::read(&state_file) {
        Ok(bytes) => {
            let generated: Generated = serde_json::from_slice(&bytes).unwrap();
            let signers = generated
                .signers
                .iter()
                .map(|(secret, name, initials)| Signer {
                    key: keys::unlock(secret, PASS).unwrap(),
                    staff: StaffMember {
                        name: name.clone(),
                        initials: initials.clone(),
                    },
                })
                .collect::<Vec<_>>();
            println!("using the {n} notes generated before in {}", dir.display());
            (generated, signers)
        }
        Err(_) => {
            if dir.exists() && kept.is_some() {
                std::fs::remove_dir_all(&dir).unwrap();
            }
            generate(&dir, &share, n, now, start_at)
        }
    };
    std::fs::write(&state_file, serde_json::to_vec(&generated).unwrap()).unwrap();
    let folders: Vec<PathBuf> = note_folders(&share);
    assert_eq!(folders.len(), n);
    let public: Vec<minisign_verify::PublicKey> = signers
        .iter()
        .map(|s| minisign_verify::PublicKey::decode(s.key.public_key_file()).unwrap())
        .collect();
    let pdf_bytes = std::fs::read(dir.join("reused.pdf")).unwrap();
    let admin_public = generated.admin_public.clone();
    let admin_key = AdminKey::parse(&std::fs::read_to_string(&admin_public).unwrap()).unwrap();
    let trust = TrustSet::load(&admin_key, &share);
    assert_eq!(trust.len(), 3, "{:?}", trust.problems);
    let cancel = AtomicBool::new(false);

    // Cold and bare, interleaved twice; the page cache is warm for both after the first.
    let _ = bare_work(&folders, &public);
    let mut ratios = Vec::new();
    for round in 0..2 {
        let data = dir.join(format!("index-{round}"));
        let _ = std::fs::remove_dir_all(&data);
        let mut index = Index::open(&data).unwrap();
        let cold_start = Instant::now();
        let report = scan_share(&share, &trust, &mut index, now, &cancel, &mut |_| {}).unwrap();
        let cold = cold_start.elapsed();
        assert_eq!(
            report.trusted as usize,
            n - 1,
            "{:?}",
            &report.problems[..report.problems.len().min(3)]
        );
        assert_eq!(report.problems.len(), 2);
        let bare = bare_work(&folders, &public);
        let ratio = cold.as_secs_f64() / bare.as_secs_f64();
        println!(
            "cold run {:.2} s ({:.0} notes/s), bare work {:.2} s: ratio {ratio:.2} (goal ≤ 1.5)",
            cold.as_secs_f64(),
            n as f64 / cold.as_secs_f64(),
            bare.as_secs_f64()
        );
        ratios.push(ratio);
    }
    let data = dir.join("index-1");
    let mut index = Index::open(&data).unwrap();
    let warm_start = Instant::now();
    let warm = scan_share(&share, &trust, &mut index, now, &cancel, &mut |_| {}).unwrap();
    let warm_time = warm_start.elapsed();
    assert_eq!(warm.verified, 0);
    println!(
        "warm run, nothing new: {:.3} s (goal ≤ 1 s at 100k)",
        warm_time.as_secs_f64()
    );
    let mut added = Vec::new();
    for i in 0..100 {
        let at = now - TimeDelta::hours(2) + TimeDelta::seconds(i);
        added.push(write_note(
            &share,
            n + i as usize,
            at,
            &signers[0],
            &pdf_bytes,
        ));
    }
    let new_start = Instant::now();
    let fresh = scan_share(&share, &trust, &mut index, now, &cancel, &mut |_| {}).unwrap();
    let new_time = new_start.elapsed();
    assert_eq!(fresh.verified, 100);
    println!(
        "100 new notes among {n}: {:.3} s (goal ≤ 2 s at 100k)",
        new_time.as_secs_f64()
    );
    println!(
        "peak RSS of the process (VmHWM): {:.1} MB (goal ≤ 300 MB at 100k)",
        vm_hwm_kib() as f64 / 1024.0
    );
    if let Some(smb) = std::env::var_os("SAMTALENOTAT_BENCH_SMB_SHARE") {
        smb_run(
            Path::new(&smb),
            &share,
            &folders,
            &admin_key,
            now,
            &dir.join("index-smb"),
        );
    }
    println!("cold/bare ratios: {ratios:.2?}");
    // A kept share is left as it was generated.
    for id in added {
        std::fs::remove_dir_all(note_folder(&id).unwrap().under(&share)).unwrap();
    }
}

/// Notes per second over a real SMB share (bench/overview.sh mounts one): the first
/// `SAMTALENOTAT_BENCH_SMB_NOTES` (1,000) notes and the administration's files copied there,
/// then a cold and a warm run with the index on the local disk.
fn smb_run(
    smb: &Path,
    share: &Path,
    folders: &[PathBuf],
    admin_key: &AdminKey,
    now: DateTime<Utc>,
    data: &Path,
) {
    let count = env_num("SAMTALENOTAT_BENCH_SMB_NOTES", 1000).min(folders.len());
    let remote = smb.join("overview-bench");
    let _ = std::fs::remove_dir_all(&remote);
    let _ = std::fs::remove_dir_all(data);
    let copying = Instant::now();
    copy_tree(
        &share.join("samtalenotat/v1/trust"),
        &remote.join("samtalenotat/v1/trust"),
    );
    for folder in &folders[..count] {
        let rel = folder.strip_prefix(share).unwrap();
        copy_tree(folder, &remote.join(rel));
    }
    println!(
        "SMB: copied {count} notes in {:.1} s",
        copying.elapsed().as_secs_f64()
    );
    let trust = TrustSet::load(admin_key, &remote);
    let cancel = AtomicBool::new(false);
    let mut index = Index::open(data).unwrap();
    let cold = Instant::now();
    let report = scan_share(&remote, &trust, &mut index, now, &cancel, &mut |_| {}).unwrap();
    let cold = cold.elapsed();
    assert_eq!(report.folders as usize, count);
    let warm = Instant::now();
    let again = scan_share(&remote, &trust, &mut index, now, &cancel, &mut |_| {}).unwrap();
    let warm = warm.elapsed();
    assert_eq!(again.verified, 0);
    println!(
        "SMB share ({}): cold {count} notes in {:.2} s = {:.0} notes/s; warm {:.2} s = {:.0} notes/s",
        smb.display(),
        cold.as_secs_f64(),
        count as f64 / cold.as_secs_f64(),
        warm.as_secs_f64(),
        count as f64 / warm.as_secs_f64()
    );
    std::fs::remove_dir_all(&remote).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().filter_map(Result::ok) {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every note folder under `share`'s notes tree.
fn note_folders(share: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let notes = share.join("samtalenotat/v1/notes");
    for year in std::fs::read_dir(&notes).unwrap().filter_map(Result::ok) {
        if !year.file_type().unwrap().is_dir() {
            continue;
        }
        for month in std::fs::read_dir(year.path())
            .unwrap()
            .filter_map(Result::ok)
        {
            for note in std::fs::read_dir(month.path())
                .unwrap()
                .filter_map(Result::ok)
            {
                out.push(note.path());
            }
        }
    }
    out.sort();
    out
}

/// Generates the administration, three endorsed staff keys and `n` signed notes (a changed
/// PDF and a stray file planted) in `dir`.
fn generate(
    dir: &Path,
    share: &Path,
    n: usize,
    now: DateTime<Utc>,
    start_at: DateTime<Utc>,
) -> (Generated, Vec<Signer>) {
    std::fs::create_dir_all(share.join("samtalenotat")).unwrap();
    let (admin, _) = files::create_admin_key(
        &dir.join("admin"),
        &Zeroizing::new("administrationens lange kodeord".into()),
        start_at,
    )
    .unwrap();
    let mut signers = Vec::new();
    let mut kept = Vec::new();
    for (name, initials) in [
        ("Mette Sørensen", "MESO"),
        ("Jens Holm", "JEHO"),
        ("Lise Berg", "LIBE"),
    ] {
        let staff = StaffMember {
            name: name.into(),
            initials: initials.into(),
        };
        let kdir = dir.join(format!("keys-{initials}"));
        let info = keys::generate_key(&kdir, &staff, PASS, start_at).unwrap();
        files::endorse_key(
            AdminAction {
                admin_secret: &admin.secret_key_path,
                share,
                staff_key: &info.public_key_path,
                now: start_at,
            },
            Zeroizing::new("administrationens lange kodeord".into()),
            name,
            initials,
            start_at - TimeDelta::days(1),
        )
        .unwrap();
        let key = keys::unlock(&info.secret_key_path, PASS).unwrap();
        kept.push((
            info.secret_key_path.clone(),
            name.to_owned(),
            initials.to_owned(),
        ));
        signers.push(Signer { key, staff });
    }

    // One real PDF's bytes, reused (each signature still binds its own note.json).
    let first = fixture(FIXTURES[0]);
    let mut finished = first.clone();
    finished.state = RecordState::Finished;
    finished.finished_at = Some(first.created_at);
    finished.policy = Policy::builtin().reference();
    let doc = NoteDocument::build(
        &finished,
        Policy::builtin(),
        NoteSigner {
            name: "x".into(),
            initials: "X".into(),
            key_id: signers[0].key.key_id().to_string(),
        },
        Lang::Da,
        first.created_at,
    )
    .unwrap();
    let pdf_bytes = pdf::render(&doc, &sha256_hex(&doc.to_canonical_json())).unwrap();
    std::fs::write(dir.join("reused.pdf"), &pdf_bytes).unwrap();

    let generating = Instant::now();
    let span = (now - start_at).num_seconds() as usize;
    let mut first_folder = None;
    for i in 0..n {
        let at = start_at + TimeDelta::seconds(((i * 7919) % span) as i64);
        let id = write_note(share, i, at, &signers[i % signers.len()], &pdf_bytes);
        first_folder.get_or_insert(note_folder(&id).unwrap().under(share));
    }
    // Planted faults: a changed PDF, a stray file.
    std::fs::write(first_folder.unwrap().join(NOTE_PDF), b"%PDF-1.7 changed").unwrap();
    std::fs::write(share.join("samtalenotat/v1/notes/README.txt"), b"hej").unwrap();
    let _ = std::process::Command::new("sync").status();
    println!(
        "generated {n} notes ({} KB PDF each) in {:.1} s",
        pdf_bytes.len() / 1000,
        generating.elapsed().as_secs_f64()
    );
    let generated = Generated {
        notes: n,
        admin_public: admin.public_key_path.clone(),
        signers: kept,
    };
    (generated, signers)
}
