package org.opentermin.ports.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.ConfirmResult;
import org.opentermin.ports.out.BookingStore.HoldPlacement;
import org.opentermin.ports.out.BookingStore.IdentityQuota;
import org.opentermin.ports.out.ConfirmClaim;
import org.opentermin.ports.out.HoldClaim;
import org.opentermin.ports.out.RandomSource;

/** The {@link SystemBookings} of the lottery and the waiting list. Thread-safe. */
final class SystemBookingService implements SystemBookings {

  private final OfficeRequests requests;
  private final Occupancies occupancies;
  private final HoldCandidates candidates;
  private final IdentityQuotas identityQuotas;
  private final BookingStore bookings;
  private final RandomSource random;
  private final Clock clock;

  SystemBookingService(
      OfficeRequests requests,
      Occupancies occupancies,
      HoldCandidates candidates,
      IdentityQuotas identityQuotas,
      BookingStore bookings,
      RandomSource random,
      Clock clock) {
    this.requests = requests;
    this.occupancies = occupancies;
    this.candidates = candidates;
    this.identityQuotas = identityQuotas;
    this.bookings = bookings;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public Optional<Instant> firstStart(
      OfficeId officeId,
      ImmutableList<ServiceRequest> services,
      DateRange dates,
      SystemPurpose purpose) {
    checkNotNull(dates, "dates");
    checkNotNull(purpose, "purpose");
    Step<ResolvedRequest> step =
        requests.resolve(
            officeId, services, Channel.ONLINE, AppointmentMode.IN_PERSON, Actor.SYSTEM);
    if (step instanceof Step.Stop<ResolvedRequest>) {
      return Optional.empty();
    }
    ResolvedRequest resolved = step.value();
    Instant now = BookingChecks.now(clock);
    ZoneId zone = resolved.office().zone();
    Instant from = dates.start().atStartOfDay(zone).toInstant();
    Instant to = dates.endExclusive().atStartOfDay(zone).toInstant();
    Occupancy occupancy =
        occupancies.in(resolved, Channel.ONLINE, from, to, now, purpose.closures());
    Availability availability =
        resolved.finder().findSlots(resolved.request(), dates, occupancy, now);
    return availability.days().stream()
        .flatMap(day -> day.slots().stream())
        .map(Slot::start)
        .findFirst();
  }

  @Override
  public HoldResult hold(
      OfficeId officeId,
      ImmutableList<ServiceRequest> services,
      Instant start,
      Instant expiresAt,
      SystemPurpose purpose) {
    checkNotNull(start, "start");
    checkNotNull(expiresAt, "expiresAt");
    checkNotNull(purpose, "purpose");
    Step<ResolvedRequest> step =
        requests.resolve(
            officeId, services, Channel.ONLINE, AppointmentMode.IN_PERSON, Actor.SYSTEM);
    if (step instanceof Step.Stop<ResolvedRequest> stop) {
      return stop.refused();
    }
    ResolvedRequest resolved = step.value();
    Instant now = BookingChecks.now(clock);
    checkArgument(expiresAt.isAfter(now), "a system hold must expire after now");
    Step<HoldCandidates.Candidates> found =
        candidates.at(resolved, start, Channel.ONLINE, false, purpose.closures(), now);
    if (found instanceof Step.Stop<HoldCandidates.Candidates> stop) {
      return stop.refused();
    }
    HoldClaim claim =
        new HoldClaim(
            new AppointmentId(officeId, random.nextUuid()),
            ImmutableList.copyOf(found.value().resources()),
            start,
            start.plus(resolved.request().duration()),
            BookingChecks.booked(resolved.request()),
            Channel.ONLINE,
            (expiresAt.isAfter(start) ? start : expiresAt).truncatedTo(ChronoUnit.MICROS));
    HoldPlacement placement = bookings.placeHold(claim, Optional.empty(), now);
    if (placement.outcome() == BookingStore.HoldInsertion.INSERTED) {
      return new HoldResult.Held(placement.hold().orElseThrow());
    }
    return new Refused(RefusalReason.UNAVAILABLE, "this time is no longer free");
  }

  @Override
  public ChangeResult confirm(
      AppointmentId hold, Citizen citizen, byte[] manageTokenHash, String note) {
    checkNotNull(hold, "hold");
    checkNotNull(citizen, "citizen");
    checkNotNull(manageTokenHash, "manageTokenHash");
    checkNotNull(note, "note");
    Step<Optional<IdentityQuota>> identityQuota = identityQuotas.forHold(hold, citizen);
    if (identityQuota instanceof Step.Stop<Optional<IdentityQuota>> stop) {
      return stop.refused();
    }
    Instant now = BookingChecks.now(clock);
    BookingEvent event =
        new BookingEvent(
            hold, now, Actor.SYSTEM, AppointmentStatus.HELD, AppointmentStatus.CONFIRMED, note);
    for (int attempt = 0; attempt < ConfirmationService.REFERENCE_ATTEMPTS; attempt++) {
      BookingReference reference = BookingReference.random(random::nextInt);
      ConfirmResult result =
          bookings.confirm(
              ConfirmClaim.of(
                      hold,
                      EnumSet.of(Channel.ONLINE),
                      reference,
                      manageTokenHash,
                      citizen,
                      now,
                      event)
                  .withIdentityQuota(identityQuota.value()));
      switch (result.outcome()) {
        case CONFIRMED:
          return new ChangeResult.Changed(result.booking().orElseThrow());
        case IDENTITY_LIMIT:
          return new Refused(
              RefusalReason.IDENTITY_LIMIT,
              "the same person already has as many bookings for this service at this office as it"
                  + " allows");
        case NOT_LIVE:
        case KEY_TAKEN:
          return new Refused(RefusalReason.HOLD_EXPIRED, "the hold is gone");
        case REFERENCE_TAKEN:
          break; // draw another reference
      }
    }
    throw new IllegalStateException(
        "no unused booking reference after "
            + ConfirmationService.REFERENCE_ATTEMPTS
            + " attempts");
  }
}
