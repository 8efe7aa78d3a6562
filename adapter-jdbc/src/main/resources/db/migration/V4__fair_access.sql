-- Fair access (docs/adr/005): each office's secret and policies, and what the counted limits
-- need on the appointments. As in V2, the database decides every count that must hold across app
-- instances: the limits are checked inside claim_hold and confirm_hold under advisory locks, and
-- the reschedule limit inside the UPDATE that moves a booking.
--
-- Advisory locks: this schema uses only the two-key form pg_advisory_xact_lock(class, key),
-- whose key space never overlaps the one-key form (Flyway locks its history table with that
-- one). The first key names what is locked, the second is hashtext() of the office and the
-- locked value; a hash collision only makes two unrelated claims wait for each other.
--   4001  the live holds of one client at one office (claim_hold)
--   4002  the active bookings of one identity key at one office (confirm_hold)
-- A new lock takes the next free class number and is listed here.

-- The key of every keyed-random decision of the office's rules. Random per office so that no
-- client can predict a rule's choices; existing offices get one now, new ones when inserted, and
-- saving an office again keeps it (the upsert does not name the column).
ALTER TABLE offices ADD COLUMN fairness_secret uuid NOT NULL DEFAULT gen_random_uuid();

-- A java.time.Duration, exact to the nanosecond: interval keeps only microseconds, and a core
-- rule accepts any Duration within its range, so seconds with nine decimals are what round-trips.
CREATE DOMAIN duration_seconds AS numeric(17, 9) CHECK (VALUE >= 0);

-- CHECK constraints may not contain subqueries; this one is needed to check percentage shares.
CREATE FUNCTION int_array_sum(integer[]) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS 'SELECT coalesce(sum(x), 0) FROM unnest($1) AS x';

