//! Signed-note latency: `cargo bench -p samtalenotat-core --bench note`.
//!
//! Measures, per iteration, on a real SQLite file (synchronous=FULL):
//! - finish + canonical JSON + PDF + two signatures + storing the artifacts in one
//!   transaction, with the key already unlocked (the budget: p50 ≤ 100 ms);
//! - the same without the store (note making and signing alone);
//! - unlocking the key (scrypt), which the user pays once per signing.
//!
//! Prints p50/p95/max; figures go to docs/performance.md ("## Signed note").

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use samtalenotat_core::app::signing::finish_and_store_note;
use samtalenotat_core::domain::{Lang, MeetingRecord, Policy, RecordId, RecordState, StaffMember};
use samtalenotat_core::note::{keys, sign_note, Signing};
use samtalenotat_core::store::Store;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<48} n={:<4} p50 {:>8.2} ms   p95 {:>8.2} ms   max {:>8.2} ms",
        samples.len(),
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.95)),
        ms(*samples.last().unwrap())
    );
}

fn main() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/records");
    let fixture: MeetingRecord = serde_json::from_str(
        &std::fs::read_to_string(root.join("refused-ground-a-harassment.json")).unwrap(),
    )
    .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 13, 5, 0).unwrap();
    let policy = Policy::builtin();
    let staff = StaffMember {
        name: "Mette Sørensen".into(),
        initials: "MESO".into(),
    };
    let dir = tempfile::tempdir().unwrap();
    let key_info = keys::generate_key(
        &dir.path().join("keys"),
        &staff,
        "korrekt hest batteri",
        now,
    )
    .unwrap();

    let mut unlock = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let key = keys::unlock(&key_info.secret_key_path, "korrekt hest batteri").unwrap();
        unlock.push(t.elapsed());
        drop(key);
    }
    let key = keys::unlock(&key_info.secret_key_path, "korrekt hest batteri").unwrap();
    let signing = Signing {
        key: &key,
        signer: &staff,
        lang: Lang::Da,
    };

    let mut finished = fixture.clone();
    finished.policy = policy.reference();
    finished.state = RecordState::Finished;
    finished.finished_at = Some(now);
    let mut make = Vec::new();
    for _ in 0..5 {
        sign_note(&finished, policy, signing, now).unwrap();
    }
    for _ in 0..100 {
        let t = Instant::now();
        let note = sign_note(&finished, policy, signing, now).unwrap();
        make.push(t.elapsed());
        assert!(!note.pdf.is_empty());
    }

    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let mut full = Vec::new();
    for n in 0..100u128 {
        let mut record = fixture.clone();
        record.id = RecordId(ulid::Ulid::from(1000 + n));
        record.policy = policy.reference();
        store.insert_record(&record, "bench").unwrap();
        let t = Instant::now();
        finish_and_store_note(&mut store, record.id, now, "bench", policy, signing).unwrap();
        full.push(t.elapsed());
    }

    report("finish + JSON + PDF + 2 signatures + store", full);
    report("note JSON + PDF + 2 signatures (no store)", make);
    report("key unlock (scrypt, minisign default)", unlock);
}
