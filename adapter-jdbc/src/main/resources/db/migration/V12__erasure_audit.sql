-- Erasing a booking's personal data (V10, docs/PRIVACY.md) is a change of the booking, so the
-- audit log (V11, ADR 010) records it, in the same transaction as every other change: as ERASED,
-- not as the reschedule or cancellation its statuses would otherwise suggest. An erasure event is
-- the one with the note BookingEvent.ERASURE_NOTE written in the very statement that set the
-- booking's erased_at to the event's instant; AuditEntry.ofErasure is the same in Java.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
  'VIEWED_DAY', 'VIEWED_BOOKING', 'VIEWED_HISTORY', 'VIEWED_WAITING_LIST', 'BOOKED', 'CANCELLED',
  'RESCHEDULED', 'CHECKED_IN', 'COMPLETED', 'MARKED_NO_SHOW', 'CHANGED', 'ERASED', 'CONFIGURED'));

-- As in V11, with the erasure first. The trigger fires after the erasing statement, so it sees
-- the booking erased (and its reference gone, which the entry then leaves out).
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
