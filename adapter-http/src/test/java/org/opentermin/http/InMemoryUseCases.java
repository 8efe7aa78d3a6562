package org.opentermin.http;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import org.opentermin.ports.access.AccessTokens;
import org.opentermin.ports.audit.AuditService;
import org.opentermin.ports.booking.BookingServices;
import org.opentermin.ports.catalog.CatalogService;
import org.opentermin.ports.challenge.ProofOfWorkChallenge;
import org.opentermin.ports.fairness.LotteryService;
import org.opentermin.ports.fairness.WaitingListService;
import org.opentermin.ports.memory.InMemoryAccessTokenStore;
import org.opentermin.ports.memory.InMemoryBookingStore;
import org.opentermin.ports.memory.InMemoryCatalogStore;
import org.opentermin.ports.memory.InMemoryHoldRates;
import org.opentermin.ports.memory.InMemoryLotteryStore;
import org.opentermin.ports.memory.InMemoryRoutingStore;
import org.opentermin.ports.memory.InMemorySpentChallenges;
import org.opentermin.ports.memory.InMemoryWaitingListStore;
import org.opentermin.ports.out.RandomSource;
import org.opentermin.ports.privacy.PrivacyService;
import org.opentermin.ports.routing.ResponsibilityService;

/**
 * The API's use cases over the in-memory adapters, as the HTTP tests share them: real services on
 * empty stores, a given clock and seeded randomness. A test that needs a booking service of its own
 * (with a video room or with routing) builds it from {@link #bookings()} and passes it to {@link
 * #with(BookingServices)}; one that needs another readiness sets it on the builder.
 */
public final class InMemoryUseCases {

  public final Clock clock;
  public final InMemoryCatalogStore catalogStore = new InMemoryCatalogStore();
  public final InMemoryBookingStore bookingStore = new InMemoryBookingStore();
  public final CatalogService catalog;
  public final ResponsibilityService routing;
  public final AccessTokens tokens;

  public InMemoryUseCases(Clock clock) {
    this.clock = checkNotNull(clock, "clock");
    this.catalog = new CatalogService(catalogStore, bookingStore.auditLog(), clock);
    this.routing =
        new ResponsibilityService(
            catalogStore, new InMemoryRoutingStore(catalogStore), bookingStore.auditLog(), clock);
    this.tokens = new AccessTokens(new InMemoryAccessTokenStore(), clock, RandomSource.seeded(2));
  }

  /** The booking services of these stores, to be configured further. */
  public BookingServices.Builder bookings() {
    RandomSource random = RandomSource.seeded(1);
    return BookingServices.builder(
        catalogStore,
        bookingStore,
        bookingStore.auditLog(),
        clock,
        random,
        ProofOfWorkChallenge.withRandomSecret(random, new InMemorySpentChallenges()),
        new InMemoryHoldRates());
  }

  /** Every use case, with the default booking service, always ready. */
  public UseCases useCases() {
    return with(bookings().build()).build();
  }

  /**
   * Every use case with {@code bookings} for the booking use cases, always ready; the builder takes
   * changes.
   */
  public UseCases.Builder with(BookingServices bookings) {
    PrivacyService privacy =
        new PrivacyService(catalogStore, bookingStore, bookingStore.auditLog(), clock);
    return UseCases.builder()
        .catalog(catalog)
        .configureCatalog(catalog)
        .availability(bookings.availability())
        .hold(bookings.holding())
        .confirm(bookings.confirming())
        .manage(bookings.managing())
        .day(bookings.dayView())
        .challenge(bookings.challenges())
        .waitingList(
            new WaitingListService(
                catalogStore,
                new InMemoryWaitingListStore(bookingStore),
                bookingStore.auditLog(),
                clock,
                RandomSource.seeded(3)))
        .authenticate(tokens)
        .issueAccessToken(tokens)
        .readiness(() -> true)
        .clock(clock)
        .lottery(
            new LotteryService(
                catalogStore, new InMemoryLotteryStore(), clock, RandomSource.seeded(4)))
        .resolveResponsibility(routing)
        .configureResponsibility(routing)
        .audit(new AuditService(catalogStore, bookingStore.auditLog()))
        .personalData(privacy)
        .retention(privacy);
  }
}
