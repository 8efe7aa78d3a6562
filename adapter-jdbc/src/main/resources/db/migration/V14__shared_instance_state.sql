-- State that every app instance on this database must share.

-- Keys the instances need alike, e.g. the one that signs anti-bot challenges, so that a challenge
-- issued by one instance verifies on another. The first instance to start creates a key; the
-- others read it. It lives here rather than hashed because it must be used, not only compared:
-- whoever can read this table can forge challenges, which only eases the bot protection, and
-- could read every booking anyway.
CREATE TABLE shared_secrets (
  name       text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9-]{0,39}$'),
  secret     bytea NOT NULL CHECK (octet_length(secret) BETWEEN 32 AND 1024),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Citizens' hold attempts per office and second, each instance in a row of its own (so that
-- instances never wait for each other's row), summed over the last minute: the load signal that
-- switches an office's challenge on. Rows older than a few minutes are deleted as instances write.
-- Not personal data: no client, no citizen, only counts.
CREATE TABLE hold_rates (
  office_id   text NOT NULL,
  epoch_second bigint NOT NULL,
  instance_id uuid NOT NULL,
  holds       integer NOT NULL CHECK (holds > 0),
  PRIMARY KEY (office_id, epoch_second, instance_id)
);
