-- Holds and bookings. PostgreSQL itself guarantees that no resource serves two appointments
-- at once: the exclusion constraint below refuses any overlapping pair of rows of one resource
-- that occupy time, whatever the number of app instances. See docs/adr/003.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE appointments (
  office_id             text NOT NULL,
  appointment_id        uuid NOT NULL,
  resource_id           text NOT NULL,
  starts_at             timestamptz NOT NULL,
  ends_at               timestamptz NOT NULL,
  status                text NOT NULL
    CHECK (status IN ('HELD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
  -- Holds only: the instant the hold stops counting, whether or not it has been deleted.
  expires_at            timestamptz,
  channel               text NOT NULL CHECK (channel IN ('ONLINE', 'PHONE', 'COUNTER')),
  service_ids           text[] NOT NULL,
  persons               integer[] NOT NULL,
  reference             text,
  manage_token_hash     bytea,
  citizen_name          text,
  citizen_email         text,
  citizen_phone         text,
  hold_key_hash         bytea,
  hold_fingerprint      text,
  confirm_key_hash      bytea,
  confirm_fingerprint   text,
  confirm_retry_payload bytea,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (office_id, appointment_id),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources,
  CHECK (ends_at > starts_at),
  CHECK ((status = 'HELD') = (expires_at IS NOT NULL)),
  CHECK ((status = 'HELD') = (reference IS NULL)),
  CHECK ((status = 'HELD') = (manage_token_hash IS NULL)),
  CHECK (cardinality(service_ids) > 0 AND cardinality(service_ids) = cardinality(persons)),
  CONSTRAINT one_appointment_per_resource_at_a_time EXCLUDE USING gist (
    office_id WITH =,
    resource_id WITH =,
    tstzrange(starts_at, ends_at) WITH &&
  ) WHERE (status <> 'CANCELLED')
);

CREATE UNIQUE INDEX appointments_hold_key ON appointments (office_id, hold_key_hash)
  WHERE hold_key_hash IS NOT NULL;
CREATE UNIQUE INDEX appointments_confirm_key ON appointments (office_id, confirm_key_hash)
  WHERE confirm_key_hash IS NOT NULL;
CREATE UNIQUE INDEX appointments_reference ON appointments (office_id, reference)
  WHERE reference IS NOT NULL;
CREATE INDEX appointments_by_start ON appointments (office_id, starts_at);
CREATE INDEX appointments_expiring_holds ON appointments (office_id, expires_at)
  WHERE status = 'HELD';

-- References are typed in without an office, so they are looked up here first. This is the
-- one table keyed by something else than the office: in a sharded setup it is distributed by
-- reference (or kept as a small global directory).
CREATE TABLE booking_references (
  reference      text PRIMARY KEY,
  office_id      text NOT NULL,
  appointment_id uuid NOT NULL,
  FOREIGN KEY (office_id, appointment_id) REFERENCES appointments
);

-- Every change of a booking: who, when, from which status to which. Append-only.
CREATE TABLE booking_events (
  office_id      text NOT NULL,
  appointment_id uuid NOT NULL,
  event_no       bigint GENERATED ALWAYS AS IDENTITY,
  at             timestamptz NOT NULL,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('CITIZEN', 'STAFF', 'SYSTEM')),
  actor_id       text NOT NULL,
  from_status    text NOT NULL,
  to_status      text NOT NULL,
  note           text NOT NULL,
  PRIMARY KEY (office_id, appointment_id, event_no),
  FOREIGN KEY (office_id, appointment_id) REFERENCES appointments
);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'booking_events is append-only';
END;
$$;

CREATE TRIGGER booking_events_append_only
  BEFORE UPDATE OR DELETE ON booking_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
