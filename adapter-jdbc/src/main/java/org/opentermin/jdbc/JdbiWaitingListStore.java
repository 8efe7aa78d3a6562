package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.fairness.WaitingListEntryId;
import org.opentermin.core.time.DateRange;
import org.opentermin.ports.out.WaitingListStore;

/**
 * {@link WaitingListStore} in PostgreSQL. Additions lock the person's identity keys (advisory locks
 * for the transaction) before they look for an open entry, so two instances cannot both add one;
 * every other change is a conditional update on the status. Releasing a hold deletes the
 * appointment row only while it is a hold, in the same database that arbitrates holds (ADR 003).
 */
final class JdbiWaitingListStore implements WaitingListStore {

  private final Transactions transactions;

  JdbiWaitingListStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Addition add(Entry entry) {
    checkNotNull(entry, "entry");
    checkArgument(
        entry.status() == Status.WAITING && entry.offer().isEmpty(),
        "a new entry is waiting, without an offer");
    WaitingListSql.EntryRow row = row(entry);
    return transactions.inTransaction(
        handle -> {
          WaitingListSql.lockIdentities(
              handle, row.officeId(), entry.identityKeys().stream().sorted().toList());
          if (WaitingListSql.openEntryExists(
              handle, row.officeId(), row.identityKeys(), row.serviceIds())) {
            return Addition.ALREADY_WAITING;
          }
          WaitingListSql.insert(handle, row);
          return Addition.ADDED;
        });
  }

  @Override
  public Optional<Entry> find(WaitingListEntryId id) {
    checkNotNull(id, "id");
    return transactions
        .read(handle -> WaitingListSql.find(handle, id.office().value(), id.uuid()))
        .map(JdbiWaitingListStore::entry);
  }

  @Override
  public ImmutableList<Entry> entries(OfficeId office, Set<Status> statuses) {
    checkNotNull(office, "office");
    String[] wanted = statuses.stream().map(Status::name).toArray(String[]::new);
    return transactions
        .read(handle -> WaitingListSql.entries(handle, office.value(), wanted))
        .stream()
        .map(JdbiWaitingListStore::entry)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public boolean offer(WaitingListEntryId id, Offer offer, Instant at) {
    checkNotNull(id, "id");
    checkNotNull(offer, "offer");
    checkArgument(
        offer.hold().office().equals(id.office()), "an offer holds time at the entry's office");
    return transactions.singleStatement(
        handle ->
            WaitingListSql.offer(
                handle,
                id.office().value(),
                id.uuid(),
                offer.hold().uuid(),
                JdbiBookingStore.utc(offer.start()),
                JdbiBookingStore.utc(offer.deadline()),
                JdbiBookingStore.utc(at)));
  }

  @Override
  public boolean changeStatus(WaitingListEntryId id, Status expected, Status target, Instant at) {
    checkNotNull(id, "id");
    checkArgument(
        expected.canBecome(target) && target != Status.OFFERED,
        "%s cannot become %s here",
        expected,
        target);
    return transactions.singleStatement(
        handle ->
            WaitingListSql.changeStatus(
                handle,
                id.office().value(),
                id.uuid(),
                expected.name(),
                target.name(),
                JdbiBookingStore.utc(at)));
  }

  @Override
  public boolean releaseHold(AppointmentId hold) {
    checkNotNull(hold, "hold");
    return transactions.singleStatement(
        handle -> WaitingListSql.deleteHold(handle, hold.office().value(), hold.uuid()));
  }

  @Override
  public int deleteFinished(OfficeId office, Instant closedBy, LocalDate datesEndedBy, int limit) {
    checkNotNull(office, "office");
    checkNotNull(datesEndedBy, "datesEndedBy");
    checkArgument(limit > 0, "limit must be positive");
    return transactions.singleStatement(
        handle ->
            PrivacySql.deleteFinishedEntries(
                handle, office.value(), JdbiBookingStore.utc(closedBy), datesEndedBy, limit));
  }

  private static WaitingListSql.EntryRow row(Entry entry) {
    return new WaitingListSql.EntryRow(
        entry.office().value(),
        entry.id().uuid(),
        entry.services().stream().map(service -> service.service().value()).toArray(String[]::new),
        entry.services().stream().map(BookedService::persons).toArray(Integer[]::new),
        entry.dates().start(),
        entry.dates().endExclusive(),
        entry.contact().name(),
        entry.contact().email().orElse(null),
        entry.contact().phone().orElse(null),
        entry.identityKeys().toArray(String[]::new),
        entry.tokenHash(),
        JdbiBookingStore.utc(entry.registeredAt()),
        entry.status().name(),
        null,
        null,
        null,
        JdbiBookingStore.utc(entry.changedAt()));
  }

  private static Entry entry(WaitingListSql.EntryRow row) {
    OfficeId office = OfficeId.of(row.officeId());
    ImmutableList<BookedService> services =
        AppointmentRows.bookedServices(row.serviceIds(), row.persons());
    Optional<Offer> offer =
        row.offeredHold() == null
            ? Optional.empty()
            : Optional.of(
                new Offer(
                    new AppointmentId(office, row.offeredHold()),
                    row.offeredStart().toInstant(),
                    row.offerDeadline().toInstant()));
    return new Entry(
        new WaitingListEntryId(office, row.entryId()),
        services,
        new DateRange(row.firstDay(), row.endDay()),
        new Citizen(
            row.citizenName(),
            Optional.ofNullable(row.citizenEmail()),
            Optional.ofNullable(row.citizenPhone())),
        ImmutableSet.copyOf(Arrays.asList(row.identityKeys())),
        row.tokenHash(),
        row.registeredAt().toInstant(),
        Status.valueOf(row.status()),
        offer,
        row.changedAt().toInstant());
  }
}
