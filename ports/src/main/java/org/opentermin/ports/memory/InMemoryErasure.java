package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.catalog.OfficeId;

/**
 * The erasure of personal data for {@link InMemoryBookingStore}, one booking on request or all that
 * are due. Not thread-safe on its own; the store calls it only under its lock.
 */
final class InMemoryErasure {

  private final Map<AppointmentId, BookingRow> rows;
  private final Map<BookingReference, AppointmentId> references;
  private final Map<AppointmentId, List<BookingEvent>> history;
  private final InMemoryAuditLog auditLog;

  InMemoryErasure(
      Map<AppointmentId, BookingRow> rows,
      Map<BookingReference, AppointmentId> references,
      Map<AppointmentId, List<BookingEvent>> history,
      InMemoryAuditLog auditLog) {
    this.rows = rows;
    this.references = references;
    this.history = history;
    this.auditLog = auditLog;
  }

  boolean erase(AppointmentId booking, AppointmentStatus expected, BookingEvent event) {
    checkArgument(
        event.appointment().equals(booking) && event.from() == expected,
        "event must describe this erasure");
    checkArgument(
        event.to() == expected || event.to() == AppointmentStatus.CANCELLED,
        "an erasure keeps the status or cancels");
    BookingRow row = rows.get(booking);
    if (row == null
        || row.appointment().status() != expected
        || !(row.appointment() instanceof Booking kept)) {
      return false;
    }
    eraseRow(row, kept, event);
    return true;
  }

  int eraseFinished(OfficeId office, Instant finishedBy, Instant now, int limit) {
    checkNotNull(office, "office");
    checkNotNull(finishedBy, "finishedBy");
    checkArgument(limit > 0, "limit must be positive");
    List<BookingRow> due =
        rows.values().stream()
            .filter(row -> row.appointment().office().equals(office))
            .filter(row -> row.appointment() instanceof Booking)
            .filter(
                row ->
                    !row.appointment().end().isAfter(finishedBy)
                        || row.cancelledAt()
                            .filter(cancelled -> !cancelled.isAfter(finishedBy))
                            .isPresent())
            .sorted(Comparator.comparing((BookingRow row) -> row.appointment().end()))
            .limit(limit)
            .toList();
    for (BookingRow row : due) {
      AppointmentStatus status = row.appointment().status();
      eraseRow(
          row,
          (Booking) row.appointment(),
          new BookingEvent(
              row.appointment().id(),
              now,
              Actor.SYSTEM,
              status,
              status,
              BookingEvent.ERASURE_NOTE));
    }
    return due.size();
  }

  /**
   * Keeps what statistics need, forgets everything personal, empties the earlier notes, records the
   * event.
   */
  private void eraseRow(BookingRow row, Booking booking, BookingEvent event) {
    boolean cancels =
        event.to() == AppointmentStatus.CANCELLED
            && booking.status() != AppointmentStatus.CANCELLED;
    references.remove(booking.reference());
    rows.put(
        booking.id(),
        new BookingRow(
            booking.withStatus(event.to()).erased(event.at()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ImmutableSet.of(),
            row.reschedules(),
            cancels ? Optional.of(event.at()) : row.cancelledAt()));
    List<BookingEvent> events =
        history.getOrDefault(booking.id(), List.of()).stream()
            .map(
                earlier ->
                    new BookingEvent(
                        earlier.appointment(),
                        earlier.at(),
                        earlier.actor(),
                        earlier.from(),
                        earlier.to(),
                        ""))
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    events.add(event);
    history.put(booking.id(), events);
    auditLog.append(AuditEntry.ofErasure(event));
  }
}
