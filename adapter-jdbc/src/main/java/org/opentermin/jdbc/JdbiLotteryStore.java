package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static org.opentermin.jdbc.JdbiBookingStore.utc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.ports.out.LotteryStore;

/**
 * {@link LotteryStore} in PostgreSQL. The primary key of {@code lottery_entry_identities} admits
 * one entry per identity and draw; an entry holds its draw's row with {@code FOR SHARE} while it is
 * added, so a claim (a conditional update of that row) waits for it, and an entry after a claim
 * sees the draw closed. Each method is one transaction.
 */
final class JdbiLotteryStore implements LotteryStore {

  private final Transactions transactions;

  JdbiLotteryStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Insertion enter(Draw draw, Entry entry) {
    checkNotNull(draw, "draw");
    checkNotNull(entry, "entry");
    checkArgument(draw.key().equals(entry.draw()), "the entry belongs to another draw");
    checkArgument(draw.status() == DrawStatus.OPEN, "a new draw is open");
    checkArgument(
        entry.outcome().status() == OutcomeStatus.PENDING && entry.citizen().isPresent(),
        "a new entry is pending");
    DrawKey key = draw.key();
    String office = key.office().value();
    return transactions.inTransaction(
        handle -> {
          LotterySql.insertDrawIfAbsent(
              handle,
              new LotterySql.DrawRow(
                  office,
                  key.day(),
                  key.wave(),
                  utc(draw.drawAt()),
                  draw.commitment(),
                  "OPEN",
                  null,
                  null,
                  null));
          String status =
              LotterySql.lockDrawForEntry(handle, office, key.day(), key.wave()).orElseThrow();
          if (!status.equals("OPEN")) {
            return Insertion.DRAW_CLOSED;
          }
          Citizen citizen = entry.citizen().orElseThrow();
          LotterySql.insertEntry(
              handle,
              new LotterySql.EntryRow(
                  entry.id(),
                  office,
                  key.day(),
                  key.wave(),
                  entry.tokenHash(),
                  entry.services().stream()
                      .map(service -> service.service().value())
                      .toArray(String[]::new),
                  entry.services().stream().map(BookedService::persons).toArray(Integer[]::new),
                  citizen.name(),
                  citizen.email().orElse(null),
                  citizen.phone().orElse(null),
                  entry.waitingListIfLost(),
                  utc(entry.enteredAt()),
                  OutcomeStatus.PENDING.name(),
                  null,
                  null));
          for (String identity : entry.identityKeys()) {
            if (!LotterySql.claimIdentity(
                handle, office, key.day(), key.wave(), identity, entry.id())) {
              handle.rollback();
              return Insertion.IDENTITY_TAKEN;
            }
          }
          return Insertion.ENTERED;
        });
  }

  @Override
  public Optional<Entry> entry(String entryId) {
    checkNotNull(entryId, "entryId");
    return transactions.read(
        handle ->
            LotterySql.entry(handle, entryId)
                .map(
                    row ->
                        entry(row, ImmutableSet.copyOf(LotterySql.identityKeys(handle, entryId)))));
  }

  @Override
  public Optional<Draw> draw(DrawKey key) {
    checkNotNull(key, "key");
    return transactions
        .read(handle -> LotterySql.draw(handle, key.office().value(), key.day(), key.wave()))
        .map(JdbiLotteryStore::draw);
  }

