-- Lottery draws and entries (LotteryStore, ADR 005). A draw is one release wave of one day at one
-- office; it exists from its first entry on. The conditional update OPEN -> DRAWING is the claim
-- that lets exactly one app instance draw it; an entry locks its draw's row (FOR SHARE) while it
-- is added, so no entry slips into a draw being drawn.
CREATE TABLE lottery_draws (
  office_id  text NOT NULL,
  day        date NOT NULL,
  wave       integer NOT NULL CHECK (wave >= 0),
  draw_at    timestamptz NOT NULL,
  commitment text NOT NULL,
  status     text NOT NULL CHECK (status IN ('OPEN', 'DRAWING', 'DRAWN')),
  claimed_at timestamptz,
  seed       text,
  drawn_at   timestamptz,
  PRIMARY KEY (office_id, day, wave),
  CHECK ((status = 'OPEN') = (claimed_at IS NULL)),
  CHECK ((status = 'DRAWN') = (seed IS NOT NULL AND drawn_at IS NOT NULL))
);

-- Finds the draws that are due; drawn ones are never looked for again.
CREATE INDEX lottery_draws_due ON lottery_draws (draw_at) WHERE status <> 'DRAWN';

-- Entries are found by their random public id alone (citizens know no more), so like
-- booking_references this table is keyed otherwise than by office. The token is kept as its
-- SHA-256 only; the citizen's data only while the entry is pending.
CREATE TABLE lottery_entries (
  entry_id             text PRIMARY KEY CHECK (char_length(entry_id) BETWEEN 1 AND 64),
  office_id            text NOT NULL,
  day                  date NOT NULL,
  wave                 integer NOT NULL,
  token_hash           bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  service_ids          text[] NOT NULL CHECK (cardinality(service_ids) > 0),
  persons              integer[] NOT NULL CHECK (cardinality(persons) = cardinality(service_ids)),
  citizen_name         text,
  citizen_email        text,
  citizen_phone        text,
  waiting_list_if_lost boolean NOT NULL,
  entered_at           timestamptz NOT NULL,
  outcome              text NOT NULL CHECK (outcome IN ('PENDING', 'WON', 'LOST')),
  reference            text,
  appointment_start    timestamptz,
  FOREIGN KEY (office_id, day, wave) REFERENCES lottery_draws,
  CHECK ((outcome = 'PENDING') = (citizen_name IS NOT NULL)),
  CHECK (outcome = 'PENDING' OR (citizen_email IS NULL AND citizen_phone IS NULL)),
  CHECK ((outcome = 'WON') = (reference IS NOT NULL)),
  CHECK ((outcome = 'WON') = (appointment_start IS NOT NULL))
);

CREATE INDEX lottery_entries_by_draw ON lottery_entries (office_id, day, wave);

-- One entry per identity and draw: the primary key decides, in any number of app instances.
-- Identity keys are keyed digests (Identity.key), never the normalised address or number.
CREATE TABLE lottery_entry_identities (
  office_id    text NOT NULL,
  day          date NOT NULL,
  wave         integer NOT NULL,
  identity_key text NOT NULL,
  entry_id     text NOT NULL REFERENCES lottery_entries,
  PRIMARY KEY (office_id, day, wave, identity_key)
);

CREATE INDEX lottery_entry_identities_by_entry ON lottery_entry_identities (entry_id);
