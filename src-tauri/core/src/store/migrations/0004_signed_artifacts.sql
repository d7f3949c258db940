-- Signed artifacts of finished notes (note JSON, PDF, their detached signatures, the signer's
-- public key). Written once when a record is finished and signed, never changed or deleted:
-- they are what goes to the case file and the share.
CREATE TABLE signed_artifacts (
    note_id     TEXT NOT NULL,
    -- Fixed ASCII file name, e.g. note.json, note.json.minisig, note.pdf, note.pdf.minisig,
    -- signer.pub. Never built from user text.
    name        TEXT NOT NULL CHECK (name GLOB '[a-z0-9]*' AND name NOT GLOB '*[^a-zA-Z0-9._-]*'),
    bytes       BLOB NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (note_id, name)
) STRICT;

CREATE TRIGGER signed_artifacts_are_immutable_update
BEFORE UPDATE ON signed_artifacts
BEGIN
    SELECT RAISE(ABORT, 'signed artifacts are immutable');
END;

CREATE TRIGGER signed_artifacts_are_immutable_delete
BEFORE DELETE ON signed_artifacts
BEGIN
    SELECT RAISE(ABORT, 'signed artifacts are immutable');
END;