-- One row per policy: the office's own (service_id '') and services' own policies, which replace
-- the office's for requests naming them. A missing office row means AccessPolicy.none(); a
-- service row may well have every rule off, which then overrides the office's rules. Each rule
-- has its own columns, all NULL while the rule is off. The core validates every rule; the checks
-- below repeat the ranges that are simple to state, so a hand-edited row cannot become one the
-- app fails to read.
CREATE TABLE access_policies (
  office_id  text NOT NULL REFERENCES offices,
  service_id text NOT NULL DEFAULT '',
  -- A foreign key cannot skip the '' of the office's row, so it goes through this column.
  own_service_id text GENERATED ALWAYS AS (nullif(service_id, '')) STORED
    REFERENCES services ON DELETE CASCADE,

  -- ReleasePolicy: wave i opens release_days_before[i] days ahead at release_opens_at (local
  -- time) plus a keyed-random part of the window, for release_share_percent[i] of the day.
  -- time keeps microseconds; release_opens_at_nanos holds the nanoseconds below them (0 to 999),
  -- because a LocalTime may have them.
  release_opens_at              time,
  release_opens_at_nanos        integer CHECK (release_opens_at_nanos BETWEEN 0 AND 999),
  release_random_window_seconds duration_seconds CHECK (release_random_window_seconds < 86400),
  release_days_before           integer[] CHECK (0 <= ALL (release_days_before) AND 366 >= ALL (release_days_before)),
  release_share_percent         integer[] CHECK (1 <= ALL (release_share_percent) AND 100 >= ALL (release_share_percent)
                                                 AND int_array_sum(release_share_percent) = 100),
  CHECK (num_nulls(release_opens_at, release_opens_at_nanos, release_random_window_seconds,
                   release_days_before, release_share_percent) IN (0, 5)),
  CHECK (cardinality(release_days_before) BETWEEN 1 AND 4
         AND cardinality(release_days_before) = cardinality(release_share_percent)),

  -- ChannelContingents: a share column is NULL when the rule names no share for that contingent
  -- (it then counts as 0; a listed 0 is kept as 0, so the rule reads back equal). Resources
  -- dedicated to one contingent are two parallel arrays, resource id and contingent.
  contingent_block_minutes            integer CHECK (contingent_block_minutes IN (60, 120, 240)),
  contingent_online_percent           integer CHECK (contingent_online_percent BETWEEN 0 AND 100),
  contingent_phone_percent            integer CHECK (contingent_phone_percent BETWEEN 0 AND 100),
  contingent_counter_percent          integer CHECK (contingent_counter_percent BETWEEN 0 AND 100),
  contingent_urgent_percent           integer CHECK (contingent_urgent_percent BETWEEN 0 AND 100),
  contingent_dedicated_resources      text[],
  contingent_dedicated_to             text[] CHECK (contingent_dedicated_to <@ ARRAY['ONLINE', 'PHONE', 'COUNTER', 'URGENT']),
  contingent_release_to_online_before_seconds duration_seconds
    CHECK (contingent_release_to_online_before_seconds <= 30 * 86400),
  CHECK (num_nulls(contingent_dedicated_resources, contingent_dedicated_to,
                   contingent_release_to_online_before_seconds)
         = CASE WHEN contingent_block_minutes IS NULL THEN 3 ELSE 0 END),
  CHECK (contingent_block_minutes IS NOT NULL
         OR num_nulls(contingent_online_percent, contingent_phone_percent,
                      contingent_counter_percent, contingent_urgent_percent) = 4),
  CHECK (contingent_block_minutes IS NULL
         OR coalesce(contingent_online_percent, 0) + coalesce(contingent_phone_percent, 0)
            + coalesce(contingent_counter_percent, 0) + coalesce(contingent_urgent_percent, 0) = 100),
  CHECK (cardinality(contingent_dedicated_resources) = cardinality(contingent_dedicated_to)),

  -- Quarantine: a cancelled time stays closed to online holds for the delay plus a keyed-random
  -- part of the window.
  quarantine_delay_seconds         duration_seconds CHECK (quarantine_delay_seconds <= 7 * 86400),
  quarantine_random_window_seconds duration_seconds CHECK (quarantine_random_window_seconds <= 7 * 86400),
  CHECK (num_nulls(quarantine_delay_seconds, quarantine_random_window_seconds) IN (0, 2)),

  -- IdentityLimit: at most this many bookings per person and service within the period either side.
  identity_max_bookings  integer CHECK (identity_max_bookings BETWEEN 1 AND 100),
  identity_period_seconds duration_seconds
    CHECK (identity_period_seconds BETWEEN 86400 AND 366 * 86400),
  CHECK (num_nulls(identity_max_bookings, identity_period_seconds) IN (0, 2)),

  -- HoldLimit and RescheduleLimit.
  hold_max_live_per_client integer CHECK (hold_max_live_per_client BETWEEN 1 AND 100),
  reschedule_max           integer CHECK (reschedule_max BETWEEN 0 AND 100),

  -- LotteryPolicy draws a release wave, so it needs the release columns.
  lottery_entry_window_seconds duration_seconds
    CHECK (lottery_entry_window_seconds BETWEEN 3600 AND 14 * 86400),
  CHECK (lottery_entry_window_seconds IS NULL OR release_opens_at IS NOT NULL),

  -- WaitingListPolicy.
  waiting_list_offer_expiry_seconds duration_seconds
    CHECK (waiting_list_offer_expiry_seconds BETWEEN 300 AND 7 * 86400),

  -- ChallengePolicy.
  challenge_always             boolean,
  challenge_difficulty_bits    integer CHECK (challenge_difficulty_bits BETWEEN 1 AND 30),
  challenge_holds_per_minute   integer CHECK (challenge_holds_per_minute BETWEEN 0 AND 1000000),
  CHECK (num_nulls(challenge_always, challenge_difficulty_bits, challenge_holds_per_minute) IN (0, 3)),

  -- FairAssignment: on with no weights means everyone weighs the same, which must stay apart
  -- from off, hence the flag. Weights are parallel arrays, resource id and percent.
  fair_assignment                 boolean NOT NULL DEFAULT false,
  fair_assignment_resources       text[],
  fair_assignment_weight_percent  integer[]
    CHECK (1 <= ALL (fair_assignment_weight_percent) AND 1000 >= ALL (fair_assignment_weight_percent)),
  CHECK (num_nulls(fair_assignment_resources, fair_assignment_weight_percent)
         = CASE WHEN fair_assignment THEN 0 ELSE 2 END),
  CHECK (cardinality(fair_assignment_resources) = cardinality(fair_assignment_weight_percent)),

  PRIMARY KEY (office_id, service_id)
);

-- What the counted limits and the quarantine need on each appointment.
ALTER TABLE appointments
  -- Holds placed under a client quota: the opaque client key (a keyed hash of the remote address),
  -- so that claim_hold can count the client's live holds.
  ADD COLUMN client_key text CHECK (char_length(client_key) BETWEEN 1 AND 100),
  -- Bookings confirmed under an identity quota: the keyed hashes of the person's identities,
  -- never the identities, so that confirm_hold can count their bookings.
  ADD COLUMN identity_keys text[] NOT NULL DEFAULT '{}',
  -- How often the booking was moved; the move is conditional on it (RescheduleLimit).
  ADD COLUMN reschedule_count integer NOT NULL DEFAULT 0 CHECK (reschedule_count >= 0),
  -- When the booking was cancelled: the quarantine keeps its time closed for a while after.
  ADD COLUMN cancelled_at timestamptz;

