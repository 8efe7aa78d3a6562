package org.opentermin.ports.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.BookingRules;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.ports.booking.Secrets;
import org.opentermin.ports.in.BookingAccess;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.ConfigureRetention;
import org.opentermin.ports.in.ManagePersonalData;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.StoredBooking;
import org.opentermin.ports.out.CatalogStore;

/**
 * The citizen's download and early erasure of their booking's data, and the offices' retention
 * periods. Erasure is decided by {@link BookingRules#erase} and applied by the store as one
 * conditional step, so that a booking changed meanwhile (checked in, moved, cancelled) is not
 * erased on an outdated decision; the store records it in the audit log with the change. Staff
 * reach only their offices' bookings, and a download by staff is recorded in the {@link AuditLog}
 * before the data is returned (ADR 010). Thread-safe.
 */
public final class PrivacyService implements ManagePersonalData, ConfigureRetention {

  private final CatalogStore catalog;
  private final BookingStore bookings;
  private final AuditLog audit;
  private final Clock clock;

  public PrivacyService(CatalogStore catalog, BookingStore bookings, AuditLog audit, Clock clock) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.bookings = checkNotNull(bookings, "bookings");
    this.audit = checkNotNull(audit, "audit");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public Optional<BookingData> download(BookingReference reference, BookingAccess access) {
    Optional<Booking> found = accessible(reference, access);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Booking booking = found.get();
    Optional<Office> office = catalog.office(booking.office());
    Optional<BookingStore.Pseudonyms> pseudonyms = bookings.pseudonyms(booking.id());
    if (office.isEmpty() || pseudonyms.isEmpty()) {
      return Optional.empty(); // erased between the two reads
    }
    ImmutableList<BookingEvent> history = bookings.history(booking.id());
    ImmutableList<Service> services =
        booking.services().stream()
            .map(BookedService::service)
            .flatMap(service -> catalog.service(service).stream())
            .collect(ImmutableList.toImmutableList());
    RetentionPeriod retention =
        catalog.retentionPeriod(booking.office()).orElse(RetentionPeriod.DEFAULT);
    if (access instanceof BookingAccess.ByStaff) {
      Instant now = now();
      audit.append(
          AuditEntry.readBooking(now, access.actor(), AuditAction.VIEWED_BOOKING, booking));
      audit.append(
          AuditEntry.readBooking(now, access.actor(), AuditAction.VIEWED_HISTORY, booking));
    }
    Optional<Instant> cancelledAt =
        booking.status() == AppointmentStatus.CANCELLED
            ? history.reverse().stream()
                .filter(
                    event ->
                        event.to() == AppointmentStatus.CANCELLED
                            && event.from() != AppointmentStatus.CANCELLED)
                .map(BookingEvent::at)
                .findFirst()
            : Optional.empty();
    return Optional.of(
        new BookingData(
            booking,
            office.get(),
            services,
            history,
            pseudonyms.map(PrivacyService::pseudonyms).orElseThrow(),
            retention,
            retention.erasureDue(booking, cancelledAt)));
  }

  @Override
  public ChangeResult erase(BookingReference reference, BookingAccess access) {
    Optional<Booking> found = accessible(reference, access);
    if (found.isEmpty()) {
      return new Refused(RefusalReason.NOT_FOUND, "unknown booking");
    }
    Booking booking = found.get();
    Instant now = now();
    Optional<RefusalReason> refusal = BookingRules.erase(booking, access.actor(), now);
    if (refusal.isPresent()) {
      return new Refused(
          refusal.get(),
          refusal.get() == RefusalReason.TOO_EARLY
              ? "the appointment is under way; its data can be erased once it has ended"
              : "this booking's data cannot be erased");
    }
    AppointmentStatus target = BookingRules.statusAfterErasure(booking, now);
    BookingEvent event =
        new BookingEvent(
            booking.id(), now, access.actor(), booking.status(), target, BookingEvent.ERASURE_NOTE);
    if (!bookings.erase(booking.id(), booking.status(), event)) {
      return new Refused(
          RefusalReason.ILLEGAL_TRANSITION, "the booking changed meanwhile; try again");
    }
    return new ChangeResult.Changed(booking.withStatus(target).erased(now));
  }

  @Override
  public Optional<RetentionPeriod> retentionPeriod(OfficeId office) {
    return catalog.retentionPeriod(checkNotNull(office, "office"));
  }

  @Override
  public Optional<Refused> setRetentionPeriod(OfficeId office, RetentionPeriod period, Actor by) {
    checkNotNull(office, "office");
    checkNotNull(period, "period");
    checkNotNull(by, "by");
    if (catalog.office(office).isEmpty()) {
      return Optional.of(new Refused(RefusalReason.NOT_FOUND, "unknown office " + office));
    }
    // Recorded first, as every configuration change: a shorter period erases bookings within
    // minutes.
    audit.append(
        AuditEntry.ofOffice(
            now(),
            by,
            AuditAction.CONFIGURED,
            office,
            "retention period: " + period.days() + " days"));
    catalog.saveRetentionPeriod(office, period);
    return Optional.empty();
  }

  /**
   * The current instant at the database's precision (microseconds), so stored instants round-trip.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The booking if the access reaches it; a wrong token, or staff of another office, looks exactly
   * like an unknown reference.
   */
  private Optional<Booking> accessible(BookingReference reference, BookingAccess access) {
    checkNotNull(reference, "reference");
    checkNotNull(access, "access");
    Optional<StoredBooking> stored =
        bookings
            .findByReference(reference)
            .filter(found -> access.mayReach(found.booking().office()));
    if (access instanceof BookingAccess.ByToken byToken) {
      stored =
          stored.filter(
              found -> Secrets.tokenMatches(byToken.manageToken(), found.manageTokenHash()));
    }
    return stored.map(StoredBooking::booking);
  }

  private static ManagePersonalData.Pseudonyms pseudonyms(BookingStore.Pseudonyms stored) {
    return new ManagePersonalData.Pseudonyms(
        stored.identityKeys(), stored.clientKey(), stored.idempotencyKey());
  }
}
