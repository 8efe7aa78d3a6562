-- Waiting-list entries (WaitingListStore): who waits at an office for which services within which
-- days, and what was offered to them. Identities are stored only as keyed hashes (for the "one
-- entry per person and service" rule), the entry token only as its SHA-256 hash. The contact is
-- personal data, kept to send offers. Every change is a compare-and-set on the status, so app
-- instances running the offer job at once never offer one entry twice. See docs/adr/005.
CREATE TABLE waiting_list_entries (
  office_id      text NOT NULL REFERENCES offices,
  entry_id       uuid NOT NULL,
  service_ids    text[] NOT NULL,
  persons        integer[] NOT NULL,
  first_day      date NOT NULL,
  end_day        date NOT NULL, -- exclusive
  citizen_name   text NOT NULL,
  citizen_email  text,
  citizen_phone  text,
  identity_keys  text[] NOT NULL CHECK (cardinality(identity_keys) > 0),
  token_hash     bytea NOT NULL CHECK (length(token_hash) = 32),
  registered_at  timestamptz NOT NULL,
  status         text NOT NULL
    CHECK (status IN ('WAITING', 'OFFERED', 'BOOKED', 'LAPSED', 'WITHDRAWN', 'EXPIRED')),
  -- The offer: the hold (an appointment of the same office), its start and its deadline.
  offered_hold   uuid,
  offered_start  timestamptz,
  offer_deadline timestamptz,
  changed_at     timestamptz NOT NULL,
  PRIMARY KEY (office_id, entry_id),
  CHECK (end_day > first_day),
  CHECK (cardinality(service_ids) > 0 AND cardinality(service_ids) = cardinality(persons)),
  CHECK ((offered_hold IS NULL) = (offered_start IS NULL) AND (offered_hold IS NULL) = (offer_deadline IS NULL)),
  CHECK (status <> 'WAITING' OR offered_hold IS NULL),
  CHECK (status <> 'OFFERED' OR offered_hold IS NOT NULL)
);

-- The job reads an office's open entries every minute; finished ones stay for the record.
CREATE INDEX waiting_list_open_entries ON waiting_list_entries (office_id, status, registered_at)
  WHERE status IN ('WAITING', 'OFFERED');
