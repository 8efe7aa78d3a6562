package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.opentermin.core.access.AccessGrant;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ViewDay;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;

/**
 * A day's bookings at one office for staff whose grant reaches it. The read is appended to the
 * {@link AuditLog} before the bookings are returned: if the log cannot take the entry, nobody sees
 * them. Thread-safe.
 */
final class DayViewService implements ViewDay {

  private final CompiledOffices offices;
  private final BookingStore bookings;
  private final AuditLog audit;
  private final Clock clock;

  DayViewService(CompiledOffices offices, BookingStore bookings, AuditLog audit, Clock clock) {
    this.offices = offices;
    this.bookings = bookings;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public DayResult bookingsOn(OfficeId officeId, LocalDate date, AccessGrant viewer) {
    checkNotNull(officeId, "officeId");
    checkNotNull(date, "date");
    checkNotNull(viewer, "viewer");
    if (!viewer.reaches(officeId)) {
      return new Refused(
          RefusalReason.NOT_PERMITTED, "this token does not reach office " + officeId);
    }
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(officeId);
    if (compiled.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown office " + officeId);
    }
    ZoneId zone = compiled.get().office().zone();
    Instant from = date.atStartOfDay(zone).toInstant();
    Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
    audit.append(
        AuditEntry.readDay(
            BookingChecks.now(clock), Actor.staff(viewer.tokenId()), officeId, date));
    return new ViewDay.Day(compiled.get().office(), date, bookings.bookings(officeId, from, to));
  }
}