-- Bookings cancelled before this migration were cancelled when they were last changed.
UPDATE appointments SET cancelled_at = updated_at WHERE status = 'CANCELLED';
ALTER TABLE appointments ADD CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL));

-- claim_hold counts a client's live holds at the office on every hold placed under a quota;
-- during a release rush an office has thousands of live holds, so the count must not scan them.
-- Partial: rows leave it when they stop being holds.
CREATE INDEX appointments_live_holds_by_client ON appointments (office_id, client_key, expires_at)
  WHERE status = 'HELD' AND client_key IS NOT NULL;

-- confirm_hold counts the active bookings sharing an identity key with the new one. The keys
-- are keyed hashes under the office's own secret, so a key already belongs to one office and
-- matches a handful of rows; the GIN index finds those, and office, service and window are
-- rechecked on them. office_id is left out on purpose: a btree_gin column for it would add the
-- posting list of every active booking of the office to each lookup. Partial, so that holds,
-- bookings without keys and finished ones cost nothing.
CREATE INDEX appointments_active_identity_keys ON appointments USING gin (identity_keys)
  WHERE status IN ('CONFIRMED', 'CHECKED_IN') AND identity_keys <> '{}';

-- BookingStore.cancellations: an office's cancellations since an instant a few hours or days
-- back; the time range is checked on the few rows found.
CREATE INDEX appointments_cancellations ON appointments (office_id, cancelled_at)
  WHERE status = 'CANCELLED';

-- The two claims gain the counted limits and stay one statement for the app. Only the new
-- signatures exist afterwards, so an app instance of the old version fails loudly instead of
-- booking around the limits.
DROP FUNCTION claim_hold(text, uuid, text[], timestamptz, timestamptz, timestamptz, text, text[],
                         integer[], bytea, text, timestamptz);
DROP FUNCTION confirm_hold(text, uuid, text[], text, bytea, text, text, text, bytea, text, bytea,
                           timestamptz, text, text, text);

-- As in V2, plus the client quota: with p_max_live_holds (NULL: no quota) the client's live holds
-- at the office are counted under an advisory lock on (office, client), held until commit, so
-- that two concurrent claims of one client cannot both see one hold left; at the quota the
-- outcome is CLIENT_LIMIT and nothing is written. The lock serializes only one client's claims.
CREATE FUNCTION claim_hold(
  p_office_id text, p_appointment_id uuid, p_candidates text[], p_starts_at timestamptz,
  p_ends_at timestamptz, p_expires_at timestamptz, p_channel text, p_service_ids text[],
  p_persons integer[], p_hold_key_hash bytea, p_hold_fingerprint text, p_now timestamptz,
  p_client_key text, p_max_live_holds integer)
