package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentStatus;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.WaitingListPolicy;
import org.opentermin.core.fairness.WaitingOrder;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.SystemBookings;
import org.opentermin.ports.booking.SystemBookings.SystemPurpose;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.Notifier;
import org.opentermin.ports.out.WaitingListStore;
import org.opentermin.ports.out.WaitingListStore.Entry;
import org.opentermin.ports.out.WaitingListStore.Offer;
import org.opentermin.ports.out.WaitingListStore.Status;

/**
 * The waiting-list job, run every minute: for each office with a waiting list it first settles the
 * offers (a confirmed hold makes the entry {@link Status#BOOKED}; a hold that expired or is gone
 * makes it {@link Status#LAPSED}, so the capacity moves on), then offers free capacity to the
 * waiting entries in {@link WaitingOrder} (first come, first served; ties by the office's keyed
 * hash): the earliest start within the entry's dates that a waiting-list offer may take (capacity
 * in quarantine after a cancellation included), held until the policy's offer expiry, then the
 * entry is marked offered and the {@link Notifier} told. Entries whose dates passed become {@link
 * Status#EXPIRED}.
 *
 * <p>Safe in several app instances at once: the booking store arbitrates every hold, and every
 * entry change is a compare-and-set on its status. If two instances hold for the same entry, only
 * one marks it offered; the other releases its hold at once. If an instance stops between the hold
 * and the mark, the hold simply expires; between the mark and the notification, the offer stands
 * and the citizen sees it on the entry (a transactional outbox, roadmap step 6, will make the
 * notification reliable). Thread-safe.
 */
public final class WaitingListOffers {

  private final CatalogStore catalog;
  private final SystemBookings booking;
  private final BookingStore bookings;
  private final WaitingListStore store;
  private final Notifier notifier;
  private final Clock clock;

  public WaitingListOffers(
      CatalogStore catalog,
      SystemBookings booking,
      BookingStore bookings,
      WaitingListStore store,
      Notifier notifier,
      Clock clock) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.booking = checkNotNull(booking, "booking");
    this.bookings = checkNotNull(bookings, "bookings");
    this.store = checkNotNull(store, "store");
    this.notifier = checkNotNull(notifier, "notifier");
    this.clock = checkNotNull(clock, "clock");
  }

  /**
   * Settles the open offers and makes new ones at every office; returns how many offers it made.
   */
  public int run() {
    int offers = 0;
    for (Office office : catalog.offices()) {
      Optional<AccessPolicies> policies = catalog.accessPolicies(office.id());
      if (policies.isPresent() && hasWaitingList(policies.get())) {
        settle(office, now());
        offers += offer(office, policies.get(), now());
      }
    }
    return offers;
  }

  private static boolean hasWaitingList(AccessPolicies policies) {
    return policies.office().waitingList().isPresent()
        || policies.services().values().stream()
            .map(AccessPolicy::waitingList)
            .anyMatch(Optional::isPresent);
  }

  /**
   * Offered entries whose hold was confirmed become booked; those whose hold expired or is gone,
   * lapsed.
   */
  private void settle(Office office, Instant now) {
    for (Entry entry : store.entries(office.id(), EnumSet.of(Status.OFFERED))) {
      Offer offer = entry.offer().orElseThrow();
      Optional<Appointment> hold = bookings.find(offer.hold());
      if (hold.isPresent() && hold.get().status() != AppointmentStatus.HELD) {
        store.changeStatus(entry.id(), Status.OFFERED, Status.BOOKED, now);
      } else if (hold.isEmpty() || !hold.get().isLiveHoldAt(now)) {
        store.changeStatus(entry.id(), Status.OFFERED, Status.LAPSED, now);
      }
    }
  }

  private int offer(Office office, AccessPolicies policies, Instant now) {
    DateRange bookable = WaitingListService.bookable(office, now);
    LocalDate today = bookable.start();
    ImmutableList<Entry> waiting =
        WaitingOrder.order(
            policies.secret(),
            store.entries(office.id(), EnumSet.of(Status.WAITING)),
            Entry::registeredAt,
            entry -> entry.id().toString());
    // Requests that found nothing free in this run: later entries asking the same need not look
    // again.
    Set<String> nothingFree = new HashSet<>();
    int offers = 0;
    for (Entry entry : waiting) {
      if (!entry.dates().endExclusive().isAfter(today)) {
        store.changeStatus(entry.id(), Status.WAITING, Status.EXPIRED, now);
        continue;
      }
      List<ServiceId> ids = entry.services().stream().map(BookedService::service).toList();
      Optional<WaitingListPolicy> policy = policies.forServices(ids).waitingList();
      DateRange dates = entry.dates().intersection(bookable);
      if (policy.isEmpty() || dates.isEmpty()) {
        continue;
      }
      ImmutableList<ServiceRequest> services =
          entry.services().stream()
              .map(service -> new ServiceRequest(service.service(), service.persons()))
              .collect(ImmutableList.toImmutableList());
      String request = services + "|" + dates;
      if (nothingFree.contains(request)) {
        continue;
      }
      Optional<Instant> start =
          booking.firstStart(office.id(), services, dates, SystemPurpose.WAITING_LIST_OFFER);
      if (start.isEmpty()) {
        nothingFree.add(request);
        continue;
      }
      if (alreadyBooked(office, policies.forServices(ids), entry, start.get())) {
        continue; // an offer the identity limit would refuse blocks the time for nothing
      }
      HoldResult held =
          booking.hold(
              office.id(),
              services,
              start.get(),
              policy.get().offerExpiresAt(now),
              SystemPurpose.WAITING_LIST_OFFER);
      if (!(held instanceof HoldResult.Held placed)) {
        continue; // taken meanwhile; the next run looks again
      }
      Hold hold = placed.hold();
      Offer offer = new Offer(hold.id(), hold.start(), hold.expiresAt());
      if (!store.offer(entry.id(), offer, now)) {
        // Another instance offered to (or the citizen withdrew) this entry first.
        store.releaseHold(hold.id());
        continue;
      }
      notifier.send(
          new Notifier.Notification(
              Notifier.Kind.WAITING_LIST_OFFER,
              office.id(),
              entry.contact(),
              entry.id().toString(),
              Optional.of(offer.deadline()),
              Optional.of(offer.start())));
      offers++;
    }
    return offers;
  }

  /**
   * Whether the entry's person already has as many bookings as the identity limit allows around
   * {@code start}.
   */
  private boolean alreadyBooked(Office office, AccessPolicy policy, Entry entry, Instant start) {
    if (policy.identityLimit().isEmpty()) {
      return false;
    }
    IdentityLimit limit = policy.identityLimit().get();
    Set<ServiceId> services =
        entry.services().stream()
            .map(BookedService::service)
            .collect(ImmutableSet.toImmutableSet());
    int active =
        bookings.activeBookings(
            office.id(),
            entry.identityKeys(),
            services,
            start.minus(limit.period()),
            start.plus(limit.period()));
    return active >= limit.maxBookings();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
