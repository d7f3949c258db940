-- Meeting records. `body` is the record's JSON (docs/record-format.md), the record of truth;
-- the other columns are projections of it for listing and searching.
CREATE TABLE records (
    id                TEXT PRIMARY KEY NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('draft', 'finished')),
    kind              TEXT NOT NULL CHECK (kind IN ('citizen', 'employee')),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    meeting_starts_at TEXT,
    unit              TEXT NOT NULL DEFAULT '',
    case_number       TEXT NOT NULL DEFAULT '',
    subject           TEXT NOT NULL DEFAULT '',
    counterpart       TEXT NOT NULL DEFAULT '',
    body              TEXT NOT NULL CHECK (json_valid(body))
) STRICT;

CREATE INDEX records_by_updated ON records (updated_at DESC);
CREATE INDEX records_by_unit ON records (unit, updated_at DESC);
CREATE INDEX records_by_case ON records (case_number);

-- A finished record is a legal record: SQLite itself refuses to change or delete it, so no
-- code path (or a stray sqlite3 shell) can alter it by mistake.
CREATE TRIGGER records_finished_is_immutable
BEFORE UPDATE ON records
WHEN OLD.state = 'finished'
BEGIN
    SELECT RAISE(ABORT, 'record is finished and immutable');
END;

CREATE TRIGGER records_finished_is_not_deleted
BEFORE DELETE ON records
WHEN OLD.state = 'finished'
BEGIN
    SELECT RAISE(ABORT, 'record is finished and immutable');
END;