  @Override
  public ImmutableList<Draw> draws(OfficeId office, LocalDate day) {
    checkNotNull(office, "office");
    checkNotNull(day, "day");
    return transactions.read(handle -> LotterySql.draws(handle, office.value(), day)).stream()
        .map(JdbiLotteryStore::draw)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public ImmutableList<Entry> entries(DrawKey key) {
    checkNotNull(key, "key");
    String office = key.office().value();
    return transactions.inTransaction(
        handle -> {
          ImmutableSetMultimap.Builder<String, String> keys = ImmutableSetMultimap.builder();
          for (String[] pair :
              LotterySql.identityKeysOfDraw(handle, office, key.day(), key.wave())) {
            keys.put(pair[0], pair[1]);
          }
          ImmutableSetMultimap<String, String> byEntry = keys.build();
          List<Entry> entries = new ArrayList<>();
          for (LotterySql.EntryRow row :
              LotterySql.entries(handle, office, key.day(), key.wave())) {
            entries.add(entry(row, byEntry.get(row.entryId())));
          }
          return ImmutableList.copyOf(entries);
        });
  }

  @Override
  public ImmutableList<DrawKey> dueDraws(Instant now, Instant reclaimBefore) {
    checkNotNull(now, "now");
    checkNotNull(reclaimBefore, "reclaimBefore");
    return transactions
        .read(handle -> LotterySql.due(handle, utc(now), utc(reclaimBefore)))
        .stream()
        .map(row -> new DrawKey(OfficeId.of(row.officeId()), row.day(), row.wave()))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public boolean claim(DrawKey key, Instant now, Instant reclaimBefore) {
    checkNotNull(key, "key");
    checkNotNull(now, "now");
    checkNotNull(reclaimBefore, "reclaimBefore");
    return transactions.singleStatement(
        handle ->
            LotterySql.claim(
                handle, key.office().value(), key.day(), key.wave(), utc(now), utc(reclaimBefore)));
  }

  @Override
  public boolean resolve(String entryId, Outcome outcome) {
    checkNotNull(entryId, "entryId");
    checkNotNull(outcome, "outcome");
    checkArgument(outcome.status() != OutcomeStatus.PENDING, "an entry is resolved as won or lost");
    return transactions.singleStatement(
        handle ->
            LotterySql.resolve(
                handle,
                entryId,
                outcome.status().name(),
                outcome.reference().map(BookingReference::value).orElse(null),
                outcome.start().map(JdbiBookingStore::utc).orElse(null)));
  }

  @Override
  public boolean finish(DrawKey key, String seed, Instant drawnAt) {
    checkNotNull(key, "key");
    checkNotNull(seed, "seed");
    checkNotNull(drawnAt, "drawnAt");
    return transactions.singleStatement(
        handle ->
            LotterySql.finish(
                handle, key.office().value(), key.day(), key.wave(), seed, utc(drawnAt)));
  }

  @Override
  public int deleteEntries(OfficeId office, LocalDate dayBefore, int limit) {
    checkNotNull(office, "office");
    checkNotNull(dayBefore, "dayBefore");
    checkArgument(limit > 0, "limit must be positive");
    return transactions.singleStatement(
        handle -> PrivacySql.deleteLotteryEntries(handle, office.value(), dayBefore, limit));
  }

  private static Draw draw(LotterySql.DrawRow row) {
    return new Draw(
        new DrawKey(OfficeId.of(row.officeId()), row.day(), row.wave()),
        row.drawAt().toInstant(),
        row.commitment(),
        DrawStatus.valueOf(row.status()),
        Optional.ofNullable(row.claimedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.seed()),
        Optional.ofNullable(row.drawnAt()).map(OffsetDateTime::toInstant));
  }

  private static Entry entry(LotterySql.EntryRow row, ImmutableSet<String> identityKeys) {
    ImmutableList<BookedService> services =
        AppointmentRows.bookedServices(row.serviceIds(), row.persons());
    Optional<Citizen> citizen =
        Optional.ofNullable(row.citizenName())
            .map(
                name ->
                    new Citizen(
                        name,
                        Optional.ofNullable(row.citizenEmail()),
                        Optional.ofNullable(row.citizenPhone())));
    Outcome outcome =
        switch (OutcomeStatus.valueOf(row.outcome())) {
          case PENDING -> Outcome.pending();
          case LOST -> Outcome.lost();
          case WON ->
              Outcome.won(
                  new BookingReference(row.reference()), row.appointmentStart().toInstant());
        };
    return new Entry(
        row.entryId(),
        new DrawKey(OfficeId.of(row.officeId()), row.day(), row.wave()),
        row.tokenHash(),
        services,
        citizen,
        identityKeys,
        row.waitingListIfLost(),
        row.enteredAt().toInstant(),
        outcome);
  }
}
