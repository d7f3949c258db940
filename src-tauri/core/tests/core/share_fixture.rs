//! Stand-in signed notes for the sync tests (`sync`, `sync_smb`): deterministic artifacts
//! stored the way signing stores them, the files the share should then hold, and checks of
//! what is on the share. `benches/sync.rs` uses it too (through `tests/sync_common.rs`), so it
//! needs nothing else from this test binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use chrono::{DateTime, SubsecRound, Utc};
use samtalenotat_core::store::outbox::ItemState;
use samtalenotat_core::store::Store;
use samtalenotat_core::sync::layout::{is_temp_name, target_path};
use samtalenotat_core::sync::{sync_once, SyncOptions, SyncReport};
use sha2::{Digest, Sha256};
use ulid::Ulid;

pub const NAMES: [&str; 5] = [
    "note.json",
    "note.pdf",
    "note.pdf.minisig",
    "note.json.minisig",
    "signer.pub",
];

pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

/// A note id created at 2026-05-`day` (UTC) plus `n` ms.
pub fn note_id(n: u64) -> String {
    Ulid::from_parts(1_778_000_000_000 + n * 1000, u128::from(n) + 1).to_string()
}

/// A minisign public key file, as `minisign -G` writes it.
pub fn signer_pub(key_id: u64) -> Vec<u8> {
    let mut raw = b"Ed".to_vec();
    raw.extend_from_slice(&key_id.to_le_bytes());
    raw.extend_from_slice(&Sha256::digest(key_id.to_le_bytes()));
    format!(
        "untrusted comment: minisign public key {key_id:016X}\n{}\n",
        base64::engine::general_purpose::STANDARD.encode(&raw)
    )
    .into_bytes()
}

/// Deterministic bytes for one artifact of a note.
pub fn artifact(note_id: &str, name: &str, pdf_size: usize, key_id: u64) -> Vec<u8> {
    match name {
        "signer.pub" => signer_pub(key_id),
        "note.pdf" => {
            let mut b = format!("%PDF-1.7 {note_id}\n").into_bytes();
            let mut x = note_id.len() as u32;
            while b.len() < pdf_size {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                b.push((x >> 24) as u8);
            }
            b
        }
        _ => format!("{{\"note\":\"{note_id}\",\"artifact\":\"{name}\"}}\n").into_bytes(),
    }
}

/// What the signing code does: all artifacts of a note in one transaction.
pub fn sign_note(store: &Store, note_id: &str, pdf_size: usize, key_id: u64) {
    let tx = store.connection().unchecked_transaction().unwrap();
    for name in NAMES {
        let bytes = artifact(note_id, name, pdf_size, key_id);
        tx.execute(
            "INSERT INTO signed_artifacts (note_id, name, bytes, sha256, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![
                note_id,
                name,
                bytes,
                hex::encode(Sha256::digest(&bytes)),
                "2026-05-05T10:00:00.000Z"
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

/// Every file that should be on the share for these notes, with its bytes.
pub fn expected_files(notes: &[String], pdf_size: usize, key_id: u64) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for id in notes {
        for name in NAMES {
            let bytes = artifact(id, name, pdf_size, key_id);
            let path = target_path(id, name, Some(&bytes)).unwrap();
            out.insert(path.to_string(), bytes);
        }
    }
    out
}

/// All regular files under `dir`, by `/`-separated relative path.
pub fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries {
            let e = e.unwrap();
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

pub fn temp_files(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    files
        .keys()
        .filter(|p| is_temp_name(p.rsplit('/').next().unwrap()))
        .cloned()
        .collect()
}

/// No file under a final name has bytes other than ours.
pub fn assert_no_wrong_bytes(share: &Path, expected: &BTreeMap<String, Vec<u8>>) {
    for (path, bytes) in files_under(share) {
        if is_temp_name(path.rsplit('/').next().unwrap()) {
            continue;
        }
        let want = expected
            .get(&path)
            .unwrap_or_else(|| panic!("unexpected file on the share: {path}"));
        assert!(&bytes == want, "wrong bytes under a final name: {path}");
    }
}

/// The share holds exactly the expected files, and the outbox has everything confirmed.
pub fn assert_complete(store: &Store, share: &Path, expected: &BTreeMap<String, Vec<u8>>) {
    let files = files_under(share);
    assert!(
        temp_files(&files).is_empty(),
        "temp files left: {:?}",
        temp_files(&files)
    );
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(files == *expected, "bytes differ");
    for state in [
        ItemState::Pending,
        ItemState::Published,
        ItemState::Conflict,
    ] {
        assert_eq!(store.outbox_count(state).unwrap(), 0, "{state:?} left");
    }
}

pub fn options() -> SyncOptions {
    SyncOptions {
        force: true,
        temp_grace: chrono::Duration::zero(),
        ..SyncOptions::default()
    }
}

pub fn sync(store: &Store, share: &Path) -> SyncReport {
    sync_once(store, share, now(), &options(), &mut |_| {}).unwrap()
}

pub fn open(dir: &Path, name: &str) -> Store {
    Store::open(&dir.join(name)).unwrap()
}

/// A prepared local share folder (with the `samtalenotat/` mark a configured share needs).
pub fn share_dir(dir: &Path) -> PathBuf {
    let s = dir.join("share");
    std::fs::create_dir_all(s.join("samtalenotat")).unwrap();
    s
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}
