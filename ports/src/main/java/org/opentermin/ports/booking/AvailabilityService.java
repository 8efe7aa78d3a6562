package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.availability.Slot;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.ClosureScope;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.ports.in.AvailabilityResult;
import org.opentermin.ports.in.FindAvailability;
import org.opentermin.ports.in.FirstSlotResult;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.in.ServiceRequest;

/**
 * Free starts for citizens and staff: the office's slots minus bookings, live holds and what the
 * fair-access policy keeps closed for the channel (ADR 005). Thread-safe.
 */
final class AvailabilityService implements FindAvailability {

  private final OfficeRequests requests;
  private final Occupancies occupancies;
  private final Clock clock;

  AvailabilityService(OfficeRequests requests, Occupancies occupancies, Clock clock) {
    this.requests = requests;
    this.occupancies = occupancies;
    this.clock = clock;
  }

  @Override
  public AvailabilityResult findSlots(FindAvailability.Query query) {
    if (query.dates().lengthInDays() > MAXIMUM_QUERY_DAYS) {
      return new Refused(
          RefusalReason.INVALID_REQUEST, "a query spans at most " + MAXIMUM_QUERY_DAYS + " days");
    }
    Step<ResolvedRequest> step =
        requests.resolveRouted(
            query.office(),
            query.services(),
            query.channel(),
            query.mode(),
            Actor.SYSTEM,
            query.routing());
    if (step instanceof Step.Stop<ResolvedRequest> stop) {
      return stop.refused();
    }
    ResolvedRequest resolved = step.value();
    Instant now = BookingChecks.now(clock);
    ZoneId zone = resolved.office().zone();
    Instant from = query.dates().start().atStartOfDay(zone).toInstant();
    Instant to = query.dates().endExclusive().atStartOfDay(zone).toInstant();
    Occupancy occupancy =
        occupancies.in(resolved, query.channel(), from, to, now, ClosureScope.ALL);
    Availability availability =
        resolved.finder().findSlots(resolved.request(), query.dates(), occupancy, now);
    return new AvailabilityResult.Found(availability);
  }

  @Override
  public FirstSlotResult firstFreeSlot(
      OfficeId officeId,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      Optional<RoutingInputs> routing,
      AppointmentMode mode) {
    Step<ResolvedRequest> step =
        requests.resolveRouted(officeId, services, channel, mode, Actor.SYSTEM, routing);
    if (step instanceof Step.Stop<ResolvedRequest> stop) {
      return stop.refused();
    }
    ResolvedRequest resolved = step.value();
    Instant now = BookingChecks.now(clock);
    Office office = resolved.office();
    LocalDate today = LocalDate.ofInstant(now, office.zone());
    Instant horizonEnd =
        today
            .plusDays(office.horizon().maximumDaysAhead() + 1L)
            .atStartOfDay(office.zone())
            .toInstant();
    Occupancy occupancy = occupancies.in(resolved, channel, now, horizonEnd, now, ClosureScope.ALL);
    Optional<Slot> first = resolved.finder().firstFreeSlot(resolved.request(), now, occupancy, now);
    return first
        .<FirstSlotResult>map(slot -> new FirstSlotResult.Found(slot, office.zone()))
        .orElseGet(FirstSlotResult.NoneFree::new);
  }
}
