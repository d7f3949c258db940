-- A finished record is a legal record only together with its signed note: the app once had a
-- way to finish a record without one, and such a record could never be signed or synced.
-- From now on the database refuses it: a record becomes (or is stored as) finished only when
-- its signed artifacts are already stored, in the same transaction.
CREATE TRIGGER records_finish_needs_artifacts_update
BEFORE UPDATE OF state ON records
WHEN NEW.state = 'finished'
     AND NOT EXISTS (SELECT 1 FROM signed_artifacts WHERE note_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'a record is finished only with its signed artifacts');
END;

CREATE TRIGGER records_finish_needs_artifacts_insert
BEFORE INSERT ON records
WHEN NEW.state = 'finished'
     AND NOT EXISTS (SELECT 1 FROM signed_artifacts WHERE note_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'a record is finished only with its signed artifacts');
END;
