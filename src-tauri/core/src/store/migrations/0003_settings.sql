-- Settings of this PC: staff identity, unit and room lists, language, share folder.
-- One row per key, the value as JSON, so a new setting needs no migration.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
