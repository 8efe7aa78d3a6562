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
  -- The time range leads: a GiST index splits its pages by its first column, so a column with
  -- few distinct values first (one office, a few dozen resources) would make every check scan
  -- most of the index. office_id is still part of the constraint, so it holds within a shard.
  CONSTRAINT one_appointment_per_resource_at_a_time EXCLUDE USING gist (
    tstzrange(starts_at, ends_at) WITH &&,
    resource_id WITH =,
    office_id WITH =
  ) WHERE (status <> 'CANCELLED')
);

CREATE UNIQUE INDEX appointments_hold_key ON appointments (office_id, hold_key_hash)
  WHERE hold_key_hash IS NOT NULL;
CREATE UNIQUE INDEX appointments_confirm_key ON appointments (office_id, confirm_key_hash)
  WHERE confirm_key_hash IS NOT NULL;
CREATE UNIQUE INDEX appointments_reference ON appointments (office_id, reference)
  WHERE reference IS NOT NULL;
CREATE INDEX appointments_expiring_holds ON appointments (office_id, expires_at)
  WHERE status = 'HELD';

-- References are typed in without an office, so they are looked up here first. This is the
-- one table keyed by something else than the office: in a sharded setup it is distributed by
-- reference (or kept as a small global directory).
CREATE TABLE booking_references (
  reference      text PRIMARY KEY,
  office_id      text NOT NULL,
  appointment_id uuid NOT NULL,
  -- Checked at commit: confirm_hold claims the reference before it confirms the hold.
  FOREIGN KEY (office_id, appointment_id) REFERENCES appointments DEFERRABLE INITIALLY DEFERRED
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

-- The two writes of a booking, each one statement for the app: a round trip per step instead of
-- one per SQL command. They only ask; the constraints above decide.

-- Claims the first candidate resource whose time is free: holds of that resource that expired
-- by p_now and stand in the way are deleted, then the insert either passes the exclusion
-- constraint or does nothing. Outcome INSERTED (with the resource), TIME_TAKEN or KEY_TAKEN.
CREATE FUNCTION claim_hold(
  p_office_id text, p_appointment_id uuid, p_candidates text[], p_starts_at timestamptz,
  p_ends_at timestamptz, p_expires_at timestamptz, p_channel text, p_service_ids text[],
  p_persons integer[], p_hold_key_hash bytea, p_hold_fingerprint text, p_now timestamptz)
RETURNS TABLE (outcome text, resource_id text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  candidate text;
BEGIN
  IF p_hold_key_hash IS NOT NULL AND EXISTS (
      SELECT 1 FROM appointments a WHERE a.office_id = p_office_id AND a.hold_key_hash = p_hold_key_hash) THEN
    RETURN QUERY SELECT 'KEY_TAKEN', NULL::text;
    RETURN;
  END IF;
  FOREACH candidate IN ARRAY p_candidates LOOP
    DELETE FROM appointments a
     WHERE a.office_id = p_office_id AND a.resource_id = candidate AND a.status = 'HELD'
       AND a.expires_at <= p_now AND tstzrange(a.starts_at, a.ends_at) && tstzrange(p_starts_at, p_ends_at);
    INSERT INTO appointments (office_id, appointment_id, resource_id, starts_at, ends_at, status,
                              expires_at, channel, service_ids, persons, hold_key_hash,
                              hold_fingerprint, created_at, updated_at)
    VALUES (p_office_id, p_appointment_id, candidate, p_starts_at, p_ends_at, 'HELD', p_expires_at,
            p_channel, p_service_ids, p_persons, p_hold_key_hash, p_hold_fingerprint, p_now, p_now)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
      RETURN QUERY SELECT 'INSERTED', candidate;
      RETURN;
    END IF;
    IF p_hold_key_hash IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointments a WHERE a.office_id = p_office_id AND a.hold_key_hash = p_hold_key_hash) THEN
      RETURN QUERY SELECT 'KEY_TAKEN', NULL::text;
      RETURN;
    END IF;
  END LOOP;
  RETURN QUERY SELECT 'TIME_TAKEN', NULL::text;
END;
$$;

-- Turns a live hold of one of the given channels into a booking and records the event.
-- Outcome CONFIRMED (with the booking's time, resource and services), NOT_LIVE or
-- REFERENCE_TAKEN; a used idempotency key raises the unique violation of appointments_confirm_key.
CREATE FUNCTION confirm_hold(
  p_office_id text, p_appointment_id uuid, p_channels text[], p_reference text,
  p_manage_token_hash bytea, p_citizen_name text, p_citizen_email text, p_citizen_phone text,
  p_confirm_key_hash bytea, p_confirm_fingerprint text, p_confirm_retry_payload bytea,
  p_now timestamptz, p_actor_kind text, p_actor_id text, p_note text)
RETURNS TABLE (outcome text, resource_id text, starts_at timestamptz, ends_at timestamptz,
               channel text, service_ids text[], persons integer[])
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  booked appointments%ROWTYPE;
BEGIN
  INSERT INTO booking_references (reference, office_id, appointment_id)
  VALUES (p_reference, p_office_id, p_appointment_id) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'REFERENCE_TAKEN', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[];
    RETURN;
  END IF;
  UPDATE appointments a SET status = 'CONFIRMED', expires_at = NULL, reference = p_reference,
         manage_token_hash = p_manage_token_hash, citizen_name = p_citizen_name,
         citizen_email = p_citizen_email, citizen_phone = p_citizen_phone,
         confirm_key_hash = p_confirm_key_hash, confirm_fingerprint = p_confirm_fingerprint,
         confirm_retry_payload = p_confirm_retry_payload, updated_at = p_now
   WHERE a.office_id = p_office_id AND a.appointment_id = p_appointment_id AND a.status = 'HELD'
     AND a.expires_at > p_now AND a.channel = ANY (p_channels)
  RETURNING a.* INTO booked;
  IF NOT FOUND THEN
    DELETE FROM booking_references r WHERE r.reference = p_reference;
    RETURN QUERY SELECT 'NOT_LIVE', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[];
    RETURN;
  END IF;
  INSERT INTO booking_events (office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note)
  VALUES (p_office_id, p_appointment_id, p_now, p_actor_kind, p_actor_id, 'HELD', 'CONFIRMED', p_note);
  RETURN QUERY SELECT 'CONFIRMED', booked.resource_id, booked.starts_at, booked.ends_at, booked.channel,
                      booked.service_ids, booked.persons;
END;
$$;