RETURNS TABLE (outcome text, resource_id text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  candidate text;
  live_holds bigint;
BEGIN
  IF p_hold_key_hash IS NOT NULL AND EXISTS (
      SELECT 1 FROM appointments a WHERE a.office_id = p_office_id AND a.hold_key_hash = p_hold_key_hash) THEN
    RETURN QUERY SELECT 'KEY_TAKEN', NULL::text;
    RETURN;
  END IF;
  IF p_max_live_holds IS NOT NULL THEN
    -- Each statement of this function reads a fresh snapshot (READ COMMITTED), so the count below
    -- sees every hold committed by whoever held the lock before.
    PERFORM pg_advisory_xact_lock(4001, hashtext(p_office_id || ' ' || p_client_key));
    SELECT count(*) INTO live_holds FROM appointments a
     WHERE a.office_id = p_office_id AND a.client_key = p_client_key AND a.status = 'HELD'
       AND a.expires_at > p_now;
    IF live_holds >= p_max_live_holds THEN
      RETURN QUERY SELECT 'CLIENT_LIMIT', NULL::text;
      RETURN;
    END IF;
  END IF;
  FOREACH candidate IN ARRAY p_candidates LOOP
    DELETE FROM appointments a
     WHERE a.office_id = p_office_id AND a.resource_id = candidate AND a.status = 'HELD'
       AND a.expires_at <= p_now AND tstzrange(a.starts_at, a.ends_at) && tstzrange(p_starts_at, p_ends_at);
    INSERT INTO appointments (office_id, appointment_id, resource_id, starts_at, ends_at, status,
                              expires_at, channel, service_ids, persons, hold_key_hash,
                              hold_fingerprint, client_key, created_at, updated_at)
    VALUES (p_office_id, p_appointment_id, candidate, p_starts_at, p_ends_at, 'HELD', p_expires_at,
            p_channel, p_service_ids, p_persons, p_hold_key_hash, p_hold_fingerprint,
            CASE WHEN p_max_live_holds IS NOT NULL THEN p_client_key END, p_now, p_now)
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

-- As in V2, plus the identity quota: with p_max_bookings (NULL: no quota) the active bookings
-- (confirmed or checked in) at the office that share an identity key and a service with the hold
-- and start in [p_window_start, p_window_end) are counted; at the quota the outcome is
-- IDENTITY_LIMIT and nothing changes: the hold stays a hold and the reference stays free. The
-- booking keeps the keys for later counts.
--
-- Order matters: liveness first (a dead hold needs no lock), then one advisory lock per key,
-- taken in ascending lock-id order so that two confirmations with overlapping keys cannot
-- deadlock, even when two keys hash alike; then the count, each statement with a fresh snapshot
-- that sees what the previous lock holder committed; only then the reference, so that a refused
-- quota never claims one. The locks are held until commit, past the UPDATE that makes the count
-- one higher.
CREATE FUNCTION confirm_hold(
  p_office_id text, p_appointment_id uuid, p_channels text[], p_reference text,
  p_manage_token_hash bytea, p_citizen_name text, p_citizen_email text, p_citizen_phone text,
  p_confirm_key_hash bytea, p_confirm_fingerprint text, p_confirm_retry_payload bytea,
  p_now timestamptz, p_actor_kind text, p_actor_id text, p_note text,
  p_identity_keys text[], p_max_bookings integer, p_window_start timestamptz, p_window_end timestamptz)
RETURNS TABLE (outcome text, resource_id text, starts_at timestamptz, ends_at timestamptz,
               channel text, service_ids text[], persons integer[])
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  booked appointments%ROWTYPE;
  hold_services text[];
  lock_id integer;
  active_bookings bigint;
BEGIN
  SELECT a.service_ids INTO hold_services FROM appointments a
   WHERE a.office_id = p_office_id AND a.appointment_id = p_appointment_id AND a.status = 'HELD'
     AND a.expires_at > p_now AND a.channel = ANY (p_channels);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_LIVE', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[];
    RETURN;
  END IF;
  IF p_max_bookings IS NOT NULL THEN
    FOR lock_id IN SELECT DISTINCT hashtext(p_office_id || ' ' || k) FROM unnest(p_identity_keys) AS k ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(4002, lock_id);
    END LOOP;
    SELECT count(*) INTO active_bookings FROM appointments a
     WHERE a.identity_keys && p_identity_keys
       AND a.status IN ('CONFIRMED', 'CHECKED_IN') AND a.identity_keys <> '{}'
       AND a.office_id = p_office_id AND a.service_ids && hold_services
       AND a.starts_at >= p_window_start AND a.starts_at < p_window_end;
    IF active_bookings >= p_max_bookings THEN
      RETURN QUERY SELECT 'IDENTITY_LIMIT', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[];
      RETURN;
    END IF;
  END IF;
  INSERT INTO booking_references (reference, office_id, appointment_id)
  VALUES (p_reference, p_office_id, p_appointment_id) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'REFERENCE_TAKEN', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[];
    RETURN;
  END IF;
  -- The conditions repeat the first SELECT: a concurrent confirmation or reschedule may have
  -- taken the hold since, and this UPDATE re-reads the row under its lock.
  UPDATE appointments a SET status = 'CONFIRMED', expires_at = NULL, reference = p_reference,
         manage_token_hash = p_manage_token_hash, citizen_name = p_citizen_name,
         citizen_email = p_citizen_email, citizen_phone = p_citizen_phone,
         confirm_key_hash = p_confirm_key_hash, confirm_fingerprint = p_confirm_fingerprint,
         confirm_retry_payload = p_confirm_retry_payload,
         identity_keys = CASE WHEN p_max_bookings IS NOT NULL THEN p_identity_keys ELSE '{}' END,
         updated_at = p_now
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
