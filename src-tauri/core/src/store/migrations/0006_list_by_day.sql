-- Lists filtered by date use coalesce(meeting_starts_at, created_at) (store::records); without
-- an index on that exact expression a month far back walks the newest-first index row by row.
CREATE INDEX records_by_day ON records (coalesce(meeting_starts_at, created_at));
