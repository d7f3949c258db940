-- The event log: every change to a draft, append-only and hash-chained per record, so that a
-- deleted, edited or reordered event is detected (store::events::verify_chain).
CREATE TABLE record_events (
    record_id  TEXT NOT NULL REFERENCES records (id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('created', 'updated', 'finished')),
    -- created: the whole record; updated/finished: [{"path": [...], "value": ...}, ...]
    changes    TEXT NOT NULL CHECK (json_valid(changes)),
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    PRIMARY KEY (record_id, seq)
) STRICT;

CREATE TRIGGER record_events_are_append_only_update
BEFORE UPDATE ON record_events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER record_events_are_append_only_delete
BEFORE DELETE ON record_events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- The newest event's hash, kept with the record: removing the last event is detected too.
ALTER TABLE records ADD COLUMN chain_head TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;

-- Full-text search for the list screen. `remove_diacritics 0`: Danish æ, ø, å are letters of
-- their own, so "bås" must not match "bas".
CREATE VIRTUAL TABLE records_fts USING fts5 (
    subject, case_number, unit, counterpart, room, lead, notes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE INDEX records_by_state ON records (state, updated_at DESC);
CREATE INDEX records_by_start ON records (meeting_starts_at);
