-- Filing a signed note in the case (G-NOTICE-CASE), kept apart from the immutable record: one
-- row per note, written once when staff mark the note as filed, never changed or deleted. The
-- signed receipt itself is stored as artifacts (filing.json and its signature) and synced.
CREATE TABLE case_filings (
    note_id          TEXT PRIMARY KEY NOT NULL REFERENCES records (id),
    filed_at         TEXT NOT NULL,
    -- The case system's document number, when given; '' otherwise.
    document_number  TEXT NOT NULL DEFAULT '',
    recorded_at      TEXT NOT NULL,
    actor            TEXT NOT NULL
) STRICT;

CREATE TRIGGER case_filings_are_immutable_update
BEFORE UPDATE ON case_filings
BEGIN
    SELECT RAISE(ABORT, 'a filing in the case is recorded once and never changed');
END;

CREATE TRIGGER case_filings_are_immutable_delete
BEFORE DELETE ON case_filings
BEGIN
    SELECT RAISE(ABORT, 'a filing in the case is recorded once and never changed');
END;

-- Only a finished record is filed.
CREATE TRIGGER case_filings_only_for_finished
BEFORE INSERT ON case_filings
WHEN (SELECT state FROM records WHERE id = NEW.note_id) IS NOT 'finished'
BEGIN
    SELECT RAISE(ABORT, 'only a finished note is filed in the case');
END;

-- A discarded draft: hidden from the list, never changed again (its body says why).
ALTER TABLE records ADD COLUMN discarded_at TEXT;

CREATE TRIGGER records_discarded_is_immutable
BEFORE UPDATE ON records
WHEN OLD.discarded_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a discarded draft is not changed');
END;

