package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.ports.out.WaitingListStore;

/**
 * A {@link WaitingListStore} in memory, beside the {@link InMemoryBookingStore} whose holds it
 * releases: the reference for adapters and the store of tests. Thread-safe: every method holds the
 * store's lock.
 */
public final class InMemoryWaitingListStore implements WaitingListStore {

  private final InMemoryBookingStore bookings;
  private final Map<WaitingListEntryId, Entry> entries = new LinkedHashMap<>();

  public InMemoryWaitingListStore(InMemoryBookingStore bookings) {
    this.bookings = checkNotNull(bookings, "bookings");
  }

  @Override
  public synchronized Addition add(Entry entry) {
    checkNotNull(entry, "entry");
    checkArgument(
        entry.status() == Status.WAITING && entry.offer().isEmpty(),
        "a new entry is waiting, without an offer");
    checkArgument(!entries.containsKey(entry.id()), "entry %s exists already", entry.id());
    boolean waiting =
        entries.values().stream()
            .filter(other -> other.office().equals(entry.office()) && other.status().isOpen())
            .filter(other -> !Collections.disjoint(other.identityKeys(), entry.identityKeys()))
            .anyMatch(
                other ->
                    other.services().stream()
                        .map(BookedService::service)
                        .anyMatch(
                            service ->
                                entry.services().stream()
                                    .anyMatch(wanted -> wanted.service().equals(service))));
    if (waiting) {
      return Addition.ALREADY_WAITING;
    }
    entries.put(entry.id(), entry);
    return Addition.ADDED;
  }

  @Override
  public synchronized Optional<Entry> find(WaitingListEntryId id) {
    checkNotNull(id, "id");
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public synchronized ImmutableList<Entry> entries(OfficeId office, Set<Status> statuses) {
    checkNotNull(office, "office");
    checkNotNull(statuses, "statuses");
    return entries.values().stream()
        .filter(entry -> entry.office().equals(office) && statuses.contains(entry.status()))
        .sorted(Comparator.comparing(Entry::registeredAt).thenComparing(entry -> entry.id().uuid()))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized boolean offer(WaitingListEntryId id, Offer offer, Instant at) {
    checkNotNull(offer, "offer");
    checkNotNull(at, "at");
    Entry entry = entries.get(checkNotNull(id, "id"));
    if (entry == null || entry.status() != Status.WAITING) {
      return false;
    }
    entries.put(id, entry.with(Status.OFFERED, Optional.of(offer), at));
    return true;
  }

  @Override
  public synchronized boolean changeStatus(
      WaitingListEntryId id, Status expected, Status target, Instant at) {
    checkNotNull(id, "id");
    checkNotNull(at, "at");
    checkArgument(
        expected.canBecome(target) && target != Status.OFFERED,
        "%s cannot become %s here",
        expected,
        target);
    Entry entry = entries.get(id);
    if (entry == null || entry.status() != expected) {
      return false;
    }
    entries.put(id, entry.with(target, entry.offer(), at));
    return true;
  }

  @Override
  public synchronized int deleteFinished(
      OfficeId office, Instant closedBy, LocalDate datesEndedBy, int limit) {
    checkNotNull(office, "office");
    checkNotNull(closedBy, "closedBy");
    checkNotNull(datesEndedBy, "datesEndedBy");
    checkArgument(limit > 0, "limit must be positive");
    List<WaitingListEntryId> finished =
        entries.values().stream()
            .filter(entry -> entry.office().equals(office))
            .filter(
                entry ->
                    (!entry.status().isOpen() && !entry.changedAt().isAfter(closedBy))
                        || !entry.dates().endExclusive().isAfter(datesEndedBy))
            .sorted(Comparator.comparing(Entry::changedAt))
            .limit(limit)
            .map(Entry::id)
            .toList();
    finished.forEach(entries::remove);
    return finished.size();
  }

  @Override
  public boolean releaseHold(AppointmentId hold) {
    return bookings.deleteHold(hold);
  }
}
