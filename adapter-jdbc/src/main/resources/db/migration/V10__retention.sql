-- Privacy by design (docs/PRIVACY.md, docs/adr/011-retention-and-erasure.md): the citizen's note,
-- erasure of a booking's personal data while the booking stays for anonymous statistics, and each
-- office's retention period. As everywhere, the database enforces what must always hold: an
-- erased booking holds nothing personal, a booking that is not erased has its citizen, and the
-- history stays append-only except that an erasure may empty a note.

-- The note a citizen leaves for the office: sensitive, shown only to the office's staff and the
-- citizen. char_length counts code points, never more than the domain's UTF-16 units.
ALTER TABLE appointments
  ADD COLUMN citizen_note text CHECK (char_length(citizen_note) BETWEEN 1 AND 500),
  -- When the personal data was erased; the row stays for statistics.
  ADD COLUMN erased_at timestamptz;

-- V2 tied reference and manage token to "not a hold"; an erased booking has neither any more.
ALTER TABLE appointments DROP CONSTRAINT appointments_check2; -- (status = 'HELD') = (reference IS NULL)
ALTER TABLE appointments DROP CONSTRAINT appointments_check3; -- (status = 'HELD') = (manage_token_hash IS NULL)
ALTER TABLE appointments
  ADD CONSTRAINT appointments_reference_until_erased
    CHECK ((status = 'HELD' OR erased_at IS NOT NULL) = (reference IS NULL)),
  ADD CONSTRAINT appointments_manage_token_until_erased
    CHECK ((status = 'HELD' OR erased_at IS NOT NULL) = (manage_token_hash IS NULL)),
  ADD CONSTRAINT appointments_citizen_until_erased
    CHECK ((status = 'HELD' OR erased_at IS NOT NULL) = (citizen_name IS NULL)),
  ADD CONSTRAINT appointments_holds_are_never_erased
    CHECK (erased_at IS NULL OR status <> 'HELD'),
  ADD CONSTRAINT appointments_erased_holds_nothing_personal
    CHECK (erased_at IS NULL OR (citizen_email IS NULL AND citizen_phone IS NULL AND citizen_note IS NULL
                                 AND client_key IS NULL AND identity_keys = '{}' AND hold_key_hash IS NULL
                                 AND confirm_key_hash IS NULL AND confirm_retry_payload IS NULL
                                 AND video_link IS NULL));

-- V9 keeps the video link of a confirmed or checked-in video booking; an erased one has none, since
-- the link, sent to the citizen, would still lead to the booking.
ALTER TABLE appointments DROP CONSTRAINT appointments_video_booking_has_link;
ALTER TABLE appointments ADD CONSTRAINT appointments_video_booking_has_link
  CHECK (mode <> 'VIDEO' OR status NOT IN ('CONFIRMED', 'CHECKED_IN') OR erased_at IS NOT NULL OR video_link IS NOT NULL);

-- What the retention job looks for: bookings not erased yet, by end and by cancellation. Partial,
-- so that holds (the hot path of a release rush) never touch them and erased rows leave them;
-- queries repeat the predicates for the planner to use them.
CREATE INDEX appointments_to_erase_by_end ON appointments (office_id, ends_at)
  WHERE erased_at IS NULL AND status <> 'HELD';
CREATE INDEX appointments_to_erase_by_cancellation ON appointments (office_id, cancelled_at)
  WHERE erased_at IS NULL AND status = 'CANCELLED';

-- The history stays append-only; the one change allowed is emptying a note when the booking's
-- personal data is erased (a cancellation reason may be personal). Everything else of the row,
-- who and when included, must stay as it was.
CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.note = ''
     AND (NEW.office_id, NEW.appointment_id, NEW.event_no, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.from_status, NEW.to_status)
         IS NOT DISTINCT FROM
         (OLD.office_id, OLD.appointment_id, OLD.event_no, OLD.at, OLD.actor_kind, OLD.actor_id, OLD.from_status, OLD.to_status)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'booking_events is append-only; an erasure may only empty a note';
END;
$$;

-- How many days an office keeps personal data; no row means the default (RetentionPeriod, 30 days),
-- so that offices follow a changed default unless they chose their own.
CREATE TABLE office_retention (
  office_id      text PRIMARY KEY REFERENCES offices,
  retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650)
);
