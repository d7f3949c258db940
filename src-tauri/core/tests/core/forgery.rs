//! The forgery the trust model exists to stop (issue: the central side): a note changed and
//! signed again by a key of the attacker's own whose id bytes are set to a staff member's, so
//! that lookup by key id finds the staff member's name. Checked against that crafted key
//! alone, the forgery is internally consistent.

use std::path::Path;

use base64::Engine;
use samtalenotat_core::digest::sha256_hex;
use samtalenotat_core::note::keys::PublicKeyFile;

/// Rewrites the key id bytes of a minisign public key or signature file's key line.
pub fn with_key_id(file: &str, line: usize, id: [u8; 8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut lines: Vec<String> = file.lines().map(str::to_owned).collect();
    let mut raw = b64.decode(&lines[line]).unwrap();
    raw[2..10].copy_from_slice(&id);
    lines[line] = b64.encode(raw);
    lines.join("\n") + "\n"
}

/// Writes into `out` the note folder `note` with its unit changed from `from_unit` to
/// `to_unit`, both files signed by a fresh key that carries the id of `staff_pub`; returns the
/// crafted key's public key file (for the attacker to lay on the share). `out` may be `note`.
pub fn forge_with_crafted_key(
    note: &Path,
    staff_pub: &Path,
    out: &Path,
    from_unit: &str,
    to_unit: &str,
) -> String {
    let staff = PublicKeyFile::parse(&std::fs::read_to_string(staff_pub).unwrap()).unwrap();
    let staff_id = staff.key_id.0;
    let attacker = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
    let attacker_pub = with_key_id(&attacker.pk.to_box().unwrap().into_string(), 1, staff_id);
    let json = std::fs::read_to_string(note.join("note.json")).unwrap();
    let (from, to) = (
        format!("\"unit\":\"{from_unit}\""),
        format!("\"unit\":\"{to_unit}\""),
    );
    assert!(json.contains(&from), "the note is not of {from_unit}");
    let json = json.replace(&from, &to);
    let pdf = std::fs::read(note.join("note.pdf")).unwrap();
    let sign = |bytes: &[u8], comment: &str| {
        let sig = minisign::sign(
            Some(&attacker.pk),
            &attacker.sk,
            bytes,
            Some(comment),
            Some("signature from samtalenotat"),
        )
        .unwrap()
        .into_string();
        with_key_id(&sig, 1, staff_id)
    };
    let key_id = staff.key_id.to_string();
    let id = note.file_name().unwrap().to_str().unwrap().to_owned();
    let json_hash = sha256_hex(json.as_bytes());
    let pdf_hash = sha256_hex(&pdf);
    std::fs::create_dir_all(out).unwrap();
    std::fs::write(out.join("note.json"), &json).unwrap();
    std::fs::write(
        out.join("note.json.minisig"),
        sign(
            json.as_bytes(),
            &format!(
                "samtalenotat-note v1 note={id} artifact=note.json sha256={json_hash} key={key_id}"
            ),
        ),
    )
    .unwrap();
    std::fs::write(out.join("note.pdf"), &pdf).unwrap();
    std::fs::write(
        out.join("note.pdf.minisig"),
        sign(
            &pdf,
            &format!(
                "samtalenotat-note v1 note={id} artifact=note.pdf sha256={pdf_hash} json_sha256={json_hash} key={key_id}"
            ),
        ),
    )
    .unwrap();
    attacker_pub
}
