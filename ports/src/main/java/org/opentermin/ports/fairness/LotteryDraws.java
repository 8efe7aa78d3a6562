package org.opentermin.ports.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.Lottery;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.booking.SystemBookings;
import org.opentermin.ports.booking.SystemBookings.SystemPurpose;
import org.opentermin.ports.in.ChangeResult;
import org.opentermin.ports.in.HoldResult;
import org.opentermin.ports.in.ServiceRequest;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.LotteryStore;
import org.opentermin.ports.out.LotteryStore.DrawKey;
import org.opentermin.ports.out.LotteryStore.Entry;
import org.opentermin.ports.out.LotteryStore.Outcome;
import org.opentermin.ports.out.LotteryStore.OutcomeStatus;
import org.opentermin.ports.out.Notifier;

/**
 * The lottery job: draws every draw whose time has come, in any number of app instances (the store
 * lets one claim each draw). A draw orders its entries by {@link Lottery#drawOrder} and books them
 * in that order, one win per identity: the first free start of the day for the entry's services in
 * the ONLINE contingent, held and confirmed at once with the entry token's hash as the manage
 * token. An entry whose services find no free start, or whose confirmation is refused (the identity
 * limit), loses. Every entrant is notified; losers who asked for it go to the waiting list. Run it
 * every minute: first-come-first-served opens {@link
 * org.opentermin.core.fairness.LotteryPolicy#DRAW_GRACE} after the draw time. Thread-safe.
 *
 * <p>A draw whose instance died is claimed again after {@link #RECLAIM_AFTER}; entries resolved
 * before are kept. An instance that dies between confirming a booking and recording the win leaves
 * that entry pending, and the rerun may book it a second time unless the identity limit refuses.
 */
public final class LotteryDraws {

  /** How long a system hold of a winner lives: enough to confirm it right after placing it. */
  public static final Duration WIN_HOLD = Duration.ofMinutes(5);

  /** After this long, a claimed but unfinished draw counts as abandoned and is claimed again. */
  public static final Duration RECLAIM_AFTER = Duration.ofMinutes(10);

  /** How often a winner's hold is tried when a concurrent claim takes its start first. */
  private static final int HOLD_ATTEMPTS = 3;

  private final CatalogStore catalog;
  private final LotteryStore store;
  private final SystemBookings bookings;
  private final Notifier notifier;
  private final LostEntryHandOff waitingList;
  private final Clock clock;

  public LotteryDraws(
      CatalogStore catalog,
      LotteryStore store,
      SystemBookings bookings,
      Notifier notifier,
      LostEntryHandOff waitingList,
      Clock clock) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.store = checkNotNull(store, "store");
    this.bookings = checkNotNull(bookings, "bookings");
    this.notifier = checkNotNull(notifier, "notifier");
    this.waitingList = checkNotNull(waitingList, "waitingList");
    this.clock = checkNotNull(clock, "clock");
  }

  /** Draws every due draw this instance manages to claim; returns how many it drew. */
  public int run() {
    Instant now = now();
    int drawn = 0;
    for (DrawKey key : store.dueDraws(now, now.minus(RECLAIM_AFTER))) {
      Instant claimedAt = now();
      if (store.claim(key, claimedAt, claimedAt.minus(RECLAIM_AFTER))) {
        draw(key);
        drawn++;
      }
    }
    return drawn;
  }

  private void draw(DrawKey key) {
    // Offices are never deleted, and their secret never changes.
    AccessPolicies policies =
        catalog
            .accessPolicies(key.office())
            .orElseThrow(
                () -> new IllegalStateException("a draw's office is gone: " + key.office()));
    String seed = Lottery.seed(policies.secret(), key.office(), key.day(), key.wave());
    ImmutableList<Entry> order = Lottery.drawOrder(seed, store.entries(key), Entry::id);
    Set<String> won = new HashSet<>();
    for (Entry entry : order) {
      if (entry.outcome().status() == OutcomeStatus.WON) {
        won.addAll(entry.identityKeys()); // resolved by an earlier, abandoned run
      }
    }
    for (Entry entry : order) {
      if (entry.outcome().status() != OutcomeStatus.PENDING) {
        continue;
      }
      boolean mayWin = entry.identityKeys().stream().noneMatch(won::contains);
      Outcome outcome = mayWin ? book(entry) : Outcome.lost();
      if (outcome.status() == OutcomeStatus.WON) {
        won.addAll(entry.identityKeys());
      }
      if (store.resolve(entry.id(), outcome)) {
        tell(entry, outcome);
      }
    }
    store.finish(key, seed, now());
  }

  /**
   * Books the entry's first free start of the day: won, or lost when nothing fits or is allowed.
   */
  private Outcome book(Entry entry) {
    DrawKey key = entry.draw();
    Citizen citizen =
        entry
            .citizen()
            .orElseThrow(() -> new IllegalStateException("a pending entry has its citizen"));
    ImmutableList<ServiceRequest> services =
        entry.services().stream()
            .map(service -> new ServiceRequest(service.service(), service.persons()))
            .collect(ImmutableList.toImmutableList());
    for (int attempt = 0; attempt < HOLD_ATTEMPTS; attempt++) {
      Optional<Instant> start =
          bookings.firstStart(
              key.office(), services, DateRange.ofDay(key.day()), SystemPurpose.LOTTERY_WIN);
      if (start.isEmpty()) {
        return Outcome.lost();
      }
      HoldResult hold =
          bookings.hold(
              key.office(), services, start.get(), now().plus(WIN_HOLD), SystemPurpose.LOTTERY_WIN);
      if (hold instanceof HoldResult.Held held) {
        ChangeResult confirmed =
            bookings.confirm(
                held.hold().id(),
                citizen,
                entry.tokenHash(),
                "lottery " + key.day() + " wave " + key.wave() + ", entry " + entry.id());
        if (confirmed instanceof ChangeResult.Changed changed
            && changed.booking() instanceof Booking booking) {
          return Outcome.won(booking.reference(), booking.start());
        }
        return Outcome.lost();
      }
    }
    return Outcome.lost();
  }

  private void tell(Entry entry, Outcome outcome) {
    DrawKey key = entry.draw();
    Citizen citizen = entry.citizen().orElseThrow();
    boolean won = outcome.status() == OutcomeStatus.WON;
    notifier.send(
        new Notifier.Notification(
            won ? Notifier.Kind.LOTTERY_WON : Notifier.Kind.LOTTERY_LOST,
            key.office(),
            citizen,
            entry.id(),
            Optional.empty(),
            outcome.start()));
    if (!won && entry.waitingListIfLost()) {
      ImmutableList<BookedService> services = entry.services();
      waitingList.add(
          new LostEntryHandOff.Loser(key.office(), services, key.day(), citizen, entry.id()));
    }
  }

  /**
   * The current instant at the database's precision (microseconds), so stored instants round-trip.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
