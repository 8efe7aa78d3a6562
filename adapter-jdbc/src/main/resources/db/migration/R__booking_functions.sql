-- The two writes of a booking, one statement each for the app: a round trip per step instead of
-- one per SQL command (docs/adr/003). They only ask; the table's constraints decide. This is their
-- one current definition: Flyway runs this file again whenever it changes, after all versioned
-- migrations. A body changes here; a signature is dropped in a new versioned migration first (as
-- V13 did), since CREATE OR REPLACE cannot change arguments or results.
--
-- Advisory locks (see V4 for the numbering): 4001 the live holds of one client at one office
-- (claim_hold), 4002 the active bookings of one identity key at one office (confirm_hold).

-- Claims the first candidate resource whose time is free, for a hold in p_mode: holds of that
-- resource that expired by p_now and stand in the way are deleted, then the insert either passes
-- the exclusion constraint or does nothing. Outcome INSERTED (with the resource), TIME_TAKEN,
-- KEY_TAKEN or CLIENT_LIMIT.
--
-- With p_max_live_holds (NULL: no quota) the client's live holds at the office are counted under
-- an advisory lock on (office, client), held until commit, so that two concurrent claims of one
-- client cannot both see one hold left; at the quota nothing is written. The lock serializes only
-- one client's claims.
CREATE OR REPLACE FUNCTION claim_hold(
  p_office_id text, p_appointment_id uuid, p_candidates text[], p_starts_at timestamptz,
  p_ends_at timestamptz, p_expires_at timestamptz, p_channel text, p_service_ids text[],
  p_persons integer[], p_hold_key_hash bytea, p_hold_fingerprint text, p_now timestamptz,
  p_client_key text, p_max_live_holds integer, p_mode text)
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
                              hold_fingerprint, client_key, mode, created_at, updated_at)
    VALUES (p_office_id, p_appointment_id, candidate, p_starts_at, p_ends_at, 'HELD', p_expires_at,
            p_channel, p_service_ids, p_persons, p_hold_key_hash, p_hold_fingerprint,
            CASE WHEN p_max_live_holds IS NOT NULL THEN p_client_key END, p_mode, p_now, p_now)
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

-- Turns a live hold of one of the given channels into a booking with the citizen's data, note and
-- (for a video hold) video link, and records the event. Outcome CONFIRMED (with the booking's time,
-- resource, services and mode), NOT_LIVE, IDENTITY_LIMIT or REFERENCE_TAKEN; a used idempotency key
-- raises the unique violation of appointments_confirm_key, and a video link given to a hold of
-- another mode, or missing for a video hold, the check violation of
-- appointments_video_link_only_for_video or appointments_video_booking_has_link (nothing changes).
--
-- With p_max_bookings (NULL: no quota) the active bookings (confirmed or checked in) at the office
-- that share an identity key and a service with the hold and start in [p_window_start,
-- p_window_end) are counted; at the quota nothing changes: the hold stays a hold and the reference
-- stays free. The booking keeps the keys for later counts.
--
-- Order matters: liveness first (a dead hold needs no lock), then one advisory lock per key, taken
-- in ascending lock-id order so that two confirmations with overlapping keys cannot deadlock, even
-- when two keys hash alike; then the count, each statement with a fresh snapshot that sees what the
-- previous lock holder committed; only then the reference, so that a refused quota never claims
-- one. The locks are held until commit, past the UPDATE that makes the count one higher.
CREATE OR REPLACE FUNCTION confirm_hold(
  p_office_id text, p_appointment_id uuid, p_channels text[], p_reference text,
  p_manage_token_hash bytea, p_citizen_name text, p_citizen_email text, p_citizen_phone text,
  p_confirm_key_hash bytea, p_confirm_fingerprint text, p_confirm_retry_payload bytea,
  p_now timestamptz, p_actor_kind text, p_actor_id text, p_note text,
  p_identity_keys text[], p_max_bookings integer, p_window_start timestamptz, p_window_end timestamptz,
  p_video_link text, p_citizen_note text)
RETURNS TABLE (outcome text, resource_id text, starts_at timestamptz, ends_at timestamptz,
               channel text, service_ids text[], persons integer[], mode text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  booked appointments%ROWTYPE;
  hold_services text[];
  hold_mode text;
  lock_id integer;
  active_bookings bigint;
BEGIN
  SELECT a.service_ids, a.mode INTO hold_services, hold_mode FROM appointments a
   WHERE a.office_id = p_office_id AND a.appointment_id = p_appointment_id AND a.status = 'HELD'
     AND a.expires_at > p_now AND a.channel = ANY (p_channels);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_LIVE', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[], NULL::text;
    RETURN;
  END IF;
  -- The table's checks would refuse the same at the UPDATE below; asking here first answers a
  -- wrong link the same way whatever else the confirmation would run into.
  IF (hold_mode = 'VIDEO') <> (p_video_link IS NOT NULL) THEN
    RAISE EXCEPTION 'a video hold is confirmed with a video link, any other hold without one'
      USING ERRCODE = 'check_violation',
            CONSTRAINT = CASE WHEN p_video_link IS NULL THEN 'appointments_video_booking_has_link'
                              ELSE 'appointments_video_link_only_for_video' END;
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
      RETURN QUERY SELECT 'IDENTITY_LIMIT', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[], NULL::text;
      RETURN;
    END IF;
  END IF;
  INSERT INTO booking_references (reference, office_id, appointment_id)
  VALUES (p_reference, p_office_id, p_appointment_id) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'REFERENCE_TAKEN', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[], NULL::text;
    RETURN;
  END IF;
  -- The conditions repeat the first SELECT: a concurrent confirmation or reschedule may have
  -- taken the hold since, and this UPDATE re-reads the row under its lock.
  UPDATE appointments a SET status = 'CONFIRMED', expires_at = NULL, reference = p_reference,
         manage_token_hash = p_manage_token_hash, citizen_name = p_citizen_name,
         citizen_email = p_citizen_email, citizen_phone = p_citizen_phone,
         citizen_note = p_citizen_note, video_link = p_video_link,
         confirm_key_hash = p_confirm_key_hash, confirm_fingerprint = p_confirm_fingerprint,
         confirm_retry_payload = p_confirm_retry_payload,
         identity_keys = CASE WHEN p_max_bookings IS NOT NULL THEN p_identity_keys ELSE '{}' END,
         updated_at = p_now
   WHERE a.office_id = p_office_id AND a.appointment_id = p_appointment_id AND a.status = 'HELD'
     AND a.expires_at > p_now AND a.channel = ANY (p_channels)
  RETURNING a.* INTO booked;
  IF NOT FOUND THEN
    DELETE FROM booking_references r WHERE r.reference = p_reference;
    RETURN QUERY SELECT 'NOT_LIVE', NULL::text, NULL::timestamptz, NULL::timestamptz, NULL::text, NULL::text[], NULL::integer[], NULL::text;
    RETURN;
  END IF;
  INSERT INTO booking_events (office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note)
  VALUES (p_office_id, p_appointment_id, p_now, p_actor_kind, p_actor_id, 'HELD', 'CONFIRMED', p_note);
  RETURN QUERY SELECT 'CONFIRMED', booked.resource_id, booked.starts_at, booked.ends_at, booked.channel,
                      booked.service_ids, booked.persons, booked.mode;
END;
$$;
