package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.Identity;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.BookingStore.IdentityQuota;

/**
 * For a confirmation at an office that limits bookings per identity: the quota the store counts
 * against, with the keys of the citizen's identities. Reads the hold only when some policy of the
 * office has such a limit; a hold that is gone is left for the store to refuse. Thread-safe.
 */
final class IdentityQuotas {

  private final CompiledOffices offices;
  private final BookingStore bookings;

  IdentityQuotas(CompiledOffices offices, BookingStore bookings) {
    this.offices = offices;
    this.bookings = bookings;
  }

  /** The quota for confirming the hold {@code holdId}, read from the store, for {@code citizen}. */
  Step<Optional<IdentityQuota>> forHold(AppointmentId holdId, Citizen citizen) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(holdId.office());
    if (compiled.isEmpty() || !anyIdentityLimit(compiled.get().policies())) {
      return Step.go(Optional.empty());
    }
    return forHold(
        holdId.office(),
        bookings.find(holdId).filter(found -> found.status() == AppointmentStatus.HELD),
        citizen);
  }

  /**
   * The quota for confirming {@code hold} (empty: gone) at {@code officeId} for {@code citizen}.
   */
  Step<Optional<IdentityQuota>> forHold(
      OfficeId officeId, Optional<Appointment> hold, Citizen citizen) {
    Optional<CompiledOffices.CompiledOffice> compiled = offices.get(officeId);
    if (compiled.isEmpty()) {
      return Step.go(Optional.empty());
    }
    AccessPolicies policies = compiled.get().policies();
    if (!anyIdentityLimit(policies)) {
      return Step.go(Optional.empty());
    }
    Optional<IdentityLimit> limit =
        hold.flatMap(
            found -> policies.forServices(BookingChecks.serviceIds(found)).identityLimit());
    if (limit.isEmpty()) {
      return Step.go(Optional.empty());
    }
    ImmutableSet<String> keys =
        Identity.of(citizen).stream()
            .map(identity -> identity.key(policies.secret()))
            .collect(ImmutableSet.toImmutableSet());
    if (keys.isEmpty()) {
      return Step.stop(
          RefusalReason.INVALID_REQUEST,
          "this office needs a valid email address or phone number to book");
    }
    Instant start = hold.get().start();
    return Step.go(
        Optional.of(
            new IdentityQuota(
                keys,
                limit.get().maxBookings(),
                start.minus(limit.get().period()),
                start.plus(limit.get().period()))));
  }

  private static boolean anyIdentityLimit(AccessPolicies policies) {
    return policies.office().identityLimit().isPresent()
        || policies.services().values().stream()
            .anyMatch(policy -> policy.identityLimit().isPresent());
  }
}
