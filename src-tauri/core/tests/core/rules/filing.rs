//! G-NOTICE-CASE, filing: "At noterer i sagen ..." The signed note is the notation; that it
//! was put in the case, and when, is recorded after signing as a receipt signed with the
//! staff key, synced to the share, shown in the list, once per note.

use std::process::Command;

use chrono::Duration;
use samtalenotat_core::app::{ErrorCode, ListQuery};
use samtalenotat_core::note::filing::{FILING_JSON, FILING_SIG};
use samtalenotat_core::note::{sha256_hex, NOTE_JSON, SIGNER_PUB};
use samtalenotat_core::store::Store;
use zeroize::Zeroizing;

use super::{allowed_record, now};
use crate::harness::{app_with_key, draft_in_app, signed_in_app, TestDir, PASSPHRASE};

fn passphrase() -> Zeroizing<String> {
    Zeroizing::new(PASSPHRASE.to_owned())
}

#[test]
fn g_notice_case_a_signed_note_is_marked_filed_once_with_a_receipt_minisign_verifies() {
    let dir = TestDir::new();
    let (app, clock) = app_with_key(dir.path(), now());
    let id = signed_in_app(&app, &clock, allowed_record(), now());
    let sid = id.to_string();
    let store = Store::open(&app.config().database_path()).unwrap();
    let note_hash = sha256_hex(&store.artifact(&sid, NOTE_JSON).unwrap().unwrap().bytes);

    // Unfiled at first, in the view and in the list.
    assert!(app.get_record(&sid).unwrap().filing.is_none());
    let summary = |app: &samtalenotat_core::app::App| {
        app.list_records(ListQuery {
            limit: 10,
            ..ListQuery::default()
        })
        .unwrap()
        .into_iter()
        .find(|s| s.id == sid)
        .unwrap()
    };
    assert_eq!(summary(&app).filed_at, None);
    assert_eq!(summary(&app).decision.as_deref(), Some("allowed"));

    // Only between the signing and now; only a signed note; only with the right passphrase.
    clock.set(now() + Duration::hours(2));
    let filed_at = (now() + Duration::hours(1)).to_rfc3339();
    for wrong in [
        (now() - Duration::minutes(1)).to_rfc3339(),
        (now() + Duration::hours(3)).to_rfc3339(),
    ] {
        let err = app.mark_filed(&sid, &wrong, "", passphrase()).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            (ErrorCode::TimeOutOfRange, Some("filed_at")),
            "{wrong}"
        );
    }
    let err = app.mark_filed(&sid, "i går", "", passphrase()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("filed_at"));
    let draft = draft_in_app(&app, &clock, allowed_record(), now() + Duration::hours(2));
    let err = app
        .mark_filed(&draft.to_string(), &filed_at, "", passphrase())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::RecordNotFinished);
    let err = app
        .mark_filed(
            &sid,
            &filed_at,
            "",
            Zeroizing::new("forkert kodeord".to_owned()),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert!(store.filing(&sid).unwrap().is_none());

    // Filed: the view, the table and a signed receipt.
    let view = app
        .mark_filed(&sid, &filed_at, "DOK-2026-004711", passphrase())
        .unwrap();
    let filing = view.filing.expect("the view shows the filing");
    assert_eq!(filing.document_number, "DOK-2026-004711");
    assert_eq!(filing.filed_at, "2026-11-28T13:00:00.000Z");
    let receipt = store.artifact(&sid, FILING_JSON).unwrap().unwrap().bytes;
    let signature = store.artifact(&sid, FILING_SIG).unwrap().unwrap().bytes;
    let json: serde_json::Value = serde_json::from_slice(&receipt).unwrap();
    assert_eq!(json["note_id"], sid.as_str());
    assert_eq!(json["note_content_hash"], note_hash.as_str());
    assert_eq!(json["case_number"], "27.12.00-A00-1234-26");
    assert_eq!(json["filed_at"], "2026-11-28T13:00:00.000Z");
    assert_eq!(json["document_number"], "DOK-2026-004711");
    assert_eq!(json["signer"]["initials"], "MESO");

    // The real minisign tool verifies the receipt with the staff member's public key.
    let check = TestDir::new();
    std::fs::write(check.join(FILING_JSON), &receipt).unwrap();
    std::fs::write(check.join(FILING_SIG), &signature).unwrap();
    let public = store.artifact(&sid, SIGNER_PUB).unwrap().unwrap().bytes;
    std::fs::write(check.join("signer.pub"), &public).unwrap();
    let out = Command::new("minisign")
        .current_dir(check.path())
        .args(["-Vm", FILING_JSON, "-p", "signer.pub"])
        .output()
        .expect("minisign is needed (scripts/setup.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let key_id = app.key_status().unwrap().key_id.unwrap();
    assert!(
        stdout.contains(&format!(
            "samtalenotat-filing v1 note={sid} sha256={} key={key_id}",
            sha256_hex(&receipt)
        )),
        "{stdout}"
    );
    // One changed byte and minisign refuses it.
    let mut changed = receipt.clone();
    changed[10] ^= 0x01;
    std::fs::write(check.join(FILING_JSON), &changed).unwrap();
    let out = Command::new("minisign")
        .current_dir(check.path())
        .args(["-Vm", FILING_JSON, "-p", "signer.pub"])
        .output()
        .unwrap();
    assert!(!out.status.success());

    // Once per note.
    let err = app
        .mark_filed(&sid, &filed_at, "DOK-2", passphrase())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::AlreadyFiled);
    assert_eq!(
        store.filing(&sid).unwrap().unwrap().document_number,
        "DOK-2026-004711"
    );
    let err = store
        .connection()
        .execute("DELETE FROM case_filings WHERE note_id = ?1", [&sid])
        .unwrap_err();
    assert!(err.to_string().contains("never changed"), "{err}");

    // In the list as filed, and synced to the share's filings tree.
    assert_eq!(
        summary(&app).filed_at.as_deref(),
        Some("2026-11-28T13:00:00.000Z")
    );
    assert_eq!(summary(&app).sync_state.as_deref(), Some("pending"));
    let report = app.sync_once(true, None, &mut |_| {}).unwrap();
    assert!(
        report.error.is_none() && report.failed == 0 && report.conflicts == 0,
        "{report:?}"
    );
    let share = app.share_in_effect().path;
    let folder = share.join("samtalenotat/v1/filings/2026/11").join(&sid);
    assert_eq!(std::fs::read(folder.join(FILING_JSON)).unwrap(), receipt);
    assert_eq!(std::fs::read(folder.join(FILING_SIG)).unwrap(), signature);
    let note_folder = share.join("samtalenotat/v1/notes/2026/11").join(&sid);
    assert!(note_folder.join(NOTE_JSON).is_file());
    assert!(
        !note_folder.join(FILING_JSON).exists(),
        "a complete note folder never changes"
    );
    // The app's own folder on this PC: confirmed there, which is not the share.
    assert_eq!(summary(&app).sync_state.as_deref(), Some("on_this_pc"));
}
