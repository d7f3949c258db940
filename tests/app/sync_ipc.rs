//! Sync commands on the mock runtime: the exact shape the UI builds against, and a signed
//! artifact travelling from the outbox to the (default, local) share through the background
//! worker.

use std::time::{Duration, Instant};

use samtalenotat_core::store::{Store, DATABASE_FILE_NAME};
use serde_json::{json, Value};

use crate::harness::TestDir;
use crate::mock_app::*;

fn assert_shape(v: &Value) {
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut keys = keys;
    keys.sort();
    assert_eq!(
        keys,
        [
            "conflicts",
            "last_error",
            "last_success_at",
            "oldest_pending_age_seconds",
            "pending",
            "running",
            "share_dir",
            "share_is_local_default"
        ]
    );
    assert!(v["pending"].is_u64());
    assert!(v["oldest_pending_age_seconds"].is_null() || v["oldest_pending_age_seconds"].is_i64());
    assert!(v["last_success_at"].is_null() || v["last_success_at"].is_string());
    assert!(
        v["last_error"].is_null()
            || (v["last_error"]["kind"].is_string() && v["last_error"]["message"].is_string())
    );
    assert!(v["conflicts"].is_array());
    assert!(v["running"].is_boolean());
    assert!(v["share_dir"].is_string());
}

/// What the signing code stores for a note (only the artifact this test needs).
fn sign_json(data_dir: &std::path::Path, note_id: &str) -> Vec<u8> {
    let bytes = format!("{{\"note\":\"{note_id}\"}}").into_bytes();
    let tmp = data_dir.join("hash-me");
    std::fs::write(&tmp, &bytes).unwrap();
    let (sha, _) = samtalenotat_core::sync::share_io::hash_file(&tmp).unwrap();
    std::fs::remove_file(&tmp).unwrap();
    let store = Store::open(&data_dir.join(DATABASE_FILE_NAME)).unwrap();
    store
        .connection()
        .execute(
            "INSERT INTO signed_artifacts (note_id, name, bytes, sha256, created_at)
             VALUES (?1, 'note.json', ?2, ?3, '2026-05-05T10:00:00.000Z')",
            (note_id, &bytes[..], sha.as_str()),
        )
        .unwrap();
    bytes
}

#[test]
fn sync_status_and_sync_now_have_the_agreed_shape() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let status = call(&main, "sync_status", json!({})).expect("sync_status");
    assert_shape(&status);
    assert_eq!(status["pending"], 0);
    assert!(status["oldest_pending_age_seconds"].is_null());
    assert!(status["last_error"].is_null());
    assert_eq!(
        status["share_dir"],
        dir.data_dir().join("share").display().to_string()
    );
    let now = call(&main, "sync_now", json!({})).expect("sync_now");
    // Returns at once with the same shape (the run itself happens on the worker thread).
    assert_shape(&now);

    // Only the main window's capability grants them.
    let other = window(&app, "other");
    assert!(call(&other, "sync_status", json!({})).is_err());
    assert!(call(&other, "sync_now", json!({})).is_err());
}

#[test]
fn a_signed_artifact_becomes_pending_then_confirmed_on_the_local_share() {
    let dir = TestDir::new();
    let app = app(&dir);
    let main = window(&app, "main");
    let note_id = ulid::Ulid::from_parts(1_778_000_000_000, 42).to_string();
    let bytes = sign_json(&dir.data_dir(), &note_id);
    let status = call(&main, "sync_status", json!({})).unwrap();
    assert_eq!(status["pending"], 1);
    assert!(status["oldest_pending_age_seconds"].as_i64().unwrap() > 0);

    call(&main, "sync_now", json!({})).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        let s = call(&main, "sync_status", json!({})).unwrap();
        if s["pending"] == 0 && s["running"] == false {
            break s;
        }
        assert!(Instant::now() < deadline, "never synced: {s}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_shape(&status);
    assert!(status["last_success_at"].is_string(), "{status}");
    assert!(status["last_error"].is_null());
    let on_share = dir
        .data_dir()
        .join("share/samtalenotat/v1/notes/2026/05")
        .join(&note_id)
        .join("note.json");
    assert_eq!(std::fs::read(on_share).unwrap(), bytes);
}
