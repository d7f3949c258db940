-- The outbox: one row per signed artifact until it is confirmed on the share (docs/sync.md).
-- Rows are created by the trigger below in the same transaction that inserts the artifact, so
-- the signing code needs no knowledge of sync and nothing signed can miss the outbox.
--
-- state:  pending    not yet on the share (or not yet seen there)
--         published  placed under its final name, not yet read back and verified
--         confirmed  read back from the share with the right SHA-256 (final)
--         conflict   a different file already holds the final name; never overwritten
-- Times are RFC 3339 UTC text written by the program (the time is passed in, never read here),
-- except enqueued_at, which is the artifact's own created_at.
CREATE TABLE outbox (
    note_id          TEXT NOT NULL,
    name             TEXT NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    size             INTEGER NOT NULL CHECK (size >= 0),
    state            TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'published', 'confirmed', 'conflict')),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- NULL: due now.
    next_attempt_at  TEXT,
    -- Classified error of the last failed attempt (share_missing, permission, disk_full,
    -- timeout, io, invalid_artifact) and its technical message; NULL after a success.
    last_error_kind  TEXT,
    last_error       TEXT,
    enqueued_at      TEXT NOT NULL,
    published_at     TEXT,
    confirmed_at     TEXT,
    conflict_at      TEXT,
    -- Size of the foreign file found under the final name, when a conflict was recorded.
    conflict_size    INTEGER,
    -- Where the artifact goes, relative to the share folder, '/'-separated; set by the first
    -- sync that handles it (the key file's name needs the key's bytes, so not by the trigger).
    share_path       TEXT,
    PRIMARY KEY (note_id, name),
    FOREIGN KEY (note_id, name) REFERENCES signed_artifacts (note_id, name)
) STRICT;

CREATE INDEX outbox_open ON outbox (state) WHERE state <> 'confirmed';

CREATE TRIGGER signed_artifacts_enqueue
AFTER INSERT ON signed_artifacts
BEGIN
    INSERT INTO outbox (note_id, name, sha256, size, enqueued_at)
    VALUES (NEW.note_id, NEW.name, NEW.sha256, length(NEW.bytes), NEW.created_at);
END;

-- Artifacts signed before this migration are queued too.
INSERT INTO outbox (note_id, name, sha256, size, enqueued_at)
SELECT note_id, name, sha256, length(bytes), created_at FROM signed_artifacts;

-- One row: the outcome of the last sync run, for the status line.
CREATE TABLE sync_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    last_run_at      TEXT,
    last_success_at  TEXT,
    last_error_kind  TEXT,
    last_error       TEXT
) STRICT;

INSERT INTO sync_state (id) VALUES (1);

-- Share folders where our own temporary files were seen but were too young to remove (they
-- might have been another device's publish in progress). Listed again by later runs until
-- they are clean, so a crash's leftovers are removed even after the note itself is confirmed.
CREATE TABLE sync_temp_watch (
    folder         TEXT PRIMARY KEY,
    first_seen_at  TEXT NOT NULL
) STRICT;
