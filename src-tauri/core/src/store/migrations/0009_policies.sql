-- The policies this PC has adopted (SPEC section 7): the built-in one is implicit; one the
-- administration published on the share is kept here, with its exact text, once its signature
-- has been checked. Drafts are validated and signed under the policy they were started with
-- (by hash), so a policy stays here for as long as the app runs.
CREATE TABLE policies (
    hash        TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    text        TEXT NOT NULL,
    adopted_at  TEXT NOT NULL
) STRICT;
