-- The audit log (AuditLog, ADR 010): every staff read of personal data and every change, who,
-- what, when, at which office. It holds no personal data itself: actors are token ids, bookings
-- are named by id and reference, details are ids, dates and statuses. No foreign keys: the log
-- must outlive the bookings it points to (retention erases them, not their audit trail).
CREATE TABLE audit_log (
  office_id      text NOT NULL,
  -- The position in the log: grows with every append, never reused; the paging cursor.
  entry_no       bigint GENERATED ALWAYS AS IDENTITY,
  at             timestamptz NOT NULL,
  actor_kind     text NOT NULL CHECK (actor_kind IN ('CITIZEN', 'STAFF', 'SYSTEM')),
  actor_id       text NOT NULL CHECK (char_length(actor_id) <= 64),
  action         text NOT NULL CHECK (action IN (
                   'VIEWED_DAY', 'VIEWED_BOOKING', 'VIEWED_HISTORY', 'VIEWED_WAITING_LIST', 'BOOKED',
                   'CANCELLED', 'RESCHEDULED', 'CHECKED_IN', 'COMPLETED', 'MARKED_NO_SHOW', 'CHANGED',
                   'CONFIGURED')),
  appointment_id uuid,
  reference      text,
  detail         text NOT NULL CHECK (char_length(detail) <= 200),
  -- The office leads, as in every office table: an office's log is read in order of entry_no.
  PRIMARY KEY (office_id, entry_no),
  CHECK ((actor_kind = 'STAFF') = (actor_id <> '')),
  -- Exactly the actions about one booking name it (AuditAction.concernsOneBooking).
  CHECK ((appointment_id IS NOT NULL) = (action NOT IN ('VIEWED_DAY', 'VIEWED_WAITING_LIST', 'CONFIGURED'))),
  CHECK (reference IS NULL OR appointment_id IS NOT NULL)
);

-- Append-only for everyone who connects as the app: rows are never updated or deleted, and the
-- table is never truncated. (The table's owner could drop the triggers; run the app as a role
-- that does not own the schema where that matters, see ADR 010.)
CREATE FUNCTION refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();

CREATE TRIGGER audit_log_never_truncated
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();

-- Every recorded booking change is audited in the same transaction as the change itself, by the
-- database: no code path can write a booking event without its audit entry. The action mirrors
-- AuditAction.forChange, in the same order; the event's note (which people type) is not copied.
CREATE FUNCTION audit_booking_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, appointment_id, reference, detail)
  VALUES (
    NEW.office_id, NEW.at, NEW.actor_kind, NEW.actor_id,
    CASE
      WHEN NEW.from_status = 'HELD' AND NEW.to_status = 'CONFIRMED' THEN 'BOOKED'
      WHEN NEW.to_status = 'CANCELLED' THEN 'CANCELLED'
      WHEN NEW.to_status = 'CHECKED_IN' THEN 'CHECKED_IN'
      WHEN NEW.to_status = 'COMPLETED' THEN 'COMPLETED'
      WHEN NEW.to_status = 'NO_SHOW' THEN 'MARKED_NO_SHOW'
      WHEN NEW.from_status = NEW.to_status THEN 'RESCHEDULED'
      ELSE 'CHANGED'
    END,
    NEW.appointment_id,
    (SELECT a.reference FROM appointments a
      WHERE a.office_id = NEW.office_id AND a.appointment_id = NEW.appointment_id),
    NEW.from_status || ' -> ' || NEW.to_status);
  RETURN NULL;
END;
$$;

CREATE TRIGGER booking_events_audited
  AFTER INSERT ON booking_events
  FOR EACH ROW EXECUTE FUNCTION audit_booking_event();
