-- The trigger functions of a booking's history (booking_events, V2) and of the audit log
-- (audit_log, V11), in their one current definition: Flyway runs this file again whenever it
-- changes, after all versioned migrations. The triggers that call them stay where their tables
-- were created. V2, V10, V11 and V12 hold earlier definitions, kept only because applied
-- migrations never change.

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

-- Append-only for everyone who connects as the app: audit_log rows are never updated or deleted,
-- and the table is never truncated (ADR 010).
CREATE OR REPLACE FUNCTION refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Every recorded booking change is audited in the same transaction as the change itself, by the
-- database: no code path can write a booking event without its audit entry. The action mirrors
-- AuditAction.forChange, in the same order, with the erasure first: an erasure event is the one
-- with the note BookingEvent.ERASURE_NOTE written in the very statement that set the booking's
-- erased_at to the event's instant (AuditEntry.ofErasure is the same in Java). The trigger fires
-- after the erasing statement, so it sees the booking erased (and its reference gone, which the
-- entry then leaves out). The event's note (which people type) is not copied.
CREATE OR REPLACE FUNCTION audit_booking_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, appointment_id, reference, detail)
  VALUES (
    NEW.office_id, NEW.at, NEW.actor_kind, NEW.actor_id,
    CASE
      WHEN NEW.note = 'personal data erased' AND EXISTS (
          SELECT 1 FROM appointments a
          WHERE a.office_id = NEW.office_id AND a.appointment_id = NEW.appointment_id AND a.erased_at = NEW.at) THEN 'ERASED'
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
